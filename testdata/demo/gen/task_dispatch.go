package main

import (
	"fmt"
	"maps"
	"slices"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// dispatchDays are the quarters' 季度调度, held at the quarter's 工作调度会.
var dispatchDays = map[string]string{"2026-Q1": "2026-03-27", "2026-Q2": "2026-06-26", "2026-Q3": "2026-09-25"}

// dispatches decide on every task open on the day and opened before it
// (the meeting's own new items are not yet reviewed): 继续推进 unless the
// task's story says otherwise, with a word for those behind.
func (t *tgen) dispatches(specs []tspec) []demo.Dispatch {
	var out []demo.Dispatch
	for _, q := range slices.Sorted(maps.Keys(dispatchDays)) {
		d := day(dispatchDays[q])
		title := fmt.Sprintf("2026年第%s季度工作调度会", cn(int(q[len(q)-1]-'0')))
		dp := demo.Dispatch{Quarter: q, Date: d, Meeting: title, Note: title + "逐项听取牵头单位汇报，确定各督办事项下一阶段安排。"}
		for i := range specs {
			s := &specs[i]
			if !day(s.start).Before(d) || !s.openOn(d, q) {
				continue
			}
			dec, ok := s.decisions[q]
			if !ok {
				dec = demo.Decision{Decision: string(store.DispatchContinue), Requirement: s.behindWord(d)}
			}
			dec.Task = t.numbers[s.title]
			dp.Decisions = append(dp.Decisions, dec)
		}
		out = append(out, dp)
	}
	return out
}

// openOn reports whether the task is still open when quarter q's
// dispatch meets on d: not yet done or stopped, or done by this dispatch.
func (s *tspec) openOn(d store.Date, q string) bool {
	if dec, ok := s.decisions[q]; ok && dec.Decision == string(store.DispatchClose) {
		return true
	}
	end := s.stop != nil || s.done != ""
	return !end || day(s.end()).After(d)
}

// behindWord is what the dispatch asks of a task behind on d: overdue,
// or lagging by its story; "" (继续推进) for the others.
func (s *tspec) behindWord(d store.Date) string {
	switch {
	case d.After(s.deadlineOn(d)):
		return "已逾期，请牵头单位抓紧办理，每两周报送一次进展"
	case s.lag > 0:
		return "进度滞后，请牵头单位于下月督查前报送整改措施"
	}
	return ""
}

// checkTasks checks what the loader and the demo's story rely on beyond
// what the store itself refuses on loading: dates within the story, a
// done item task done on its item's day, a corrected flag that the
// rules had given otherwise, and each dispatch's 办结销号 on the day.
func checkTasks(f demo.Tasks, specs []tspec) error {
	if n := len(f.Tasks); n < 30 || n > 40 {
		return fmt.Errorf("%d tasks, want 30–40", n)
	}
	items := 0
	for i := range f.Tasks {
		dt := &f.Tasks[i]
		if dt.Meeting != "" {
			items++
		}
		for _, in := range dt.Inspections {
			if in.Date.String() > taskToday || store.Round(in.Date) != in.Round && store.Round(in.Date) != store.NextRound(in.Round) {
				return fmt.Errorf("%s: inspection of %s on %s", dt.Number, in.Round, in.Date)
			}
		}
		for _, st := range dt.Steps {
			if st.Date.String() > taskToday {
				return fmt.Errorf("%s: %s on %s", dt.Number, st.Step, st.Date)
			}
		}
	}
	if items*100/len(f.Tasks) < 55 || items*100/len(f.Tasks) > 70 {
		return fmt.Errorf("%d of %d tasks from meetings, want about 60%%", items, len(f.Tasks))
	}
	for i := range specs {
		if err := checkFlags(&specs[i], &f.Tasks[i]); err != nil {
			return fmt.Errorf("%s: %v", f.Tasks[i].Number, err)
		}
	}
	return nil
}

// checkFlags replays a task's history into a store.Task and checks that
// each corrected round's flag really was another by the rules.
func checkFlags(s *tspec, dt *demo.Task) error {
	t := store.Task{Start: day(s.start), Deadline: day(s.deadline), Frequency: store.Frequency{Months: s.months}}
	for _, m := range dt.Milestones {
		t.Milestones = append(t.Milestones, store.Milestone{Date: m.Date, Expected: m.Expected})
	}
	for _, in := range dt.Inspections {
		t.Inspections = append(t.Inspections, store.Inspection{Round: in.Round, Date: in.Date, Progress: in.Progress,
			Percent: in.Percent, FixBy: in.FixBy})
		for j := range t.Milestones {
			if t.Milestones[j].Expected == in.Milestone && t.Milestones[j].Reached.IsZero() {
				t.Milestones[j].Reached = in.Date
			}
		}
	}
	for _, st := range dt.Steps {
		t.Events = append(t.Events, store.TaskEvent{Step: store.TaskStep(st.Step), Date: st.Date})
	}
	for _, x := range dt.Extensions {
		t.Extensions = append(t.Extensions, store.Extension{Requested: x.Requested, NewDeadline: x.NewDeadline,
			Decision: store.ExtDecision(x.Decision), Decided: x.Decided})
	}
	for _, c := range dt.Corrections {
		if auto := t.FlagOn(store.RoundEnd(c.Round), store.FlagRules{}); auto == store.Flag(c.Flag) {
			return fmt.Errorf("%s corrected to %s, which the rules gave", c.Round, c.Flag)
		}
	}
	for q, dec := range s.decisions {
		if dec.Decision == string(store.DispatchClose) && s.done != dispatchDays[q] {
			return fmt.Errorf("closed by the %s dispatch, done on %s", q, s.done)
		}
	}
	return nil
}
