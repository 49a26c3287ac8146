package bolt

import (
	"errors"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// rosterPlan is what the planner would make of a sheet with two new
// people as 理事 and the existing chair unchanged: new people with their
// IDs already set, and the body with their seats in its current term.
func rosterPlan(t *testing.T, f *rosterFixture) *store.RosterPlan {
	t.Helper()
	p := &store.RosterPlan{
		NewPeople: []store.Person{
			{ID: store.NewID(), Name: "孙 立新", MemberID: f.wf.ID, Title: "副校长"},
			{ID: store.NewID(), Name: "周红", Unit: "市教育局", Title: "处长"},
		},
		Body: f.council,
	}
	p.Body.Terms = append([]store.Term(nil), f.council.Terms...)
	p.Body.Terms[0].Seats = append([]store.Seat(nil), f.council.Terms[0].Seats...)
	p.Rows = append(p.Rows, store.RosterPlanRow{Row: 2, Name: "张成刚", Position: "理事长", Action: store.RowUnchanged})
	for i, np := range p.NewPeople {
		if _, err := p.Body.AddSeat(f.term, "理事", store.SeatHolder{PersonID: np.ID, Title: np.Title}, store.Date{}); err != nil {
			t.Fatal(err)
		}
		p.Rows = append(p.Rows, store.RosterPlanRow{Row: 3 + i, Name: np.Name, Position: "理事", Action: store.RowNew, NewPerson: true})
	}
	return p
}

func TestApplyRosterImport(t *testing.T) {
	f := newRoster(t)
	db := f.db
	p := rosterPlan(t, f)
	if err := db.ApplyRosterImport(p); err != nil {
		t.Fatal(err)
	}
	sun, err := db.Person(p.NewPeople[0].ID)
	if err != nil || sun.Name != "孙立新" || sun.MemberID != f.wf.ID {
		t.Fatalf("imported person %+v %v", sun, err)
	}
	b, _ := db.Body(f.council.ID)
	if seats := b.Terms[0].Seats; len(seats) != 4 || seats[3].PersonID != p.NewPeople[1].ID || seats[3].Rank != 3 {
		t.Fatalf("seats after import %+v", seats)
	}
	audit, _ := db.Audit(3)
	want := []struct{ action, kind, summary string }{
		{store.ActionImport, store.KindBody, "理事会 导入名单：2人"},
		{store.ActionImport, store.KindPerson, "导入新增 周红（市教育局）"},
		{store.ActionImport, store.KindPerson, "导入新增 孙立新（潍坊职业学院）"},
	}
	for i, w := range want {
		g := audit[i]
		if g.Action != w.action || g.Kind != w.kind || g.Summary != w.summary {
			t.Errorf("entry %d: %s %s %q, want %s %s %q", i, g.Action, g.Kind, g.Summary, w.action, w.kind, w.summary)
		}
		if !g.Time.Equal(audit[0].Time) {
			t.Errorf("entry %d written at %v, not in the import's transaction (%v)", i, g.Time, audit[0].Time)
		}
	}
	// Applying the same plan again is refused: the body has moved on.
	before := fileHash(t, f.path)
	if err := db.ApplyRosterImport(p); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second apply: %v", err)
	}
	if fileHash(t, f.path) != before {
		t.Fatal("refused import changed the file")
	}
	mustCheck(t, db)
}

// TestApplyRosterImportWritesNothing: a plan with an error, or one that no
// longer fits the file, writes nothing at all — not even the new people.
func TestApplyRosterImportWritesNothing(t *testing.T) {
	f := newRoster(t)
	db := f.db
	before := fileHash(t, f.path)

	bad := rosterPlan(t, f)
	rowErr := &store.FieldError{Row: 4, Field: store.FieldPersonName, Problem: store.ProblemRequired}
	bad.Rows[2].Action, bad.Rows[2].Errors = store.RowError, []*store.FieldError{rowErr}
	if err := db.ApplyRosterImport(bad); err != rowErr {
		t.Fatalf("plan with an error: %v", err)
	}

	dup := rosterPlan(t, f)
	dup.NewPeople[1] = store.Person{ID: dup.NewPeople[1].ID, Name: "王威", MemberID: f.co.ID}
	err := db.ApplyRosterImport(dup)
	wantFieldErrorDetail(t, err, store.FieldPersonName, store.ProblemPersonDuplicate, "王威")

	stale := rosterPlan(t, f)
	stale.Body.Updated = stale.Body.Updated.Add(-1)
	if err := db.ApplyRosterImport(stale); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale plan: %v", err)
	}
	if fileHash(t, f.path) != before {
		t.Fatal("a refused import changed the file")
	}
	if people, _ := db.People(); len(people) != 4 {
		t.Fatalf("%d people after refused imports", len(people))
	}
	empty := &store.RosterPlan{Body: f.council, Rows: []store.RosterPlanRow{{Row: 2, Action: store.RowUnchanged}}}
	if err := db.ApplyRosterImport(empty); err != nil || fileHash(t, f.path) != before {
		t.Fatalf("a plan with nothing new wrote to the file (%v)", err)
	}
}
