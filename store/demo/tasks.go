package demo

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/secdesk/secdesk/store"
)

// Tasks is the task file: the supervised tasks (督查督办) of the demo's
// last year with their dated histories, the quarterly dispatches, and the
// rounds whose flags were recorded. Tasks are listed in the order they
// were opened (立项), the order the store numbers them in; they name units
// and meetings by name, as the other files do, and one another by Number.
type Tasks struct {
	Note       string     `json:"note"`
	Tasks      []Task     `json:"tasks"`
	Dispatches []Dispatch `json:"dispatches"`
	// Recorded are the rounds whose flags were kept (RecordFlags), each on
	// the first day of the next month.
	Recorded []string `json:"recorded"`
}

// Task is one task, opened on Start. One made from an agreed item names
// its meeting and the item's text (转为督办任务, which gives the units,
// person and dates: Start is the meeting's day), and the title and
// requirement the clerk then gave it. One of a plan has its fields here.
type Task struct {
	Number      string       `json:"number"` // as the store numbers it; the loader checks
	Meeting     string       `json:"meeting,omitempty"`
	Item        string       `json:"item,omitempty"`
	Title       string       `json:"title"`
	Requirement string       `json:"requirement,omitempty"`
	Source      string       `json:"source,omitempty"` // a plan's name
	SourceDate  store.Date   `json:"source_date,omitzero"`
	Category    string       `json:"category,omitempty"`
	Lead        string       `json:"lead,omitempty"`
	Units       []string     `json:"units,omitempty"`
	Person      string       `json:"person,omitempty"`
	Start       store.Date   `json:"start,omitzero"`
	Deadline    store.Date   `json:"deadline,omitzero"`
	Months      int          `json:"frequency_months,omitempty"` // 反馈频次; 0 is monthly
	Milestones  []Milestone  `json:"milestones,omitempty"`
	Steps       []Step       `json:"steps,omitempty"`
	Extensions  []Extension  `json:"extensions,omitempty"`
	Inspections []Inspection `json:"inspections,omitempty"`
	Corrections []Correction `json:"corrections,omitempty"`
}

// Milestone is a 节点: reached when an inspection names it.
type Milestone struct {
	Date     store.Date `json:"date"`
	Expected string     `json:"expected"`
}

// Step is a process step by hand (store.TaskStep: assign, urge, report,
// done, close, stop …); 立项 is the task's opening.
type Step struct {
	Step string     `json:"step"`
	Date store.Date `json:"date"`
	Text string     `json:"text,omitempty"`
	By   string     `json:"by,omitempty"`
}

// Extension is a 延期 requested, then approved or refused
// (store.ExtDecision) on Decided.
type Extension struct {
	Requested   store.Date `json:"requested"`
	Reason      string     `json:"reason"`
	NewDeadline store.Date `json:"new_deadline"`
	Decision    string     `json:"decision"`
	Decided     store.Date `json:"decided"`
}

// Inspection is one round's 督查记录; Percent -1 is not given.
type Inspection struct {
	Round     string     `json:"round"`
	Date      store.Date `json:"date"`
	Inspector string     `json:"inspector,omitempty"`
	Progress  string     `json:"progress"`
	Percent   int        `json:"percent"`
	Problems  string     `json:"problems,omitempty"`
	Measures  string     `json:"measures,omitempty"`
	FixBy     store.Date `json:"fix_by,omitzero"`
	Milestone string     `json:"milestone,omitempty"`
}

// Correction changes a recorded round's flag on Date, with the reason.
type Correction struct {
	Round  string     `json:"round"`
	Date   store.Date `json:"date"`
	Flag   string     `json:"flag"`
	Reason string     `json:"reason"`
}

// Dispatch is a quarter's 季度调度, held as the meeting named.
type Dispatch struct {
	Quarter   string     `json:"quarter"`
	Date      store.Date `json:"date"`
	Meeting   string     `json:"meeting,omitempty"`
	Note      string     `json:"note,omitempty"`
	Decisions []Decision `json:"decisions"`
}

