package bolt

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// TestBodiesCreateSaveReopen keeps a body through two terms (换届 copies
// the seats), a change of representative and a replacement, and reads it
// back field by field after reopening the file.
func TestBodiesCreateSaveReopen(t *testing.T) {
	f := newRoster(t)
	db := f.db
	standing := mustBody(t, db, store.Body{Name: " 常务理事会 ", Type: "常务理事会", ParentID: f.council.ID, Ordering: store.OrderRanked, Note: "由理事会选举产生"})
	if standing.Name != "常务理事会" || standing.ID.Version() != 7 {
		t.Fatalf("created %+v", standing)
	}

	b := f.council
	if err := b.ChangeRep(f.term, f.unitSeat, date(2021, 6, 1), f.zhao.ID, "总经理"); err != nil {
		t.Fatal(err)
	}
	b = mustSave(t, db, b, "理事 山东海化集团有限公司 代表变更")
	term2, err := b.NewTerm(2, date(2023, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	chair2 := term2.Seats[0].ID
	if _, err := b.ReplaceHolder(term2.ID, chair2, date(2024, 1, 1), store.SeatHolder{PersonID: f.li.ID, Title: "部长"}); err != nil {
		t.Fatal(err)
	}
	saved := mustSave(t, db, b, "换届：第二届")
	if !saved.Updated.After(f.council.Updated) || !saved.Created.Equal(f.council.Created) {
		t.Fatalf("Created %v Updated %v", saved.Created, saved.Updated)
	}
	if len(saved.Terms) != 2 || len(saved.Terms[1].Seats) != 3 || len(saved.Terms[0].Seats[1].Reps) != 2 {
		t.Fatalf("body shape: %+v", saved.Terms)
	}
	db.Close()

	db = reopen(t, f.path)
	bodies, err := db.Bodies()
	if err != nil || len(bodies) != 2 {
		t.Fatalf("Bodies: %d %v", len(bodies), err)
	}
	assertSameBody(t, saved, bodies[0]) // creation order
	assertSameBody(t, standing, bodies[1])
	one, err := db.Body(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameBody(t, saved, one)
	if _, err := db.Body(store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown body: %v", err)
	}
	mustCheck(t, db)
}

// TestBodyDuplicateAndParent: one body per name; a parent must exist and
// may not be the body itself or one below it.
func TestBodyDuplicateAndParent(t *testing.T) {
	f := newRoster(t)
	db := f.db
	for _, name := range []string{"理事会", "理 事会", " 理事会　"} {
		_, err := db.CreateBody(store.Body{Name: name, Type: "其他"})
		wantFieldErrorDetail(t, err, store.FieldBodyName, store.ProblemBodyDuplicate, "理事会")
	}
	_, err := db.CreateBody(store.Body{Name: "工作委员会", Type: "工作委员会", ParentID: store.NewID()})
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing parent: %v", err)
	}
	if _, err := db.CreateBody(store.Body{Name: "工作委员会", Type: "不存在的类型"}); err == nil {
		t.Fatal("invalid type saved")
	}
	child := mustBody(t, db, store.Body{Name: "常务理事会", Type: "常务理事会", ParentID: f.council.ID})

	renamed := child
	renamed.Name = "理事会"
	_, err = db.SaveBody(renamed, "改名")
	wantFieldErrorDetail(t, err, store.FieldBodyName, store.ProblemBodyDuplicate, "理事会")

	loop := f.council
	loop.ParentID = child.ID
	if _, err := db.SaveBody(loop, "调整上级"); !errors.Is(err, errParentCycle) {
		t.Fatalf("loop of parents: %v", err)
	}
	loop.ParentID = loop.ID
	if _, err := db.SaveBody(loop, "调整上级"); !errors.Is(err, errParentCycle) {
		t.Fatalf("own parent: %v", err)
	}
	// Renaming to a variant of its own name is no duplicate.
	renamed = child
	renamed.Name = "常务 理事会"
	if _, err := db.SaveBody(renamed, "改名"); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
}

func TestSaveBodyConflict(t *testing.T) {
	f := newRoster(t)
	db := f.db
	first, second := f.council, f.council
	first.Note = "甲窗口"
	saved := mustSave(t, db, first, "修改备注")
	second.Terms = append([]store.Term(nil), second.Terms...)
	second.Note = "乙窗口"
	if _, err := db.SaveBody(second, "修改备注"); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale save: %v", err)
	}
	got, _ := db.Body(f.council.ID)
	assertSameBody(t, saved, got)
	if _, err := db.SaveBody(store.Body{ID: store.NewID(), Name: "无此机构", Type: "其他"}, ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("save of unknown body: %v", err)
	}
}

// TestSaveBodyMissingHolder: a seat naming a person or member that does
// not exist is refused, naming the seat's position, and nothing is written.
func TestSaveBodyMissingHolder(t *testing.T) {
	f := newRoster(t)
	db := f.db
	before := fileHash(t, f.path)
	cases := map[string]func(b *store.Body) error{
		"person": func(b *store.Body) error {
			_, err := b.AddSeat(f.term, "副理事长", store.SeatHolder{PersonID: store.NewID()}, store.Date{})
			return err
		},
		"member": func(b *store.Body) error {
			_, err := b.AddSeat(f.term, "常务理事", store.SeatHolder{MemberID: store.NewID(), RepID: f.zhao.ID}, store.Date{})
			return err
		},
		"representative": func(b *store.Body) error {
			return b.ChangeRep(f.term, f.unitSeat, date(2021, 6, 1), store.NewID(), "")
		},
	}
	wantPos := map[string]string{"person": "副理事长", "member": "常务理事", "representative": "理事"}
	for name, change := range cases {
		b, _ := db.Body(f.council.ID)
		if err := change(&b); err != nil {
			t.Fatal(err)
		}
		_, err := db.SaveBody(b, name)
		wantFieldErrorDetail(t, err, store.FieldHolder, store.ProblemBadChoice, wantPos[name])
	}
	b, _ := db.Body(f.council.ID)
	b.Terms[0].Seats[0].PersonID = uuid.Nil
	_, err := db.SaveBody(b, "无任职人")
	wantFieldErrorDetail(t, err, store.FieldHolder, store.ProblemRequired, "理事长")
	if fileHash(t, f.path) != before {
		t.Fatal("a refused save changed the file")
	}
}

// TestDeleteAndRestoreBody: a deleted body goes to the trash whole and
// comes back with its terms and seats.
func TestDeleteAndRestoreBody(t *testing.T) {
	f := newRoster(t)
	db := f.db
	if err := db.DeleteBody(f.council.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Body(f.council.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted body readable: %v", err)
	}
	// Its chair is free to go once the body is gone.
	if err := db.DeletePerson(f.zhang.ID); err != nil {
		t.Fatal(err)
	}
	trash, _ := db.Trash()
	if len(trash) != 2 || trash[1].Kind != store.KindBody || trash[1].Name != "理事会" || trash[1].ID != f.council.ID {
		t.Fatalf("trash %+v", trash)
	}
	taken := mustBody(t, db, store.Body{Name: "理事会", Type: "理事会"})
	wantFieldErrorDetail(t, db.Restore(f.council.ID), store.FieldBodyName, store.ProblemBodyDuplicate, "理事会")
	if err := db.DeleteBody(taken.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Restore(f.council.ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.Body(f.council.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := f.council
	want.Updated = got.Updated
	assertSameBody(t, want, got)
	if !got.Updated.After(f.council.Updated) {
		t.Fatal("restore did not renew Updated")
	}
	if err := db.Restore(f.council.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second restore: %v", err)
	}
	mustCheck(t, db)
}

// TestRosterAudit: each roster write leaves one entry with the summary a
// clerk reads.
func TestRosterAudit(t *testing.T) {
	f := newRoster(t)
	db := f.db
	li := f.li
	li.Title = "部长"
	if _, err := db.UpdatePerson(li); err != nil {
		t.Fatal(err)
	}
	b := f.council
	if err := b.EndSeat(f.term, f.chair, date(2022, 7, 1)); err != nil {
		t.Fatal(err)
	}
	mustSave(t, db, b, "理事长 张成刚 离任")
	for _, err := range []error{db.DeletePerson(f.zhang.ID), db.Restore(f.zhang.ID), db.DeleteBody(b.ID), db.Restore(b.ID)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := []struct{ action, kind, summary string }{
		{store.ActionRestore, store.KindBody, "恢复 理事会"},
		{store.ActionDelete, store.KindBody, "删除 理事会"},
		{store.ActionRestore, store.KindPerson, "恢复 张成刚（潍坊职业学院）"},
		{store.ActionDelete, store.KindPerson, "删除 张成刚（潍坊职业学院）"},
		{store.ActionRoster, store.KindBody, "理事会 理事长 张成刚 离任"},
		{store.ActionUpdate, store.KindPerson, "修改 李建华（区委宣传部）"},
		{store.ActionRoster, store.KindBody, "理事会 新建第一届"},
		{store.ActionCreate, store.KindBody, "新增 理事会"},
		{store.ActionCreate, store.KindPerson, "新增 赵敏（山东海化集团有限公司）"},
		{store.ActionCreate, store.KindPerson, "新增 王威（山东海化集团有限公司）"},
		{store.ActionCreate, store.KindPerson, "新增 李建华（区委宣传部）"},
		{store.ActionCreate, store.KindPerson, "新增 张成刚（潍坊职业学院）"},
	}
	got, err := db.Audit(len(want))
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		g := got[i]
		if g.Action != w.action || g.Kind != w.kind || g.Summary != w.summary {
			t.Errorf("entry %d: %s %s %q, want %s %s %q", i, g.Action, g.Kind, g.Summary, w.action, w.kind, w.summary)
		}
	}
	if got[0].RecordID != b.ID || got[2].RecordID != f.zhang.ID {
		t.Errorf("record IDs %s %s", got[0].RecordID, got[2].RecordID)
	}
}
