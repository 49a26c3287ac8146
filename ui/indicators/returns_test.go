package indicators

import (
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestReturnsPreviewAndApply: a round opened, a return planned is
// previewed with its changes; a file with errors is shown and not
// written; 确认导入 stores the values and the status reads 已交.
func TestReturnsPreviewAndApply(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	college, company, _ := twoUnits(t, db)
	_, v := openIndicators(t, db)
	v.tabs.SelectIndex(tabReturns)
	tap(t, kittest.Button(t, v.returns.view, "开始填报"))
	cr := v.data.openRound()
	if cr == nil {
		t.Fatal("no round")
	}
	six, half := 6.0, 2.5
	files := []store.ReturnFile{
		{File: "潍坊职业学院.xlsx", Year: lastYear(), RoundID: cr.ID, MemberID: college.ID, Unit: college.Name,
			Values: map[string]*float64{"training_bases": &six}},
		{File: "潍坊化工有限公司.xlsx", Year: lastYear(), RoundID: cr.ID, MemberID: company.ID, Unit: company.Name,
			Values: map[string]*float64{"training_bases": &half}},
	}
	d := v.data
	plan := store.PlanReturns(d.cat, cr, d.all, d.values, d.last, files)
	v.returns.preview(t.TempDir(), plan, nil)
	f := lastPreview
	rows := kittest.TableRows(f.Table)
	if len(rows) != 2 || rows[0][2] != "1" || rows[0][4] != "可导入" || !strings.Contains(rows[1][4], "应为整数") {
		t.Fatalf("preview rows = %q", rows)
	}
	if !strings.Contains(f.Summary.Text, "可导入 1 份") {
		t.Errorf("summary = %q", f.Summary.Text)
	}
	tap(t, f.Confirm)
	if x, ok := storedValue(t, db, college, "training_bases"); !ok || x != 6 {
		t.Errorf("stored = %v %v", x, ok)
	}
	if _, ok := storedValue(t, db, company, "training_bases"); ok {
		t.Error("a file with errors was written")
	}
	status := map[string]string{}
	for _, r := range kittest.TableRows(v.returns.table) {
		status[r[0]] = r[2]
	}
	if status[college.Name] != "已交" || status[company.Name] != "未交" || v.returns.count.Text != "已交 1 / 共 2 家" {
		t.Errorf("status = %v, %q", status, v.returns.count.Text)
	}
	tap(t, kittest.Button(t, v.returns.view, "导出催报名单"))
	if !strings.Contains(lastReminders, "1. 潍坊化工有限公司") || strings.Contains(lastReminders, college.Name) {
		t.Errorf("reminders = %q", lastReminders)
	}
}

// TestCloseRound: 结束填报 asks, then ends the round; 开始填报 is offered
// again and the store has the round closed today.
func TestCloseRound(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	twoUnits(t, db)
	a, v := openIndicators(t, db)
	v.tabs.SelectIndex(tabReturns)
	tap(t, kittest.Button(t, v.returns.view, "开始填报"))
	tap(t, kittest.Button(t, v.returns.view, "结束填报"))
	tap(t, kittest.Button(t, a.Overlay(), "是"))
	rounds, err := db.Rounds(t.Context(), lastYear())
	if err != nil || len(rounds) != 1 || rounds[0].Closed.IsZero() || v.data.openRound() != nil {
		t.Fatalf("rounds %+v, %v", rounds, err)
	}
	if v.returns.open.Hidden || !v.returns.close.Hidden {
		t.Error("after closing, 开始填报 should be offered and 结束填报 hidden")
	}
}
