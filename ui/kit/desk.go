package kit

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// Desk implements Shell over a window and a store, and keeps the sections:
// which are built, which is on screen, and which are stale (a change they
// watch was announced while they were hidden). The window's navigation
// (package ui) and the test desk (kittest) put its views on screen.
type Desk struct {
	ctx      context.Context
	stop     context.CancelFunc
	app      fyne.App
	win      fyne.Window
	store    store.Store
	settings store.Settings
	data     *Data

	makeSections func(Shell) []Section
	sections     []*placed
	current      int // -1 before the first Show
	lastFolder   string

	// OnRebuilt runs after Rebuild made the sections again; OnSettings
	// after the settings changed. Both on the UI thread.
	OnRebuilt  func()
	OnSettings func()
}

// placed is a section with its view, once built.
type placed struct {
	Section
	view  fyne.CanvasObject
	stale bool
}

// NewDesk reads the settings (at start, before the window is shown) and
// returns the desk without sections; SetSections adds them.
func NewDesk(a fyne.App, w fyne.Window, s store.Store) *Desk {
	d := &Desk{app: a, win: w, store: s, current: -1}
	d.ctx, d.stop = context.WithCancel(context.Background())
	d.data = newData(d.Store, d.Context)
	st, err := s.Settings(d.ctx)
	if err != nil {
		d.ShowError(err)
	}
	if st.GroupName == "" {
		st.GroupName = store.DefaultGroupName
	}
	d.settings = st
	return d
}

// SetSections makes the sections with make, none built yet. Rebuild calls
// make again.
func (d *Desk) SetSections(make func(Shell) []Section) {
	d.makeSections = make
	d.sections = nil
	for _, s := range make(d) {
		d.sections = append(d.sections, &placed{Section: s})
	}
}

// Sections are the sections in navigation order.
func (d *Desk) Sections() []Section {
	out := make([]Section, len(d.sections))
	for i, p := range d.sections {
		out[i] = p.Section
	}
	return out
}

// Current is the index of the section on screen, -1 if none.
func (d *Desk) Current() int { return d.current }

// Show makes section i the one on screen and returns its view: built the
// first time, refreshed if it went stale while hidden.
func (d *Desk) Show(i int) fyne.CanvasObject {
	p := d.sections[i]
	d.current = i
	switch {
	case p.view == nil:
		p.stale = false
		p.view = p.Build()
	case p.stale:
		p.stale = false
		p.Refresh()
	}
	return p.view
}

// View is section i's view, nil until built.
func (d *Desk) View(i int) fyne.CanvasObject { return d.sections[i].view }

// Stale reports whether section i will refresh when next shown.
func (d *Desk) Stale(i int) bool { return d.sections[i].stale }

func (d *Desk) Window() fyne.Window { return d.win }
func (d *Desk) App() fyne.App       { return d.app }
func (d *Desk) Store() store.Store  { return d.store }

// Context ends when Close is called (the window closed).
func (d *Desk) Context() context.Context { return d.ctx }

// Close ends the desk's context: background reads and the change feed stop.
func (d *Desk) Close()      { d.stop() }
func (d *Desk) Data() *Data { return d.data }

// Settings is a copy: its slices are the caller's own.
func (d *Desk) Settings() store.Settings {
	st := d.settings
	st.Positions = slices.Clone(st.Positions)
	st.MeetingKinds = slices.Clone(st.MeetingKinds)
	return st
}

func (d *Desk) SettingsSaved(st store.Settings) {
	st.Positions = slices.Clone(st.Positions)
	st.MeetingKinds = slices.Clone(st.MeetingKinds)
	d.settings = st
	if d.OnSettings != nil {
		d.OnSettings()
	}
	d.Changed(store.KindSettings, uuid.Nil)
}

// Changed drops the cached records of kind, refreshes the section on
// screen if it watches kind, and marks the other built ones that do stale.
func (d *Desk) Changed(kind store.Kind, id uuid.UUID) {
	d.data.invalidate(kind, id)
	for i, p := range d.sections {
		if p.view == nil || !slices.Contains(p.Watches(), kind) {
			continue
		}
		if i == d.current {
			p.stale = false
			p.Refresh()
		} else {
			p.stale = true
		}
	}
}

