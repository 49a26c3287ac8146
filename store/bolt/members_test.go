package bolt

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// TestCreateAndReopen saves members through CreateMember, closes the file,
// opens it again and compares every field of every member.
func TestCreateAndReopen(t *testing.T) {
	db, path := openTest(t)
	in := weifang()
	in.Name = "  潍坊　职业学院 " // full-width space and stray spaces, as typed
	in.ID = uuid.MustParse("00000000-0000-7000-8000-000000000001")
	first := mustCreate(t, db, in)
	if first.Name != "潍坊职业学院" || first.ID == in.ID || first.ID.Version() != 7 {
		t.Fatalf("created %q with ID %s: want cleaned name and a new UUIDv7", first.Name, first.ID)
	}
	if !first.Created.Equal(first.Updated) || !first.Created.After(testStart) {
		t.Fatalf("Created %v Updated %v", first.Created, first.Updated)
	}
	e := first.Events[0]
	if e.ID == uuid.Nil || !e.Recorded.Equal(first.Created) || e.Tier != "理事长单位" {
		t.Fatalf("admission not filled in by the store: %+v", e)
	}
	saved := []store.Member{first}
	more, err := storetest.CreateEach(db, storetest.SyntheticMembers(30, 11))
	if err != nil {
		t.Fatal(err)
	}
	saved = append(saved, more...)
	db.Close()

	db = reopen(t, path)
	got, err := db.Members()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(saved) {
		t.Fatalf("reopened file has %d members, want %d", len(got), len(saved))
	}
	for i := range saved {
		assertSameMember(t, saved[i], got[i]) // also checks creation order
	}
	one, err := db.Member(saved[7].ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMember(t, saved[7], one)
	if _, err := db.Member(store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown ID: %v", err)
	}
	mustCheck(t, db)
}

// TestDuplicates refuses a second unit with the same credit code or the
// same normalised name, naming the unit that is already there.
func TestDuplicates(t *testing.T) {
	db, _ := openTest(t)
	wf := mustCreate(t, db, weifang())
	abc := mustCreate(t, db, company("ＡＢＣ 精密机械有限公司", validCode("91370700MA3C00001")))
	cases := []struct {
		name     string
		m        store.Member
		existing string
	}{
		{"same code", company("另一家公司", wf.CreditCode), "潍坊职业学院"},
		{"code typed with spaces and dashes", company("另一家公司", "9151-2081 MA62K0260E"), "潍坊职业学院"},
		{"spaces inside name", company("潍坊 职业 学院", ""), "潍坊职业学院"},
		{"full-width space", company("潍坊　职业学院", ""), "潍坊职业学院"},
		{"full-width letters, lower case", company("abc精密机械有限公司", ""), "ABC 精密机械有限公司"},
	}
	for _, c := range cases {
		_, err := db.CreateMember(c.m)
		fe := wantFieldError(t, err, store.FieldName, store.ProblemDuplicate)
		if fe.Detail != c.existing {
			t.Errorf("%s: error names %q, want %q", c.name, fe.Detail, c.existing)
		}
	}
	// Renaming onto another unit's name is refused too; renaming away frees
	// the old name.
	abc.Name = "潍坊职业学院"
	_, err := db.UpdateMember(abc)
	wantFieldError(t, err, store.FieldName, store.ProblemDuplicate)
	abc.Name = "潍坊精密机械有限公司"
	if abc, err = db.UpdateMember(abc); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, company("ABC精密机械有限公司", ""))
	if ms, _ := db.Members(); len(ms) != 3 {
		t.Fatalf("%d members, want 3", len(ms))
	}
	mustCheck(t, db)
}

