package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// testMembersCreateAndReopen saves members through CreateMember, closes
// the store, opens it again and compares every field of every member.
func testMembersCreateAndReopen(t *testing.T, h *harness) {
	in := Weifang()
	in.Name = "  潍坊　职业学院 " // full-width space and stray spaces, as typed
	in.ID = uuid.MustParse("00000000-0000-7000-8000-000000000001")
	first := h.create(in)
	if first.Name != "潍坊职业学院" || first.ID == in.ID || first.ID.Version() != 7 {
		t.Fatalf("created %q with ID %s: want cleaned name and a new UUIDv7", first.Name, first.ID)
	}
	if !first.Created.Equal(first.Updated) || !first.Created.After(Start) || first.Rev != 1 || first.UpdatedBy != clerk+"@"+pc {
		t.Fatalf("stamp %+v", first.Stamp)
	}
	e := first.Events[0]
	if e.ID == uuid.Nil || !e.Recorded.Equal(first.Created) || e.Tier != "理事长单位" {
		t.Fatalf("admission not filled in by the store: %+v", e)
	}
	saved := []store.Member{first}
	more, err := CreateEach(h.ctx, h.s, SyntheticMembers(30, 11))
	h.must(err)
	saved = append(saved, more...)
	h.reopen()

	got, err := h.s.Members(h.ctx)
	h.must(err)
	if len(got) != len(saved) {
		t.Fatalf("reopened data has %d members, want %d", len(got), len(saved))
	}
	for i := range saved {
		AssertSameMember(t, saved[i], got[i]) // also checks creation order
	}
	AssertSameMember(t, saved[7], h.member(saved[7].ID))
	if _, err := h.s.Member(h.ctx, store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown ID: %v", err)
	}
}

// testMembersDuplicates refuses a second unit with the same credit code or
// the same normalised name, naming the unit that is already there.
func testMembersDuplicates(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	abc := h.create(Company("ＡＢＣ 精密机械有限公司", ValidCode("91370700MA3C00001")))
	cases := []struct {
		name     string
		m        store.Member
		existing string
	}{
		{"same code", Company("另一家公司", wf.CreditCode), "潍坊职业学院"},
		{"code typed with spaces and dashes", Company("另一家公司", "9151-2081 MA62K0260E"), "潍坊职业学院"},
		{"spaces inside name", Company("潍坊 职业 学院", ""), "潍坊职业学院"},
		{"full-width space", Company("潍坊　职业学院", ""), "潍坊职业学院"},
		{"full-width letters, lower case", Company("abc精密机械有限公司", ""), "ABC 精密机械有限公司"},
	}
	before := h.state()
	for _, c := range cases {
		_, err := h.s.CreateMember(h.ctx, c.m)
		fe := WantFieldError(t, err, store.FieldName, store.ProblemDuplicate)
		if fe.Detail != c.existing {
			t.Errorf("%s: error names %q, want %q", c.name, fe.Detail, c.existing)
		}
	}
	h.unchanged(before, "a refused duplicate")
	// Renaming onto another unit's name is refused too; renaming away frees
	// the old name.
	abc.Name = "潍坊职业学院"
	_, err := h.s.UpdateMember(h.ctx, abc)
	WantFieldError(t, err, store.FieldName, store.ProblemDuplicate)
	abc.Name = "潍坊精密机械有限公司"
	if abc, err = h.s.UpdateMember(h.ctx, abc); err != nil {
		t.Fatal(err)
	}
	h.create(Company("ABC精密机械有限公司", ""))
	if ms, _ := h.s.Members(h.ctx); len(ms) != 3 {
		t.Fatalf("%d members, want 3", len(ms))
	}
}

