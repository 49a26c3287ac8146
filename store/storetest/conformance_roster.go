package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// testPeopleCreateAndReopen saves people, reopens and compares every field.
func testPeopleCreateAndReopen(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	zhang := h.person(store.Person{
		Name: " 张　成刚 ", Gender: "男", MemberID: wf.ID, Unit: "会被忽略", Title: "校长",
		Mobile: "13805361234", Phone: "0536-8185000", Email: "zhang@sdwfvc.edu.cn", Note: "第一届起任理事长",
	})
	if zhang.Name != "张成刚" || zhang.Unit != "" || zhang.ID.Version() != 7 || !zhang.Created.Equal(zhang.Updated) || zhang.Rev != 1 {
		t.Fatalf("created %+v: want cleaned name, no free-text unit, a new UUIDv7", zhang)
	}
	li := h.person(store.Person{Name: "李建华", Unit: "区委　宣传部", Title: "副部长", LeftOn: Date(2024, 6, 30)})
	if li.Unit != "区委 宣传部" {
		t.Fatalf("unit %q", li.Unit)
	}
	before := h.state()
	_, err := h.s.CreatePerson(h.ctx, store.Person{Name: "王威", Gender: "未知"})
	WantFieldError(t, err, store.FieldGender, store.ProblemBadChoice)
	_, err = h.s.CreatePerson(h.ctx, store.Person{Name: " "})
	WantFieldError(t, err, store.FieldPersonName, store.ProblemRequired)
	h.unchanged(before, "a refused person")
	h.reopen()

	people, err := h.s.People(h.ctx)
	if err != nil || len(people) != 2 {
		t.Fatalf("People: %d, %v", len(people), err)
	}
	AssertSamePerson(t, zhang, people[0]) // creation order
	AssertSamePerson(t, li, people[1])
	one, err := h.s.Person(h.ctx, li.ID)
	h.must(err)
	AssertSamePerson(t, li, one)
	if _, err := h.s.Person(h.ctx, store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown person: %v", err)
	}
}

// testPeopleDuplicates: the same normalised name in the same unit is the
// same person; the same name in another unit is another person.
func testPeopleDuplicates(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	co := h.create(Company("山东海化集团有限公司", ""))
	h.person(store.Person{Name: "王磊", MemberID: wf.ID})
	h.person(store.Person{Name: "Li Ming", Unit: "区委宣传部"})
	refused := []store.Person{
		{Name: "王磊", MemberID: wf.ID},
		{Name: "王 磊", MemberID: wf.ID},
		{Name: "王　磊 ", MemberID: wf.ID},
		{Name: "LI  MING", Unit: "区委 宣传部"},
		{Name: "ｌｉ ｍｉｎｇ", Unit: "区委宣传部 "},
	}
	before := h.state()
	for _, p := range refused {
		_, err := h.s.CreatePerson(h.ctx, p)
		fe := WantFieldError(t, err, store.FieldPersonName, store.ProblemPersonDuplicate)
		if fe.Detail != "王磊" && fe.Detail != "Li Ming" {
			t.Errorf("%q: detail %q does not name the existing person", p.Name, fe.Detail)
		}
	}
	h.unchanged(before, "a refused duplicate person")
	// Two 王磊 in different units are two people.
	other := h.person(store.Person{Name: "王磊", MemberID: co.ID})
	h.person(store.Person{Name: "王磊", Unit: "区委宣传部"})
	h.person(store.Person{Name: "王磊"})

	// Moving the second 王磊 into the first one's unit is refused too.
	other.MemberID = wf.ID
	_, err := h.s.UpdatePerson(h.ctx, other)
	WantFieldErrorDetail(t, err, store.FieldPersonName, store.ProblemPersonDuplicate, "王磊")
	if people, _ := h.s.People(h.ctx); len(people) != 5 {
		t.Fatalf("%d people", len(people))
	}
}

// testPeopleUnknownMember: a person's unit must be a member in the
// register, on create and when the unit is changed.
func testPeopleUnknownMember(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	before := h.state()
	_, err := h.s.CreatePerson(h.ctx, store.Person{Name: "张成刚", MemberID: store.NewID()})
	WantFieldError(t, err, store.FieldUnit, store.ProblemBadChoice)
	h.unchanged(before, "a refused person")
	p := h.person(store.Person{Name: "张成刚", MemberID: wf.ID})
	p.MemberID = store.NewID()
	_, err = h.s.UpdatePerson(h.ctx, p)
	WantFieldError(t, err, store.FieldUnit, store.ProblemBadChoice)

	// A unit deleted after the fact does not lock the person against edits.
	h.must(h.s.DeleteMember(h.ctx, wf.ID))
	p.MemberID, p.Mobile = wf.ID, "13805361234"
	if _, err := h.s.UpdatePerson(h.ctx, p); err != nil {
		t.Fatalf("edit of a person whose unit was deleted: %v", err)
	}
}

