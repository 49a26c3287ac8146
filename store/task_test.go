package store

import (
	"strings"
	"testing"
)

// baseTask starts 2026-01-05, is assigned on the 10th and is due
// 2026-06-30.
func baseTask() Task {
	return Task{Number: "2026-001", Title: "建设实训基地", Lead: UnitRef{Name: "潍坊职业学院"},
		Start: NewDate(2026, 1, 5), Deadline: NewDate(2026, 6, 30),
		Events: []TaskEvent{{Step: StepCreate, Date: NewDate(2026, 1, 5)}, {Step: StepAssign, Date: NewDate(2026, 1, 10)}}}
}

func TestFlagRules(t *testing.T) {
	d := NewDate
	withInspection := func(t Task, round string, day Date, fix Date) Task {
		t.Inspections = append(t.Inspections, Inspection{Round: round, Date: day, Progress: "推进", Percent: -1, FixBy: fix})
		return t
	}
	cases := []struct {
		name string
		task Task
		day  Date
		want Flag
	}{
		{"before it starts", baseTask(), d(2026, 1, 1), FlagNone},
		{"on schedule, inspected", withInspection(baseTask(), "2026-03", d(2026, 3, 20), Date{}), d(2026, 3, 28), FlagGreen},
		{"no inspection after the 25th", baseTask(), d(2026, 3, 26), FlagYellow},
		{"no inspection by the 25th is not yet late", baseTask(), d(2026, 3, 25), FlagGreen},
		{"seven days before the deadline", withInspection(baseTask(), "2026-06", d(2026, 6, 2), Date{}), d(2026, 6, 23), FlagYellow},
		{"eight days before", withInspection(baseTask(), "2026-06", d(2026, 6, 2), Date{}), d(2026, 6, 22), FlagGreen},
		{"past the deadline", baseTask(), d(2026, 7, 1), FlagRed},
		{"rectification due in a week", withInspection(baseTask(), "2026-04", d(2026, 4, 3), d(2026, 4, 10)), d(2026, 4, 4), FlagYellow},
		{"rectification passed", withInspection(baseTask(), "2026-04", d(2026, 4, 3), d(2026, 4, 10)), d(2026, 4, 20), FlagYellow},
		{"rectification answered by a later inspection", withInspection(withInspection(baseTask(), "2026-04", d(2026, 4, 3), d(2026, 4, 10)),
			"2026-05", d(2026, 5, 3), Date{}), d(2026, 5, 20), FlagGreen},
	}
	milestone := baseTask()
	milestone.Milestones = []Milestone{{Date: d(2026, 3, 31), Expected: "完成设计"}}
	milestone = withInspection(milestone, "2026-04", d(2026, 4, 2), Date{})
	cases = append(cases, struct {
		name string
		task Task
		day  Date
		want Flag
	}{"a milestone missed", milestone, d(2026, 4, 10), FlagYellow})
	reached := milestone.Clone()
	reached.Milestones[0].Reached = d(2026, 3, 30)
	cases = append(cases, struct {
		name string
		task Task
		day  Date
		want Flag
	}{"the milestone reached", reached, d(2026, 4, 10), FlagGreen})
	extended := baseTask()
	extended.Extensions = []Extension{{Requested: d(2026, 6, 1), NewDeadline: d(2026, 9, 30), Decision: ExtApproved, Decided: d(2026, 7, 15)}}
	extended = withInspection(withInspection(extended, "2026-07", d(2026, 7, 20), Date{}), "2026-08", d(2026, 8, 3), Date{})
	cases = append(cases,
		struct {
			name string
			task Task
			day  Date
			want Flag
		}{"red until the extension is approved", extended, d(2026, 7, 10), FlagRed},
		struct {
			name string
			task Task
			day  Date
			want Flag
		}{"green after it", extended, d(2026, 8, 10), FlagGreen})
	done := baseTask()
	done.Events = append(done.Events, TaskEvent{Step: StepDone, Date: d(2026, 6, 20)})
	stopped := baseTask()
	stopped.Events = append(stopped.Events, TaskEvent{Step: StepStop, Date: d(2026, 5, 20)})
	cases = append(cases,
		struct {
			name string
			task Task
			day  Date
			want Flag
		}{"done is green, even late", done, d(2026, 8, 1), FlagGreen},
		struct {
			name string
			task Task
			day  Date
			want Flag
		}{"stopped has none", stopped, d(2026, 8, 1), FlagNone})
	for _, c := range cases {
		if got := c.task.FlagOn(c.day, FlagRules{}); got != c.want {
			t.Errorf("%s (%s): %q, want %q", c.name, c.day, got, c.want)
		}
	}
	// Orange, where used: the last 15 % of the time.
	late := withInspection(baseTask(), "2026-06", d(2026, 6, 2), Date{})
	if got := late.FlagOn(d(2026, 6, 10), FlagRules{Orange: true}); got != FlagOrange {
		t.Errorf("orange: %q", got)
	}
	if got := late.FlagOn(d(2026, 6, 10), FlagRules{}); got != FlagGreen {
		t.Errorf("without orange: %q", got)
	}
}