// TestInvalidTransitions: the life-cycle rules refuse, with the field the
// clerk has to correct, and nothing is written.
func TestInvalidTransitions(t *testing.T) {
	db, _ := openTest(t)
	future := weifang()
	future.Events[0].Date = date(2027, 1, 1)
	_, err := db.CreateMember(future)
	wantFieldError(t, err, store.FieldJoinDate, store.ProblemFutureDate)

	never := mustCreate(t, db, company("从未加入的公司", ""))
	_, err = db.AddEvent(never.ID, store.Event{Kind: store.EventExit, Date: date(2020, 1, 1), ExitKind: "自愿退出"})
	wantFieldError(t, err, store.FieldExitDate, store.ProblemExitNoJoin)

	wf := mustCreate(t, db, weifang()) // joined 2015-03-01
	_, err = db.AddEvent(wf.ID, store.Event{Kind: store.EventExit, Date: date(2014, 12, 31), ExitKind: "自愿退出"})
	fe := wantFieldError(t, err, store.FieldExitDate, store.ProblemBeforeLast)
	if fe.Detail != "2015年3月1日" {
		t.Fatalf("detail %q", fe.Detail)
	}
	exit := store.Event{Kind: store.EventExit, Date: date(2020, 6, 30), ExitKind: "除名", Reason: "未缴会费"}
	if _, err := db.AddEvent(wf.ID, exit); err != nil {
		t.Fatal(err)
	}
	exit.Date = date(2021, 1, 1)
	_, err = db.AddEvent(wf.ID, exit)
	wantFieldError(t, err, store.FieldExitDate, store.ProblemNotMember)
	_, err = db.AddEvent(wf.ID, store.Event{Kind: store.EventJoin, Date: date(2026, 12, 1), Tier: "成员单位"})
	wantFieldError(t, err, store.FieldJoinDate, store.ProblemFutureDate)

	stored, _ := db.Member(wf.ID)
	if len(stored.Events) != 2 || stored.Events[1].Kind != store.EventExit {
		t.Fatalf("refused events were written: %+v", stored.Events)
	}
	audit, _ := db.Audit(0)
	if len(audit) != 3 { // two creates and the one accepted exit
		t.Fatalf("%d audit entries, want 3: %+v", len(audit), audit)
	}
}

// TestUpdateConflict: an edit made on a copy older than the stored member
// is refused, and an update never touches the events.
func TestUpdateConflict(t *testing.T) {
	db, _ := openTest(t)
	orig := mustCreate(t, db, weifang())
	edit := orig
	edit.Contact, edit.Phone = "李强", "13805361234"
	edit.Events = nil // the form does not carry events
	updated, err := db.UpdateMember(edit)
	if err != nil {
		t.Fatal(err)
	}
	if !updated.Updated.After(orig.Updated) || len(updated.Events) != 1 || !updated.Created.Equal(orig.Created) {
		t.Fatalf("update result %+v", updated)
	}
	stale := orig
	stale.Note = "旧窗口里的修改"
	if _, err := db.UpdateMember(stale); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	// An event also makes earlier copies stale.
	if _, err := db.AddEvent(orig.ID, store.Event{Kind: store.EventTier, Date: date(2024, 3, 1), Tier: "副理事长单位"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateMember(updated); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("update after event: %v", err)
	}
	got, _ := db.Member(orig.ID)
	if got.Contact != "李强" || got.Note != "牵头单位" || len(got.Events) != 2 {
		t.Fatalf("stored %q %q %d events", got.Contact, got.Note, len(got.Events))
	}
	gone := orig
	gone.ID = store.NewID()
	if _, err := db.UpdateMember(gone); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("update of unknown member: %v", err)
	}
}

