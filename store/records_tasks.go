package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

func (r *records) Tasks(ctx context.Context) ([]Task, error) {
	var out []Task
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = taskDocs.all(tx)
		return err
	})
	return out, err
}

func (r *records) Task(ctx context.Context, id uuid.UUID) (Task, error) {
	var t Task
	err := r.read(ctx, func(tx EngineTx) (err error) {
		t, err = taskDocs.get(tx, id)
		return err
	})
	return t, err
}

func (r *records) CreateTask(ctx context.Context, in Task) (Task, error) {
	var t Task
	err := r.write(ctx, func(w *wtx) error {
		t = in.Clone()
		t.ID = NewID()
		t.Clean()
		if err := t.Validate(); err != nil {
			return err
		}
		if err := w.numberTask(&t); err != nil {
			return err
		}
		t.Events = []TaskEvent{{ID: NewID(), Step: StepCreate, Date: t.Start, By: w.r.by, Recorded: w.now}}
		t.Extensions, t.Inspections, t.Flags = nil, nil, nil
		w.stamp(&t.Stamp, nil)
		if err := taskDocs.put(w.tx, &t, nil); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindTask, t.ID, "立项 "+t.Number+" "+t.Title)
	})
	if err != nil {
		return Task{}, err
	}
	return t, nil
}

// numberTask gives t the next free number of its start year ("2026-007")
// when it has none, and refuses a number another task has. The last
// number given is kept per year in meta (metaTaskSeq), so numbering does
// not scan the list; numbers a clerk typed are stepped over.
func (w *wtx) numberTask(t *Task) error {
	if t.Number != "" {
		return w.refuseTaskDuplicate(t)
	}
	key := metaTaskSeq + strconv.Itoa(t.Start.Year())
	data, err := w.tx.Meta(key)
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(string(data))
	for {
		n++
		t.Number = fmt.Sprintf("%d-%03d", t.Start.Year(), n)
		if _, taken, err := w.tx.Lookup(IdxTaskNumber, t.Number); err != nil {
			return err
		} else if !taken {
			return w.tx.SetMeta(key, []byte(strconv.Itoa(n)))
		}
	}
}

// metaTaskSeq + year is the meta key of the last task number given.
const metaTaskSeq = "task_seq_"

func (w *wtx) refuseTaskDuplicate(t *Task) error {
	other, err := taskDocs.duplicate(w.tx, t)
	if err != nil {
		return err
	}
	if other != nil {
		return fieldErr(FieldTaskNumber, ProblemTaskNumberTaken, other.Number+" "+other.Title)
	}
	return nil
}

// UpdateTask saves the task's own fields; its history (process,
// extensions, inspections, flags) changes only through the typed
// operations, so a form never overwrites a round recorded meanwhile.
func (r *records) UpdateTask(ctx context.Context, in Task) (Task, error) {
	return r.changeTask(ctx, in.ID, &in.Rev, ActionUpdate, func(w *wtx, t *Task) (string, error) {
		keep := *t
		*t = in.Clone()
		t.Events, t.Extensions, t.Inspections, t.Flags = keep.Events, keep.Extensions, keep.Inspections, keep.Flags
		t.Stamp, t.Escalated = keep.Stamp, keep.Escalated
		t.Clean()
		if t.Number == "" {
			t.Number = keep.Number
		}
		return "修改任务 " + t.Number + " " + t.Title, w.refuseTaskDuplicate(t)
	})
}

// changeTask reads the task, checks rev when given (a whole-form save),
// lets change alter it, validates, saves and audits.
func (r *records) changeTask(ctx context.Context, id uuid.UUID, rev *int64, action Action,
	change func(w *wtx, t *Task) (string, error)) (Task, error) {
	var t Task
	err := r.write(ctx, func(w *wtx) (err error) {
		if t, err = taskDocs.get(w.tx, id); err != nil {
			return err
		}
		if rev != nil && *rev != t.Rev {
			return conflict(KindTask, t.Number+" "+t.Title, &t.Stamp)
		}
		old := t.Clone()
		summary, err := change(w, &t)
		if err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.sortEvents()
		w.stamp(&t.Stamp, &old.Stamp)
		if err := taskDocs.put(w.tx, &t, &old); err != nil {
			return err
		}
		if err := w.syncItem(&old, &t); err != nil {
			return err
		}
		return w.audit(action, KindTask, t.ID, summary)
	})
	if err != nil {
		return Task{}, err
	}
	return t, nil
}

// AddTaskStep records a step of the process on its day.
func (r *records) AddTaskStep(ctx context.Context, id uuid.UUID, e TaskEvent) (Task, error) {
	return r.changeTask(ctx, id, nil, ActionEvent, func(w *wtx, t *Task) (string, error) {
		if err := t.CheckStep(e); err != nil {
			return "", err
		}
		e.ID, e.Recorded, e.Text = NewID(), w.now, strings.TrimSpace(e.Text)
		if e.By == "" {
			e.By = w.r.by
		}
		if e.Step == StepEscalate {
			t.Escalated = true
		}
		t.Events = append(t.Events, e)
		return t.Number + " " + e.Step.Word() + "（" + e.Date.Chinese() + "）", nil
	})
}

