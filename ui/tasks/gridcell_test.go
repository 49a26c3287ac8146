package tasks

import (
	"testing"

	"github.com/secdesk/secdesk/store"
)

// TestGridGapOnlyWhenDue: a round without an inspection is 未报 once it has
// ended, or in the round in progress after the reporting day (25th).
func TestGridGapOnlyWhenDue(t *testing.T) {
	task := store.Task{Number: "2026-001", Title: "任务", Lead: store.UnitRef{Name: "秘书处"},
		Start: store.NewDate(2026, 1, 5), Deadline: store.NewDate(2026, 12, 31),
		Events: []store.TaskEvent{{Step: store.StepCreate, Date: store.NewDate(2026, 1, 5)}}}
	for _, c := range []struct {
		round string
		today store.Date
		gap   bool
	}{
		{"2026-03", store.NewDate(2026, 3, 10), false},
		{"2026-03", store.NewDate(2026, 3, 26), true},
		{"2026-02", store.NewDate(2026, 3, 10), true},
	} {
		if got := gridCellOf(&task, c.round, c.today, store.FlagRules{}); got.gap != c.gap {
			t.Errorf("%s on %s: gap %v, want %v", c.round, c.today, got.gap, c.gap)
		}
	}
}