// TestTrashAndRestore deletes into the trash and restores from it,
// including a restore refused because the name was taken meanwhile.
func TestTrashAndRestore(t *testing.T) {
	db, path := openTest(t)
	wf := mustCreate(t, db, weifang())
	b := mustCreate(t, db, company("乙公司", ""))
	c := mustCreate(t, db, company("丙公司", ""))
	for _, m := range []store.Member{wf, b, c} {
		if err := db.DeleteMember(m.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Member(wf.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted member still readable: %v", err)
	}
	if _, err := db.AddEvent(wf.ID, store.Event{Kind: store.EventExit, Date: date(2020, 1, 1), ExitKind: "注销"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("event on deleted member: %v", err)
	}
	trash, err := db.Trash()
	if err != nil || len(trash) != 3 {
		t.Fatalf("trash %v %v", trash, err)
	}
	if trash[0].ID != c.ID || trash[2].ID != wf.ID || trash[2].Kind != store.KindMember || trash[2].Name != "潍坊职业学院" {
		t.Fatalf("trash not newest first: %s %s %s", trash[0].Name, trash[1].Name, trash[2].Name)
	}
	// The name is free while the member is in the trash …
	taken := mustCreate(t, db, company("潍坊职业学院", ""))
	err = db.Restore(wf.ID)
	if fe := wantFieldError(t, err, store.FieldName, store.ProblemDuplicate); fe.Detail != "潍坊职业学院" {
		t.Fatalf("detail %q", fe.Detail)
	}
	// … and once it is freed again the restore brings back the whole record.
	if err := db.DeleteMember(taken.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Restore(wf.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = reopen(t, path)
	got, err := db.Member(wf.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := wf
	want.Updated = got.Updated // restore renews Updated so stale forms conflict
	assertSameMember(t, want, got)
	if !got.Updated.After(wf.Updated) {
		t.Fatal("restore did not renew Updated")
	}
	trash, _ = db.Trash()
	if len(trash) != 3 || trash[0].ID != taken.ID {
		t.Fatalf("trash after restore: %+v", trash)
	}
	if err := db.Restore(wf.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second restore: %v", err)
	}
	if _, err := db.CreateMember(company("潍坊职业学院", "")); err == nil {
		t.Fatal("restored member's name is not indexed")
	}
	mustCheck(t, db)
}

// TestAuditTrail: each kind of write leaves one entry, newest first, with
// the summary a clerk reads.
func TestAuditTrail(t *testing.T) {
	db, _ := openTest(t)
	wf := mustCreate(t, db, weifang())
	edit := wf
	edit.Contact, edit.Phone = "李强", "13805361234"
	if _, err := db.UpdateMember(edit); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddEvent(wf.ID, store.Event{Kind: store.EventTier, Date: date(2024, 3, 1), Tier: "副理事长单位"}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteMember(wf.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Restore(wf.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveSettings(store.Settings{GroupName: "潍坊现代职业教育集团"}); err != nil {
		t.Fatal(err)
	}
	want := []struct{ action, summary string }{
		{store.ActionSettings, "集团名称：潍坊现代职业教育集团"},
		{store.ActionRestore, "恢复 潍坊职业学院"},
		{store.ActionDelete, "删除 潍坊职业学院"},
		{store.ActionEvent, "类别变更 潍坊职业学院 理事长单位→副理事长单位 (2024年3月1日)"},
		{store.ActionUpdate, "修改 潍坊职业学院：联系人、联系电话"},
		{store.ActionCreate, "新增 潍坊职业学院"},
	}
	got, err := db.Audit(0)
	if err != nil || len(got) != len(want) {
		t.Fatalf("audit: %d entries, %v", len(got), err)
	}
	for i, w := range want {
		g := got[i]
		if g.Action != w.action || g.Summary != w.summary {
			t.Errorf("entry %d: %s %q, want %s %q", i, g.Action, g.Summary, w.action, w.summary)
		}
		if i > 0 && !g.Time.Before(got[i-1].Time) {
			t.Errorf("entry %d not older than entry %d", i, i-1)
		}
		if w.action != store.ActionSettings && (g.RecordID != wf.ID || g.Kind != store.KindMember) {
			t.Errorf("entry %d: record %s kind %q", i, g.RecordID, g.Kind)
		}
	}
	if latest, _ := db.Audit(2); len(latest) != 2 || latest[1].Action != store.ActionRestore {
		t.Fatalf("Audit(2): %+v", latest)
	}
}

func TestSettings(t *testing.T) {
	db, path := openTest(t)
	s, err := db.Settings()
	if err != nil || s.GroupName != store.DefaultGroupName {
		t.Fatalf("default settings %+v %v", s, err)
	}
	err = db.SaveSettings(store.Settings{GroupName: " 　"})
	wantFieldError(t, err, store.FieldGroupName, store.ProblemRequired)
	if err := db.SaveSettings(store.Settings{GroupName: "潍坊现代  职业教育集团", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = reopen(t, path)
	if s, _ = db.Settings(); s.GroupName != "潍坊现代 职业教育集团" || s.Language != "en" {
		t.Fatalf("settings after reopen %+v", s)
	}
	if db.Path() != path {
		t.Fatalf("Path %q", db.Path())
	}
}
