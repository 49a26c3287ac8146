// Package kit is what the sections of the window share: the Shell they run
// in and the Section they are, the form dialog and its fields, tables,
// labels, the import preview, file dialogs, background work and loading.
// It knows no section. A section imports kit, pick, store, store/xlsx and
// msg, and never another section.
//
// Threading: widgets are touched on the UI thread only. Store reads and
// writes run in Shell.Background (or a Loader), which hands the results
// back on the UI thread. Loaded data is read-only and may be shared
// between sections (Shell.Data): clone a record before changing it.
// msg.SetLanguage is called on the UI thread only, so no background work
// may format text.
package kit

import (
	"context"

	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// AppName is the program's name, shown in the title bar after the group's.
const AppName = "秘书处工作台"

// Shell is what a section needs from the window it is shown in.
type Shell interface {
	Window() fyne.Window
	App() fyne.App
	// Store is the data. Call it for every read or write (never keep it),
	// and only inside Background or a Loader's fetch.
	Store() store.Store
	// Context is the window's: it ends when the window closes. Pass it to
	// every store call.
	Context() context.Context
	// Settings is a copy of the settings as last saved. Read it on the UI
	// thread and capture what a background job needs before starting it.
	Settings() store.Settings
	// SettingsSaved takes the settings the store kept after a save, on the
	// UI thread, and announces the change (store.KindSettings).
	SettingsSaved(st store.Settings)
	// Data is the shared cache of members, people, bodies, meetings and tasks.
	Data() *Data

	ShowError(err error)
	// Confirm asks before an action; action names its button (删除, 恢复).
	Confirm(title, text, action string, onOK func())
	// Background runs work off the UI thread, then done (if not nil) on
	// the UI thread.
	Background(work func(), done func())
	// RunWithProgress runs work off the UI thread behind a modal progress
	// dialog titled title; done runs on the UI thread afterwards.
	RunWithProgress(title string, work func(progress func(float64)) error, done func(error))

	// Changed announces, on the UI thread, that a record of kind changed
	// (id is uuid.Nil for several or for settings): the sections that
	// watch kind refresh if on screen, else when next shown.
	Changed(kind store.Kind, id uuid.UUID)
	// Rebuild makes every section again, in the language now chosen.
	Rebuild()

	// LastFolder is the folder of the last file opened or saved in any
	// section, where the next file dialog starts.
	LastFolder() string
	SetLastFolder(dir string)
}

// Section is one entry of the window's navigation.
type Section interface {
	// Title is the Chinese title; the navigation translates it.
	Title() string
	Icon() fyne.Resource
	// Build makes the view and starts its first load. It is called the
	// first time the section is shown.
	Build() fyne.CanvasObject
	// Watches lists the kinds of change the section shows.
	Watches() []store.Kind
	// Refresh reloads what the section shows: when a watched kind changed
	// while it is on screen, or when it is shown after such a change.
	Refresh()
}

// AllKinds are every kind of change, for sections that show any change
// (the dashboard's latest changes, the audit log).
var AllKinds = []store.Kind{store.KindMember, store.KindPerson, store.KindBody, store.KindMeeting, store.KindSettings,
	store.KindTask, store.KindDispatch, store.KindCatalogue, store.KindIndicators, store.KindRound}
