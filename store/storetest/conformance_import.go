package storetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// importRows is a small sheet: one update of 潍坊职业学院 (new phone) and
// two new units, one of them with a history that has ended.
func importRows(wfCode string) []store.ImportRow {
	return []store.ImportRow{
		{Row: 2, Member: store.Member{Name: "潍坊职业学院", CreditCode: wfCode, Type: "高职院校", Phone: "0536-8185999"},
			JoinDate: Date(2015, 3, 1), Tier: "理事长单位"},
		{Row: 3, Member: Company("山东海化集团有限公司", ValidCode("91370700MA3C00002")),
			JoinDate: Date(2019, 7, 18), Tier: "理事单位"},
		{Row: 4, Member: Company("寿光蔬菜产业集团", ""),
			JoinDate: Date(2012, 5, 1), ExitDate: Date(2018, 12, 31), ExitKind: "注销", ExitReason: "企业注销"},
	}
}

func (h *harness) plan(rows []store.ImportRow) *store.ImportPlan {
	h.t.Helper()
	existing, err := h.s.Members(h.ctx)
	h.must(err)
	return store.PlanImport(existing, rows, Start)
}

func testImportApply(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	p := h.plan(importRows(wf.CreditCode))
	sum, err := h.s.ApplyImport(h.ctx, p)
	h.must(err)
	if sum.New != 2 || sum.Updated != 1 || sum.Unchanged != 0 {
		t.Fatalf("summary %+v", sum)
	}
	h.reopen()
	ms, _ := h.s.Members(h.ctx)
	if len(ms) != 3 || ms[0].Phone != "0536-8185999" || ms[0].Contact != "王芳" || len(ms[0].Events) != 1 || ms[0].Rev != 2 {
		t.Fatalf("after import: %d members, first %+v", len(ms), ms[0])
	}
	shouguang := ms[2]
	if shouguang.Name != "寿光蔬菜产业集团" || shouguang.StateOn(Date(2026, 1, 1)).Status != store.StatusLeft ||
		shouguang.StateOn(Date(2015, 1, 1)).Status != store.StatusActive || shouguang.ID != p.Rows[2].Result.ID || shouguang.Rev != 1 {
		t.Fatalf("imported history wrong: %+v", shouguang)
	}
	audit := h.audit(store.AuditQuery{})
	if len(audit) != 4 {
		t.Fatalf("%d audit entries, want 1 create + 3 import", len(audit))
	}
	compareAudit(t, audit, []auditWant{
		{store.ActionImport, store.KindMember, "导入新增 寿光蔬菜产业集团"},
		{store.ActionImport, store.KindMember, "导入新增 山东海化集团有限公司"},
		{store.ActionImport, store.KindMember, "导入更新 潍坊职业学院：联系电话"},
	})
	for i := range 3 {
		if !audit[i].Time.Equal(audit[0].Time) {
			t.Errorf("entry %d written at %v, not in the import's transaction (%v)", i, audit[i].Time, audit[0].Time)
		}
	}
	h.mustCheck()

	// The same sheet again changes nothing and writes nothing.
	again := h.plan(importRows(wf.CreditCode))
	if s := again.Summary(); s.Unchanged != 3 {
		t.Fatalf("second plan %+v", s)
	}
	before := h.state()
	_, err = h.s.ApplyImport(h.ctx, again)
	h.must(err)
	h.unchanged(before, "importing the same sheet twice")
}

// testImportErrorWritesNothing: one bad row stops the whole file.
func testImportErrorWritesNothing(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	rows := append(importRows(wf.CreditCode), store.ImportRow{Row: 5, Member: Company("", "")}) // empty name
	p := h.plan(rows)
	if !p.HasErrors() {
		t.Fatal("plan has no error")
	}
	before := h.state()
	_, err := h.s.ApplyImport(h.ctx, p)
	if fe := WantFieldError(t, err, store.FieldName, store.ProblemRequired); fe.Row != 5 {
		t.Fatalf("error row %d", fe.Row)
	}
	h.unchanged(before, "an import with an error")
	if ms, _ := h.s.Members(h.ctx); len(ms) != 1 {
		t.Fatalf("%d members", len(ms))
	}
	if au := h.audit(store.AuditQuery{}); len(au) != 1 {
		t.Fatalf("%d audit entries", len(au))
	}
}