// testMembersLifeCycle walks a member through tier changes, an exit and a
// rejoin, and reads the history back after reopening.
func testMembersLifeCycle(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	steps := []store.Event{
		{Kind: store.EventTier, Date: Date(2018, 3, 1), Tier: "副理事长单位", Basis: "第二届理事会"},
		{Kind: store.EventExit, Date: Date(2020, 6, 30), ExitKind: "自愿退出", Reason: " 合并 "},
		{Kind: store.EventJoin, Date: Date(2022, 1, 10), Tier: "理事单位"},
		{Kind: store.EventTier, Date: Date(2024, 3, 1), Tier: "常务理事单位"},
	}
	m := wf
	for _, e := range steps {
		next, err := h.s.AddEvent(h.ctx, wf.ID, e)
		h.must(err)
		if next.Rev != m.Rev+1 || !next.Updated.After(m.Updated) || !next.Created.Equal(wf.Created) {
			t.Fatalf("after %s: stamp %+v, before %+v", e.Kind, next.Stamp, m.Stamp)
		}
		m = next
	}
	if ev := m.Events[1]; ev.FromTier != "理事长单位" || ev.Tier != "副理事长单位" {
		t.Fatalf("tier change %+v", ev)
	}
	if ev := m.Events[2]; ev.Reason != "合并" || ev.Tier != "" {
		t.Fatalf("exit %+v", ev)
	}
	if ev := m.Events[4]; ev.FromTier != "理事单位" {
		t.Fatalf("second tier change %+v", ev)
	}
	cases := []struct {
		day    store.Date
		status store.Status
		tier   store.Tier
	}{
		{Date(2014, 1, 1), store.StatusNone, ""},
		{Date(2016, 1, 1), store.StatusActive, "理事长单位"},
		{Date(2019, 1, 1), store.StatusActive, "副理事长单位"},
		{Date(2021, 1, 1), store.StatusLeft, ""},
		{Date(2023, 1, 1), store.StatusActive, "理事单位"},
		{Date(2026, 1, 1), store.StatusActive, "常务理事单位"},
	}
	h.reopen()
	got := h.member(wf.ID)
	AssertSameMember(t, m, got)
	for _, c := range cases {
		if st := got.StateOn(c.day); st.Status != c.status || st.Tier != c.tier {
			t.Errorf("%s: %s %s, want %s %s", c.day, st.Status, st.Tier, c.status, c.tier)
		}
	}
	au := h.audit(store.AuditQuery{RecordID: wf.ID})
	compareAudit(t, au, []auditWant{
		{store.ActionEvent, store.KindMember, "类别变更 潍坊职业学院 理事单位→常务理事单位 (2024年3月1日)"},
		{store.ActionEvent, store.KindMember, "批准加入 潍坊职业学院 理事单位 (2022年1月10日)"},
		{store.ActionEvent, store.KindMember, "退出 潍坊职业学院 自愿退出 (2020年6月30日)"},
		{store.ActionEvent, store.KindMember, "类别变更 潍坊职业学院 理事长单位→副理事长单位 (2018年3月1日)"},
		{store.ActionCreate, store.KindMember, "新增 潍坊职业学院"},
	})
}

// testMembersInvalidTransitions: the life-cycle rules refuse, with the
// field the clerk has to correct, and nothing is written.
func testMembersInvalidTransitions(t *testing.T, h *harness) {
	future := Weifang()
	future.Events[0].Date = Date(2027, 1, 1)
	_, err := h.s.CreateMember(h.ctx, future)
	WantFieldError(t, err, store.FieldJoinDate, store.ProblemFutureDate)

	never := h.create(Company("从未加入的公司", ""))
	_, err = h.s.AddEvent(h.ctx, never.ID, store.Event{Kind: store.EventExit, Date: Date(2020, 1, 1), ExitKind: "自愿退出"})
	WantFieldError(t, err, store.FieldExitDate, store.ProblemExitNoJoin)

	wf := h.create(Weifang()) // joined 2015-03-01
	_, err = h.s.AddEvent(h.ctx, wf.ID, store.Event{Kind: store.EventExit, Date: Date(2014, 12, 31), ExitKind: "自愿退出"})
	WantFieldErrorDetail(t, err, store.FieldExitDate, store.ProblemBeforeLast, "2015年3月1日")
	_, err = h.s.AddEvent(h.ctx, wf.ID, store.Event{Kind: store.EventTier, Date: Date(2016, 1, 1), Tier: "理事长单位"})
	WantFieldError(t, err, store.FieldTier, store.ProblemSameTier)
	exit := store.Event{Kind: store.EventExit, Date: Date(2020, 6, 30), ExitKind: "除名", Reason: "未缴会费"}
	if _, err := h.s.AddEvent(h.ctx, wf.ID, exit); err != nil {
		t.Fatal(err)
	}
	before := h.state()
	exit.Date = Date(2021, 1, 1)
	_, err = h.s.AddEvent(h.ctx, wf.ID, exit)
	WantFieldError(t, err, store.FieldExitDate, store.ProblemNotMember)
	_, err = h.s.AddEvent(h.ctx, wf.ID, store.Event{Kind: store.EventJoin, Date: Date(2026, 12, 1), Tier: "成员单位"})
	WantFieldError(t, err, store.FieldJoinDate, store.ProblemFutureDate)
	_, err = h.s.AddEvent(h.ctx, wf.ID, store.Event{Kind: store.EventJoin, Date: Date(2022, 1, 1), Tier: "不存在的类别"})
	WantFieldError(t, err, store.FieldTier, store.ProblemBadChoice)
	h.unchanged(before, "a refused event")

	stored := h.member(wf.ID)
	if len(stored.Events) != 2 || stored.Events[1].Kind != store.EventExit {
		t.Fatalf("refused events were written: %+v", stored.Events)
	}
	if audit := h.audit(store.AuditQuery{}); len(audit) != 3 { // two creates and the one accepted exit
		t.Fatalf("%d audit entries, want 3: %+v", len(audit), audit)
	}
}