// testPeopleConflict: a stale UpdatePerson is refused, naming the person.
func testPeopleConflict(t *testing.T, h *harness) {
	p := h.person(store.Person{Name: "李建华", Unit: "区委宣传部"})
	first, second := p, p
	first.Title = "部长"
	saved, err := h.s.UpdatePerson(h.ctx, first)
	if err != nil || !saved.Updated.After(p.Updated) || !saved.Created.Equal(p.Created) || saved.Rev != 2 {
		t.Fatalf("update: %+v %v", saved, err)
	}
	before := h.state()
	second.Mobile = "13900000000"
	_, err = h.s.UpdatePerson(h.ctx, second)
	WantConflict(t, err, store.KindPerson, "李建华", clerk+"@"+pc, saved.Updated)
	h.unchanged(before, "a stale person update")
	got, _ := h.s.Person(h.ctx, p.ID)
	AssertSamePerson(t, saved, got)
	if _, err := h.s.UpdatePerson(h.ctx, store.Person{ID: store.NewID(), Name: "无此人"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("update of unknown person: %v", err)
	}
}

// testPeopleDeleteHoldingSeat: a person who holds a seat, or sits for a
// unit, cannot be deleted until the seat or representation ends.
func testPeopleDeleteHoldingSeat(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	WantFieldErrorDetail(t, h.s.DeletePerson(h.ctx, f.Zhang.ID), store.FieldPersonName, store.ProblemHoldsSeat, "理事会")
	WantFieldErrorDetail(t, h.s.DeletePerson(h.ctx, f.Wang.ID), store.FieldPersonName, store.ProblemHoldsSeat, "理事会")
	h.must(h.s.DeletePerson(h.ctx, f.Li.ID)) // holds nothing

	b := f.Council
	h.must(b.EndSeat(f.Term, f.Chair, Date(2022, 7, 1)))
	b = h.save(b, store.BodyChange{Op: store.SeatEnded, TermID: f.Term, SeatID: f.Chair})
	h.must(b.ChangeRep(f.Term, f.UnitSeat, Date(2021, 6, 1), f.Zhao.ID, "总经理"))
	b = h.save(b, store.BodyChange{Op: store.RepChanged, TermID: f.Term, SeatID: f.UnitSeat})
	for _, p := range []store.Person{f.Zhang, f.Wang} {
		if err := h.s.DeletePerson(h.ctx, p.ID); err != nil {
			t.Fatalf("delete %s after the seat ended: %v", p.Name, err)
		}
	}
	WantFieldErrorDetail(t, h.s.DeletePerson(h.ctx, f.Zhao.ID), store.FieldPersonName, store.ProblemHoldsSeat, "理事会")

	// The ended seats still name the deleted people: the body stays
	// editable, and the data is consistent (they are in the trash).
	b.Note = "第一届"
	b = h.save(b, store.BodyChange{Op: store.BodyEdited})
	h.mustCheck()

	trash, _ := h.s.Trash(h.ctx)
	if len(trash) != 3 || trash[0].Kind != store.KindPerson || trash[0].Name != "王威（山东海化集团有限公司）" {
		t.Fatalf("trash %+v", trash)
	}
	// The name is free meanwhile, so a restore can be refused …
	taken := h.person(store.Person{Name: "张成刚", MemberID: f.WF.ID})
	WantFieldErrorDetail(t, h.s.Restore(h.ctx, f.Zhang.ID), store.FieldPersonName, store.ProblemPersonDuplicate, "张成刚")
	h.must(h.s.DeletePerson(h.ctx, taken.ID))
	// … and then succeeds with the whole record, Rev and Updated renewed.
	h.must(h.s.Restore(h.ctx, f.Zhang.ID))
	h.reopen()
	got, err := h.s.Person(h.ctx, f.Zhang.ID)
	h.must(err)
	if !got.Updated.After(f.Zhang.Updated) {
		t.Fatal("restore did not renew Updated")
	}
	want := f.Zhang
	want.Rev, want.Updated = f.Zhang.Rev+1, got.Updated
	AssertSamePerson(t, want, got)
	if _, err := h.s.CreatePerson(h.ctx, store.Person{Name: "张 成刚", MemberID: f.WF.ID}); err == nil {
		t.Fatal("restored person is not indexed")
	}
}

// testBodiesCreateSaveReopen keeps a body through two terms (换届 copies
// the seats), a change of representative and a replacement, and reads it
// back field by field after reopening.
func testBodiesCreateSaveReopen(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	standing := h.newBody(store.Body{Name: " 常务理事会 ", Type: "常务理事会", ParentID: f.Council.ID, Ordering: store.OrderRanked, Note: "由理事会选举产生"})
	if standing.Name != "常务理事会" || standing.ID.Version() != 7 || standing.Rev != 1 {
		t.Fatalf("created %+v", standing)
	}

	b := f.Council
	h.must(b.ChangeRep(f.Term, f.UnitSeat, Date(2021, 6, 1), f.Zhao.ID, "总经理"))
	b = h.save(b, store.BodyChange{Op: store.RepChanged, TermID: f.Term, SeatID: f.UnitSeat})
	term2, err := b.NewTerm(2, Date(2023, 1, 1))
	h.must(err)
	b = h.save(b, store.BodyChange{Op: store.TermStarted, TermID: term2.ID})
	chair2 := b.Terms[1].Seats[0].ID
	next, err := b.ReplaceHolder(term2.ID, chair2, Date(2024, 1, 1), store.SeatHolder{PersonID: f.Li.ID, Title: "部长"})
	h.must(err)
	saved := h.save(b, store.BodyChange{Op: store.SeatReplaced, TermID: term2.ID, SeatID: next.ID, FromSeatID: chair2})
	if !saved.Updated.After(f.Council.Updated) || !saved.Created.Equal(f.Council.Created) || saved.Rev != f.Council.Rev+3 {
		t.Fatalf("stamp %+v", saved.Stamp)
	}
	if len(saved.Terms) != 2 || len(saved.Terms[1].Seats) != 3 || len(saved.Terms[0].Seats[1].Reps) != 2 {
		t.Fatalf("body shape: %+v", saved.Terms)
	}
	h.reopen()

	bodies, err := h.s.Bodies(h.ctx)
	if err != nil || len(bodies) != 2 {
		t.Fatalf("Bodies: %d %v", len(bodies), err)
	}
	AssertSameBody(t, saved, bodies[0]) // creation order
	AssertSameBody(t, standing, bodies[1])
	AssertSameBody(t, saved, h.body(saved.ID))
	if _, err := h.s.Body(h.ctx, store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown body: %v", err)
	}
}

// testBodiesParentCycle: one body per name; a parent must exist and may
// not be the body itself or one below it.
func testBodiesParentCycle(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	before := h.state()
	for _, name := range []string{"理事会", "理 事会", " 理事会　"} {
		_, err := h.s.CreateBody(h.ctx, store.Body{Name: name, Type: "其他"})
		WantFieldErrorDetail(t, err, store.FieldBodyName, store.ProblemBodyDuplicate, "理事会")
	}
	_, err := h.s.CreateBody(h.ctx, store.Body{Name: "工作委员会", Type: "工作委员会", ParentID: store.NewID()})
	WantFieldError(t, err, store.FieldParent, store.ProblemParentMissing)
	_, err = h.s.CreateBody(h.ctx, store.Body{Name: "工作委员会", Type: "不存在的类型"})
	WantFieldError(t, err, store.FieldBodyType, store.ProblemBadChoice)
	h.unchanged(before, "a refused body")
	child := h.newBody(store.Body{Name: "常务理事会", Type: "常务理事会", ParentID: f.Council.ID})
	grandchild := h.newBody(store.Body{Name: "专门委员会", Type: "专门委员会", ParentID: child.ID})

	renamed := child
	renamed.Name = "理事会"
	_, err = h.s.SaveBody(h.ctx, renamed, store.BodyChange{Op: store.BodyEdited})
	WantFieldErrorDetail(t, err, store.FieldBodyName, store.ProblemBodyDuplicate, "理事会")

	before = h.state()
	for _, parent := range []uuid.UUID{child.ID, grandchild.ID, f.Council.ID} {
		loop := f.Council
		loop.ParentID = parent
		_, err := h.s.SaveBody(h.ctx, loop, store.BodyChange{Op: store.BodyEdited})
		WantFieldError(t, err, store.FieldParent, store.ProblemParentCycle)
	}
	h.unchanged(before, "a loop of parents")
	// Renaming to a variant of its own name is no duplicate.
	renamed = child
	renamed.Name = "常务 理事会"
	if _, err := h.s.SaveBody(h.ctx, renamed, store.BodyChange{Op: store.BodyEdited}); err != nil {
		t.Fatal(err)
	}
}

// testBodiesConflict: a stale SaveBody is refused, naming the body.
func testBodiesConflict(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	first, second := f.Council.Clone(), f.Council.Clone()
	first.Note = "甲窗口"
	saved := h.save(first, store.BodyChange{Op: store.BodyEdited})
	before := h.state()
	second.Note = "乙窗口"
	_, err := h.s.SaveBody(h.ctx, second, store.BodyChange{Op: store.BodyEdited})
	WantConflict(t, err, store.KindBody, "理事会", clerk+"@"+pc, saved.Updated)
	h.unchanged(before, "a stale body save")
	AssertSameBody(t, saved, h.body(f.Council.ID))
	if _, err := h.s.SaveBody(h.ctx, store.Body{ID: store.NewID(), Name: "无此机构", Type: "其他"}, store.BodyChange{Op: store.BodyEdited}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("save of unknown body: %v", err)
	}
}

// testBodiesMissingHolder: a seat naming a person or member that does not
// exist is refused, naming the seat's position, and nothing is written.
func testBodiesMissingHolder(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	before := h.state()
	cases := []struct {
		name, pos string
		change    func(b *store.Body) error
	}{
		{"person", "副理事长", func(b *store.Body) error {
			_, err := b.AddSeat(f.Term, "副理事长", store.SeatHolder{PersonID: store.NewID()}, store.Date{})
			return err
		}},
		{"member", "常务理事", func(b *store.Body) error {
			_, err := b.AddSeat(f.Term, "常务理事", store.SeatHolder{MemberID: store.NewID(), RepID: f.Zhao.ID}, store.Date{})
			return err
		}},
		{"representative", "理事", func(b *store.Body) error {
			return b.ChangeRep(f.Term, f.UnitSeat, Date(2021, 6, 1), store.NewID(), "")
		}},
	}
	for _, c := range cases {
		b := h.body(f.Council.ID)
		h.must(c.change(&b))
		_, err := h.s.SaveBody(h.ctx, b, store.BodyChange{Op: store.SeatsChanged, TermID: f.Term})
		WantFieldErrorDetail(t, err, store.FieldHolder, store.ProblemBadChoice, c.pos)
	}
	b := h.body(f.Council.ID)
	b.Terms[0].Seats[0].PersonID = uuid.Nil
	_, err := h.s.SaveBody(h.ctx, b, store.BodyChange{Op: store.SeatCorrected, TermID: f.Term, SeatID: f.Chair})
	WantFieldErrorDetail(t, err, store.FieldHolder, store.ProblemRequired, "理事长")
	h.unchanged(before, "a refused save")
}

// testBodiesSeats makes every kind of body change and checks the audit
// summary the store writes for each, e.g. "理事会 理事 张三 任职".
func testBodiesSeats(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	zhangsan := h.person(store.Person{Name: "张三"})
	lisi := h.person(store.Person{Name: "李四"})
	b := f.Council
	step := func(ch store.BodyChange, summary string) {
		t.Helper()
		b = h.save(b, ch)
		got := h.audit(store.AuditQuery{Limit: 1})
		if len(got) != 1 || got[0].Action != store.ActionRoster || got[0].Kind != store.KindBody ||
			got[0].RecordID != b.ID || got[0].Summary != summary {
			t.Errorf("%s: audit %+v, want %q", ch.Op, got, summary)
		}
	}
	seat, err := b.AddSeat(f.Term, "理事", store.SeatHolder{PersonID: zhangsan.ID, Title: "顾问"}, store.Date{})
	h.must(err)
	zs := seat.ID
	step(store.BodyChange{Op: store.SeatAdded, TermID: f.Term, SeatID: zs}, "理事会 理事 张三 任职")
	seat, err = b.AddSeat(f.Term, "理事", store.SeatHolder{PersonID: lisi.ID}, store.Date{})
	h.must(err)
	ls := seat.ID
	step(store.BodyChange{Op: store.SeatAdded, TermID: f.Term, SeatID: ls}, "理事会 理事 李四 任职")
	h.must(b.MoveSeat(f.Term, ls, -1))
	step(store.BodyChange{Op: store.SeatMoved, TermID: f.Term, SeatID: ls, Delta: -1}, "理事会 理事 李四 上移")
	h.must(b.MoveSeat(f.Term, ls, 1))
	step(store.BodyChange{Op: store.SeatMoved, TermID: f.Term, SeatID: ls, Delta: 1}, "理事会 理事 李四 下移")
	h.must(b.CorrectSeat(f.Term, zs, "高级顾问", "更正职务"))
	step(store.BodyChange{Op: store.SeatCorrected, TermID: f.Term, SeatID: zs}, "理事会 修改职务：张三")
	h.must(b.ChangeRep(f.Term, f.UnitSeat, Date(2021, 6, 1), f.Zhao.ID, "总经理"))
	step(store.BodyChange{Op: store.RepChanged, TermID: f.Term, SeatID: f.UnitSeat}, "理事会 理事 山东海化集团有限公司 代表改为 赵敏")
	h.must(b.RemoveSeat(f.Term, ls))
	step(store.BodyChange{Op: store.SeatRemoved, TermID: f.Term, SeatID: ls}, "理事会 删除席位：理事 李四")
	next, err := b.ReplaceHolder(f.Term, f.Chair, Date(2021, 1, 1), store.SeatHolder{PersonID: f.Li.ID, Title: "部长"})
	h.must(err)
	chair := next.ID
	step(store.BodyChange{Op: store.SeatReplaced, TermID: f.Term, SeatID: chair, FromSeatID: f.Chair}, "理事会 理事长 张成刚 → 李建华")
	h.must(b.EndSeat(f.Term, zs, Date(2022, 7, 1)))
	step(store.BodyChange{Op: store.SeatEnded, TermID: f.Term, SeatID: zs}, "理事会 理事 张三 离任")
	term2, err := b.NewTerm(2, Date(2023, 1, 1))
	h.must(err)
	step(store.BodyChange{Op: store.TermStarted, TermID: term2.ID}, "理事会 换届：第二届")
	if _, err := b.AddSeat(term2.ID, "副理事长", store.SeatHolder{PersonID: zhangsan.ID}, store.Date{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddSeat(term2.ID, "理事", store.SeatHolder{PersonID: lisi.ID}, store.Date{}); err != nil {
		t.Fatal(err)
	}
	step(store.BodyChange{Op: store.SeatsChanged, TermID: term2.ID}, "理事会 第二届 名单变动")
	b.Note = "备注"
	step(store.BodyChange{Op: store.BodyEdited}, "理事会 修改机构")
	// The first term of a new body.
	other := h.newBody(store.Body{Name: "监事会", Type: "监事会"})
	t1, err := other.AddTerm(3, Date(2024, 1, 1))
	h.must(err)
	b = other
	step(store.BodyChange{Op: store.TermStarted, TermID: t1.ID}, "监事会 新建一届：第三届")

	h.reopen()
	got := h.body(f.Council.ID)
	if len(got.Terms) != 2 || got.Terms[0].End != Date(2023, 1, 1) || len(got.Terms[1].Seats) != 4 {
		t.Fatalf("terms after the changes: %+v", got.Terms)
	}
	if s := got.Terms[0].Seat(zs); s == nil || s.Title != "高级顾问" || s.Note != "更正职务" || s.End != Date(2022, 7, 1) {
		t.Fatalf("corrected seat %+v", s)
	}
	if got.Terms[0].Seat(ls) != nil {
		t.Fatal("removed seat is still there")
	}
}

// testBodiesDeleteRestore: a deleted body goes to the trash whole and
// comes back with its terms and seats.
func testBodiesDeleteRestore(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	h.must(h.s.DeleteBody(h.ctx, f.Council.ID))
	if _, err := h.s.Body(h.ctx, f.Council.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted body readable: %v", err)
	}
	// Its chair is free to go once the body is gone.
	h.must(h.s.DeletePerson(h.ctx, f.Zhang.ID))
	trash, _ := h.s.Trash(h.ctx)
	if len(trash) != 2 || trash[1].Kind != store.KindBody || trash[1].Name != "理事会" || trash[1].ID != f.Council.ID {
		t.Fatalf("trash %+v", trash)
	}
	taken := h.newBody(store.Body{Name: "理事会", Type: "理事会"})
	WantFieldErrorDetail(t, h.s.Restore(h.ctx, f.Council.ID), store.FieldBodyName, store.ProblemBodyDuplicate, "理事会")
	h.must(h.s.DeleteBody(h.ctx, taken.ID))
	h.must(h.s.Restore(h.ctx, f.Council.ID))
	h.reopen()
	got := h.body(f.Council.ID)
	want := f.Council
	want.Rev, want.Updated = f.Council.Rev+1, got.Updated
	AssertSameBody(t, want, got)
	if !got.Updated.After(f.Council.Updated) {
		t.Fatal("restore did not renew Updated")
	}
	if err := h.s.Restore(h.ctx, f.Council.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second restore: %v", err)
	}
}

// testRostersAsOf builds the roster of a body on several days from what
// the store reads back: the term in force, the seats held that day, the
// representative of the day, and the flag on a holder who has left.
func testRostersAsOf(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	b := f.Council
	h.must(b.ChangeRep(f.Term, f.UnitSeat, Date(2021, 6, 1), f.Zhao.ID, "总经理"))
	b = h.save(b, store.BodyChange{Op: store.RepChanged, TermID: f.Term, SeatID: f.UnitSeat})
	term2, err := b.NewTerm(2, Date(2023, 1, 1))
	h.must(err)
	b = h.save(b, store.BodyChange{Op: store.TermStarted, TermID: term2.ID})
	chair2 := b.Terms[1].Seats[0].ID
	next, err := b.ReplaceHolder(term2.ID, chair2, Date(2024, 1, 1), store.SeatHolder{PersonID: f.Li.ID, Title: "部长"})
	h.must(err)
	h.save(b, store.BodyChange{Op: store.SeatReplaced, TermID: term2.ID, SeatID: next.ID, FromSeatID: chair2})
	li := f.Li
	li.LeftOn = Date(2025, 3, 1)
	_, err = h.s.UpdatePerson(h.ctx, li)
	h.must(err)
	h.reopen()

	people, err := h.s.People(h.ctx)
	h.must(err)
	members, err := h.s.Members(h.ctx)
	h.must(err)
	settings, err := h.s.Settings(h.ctx)
	h.must(err)
	dir := store.NewDirectory(people, members, store.PositionsOf(settings))
	body := h.body(f.Council.ID)
	type line struct{ pos, name, unit, title string }
	cases := []struct {
		day      store.Date
		term     int
		lines    []line
		warnings int
	}{
		{Date(2019, 12, 31), 0, nil, 0},
		{Date(2020, 1, 15), 1, []line{{"理事长", "张成刚", "潍坊职业学院", "校长"}}, 0},
		{Date(2021, 1, 1), 1, []line{{"理事长", "张成刚", "潍坊职业学院", "校长"}, {"理事", "王威", "山东海化集团有限公司", "董事长"}}, 0},
		{Date(2022, 1, 1), 1, []line{{"理事长", "张成刚", "潍坊职业学院", "校长"}, {"理事", "赵敏", "山东海化集团有限公司", "总经理"}}, 0},
		{Date(2023, 6, 1), 2, []line{{"理事长", "张成刚", "潍坊职业学院", "校长"}, {"理事", "赵敏", "山东海化集团有限公司", "总经理"}}, 0},
		{Date(2024, 6, 1), 2, []line{{"理事长", "李建华", "区委宣传部", "部长"}, {"理事", "赵敏", "山东海化集团有限公司", "总经理"}}, 0},
		{Date(2025, 6, 1), 2, []line{{"理事长", "李建华", "区委宣传部", "部长"}, {"理事", "赵敏", "山东海化集团有限公司", "总经理"}}, 1},
	}
	for _, c := range cases {
		r := store.BuildRoster(&body, c.day, dir)
		if (r.Term == nil) != (c.term == 0) || (r.Term != nil && r.Term.Number != c.term) {
			t.Errorf("%s: term %+v, want %d", c.day, r.Term, c.term)
			continue
		}
		var got []line
		for _, l := range r.Lines() {
			got = append(got, line{l.Position, l.Name, l.Unit, l.Title})
		}
		if len(got) != len(c.lines) {
			t.Errorf("%s: lines %+v, want %+v", c.day, got, c.lines)
			continue
		}
		for i := range got {
			if got[i] != c.lines[i] {
				t.Errorf("%s line %d: %+v, want %+v", c.day, i, got[i], c.lines[i])
			}
		}
		if len(r.Warnings) != c.warnings {
			t.Errorf("%s: warnings %+v", c.day, r.Warnings)
		}
	}
}