// testImportRechecks: what changed between preview and apply is caught,
// and the whole import is refused.
func testImportRechecks(t *testing.T, h *harness) {
	wf := h.create(Weifang())

	stale := h.plan(importRows(wf.CreditCode))
	edit := wf
	edit.Note = "预览之后的修改"
	edited, err := h.s.UpdateMember(h.ctx, edit)
	h.must(err)
	before := h.state()
	_, err = h.s.ApplyImport(h.ctx, stale)
	WantConflict(t, err, store.KindMember, "潍坊职业学院", clerk+"@"+pc, edited.Updated)
	if !strings.HasPrefix(err.Error(), "第2行：") {
		t.Fatalf("stale plan error does not name the row: %v", err)
	}
	h.unchanged(before, "a stale plan")

	// A member deleted since the preview.
	gone := h.create(Company("乙公司", ""))
	delPlan := h.plan([]store.ImportRow{{Row: 7, Member: store.Member{Name: "乙公司", Type: "企业", Phone: "0536-8185111"}}})
	h.must(h.s.DeleteMember(h.ctx, gone.ID))
	before = h.state()
	if _, err := h.s.ApplyImport(h.ctx, delPlan); !errors.Is(err, store.ErrConflict) || !strings.HasPrefix(err.Error(), "第7行：") {
		t.Fatalf("plan over a deleted member: %v", err)
	}
	h.unchanged(before, "a plan over a deleted member")

	dup := h.plan(importRows(wf.CreditCode))
	h.create(Company("山东海化集团有限公司", ""))
	before = h.state()
	_, err = h.s.ApplyImport(h.ctx, dup)
	if fe := WantFieldError(t, err, store.FieldName, store.ProblemDuplicate); fe.Row != 3 || fe.Detail != "山东海化集团有限公司" {
		t.Fatalf("duplicate: row %d detail %q", fe.Row, fe.Detail)
	}
	h.unchanged(before, "a plan with a duplicate added since")

	// A hand-made plan with a history the rules forbid is refused too.
	bad := store.Member{ID: store.NewID(), Name: "手工计划单位", Type: "企业", Events: []store.Event{
		{Kind: store.EventExit, Date: Date(2020, 1, 1), ExitKind: "自愿退出"}}}
	_, err = h.s.ApplyImport(h.ctx, &store.ImportPlan{Rows: []store.PlanRow{{Row: 9, Action: store.RowNew, Result: bad}}})
	if fe := WantFieldError(t, err, store.FieldExitDate, store.ProblemExitNoJoin); fe.Row != 9 {
		t.Fatalf("row %d", fe.Row)
	}
	// And a plan applied twice: its new members are there already.
	fresh := h.plan([]store.ImportRow{{Row: 2, Member: Company("丙公司", ""), JoinDate: Date(2020, 1, 1), Tier: "成员单位"}})
	_, err = h.s.ApplyImport(h.ctx, fresh)
	h.must(err)
	before = h.state()
	if _, err := h.s.ApplyImport(h.ctx, fresh); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("plan applied twice: %v", err)
	}
	h.unchanged(before, "a plan applied twice")
}

