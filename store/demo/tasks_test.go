package demo_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/demo"
)

// taskToday is the last day of the tasks' story (testdata/demo/gen).
var taskToday = store.NewDate(2026, 11, 30)

// loadDemo loads the whole demo into a new file.
func loadDemo(t *testing.T) (store.Store, demo.Data) {
	t.Helper()
	d, err := demo.ParseData(readDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := bolt.OpenStore(filepath.Join(t.TempDir(), "demo.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.LoadData(context.Background(), s, d, nil); err != nil {
		t.Fatal(err)
	}
	return s, d
}

// TestLoadTasks checks the year of supervision as the lists will show it
// at the end of November 2026.
func TestLoadTasks(t *testing.T) {
	ctx := context.Background()
	s, d := loadDemo(t)
	ts, err := s.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != len(d.Tasks.Tasks) || len(ts) < 30 || len(ts) > 40 {
		t.Fatalf("%d tasks loaded of %d", len(ts), len(d.Tasks.Tasks))
	}
	status, fromMeetings, inspections, problems := map[store.TaskStatus]int{}, 0, 0, 0
	for i := range ts {
		task := &ts[i]
		st := task.StateOn(taskToday)
		status[st.Status]++
		if task.Source.Kind == store.SourceMeeting {
			fromMeetings++
		}
		inspections += len(task.Inspections)
		for _, in := range task.Inspections {
			if in.Problems != "" && in.Measures != "" && !in.FixBy.IsZero() {
				problems++
			}
		}
		checkProcess(t, task)
	}
	if fromMeetings*100/len(ts) < 55 || fromMeetings*100/len(ts) > 70 {
		t.Errorf("%d of %d tasks from meetings", fromMeetings, len(ts))
	}
	if status[store.TaskClosed] < 15 || status[store.TaskDone] < 1 || status[store.TaskStopped] != 1 || status[store.TaskActive] < 8 {
		t.Errorf("statuses on %s: %v", taskToday, status)
	}
	if inspections < 150 || problems < 6 {
		t.Errorf("%d inspections, %d with problems, measures and a fix-by day", inspections, problems)
	}
	checkExtensions(t, ts)
	checkFlags(t, ts)
	checkDispatches(t, s, ts)
	checkItemsInStep(t, s, ts)
}

// checkProcess: 交办 within days of 立项; 销号 after 办结.
func checkProcess(t *testing.T, task *store.Task) {
	t.Helper()
	if len(task.Events) < 2 || task.Events[0].Step != store.StepCreate || task.Events[1].Step != store.StepAssign ||
		task.Start.DaysUntil(task.Events[1].Date) > 5 {
		t.Errorf("%s: process starts %+v", task.Number, task.Events[:min(2, len(task.Events))])
	}
	if st := task.StateOn(taskToday); st.Status == store.TaskClosed && task.Events[len(task.Events)-2].Step != store.StepDone {
		t.Errorf("%s closed without 办结 just before", task.Number)
	}
}

// checkExtensions: one approved by hand, one refused, one deadline moved
// by a dispatch; the original deadlines kept.
func checkExtensions(t *testing.T, ts []store.Task) {
	t.Helper()
	n := map[store.ExtDecision]int{}
	for i := range ts {
		for _, x := range ts[i].Extensions {
			n[x.Decision]++
			if x.Decision == store.ExtApproved && !ts[i].StateOn(taskToday).Extended() {
				t.Errorf("%s: approved extension not in force", ts[i].Number)
			}
		}
	}
	if n[store.ExtApproved] != 2 || n[store.ExtRefused] != 1 || n[store.ExtPending] != 0 {
		t.Errorf("extensions by decision %v", n)
	}
}

// checkFlags: every ended round recorded for every task existing then;
// one red round corrected, with the round after it green; some rounds
// without their report.
func checkFlags(t *testing.T, ts []store.Task) {
	t.Helper()
	var corrected []store.RoundFlag
	missing := 0
	for i := range ts {
		task := &ts[i]
		for _, r := range task.Rounds(taskToday) {
			f, recorded := task.RoundFlagOf(r, store.Today(), store.FlagRules{})
			if !recorded && store.RoundEnd(r).Before(store.Today()) { // the loader records only ended rounds
				t.Errorf("%s: %s not recorded", task.Number, r)
			}
			if f == store.FlagYellow && task.DueInRound(r) && task.Inspection(r) == nil && task.StateOn(store.RoundEnd(r)).Status.Open() {
				missing++
			}
		}
		for _, f := range task.Flags {
			if f.Flag != f.Auto {
				corrected = append(corrected, f)
				next, _ := task.RoundFlagOf(store.NextRound(f.Round), store.Today(), store.FlagRules{})
				if f.Auto != store.FlagRed || f.Flag != store.FlagYellow || f.Reason == "" || next != store.FlagGreen {
					t.Errorf("%s: corrected %+v, then %s", task.Number, f, next)
				}
			}
		}
	}
	if len(corrected) != 1 || missing < 4 {
		t.Errorf("%d corrected flags, %d rounds missing a report", len(corrected), missing)
	}
}

// checkDispatches: the three quarters at their 调度会, deciding on every
// task open then, with each kind of decision the demo shows.
func checkDispatches(t *testing.T, s store.Store, ts []store.Task) {
	t.Helper()
	ctx := context.Background()
	ds, err := s.Dispatches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[store.DispatchCode]int{}
	var quarters []string
	for _, d := range ds {
		quarters = append(quarters, d.Quarter)
		if m, err := s.Meeting(ctx, d.MeetingID); err != nil || m.Kind != "季度调度会" || !m.Date.Equal(d.Date) {
			t.Errorf("%s held at %+v (%v)", d.Quarter, m.Title, err)
		}
		for _, dec := range d.Decisions {
			codes[dec.Decision]++
		}
	}
	if !slices.Equal(quarters, []string{"2026-Q1", "2026-Q2", "2026-Q3"}) || codes[store.DispatchContinue] < 20 ||
		codes[store.DispatchDeadline] != 1 || codes[store.DispatchEscalate] != 1 || codes[store.DispatchClose] != 1 {
		t.Errorf("dispatches %v, decisions %v", quarters, codes)
	}
	escalated := slices.IndexFunc(ts, func(t store.Task) bool { return t.Escalated })
	if escalated < 0 || !taskToday.After(ts[escalated].StateOn(taskToday).Deadline) {
		t.Error("no escalated task still overdue")
	}
}

// checkItemsInStep: an item made a task names it, and is done exactly
// when the task was (so the meetings' lists stay as their file has them).
func checkItemsInStep(t *testing.T, s store.Store, ts []store.Task) {
	t.Helper()
	ms, err := s.Meetings(context.Background(), store.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uuid.UUID]*store.Task{}
	for i := range ts {
		byID[ts[i].ID] = &ts[i]
	}
	linked := 0
	for _, m := range ms {
		for _, it := range m.Items {
			task := byID[it.TaskID]
			if task == nil {
				continue
			}
			linked++
			st := task.StateOn(taskToday)
			done := !st.Status.Open() && st.Status != store.TaskStopped
			if done == it.Done.IsZero() || task.Source.ItemID != it.ID {
				t.Errorf("%s: item done %s, task %s", task.Number, it.Done, st.Status)
			}
		}
	}
	if linked < 20 {
		t.Errorf("only %d items are tasks", linked)
	}
}
