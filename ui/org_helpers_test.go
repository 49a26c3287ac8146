package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// openOrg builds the window on s, shows 组织机构 and waits for the first
// load.
func openOrg(t *testing.T, s store.Store) (*App, *orgView) {
	return openView[orgView](t, s, "组织机构")
}

// rosterNames is the 姓名 column of the roster table as drawn, with the
// position: "副理事长 王威".
func rosterNames(v *orgView) []string {
	var out []string
	for _, r := range tableRows(v.rosterPane.table) {
		out = append(out, r[1]+" "+r[2])
	}
	return out
}

// orgDialog is the form dialog now open in the section.
func orgDialog(t *testing.T, v *orgView) *formDialog {
	t.Helper()
	if v.app.topDialog() == nil {
		t.Fatal("no dialog is open")
	}
	return v.app.topDialog()
}

// save taps 保存 and fails if the dialog stays open.
func saveDialog(t *testing.T, a *App, v *orgView, d *formDialog) {
	t.Helper()
	tap(t, d.save)
	a.waitIdle()
	if v.app.topDialog() == d {
		t.Fatalf("dialog still open: %q", d.problem.Text)
	}
}

// pickPerson types query into a person picker and picks the first person
// it lists, as a clerk does.
func pickPerson(t *testing.T, p *personPicker, query string) {
	t.Helper()
	p.search.SetText("")
	test.Type(p.search, query)
	if len(p.hits) == 0 {
		t.Fatalf("picker finds nobody for %q", query)
	}
	p.list.Select(0)
	if got, ok := p.Selected(); !ok || got.Name != query {
		t.Fatalf("picked %q, want %q", got.Name, query)
	}
}

// selectSeat selects the roster row of the person named.
func selectSeat(t *testing.T, v *orgView, name string) {
	t.Helper()
	for i, l := range v.lines {
		if l.Name == name || (l.IsUnit && l.Unit == name) {
			v.rosterPane.table.Select(widget.TableCellID{Row: i, Col: 2})
			return
		}
	}
	t.Fatalf("%s is not on the roster", name)
}

// setAsOfField types a day into the roster's 截至日期 field.
func setAsOfField(v *orgView, d string) { v.rosterPane.asOf.SetText(d) }

// newPerson records a person through the store.
func newPerson(t *testing.T, s store.Store, name, unit, title string) store.Person {
	t.Helper()
	p, err := s.CreatePerson(store.Person{Name: name, Unit: unit, Title: title})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return p
}

// newBodyWithTerm records a body with a first term and the given person
// seats through the store, ranked in the order given.
func newBodyWithTerm(t *testing.T, s store.Store, name string, o store.Ordering, start store.Date, seats map[string][]store.Person) store.Body {
	t.Helper()
	b, err := s.CreateBody(store.Body{Name: name, Type: "理事会", Ordering: o})
	if err != nil {
		t.Fatal(err)
	}
	term, err := b.AddTerm(1, start)
	if err != nil {
		t.Fatal(err)
	}
	termID := term.ID
	for pos, people := range seats {
		for _, p := range people {
			if _, err := b.AddSeat(termID, pos, store.SeatHolder{PersonID: p.ID, Title: p.Title}, start); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, err = s.SaveBody(b, "test")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// storedSeats counts the seats of every term of a stored body.
func storedSeats(t *testing.T, s store.Store, id uuid.UUID) int {
	t.Helper()
	b, err := s.Body(id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, term := range b.Terms {
		n += len(term.Seats)
	}
	return n
}
