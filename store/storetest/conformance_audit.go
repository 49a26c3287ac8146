package storetest

import (
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// testAuditTrail: each kind of write leaves one entry, newest first, with
// the summary a clerk reads and ASCII codes for action and kind.
func testAuditTrail(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	edit := wf
	edit.Contact, edit.Phone = "李强", "13805361234"
	_, err := h.s.UpdateMember(h.ctx, edit)
	h.must(err)
	_, err = h.s.AddEvent(h.ctx, wf.ID, store.Event{Kind: store.EventTier, Date: Date(2024, 3, 1), Tier: "副理事长单位"})
	h.must(err)
	h.must(h.s.DeleteMember(h.ctx, wf.ID))
	h.must(h.s.Restore(h.ctx, wf.ID))
	h.must(h.s.SaveSettings(h.ctx, store.Settings{GroupName: "潍坊现代职业教育集团"}))
	h.reopen()
	want := []auditWant{
		{store.ActionSettings, store.KindSettings, "集团名称：潍坊现代职业教育集团"},
		{store.ActionRestore, store.KindMember, "恢复 潍坊职业学院"},
		{store.ActionDelete, store.KindMember, "删除 潍坊职业学院"},
		{store.ActionEvent, store.KindMember, "类别变更 潍坊职业学院 理事长单位→副理事长单位 (2024年3月1日)"},
		{store.ActionUpdate, store.KindMember, "修改 潍坊职业学院：联系人、联系电话"},
		{store.ActionCreate, store.KindMember, "新增 潍坊职业学院"},
	}
	got := h.audit(store.AuditQuery{})
	if len(got) != len(want) {
		t.Fatalf("audit: %d entries", len(got))
	}
	compareAudit(t, got, want)
	for i, g := range got {
		if i > 0 && !g.Time.Before(got[i-1].Time) {
			t.Errorf("entry %d not older than entry %d", i, i-1)
		}
		if i > 0 && g.RecordID != wf.ID {
			t.Errorf("entry %d: record %s", i, g.RecordID)
		}
		if g.ID.Version() != 7 {
			t.Errorf("entry %d: ID %s is not a UUIDv7", i, g.ID)
		}
	}
	if got[0].RecordID != uuid.Nil {
		t.Errorf("settings entry names record %s", got[0].RecordID)
	}
	if latest := h.audit(store.AuditQuery{Limit: 2}); len(latest) != 2 || latest[1].Action != store.ActionRestore {
		t.Fatalf("Limit 2: %+v", latest)
	}
	// The codes are the persisted ASCII values.
	codes := [][2]string{
		{string(store.ActionCreate), "create"}, {string(store.ActionUpdate), "update"}, {string(store.ActionEvent), "event"},
		{string(store.ActionDelete), "delete"}, {string(store.ActionRestore), "restore"}, {string(store.ActionImport), "import"},
		{string(store.ActionSettings), "settings"}, {string(store.ActionRoster), "roster"}, {string(store.KindMember), "member"},
		{string(store.KindPerson), "person"}, {string(store.KindBody), "body"}, {string(store.KindSettings), "settings"},
	}
	for _, c := range codes {
		if c[0] != c[1] {
			t.Errorf("code %q, want %q", c[0], c[1])
		}
	}
}

// testAuditRosterTrail: each roster write leaves one entry with the
// summary a clerk reads.
func testAuditRosterTrail(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	li := f.Li
	li.Title = "部长"
	_, err := h.s.UpdatePerson(h.ctx, li)
	h.must(err)
	b := f.Council
	h.must(b.EndSeat(f.Term, f.Chair, Date(2022, 7, 1)))
	h.save(b, store.BodyChange{Op: store.SeatEnded, TermID: f.Term, SeatID: f.Chair})
	for _, err := range []error{h.s.DeletePerson(h.ctx, f.Zhang.ID), h.s.Restore(h.ctx, f.Zhang.ID),
		h.s.DeleteBody(h.ctx, b.ID), h.s.Restore(h.ctx, b.ID)} {
		h.must(err)
	}
	want := []auditWant{
		{store.ActionRestore, store.KindBody, "恢复 理事会"},
		{store.ActionDelete, store.KindBody, "删除 理事会"},
		{store.ActionRestore, store.KindPerson, "恢复 张成刚（潍坊职业学院）"},
		{store.ActionDelete, store.KindPerson, "删除 张成刚（潍坊职业学院）"},
		{store.ActionRoster, store.KindBody, "理事会 理事长 张成刚 离任"},
		{store.ActionUpdate, store.KindPerson, "修改 李建华（区委宣传部）"},
		{store.ActionRoster, store.KindBody, "理事会 理事 山东海化集团有限公司 任职"},
		{store.ActionRoster, store.KindBody, "理事会 理事长 张成刚 任职"},
		{store.ActionRoster, store.KindBody, "理事会 新建一届：第一届"},
		{store.ActionCreate, store.KindBody, "新增 理事会"},
		{store.ActionCreate, store.KindPerson, "新增 赵敏（山东海化集团有限公司）"},
		{store.ActionCreate, store.KindPerson, "新增 王威（山东海化集团有限公司）"},
		{store.ActionCreate, store.KindPerson, "新增 李建华（区委宣传部）"},
		{store.ActionCreate, store.KindPerson, "新增 张成刚（潍坊职业学院）"},
		{store.ActionCreate, store.KindMember, "新增 山东海化集团有限公司"},
		{store.ActionCreate, store.KindMember, "新增 潍坊职业学院"},
	}
	got := h.audit(store.AuditQuery{})
	if len(got) != len(want) {
		t.Fatalf("%d audit entries, want %d", len(got), len(want))
	}
	compareAudit(t, got, want)
	if got[0].RecordID != b.ID || got[2].RecordID != f.Zhang.ID {
		t.Errorf("record IDs %s %s", got[0].RecordID, got[2].RecordID)
	}
}

// testAuditClerk: every entry carries the Clerk and PC of the Options of
// the store that made it, and records carry them in UpdatedBy.
func testAuditClerk(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	h.reopenAs(store.Options{Now: h.clock.Now, Clerk: otherClerk, PC: otherPC})
	m := h.member(wf.ID)
	m.Note = "乙的修改"
	m, err := h.s.UpdateMember(h.ctx, m)
	h.must(err)
	if m.UpdatedBy != otherClerk+"@"+otherPC {
		t.Fatalf("UpdatedBy %q", m.UpdatedBy)
	}
	h.reopen()
	got := h.audit(store.AuditQuery{})
	if len(got) != 2 {
		t.Fatalf("%d entries", len(got))
	}
	if got[0].Clerk != otherClerk || got[0].PC != otherPC || got[0].By() != otherClerk+"@"+otherPC {
		t.Errorf("newest entry by %q %q", got[0].Clerk, got[0].PC)
	}
	if got[1].Clerk != clerk || got[1].PC != pc {
		t.Errorf("first entry by %q %q", got[1].Clerk, got[1].PC)
	}
	if got[1].Session != uuid.Nil || got[0].Session != uuid.Nil {
		t.Errorf("session read back: %s %s", got[0].Session, got[1].Session)
	}
}

// testAuditQuery: the filters of AuditQuery, newest first, and paging by
// Before through the whole log.
func testAuditQuery(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	co := h.create(Company("乙公司", ""))
	p := h.person(store.Person{Name: "张成刚", MemberID: wf.ID})
	for i, note := range []string{"一", "二", "三"} {
		m := h.member(wf.ID)
		m.Note = note
		_, err := h.s.UpdateMember(h.ctx, m)
		h.must(err)
		if i == 1 {
			h.must(h.s.SaveSettings(h.ctx, store.Settings{GroupName: "集团"}))
		}
	}
	h.must(h.s.DeleteMember(h.ctx, co.ID))
	h.reopen()
	all := h.audit(store.AuditQuery{})
	if len(all) != 8 {
		t.Fatalf("%d entries", len(all))
	}
	for i := 1; i < len(all); i++ {
		if !all[i].Time.Before(all[i-1].Time) || slices.Compare(all[i].ID[:], all[i-1].ID[:]) >= 0 {
			t.Fatalf("entry %d is not older than entry %d", i, i-1)
		}
	}
	filter := func(keep func(e store.AuditEntry) bool) []store.AuditEntry {
		var out []store.AuditEntry
		for _, e := range all {
			if keep(e) {
				out = append(out, e)
			}
		}
		return out
	}
	same := func(what string, got, want []store.AuditEntry) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %d entries, want %d", what, len(got), len(want))
			return
		}
		for i := range got {
			if got[i].ID != want[i].ID || got[i].Summary != want[i].Summary || !got[i].Time.Equal(want[i].Time) {
				t.Errorf("%s entry %d: %q, want %q", what, i, got[i].Summary, want[i].Summary)
			}
		}
	}
	same("RecordID", h.audit(store.AuditQuery{RecordID: wf.ID}), filter(func(e store.AuditEntry) bool { return e.RecordID == wf.ID }))
	if n := len(h.audit(store.AuditQuery{RecordID: wf.ID})); n != 4 {
		t.Errorf("%d entries about 潍坊职业学院, want 4", n)
	}
	same("RecordID co", h.audit(store.AuditQuery{RecordID: co.ID}), filter(func(e store.AuditEntry) bool { return e.RecordID == co.ID }))
	same("Kind person", h.audit(store.AuditQuery{Kind: store.KindPerson}), filter(func(e store.AuditEntry) bool { return e.Kind == store.KindPerson }))
	if got := h.audit(store.AuditQuery{Kind: store.KindPerson}); len(got) != 1 || got[0].RecordID != p.ID {
		t.Errorf("person entries %+v", got)
	}
	same("Kind settings", h.audit(store.AuditQuery{Kind: store.KindSettings}), filter(func(e store.AuditEntry) bool { return e.Kind == store.KindSettings }))
	same("Kind member", h.audit(store.AuditQuery{Kind: store.KindMember}), filter(func(e store.AuditEntry) bool { return e.Kind == store.KindMember }))
	same("Limit", h.audit(store.AuditQuery{Limit: 3}), all[:3])
	same("Before", h.audit(store.AuditQuery{Before: all[2].ID}), all[3:])
	same("Before+Limit", h.audit(store.AuditQuery{Before: all[2].ID, Limit: 2}), all[3:5])
	same("Before+Kind+Limit", h.audit(store.AuditQuery{Before: all[1].ID, Kind: store.KindMember, Limit: 2}),
		filter(func(e store.AuditEntry) bool {
			return e.Kind == store.KindMember && e.ID != all[0].ID && e.ID != all[1].ID
		})[:2])
	same("RecordID+Limit", h.audit(store.AuditQuery{RecordID: wf.ID, Limit: 1}), all[1:2])
	same("Before the oldest", h.audit(store.AuditQuery{Before: all[len(all)-1].ID}), nil)
	same("unknown record", h.audit(store.AuditQuery{RecordID: store.NewID()}), nil)

	// Paging by Before through the whole log gives the whole log.
	var paged []store.AuditEntry
	q := store.AuditQuery{Limit: 3}
	for range len(all) {
		page := h.audit(q)
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
		q.Before = page[len(page)-1].ID
	}
	same("paged", paged, all)
}

