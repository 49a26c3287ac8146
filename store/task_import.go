package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// TaskRow is one row of an imported task list (a plan's 项目清单) as
// store/xlsx read it: units as written, dates read, and the problems the
// reader already found. Row is the Excel row number.
type TaskRow struct {
	Row                          int
	Number, Title, Requirement   string
	Lead                         string
	Units, Helpers               []string
	Person, Category, SourceText string
	Start, Deadline              Date
	Errors                       []*FieldError
}

// ProblemUnknownUnit is a unit that is neither a member nor a body.
const ProblemUnknownUnit Problem = "不是在册成员单位或机构"

// TaskPlanRow is the preview of one row: a new task, an update of the
// task with the same 事项编号, or errors.
type TaskPlanRow struct {
	Row    int
	Action RowAction
	Task   Task
	Errors []*FieldError
}

// TaskPlan is the preview of a whole task list; nothing is written until
// ApplyTaskImport, and nothing at all if any row has an error.
type TaskPlan struct{ Rows []TaskPlanRow }

// FirstError returns the first row error, or nil.
func (p *TaskPlan) FirstError() *FieldError {
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			return r.Errors[0]
		}
	}
	return nil
}

// Counts are the rows by action.
func (p *TaskPlan) Counts() (added, updated, unchanged, errors int) {
	for _, r := range p.Rows {
		switch r.Action {
		case RowNew:
			added++
		case RowUpdate:
			updated++
		case RowUnchanged:
			unchanged++
		default:
			errors++
		}
	}
	return
}

// unitFinder matches a unit's name, normalised, to a member unit or a body.
type unitFinder map[string]UnitRef

func newUnitFinder(members []Member, bodies []Body) unitFinder {
	f := unitFinder{}
	for i := range bodies {
		f[NameKey(bodies[i].Name)] = UnitRef{BodyID: bodies[i].ID, Name: bodies[i].Name}
	}
	for i := range members {
		f[NameKey(members[i].Name)] = UnitRef{MemberID: members[i].ID, Name: members[i].Name}
	}
	return f
}

// PlanTaskImport plans rows against the existing tasks and the register:
// every unit must be a member unit or a body (by normalised name), a
// number given twice in the file is an error, a row whose number is an
// existing task's updates it. today starts a task with no start date.
func PlanTaskImport(existing []Task, members []Member, bodies []Body, rows []TaskRow, today Date) *TaskPlan {
	byNumber := map[string]*Task{}
	for i := range existing {
		byNumber[existing[i].Number] = &existing[i]
	}
	units, seen, p := newUnitFinder(members, bodies), map[string]int{}, &TaskPlan{}
	for _, in := range rows {
		pr := TaskPlanRow{Row: in.Row, Errors: in.Errors}
		bad := func(f Field, pb Problem, d string) {
			pr.Errors = append(pr.Errors, &FieldError{Row: in.Row, Field: f, Problem: pb, Detail: d})
		}
		t := Task{Number: CleanText(in.Number), Title: in.Title, Requirement: in.Requirement, Person: in.Person,
			Category: in.Category, Start: in.Start, Deadline: in.Deadline,
			Source: TaskSource{Kind: SourcePlan, Text: in.SourceText}}
		if t.Start.IsZero() {
			// A plan of a past year starts with its year, not today.
			t.Start = today
			if !t.Deadline.IsZero() && t.Deadline.Before(today) {
				t.Start = t.Deadline.StartOfYear()
			}
		}
		t.Lead = units.ref(in.Lead, FieldTaskLead, bad)
		for _, u := range in.Units {
			t.Units = append(t.Units, units.ref(u, FieldTaskUnits, bad))
		}
		for _, u := range in.Helpers {
			t.Helpers = append(t.Helpers, units.ref(u, FieldTaskUnits, bad))
		}
		t.Clean()
		if err := t.Validate(); err != nil {
			// A field the reader already found wrong is not reported twice.
			if fe, _ := AsFieldError(err); !slices.ContainsFunc(pr.Errors, func(e *FieldError) bool { return e.Field == fe.Field }) {
				bad(fe.Field, fe.Problem, fe.Detail)
			}
		}
		if t.Number != "" {
			if other, ok := seen[t.Number]; ok {
				bad(FieldTaskNumber, ProblemDuplicateRow, fmt.Sprintf("第%d行", other))
			}
			seen[t.Number] = in.Row
		}
		// A list may move a deadline later (an extension), never earlier.
		if old := byNumber[t.Number]; old != nil && !t.Deadline.IsZero() && t.Deadline.Before(old.DeadlineOn(today)) {
			bad(FieldTaskDeadline, ProblemExtNotLater, old.DeadlineOn(today).Chinese())
		}
		pr.Action, pr.Task = planTaskAction(&t, byNumber[t.Number], len(pr.Errors) > 0, today)
		p.Rows = append(p.Rows, pr)
	}
	return p
}

