package indicators

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var fyneEnter = fyne.KeyEvent{Name: fyne.KeyReturn}

// TestStartAndAddIndicator: a year without a catalogue offers to start
// one; a collected indicator added in the dialog is stored; a bad code
// is refused in Chinese.
func TestStartAndAddIndicator(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a, v := openIndicators(t, db)
	if v.data.year != lastYear() {
		t.Fatalf("year = %d", v.data.year)
	}
	tap(t, kittest.Button(t, v.view, "建立本年度指标目录"))
	c, err := db.Catalogue(context.Background(), lastYear())
	if err != nil || v.data.cat == nil || len(v.data.cat.Indicators) != len(c.Indicators) {
		t.Fatalf("catalogue = %v, %v", v.data.cat, err)
	}
	tap(t, kittest.Button(t, v.view, "新增指标"))
	d := a.Dialog()
	kittest.TypeInto(t, d, store.FieldIndicatorCode, "Bad Code")
	kittest.TypeInto(t, d, store.FieldIndicatorName, "校企合作项目")
	kittest.TypeInto(t, d, store.FieldIndicatorUnit, "项")
	tap(t, d.SaveButton())
	if !d.IsOpen() || !strings.Contains(d.Problem(), "应为小写英文字母、数字和下划线") {
		t.Fatalf("bad code: open %v, problem %q", d.IsOpen(), d.Problem())
	}
	kittest.TypeInto(t, d, store.FieldIndicatorCode, "joint_projects")
	kittest.FormWidget[*widget.CheckGroup](t, d, "填报单位").SetSelected([]string{"企业"})
	kittest.Save(t, d)
	c, _ = db.Catalogue(context.Background(), lastYear())
	ind := c.Indicator("joint_projects")
	if ind == nil || ind.Source != store.SourceCollected || ind.Unit != "项" || !slices.Equal(ind.Answer, []store.UnitType{"企业"}) {
		t.Fatalf("stored = %+v", ind)
	}
	rows := kittest.TableRows(v.cat.table)
	last := rows[len(rows)-1]
	if last[catCode] != "joint_projects" || last[catAnswer] != "企业" {
		t.Errorf("last row = %q", last)
	}
	if rows[0][catComputed] != "0" {
		t.Errorf("members_total computed = %q", rows[0][catComputed])
	}
}

// TestFileCatalogue: 报送 freezes the catalogue; it reads 已于…报送 and a
// new version can be started.
func TestFileCatalogue(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	twoUnits(t, db)
	a, v := openIndicators(t, db)
	tap(t, kittest.Button(t, v.cat.view, "报送"))
	tap(t, kittest.Button(t, a.Overlay(), "报送"))
	if v.data.cat.Filed.IsZero() || !strings.HasPrefix(v.cat.filed.Text, "已于") || !v.cat.add.Disabled() {
		t.Fatalf("after filing: %q", v.cat.filed.Text)
	}
	tap(t, kittest.Button(t, v.cat.view, "新建版本"))
	if v.data.cat.Version != 2 || !v.data.cat.Filed.IsZero() {
		t.Errorf("version = %d", v.data.cat.Version)
	}
}

// TestGridTyping: a value typed into a cell is stored; a fraction for a
// whole-number indicator is refused with the message; a value changed by
// another clerk meanwhile is a conflict and the grid reloads.
func TestGridTyping(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	college, company, _ := twoUnits(t, db)
	_, v := openIndicators(t, db)
	v.tabs.SelectIndex(tabGrid)
	col, r := column(t, v, "training_bases"), row(t, v, college)
	if text, bg := v.grid.cellText(r, col); text != "" || bg != colorMissing {
		t.Errorf("empty answered cell = %q %v", text, bg)
	}
	if _, bg := v.grid.cellText(row(t, v, company), column(t, v, "dual_teacher_training")); bg != colorNotAsked {
		t.Errorf("cell not asked = %v", bg)
	}
	typeCell(t, v, r, col, "12")
	if x, ok := storedValue(t, db, college, "training_bases"); !ok || x != 12 {
		t.Fatalf("stored = %v %v", x, ok)
	}
	if text, _ := v.grid.cellText(r, col); text != "12" {
		t.Errorf("cell = %q", text)
	}
	typeCell(t, v, r, col, "3.5")
	if v.grid.problem.Text != "指标值：应为整数（共建共享实训基地）" && !strings.Contains(v.grid.problem.Text, "应为整数") {
		t.Errorf("problem = %q", v.grid.problem.Text)
	}
	if x, _ := storedValue(t, db, college, "training_bases"); x != 12 {
		t.Errorf("stored after refusal = %v", x)
	}
	twelve, thirteen := 12.0, 13.0
	if _, err := db.SetValue(context.Background(), lastYear(), college.ID, "training_bases", &twelve, &thirteen); err != nil {
		t.Fatal(err)
	}
	typeCell(t, v, r, col, "20")
	if !strings.Contains(v.grid.problem.Text, "本次未保存") {
		t.Errorf("conflict = %q", v.grid.problem.Text)
	}
	if x, _ := storedValue(t, db, college, "training_bases"); x != 13 {
		t.Errorf("stored after conflict = %v", x)
	}
	if text, _ := v.grid.cellText(r, col); text != "13" {
		t.Errorf("cell after reload = %q", text)
	}
}

// TestSummary: the year's sheet shows the computed figures and the sum of
// the collected values, beside last year's.
func TestSummary(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	college, company, _ := twoUnits(t, db)
	ctx := context.Background()
	five, seven := 5.0, 7.0
	if _, err := db.SetValue(ctx, lastYear(), college.ID, "training_bases", nil, &five); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetValue(ctx, lastYear(), company.ID, "training_bases", nil, &seven); err != nil {
		t.Fatal(err)
	}
	_, v := openIndicators(t, db)
	v.tabs.SelectIndex(tabSummary)
	byName := map[string][]string{}
	for _, r := range kittest.TableRows(v.summary.table) {
		byName[r[sumName]] = r
	}
	if r := byName["成员单位总数"]; r[sumNow] != "2" || r[sumLast] != "2" || r[sumChange] != "0" || r[sumSource] != "计算" {
		t.Errorf("成员单位总数 = %q", r)
	}
	if r := byName["共建共享实训基地"]; r[sumNow] != "12" || r[sumLast] != "" || r[sumSource] != "采集" {
		t.Errorf("共建共享实训基地 = %q", r)
	}
}

// TestReportEditable: 生成年度报告数据篇 shows the paragraphs the program
// wrote from the year's figures, each editable before the Word file.
func TestReportEditable(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	college, _, _ := twoUnits(t, db)
	twelve := 12.0
	if _, err := db.SetValue(context.Background(), lastYear(), college.ID, "training_bases", nil, &twelve); err != nil {
		t.Fatal(err)
	}
	_, v := openIndicators(t, db)
	v.tabs.SelectIndex(tabSummary)
	lastReport = nil
	tap(t, kittest.Button(t, v.summary.view, "生成年度报告数据篇"))
	if len(lastReport) < 2 {
		t.Fatalf("%d paragraphs shown", len(lastReport))
	}
	if got := lastReport[0].Text; !strings.Contains(got, "现有成员单位2家") {
		t.Errorf("成员单位 paragraph = %q", got)
	}
	found := false
	for _, e := range lastReport {
		found = found || strings.Contains(e.Text, "共建共享实训基地12个")
	}
	if !found {
		t.Error("no paragraph with the collected 共建共享实训基地12个")
	}
}
