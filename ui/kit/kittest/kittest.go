// Package kittest is what the sections' tests share: a real shell (kit.Desk)
// on Fyne's test app over a fresh bbolt file, opening sections by their
// visible title; finding buttons, entries and tables the way a clerk sees
// them; the dialog on top; and fixtures made through the store.
//
// Background work runs inline in tests (kit.RunOffUIThread): the test
// driver has no UI thread, so a goroutine applying results would race the
// test's own taps.
package kittest

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// OpenFile opens a fresh data file in the test's temporary folder and
// returns it with its path.
func OpenFile(t *testing.T) (store.Store, string) {
	t.Helper()
	return OpenFileAs(t, "", "")
}

// OpenFileAs is OpenFile with the changes made by clerk on the PC pc, as
// the audit log names them ("li@office-1"); empty for the defaults, the
// operating-system user and host name.
func OpenFileAs(t *testing.T, clerk, pc string) (store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secdesk.db")
	db, err := bolt.OpenStore(path, bolt.Options{Clerk: clerk, PC: pc})
	if err != nil {
		t.Fatalf("open data file: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// Desk is a shell in a test window of 1366×768, the size of an office
// screen, with the section shown filling it.
type Desk struct {
	*kit.Desk
	t       testing.TB
	content *fyne.Container
	dialogs []*kit.FormDialog
}

// NewDesk builds a shell on s in Chinese, with the sections sections makes
// (nil for none: a picker's test).
func NewDesk(t testing.TB, s store.Store, sections func(kit.Shell) []kit.Section) *Desk {
	t.Helper()
	Inline(t)
	fa := test.NewTempApp(t)
	msg.SetLanguage("zh")
	t.Cleanup(func() { msg.SetLanguage("zh") })
	w := fa.NewWindow(kit.AppName)
	d := &Desk{t: t, content: container.NewStack()}
	d.Desk = kit.NewDesk(fa, w, s)
	kit.FormDialogShown = func(f *kit.FormDialog) { d.dialogs = append(d.dialogs, f) }
	t.Cleanup(func() { kit.FormDialogShown = nil })
	if sections == nil {
		sections = func(kit.Shell) []kit.Section { return nil }
	}
	d.SetSections(sections)
	d.OnRebuilt = func() {
		if i := d.Current(); i >= 0 {
			d.show(i)
		}
	}
	w.SetContent(d.content)
	w.Resize(fyne.NewSize(1366, 768))
	return d
}

// Inline makes background work run at once for the rest of the test.
func Inline(t testing.TB) {
	old := kit.RunOffUIThread
	kit.RunOffUIThread = func(f func()) { f() }
	t.Cleanup(func() { kit.RunOffUIThread = old })
}

// OpenSection shows the section whose title reads title and returns its
// view.
func (d *Desk) OpenSection(title string) fyne.CanvasObject {
	d.t.Helper()
	for i, s := range d.Sections() {
		if msg.T(s.Title()) == title {
			return d.show(i)
		}
	}
	d.t.Fatalf("no section %q", title)
	return nil
}

func (d *Desk) show(i int) fyne.CanvasObject {
	v := d.Show(i)
	d.content.Objects = []fyne.CanvasObject{v}
	d.content.Refresh()
	return v
}

// TopDialog is the innermost form dialog on screen, or nil.
func (d *Desk) TopDialog() *kit.FormDialog {
	for i := len(d.dialogs) - 1; i >= 0; i-- {
		if d.dialogs[i].IsOpen() {
			return d.dialogs[i]
		}
	}
	return nil
}

// Dialog is the form dialog on top, failing the test if there is none.
func (d *Desk) Dialog() *kit.FormDialog {
	d.t.Helper()
	f := d.TopDialog()
	if f == nil {
		d.t.Fatal("no dialog is open")
	}
	return f
}

// Overlay is what is on top of the window (a dialog), or nil.
func (d *Desk) Overlay() fyne.CanvasObject { return d.Window().Canvas().Overlays().Top() }
