package bolt

import (
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// rosterFixture is a file with two members, four people and a 理事会 whose
// first term (from 2020-01-01) has a 理事长 person seat held by 张成刚 and
// a 理事 unit seat held by the company and represented by 王威.
type rosterFixture struct {
	db                    *DB
	path                  string
	wf, co                store.Member
	zhang, li, wang, zhao store.Person
	council               store.Body
	term                  uuid.UUID
	chair, unitSeat       uuid.UUID
}

func newRoster(t *testing.T) *rosterFixture {
	t.Helper()
	f := &rosterFixture{}
	f.db, f.path = openTest(t)
	f.wf = mustCreate(t, f.db, weifang())
	f.co = mustCreate(t, f.db, company("山东海化集团有限公司", validCode("91370700MA3C00002")))
	f.zhang = mustPerson(t, f.db, store.Person{Name: "张成刚", Gender: "男", MemberID: f.wf.ID, Title: "校长"})
	f.li = mustPerson(t, f.db, store.Person{Name: "李建华", Unit: "区委宣传部", Title: "副部长"})
	f.wang = mustPerson(t, f.db, store.Person{Name: "王威", MemberID: f.co.ID, Title: "董事长"})
	f.zhao = mustPerson(t, f.db, store.Person{Name: "赵敏", Gender: "女", MemberID: f.co.ID, Title: "总经理"})
	b := mustBody(t, f.db, store.Body{Name: "理事会", Type: "理事会"})
	term, err := b.AddTerm(1, date(2020, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	f.term = term.ID
	chair, err := b.AddSeat(f.term, "理事长", store.SeatHolder{PersonID: f.zhang.ID, Title: "校长"}, store.Date{})
	if err != nil {
		t.Fatal(err)
	}
	f.chair = chair.ID
	seat, err := b.AddSeat(f.term, "理事", store.SeatHolder{MemberID: f.co.ID, RepID: f.wang.ID, Title: "董事长"}, date(2020, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	f.unitSeat = seat.ID
	f.council = mustSave(t, f.db, b, "新建第一届")
	return f
}

func mustPerson(t testing.TB, db *DB, p store.Person) store.Person {
	t.Helper()
	saved, err := db.CreatePerson(p)
	if err != nil {
		t.Fatalf("CreatePerson(%s): %v", p.Name, err)
	}
	return saved
}

func mustBody(t testing.TB, db *DB, b store.Body) store.Body {
	t.Helper()
	saved, err := db.CreateBody(b)
	if err != nil {
		t.Fatalf("CreateBody(%s): %v", b.Name, err)
	}
	return saved
}

func mustSave(t testing.TB, db *DB, b store.Body, change string) store.Body {
	t.Helper()
	saved, err := db.SaveBody(b, change)
	if err != nil {
		t.Fatalf("SaveBody(%s, %s): %v", b.Name, change, err)
	}
	return saved
}

// field is one compared field: what it is, and the two values.
type field struct {
	name      string
	want, got any
}

func compareFields(t testing.TB, what string, fields []field) {
	t.Helper()
	for _, f := range fields {
		if f.want != f.got {
			t.Errorf("%s %s: want %v, got %v", what, f.name, f.want, f.got)
		}
	}
}

// assertSamePerson compares two people field by field, times by instant.
func assertSamePerson(t testing.TB, want, got store.Person) {
	t.Helper()
	compareFields(t, want.Name, []field{
		{"ID", want.ID, got.ID}, {"Name", want.Name, got.Name}, {"Gender", want.Gender, got.Gender},
		{"MemberID", want.MemberID, got.MemberID}, {"Unit", want.Unit, got.Unit},
		{"Title", want.Title, got.Title}, {"Mobile", want.Mobile, got.Mobile}, {"Phone", want.Phone, got.Phone},
		{"Email", want.Email, got.Email}, {"Note", want.Note, got.Note}, {"LeftOn", want.LeftOn, got.LeftOn},
		{"Created", want.Created.UnixNano(), got.Created.UnixNano()},
		{"Updated", want.Updated.UnixNano(), got.Updated.UnixNano()},
	})
}

// assertSameBody compares two bodies field by field, down to every term,
// seat and representative.
func assertSameBody(t testing.TB, want, got store.Body) {
	t.Helper()
	compareFields(t, want.Name, []field{
		{"ID", want.ID, got.ID}, {"Name", want.Name, got.Name}, {"Type", want.Type, got.Type},
		{"ParentID", want.ParentID, got.ParentID}, {"Ordering", want.Ordering, got.Ordering},
		{"Note", want.Note, got.Note}, {"Terms", len(want.Terms), len(got.Terms)},
		{"Created", want.Created.UnixNano(), got.Created.UnixNano()},
		{"Updated", want.Updated.UnixNano(), got.Updated.UnixNano()},
	})
	for i := range min(len(want.Terms), len(got.Terms)) {
		w, g := want.Terms[i], got.Terms[i]
		what := fmt.Sprintf("%s term %d", want.Name, i)
		compareFields(t, what, []field{
			{"ID", w.ID, g.ID}, {"Number", w.Number, g.Number}, {"Start", w.Start, g.Start},
			{"End", w.End, g.End}, {"Seats", len(w.Seats), len(g.Seats)},
		})
		for j := range min(len(w.Seats), len(g.Seats)) {
			assertSameSeat(t, fmt.Sprintf("%s seat %d", what, j), w.Seats[j], g.Seats[j])
		}
	}
}

func assertSameSeat(t testing.TB, what string, w, g store.Seat) {
	t.Helper()
	fields := []field{
		{"ID", w.ID, g.ID}, {"Position", w.Position, g.Position}, {"PersonID", w.PersonID, g.PersonID},
		{"MemberID", w.MemberID, g.MemberID}, {"Title", w.Title, g.Title}, {"Rank", w.Rank, g.Rank},
		{"Start", w.Start, g.Start}, {"End", w.End, g.End}, {"Note", w.Note, g.Note},
		{"Reps", len(w.Reps), len(g.Reps)},
	}
	for k := range min(len(w.Reps), len(g.Reps)) {
		wr, gr := w.Reps[k], g.Reps[k]
		fields = append(fields, field{"Rep.PersonID", wr.PersonID, gr.PersonID}, field{"Rep.Title", wr.Title, gr.Title},
			field{"Rep.Start", wr.Start, gr.Start}, field{"Rep.End", wr.End, gr.End})
	}
	compareFields(t, what, fields)
}