// Rebuild makes the sections again; the one on screen is built and shown
// again (by OnRebuilt), the others when visited.
func (d *Desk) Rebuild() {
	d.SetSections(d.makeSections)
	if d.OnRebuilt != nil {
		d.OnRebuilt()
	}
}

func (d *Desk) LastFolder() string       { return d.lastFolder }
func (d *Desk) SetLastFolder(dir string) { d.lastFolder = dir }

// ShowError tells the clerk what went wrong, in their language.
func (d *Desk) ShowError(err error) {
	if err == nil {
		return
	}
	dialog.ShowInformation(msg.T("出错了"), msg.Error(err), d.win)
}

// Confirm asks before an action: its button names the action (删除,
// 恢复) rather than a bare 是, so a clerk reading quickly knows what a
// click does. onOK runs only if they confirm.
func (d *Desk) Confirm(title, text, action string, onOK func()) {
	c := dialog.NewConfirm(msg.T(title), text, func(ok bool) {
		if ok {
			onOK()
		}
	}, d.win)
	c.SetConfirmText(msg.T(action))
	c.SetDismissText(msg.T("取消"))
	c.Show()
}

// RunWithProgress runs work off the UI thread behind a modal progress
// dialog, so a long import or export never freezes the window. work
// reports progress from 0 to 1; done runs on the UI thread afterwards.
func (d *Desk) RunWithProgress(title string, work func(progress func(float64)) error, done func(error)) {
	RunWithProgressIn(d.win, title, work, done)
}

// RunWithProgressIn is Shell.RunWithProgress over the window w, for a
// window without a shell (the first-run guide).
func RunWithProgressIn(w fyne.Window, title string, work func(progress func(float64)) error, done func(error)) {
	bar := widget.NewProgressBar()
	dlg := dialog.NewCustomWithoutButtons(msg.T(title), bar, w)
	dlg.Show()
	var err error
	Background(func() {
		err = work(func(p float64) { fyne.Do(func() { bar.SetValue(p) }) })
	}, func() {
		dlg.Hide()
		if done != nil {
			done(err)
		}
	})
}

// Background runs work off the UI thread, then done on the UI thread.
func (d *Desk) Background(work func(), done func()) { Background(work, done) }

// Background is Shell.Background for code without a shell.
func Background(work func(), done func()) {
	RunOffUIThread(func() {
		work()
		if done != nil {
			fyne.DoAndWait(done)
		}
	})
}

// RunOffUIThread starts background work. It is a variable for tests only:
// kittest sets it to run f at once, because Fyne's test driver has no UI
// thread, so a real goroutine would race the test's own taps on the same
// widgets. Production code never changes it.
var RunOffUIThread = func(f func()) { go f() }

// WatchOthers announces the changes other clerks make to a shared
// database, as if made here: the section on screen refreshes, the others
// go stale. A data file on one PC has no others; its feed stays silent.
// It stops with Close.
func (d *Desk) WatchOthers() {
	w, ok := store.As[store.Watcher](d.store)
	if !ok {
		return
	}
	changes, err := w.Watch(d.ctx)
	if err != nil {
		d.ShowError(err)
		return
	}
	go func() {
		for c := range changes {
			fyne.Do(func() { d.othersChanged(c) })
		}
	}()
}

// othersChanged announces another clerk's change. Settings (and "reload
// everything", after the feed was interrupted) are read again first, so
// the title and the positions follow.
func (d *Desk) othersChanged(c store.Change) {
	if c.Kind != store.KindSettings && c.Kind != store.KindData {
		d.Changed(c.Kind, c.RecordID)
		return
	}
	var st store.Settings
	var err error
	d.Background(func() { st, err = d.store.Settings(d.ctx) }, func() {
		if err != nil {
			d.ShowError(err)
			return
		}
		kinds := []store.Kind{store.KindSettings}
		if c.Kind == store.KindData {
			kinds = AllKinds
		}
		d.settings = st
		if d.OnSettings != nil {
			d.OnSettings()
		}
		for _, k := range kinds {
			d.Changed(k, uuid.Nil)
		}
	})
}
