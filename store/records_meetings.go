package store

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"

	"github.com/google/uuid"
)

func (r *records) Meetings(ctx context.Context, f MeetingFilter) ([]Meeting, error) {
	var out []Meeting
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = meetingDocs.all(tx)
		return err
	})
	out = slices.DeleteFunc(out, func(m Meeting) bool { return !f.Match(&m) })
	slices.SortStableFunc(out, func(a, b Meeting) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Time, b.Time))
	})
	return out, err
}

func (r *records) Meeting(ctx context.Context, id uuid.UUID) (Meeting, error) {
	var m Meeting
	err := r.read(ctx, func(tx EngineTx) (err error) {
		m, err = meetingDocs.get(tx, id)
		return err
	})
	return m, err
}

func (r *records) RosterInvitees(ctx context.Context, body uuid.UUID, d Date) ([]Invitee, error) {
	var out []Invitee
	err := r.read(ctx, func(tx EngineTx) error {
		b, dir, err := rosterOf(tx, body)
		if err != nil {
			return err
		}
		out = InviteesFromRoster(&b, d, dir)
		return nil
	})
	return out, err
}

// rosterOf reads a body and the directory its roster names.
func rosterOf(tx EngineTx, body uuid.UUID) (Body, Directory, error) {
	b, err := bodyDocs.get(tx, body)
	if err != nil {
		return b, Directory{}, err
	}
	people, err := personDocs.all(tx)
	if err != nil {
		return b, Directory{}, err
	}
	members, err := memberDocs.all(tx)
	if err != nil {
		return b, Directory{}, err
	}
	s, err := readSettings(tx)
	if err != nil {
		return b, Directory{}, err
	}
	return b, NewDirectory(people, members, PositionsOf(s)), nil
}

func (r *records) CreateMeeting(ctx context.Context, in Meeting) (Meeting, error) {
	var m Meeting
	err := r.write(ctx, func(w *wtx) error {
		m = in.Clone() // afresh on every run
		m.ID = NewID() // never a caller's: it could name a stored meeting
		m.Clean()
		if err := m.Validate(); err != nil {
			return err
		}
		if err := w.fillFromBody(&m); err != nil {
			return err
		}
		w.stamp(&m.Stamp, nil)
		if err := meetingDocs.put(w.tx, &m, nil); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindMeeting, m.ID, meetingCreated(&m))
	})
	if err != nil {
		return Meeting{}, err
	}
	return m, nil
}

// fillFromBody checks the meeting's body exists, sets the term in force on
// the meeting's date and, for a meeting given without invitees, invites
// the body's roster of that day.
func (w *wtx) fillFromBody(m *Meeting) error {
	if m.BodyID == uuid.Nil {
		m.TermID = uuid.Nil
		return nil
	}
	b, dir, err := rosterOf(w.tx, m.BodyID)
	if isNotFound(err) {
		return fieldErr(FieldMeetingBody, ProblemParentMissing, m.BodyID.String())
	} else if err != nil {
		return err
	}
	m.TermID = uuid.Nil
	if t := b.TermOn(m.Date); t != nil {
		m.TermID = t.ID
	}
	if len(m.Invitees) == 0 {
		m.Invitees = InviteesFromRoster(&b, m.Date, dir)
	}
	return nil
}

func (r *records) UpdateMeeting(ctx context.Context, in Meeting) (Meeting, error) {
	var m Meeting
	err := r.write(ctx, func(w *wtx) error {
		m = in.Clone()
		m.Clean()
		if err := m.Validate(); err != nil {
			return err
		}
		old, err := meetingDocs.get(w.tx, m.ID)
		if err != nil {
			return err
		}
		if err := meetingDocs.checkRev(&m, &old, old.Title); err != nil {
			return err
		}
		keepTaskLinks(&m, &old)
		if m.BodyID != old.BodyID || !m.Date.Equal(old.Date) {
			keep := m.Invitees
			if err := w.fillFromBody(&m); err != nil {
				return err
			}
			m.Invitees = keep // the clerk regenerates them (RosterInvitees, MergeInvitees)
		}
		w.stamp(&m.Stamp, &old.Stamp)
		if err := meetingDocs.put(w.tx, &m, &old); err != nil {
			return err
		}
		return w.audit(ActionUpdate, KindMeeting, m.ID, meetingUpdated(&old, &m))
	})
	if err != nil {
		return Meeting{}, err
	}
	return m, nil
}

func (r *records) SetAttend(ctx context.Context, id, invitee uuid.UUID, from, to Attend) (Meeting, error) {
	return r.changeInvitee(ctx, id, invitee, ActionAttend, attendSummary, func(m *Meeting, v *Invitee) error {
		if v.Attend != from {
			return conflict(KindMeeting, v.Label(), &m.Stamp)
		}
		v.Attend = to
		return nil
	})
}

func (r *records) SetReply(ctx context.Context, id, invitee uuid.UUID, from, to Reply) (Meeting, error) {
	return r.changeInvitee(ctx, id, invitee, ActionReply, replySummary, func(m *Meeting, v *Invitee) error {
		if v.Reply != from {
			return conflict(KindMeeting, v.Label(), &m.Stamp)
		}
		v.Reply = to
		return nil
	})
}

// changeInvitee reads the meeting, lets change alter one invitee (it
// checks that invitee is as the caller saw it), cleans, validates and
// saves, with the summary of the invitee as cleaned.
func (r *records) changeInvitee(ctx context.Context, id, invitee uuid.UUID, action Action,
	summary func(*Meeting, *Invitee) string, change func(m *Meeting, v *Invitee) error) (Meeting, error) {
	var m Meeting
	err := r.write(ctx, func(w *wtx) (err error) {
		if m, err = meetingDocs.get(w.tx, id); err != nil {
			return err
		}
		old := m.Clone()
		v := m.Invitee(invitee)
		if v == nil {
			return fieldErr(FieldInvitee, ProblemInviteeNotFound, invitee.String())
		}
		if err := change(&m, v); err != nil {
			return err
		}
		m.Clean()
		if err := m.Validate(); err != nil {
			return err
		}
		w.stamp(&m.Stamp, &old.Stamp)
		if err := meetingDocs.put(w.tx, &m, &old); err != nil {
			return err
		}
		return w.audit(action, KindMeeting, m.ID, summary(&m, m.Invitee(invitee)))
	})
	if err != nil {
		return Meeting{}, err
	}
	return m, nil
}

func (r *records) DeleteMeeting(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		m, err := meetingDocs.get(w.tx, id)
		if err != nil {
			return err
		}
		if err := w.putTrash(KindMeeting, id, m.Title, &m); err != nil {
			return err
		}
		if err := meetingDocs.remove(w.tx, &m); err != nil {
			return err
		}
		return w.audit(ActionDelete, KindMeeting, id, "删除会议 "+m.Title)
	})
}

// keepTaskLinks keeps, on every agreed item made a task, the task and its
// done day as stored: they belong to TaskFromItem and the task's own
// writes, so a form that does not carry them cannot unlink a task.
func keepTaskLinks(m, old *Meeting) {
	for i := range m.Items {
		if o := old.Item(m.Items[i].ID); o != nil && o.TaskID != uuid.Nil {
			m.Items[i].TaskID, m.Items[i].Done = o.TaskID, o.Done
		}
	}
}

// readSettings reads the settings inside a transaction (zero if unset).
func readSettings(tx EngineTx) (Settings, error) {
	var s Settings
	data, err := tx.Meta(MetaSettings)
	if err != nil || data == nil {
		return s, err
	}
	return s, json.Unmarshal(data, &s)
}
