package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// taskToday is the last day of the tasks' story: a month past the
// meetings' today, so that the round 2026-11 — the last one ended on the
// program's clock when the demo was written (2026-12-01) — is complete
// and the ledger a clerk opens now is not a month of gaps.
const taskToday = "2026-11-30"

// tspec is one task as the generator plans it: an agreed item (meeting,
// item: the item's task text) or a task of the plan (its own fields),
// and its story.
type tspec struct {
	meeting, item                string
	title, requirement, category string
	lead                         string
	units                        []string
	start, deadline              string
	months                       int // 反馈频次; 0 monthly
	milestones                   []mileSpec
	kind                         string   // the stages the progress texts follow (workSets), unless work is given
	work                         []string // the stages of the work, in order
	done, doneText               string   // 办结 (an item's is the item's Done day); "" still open
	closeAfter                   int      // days from 办结 to 销号 (0: by hash, 6–13)
	byDispatch                   bool     // done and closed by a dispatch's 办结销号
	stop                         *stepSpec
	missing                      []string       // rounds left without an inspection (then 催办)
	lag                          int            // points behind the schedule
	percents                     map[string]int // fixed percents by round
	issues                       map[string]issue
	ext                          *demo.Extension
	decisions                    map[string]demo.Decision // a dispatch's, by quarter, other than 继续推进
	corrections                  []demo.Correction
	urges                        []stepSpec
}

type mileSpec struct {
	date, expected string
	late           string // the round that reports it reached, if not its own
}

type stepSpec struct{ date, text string }

// issue is a round's 存在问题, 整改措施 and 整改时限; a 反馈 of the
// rectification follows on the fix-by day.
type issue struct{ problems, measures, fixBy string }

// tgen writes the task file from the plan and the meetings already made.
type tgen struct {
	g        *mgen
	meetings map[string]demo.Meeting
	numbers  map[string]string // number by title
}

func tasks(r *registry, mt demo.Meetings) (demo.Tasks, error) {
	t := &tgen{g: &mgen{r: r}, meetings: map[string]demo.Meeting{}, numbers: map[string]string{}}
	for _, m := range mt.Meetings {
		t.meetings[m.Title] = m
	}
	specs := taskPlan()
	for i := range specs {
		if err := t.fromItem(&specs[i]); err != nil {
			return demo.Tasks{}, err
		}
	}
	slices.SortStableFunc(specs, func(a, b tspec) int { return cmp.Compare(a.start, b.start) })
	f := demo.Tasks{Note: "虚构的演示数据：督办任务、督查记录和人员均为编造，如有雷同纯属巧合。"}
	seq := map[string]int{}
	for i := range specs {
		s := &specs[i]
		seq[s.start[:4]]++
		t.numbers[s.title] = fmt.Sprintf("%s-%03d", s.start[:4], seq[s.start[:4]])
		f.Tasks = append(f.Tasks, t.task(s))
	}
	if len(t.numbers) != len(specs) {
		return f, fmt.Errorf("two tasks have the same title")
	}
	f.Dispatches = t.dispatches(specs)
	for r := "2025-11"; r <= store.Round(day(taskToday)); r = store.NextRound(r) {
		f.Recorded = append(f.Recorded, r)
	}
	return f, checkTasks(f, specs)
}

// fromItem fills an item's task from its meeting: the units and dates
// TaskFromItem will give it, and its 办结 day, the item's Done (the store
// keeps the two in step, so a task made from an item not done stays open
// or is stopped).
func (t *tgen) fromItem(s *tspec) error {
	if s.meeting == "" {
		return nil
	}
	m, ok := t.meetings[s.meeting]
	if !ok {
		return fmt.Errorf("no meeting %s", s.meeting)
	}
	i := slices.IndexFunc(m.Items, func(it demo.Item) bool { return strings.HasSuffix(it.Text, "前"+s.item+"。") })
	if i < 0 {
		return fmt.Errorf("%s: no item %s", s.meeting, s.item)
	}
	it := m.Items[i]
	s.title = cmp.Or(s.title, s.item)
	s.item, s.lead, s.units = it.Text, it.Lead, it.Units
	s.start, s.deadline = m.Date.String(), it.Due.String()
	if !it.Done.IsZero() {
		s.done = it.Done.String()
	}
	if s.stop != nil && s.done != "" {
		return fmt.Errorf("%s: stopped, but the item is done", s.title)
	}
	return nil
}

