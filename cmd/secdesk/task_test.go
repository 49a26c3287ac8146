package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// rawTask is a task of the demo's task file as the tests read it,
// without package store/demo.
type rawTask struct {
	Number     string `json:"number"`
	Title      string `json:"title"`
	Extensions []struct {
		Requested   string `json:"requested"`
		Decided     string `json:"decided"`
		NewDeadline string `json:"new_deadline"`
		Decision    string `json:"decision"`
	} `json:"extensions"`
}

func loadRawTasks(t *testing.T) []rawTask {
	t.Helper()
	b, err := os.ReadFile("../../testdata/demo/tasks.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Tasks []rawTask `json:"tasks"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Tasks
}

// tasksJSON runs tasks list --json and decodes it by number.
func tasksJSON(t *testing.T, db string, args ...string) map[string]map[string]any {
	t.Helper()
	r := mustRun(t, append([]string{"tasks", "list", "--json", "--db", db}, args...)...)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("tasks list --json printed %q: %v", r.stdout, err)
	}
	out := map[string]map[string]any{}
	for _, row := range rows {
		out[row["number"].(string)] = row
	}
	return out
}

// fixToday makes the store's today a fixed day for the test.
func fixToday(t *testing.T, d store.Date) {
	t.Helper()
	old := store.Today
	store.Today = func() store.Date { return d }
	t.Cleanup(func() { store.Today = old })
}

// The task whose extension was approved after its deadline is listed with
// the original deadline, 逾期, before the approval, and with the new one
// after; its July flag is the one the clerk corrected.
func TestTaskListAcrossAnExtension(t *testing.T) {
	db := demoDB(t)
	var ext rawTask
	for _, rt := range loadRawTasks(t) {
		if len(rt.Extensions) == 1 && rt.Extensions[0].Decision == "approved" {
			ext = rt
		}
	}
	x := ext.Extensions[0]
	before := tasksJSON(t, db, "--as-of", "2026-07-15")[ext.Number]
	want := map[string]any{"title": ext.Title, "lead": "潍海化工职业学院", "deadline": "2026-06-30", "original_deadline": "2026-06-30",
		"status": "active", "flag": "yellow", "flag_recorded": true, "source": "plan", "start": "2026-05-06", "overdue": true,
		"escalated": false}
	checkRow(t, "before", before, want)
	if units := before["units"].([]any); len(units) != 1 || units[0] != "秘书处" || before["person"] == "" || before["last_inspection"] == "" {
		t.Errorf("before: %v", before)
	}
	after := tasksJSON(t, db, "--as-of", x.Decided)[ext.Number]
	checkRow(t, "after", after, map[string]any{"deadline": x.NewDeadline, "original_deadline": "2026-06-30", "overdue": false,
		"status": "active", "flag": "green"})
	if x.Requested >= "2026-07-15" || x.Decided <= "2026-07-31" {
		t.Fatalf("the story changed: %+v", x)
	}
	// The escalated task is listed so only from its dispatch on.
	rows := tasksJSON(t, db, "--as-of", "2026-06-25")
	var escalated string
	for n, row := range tasksJSON(t, db, "--as-of", "2026-12-01") {
		if row["escalated"] == true {
			escalated = n
		}
	}
	if escalated == "" || rows[escalated]["escalated"] != false {
		t.Errorf("escalated %q: before the dispatch %v", escalated, rows[escalated])
	}
	if n := len(tasksJSON(t, db, "--as-of", "2025-11-30")); n != 5 {
		t.Errorf("%d tasks on 2025-11-30, want the 5 of November's meetings", n)
	}
	r := mustRun(t, "tasks", "list", "--as-of", "2026-07-15", "--db", db)
	if !strings.Contains(r.stdout, ext.Number+"\t"+ext.Title+"\t潍海化工职业学院\t2026-06-30\t推进中\t黄\t") {
		t.Errorf("table:\n%s", r.stdout)
	}
}

func checkRow(t *testing.T, name string, got, want map[string]any) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s = %v, want %v", name, k, got[k], v)
		}
	}
}

// An inspection of a round without one is added; a second replaces it,
// and the flag printed is the round's after each.
func TestTaskInspect(t *testing.T) {
	db := demoDB(t)
	fixToday(t, store.NewDate(2026, 12, 10))
	number := openTaskDue(t, db, "2026-12-31")
	args := []string{"tasks", "inspect", "--number", number, "--month", "2026-12", "--db", db}
	r := mustRun(t, append(args, "--progress", "完成年度工作总结初稿", "--percent", "90", "--date", "2026-12-08", "--inspector", "宋雪梅")...)
	if !strings.Contains(r.stdout, "已记录 "+number+" 2026年12月督查记录（新增）") || !strings.Contains(r.stdout, "2026年12月预警：绿") {
		t.Errorf("new:\n%s", r.stdout)
	}
	r = mustRun(t, append(args, "--progress", "年度工作总结已修改", "--percent", "92%", "--problems", "个别数据待核实",
		"--measures", "逐项核对", "--fix-by", "2026-12-12", "--date", "2026-12-09")...)
	if !strings.Contains(r.stdout, "（替换原记录）") || !strings.Contains(r.stdout, "2026年12月预警：黄") {
		t.Errorf("replacing:\n%s", r.stdout)
	}
	task := storedTask(t, db, number)
	in := task.Inspection("2026-12")
	if in == nil || in.Progress != "年度工作总结已修改" || in.Percent != 92 || in.Inspector != "" || !in.FixBy.Equal(store.NewDate(2026, 12, 12)) ||
		strings.Count(strings.Join(roundsOf(task), ","), "2026-12") != 1 {
		t.Errorf("stored %+v", in)
	}
}

