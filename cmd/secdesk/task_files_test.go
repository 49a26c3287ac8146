package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// taskSheet writes a task list to import: a title line above the header.
func taskSheet(t *testing.T, rows ...[]string) string {
	t.Helper()
	head := [][]string{{"2027年集团重点工作任务清单"}, {"事项编号", "任务事项", "牵头单位", "责任单位", "责任人", "开始日期", "完成时限"}}
	return xlsxtest.WriteSheet(t, append(head, rows...))
}

// A list with an unknown unit is refused whole, every error listed with
// its row and field; fixed, it previews, then imports new and updated
// tasks.
func TestTaskImport(t *testing.T) {
	db := demoDB(t)
	fixToday(t, store.NewDate(2026, 12, 2))
	good := []string{"", "开展2027年度集团工作调研", "潍海化工职业学院", "秘书处、潍海学院", "梁晓东", "2026-12-05", "2027-03-31"}
	update := []string{"2026-011", "推进市域产教联合体建设", "潍海化工职业学院", "潍海市教育局、潍海学院", "梁晓东", "2026-05-06", "2027-01-31"}
	bad := []string{"", "编制2027年集团工作要点", "外星集团", "", "", "2026-12-05", "2026-11-30"}
	before, count := snapshot(t, db), len(tasksJSON(t, db, "--as-of", "2027-01-01"))
	r := runCLI(t, "tasks", "import", taskSheet(t, good, bad, update), "--db", db)
	for _, want := range []string{
		"第3行\t新增\t（导入时编号）\t开展2027年度集团工作调研",
		"第4行\t错误\t（导入时编号）\t编制2027年集团工作要点",
		"\t错误：第4行 「牵头单位」不是在册成员单位或机构：外星集团",
		"\t错误：第4行 「完成时限」早于立项日期：2026年12月5日",
		"第5行\t更新\t2026-011\t推进市域产教联合体建设",
		"共3行：新增1，更新1，无变化0，错误1",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != 1 || !strings.Contains(r.stderr, "任务清单中有错误，未导入任何任务") || snapshot(t, db) != before {
		t.Fatalf("exit %d, stderr %q (or the data changed)", r.code, r.stderr)
	}
	bad[2], bad[6] = "潍海化工职业学院", "2027-02-28"
	file := taskSheet(t, good, bad, update)
	r = mustRun(t, "tasks", "import", file, "--dry-run", "--db", db)
	if !strings.Contains(r.stdout, "共3行：新增2，更新1，无变化0，错误0") || snapshot(t, db) != before {
		t.Errorf("dry run:\n%s", r.stdout)
	}
	r = mustRun(t, "tasks", "import", file, "--db", db)
	if !strings.Contains(r.stdout, "已导入任务清单：3项（新增2，更新1）") {
		t.Errorf("import:\n%s", r.stdout)
	}
	rows := tasksJSON(t, db, "--as-of", "2027-01-01")
	if len(rows) != count+2 || rows["2026-011"]["deadline"] != "2027-01-31" {
		t.Errorf("%d tasks after (from %d); 2026-011 %v", len(rows), count, rows["2026-011"])
	}
	var titles []string
	for _, row := range rows {
		if row["start"] == "2026-12-05" {
			titles = append(titles, row["title"].(string))
			if row["source"] != "plan" || row["lead"] != "潍海化工职业学院" {
				t.Errorf("imported %v", row)
			}
		}
	}
	if slices.Sort(titles); !slices.Equal(titles, []string{"开展2027年度集团工作调研", "编制2027年集团工作要点"}) {
		t.Errorf("imported %v", titles)
	}
	if r := runCLI(t, "tasks", "import", writeSheet(t, goodRows...), "--db", db); r.code != 1 || !strings.Contains(r.stderr, "找不到任务清单的表头") {
		t.Errorf("a member list: exit %d, %q", r.code, r.stderr)
	}
}

// ledgerNumbers are the 事项编号 of a 督查台账's rows, with each row.
func ledgerNumbers(t *testing.T, path string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, r := range xlsxtest.ReadSheet(t, path, xlsx.TaskLedgerSheet) {
		if len(r) > 13 && strings.HasPrefix(r[1], "20") {
			out[r[1]] = r
		}
	}
	return out
}

// The month's ledger has every task of the month's list, each with the
// list's flag; filtered, only the rows asked for. The summary counts
// the same rows.
func TestTaskLedgerAndSummary(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	list := tasksJSON(t, db, "--as-of", "2026-11-30")
	all, red := filepath.Join(dir, "台账.xlsx"), filepath.Join(dir, "红.xlsx")
	mustRun(t, "tasks", "ledger", "--month", "2026-11", "--out", all, "--db", db)
	rows := ledgerNumbers(t, all)
	words := map[string]string{"green": "绿", "yellow": "黄", "red": "红", "": ""}
	live := 0
	for n, l := range list {
		if l["status"] == "stopped" { // stopped: no longer on the ledger
			continue
		}
		live++
		if rows[n] == nil || rows[n][13] != words[l["flag"].(string)] || rows[n][2] != l["title"] {
			t.Errorf("%s: ledger row %v, list %v", n, rows[n], l)
		}
	}
	if len(rows) != live {
		t.Errorf("%d ledger rows, %d tasks in the list", len(rows), live)
	}
	r := mustRun(t, "tasks", "ledger", "--month", "2026-11", "--flag", "红", "--status", "推进中", "--out", red, "--db", db)
	reds := ledgerNumbers(t, red)
	for n, l := range list {
		if (l["flag"] == "red" && l["status"] == "active") != (reds[n] != nil) {
			t.Errorf("%s in the red ledger: %v", n, reds[n] != nil)
		}
	}
	if len(reds) < 2 || !strings.Contains(r.stdout, "已导出2026年11月督查台账（2项任务，截至2026年11月30日）") {
		t.Errorf("%d red rows; %s", len(reds), r.stdout)
	}
	sum := filepath.Join(dir, "汇总.xlsx")
	r = mustRun(t, "tasks", "summary", "--month", "2026-11", "--out", sum, "--db", db)
	text := sheetCells(t, sum, xlsx.SummarySheet)
	if !strings.Contains(text, "督查任务每月汇总（2026年11月）") || !strings.Contains(text, "共督查任务 36 项") ||
		!strings.Contains(r.stdout, "（任务36项：新增0项，推进落实13项，已办结销号4项）") || live != 36 {
		t.Errorf("summary %s\n%s", r.stdout, text)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ledger", "--month", "2026-11", "--out", all, "--flag", "紫"}, "选项 --flag 的值无效：紫"},
		{[]string{"ledger", "--month", "2026-11", "--out", all, "--status", "搁置"}, "选项 --status 的值无效：搁置"},
		{[]string{"ledger", "--month", "11月", "--out", all}, "选项 --month 的月份无效：11月"},
		{[]string{"summary", "--month", "2026-11"}, "缺少 --out 文件名"},
		{[]string{"dispatch-table", "--quarter", "2026-Q5", "--out", all}, "选项 --quarter 的季度无效：2026-Q5"},
		{[]string{"bulletin", "--month", "2026-11", "--out", all, "--issue", "第三期"}, "选项 --issue 应为期号（正整数）：第三期"},
	} {
		if r := runCLI(t, append(append([]string{"tasks"}, c.args...), "--db", db)...); r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, %q", c.args, r.code, r.stderr)
		}
	}
}