// CheckStep says whether step e may follow the task's history: a date on
// or after 立项 and the last status change, a step the status allows.
func (t *Task) CheckStep(e TaskEvent) error {
	if !slices.Contains(TaskSteps, e.Step) && e.Step != StepDispatch {
		return fieldErr(FieldTaskStep, ProblemBadChoice, string(e.Step))
	}
	if e.Date.IsZero() {
		return fieldErr(FieldDate, ProblemRequired, "")
	}
	last := t.StateOn(e.Date.AddDays(36500))
	if e.Date.Before(t.Start) || e.Date.Before(last.StatusDate) {
		return fieldErr(FieldDate, ProblemBeforeLast, last.StatusDate.Chinese())
	}
	switch st := last.Status; e.Step {
	case StepReopen:
		if st.Open() {
			return fieldErr(FieldTaskStep, ProblemStepOrder, e.Step.Word())
		}
	case StepClose:
		if st != TaskDone {
			return fieldErr(FieldTaskStep, ProblemStepOrder, e.Step.Word())
		}
	default:
		if !st.Open() {
			return fieldErr(FieldTaskStep, ProblemTaskNotOpen, st.Word())
		}
	}
	return nil
}

// RequestExtension records a 延期 request, made before the deadline in
// force, for a later one.
func (r *records) RequestExtension(ctx context.Context, id uuid.UUID, x Extension) (Task, error) {
	return r.changeTask(ctx, id, nil, ActionEvent, func(w *wtx, t *Task) (string, error) {
		x.Reason = strings.TrimSpace(x.Reason)
		dl := t.DeadlineOn(x.Requested)
		switch {
		case x.Requested.IsZero() || x.NewDeadline.IsZero():
			return "", fieldErr(FieldExtension, ProblemRequired, "")
		case !t.StateOn(x.Requested).Status.Open():
			return "", fieldErr(FieldExtension, ProblemTaskNotOpen, "")
		case x.Requested.After(dl):
			return "", fieldErr(FieldExtension, ProblemExtAfterDeadline, dl.Chinese())
		case !x.NewDeadline.After(dl):
			return "", fieldErr(FieldExtension, ProblemExtNotLater, dl.Chinese())
		case x.Reason == "":
			return "", fieldErr(FieldExtension, ProblemNeedReason, "")
		case slices.ContainsFunc(t.Extensions, func(e Extension) bool { return e.Decision == ExtPending }):
			return "", fieldErr(FieldExtension, ProblemExtPending, "")
		}
		x.ID, x.Decision, x.Decided = NewID(), ExtPending, Date{}
		t.Extensions = append(t.Extensions, x)
		return t.Number + " 申请延期至 " + x.NewDeadline.Chinese() + "：" + x.Reason, nil
	})
}

// DecideExtension approves or refuses the pending extension ext on day.
func (r *records) DecideExtension(ctx context.Context, id, ext uuid.UUID, d ExtDecision, day Date) (Task, error) {
	return r.changeTask(ctx, id, nil, ActionEvent, func(w *wtx, t *Task) (string, error) {
		i := slices.IndexFunc(t.Extensions, func(e Extension) bool { return e.ID == ext })
		switch {
		case i < 0:
			return "", fieldErr(FieldExtension, ProblemNotFoundExt, "")
		case t.Extensions[i].Decision != ExtPending:
			return "", conflict(KindTask, t.Number+" "+t.Title, &t.Stamp)
		case d != ExtApproved && d != ExtRefused:
			return "", fieldErr(FieldExtension, ProblemBadChoice, string(d))
		case day.Before(t.Extensions[i].Requested):
			return "", fieldErr(FieldDate, ProblemBeforeLast, t.Extensions[i].Requested.Chinese())
		}
		t.Extensions[i].Decision, t.Extensions[i].Decided = d, day
		return t.Number + " 延期" + d.Word() + "（" + t.Extensions[i].NewDeadline.Chinese() + "）", nil
	})
}

