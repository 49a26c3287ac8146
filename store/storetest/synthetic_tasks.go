package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/secdesk/secdesk/store"
)

// SyntheticTasks returns n fictitious tasks, the same for the same n and
// seed, started over 2016–2026 with a deadline 3–12 months on, assigned,
// each with up to inspections monthly inspections (a few rounds missing),
// some done and closed, some extended: the shape of a real task list at
// the scale DESIGN.md §4 asks for (20,000 tasks, 100,000 inspections).
// IDs and numbers are set, so the tasks can be used without a store.
func SyntheticTasks(n, inspections int, seed int64) []store.Task {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7a5c))
	units := []string{"潍坊职业学院", "山东海化集团有限公司", "潍坊市技师学院", "寿光蔬菜产业集团", "潍坊银行", "秘书处"}
	out := make([]store.Task, n)
	for i := range out {
		start := store.NewDate(2016, time.January, 4).AddDays(rng.IntN(10 * 365))
		t := store.Task{ID: store.NewID(), Number: fmt.Sprintf("%d-%05d", start.Year(), i+1),
			Title: fmt.Sprintf("重点任务%05d：推进产教融合项目建设", i), Requirement: "按计划推进，每月报送进展",
			Lead: store.UnitRef{Name: units[i%len(units)]}, Units: []store.UnitRef{{Name: units[(i+1)%len(units)]}},
			Person: "张成刚", Start: start, Deadline: start.AddMonths(3 + rng.IntN(10)),
			Source: store.TaskSource{Kind: store.SourcePlan, Text: "年度工作要点"}}
		t.Events = []store.TaskEvent{{ID: store.NewID(), Step: store.StepCreate, Date: start},
			{ID: store.NewID(), Step: store.StepAssign, Date: start.AddDays(3)}}
		round := store.Round(start)
		for j := range inspections {
			if rng.IntN(10) == 0 {
				round = store.NextRound(round) // a gap
				continue
			}
			day := store.RoundStart(round).AddDays(19)
			t.Inspections = append(t.Inspections, store.Inspection{Round: round, Date: day, Inspector: "李华",
				Progress: fmt.Sprintf("第%d次督查：按计划推进", j+1), Percent: min(100, (j+1)*100/max(inspections, 1))})
			round = store.NextRound(round)
		}
		if rng.IntN(3) == 0 {
			done := t.Deadline.AddDays(-rng.IntN(20))
			t.Events = append(t.Events, store.TaskEvent{ID: store.NewID(), Step: store.StepDone, Date: done},
				store.TaskEvent{ID: store.NewID(), Step: store.StepClose, Date: done.AddDays(5)})
		} else if rng.IntN(5) == 0 {
			t.Extensions = []store.Extension{{ID: store.NewID(), Requested: t.Deadline.AddDays(-10), Reason: "设备采购延后",
				NewDeadline: t.Deadline.AddMonths(2), Decision: store.ExtApproved, Decided: t.Deadline.AddDays(-5)}}
		}
		out[i] = t
	}
	return out
}