// task writes one task's file entry with its history.
func (t *tgen) task(s *tspec) demo.Task {
	dt := demo.Task{Number: t.numbers[s.title], Title: s.title, Category: s.category, Start: day(s.start)}
	if s.meeting != "" {
		dt.Meeting, dt.Item, dt.Requirement = s.meeting, s.item, s.item
	} else {
		dt.Requirement, dt.Source, dt.SourceDate = s.requirement, planName, day(planDate)
		dt.Lead, dt.Units, dt.Person = s.lead, s.units, t.g.owner(s.lead, s.start)
		dt.Deadline, dt.Months = day(s.deadline), s.months
		for _, m := range s.milestones {
			dt.Milestones = append(dt.Milestones, demo.Milestone{Date: day(m.date), Expected: m.expected})
		}
	}
	dt.Steps = t.steps(s)
	dt.Inspections = t.inspections(s)
	if s.ext != nil {
		dt.Extensions = []demo.Extension{*s.ext}
	}
	dt.Corrections = s.corrections
	return dt
}

// steps are the process by hand: 交办 a few days after 立项, a 催办 after
// each round left without a report and as the plan says, a 反馈 on each
// rectification's day, then 办结 and 销号 (or 中止).
func (t *tgen) steps(s *tspec) []demo.Step {
	start := day(s.start)
	assign := "印发督办通知，交" + s.lead + "牵头办理"
	if s.meeting == "" {
		assign = "印发《" + planName + "》任务分解表，交" + s.lead + "牵头落实"
	}
	out := []demo.Step{{Step: string(store.StepAssign), Date: start.AddDays(1 + int(hash(s.title, "assign")%3)), Text: assign}}
	for _, r := range s.missing {
		d := store.RoundEnd(r).AddDays(2 + int(hash(s.title, r)%3))
		out = append(out, demo.Step{Step: string(store.StepUrge), Date: d, Text: roundWord(r) + "督查记录未按时报送，已电话催办"})
	}
	for _, u := range s.urges {
		out = append(out, demo.Step{Step: string(store.StepUrge), Date: day(u.date), Text: u.text})
	}
	for _, r := range slices.Sorted(maps.Keys(s.issues)) {
		if fix := s.issues[r].fixBy; fix != "" && fix <= taskToday && (s.done == "" || fix < s.done) {
			out = append(out, demo.Step{Step: string(store.StepReport), Date: day(fix), Text: "整改情况已书面反馈秘书处"})
		}
	}
	switch {
	case s.stop != nil:
		out = append(out, demo.Step{Step: string(store.StepStop), Date: day(s.stop.date), Text: s.stop.text})
	case s.done != "" && !s.byDispatch:
		out = append(out, demo.Step{Step: string(store.StepDone), Date: day(s.done), Text: "报送完成情况及佐证材料"})
		closed := day(s.done).AddDays(cmp.Or(s.closeAfter, 6+int(hash(s.title, "close")%8)))
		if closed.String() <= taskToday {
			out = append(out, demo.Step{Step: string(store.StepClose), Date: closed, Text: "经秘书处审核，予以销号",
				By: t.g.person(secGen, closed.String())})
		}
	}
	slices.SortStableFunc(out, func(a, b demo.Step) int { return a.Date.Compare(b.Date) })
	return out
}

// end is the task's last day of work: its 办结 or 中止, else the story's end.
func (s *tspec) end() string {
	switch {
	case s.stop != nil:
		return s.stop.date
	case s.done != "":
		return s.done
	}
	return taskToday
}

// deadlineOn is the deadline in force on d, after an approved extension
// or a dispatch's new deadline.
func (s *tspec) deadlineOn(d store.Date) store.Date {
	dl := day(s.deadline)
	if x := s.ext; x != nil && x.Decision == string(store.ExtApproved) && !x.Decided.After(d) {
		dl = x.NewDeadline
	}
	for q, dec := range s.decisions {
		if dec.Decision == string(store.DispatchDeadline) && !day(dispatchDays[q]).After(d) {
			dl = dec.NewDeadline
		}
	}
	return dl
}