// ref finds a unit named name; "" is no unit, an unknown one an error.
func (f unitFinder) ref(name string, field Field, bad func(Field, Problem, string)) UnitRef {
	name = CleanText(name)
	if name == "" {
		return UnitRef{}
	}
	if u, ok := f[NameKey(name)]; ok {
		return u
	}
	bad(field, ProblemUnknownUnit, name)
	return UnitRef{Name: name}
}

// planTaskAction makes an update of an existing task: its own fields from
// the row, and a deadline later than the one in force as an extension
// approved today, so the original deadline stays on record
// ("按原定时间考核").
func planTaskAction(t, old *Task, failed bool, today Date) (RowAction, Task) {
	switch {
	case failed:
		return RowError, *t
	case old == nil:
		return RowNew, *t
	}
	u := old.Clone()
	u.Title, u.Requirement, u.Lead, u.Units, u.Helpers = t.Title, t.Requirement, t.Lead, t.Units, t.Helpers
	u.Person, u.Category = t.Person, t.Category
	if t.Deadline.After(old.DeadlineOn(today)) {
		u.Extensions = append(u.Extensions, Extension{ID: NewID(), Requested: today, Reason: "导入任务清单调整时限",
			NewDeadline: t.Deadline, Decision: ExtApproved, Decided: today})
	}
	if sameTaskFields(old, &u) && len(u.Extensions) == len(old.Extensions) {
		return RowUnchanged, u
	}
	return RowUpdate, u
}

func sameTaskFields(a, b *Task) bool {
	units := func(us []UnitRef) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Name)
		}
		return strings.Join(s, "、")
	}
	return a.Title == b.Title && a.Requirement == b.Requirement && a.Lead.Name == b.Lead.Name &&
		units(a.Units) == units(b.Units) && units(a.Helpers) == units(b.Helpers) && a.Person == b.Person &&
		a.Category == b.Category && a.Deadline.Equal(b.Deadline)
}

func (r *records) ApplyTaskImport(ctx context.Context, p *TaskPlan) (int, error) {
	if fe := p.FirstError(); fe != nil {
		return 0, fe
	}
	n := 0
	err := r.write(ctx, func(w *wtx) error {
		n = 0
		for _, pr := range p.Rows {
			switch pr.Action {
			case RowNew:
				t := pr.Task.Clone()
				t.ID = NewID()
				if err := w.numberTask(&t); err != nil {
					return atRowErr(err, pr.Row)
				}
				t.Events = []TaskEvent{{ID: NewID(), Step: StepCreate, Date: t.Start, By: w.r.by, Recorded: w.now}}
				w.stamp(&t.Stamp, nil)
				if err := taskDocs.put(w.tx, &t, nil); err != nil {
					return err
				}
			case RowUpdate:
				if err := w.importTaskUpdate(pr.Task); err != nil {
					return atRowErr(err, pr.Row)
				}
			default:
				continue
			}
			n++
		}
		if n == 0 {
			return errNothingToRecord
		}
		return w.audit(ActionImport, KindTask, uuid.Nil, fmt.Sprintf("导入任务清单：%d 项", n))
	})
	if err == errNothingToRecord {
		return 0, nil
	}
	return n, err
}

// importTaskUpdate writes an updated task over the stored one, whose Rev
// must still be the one planned against.
func (w *wtx) importTaskUpdate(t Task) error {
	old, err := taskDocs.get(w.tx, t.ID)
	if err != nil {
		return err
	}
	if err := taskDocs.checkRev(&t, &old, old.Number+" "+old.Title); err != nil {
		return err
	}
	w.stamp(&t.Stamp, &old.Stamp)
	return taskDocs.put(w.tx, &t, &old)
}