// SaveInspection records the round's inspection. from is the one the
// clerk saw (nil for none): another clerk's report of the same round
// meanwhile is refused, never overwritten.
func (r *records) SaveInspection(ctx context.Context, id uuid.UUID, from *Inspection, in Inspection) (Task, error) {
	return r.changeTask(ctx, id, nil, ActionInspect, func(w *wtx, t *Task) (string, error) {
		old := t.Inspection(in.Round)
		if (old == nil) != (from == nil) || old != nil && *old != *from {
			return "", conflict(KindTask, t.Number+" "+t.Title, &t.Stamp)
		}
		if err := t.CheckInspection(&in); err != nil {
			return "", err
		}
		if old != nil {
			*old = in
		} else {
			t.Inspections = append(t.Inspections, in)
			slices.SortStableFunc(t.Inspections, func(a, b Inspection) int { return strings.Compare(a.Round, b.Round) })
		}
		for i := range t.Milestones {
			if in.Milestone != "" && t.Milestones[i].Expected == in.Milestone && t.Milestones[i].Reached.IsZero() {
				t.Milestones[i].Reached = in.Date
			}
		}
		return t.Number + " " + in.Round + " 督查：" + firstLine(in.Progress), nil
	})
}

// CheckInspection cleans and checks an inspection for the task.
func (t *Task) CheckInspection(in *Inspection) error {
	round, err := ParseRound(in.Round)
	if err != nil {
		return err
	}
	in.Round = round
	in.Progress, in.Problems, in.Measures = strings.TrimSpace(in.Progress), strings.TrimSpace(in.Problems), strings.TrimSpace(in.Measures)
	in.Inspector = CleanText(in.Inspector)
	switch {
	case in.Progress == "":
		return fieldErr(FieldInspection, ProblemRequired, "")
	case in.Date.IsZero():
		return fieldErr(FieldDate, ProblemRequired, "")
	case in.Percent < -1 || in.Percent > 100:
		return fieldErr(FieldPercent, ProblemBadPercent, strconv.Itoa(in.Percent))
	case RoundEnd(round).Before(t.Start):
		return fieldErr(FieldRound, ProblemDeadlineBefore, t.Start.Chinese())
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

// RecordFlags records the flag of round for every task that has none for
// it yet, as the rules give it at the round's end: the history of flags
// is then kept, whatever the rules or the task do later. Only a round
// that has ended can be recorded. It returns how many were recorded.
func (r *records) RecordFlags(ctx context.Context, round string) (int, error) {
	round, err := ParseRound(round)
	if err != nil {
		return 0, err
	}
	var n int
	err = r.write(ctx, func(w *wtx) error {
		n = 0
		if !RoundEnd(round).Before(DateOf(w.now)) {
			return fieldErr(FieldRound, ProblemRoundOpen, round)
		}
		s, err := readSettings(w.tx)
		if err != nil {
			return err
		}
		tasks, err := taskDocs.all(w.tx)
		if err != nil {
			return err
		}
		for i := range tasks {
			t := &tasks[i]
			if t.Start.After(RoundEnd(round)) || slices.ContainsFunc(t.Flags, func(f RoundFlag) bool { return f.Round == round }) {
				continue
			}
			old := t.Clone()
			f := t.FlagOn(RoundEnd(round), s.Flags)
			t.Flags = append(t.Flags, RoundFlag{Round: round, Auto: f, Flag: f})
			w.stamp(&t.Stamp, &old.Stamp)
			if err := taskDocs.put(w.tx, t, &old); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return errNothingToRecord
		}
		return w.audit(ActionFlags, KindTask, uuid.Nil, fmt.Sprintf("记录 %s 预警：%d 项任务", round, n))
	})
	if err == errNothingToRecord {
		return 0, nil
	}
	return n, err
}

// CorrectFlag changes a past round's recorded flag, with the reason in the
// audit log and on the flag; the rules' own flag stays beside it.
func (r *records) CorrectFlag(ctx context.Context, id uuid.UUID, round string, to Flag, reason string) (Task, error) {
	return r.changeTask(ctx, id, nil, ActionFlags, func(w *wtx, t *Task) (string, error) {
		round, err := ParseRound(round)
		if err != nil {
			return "", err
		}
		reason = strings.TrimSpace(reason)
		i := slices.IndexFunc(t.Flags, func(f RoundFlag) bool { return f.Round == round })
		switch {
		case i < 0:
			return "", fieldErr(FieldRound, ProblemRoundOpen, round)
		case reason == "":
			return "", fieldErr(FieldFlag, ProblemNeedReason, "")
		case !slices.Contains(Flags, to):
			return "", fieldErr(FieldFlag, ProblemBadChoice, string(to))
		}
		from := t.Flags[i].Flag
		t.Flags[i].Flag, t.Flags[i].Reason = to, reason
		return fmt.Sprintf("%s %s 预警更正 %s→%s：%s", t.Number, round, from.Word(), to.Word(), reason), nil
	})
}

func (r *records) DeleteTask(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		t, err := taskDocs.get(w.tx, id)
		if err != nil {
			return err
		}
		if err := w.putTrash(KindTask, id, t.Number+" "+t.Title, &t); err != nil {
			return err
		}
		if err := taskDocs.remove(w.tx, &t); err != nil {
			return err
		}
		if err := w.syncItem(&t, nil); err != nil {
			return err
		}
		return w.audit(ActionDelete, KindTask, id, "删除任务 "+t.Number+" "+t.Title)
	})
}