// openTaskDue is the number of a task open on 2026-12-01 due on day.
func openTaskDue(t *testing.T, db, day string) string {
	t.Helper()
	for n, row := range tasksJSON(t, db, "--as-of", "2026-12-01") {
		if row["status"] == "active" && row["deadline"] == day && row["flag"] == "green" {
			return n
		}
	}
	t.Fatalf("no open task due %s", day)
	return ""
}

func roundsOf(t store.Task) []string {
	var out []string
	for _, in := range t.Inspections {
		out = append(out, in.Round)
	}
	return out
}

// storedTask reopens the data file and reads one task by number.
func storedTask(t *testing.T, db, number string) store.Task {
	t.Helper()
	s, err := openStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts, err := s.Tasks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range ts {
		if task.Number == number {
			return task
		}
	}
	t.Fatalf("no task %s", number)
	return store.Task{}
}

// Errors are told in Chinese and write nothing.
func TestTaskInspectErrors(t *testing.T) {
	db := demoDB(t)
	number := openTaskDue(t, db, "2026-12-31")
	before := snapshot(t, db)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--number", "2099-001", "--month", "2026-11", "--progress", "x"}, 1, "找不到事项编号为 2099-001 的任务"},
		{[]string{"--number", number, "--month", "2026-13", "--progress", "x"}, 2, "选项 --month 的月份无效：2026-13"},
		{[]string{"--number", number, "--month", "2026-11", "--progress", "x", "--percent", "120"}, 1, "「完成进度」应为0到100之间的整数：120"},
		{[]string{"--number", number, "--month", "2026-11", "--progress", "x", "--percent", "很多"}, 2, "选项 --percent 应为0到100之间的整数：很多"},
		{[]string{"--number", number, "--month", "2026-11"}, 2, "缺少 --progress 本月进展情况"},
		{[]string{"--month", "2026-11", "--progress", "x"}, 2, "缺少 --number 事项编号"},
		{[]string{"--number", number, "--progress", "x"}, 2, "缺少 --month 督查月份"},
		{[]string{"--number", number, "--month", "2026-11", "--progress", "x", "--fix-by", "明天"}, 2, "选项 --fix-by 的日期无效"},
	} {
		r := runCLI(t, append([]string{"tasks", "inspect", "--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q", c.args, r.code, r.stdout, r.stderr, c.code, c.want)
		}
	}
	if snapshot(t, db) != before {
		t.Error("a refused inspection wrote to the data file")
	}
	for _, args := range [][]string{{"tasks"}, {"tasks", "frobnicate"}, {"tasks", "list", "--as-of", "昨天", "--db", db}} {
		if r := runCLI(t, args...); r.code != 2 || !strings.Contains(r.stderr, "用法") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// Overdue tasks are the open ones past the deadline in force, the
// longest overdue first.
func TestTaskOverdue(t *testing.T) {
	db := demoDB(t)
	var rows []map[string]any
	r := mustRun(t, "tasks", "overdue", "--as-of", "2026-12-01", "--json", "--db", db)
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	list := tasksJSON(t, db, "--as-of", "2026-12-01")
	var want int
	for _, row := range list {
		if row["overdue"] == true {
			want++
		}
	}
	if len(rows) != want || want < 2 {
		t.Fatalf("%d overdue, the list has %d", len(rows), want)
	}
	for i, row := range rows {
		l := list[row["number"].(string)]
		deadline, _ := store.ParseDate(row["deadline"].(string))
		days := deadline.DaysUntil(store.NewDate(2026, 12, 1))
		if row["lead"] != l["lead"] || row["deadline"] != l["deadline"] || row["days_overdue"] != float64(days) ||
			i > 0 && row["days_overdue"].(float64) > rows[i-1]["days_overdue"].(float64) {
			t.Errorf("row %d %v", i, row)
		}
	}
	r = mustRun(t, "tasks", "overdue", "--as-of", "2026-06-15", "--db", db)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if lines[0] != "截至2026年6月15日，逾期未办结的任务1项" || !strings.HasSuffix(lines[1], "\t完成时限2026-05-31\t逾期15天") {
		t.Errorf("overdue on 2026-06-15:\n%s", r.stdout)
	}
}

// Recording a round's flags: the demo has every ended round recorded; a
// new task's round is recorded once; the running month is refused.
func TestTaskRecordFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "secdesk.db")
	s, err := openStore(context.Background(), db, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateTask(context.Background(), store.Task{Title: "编制工作总结", Lead: store.UnitRef{Name: "秘书处"},
		Start: store.NewDate(2026, 10, 8), Deadline: store.NewDate(2026, 10, 30)})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "tasks", "record-flags", "--month", "2026-10", "--db", db)
	if !strings.Contains(r.stdout, "已记录2026年10月预警：1项任务") {
		t.Errorf("record: %s", r.stdout)
	}
	if f := storedTask(t, db, "2026-001").Flags; len(f) != 1 || f[0].Round != "2026-10" || f[0].Flag != store.FlagRed {
		t.Errorf("recorded %+v", f)
	}
	r = mustRun(t, "tasks", "record-flags", "--month", "2026年10月", "--db", db)
	if !strings.Contains(r.stdout, "2026年10月的预警均已记录，没有新记录") {
		t.Errorf("again: %s", r.stdout)
	}
	month := store.Round(store.Today())
	if r := runCLI(t, "tasks", "record-flags", "--month", month, "--db", db); r.code != 1 || !strings.Contains(r.stderr, "尚未结束，不能记录预警") {
		t.Errorf("running month: exit %d, %q", r.code, r.stderr)
	}
	if r := mustRun(t, "tasks", "record-flags", "--month", "2026-10", "--db", demoDB(t)); !strings.Contains(r.stdout, "均已记录") {
		t.Errorf("demo: %s", r.stdout)
	}
}