// testMembersConflict: an edit made on a copy older than the stored
// member is refused with a *ConflictError naming it and who changed it,
// and an update never touches the events.
func testMembersConflict(t *testing.T, h *harness) {
	orig := h.create(Weifang())
	edit := orig
	edit.Contact, edit.Phone = "李强", "13805361234"
	edit.Events = nil // the form does not carry events
	updated, err := h.s.UpdateMember(h.ctx, edit)
	h.must(err)
	if !updated.Updated.After(orig.Updated) || len(updated.Events) != 1 || !updated.Created.Equal(orig.Created) || updated.Rev != 2 {
		t.Fatalf("update result %+v", updated)
	}
	before := h.state()
	stale := orig
	stale.Note = "旧窗口里的修改"
	_, err = h.s.UpdateMember(h.ctx, stale)
	WantConflict(t, err, store.KindMember, "潍坊职业学院", clerk+"@"+pc, updated.Updated)
	h.unchanged(before, "a stale update")
	// An event also makes earlier copies stale.
	evented, err := h.s.AddEvent(h.ctx, orig.ID, store.Event{Kind: store.EventTier, Date: Date(2024, 3, 1), Tier: "副理事长单位"})
	h.must(err)
	late := updated
	late.Address = "潍坊市奎文区"
	_, err = h.s.UpdateMember(h.ctx, late)
	WantConflict(t, err, store.KindMember, "潍坊职业学院", clerk+"@"+pc, evented.Updated)
	// A stale copy saved without a change refuses nothing and writes
	// nothing: there is nothing to overwrite.
	before = h.state()
	same, err := h.s.UpdateMember(h.ctx, updated)
	h.must(err)
	if same.Rev != evented.Rev || len(same.Events) != 2 {
		t.Fatalf("unchanged stale save returned rev %d, %d events", same.Rev, len(same.Events))
	}
	h.unchanged(before, "a save without a change")
	got := h.member(orig.ID)
	if got.Contact != "李强" || got.Note != "牵头单位" || len(got.Events) != 2 || got.Rev != 3 {
		t.Fatalf("stored %q %q %d events rev %d", got.Contact, got.Note, len(got.Events), got.Rev)
	}
	gone := orig
	gone.ID = store.NewID()
	if _, err := h.s.UpdateMember(h.ctx, gone); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("update of unknown member: %v", err)
	}
}

