package bolt

import (
	"errors"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// importRows is a small sheet: one update of 潍坊职业学院 (new phone, and an
// exit) and two new units, one of them with a history that has ended.
func importRows(wfCode string) []store.ImportRow {
	return []store.ImportRow{
		{Row: 2, Member: store.Member{Name: "潍坊职业学院", CreditCode: wfCode, Type: "高职院校", Phone: "0536-8185999"},
			JoinDate: date(2015, 3, 1), Tier: "理事长单位"},
		{Row: 3, Member: company("山东海化集团有限公司", validCode("91370700MA3C00002")),
			JoinDate: date(2019, 7, 18), Tier: "理事单位"},
		{Row: 4, Member: company("寿光蔬菜产业集团", ""),
			JoinDate: date(2012, 5, 1), ExitDate: date(2018, 12, 31), ExitKind: "注销", ExitReason: "企业注销"},
	}
}

func plan(t *testing.T, db *DB, rows []store.ImportRow) *store.ImportPlan {
	t.Helper()
	existing, err := db.Members()
	if err != nil {
		t.Fatal(err)
	}
	return store.PlanImport(existing, rows, testStart)
}

func TestApplyImport(t *testing.T) {
	db, _ := openTest(t)
	wf := mustCreate(t, db, weifang())
	p := plan(t, db, importRows(wf.CreditCode))
	sum, err := db.ApplyImport(p)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Updated != 1 || sum.Unchanged != 0 {
		t.Fatalf("summary %+v", sum)
	}
	ms, _ := db.Members()
	if len(ms) != 3 || ms[0].Phone != "0536-8185999" || ms[0].Contact != "王芳" || len(ms[0].Events) != 1 {
		t.Fatalf("after import: %d members, first %+v", len(ms), ms[0])
	}
	shouguang := ms[2]
	if shouguang.Name != "寿光蔬菜产业集团" || shouguang.StateOn(date(2026, 1, 1)).Status != store.StatusLeft ||
		shouguang.StateOn(date(2015, 1, 1)).Status != store.StatusActive || shouguang.ID != p.Rows[2].Result.ID {
		t.Fatalf("imported history wrong: %+v", shouguang)
	}
	audit, _ := db.Audit(0)
	if len(audit) != 4 {
		t.Fatalf("%d audit entries, want 1 create + 3 import", len(audit))
	}
	wantSummaries := []string{"导入新增 寿光蔬菜产业集团", "导入新增 山东海化集团有限公司", "导入更新 潍坊职业学院：联系电话"}
	for i, s := range wantSummaries {
		if audit[i].Action != store.ActionImport || audit[i].Summary != s {
			t.Errorf("audit %d: %s %q, want %q", i, audit[i].Action, audit[i].Summary, s)
		}
	}
	mustCheck(t, db)

	// The same sheet again changes nothing and writes nothing.
	again := plan(t, db, importRows(wf.CreditCode))
	if s := again.Summary(); s.Unchanged != 3 {
		t.Fatalf("second plan %+v", s)
	}
	if _, err := db.ApplyImport(again); err != nil {
		t.Fatal(err)
	}
	if audit2, _ := db.Audit(0); len(audit2) != 4 {
		t.Fatalf("second import wrote %d audit entries", len(audit2)-4)
	}
}

// TestApplyImportWithErrorWritesNothing: one bad row stops the whole file,
// down to the last byte of the data file.
func TestApplyImportWithErrorWritesNothing(t *testing.T) {
	db, path := openTest(t)
	wf := mustCreate(t, db, weifang())
	rows := importRows(wf.CreditCode)
	rows = append(rows, store.ImportRow{Row: 5, Member: company("", "")}) // empty name
	p := plan(t, db, rows)
	if !p.HasErrors() {
		t.Fatal("plan has no error")
	}
	before := fileHash(t, path)
	_, err := db.ApplyImport(p)
	if fe := wantFieldError(t, err, store.FieldName, store.ProblemRequired); fe.Row != 5 {
		t.Fatalf("error row %d", fe.Row)
	}
	if fileHash(t, path) != before {
		t.Fatal("data file changed")
	}
	if ms, _ := db.Members(); len(ms) != 1 {
		t.Fatalf("%d members", len(ms))
	}
}

// TestApplyImportRechecks: what changed between preview and apply is
// caught, and the whole import is refused.
func TestApplyImportRechecks(t *testing.T) {
	db, path := openTest(t)
	wf := mustCreate(t, db, weifang())

	stale := plan(t, db, importRows(wf.CreditCode))
	edit := wf
	edit.Note = "预览之后的修改"
	if _, err := db.UpdateMember(edit); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	_, err := db.ApplyImport(stale)
	if !errors.Is(err, store.ErrConflict) || err.Error() != "第2行："+store.ErrConflict.Error() {
		t.Fatalf("stale plan: %v", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("stale plan wrote to the file")
	}

	dup := plan(t, db, importRows(wf.CreditCode))
	mustCreate(t, db, company("山东海化集团有限公司", ""))
	_, err = db.ApplyImport(dup)
	if fe := wantFieldError(t, err, store.FieldName, store.ProblemDuplicate); fe.Row != 3 || fe.Detail != "山东海化集团有限公司" {
		t.Fatalf("duplicate: row %d detail %q", fe.Row, fe.Detail)
	}
	if ms, _ := db.Members(); len(ms) != 2 || ms[0].Phone != wf.Phone {
		t.Fatalf("refused import wrote members: %d", len(ms))
	}

	// A hand-made plan with a history the rules forbid is refused too.
	bad := store.Member{ID: store.NewID(), Name: "手工计划单位", Type: "企业", Events: []store.Event{
		{Kind: store.EventExit, Date: date(2020, 1, 1), ExitKind: "自愿退出"}}}
	_, err = db.ApplyImport(&store.ImportPlan{Rows: []store.PlanRow{{Row: 9, Action: store.RowNew, Result: bad}}})
	if fe := wantFieldError(t, err, store.FieldExitDate, store.ProblemExitNoJoin); fe.Row != 9 {
		t.Fatalf("row %d", fe.Row)
	}
	mustCheck(t, db)
}