// Decision is a dispatch's decision on the task numbered Task
// (store.DispatchCode).
type Decision struct {
	Task        string     `json:"task"`
	Decision    string     `json:"decision"`
	NewDeadline store.Date `json:"new_deadline,omitzero"`
	Requirement string     `json:"requirement,omitempty"`
}

// action is one dated thing the clerk did with the tasks. The loader
// replays them all in date order, because the store checks each against
// the history before it: a step may not precede the last status change,
// and a dispatch only decides on tasks still open on its day.
type action struct {
	date  store.Date
	order int // within a day: opened, steps, extensions, inspections, dispatches, recorded flags, corrections
	what  string
	do    func() error
}

// Orders within a day.
const (
	orderOpen = iota
	orderStep
	orderExtension
	orderInspection
	orderDispatch
	orderFlags
	orderCorrection
)

// taskActions lists what the file's tasks, dispatches and recorded rounds
// did, in the order to replay them. Rounds not yet ended on the
// machine's clock are left out: the store refuses to record them
// (RecordFlags compares with the clock, not with the file).
func (l *loader) taskActions(f Tasks) []action {
	var out []action
	for i := range f.Tasks {
		out = append(out, l.actionsOf(&f.Tasks[i])...)
	}
	for i := range f.Dispatches {
		d := &f.Dispatches[i]
		out = append(out, action{d.Date, orderDispatch, d.Quarter, func() error { return l.dispatch(d) }})
	}
	today := store.DateOf(time.Now())
	for _, round := range f.Recorded {
		if day := store.RoundEnd(round).AddDays(1); !day.After(today) {
			out = append(out, action{day, orderFlags, round, func() error { _, err := l.s.RecordFlags(l.ctx, round); return err }})
		}
	}
	slices.SortStableFunc(out, func(a, b action) int { return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.order, b.order)) })
	return out
}

// actionsOf is one task's history as actions.
func (l *loader) actionsOf(t *Task) []action {
	out := []action{{t.Start, orderOpen, t.Number, func() error { return l.openTask(t) }}}
	for _, st := range t.Steps {
		out = append(out, action{st.Date, orderStep, t.Number + " " + st.Step, func() error {
			_, err := l.s.AddTaskStep(l.ctx, l.tasks[t.Number], store.TaskEvent{Step: store.TaskStep(st.Step), Date: st.Date,
				Text: st.Text, By: st.By})
			return err
		}})
	}
	for i, x := range t.Extensions {
		key := fmt.Sprintf("%s#%d", t.Number, i)
		out = append(out, action{x.Requested, orderExtension, t.Number + " 延期", func() error { return l.requestExtension(t.Number, key, x) }})
		if x.Decision != "" {
			out = append(out, action{x.Decided, orderExtension, t.Number + " 延期审批", func() error {
				_, err := l.s.DecideExtension(l.ctx, l.tasks[t.Number], l.extensions[key], store.ExtDecision(x.Decision), x.Decided)
				return err
			}})
		}
	}
	for _, in := range t.Inspections {
		out = append(out, action{in.Date, orderInspection, t.Number + " " + in.Round, func() error {
			_, err := l.s.SaveInspection(l.ctx, l.tasks[t.Number], nil, store.Inspection{Round: in.Round, Date: in.Date,
				Inspector: in.Inspector, Progress: in.Progress, Percent: in.Percent, Problems: in.Problems,
				Measures: in.Measures, FixBy: in.FixBy, Milestone: in.Milestone})
			return err
		}})
	}
	for _, c := range t.Corrections {
		out = append(out, action{c.Date, orderCorrection, t.Number + " " + c.Round, func() error {
			_, err := l.s.CorrectFlag(l.ctx, l.tasks[t.Number], c.Round, store.Flag(c.Flag), c.Reason)
			return err
		}})
	}
	return out
}

