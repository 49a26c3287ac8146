package xlsx

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// benchTasks are n tasks of the fixture's kinds, each with five monthly
// inspections (2026-07 to 2026-11) and a recorded flag.
func benchTasks(n int) []store.Task {
	base := fixtureTasks()
	out := make([]store.Task, 0, n)
	for i := range n {
		t := base[3].Clone() // 2026-001: extended, escalated, every column filled
		t.ID, t.Number = store.NewID(), fmt.Sprintf("2026-%05d", i+1)
		t.Title = fmt.Sprintf("建设区域共享型化工实训基地第%d期工程", i+1)
		t.Lead = unit(i % len(taskUnits))
		out = append(out, t)
	}
	return out
}

// BenchmarkTaskLedger20000 builds the ledger of 20,000 tasks of five
// inspections each and writes it; the target is 2 s an op.
func BenchmarkTaskLedger20000(b *testing.B) {
	tasks := benchTasks(20000)
	if len(tasks[0].Inspections) != 5 {
		b.Fatalf("%d inspections", len(tasks[0].Inspections))
	}
	path := filepath.Join(b.TempDir(), "台账.xlsx")
	peak := startPeakHeap()
	for b.Loop() {
		l := store.BuildLedger(tasks, taskRound, taskToday, taskRules)
		if err := WriteTaskLedger(path, l, store.LedgerFilter{}, taskGroup); err != nil {
			b.Fatal(err)
		}
	}
	peak.report(b)
}