func TestDueInRound(t *testing.T) {
	task := baseTask()
	for round, want := range map[string]bool{"2025-12": false, "2026-01": true, "2026-02": true} {
		if got := task.DueInRound(round); got != want {
			t.Errorf("monthly %s: %v", round, got)
		}
	}
	task.Frequency = Frequency{Months: 3}
	for round, want := range map[string]bool{"2026-01": true, "2026-02": false, "2026-04": true, "2026-07": true} {
		if got := task.DueInRound(round); got != want {
			t.Errorf("quarterly %s: %v", round, got)
		}
	}
	task.Frequency = Frequency{Weeks: 6} // 1-05, 2-16, 3-30, 5-11 …
	for round, want := range map[string]bool{"2026-01": true, "2026-02": true, "2026-03": true, "2026-04": false, "2026-05": true} {
		if got := task.DueInRound(round); got != want {
			t.Errorf("every six weeks %s: %v", round, got)
		}
	}
}

func TestRoundFlagOfRecordedAndCorrected(t *testing.T) {
	task := baseTask()
	task.Flags = []RoundFlag{{Round: "2026-07", Auto: FlagRed, Flag: FlagYellow, Reason: "已补报"}}
	today := NewDate(2026, 11, 15)
	if f, rec := task.RoundFlagOf("2026-07", today, FlagRules{}); f != FlagYellow || !rec {
		t.Fatalf("recorded July: %q %v", f, rec)
	}
	if f, rec := task.RoundFlagOf("2026-08", today, FlagRules{}); f != FlagRed || rec {
		t.Fatalf("August from the rules: %q %v", f, rec)
	}
}

func TestParseRoundAndQuarters(t *testing.T) {
	for in, want := range map[string]string{"2026-11": "2026-11", "2026-1": "2026-01", "2026年3月": "2026-03", "2026/12": "2026-12"} {
		if got, err := ParseRound(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := ParseRound("2026-13"); err == nil {
		t.Error("2026-13 accepted")
	}
	if r, err := QuarterRounds("2026-Q4"); err != nil || strings.Join(r, ",") != "2026-10,2026-11,2026-12" {
		t.Errorf("Q4: %v %v", r, err)
	}
	if QuarterOf(NewDate(2026, 5, 1)) != "2026-Q2" || RoundEnd("2026-02") != NewDate(2026, 2, 28) || NextRound("2026-12") != "2027-01" {
		t.Error("quarter or round arithmetic")
	}
}

// TestBulletinNumbersEqualTheLedger: the bulletin's sentence is made of
// the ledger's own counts.
func TestBulletinNumbersEqualTheLedger(t *testing.T) {
	d := NewDate
	var tasks []Task
	for i := range 6 {
		task := baseTask()
		task.Number = "2026-00" + string(rune('1'+i))
		task.Title = "任务" + string(rune('甲'+i))
		tasks = append(tasks, task)
	}
	tasks[0].Events = append(tasks[0].Events, TaskEvent{Step: StepDone, Date: d(2026, 3, 10)})
	tasks[1].Inspections = []Inspection{{Round: "2026-03", Date: d(2026, 3, 20), Progress: "顺利", Percent: 60}}                    // ahead
	tasks[2].Inspections = []Inspection{{Round: "2026-03", Date: d(2026, 3, 20), Progress: "一般", Percent: 40}}                    // on
	tasks[3].Inspections = []Inspection{{Round: "2026-03", Date: d(2026, 3, 20), Progress: "滞后", Percent: 10, Problems: "资金未到位"}} // behind
	tasks[4].Deadline = d(2026, 3, 15)                                                                                            // overdue, no report
	tasks[5].Inspections = []Inspection{{Round: "2026-03", Date: d(2026, 3, 20), Progress: "推进", Percent: -1}}                    // on
	l := BuildLedger(tasks, "2026-03", d(2026, 4, 10), FlagRules{})
	s := l.Summarize()
	got := map[Bucket]int{}
	overdue, missing := 0, 0
	for _, r := range l.Rows {
		got[r.Bucket]++
		if r.Overdue {
			overdue++
		}
		if r.Due && r.Inspection == nil {
			missing++
		}
	}
	if len(l.Rows) != 6 || got[BucketDone] != 1 || got[BucketAhead] != 1 || got[BucketBehind] != 2 || got[BucketOn] != 2 ||
		overdue != 1 || missing != 1 {
		t.Fatalf("ledger buckets %v, overdue %d, missing %d", got, overdue, missing)
	}
	b := NewBulletin(s, 3, "潍海市化工职业教育集团秘书处", d(2026, 4, 10))
	want := "2026年3月，共督查任务6项。截至3月31日，已办结1项，占比16.7%；正在办理5项，占比83.3%。" +
		"其中达进度2项，占比33.3%；超进度1项，占比16.7%；欠进度2项，占比33.3%；逾期1项；本月应报未报督查记录1项。"
	if b.Overview != want {
		t.Fatalf("overview\n got %s\nwant %s", b.Overview, want)
	}
	if len(b.Problems) != 2 || !strings.Contains(b.Problems[0], "事项2026-004") || !strings.Contains(b.Problems[0], "资金未到位") ||
		!strings.Contains(b.Problems[1], "事项2026-005") || !strings.Contains(b.Problems[1], "已逾期") || !strings.Contains(b.Problems[1], "本月未报送督查记录") {
		t.Fatalf("problems %q", b.Problems)
	}
	if len(s.New) != 0 || len(s.Ended) != 1 || len(s.Active) != 5 || len(s.Units) != 1 || s.Units[0].Open != 5 || s.Units[0].DoneThisMonth != 1 {
		t.Fatalf("summary new %d ended %d active %d units %+v", len(s.New), len(s.Ended), len(s.Active), s.Units)
	}
	rs := l.Reminders(FlagRules{})
	if len(rs) != 1 || len(rs[0].Overdue) != 1 || len(rs[0].Open) != 4 {
		t.Fatalf("reminders %+v", rs)
	}
}
