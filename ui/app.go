// Package ui is the Fyne window of Secretariat desk: the window, its
// navigation and the list of sections. The sections live in their own
// packages (dashboard, members, org, system) over the shell and the kit
// they share (ui/kit); none imports another.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/dashboard"
	"github.com/secdesk/secdesk/ui/indicators"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/meetings"
	"github.com/secdesk/secdesk/ui/members"
	"github.com/secdesk/secdesk/ui/msg"
	"github.com/secdesk/secdesk/ui/org"
	"github.com/secdesk/secdesk/ui/system"
	"github.com/secdesk/secdesk/ui/tasks"
)

// AppName is the program's name, shown in the title bar after the group's.
const AppName = kit.AppName

// sections are the entries of the navigation, in order. A new section is
// one line here.
func sections(sh kit.Shell) []kit.Section {
	return []kit.Section{
		dashboard.New(sh),
		members.New(sh),
		meetings.New(sh),
		tasks.New(sh),
		org.New(sh),
		indicators.New(sh),
		system.New(sh),
	}
}

// App is the main window: the shell (kit.Desk) with the navigation on the
// left and the section shown on the right.
type App struct {
	*kit.Desk
	win     fyne.Window
	nav     *widget.List
	content *fyne.Container
}

// Start builds the main window on s. The caller shows it.
func Start(a fyne.App, s store.Store) fyne.Window {
	return newApp(a, s, sections).win
}

func newApp(a fyne.App, s store.Store, make func(kit.Shell) []kit.Section) *App {
	return newAppIn(a, a.NewWindow(AppName), s, make)
}

// newAppIn builds the main window in w: a new window, or the first-run
// guide's once the data file is made (its content is replaced).
func newAppIn(a fyne.App, w fyne.Window, s store.Store, make func(kit.Shell) []kit.Section) *App {
	a.Settings().SetTheme(kit.NewTheme())
	app := &App{win: w}
	app.win.SetIcon(assets.Icon)
	app.Desk = kit.NewDesk(a, app.win, s)
	applySavedLanguage(app.Settings())
	app.OnSettings = app.updateTitle
	app.OnRebuilt = app.rebuilt
	app.SetSections(make)
	app.content = container.NewStack()
	app.nav = app.newNavigation()
	split := container.NewHSplit(app.nav, app.content)
	split.Offset = 0.13
	app.win.SetContent(split)
	app.win.Resize(fyne.NewSize(1360, 730))
	app.win.SetMaster()
	app.win.SetOnClosed(app.Close)
	app.updateTitle()
	app.nav.Select(0)
	app.WatchOthers()
	return app
}

// applySavedLanguage switches to the language chosen under 系统 → 设置
// when the data file is opened. With no choice saved the language the
// program was started in (LANG) stays.
func applySavedLanguage(st store.Settings) {
	if st.Language == "" || (st.Language == "en") == msg.LanguageIsEnglish() {
		return
	}
	msg.SetLanguage(st.Language)
}

// updateTitle shows the group's name first: with several data files open
// on one PC, the clerk sees at once which group a window belongs to. The
// demo group's file says 演示数据 before it, so nobody types the real
// register into it.
func (a *App) updateTitle() { a.win.SetTitle(Title(a.Settings())) }

// Title is the window's title for a data file with the settings st.
func Title(st store.Settings) string {
	t := st.GroupName + " — " + msg.T(AppName)
	if st.Demo {
		t = msg.T("演示数据") + " — " + t
	}
	return t
}

func (a *App) newNavigation() *widget.List {
	nav := widget.NewList(
		func() int { return len(a.Sections()) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("成员单位管理"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := a.Sections()[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(s.Icon())
			box.Objects[1].(*widget.Label).SetText(msg.T(s.Title()))
		})
	nav.OnSelected = a.show
	return nav
}

// show puts section i on the right: built the first time, refreshed if a
// change it watches was made while it was hidden.
func (a *App) show(i int) {
	a.content.Objects = []fyne.CanvasObject{a.Show(i)}
	a.content.Refresh()
}

// rebuilt follows a language switch: every section was made again, so the
// navigation is relabelled and the one on screen built and shown again.
func (a *App) rebuilt() {
	a.nav.Refresh()
	a.updateTitle()
	a.show(a.Current())
}
