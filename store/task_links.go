package store

import (
	"context"
	"errors"
	"strings"

	"github.com/google/uuid"
)

var errNothingToRecord = errors.New("nothing to record")

// ProblemNotFoundExt is an extension that is not the task's.
const ProblemNotFoundExt Problem = "找不到该延期申请"

// TaskFromItem turns an agreed item of a meeting into a task (转为督办任务):
// the meeting is its source, the item's units, person and deadline are
// the task's, and the item then names the task and follows it: from then
// on the item is done when its task is (a Done set by hand before is
// replaced by the task's state). An item already made a task is refused.
func (r *records) TaskFromItem(ctx context.Context, meeting, item uuid.UUID) (Task, error) {
	var t Task
	err := r.write(ctx, func(w *wtx) error {
		m, err := meetingDocs.get(w.tx, meeting)
		if err != nil {
			return err
		}
		it := m.Item(item)
		if it == nil {
			return fieldErr(FieldItemText, ProblemParentMissing, item.String())
		}
		if it.TaskID != uuid.Nil {
			if _, err := taskDocs.get(w.tx, it.TaskID); err == nil {
				return fieldErr(FieldItemText, ProblemItemHasTask, firstLine(it.Text))
			}
		}
		t = TaskOfItem(&m, it)
		t.ID = NewID()
		t.Clean()
		if err := t.Validate(); err != nil {
			return err
		}
		if err := w.numberTask(&t); err != nil {
			return err
		}
		t.Events = []TaskEvent{{ID: NewID(), Step: StepCreate, Date: t.Start, By: w.r.by, Recorded: w.now}}
		w.stamp(&t.Stamp, nil)
		if err := taskDocs.put(w.tx, &t, nil); err != nil {
			return err
		}
		if err := w.syncItem(nil, &t); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindTask, t.ID, "立项 "+t.Number+" "+t.Title+"（来自 "+m.Title+"）")
	})
	if err != nil {
		return Task{}, err
	}
	return t, nil
}

// TaskOfItem is the task an agreed item becomes: its text (first line as
// the title), units, person and deadline; started on the meeting's day,
// due at the item's deadline or, without one, three months later.
func TaskOfItem(m *Meeting, it *AgreedItem) Task {
	title, rest, _ := strings.Cut(strings.TrimSpace(it.Text), "\n")
	due := it.Due
	if due.IsZero() || due.Before(m.Date) {
		due = m.Date.AddMonths(3)
	}
	return Task{
		Title: title, Requirement: strings.TrimSpace(rest), Lead: it.Lead, Units: it.Units, Person: it.Owner,
		Start: m.Date, Deadline: due,
		Source: TaskSource{Kind: SourceMeeting, Date: m.Date, Text: m.Title, MeetingID: m.ID, ItemID: it.ID},
	}
}

// Item returns the agreed item with the given ID, or nil.
func (m *Meeting) Item(id uuid.UUID) *AgreedItem {
	for i := range m.Items {
		if m.Items[i].ID == id {
			return &m.Items[i]
		}
	}
	return nil
}

// syncItem keeps a meeting's agreed item in step with the task made from
// it: the item names the task and is done when the task is done or
// closed. now is nil for a deleted task, whose item is free again. The
// meeting is written only when the item changes; the task's audit entry
// covers it.
func (w *wtx) syncItem(before, now *Task) error {
	t := now
	if t == nil {
		t = before
	}
	if t == nil || t.Source.Kind != SourceMeeting || t.Source.MeetingID == uuid.Nil {
		return nil
	}
	m, err := meetingDocs.get(w.tx, t.Source.MeetingID)
	if isNotFound(err) {
		return nil // the meeting is in the trash: nothing to keep in step
	} else if err != nil {
		return err
	}
	it := m.Item(t.Source.ItemID)
	if it == nil {
		return nil
	}
	taskID, done := uuid.Nil, Date{}
	if now != nil {
		taskID = now.ID
		if s := now.StateOn(farFuture); !s.Status.Open() && s.Status != TaskStopped {
			done = s.StatusDate
			if s.Status == TaskClosed {
				done = now.doneDate()
			}
		}
	}
	if it.TaskID == taskID && it.Done.Equal(done) {
		return nil
	}
	old := m.Clone()
	it.TaskID, it.Done = taskID, done
	w.stamp(&m.Stamp, &old.Stamp)
	return meetingDocs.put(w.tx, &m, &old)
}

// farFuture is a day after any recorded one, for "the state now".
var farFuture = NewDate(2999, 12, 31)

// doneDate is the day of the last 办结, or zero.
func (t *Task) doneDate() Date {
	var d Date
	for _, e := range t.Events {
		if e.Step == StepDone {
			d = e.Date
		}
	}
	return d
}

// PreviousOpenItems are the agreed items of the last meeting of the same
// body before m that are not done: a meeting starts with them
// ("每次例会听取上次会议落实情况汇报"). meetings is every meeting.
func PreviousOpenItems(meetings []Meeting, m *Meeting) (*Meeting, []AgreedItem) {
	var prev *Meeting
	for i := range meetings {
		p := &meetings[i]
		if p.ID == m.ID || p.Status == MeetingCancelled || !p.Date.Before(m.Date) {
			continue
		}
		if p.BodyID != m.BodyID || m.BodyID == uuid.Nil && p.Kind != m.Kind {
			continue
		}
		if prev == nil || p.Date.After(prev.Date) {
			prev = p
		}
	}
	if prev == nil {
		return nil, nil
	}
	var open []AgreedItem
	for _, it := range prev.Items {
		if it.Done.IsZero() {
			open = append(open, it)
		}
	}
	return prev, open
}
