package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Dispatch (季度调度) reviews every open task once a quarter and decides
// each one's course; it may be held as a meeting of kind 季度调度会.
type Dispatch struct {
	ID uuid.UUID `json:"id"`
	// Quarter is "2026-Q4".
	Quarter   string             `json:"quarter"`
	Date      Date               `json:"date"`
	MeetingID uuid.UUID          `json:"meeting_id"`
	Note      string             `json:"note,omitempty"`
	Decisions []DispatchDecision `json:"decisions"`
	Stamp
}

// DispatchCode is a dispatch's decision on a task (persisted code).
type DispatchCode string

const (
	DispatchContinue DispatchCode = "continue" // 继续推进
	DispatchDeadline DispatchCode = "deadline" // 调整时限
	DispatchEscalate DispatchCode = "escalate" // 提级督办
	DispatchClose    DispatchCode = "close"    // 办结销号
	DispatchStop     DispatchCode = "stop"     // 中止
)

// DispatchCodes are the decisions in the order the form offers them.
var DispatchCodes = []DispatchCode{DispatchContinue, DispatchDeadline, DispatchEscalate, DispatchClose, DispatchStop}

// DispatchDecision is the decision on one task, with new requirements.
type DispatchDecision struct {
	TaskID      uuid.UUID    `json:"task_id"`
	Decision    DispatchCode `json:"decision"`
	NewDeadline Date         `json:"new_deadline"`
	Requirement string       `json:"requirement,omitempty"`
}

// StepDispatch is a dispatch's decision recorded on the task's process.
const StepDispatch TaskStep = "dispatch"

// FieldDispatch is the dispatch as the clerk sees it.
const (
	FieldDispatch  Field   = "季度调度"
	ProblemQuarter Problem = "应为“年-Q季度”，如 2026-Q4"
)

// QuarterOf is the quarter of day d: "2026-Q4".
func QuarterOf(d Date) string { return fmt.Sprintf("%04d-Q%d", d.Year(), (int(d.Month())+2)/3) }

// QuarterRounds are the three rounds of a quarter "2026-Q4".
func QuarterRounds(q string) ([]string, error) {
	var y, n int
	if _, err := fmt.Sscanf(q, "%d-Q%d", &y, &n); err != nil || n < 1 || n > 4 || y < 2000 {
		return nil, fieldErr(FieldDispatch, ProblemQuarter, q)
	}
	first := (n-1)*3 + 1
	return []string{fmt.Sprintf("%04d-%02d", y, first), fmt.Sprintf("%04d-%02d", y, first+1), fmt.Sprintf("%04d-%02d", y, first+2)}, nil
}

// LastInspections are the task's latest n inspections on or before d,
// newest first: what the dispatch table shows.
func (t *Task) LastInspections(d Date, n int) []Inspection {
	var out []Inspection
	for i := len(t.Inspections) - 1; i >= 0 && len(out) < n; i-- {
		if !t.Inspections[i].Date.After(d) {
			out = append(out, t.Inspections[i])
		}
	}
	return out
}

func (r *records) Dispatches(ctx context.Context) ([]Dispatch, error) {
	var out []Dispatch
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = dispatchDocs.all(tx)
		return err
	})
	slices.SortStableFunc(out, func(a, b Dispatch) int { return a.Date.Compare(b.Date) })
	return out, err
}

// ApplyDispatch saves d and applies each decision to its task on d.Date:
// 调整时限 as an approved extension, 提级督办 and the others as process
// steps, every requirement on the task's process.
func (r *records) ApplyDispatch(ctx context.Context, in Dispatch) (Dispatch, error) {
	var d Dispatch
	err := r.write(ctx, func(w *wtx) error {
		d = in
		d.ID, d.Decisions = NewID(), slices.Clone(in.Decisions)
		if _, err := QuarterRounds(d.Quarter); err != nil {
			return err
		}
		if d.Date.IsZero() {
			return fieldErr(FieldDate, ProblemRequired, "")
		}
		for i := range d.Decisions {
			if err := w.applyDecision(&d, &d.Decisions[i]); err != nil {
				return err
			}
		}
		w.stamp(&d.Stamp, nil)
		if err := dispatchDocs.put(w.tx, &d, nil); err != nil {
			return err
		}
		return w.audit(ActionDispatch, KindDispatch, d.ID, fmt.Sprintf("%s 季度调度：%d 项任务", d.Quarter, len(d.Decisions)))
	})
	if err != nil {
		return Dispatch{}, err
	}
	return d, nil
}

func (w *wtx) applyDecision(d *Dispatch, dec *DispatchDecision) error {
	t, err := taskDocs.get(w.tx, dec.TaskID)
	if err != nil {
		return err
	}
	old := t.Clone()
	label := t.Number + " " + t.Title
	dec.Requirement = strings.TrimSpace(dec.Requirement)
	step := func(s TaskStep, text string) error {
		e := TaskEvent{ID: NewID(), Step: s, Date: d.Date, Text: text, By: w.r.by, Recorded: w.now}
		if err := t.CheckStep(e); err != nil {
			return fmt.Errorf("%s：%w", label, err)
		}
		t.Events = append(t.Events, e)
		return nil
	}
	text := cmp.Or(dec.Requirement, dec.Decision.Word())
	if err := step(StepDispatch, d.Quarter+" 调度："+text); err != nil {
		return err
	}
	switch dec.Decision {
	case DispatchContinue:
	case DispatchDeadline:
		dl := t.DeadlineOn(d.Date)
		if !dec.NewDeadline.After(dl) {
			return fmt.Errorf("%s：%w", label, fieldErr(FieldExtension, ProblemExtNotLater, dl.Chinese()))
		}
		t.Extensions = append(t.Extensions, Extension{ID: NewID(), Requested: d.Date, Reason: d.Quarter + "季度调度调整时限",
			NewDeadline: dec.NewDeadline, Decision: ExtApproved, Decided: d.Date})
	case DispatchEscalate:
		t.Escalated = true
		err = step(StepEscalate, "")
	case DispatchClose:
		if err = step(StepDone, text); err == nil {
			err = step(StepClose, "")
		}
	case DispatchStop:
		err = step(StepStop, text)
	default:
		return fieldErr(FieldDispatch, ProblemBadChoice, string(dec.Decision))
	}
	if err != nil {
		return err
	}
	t.sortEvents()
	w.stamp(&t.Stamp, &old.Stamp)
	if err := taskDocs.put(w.tx, &t, &old); err != nil {
		return err
	}
	return w.syncItem(&old, &t)
}