// inspections are one report a round from the task's first round to its
// last, but for the rounds its frequency skips and those left missing;
// the round it is done in reports the completion on the day.
func (t *tgen) inspections(s *tspec) []demo.Inspection {
	var out []demo.Inspection
	task := store.Task{Start: day(s.start), Frequency: store.Frequency{Months: s.months}}
	inspector := []string{deputy, coop}[hash(s.title, "inspector")%2]
	prev, stage := 0, -1
	for r := store.Round(day(s.start)); r <= store.Round(day(s.end())); r = store.NextRound(r) {
		if !task.DueInRound(r) || slices.Contains(s.missing, r) {
			continue
		}
		in := demo.Inspection{Round: r, Date: t.inspectionDay(s, r), Percent: 100}
		if in.Date.After(day(s.end())) || s.stop != nil && !in.Date.Before(day(s.stop.date)) {
			continue
		}
		in.Inspector = t.g.person(inspector, in.Date.String())
		if s.done != "" && r == store.Round(day(s.done)) {
			in.Progress = cmp.Or(s.doneText, "已"+s.title) + "，完成情况及佐证材料已报送秘书处。"
		} else {
			in.Percent = s.percentOn(r, in.Date, prev)
			in.Progress, stage = s.progress(in.Percent, stage)
		}
		prev = in.Percent
		in.Milestone = s.milestoneIn(r)
		if is, ok := s.issues[r]; ok {
			in.Problems, in.Measures, in.FixBy = is.problems, is.measures, day(is.fixBy)
		}
		out = append(out, in)
	}
	return out
}

// inspectionDay is the report's day: between the 18th and the 25th (the
// day a missing report turns the flag 黄), not before the task is
// assigned, and the 办结 day in the round the task is done.
func (t *tgen) inspectionDay(s *tspec, r string) store.Date {
	if s.done != "" && r == store.Round(day(s.done)) {
		return day(s.done)
	}
	d := store.RoundStart(r).AddDays(17 + int(hash(s.title, r, "day")%8))
	if first := day(s.start).AddDays(4); d.Before(first) {
		d = first
	}
	if end := store.RoundEnd(r); d.After(end) {
		d = end
	}
	return d
}

// percentOn is the share of the time gone by d, give or take a little,
// less the task's lag, in fives, never less than the last report.
func (s *tspec) percentOn(r string, d store.Date, prev int) int {
	if p, ok := s.percents[r]; ok {
		return p
	}
	start := day(s.start)
	total := max(1, start.DaysUntil(s.deadlineOn(d)))
	p := start.DaysUntil(d)*100/total + int(hash(s.title, r, "pct")%11) - 3 - s.lag
	p = (p + 2) / 5 * 5
	return min(95, max(p, prev+5, 5))
}

// progress words the report from the stage the percent has reached, and
// what comes next.
func (s *tspec) progress(percent, last int) (string, int) {
	work := s.work
	if len(work) == 0 {
		work = workSets[s.kind]
	}
	i := min(len(work)-1, percent*len(work)/100)
	text := "本月" + work[i]
	if i <= last { // the same stage as last month: say how it went on
		i = last
		text = "继续" + work[i] + "；" + pick(goingOn, s.title, fmt.Sprint(percent))
	}
	if i+1 < len(work) {
		return text + "。下一步：" + work[i+1] + "。", i
	}
	return text + "，正在收尾。", i
}

// goingOn is what a report adds in a month that stayed at one stage.
var goingOn = []string{"已召开推进会研究具体问题", "牵头单位已报送阶段性工作材料", "与责任单位保持每周沟通对接",
	"各项工作按计划推进", "已协调解决部分困难", "秘书处已到牵头单位现场督查"}

// milestoneIn is the milestone the round's report reaches: one due in
// the round, or one reported late in it.
func (s *tspec) milestoneIn(r string) string {
	for _, m := range s.milestones {
		if m.late == r || m.late == "" && store.Round(day(m.date)) == r {
			return m.expected
		}
	}
	return ""
}

func roundWord(r string) string {
	return fmt.Sprintf("%d月", store.RoundStart(r).Month())
}
