package dashboard

import (
	"testing"

	"github.com/secdesk/secdesk/store"
)

// TestTaskAlerts: overdue first, then a rectification due this week, then
// an inspection missing this month; a task done or reported needs nothing.
func TestTaskAlerts(t *testing.T) {
	today := store.NewDate(2026, 6, 10)
	task := func(number string, start, deadline store.Date) store.Task {
		return store.Task{ID: store.NewID(), Number: number, Title: number, Start: start, Deadline: deadline,
			Events: []store.TaskEvent{{Step: store.StepCreate, Date: start}, {Step: store.StepAssign, Date: start}}}
	}
	reported := func(t store.Task, fix store.Date) store.Task {
		t.Inspections = []store.Inspection{{Round: "2026-06", Date: store.NewDate(2026, 6, 2), Progress: "推进", Percent: -1, FixBy: fix}}
		return t
	}
	overdue := reported(task("2026-003", store.NewDate(2026, 1, 5), store.NewDate(2026, 5, 31)), store.Date{})
	fix := reported(task("2026-002", store.NewDate(2026, 1, 5), store.NewDate(2026, 12, 31)), today.AddDays(3))
	missing := task("2026-001", store.NewDate(2026, 1, 5), store.NewDate(2026, 12, 31))
	fine := reported(task("2026-004", store.NewDate(2026, 1, 5), store.NewDate(2026, 12, 31)), store.Date{})
	done := task("2026-005", store.NewDate(2026, 1, 5), store.NewDate(2026, 3, 31))
	done.Events = append(done.Events, store.TaskEvent{Step: store.StepDone, Date: store.NewDate(2026, 3, 20)})
	alerts, n := taskAlerts([]store.Task{missing, fix, overdue, fine, done}, today)
	if n != (taskCounts{overdue: 1, fixDue: 1, missing: 1}) || len(alerts) != 3 {
		t.Fatalf("counts %+v, %d alerts", n, len(alerts))
	}
	want := []string{"逾期 10 天", "整改 3 天后到期", "本月未报督查"}
	for i, a := range alerts {
		if got := taskAlertText(a, today); got != want[i] {
			t.Errorf("alert %d (%s) = %q, want %q", i, a.t.Number, got, want[i])
		}
	}
}