// rosterPlan is what the planner would make of a sheet with two new
// people as 理事 and the existing chair unchanged: new people with their
// IDs already set, and the body with their seats in its current term.
func rosterPlan(t *testing.T, f *RosterFixture) *store.RosterPlan {
	t.Helper()
	p := &store.RosterPlan{
		NewPeople: []store.Person{
			{ID: store.NewID(), Name: "孙 立新", MemberID: f.WF.ID, Title: "副校长"},
			{ID: store.NewID(), Name: "周红", Unit: "市教育局", Title: "处长"},
		},
		Body: f.Council.Clone(),
	}
	p.Rows = append(p.Rows, store.RosterPlanRow{Row: 2, Name: "张成刚", Position: "理事长", Action: store.RowUnchanged})
	for i, np := range p.NewPeople {
		if _, err := p.Body.AddSeat(f.Term, "理事", store.SeatHolder{PersonID: np.ID, Title: np.Title}, store.Date{}); err != nil {
			t.Fatal(err)
		}
		p.Rows = append(p.Rows, store.RosterPlanRow{Row: 3 + i, Name: np.Name, Position: "理事", Action: store.RowNew, NewPerson: true})
	}
	return p
}

func testRosterImportApply(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	p := rosterPlan(t, f)
	h.must(h.s.ApplyRosterImport(h.ctx, p))
	h.reopen()
	sun, err := h.s.Person(h.ctx, p.NewPeople[0].ID)
	if err != nil || sun.Name != "孙立新" || sun.MemberID != f.WF.ID || sun.Rev != 1 {
		t.Fatalf("imported person %+v %v", sun, err)
	}
	b := h.body(f.Council.ID)
	if seats := b.Terms[0].Seats; len(seats) != 4 || seats[3].PersonID != p.NewPeople[1].ID || seats[3].Rank != 3 {
		t.Fatalf("seats after import %+v", seats)
	}
	if b.Rev != f.Council.Rev+1 {
		t.Fatalf("body Rev %d after import of Rev %d", b.Rev, f.Council.Rev)
	}
	audit := h.audit(store.AuditQuery{Limit: 3})
	compareAudit(t, audit, []auditWant{
		{store.ActionImport, store.KindBody, "理事会 导入名单：2人"},
		{store.ActionImport, store.KindPerson, "导入新增 周红（市教育局）"},
		{store.ActionImport, store.KindPerson, "导入新增 孙立新（潍坊职业学院）"},
	})
	for i := range audit {
		if !audit[i].Time.Equal(audit[0].Time) {
			t.Errorf("entry %d written at %v, not in the import's transaction (%v)", i, audit[i].Time, audit[0].Time)
		}
	}
	// Applying the same plan again is refused: the people are there.
	before := h.state()
	if err := h.s.ApplyRosterImport(h.ctx, p); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second apply: %v", err)
	}
	h.unchanged(before, "a roster plan applied twice")
}

// testRosterImportWritesNothing: a plan with an error, or one that no
// longer fits the data, writes nothing at all — not even the new people.
func testRosterImportWritesNothing(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	before := h.state()

	bad := rosterPlan(t, f)
	rowErr := &store.FieldError{Row: 4, Field: store.FieldPersonName, Problem: store.ProblemRequired}
	bad.Rows[2].Action, bad.Rows[2].Errors = store.RowError, []*store.FieldError{rowErr}
	if err := h.s.ApplyRosterImport(h.ctx, bad); err != rowErr {
		t.Fatalf("plan with an error: %v", err)
	}

	dup := rosterPlan(t, f)
	dup.NewPeople[1] = store.Person{ID: dup.NewPeople[1].ID, Name: "王威", MemberID: f.Co.ID}
	WantFieldErrorDetail(t, h.s.ApplyRosterImport(h.ctx, dup), store.FieldPersonName, store.ProblemPersonDuplicate, "王威")

	stale := rosterPlan(t, f)
	stale.Body.Rev--
	WantConflict(t, h.s.ApplyRosterImport(h.ctx, stale), store.KindBody, "理事会", clerk+"@"+pc, f.Council.Updated)
	h.unchanged(before, "a refused roster import")
	if people, _ := h.s.People(h.ctx); len(people) != 4 {
		t.Fatalf("%d people after refused imports", len(people))
	}
	empty := &store.RosterPlan{Body: f.Council, Rows: []store.RosterPlanRow{{Row: 2, Action: store.RowUnchanged}}}
	h.must(h.s.ApplyRosterImport(h.ctx, empty))
	h.unchanged(before, "a roster plan with nothing new")
}
