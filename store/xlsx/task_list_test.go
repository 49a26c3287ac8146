package xlsx

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// TestTaskListRoundTrip: a list written by WriteTaskList reads back as the
// tasks it came from, and store plans every row as unchanged.
func TestTaskListRoundTrip(t *testing.T) {
	tasks := fixtureTasks()
	tasks[1].Title = "=修订集团章程,提交审议"                 // formula-like, ASCII comma beside Chinese
	tasks[3].Requirement = "完成实训楼主体工程\n\n2. 完成设备招标" // as stored: trimmed, lines kept
	path := filepath.Join(t.TempDir(), "任务清单.xlsx")
	must(t, WriteTaskList(path, tasks, taskGroup))
	x := book(t, path)
	if v := value(t, x, TaskListSheet, "A1"); v != "潍海职业教育集团督查任务清单" {
		t.Errorf("title %q", v)
	}
	hdr, err := x.GetRows(TaskListSheet)
	must(t, err)
	if !slices.Equal(hdr[1], TaskListHeaders) {
		t.Errorf("headers %q", hdr[1])
	}
	assertGuarded(t, x, TaskListSheet, "C4")
	assertPrintSetup(t, x, TaskListSheet, landscape, "$1:$2")
	rows, err := ReadTaskList(path)
	must(t, err)
	if len(rows) != len(tasks) {
		t.Fatalf("%d rows read back, want %d", len(rows), len(tasks))
	}
	for i, r := range rows {
		tk := &tasks[i]
		names := func(us []store.UnitRef) []string {
			var out []string
			for _, u := range us {
				out = append(out, u.Name)
			}
			return out
		}
		if r.Row != i+3 || r.Number != tk.Number || r.Title != tk.Title || r.Requirement != tk.Requirement ||
			r.Lead != tk.Lead.Name || !slices.Equal(r.Units, names(tk.Units)) || !slices.Equal(r.Helpers, names(tk.Helpers)) ||
			r.Person != tk.Person || r.Category != tk.Category || r.SourceText != tk.Source.Text ||
			!r.Start.Equal(tk.Start) || !r.Deadline.Equal(tk.Deadline) || len(r.Errors) > 0 {
			t.Errorf("row %d read back as %+v\nfrom %+v", r.Row, r, *tk)
		}
	}
	p := store.PlanTaskImport(tasks, taskMembers(), nil, rows, taskToday)
	for _, pr := range p.Rows {
		if pr.Action != store.RowUnchanged {
			t.Errorf("row %d: %s %v", pr.Row, pr.Action, pr.Errors)
		}
	}
}

func TestTaskDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want store.Date
		pb   store.Problem
	}{
		{"", store.Date{}, ""},
		{"2026年6月30日", d(2026, 6, 30), ""},
		{"46203", d(2026, 6, 30), ""},
		{"2026-06-30 00:00:00", d(2026, 6, 30), ""},
		{"2026年6月底", d(2026, 6, 30), ""},
		{"2026年6月", d(2026, 6, 30), ""},
		{"2026年2月底前", d(2026, 2, 28), ""},
		{"２０２６年１２月底前完成", d(2026, 12, 31), ""},
		{"2026.9", d(2026, 9, 30), ""},
		{"2026-11", d(2026, 11, 30), ""},
		{"2026年11月30日前", d(2026, 11, 30), ""},
		{"2026年上半年", d(2026, 6, 30), ""},
		{"2026年底", d(2026, 12, 31), ""},
		{"2026年年底前", d(2026, 12, 31), ""},
		{"长期", store.Date{}, ProblemOpenDeadline},
		{"持续推进", store.Date{}, ProblemOpenDeadline},
		{"2026年13月", store.Date{}, store.ProblemBadDate},
		{"6月底", store.Date{}, store.ProblemBadDate},
		{"2026", store.Date{}, store.ProblemBadDate},
	} {
		got, pb := TaskDate(c.in, false)
		if !got.Equal(c.want) || pb != c.pb {
			t.Errorf("TaskDate(%q) = %v %q, want %v %q", c.in, got, pb, c.want, c.pb)
		}
	}
}