// The quarter's table lists the tasks open on its day, for the 调度会.
func TestTaskDispatchTable(t *testing.T) {
	db := demoDB(t)
	fixToday(t, store.NewDate(2026, 12, 10))
	out := filepath.Join(t.TempDir(), "调度.xlsx")
	r := mustRun(t, "tasks", "dispatch-table", "--quarter", "2026-q4", "--out", out, "--db", db)
	var open []string
	for n, l := range tasksJSON(t, db, "--as-of", "2026-12-10") {
		if l["status"] == "active" || l["status"] == "not_started" {
			open = append(open, n)
		}
	}
	var listed []string
	for _, row := range xlsxtest.ReadSheet(t, out, xlsx.DispatchSheet) {
		if len(row) > 2 && strings.HasPrefix(row[1], "20") {
			listed = append(listed, row[1])
		}
	}
	slices.Sort(open)
	if !slices.Equal(listed, open) || !strings.Contains(r.stdout, "已导出2026-Q4季度调度表（在办任务13项，截至2026年12月10日）") {
		t.Errorf("listed %v, open %v; %s", listed, open, r.stdout)
	}
}

// The bulletin's overview and problems are the month's; each unit with
// open tasks gets a 催办单 naming its overdue ones.
func TestTaskBulletinAndReminders(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "通报.docx")
	r := mustRun(t, "tasks", "bulletin", "--month", "2026-11", "--out", out, "--db", db)
	text := docText(t, out)
	for _, want := range []string{"督查通报", "第11期", "潍海市化工职业教育集团秘书处", "2026年11月，共督查任务36项。截至11月30日",
		"事项2026-004“提出首批揭榜攻关项目”（潍海联创医药化工有限公司牵头）：已逾期，完成时限2026年5月31日", "三、工作要求"} {
		if !strings.Contains(text, want) {
			t.Errorf("bulletin lacks %q", want)
		}
	}
	if !strings.Contains(r.stdout, "已生成2026年11月督查通报（第11期，任务36项，存在问题") {
		t.Errorf("bulletin: %s", r.stdout)
	}
	mustRun(t, "tasks", "bulletin", "--month", "2026-10", "--issue", "23", "--office", "集团督查办", "--out", out, "--db", db)
	if text := docText(t, out); !strings.Contains(text, "第23期") || !strings.Contains(text, "集团督查办") {
		t.Errorf("bulletin with --issue and --office:\n%s", text)
	}

	folder := filepath.Join(dir, "催办单")
	r = mustRun(t, "tasks", "reminders", "--as-of", "2026-12-01", "--out", folder, "--db", db)
	files, _ := filepath.Glob(filepath.Join(folder, "*.docx"))
	if len(files) < 5 || !strings.Contains(r.stdout, "已生成催办单") || strings.Count(r.stdout, ".docx") != len(files) {
		t.Fatalf("%d files; %s", len(files), r.stdout)
	}
	one := filepath.Join(folder, "催办单-潍海联创医药化工有限公司-20261201.docx")
	if _, err := os.Stat(one); err != nil {
		t.Fatal(err)
	}
	if text := docText(t, one); !strings.Contains(text, "已逾期1项") || !strings.Contains(text, "提出首批揭榜攻关项目") {
		t.Errorf("reminder:\n%s", text)
	}
}
