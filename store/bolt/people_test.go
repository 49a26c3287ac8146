package bolt

import (
	"errors"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// TestPeopleCreateAndReopen saves people, closes the file, opens it again
// and compares every field.
func TestPeopleCreateAndReopen(t *testing.T) {
	db, path := openTest(t)
	wf := mustCreate(t, db, weifang())
	zhang := mustPerson(t, db, store.Person{
		Name: " 张　成刚 ", Gender: "男", MemberID: wf.ID, Unit: "会被忽略", Title: "校长",
		Mobile: "13805361234", Phone: "0536-8185000", Email: "zhang@sdwfvc.edu.cn", Note: "第一届起任理事长",
	})
	if zhang.Name != "张成刚" || zhang.Unit != "" || zhang.ID.Version() != 7 || !zhang.Created.Equal(zhang.Updated) {
		t.Fatalf("created %+v: want cleaned name, no free-text unit, a new UUIDv7", zhang)
	}
	li := mustPerson(t, db, store.Person{Name: "李建华", Unit: "区委　宣传部", Title: "副部长", LeftOn: date(2024, 6, 30)})
	if li.Unit != "区委 宣传部" {
		t.Fatalf("unit %q", li.Unit)
	}
	if _, err := db.CreatePerson(store.Person{Name: "王威", Gender: "未知"}); err == nil {
		t.Fatal("invalid gender saved")
	}
	db.Close()

	db = reopen(t, path)
	people, err := db.People()
	if err != nil || len(people) != 2 {
		t.Fatalf("People: %d, %v", len(people), err)
	}
	assertSamePerson(t, zhang, people[0]) // creation order
	assertSamePerson(t, li, people[1])
	one, err := db.Person(li.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSamePerson(t, li, one)
	if _, err := db.Person(store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown person: %v", err)
	}
	mustCheck(t, db)
}

// TestPersonDuplicates: the same normalised name in the same unit is the
// same person; the same name in another unit is another person.
func TestPersonDuplicates(t *testing.T) {
	db, _ := openTest(t)
	wf := mustCreate(t, db, weifang())
	co := mustCreate(t, db, company("山东海化集团有限公司", ""))
	mustPerson(t, db, store.Person{Name: "王磊", MemberID: wf.ID})
	mustPerson(t, db, store.Person{Name: "Li Ming", Unit: "区委宣传部"})
	refused := []store.Person{
		{Name: "王磊", MemberID: wf.ID},
		{Name: "王 磊", MemberID: wf.ID},
		{Name: "王　磊 ", MemberID: wf.ID},
		{Name: "LI  MING", Unit: "区委 宣传部"},
		{Name: "ｌｉ ｍｉｎｇ", Unit: "区委宣传部 "},
	}
	for _, p := range refused {
		_, err := db.CreatePerson(p)
		fe := wantFieldError(t, err, store.FieldPersonName, store.ProblemPersonDuplicate)
		if fe.Detail != "王磊" && fe.Detail != "Li Ming" {
			t.Errorf("%q: detail %q does not name the existing person", p.Name, fe.Detail)
		}
	}
	// Two 王磊 in different units are two people.
	other := mustPerson(t, db, store.Person{Name: "王磊", MemberID: co.ID})
	mustPerson(t, db, store.Person{Name: "王磊", Unit: "区委宣传部"})
	mustPerson(t, db, store.Person{Name: "王磊"})

	// Moving the second 王磊 into the first one's unit is refused too.
	other.MemberID = wf.ID
	_, err := db.UpdatePerson(other)
	wantFieldError(t, err, store.FieldPersonName, store.ProblemPersonDuplicate)
	if people, _ := db.People(); len(people) != 5 {
		t.Fatalf("%d people", len(people))
	}
	mustCheck(t, db)
}

// TestPersonUnknownMember: a person's unit must be a member in the
// register, on create and when the unit is changed.
func TestPersonUnknownMember(t *testing.T) {
	db, path := openTest(t)
	wf := mustCreate(t, db, weifang())
	before := fileHash(t, path)
	_, err := db.CreatePerson(store.Person{Name: "张成刚", MemberID: store.NewID()})
	wantFieldError(t, err, store.FieldUnit, store.ProblemBadChoice)
	if fileHash(t, path) != before {
		t.Fatal("refused person changed the file")
	}
	p := mustPerson(t, db, store.Person{Name: "张成刚", MemberID: wf.ID})
	p.MemberID = store.NewID()
	_, err = db.UpdatePerson(p)
	wantFieldError(t, err, store.FieldUnit, store.ProblemBadChoice)

	// A unit deleted after the fact does not lock the person against edits.
	if err := db.DeleteMember(wf.ID); err != nil {
		t.Fatal(err)
	}
	p.MemberID, p.Mobile = wf.ID, "13805361234"
	if _, err := db.UpdatePerson(p); err != nil {
		t.Fatalf("edit of a person whose unit was deleted: %v", err)
	}
}

func TestUpdatePersonConflict(t *testing.T) {
	db, _ := openTest(t)
	p := mustPerson(t, db, store.Person{Name: "李建华", Unit: "区委宣传部"})
	first, second := p, p
	first.Title = "部长"
	saved, err := db.UpdatePerson(first)
	if err != nil || !saved.Updated.After(p.Updated) || !saved.Created.Equal(p.Created) {
		t.Fatalf("update: %+v %v", saved, err)
	}
	second.Mobile = "13900000000"
	if _, err := db.UpdatePerson(second); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	got, _ := db.Person(p.ID)
	assertSamePerson(t, saved, got)
	if _, err := db.UpdatePerson(store.Person{ID: store.NewID(), Name: "无此人"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("update of unknown person: %v", err)
	}
}

// TestDeletePersonHoldingSeat: a person who holds a seat, or sits for a
// unit, cannot be deleted until the seat or representation ends.
func TestDeletePersonHoldingSeat(t *testing.T) {
	f := newRoster(t)
	db := f.db
	wantFieldErrorDetail(t, db.DeletePerson(f.zhang.ID), store.FieldPersonName, store.ProblemHoldsSeat, "理事会")
	wantFieldErrorDetail(t, db.DeletePerson(f.wang.ID), store.FieldPersonName, store.ProblemHoldsSeat, "理事会")
	if err := db.DeletePerson(f.li.ID); err != nil { // holds nothing
		t.Fatal(err)
	}

	b := f.council
	if err := b.EndSeat(f.term, f.chair, date(2022, 7, 1)); err != nil {
		t.Fatal(err)
	}
	if err := b.ChangeRep(f.term, f.unitSeat, date(2021, 6, 1), f.zhao.ID, "总经理"); err != nil {
		t.Fatal(err)
	}
	b = mustSave(t, db, b, "理事长 张成刚 离任")
	for _, p := range []store.Person{f.zhang, f.wang} {
		if err := db.DeletePerson(p.ID); err != nil {
			t.Fatalf("delete %s after the seat ended: %v", p.Name, err)
		}
	}
	wantFieldErrorDetail(t, db.DeletePerson(f.zhao.ID), store.FieldPersonName, store.ProblemHoldsSeat, "理事会")

	// The ended seats still name the deleted people: the body stays
	// editable, and the file is consistent (they are in the trash).
	b.Note = "第一届"
	b = mustSave(t, db, b, "修改备注")
	mustCheck(t, db)

	trash, _ := db.Trash()
	if len(trash) != 3 || trash[0].Kind != store.KindPerson || trash[0].Name != "王威（山东海化集团有限公司）" {
		t.Fatalf("trash %+v", trash)
	}
	// The name is free meanwhile, so a restore can be refused …
	taken := mustPerson(t, db, store.Person{Name: "张成刚", MemberID: f.wf.ID})
	wantFieldErrorDetail(t, db.Restore(f.zhang.ID), store.FieldPersonName, store.ProblemPersonDuplicate, "张成刚")
	if err := db.DeletePerson(taken.ID); err != nil {
		t.Fatal(err)
	}
	// … and then succeeds with the whole record, Updated renewed.
	if err := db.Restore(f.zhang.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = reopen(t, f.path)
	got, err := db.Person(f.zhang.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Updated.After(f.zhang.Updated) {
		t.Fatal("restore did not renew Updated")
	}
	want := f.zhang
	want.Updated = got.Updated
	assertSamePerson(t, want, got)
	if _, err := db.CreatePerson(store.Person{Name: "张 成刚", MemberID: f.wf.ID}); err == nil {
		t.Fatal("restored person is not indexed")
	}
	mustCheck(t, db)
}

func wantFieldErrorDetail(t testing.TB, err error, f store.Field, p store.Problem, detail string) {
	t.Helper()
	if fe := wantFieldError(t, err, f, p); fe.Detail != detail {
		t.Fatalf("「%s」%s: detail %q, want %q", f, p, fe.Detail, detail)
	}
}