// openTask opens the task as the clerk did: an item turned into a task
// (then retitled, as clerks shorten the minutes' sentence), or a plan's
// task created with its milestones. The store's number must be the
// file's, since the dispatches name tasks by it.
func (l *loader) openTask(dt *Task) error {
	var t store.Task
	var err error
	if dt.Meeting != "" {
		t, err = l.taskFromItem(dt)
	} else {
		t, err = l.s.CreateTask(l.ctx, dt.task(l))
	}
	if err != nil {
		return err
	}
	if t.Number != dt.Number || !t.Start.Equal(dt.Start) {
		return fmt.Errorf("opened as %s on %s, the file says %s on %s", t.Number, t.Start, dt.Number, dt.Start)
	}
	l.tasks[dt.Number] = t.ID
	return nil
}

func (l *loader) taskFromItem(dt *Task) (store.Task, error) {
	m, ok := l.meetings[dt.Meeting]
	if !ok {
		return store.Task{}, fmt.Errorf("no meeting %s", dt.Meeting)
	}
	i := slices.IndexFunc(m.Items, func(it store.AgreedItem) bool { return it.Text == dt.Item })
	if i < 0 {
		return store.Task{}, fmt.Errorf("%s has no item %s", dt.Meeting, dt.Item)
	}
	t, err := l.s.TaskFromItem(l.ctx, m.ID, m.Items[i].ID)
	if err != nil || t.Title == dt.Title && t.Requirement == dt.Requirement {
		return t, err
	}
	t.Title, t.Requirement, t.Category = dt.Title, dt.Requirement, dt.Category
	return l.s.UpdateTask(l.ctx, t)
}

// task is a plan's task as first entered.
func (dt *Task) task(l *loader) store.Task {
	t := store.Task{Title: dt.Title, Requirement: dt.Requirement, Category: dt.Category, Lead: l.unitRef(dt.Lead),
		Person: dt.Person, PersonID: l.people[dt.Person], Start: dt.Start, Deadline: dt.Deadline,
		Frequency: store.Frequency{Months: dt.Months},
		Source:    store.TaskSource{Kind: store.SourcePlan, Date: dt.SourceDate, Text: dt.Source}}
	for _, u := range dt.Units {
		t.Units = append(t.Units, l.unitRef(u))
	}
	for _, m := range dt.Milestones {
		t.Milestones = append(t.Milestones, store.Milestone{Date: m.Date, Expected: m.Expected})
	}
	return t
}

// requestExtension records a 延期 request and keeps its ID for the
// decision.
func (l *loader) requestExtension(number, key string, x Extension) error {
	t, err := l.s.RequestExtension(l.ctx, l.tasks[number], store.Extension{Requested: x.Requested, Reason: x.Reason,
		NewDeadline: x.NewDeadline})
	if err != nil {
		return err
	}
	l.extensions[key] = t.Extensions[len(t.Extensions)-1].ID
	return nil
}

// dispatch applies a quarter's decisions on its day.
func (l *loader) dispatch(d *Dispatch) error {
	in := store.Dispatch{Quarter: d.Quarter, Date: d.Date, Note: d.Note}
	if d.Meeting != "" {
		m, ok := l.meetings[d.Meeting]
		if !ok {
			return fmt.Errorf("no meeting %s", d.Meeting)
		}
		in.MeetingID = m.ID
	}
	for _, dec := range d.Decisions {
		id, ok := l.tasks[dec.Task]
		if !ok {
			return fmt.Errorf("no task %s", dec.Task)
		}
		in.Decisions = append(in.Decisions, store.DispatchDecision{TaskID: id, Decision: store.DispatchCode(dec.Decision),
			NewDeadline: dec.NewDeadline, Requirement: dec.Requirement})
	}
	_, err := l.s.ApplyDispatch(l.ctx, in)
	return err
}
