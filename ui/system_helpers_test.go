package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/msg"
)

// openDeskFile opens a fresh data file in the test's temporary folder and
// returns it with its path.
func openDeskFile(t *testing.T) (*bolt.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secdesk.db")
	db, err := bolt.Open(path)
	if err != nil {
		t.Fatalf("open data file: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// newDeskWindow builds the whole window on s in a test app, in Chinese,
// at the size of a 1366×768 office screen.
func newDeskWindow(t *testing.T, s store.Store) *App {
	t.Helper()
	fa := test.NewTempApp(t)
	msg.SetLanguage("zh")
	t.Cleanup(func() { msg.SetLanguage("zh") })
	a := newApp(fa, s)
	a.win.Resize(fyne.NewSize(1366, 768))
	return a
}

// openSection selects the navigation entry with the given Chinese title
// and returns its view.
func openSection(t *testing.T, a *App, title string) fyne.CanvasObject {
	t.Helper()
	for i, s := range a.sections {
		if s.title == title {
			a.nav.Select(i)
			return a.sections[i].view
		}
	}
	t.Fatalf("no section %q", title)
	return nil
}

// openSystemTab shows 系统 and its tab number i, and returns the tab's
// content.
func openSystemTab(t *testing.T, a *App, i int) fyne.CanvasObject {
	t.Helper()
	tabs := openSection(t, a, "系统").(*container.AppTabs)
	tabs.SelectIndex(i)
	return tabs.Items[i].Content
}

// walkObjects visits o and everything drawn inside it, through the
// widgets' own (cached) renderers.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walkObjects(child, visit)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			walkObjects(child, visit)
		}
	}
}

// objectsOf returns every object of type T inside o, in drawing order.
func objectsOf[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	walkObjects(o, func(c fyne.CanvasObject) {
		if x, ok := c.(T); ok {
			out = append(out, x)
		}
	})
	return out
}

// buttonLabelled finds the button with the given text inside o.
func buttonLabelled(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range objectsOf[*widget.Button](o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// tableRows reads every data cell of a table the way it draws them.
func tableRows(tb *widget.Table) [][]string {
	rows, cols := tb.Length()
	out := make([][]string, rows)
	cell := tb.CreateCell()
	for r := range rows {
		out[r] = make([]string, cols)
		for c := range cols {
			tb.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			out[r][c] = cell.(*widget.Label).Text
		}
	}
	return out
}

// onlyTable returns the one table inside o.
func onlyTable(t *testing.T, o fyne.CanvasObject) *widget.Table {
	t.Helper()
	tables := objectsOf[*widget.Table](o)
	if len(tables) != 1 {
		t.Fatalf("found %d tables, want 1", len(tables))
	}
	return tables[0]
}

// addMember creates a member through the store with the given events.
func addMember(t *testing.T, s store.Store, name string, typ store.UnitType, events ...store.Event) store.Member {
	t.Helper()
	m, err := s.CreateMember(store.Member{Name: name, Type: typ, Events: events})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return m
}

func joinEvent(d store.Date, tier store.Tier) store.Event {
	return store.Event{Kind: store.EventJoin, Date: d, Tier: tier}
}
