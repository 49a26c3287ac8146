package tasks

import (
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// BenchmarkTaskList20000 prepares 20,000 tasks of five inspections each
// for the list (off the UI thread, once per load or 截至日期).
func BenchmarkTaskList20000(b *testing.B) {
	tasks := storetest.SyntheticTasks(20000, 5, 1)
	today := store.Today()
	for b.Loop() {
		newTaskList(tasks, today, store.FlagRules{})
	}
}

// BenchmarkTaskFilter20000 is one keystroke in the search box over
// 20,000 tasks (on the UI thread).
func BenchmarkTaskFilter20000(b *testing.B) {
	l := newTaskList(storetest.SyntheticTasks(20000, 5, 1), store.Today(), store.FlagRules{})
	var f taskFilter
	f.setQuery("重点任务0012")
	var out []int
	for b.Loop() {
		out = l.filter(f, out)
	}
}

// BenchmarkRoundGrid200x12 derives the round grid of 200 tasks over the
// twelve months of a year.
func BenchmarkRoundGrid200x12(b *testing.B) {
	tasks := storetest.SyntheticTasks(200, 12, 2)
	today := store.Today()
	year := today.Year()
	for i := range tasks { // every task alive in the year
		tasks[i].Start = store.NewDate(year, 1, 3).AddDays(i % 60)
		tasks[i].Deadline = tasks[i].Start.AddMonths(14)
		for j := range tasks[i].Events {
			tasks[i].Events[j].Date = tasks[i].Start
		}
	}
	for b.Loop() {
		g := newRoundGrid(tasks, year, "", today, store.FlagRules{})
		if len(g.rows) != 200 {
			b.Fatalf("rows = %d", len(g.rows))
		}
	}
}