func testSettings(t *testing.T, h *harness) {
	s, err := h.s.Settings(h.ctx)
	if err != nil || s.GroupName != store.DefaultGroupName || s.Language != "" || len(s.Positions) != 0 {
		t.Fatalf("default settings %+v %v", s, err)
	}
	before := h.state()
	WantFieldError(t, h.s.SaveSettings(h.ctx, store.Settings{GroupName: " 　"}), store.FieldGroupName, store.ProblemRequired)
	WantFieldError(t, h.s.SaveSettings(h.ctx, store.Settings{GroupName: "集团", Language: "fr"}), store.FieldLanguage, store.ProblemBadChoice)
	h.unchanged(before, "refused settings")
	positions := []string{"理事长", "副理事长", "理事"}
	h.must(h.s.SaveSettings(h.ctx, store.Settings{GroupName: "潍坊现代  职业教育集团", Language: "en", Positions: positions}))
	h.reopen()
	s, err = h.s.Settings(h.ctx)
	h.must(err)
	if s.GroupName != "潍坊现代 职业教育集团" || s.Language != "en" || !slices.Equal(s.Positions, positions) {
		t.Fatalf("settings after reopen %+v", s)
	}
	if !slices.Equal(store.PositionsOf(s), positions) {
		t.Fatalf("PositionsOf %v", store.PositionsOf(s))
	}
	compareAudit(t, h.audit(store.AuditQuery{}), []auditWant{
		{store.ActionSettings, store.KindSettings, "集团名称：潍坊现代 职业教育集团；语言：en"},
	})
}

// testCheck: the integrity check passes on a fresh data set and on one
// with a whole scripted history.
func testCheck(t *testing.T, h *harness) {
	h.mustCheck()
	h.must(Script(h.ctx, h.s, h.clock.Now))
	h.must(Check(h.ctx, h.s))
	h.reopen()
	h.must(Check(h.ctx, h.s))
}
