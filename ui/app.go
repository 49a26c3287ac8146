// Package ui is the Fyne window of Secretariat desk: the shell (window,
// navigation, error display, background work) and one file per section.
// Everything it does to data goes through store.Store.
package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// AppName is the program's name, shown in the title bar after the group's.
const AppName = "秘书处工作台"

// App is the main window and what its sections share.
type App struct {
	fyne     fyne.App
	win      fyne.Window
	store    store.Store
	settings store.Settings

	sections []*section
	current  int
	nav      *widget.List
	content  *fyne.Container

	// formDialogs are the form dialogs on screen, the innermost last: a
	// person can be created in a dialog opened over a seat dialog.
	formDialogs []*formDialog
	// lastDir is the folder of the last file opened or saved in any
	// section, where the next file dialog starts.
	lastDir string

	// busy counts background jobs, so tests can wait for them.
	busy sync.WaitGroup
}

// section is one entry of the left navigation. Its view is built the first
// time it is shown; refresh is called when it is shown again and after any
// change to the data, so every section always shows what is stored.
type section struct {
	title   string
	icon    fyne.Resource
	build   func() fyne.CanvasObject
	refresh func()
	view    fyne.CanvasObject
}

// Start builds the main window on s. The caller shows it.
func Start(a fyne.App, s store.Store) fyne.Window {
	app := newApp(a, s)
	return app.win
}

func newApp(a fyne.App, s store.Store) *App {
	a.Settings().SetTheme(newAppTheme())
	app := &App{fyne: a, store: s, win: a.NewWindow(AppName)}
	app.win.SetIcon(assets.Icon)
	app.settings = app.loadSettings()
	applySavedLanguage(app.settings)
	app.sections = app.newSections()
	app.content = container.NewStack()
	app.nav = app.newNavigation()
	split := container.NewHSplit(app.nav, app.content)
	split.Offset = 0.13
	app.win.SetContent(split)
	app.win.Resize(fyne.NewSize(1360, 730))
	app.win.SetMaster()
	app.updateTitle()
	app.nav.Select(0)
	return app
}

func (a *App) loadSettings() store.Settings {
	st, err := a.store.Settings()
	if err != nil {
		a.showError(err)
	}
	if st.GroupName == "" {
		st.GroupName = store.DefaultGroupName
	}
	return st
}

// updateTitle shows the group's name first: with several data files open
// on one PC, the clerk sees at once which group a window belongs to.
func (a *App) updateTitle() {
	a.win.SetTitle(a.settings.GroupName + " — " + msg.T(AppName))
}

func (a *App) newNavigation() *widget.List {
	nav := widget.NewList(
		func() int { return len(a.sections) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("成员单位管理"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(a.sections[i].icon)
			box.Objects[1].(*widget.Label).SetText(msg.T(a.sections[i].title))
		})
	nav.OnSelected = a.show
	return nav
}

// show puts section i on the right.
func (a *App) show(i int) {
	s := a.sections[i]
	a.current = i
	if s.view == nil {
		s.view = s.build()
	} else if s.refresh != nil {
		s.refresh()
	}
	a.content.Objects = []fyne.CanvasObject{s.view}
	a.content.Refresh()
}

// topDialog is the innermost form dialog on screen, or nil; tests fill
// in its fields.
func (a *App) topDialog() *formDialog {
	if n := len(a.formDialogs); n > 0 {
		return a.formDialogs[n-1]
	}
	return nil
}

// dataChanged refreshes every section already built, after a change made
// in one of them (an admission shows on the dashboard, an import in the
// register).
func (a *App) dataChanged() {
	for _, s := range a.sections {
		if s.view != nil && s.refresh != nil {
			s.refresh()
		}
	}
}