// testMembersConflictOtherClerk: a save over another clerk's newer change
// names that clerk. The other clerk works on the same data through a
// store opened with their own Options (in turn, so that an engine whose
// data one process opens at a time is tested too).
func testMembersConflictOtherClerk(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	p := h.person(store.Person{Name: "李建华", Unit: "区委宣传部"})
	b := h.newBody(store.Body{Name: "理事会", Type: "理事会"})

	other := store.Options{Now: h.clock.Now, Clerk: otherClerk, PC: otherPC}
	h.reopenAs(other)
	m2 := wf
	m2.Phone = "13900000000"
	m2, err := h.s.UpdateMember(h.ctx, m2)
	h.must(err)
	p2 := p
	p2.Title = "部长"
	p2, err = h.s.UpdatePerson(h.ctx, p2)
	h.must(err)
	b2 := b
	b2.Note = "乙的修改"
	b2, err = h.s.SaveBody(h.ctx, b2, store.BodyChange{Op: store.BodyEdited})
	h.must(err)
	by := otherClerk + "@" + otherPC
	if m2.UpdatedBy != by || p2.UpdatedBy != by || b2.UpdatedBy != by {
		t.Fatalf("UpdatedBy %q %q %q, want %q", m2.UpdatedBy, p2.UpdatedBy, b2.UpdatedBy, by)
	}

	h.reopen()
	before := h.state()
	wf.Note = "甲的修改"
	_, err = h.s.UpdateMember(h.ctx, wf)
	WantConflict(t, err, store.KindMember, "潍坊职业学院", by, m2.Updated)
	p.Mobile = "13805361234"
	_, err = h.s.UpdatePerson(h.ctx, p)
	WantConflict(t, err, store.KindPerson, "李建华", by, p2.Updated)
	b.Note = "甲的修改"
	_, err = h.s.SaveBody(h.ctx, b, store.BodyChange{Op: store.BodyEdited})
	WantConflict(t, err, store.KindBody, "理事会", by, b2.Updated)
	h.unchanged(before, "a save over another clerk's change")
}

// testMembersRev: every save raises Rev by one, whatever it was.
func testMembersRev(t *testing.T, h *harness) {
	m := h.create(Weifang())
	if m.Rev != 1 {
		t.Fatalf("new member Rev %d", m.Rev)
	}
	for i := range 3 {
		m.Contact = []string{"甲", "乙", "丙"}[i]
		next, err := h.s.UpdateMember(h.ctx, m)
		h.must(err)
		if next.Rev != m.Rev+1 {
			t.Fatalf("update %d: Rev %d after %d", i, next.Rev, m.Rev)
		}
		m = next
	}
	m, err := h.s.AddEvent(h.ctx, m.ID, store.Event{Kind: store.EventTier, Date: Date(2024, 3, 1), Tier: "理事单位"})
	h.must(err)
	if m.Rev != 5 {
		t.Fatalf("Rev %d after an event, want 5", m.Rev)
	}
	h.must(h.s.DeleteMember(h.ctx, m.ID))
	h.must(h.s.Restore(h.ctx, m.ID))
	h.reopen()
	if got := h.member(m.ID); got.Rev != 6 {
		t.Fatalf("Rev %d after restore, want 6", got.Rev)
	}
	// A save that changes nothing is not made.
	m = h.member(m.ID)
	next, err := h.s.UpdateMember(h.ctx, m)
	h.must(err)
	if next.Rev != 6 {
		t.Fatalf("Rev %d after a save without a change, want 6", next.Rev)
	}

	p := h.person(store.Person{Name: "张成刚"})
	b := h.newBody(store.Body{Name: "理事会", Type: "理事会"})
	if p.Rev != 1 || b.Rev != 1 {
		t.Fatalf("new person Rev %d, body Rev %d", p.Rev, b.Rev)
	}
	p.Title = "校长"
	p, err = h.s.UpdatePerson(h.ctx, p)
	h.must(err)
	term, err := b.AddTerm(1, Date(2020, 1, 1))
	h.must(err)
	b = h.save(b, store.BodyChange{Op: store.TermStarted, TermID: term.ID})
	if p.Rev != 2 || b.Rev != 2 {
		t.Fatalf("person Rev %d, body Rev %d after one save", p.Rev, b.Rev)
	}
}

