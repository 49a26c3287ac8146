package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
)

// openPeople builds the window on s, puts the 人员 tab on the right (the
// 组织机构 section holds it in the program) and waits for its first load.
func openPeople(t *testing.T, s store.Store) (*App, *peopleView, func()) {
	t.Helper()
	a := newDeskWindow(t, s)
	obj, refresh := a.newPeopleTab()
	a.content.Objects = []fyne.CanvasObject{obj}
	a.content.Refresh()
	a.waitIdle()
	return a, obj.(*peoplePanel).view, func() { refresh(); a.waitIdle() }
}

// addPerson creates a person through the store.
func addPerson(t *testing.T, s store.Store, p store.Person) store.Person {
	t.Helper()
	saved, err := s.CreatePerson(p)
	if err != nil {
		t.Fatalf("create person %s: %v", p.Name, err)
	}
	return saved
}

// day is a date in tests.
func day(y int, m time.Month, d int) store.Date { return store.NewDate(y, m, d) }

// bodyWithSeats creates a body with a first term from start and a seat of
// the given position for each holder, through the store API.
func bodyWithSeats(t *testing.T, s store.Store, name string, start store.Date, position string, holders ...store.SeatHolder) store.Body {
	t.Helper()
	b, err := s.CreateBody(store.Body{Name: name, Type: "理事会"})
	if err != nil {
		t.Fatalf("create body %s: %v", name, err)
	}
	term, err := b.AddTerm(1, start)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range holders {
		if _, err := b.AddSeat(term.ID, position, h, store.Date{}); err != nil {
			t.Fatalf("add seat: %v", err)
		}
	}
	saved, err := s.SaveBody(b, "测试")
	if err != nil {
		t.Fatalf("save body %s: %v", name, err)
	}
	return saved
}

// selectPersonRow selects the row of the table whose name is name.
func selectPersonRow(t *testing.T, v *peopleView, name string) {
	t.Helper()
	for r, row := range tableRows(v.table) {
		if row[pcolName] == name {
			v.table.Select(widget.TableCellID{Row: r, Col: pcolName})
			return
		}
	}
	t.Fatalf("no row for %s in %v", name, tableRows(v.table))
}

// pickerLines are the lines the picker lists, as drawn.
func pickerLines(p *personPicker) []string {
	var out []string
	item := p.list.CreateItem()
	for i := range p.list.Length() {
		p.list.UpdateItem(i, item)
		out = append(out, item.(*widget.Label).Text)
	}
	return out
}

// openPersonForm is the person dialog last opened from the tab.
func openPersonForm(t *testing.T, v *peopleView) *formDialog {
	t.Helper()
	d := v.a.topDialog()
	if d == nil {
		t.Fatal("no dialog is open")
	}
	return d
}
