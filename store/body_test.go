package store

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
)

// council is a body with one term from 2020-01-01, a 理事长 person seat
// and a 理事 unit seat represented by rep.
type councilFixture struct {
	body            Body
	term            uuid.UUID
	chair, unitSeat uuid.UUID
	zhang, li, wang Person
	school, company Member
}

func newCouncil(t *testing.T) *councilFixture {
	t.Helper()
	f := &councilFixture{body: Body{Name: "理事会", Type: "理事会", Ordering: OrderStrokes}}
	f.school = Member{ID: NewID(), Name: "甲职业学院", Type: "高职院校"}
	mustAdd(t, &f.school, Event{Kind: EventJoin, Date: d("2015-01-01"), Tier: "理事单位"})
	f.company = Member{ID: NewID(), Name: "乙化工有限公司", Type: "企业"}
	mustAdd(t, &f.company, Event{Kind: EventJoin, Date: d("2015-01-01"), Tier: "理事单位"})
	f.zhang = Person{ID: NewID(), Name: "张成刚", MemberID: f.school.ID}
	f.li = Person{ID: NewID(), Name: "李建华", Unit: "区委宣传部"}
	f.wang = Person{ID: NewID(), Name: "王威", MemberID: f.company.ID}
	term, err := f.body.AddTerm(1, d("2020-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	f.term = term.ID
	chair, err := f.body.AddSeat(f.term, "理事长", SeatHolder{PersonID: f.zhang.ID, Title: "副校长"}, Date{})
	if err != nil {
		t.Fatal(err)
	}
	f.chair = chair.ID
	seat, err := f.body.AddSeat(f.term, "理事", SeatHolder{MemberID: f.company.ID, RepID: f.wang.ID, Title: "董事长"}, d("2020-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	f.unitSeat = seat.ID
	return f
}

func (f *councilFixture) dir() Directory {
	return NewDirectory([]Person{f.zhang, f.li, f.wang}, []Member{f.school, f.company}, DefaultPositions)
}

func rosterText(r Roster) []string {
	var out []string
	for _, l := range r.Lines() {
		out = append(out, l.Position+":"+l.Name+"/"+l.Unit+"/"+l.Title)
	}
	return out
}

func TestRosterAsOfBeforeAndAfterReplacement(t *testing.T) {
	f := newCouncil(t)
	if _, err := f.body.ReplaceHolder(f.term, f.chair, d("2022-07-01"), SeatHolder{PersonID: f.li.ID, Title: "部长"}); err != nil {
		t.Fatal(err)
	}
	before := rosterText(BuildRoster(&f.body, d("2022-06-30"), f.dir()))
	after := rosterText(BuildRoster(&f.body, d("2022-07-01"), f.dir()))
	wantBefore := []string{"理事长:张成刚/甲职业学院/副校长", "理事:王威/乙化工有限公司/董事长"}
	wantAfter := []string{"理事长:李建华/区委宣传部/部长", "理事:王威/乙化工有限公司/董事长"}
	if !equalStrings(before, wantBefore) || !equalStrings(after, wantAfter) {
		t.Fatalf("before %v\nafter %v", before, after)
	}
	if got := rosterText(BuildRoster(&f.body, d("2020-02-01"), f.dir())); !equalStrings(got, wantBefore[:1]) {
		t.Errorf("before the unit seat began: %v", got)
	}
	if r := BuildRoster(&f.body, d("2019-12-31"), f.dir()); r.Term != nil || len(r.Sections) != 0 {
		t.Errorf("before the first term: %+v", r)
	}
}

func TestRepresentativeChangesWithinTerm(t *testing.T) {
	f := newCouncil(t)
	if err := f.body.ChangeRep(f.term, f.unitSeat, d("2023-01-01"), f.li.ID, "总经理"); err != nil {
		t.Fatal(err)
	}
	if got := rosterText(BuildRoster(&f.body, d("2022-12-31"), f.dir())); got[1] != "理事:王威/乙化工有限公司/董事长" {
		t.Errorf("before: %v", got)
	}
	if got := rosterText(BuildRoster(&f.body, d("2023-01-01"), f.dir())); got[1] != "理事:李建华/乙化工有限公司/总经理" {
		t.Errorf("after: %v", got)
	}
	wantFieldErr(t, f.body.ChangeRep(f.term, f.chair, d("2023-02-01"), f.li.ID, ""), FieldHolder, ProblemNotUnitSeat)
}

func TestNewTermCopiesSeatsAndKeepsTheOldRoster(t *testing.T) {
	f := newCouncil(t)
	if err := f.body.ChangeRep(f.term, f.unitSeat, d("2023-01-01"), f.li.ID, "总经理"); err != nil {
		t.Fatal(err)
	}
	next, err := f.body.NewTerm(2, d("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Seats) != 2 || next.Seats[0].ID == f.chair || next.Seats[1].Reps[0].PersonID != f.li.ID {
		t.Fatalf("copied seats %+v", next.Seats)
	}
	old := BuildRoster(&f.body, d("2024-12-31"), f.dir())
	if old.Term.Number != 1 || len(old.Lines()) != 2 {
		t.Errorf("old term roster %+v", rosterText(old))
	}
	if err := f.body.EndSeat(next.ID, next.Seats[0].ID, d("2025-06-01")); err != nil {
		t.Fatal(err)
	}
	if got := BuildRoster(&f.body, d("2025-06-01"), f.dir()); got.Term.Number != 2 || len(got.Lines()) != 1 {
		t.Errorf("new term after an end: %v", rosterText(got))
	}
	if got := BuildRoster(&f.body, d("2024-06-01"), f.dir()); len(got.Lines()) != 2 {
		t.Errorf("the old term must be unchanged by the new one: %v", rosterText(got))
	}
	_, err = f.body.NewTerm(3, d("2024-01-01"))
	wantFieldErr(t, err, FieldTermStart, ProblemTermStart)
}

func TestSeatChangesAreChecked(t *testing.T) {
	f := newCouncil(t)
	_, err := f.body.AddSeat(f.term, "", SeatHolder{PersonID: f.li.ID}, Date{})
	wantFieldErr(t, err, FieldPosition, ProblemRequired)
	_, err = f.body.AddSeat(f.term, "理事", SeatHolder{}, Date{})
	wantFieldErr(t, err, FieldHolder, ProblemRequired)
	_, err = f.body.AddSeat(f.term, "理事", SeatHolder{PersonID: f.li.ID}, d("2019-01-01"))
	wantFieldErr(t, err, FieldSeatStart, ProblemOutsideTerm)
	_, err = f.body.AddSeat(f.term, "理事长", SeatHolder{PersonID: f.zhang.ID}, d("2021-01-01"))
	wantFieldErr(t, err, FieldHolder, ProblemHolderTwice)
	wantFieldErr(t, f.body.EndSeat(f.term, f.chair, d("2020-01-01")), FieldSeatEnd, ProblemEndBeforeFrom)
	if err := f.body.EndSeat(f.term, f.chair, d("2021-01-01")); err != nil {
		t.Fatal(err)
	}
	wantFieldErr(t, f.body.EndSeat(f.term, f.chair, d("2021-02-01")), FieldSeatEnd, ProblemSeatEnded)
	if err := f.body.EndSeat(uuid.New(), f.chair, d("2021-02-01")); err != ErrNotFound {
		t.Errorf("unknown term: %v", err)
	}
}

func TestWarningsForHoldersWhoLeft(t *testing.T) {
	f := newCouncil(t)
	mustAdd(t, &f.company, Event{Kind: EventExit, Date: d("2024-01-01"), ExitKind: "自愿退出"})
	f.zhang.LeftOn = d("2024-03-01")
	r := BuildRoster(&f.body, d("2024-06-01"), f.dir())
	want := []SeatWarning{
		{Position: "理事长", Holder: "张成刚", LeftOn: d("2024-03-01")},
		{Position: "理事", Holder: "乙化工有限公司", UnitLeft: true},
	}
	if fmt.Sprint(r.Warnings) != fmt.Sprint(want) {
		t.Errorf("warnings\n got %+v\nwant %+v", r.Warnings, want)
	}
	for _, l := range r.Lines() {
		if flagged := l.Warning != nil; flagged != (l.Name == "张成刚" || l.IsUnit && l.Unit == "乙化工有限公司") {
			t.Errorf("line %s/%s flagged %v", l.Name, l.Unit, flagged)
		}
	}
	if r := BuildRoster(&f.body, d("2023-06-01"), f.dir()); len(r.Warnings) != 0 {
		t.Errorf("no warnings before they left: %+v", r.Warnings)
	}
}

func TestRosterOrdering(t *testing.T) {
	f := newCouncil(t)
	people := []Person{f.zhang, f.li, f.wang}
	for _, name := range []string{"赵立成", "郑家晴", "韩峰", "黄贻展", "王林"} {
		p := Person{ID: NewID(), Name: name, Unit: "某单位"}
		people = append(people, p)
		if _, err := f.body.AddSeat(f.term, "副理事长", SeatHolder{PersonID: p.ID}, Date{}); err != nil {
			t.Fatal(err)
		}
	}
	dir := NewDirectory(people, []Member{f.school, f.company}, DefaultPositions)
	r := BuildRoster(&f.body, d("2024-01-01"), dir)
	var got []string
	for _, l := range r.Sections[1].Lines {
		got = append(got, l.Name)
	}
	if r.Sections[0].Position != "理事长" || r.Sections[1].Position != "副理事长" || r.Sections[2].Position != "理事" {
		t.Fatalf("sections in rank order: %v", rosterText(r))
	}
	if want := []string{"王林", "郑家晴", "赵立成", "黄贻展", "韩峰"}; !equalStrings(got, want) {
		t.Errorf("stroke order %v, want %v", got, want)
	}
	f.body.Ordering = OrderRanked
	seat := r.Sections[1].Lines[4].SeatID // 韩峰, ranked third
	if err := f.body.MoveSeat(f.term, seat, -1); err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, l := range BuildRoster(&f.body, d("2024-01-01"), dir).Sections[1].Lines {
		got = append(got, l.Name)
	}
	if want := []string{"赵立成", "韩峰", "郑家晴", "黄贻展", "王林"}; !equalStrings(got, want) {
		t.Errorf("ranked order %v, want %v", got, want)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCorrectAndRemoveSeats(t *testing.T) {
	f := newCouncil(t)
	if err := f.body.CorrectSeat(f.term, f.chair, "党委书记、校长", "2021年起兼任"); err != nil {
		t.Fatal(err)
	}
	if err := f.body.CorrectSeat(f.term, f.unitSeat, "总经理", ""); err != nil {
		t.Fatal(err)
	}
	got := rosterText(BuildRoster(&f.body, d("2024-01-01"), f.dir()))
	if !equalStrings(got, []string{"理事长:张成刚/甲职业学院/党委书记、校长", "理事:王威/乙化工有限公司/总经理"}) {
		t.Errorf("corrected %v", got)
	}
	next, err := f.body.NewTerm(2, d("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	wantFieldErr(t, f.body.RemoveSeat(f.term, f.chair), FieldTermNo, ProblemPastTerm)
	if err := f.body.RemoveSeat(next.ID, next.Seats[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := rosterText(BuildRoster(&f.body, d("2025-01-01"), f.dir())); len(got) != 1 || got[0] != "理事长:张成刚/甲职业学院/党委书记、校长" {
		t.Errorf("after removing the copied seat: %v", got)
	}
	if got := BuildRoster(&f.body, d("2024-12-31"), f.dir()); len(got.Lines()) != 2 {
		t.Errorf("the old term keeps both seats: %v", rosterText(got))
	}
}