// testMembersWarnings: warnings are kept as data and read back equal; a
// warning without a persisted code is refused, writing nothing.
func testMembersWarnings(t *testing.T, h *harness) {
	in := Weifang()
	in.Warnings = []store.Warning{
		{Field: store.FieldPhone, Problem: store.ProblemBadPhone, Detail: "12345"},
		{Field: store.FieldCreditCode, Problem: store.ProblemCodeCheck, Detail: "91512081MA62K0260X"},
		{Field: store.FieldEmail, Problem: store.ProblemBadEmail},
	}
	m := h.create(in)
	h.reopen()
	got := h.member(m.ID)
	AssertSameMember(t, m, got)
	if len(got.Warnings) != 3 {
		t.Fatalf("warnings %+v", got.Warnings)
	}
	for i, w := range in.Warnings {
		if got.Warnings[i] != w {
			t.Errorf("warning %d: %+v, want %+v", i, got.Warnings[i], w)
		}
	}
	if fe := got.Warnings[0].FieldError(); fe.Field != store.FieldPhone || fe.Problem != store.ProblemBadPhone || fe.Detail != "12345" {
		t.Errorf("FieldError %+v", fe)
	}
	before := h.state()
	bad := Company("乙公司", "")
	bad.Warnings = []store.Warning{{Field: store.FieldAddress, Problem: store.ProblemTooLong}}
	if _, err := h.s.CreateMember(h.ctx, bad); err == nil {
		t.Fatal("a warning without a persisted code was saved")
	}
	h.unchanged(before, "a refused warning")
}

// testTrashRestore deletes into the trash and restores from it, including
// a restore refused because the name was taken meanwhile.
func testTrashRestore(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	b := h.create(Company("乙公司", ""))
	c := h.create(Company("丙公司", ""))
	for _, m := range []store.Member{wf, b, c} {
		h.must(h.s.DeleteMember(h.ctx, m.ID))
	}
	if _, err := h.s.Member(h.ctx, wf.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted member still readable: %v", err)
	}
	if _, err := h.s.AddEvent(h.ctx, wf.ID, store.Event{Kind: store.EventExit, Date: Date(2020, 1, 1), ExitKind: "注销"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("event on deleted member: %v", err)
	}
	if err := h.s.DeleteMember(h.ctx, wf.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	trash, err := h.s.Trash(h.ctx)
	if err != nil || len(trash) != 3 {
		t.Fatalf("trash %v %v", trash, err)
	}
	if trash[0].ID != c.ID || trash[2].ID != wf.ID || trash[2].Kind != store.KindMember || trash[2].Name != "潍坊职业学院" {
		t.Fatalf("trash not newest first: %s %s %s", trash[0].Name, trash[1].Name, trash[2].Name)
	}
	if !trash[0].Deleted.After(trash[1].Deleted) {
		t.Fatalf("deletion times %v %v", trash[0].Deleted, trash[1].Deleted)
	}
	// The name is free while the member is in the trash …
	taken := h.create(Company("潍坊职业学院", ""))
	before := h.state()
	WantFieldErrorDetail(t, h.s.Restore(h.ctx, wf.ID), store.FieldName, store.ProblemDuplicate, "潍坊职业学院")
	h.unchanged(before, "a refused restore")
	// … and once it is freed again the restore brings back the whole record.
	h.must(h.s.DeleteMember(h.ctx, taken.ID))
	h.must(h.s.Restore(h.ctx, wf.ID))
	h.reopen()
	got := h.member(wf.ID)
	want := wf
	want.Rev, want.Updated = wf.Rev+1, got.Updated // restore is a save: stale forms conflict
	AssertSameMember(t, want, got)
	if !got.Updated.After(wf.Updated) {
		t.Fatal("restore did not renew Updated")
	}
	stale := wf
	stale.Note = "删除前打开的窗口"
	_, err = h.s.UpdateMember(h.ctx, stale)
	WantConflict(t, err, store.KindMember, "潍坊职业学院", clerk+"@"+pc, got.Updated)
	trash, _ = h.s.Trash(h.ctx)
	if len(trash) != 3 || trash[0].ID != taken.ID {
		t.Fatalf("trash after restore: %+v", trash)
	}
	if err := h.s.Restore(h.ctx, wf.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second restore: %v", err)
	}
	if _, err := h.s.CreateMember(h.ctx, Company("潍坊职业学院", "")); err == nil {
		t.Fatal("restored member's name is not indexed")
	}
	if _, err := h.s.CreateMember(h.ctx, Company("别名", wf.CreditCode)); err == nil {
		t.Fatal("restored member's credit code is not indexed")
	}
}
