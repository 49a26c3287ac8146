package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
)

func (r *records) Members(ctx context.Context) ([]Member, error) {
	var out []Member
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = memberDocs.all(tx)
		return err
	})
	return out, err
}

func (r *records) Member(ctx context.Context, id uuid.UUID) (Member, error) {
	var m Member
	err := r.read(ctx, func(tx EngineTx) (err error) {
		m, err = memberDocs.get(tx, id)
		return err
	})
	return m, err
}

// CreateMember replays in's events in order on a fresh member, so the
// life-cycle rules apply to them as to any other event.
func (r *records) CreateMember(ctx context.Context, in Member) (Member, error) {
	var m Member
	err := r.write(ctx, func(w *wtx) error {
		var err error
		if m, err = newMember(in, w.now); err != nil {
			return err
		}
		if err := w.refuseMemberDuplicate(&m); err != nil {
			return err
		}
		w.stamp(&m.Stamp, nil)
		if err := memberDocs.put(w.tx, &m, nil); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindMember, m.ID, "新增 "+m.Name)
	})
	if err != nil {
		return Member{}, err
	}
	return m, nil
}

// newMember builds the member CreateMember saves from what the caller gave.
func newMember(in Member, now time.Time) (Member, error) {
	m := in
	m.Clean()
	if err := m.Validate(); err != nil {
		return Member{}, err
	}
	m.Events = nil
	for _, e := range in.Events {
		if err := m.AddEvent(e, now); err != nil {
			return Member{}, err
		}
	}
	m.ID = NewID()
	return m, nil
}

// UpdateMember keeps the stored events: they change only through
// AddEvent. A save that changes no detail writes nothing and returns the
// stored member.
func (r *records) UpdateMember(ctx context.Context, in Member) (Member, error) {
	in.Clean()
	if err := in.Validate(); err != nil {
		return Member{}, err
	}
	var m Member
	err := r.write(ctx, func(w *wtx) error {
		m = in // afresh on every run: an engine may retry the transaction
		old, err := memberDocs.get(w.tx, m.ID)
		if err != nil {
			return err
		}
		if len(ChangedFields(&old, &m)) == 0 {
			m = old
			return errUnchanged
		}
		if err := memberDocs.checkRev(&m, &old, old.Name); err != nil {
			return err
		}
		m.Events = old.Events
		if err := w.refuseMemberDuplicate(&m); err != nil {
			return err
		}
		w.stamp(&m.Stamp, &old.Stamp)
		if err := memberDocs.put(w.tx, &m, &old); err != nil {
			return err
		}
		return w.audit(ActionUpdate, KindMember, m.ID, UpdateSummary(&old, &m))
	})
	if errors.Is(err, errUnchanged) {
		return m, nil
	}
	if err != nil {
		return Member{}, err
	}
	return m, nil
}

// errUnchanged ends a write that would change nothing: it is not made,
// so no audit entry says "nothing changed" and the record's revision
// stays, and another clerk's open edit of it is not refused for it.
var errUnchanged = errors.New("store: nothing to change")

func (r *records) AddEvent(ctx context.Context, id uuid.UUID, e Event) (Member, error) {
	var m Member
	err := r.write(ctx, func(w *wtx) error {
		old, err := memberDocs.get(w.tx, id)
		if err != nil {
			return err
		}
		m = old
		m.Events = append([]Event(nil), old.Events...)
		if err := m.AddEvent(e, w.now); err != nil {
			return err
		}
		w.stamp(&m.Stamp, &old.Stamp)
		if err := memberDocs.put(w.tx, &m, &old); err != nil {
			return err
		}
		return w.audit(ActionEvent, KindMember, m.ID, EventSummary(&m, m.Events[len(m.Events)-1]))
	})
	if err != nil {
		return Member{}, err
	}
	return m, nil
}

// DeleteMember moves a member to the trash, whole, so Restore can bring it
// back exactly as it was.
func (r *records) DeleteMember(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		m, err := memberDocs.get(w.tx, id)
		if err != nil {
			return err
		}
		if err := w.putTrash(KindMember, m.ID, m.Name, &m); err != nil {
			return err
		}
		if err := memberDocs.remove(w.tx, &m); err != nil {
			return err
		}
		return w.audit(ActionDelete, KindMember, m.ID, "删除 "+m.Name)
	})
}

// refuseMemberDuplicate fails with the *FieldError naming the existing
// unit if m would duplicate it.
func (w *wtx) refuseMemberDuplicate(m *Member) error {
	other, err := memberDocs.duplicate(w.tx, m)
	if err != nil {
		return err
	}
	if other != nil {
		return DuplicateError(other)
	}
	return nil
}

// EventSummary is the audit line for an event, e.g.
// "类别变更 潍坊职业学院 理事单位→常务理事单位 (2024年3月1日)".
func EventSummary(m *Member, e Event) string {
	var detail string
	switch e.Kind {
	case EventJoin:
		detail = string(e.Tier)
	case EventTier:
		detail = string(e.FromTier) + "→" + string(e.Tier)
	case EventExit:
		detail = string(e.ExitKind)
	}
	s := string(e.Kind) + " " + m.Name
	if detail != "" {
		s += " " + detail
	}
	return s + " (" + e.Date.Chinese() + ")"
}

// UpdateSummary is the audit line for an edit: the unit and the fields
// that changed, e.g. "修改 潍坊职业学院：联系人、联系电话".
func UpdateSummary(old, m *Member) string {
	fields := ChangedFields(old, m)
	s := "修改 " + m.Name
	if old.Name != m.Name {
		s = "修改 " + old.Name + "→" + m.Name
	}
	if len(fields) == 0 {
		return s + "（无变化）"
	}
	return s + "：" + fieldList(fields)
}

func fieldList(fields []Field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	return strings.Join(names, "、")
}

// ChangedFields lists the detail fields in which a and b differ.
func ChangedFields(a, b *Member) []Field {
	var out []Field
	for _, f := range memberDetailFields {
		if f.get(a) != f.get(b) {
			out = append(out, f.field)
		}
	}
	return out
}

// memberDetailFields are a member's details as the clerk edits them, in
// the register's column order.
var memberDetailFields = []struct {
	field Field
	get   func(*Member) string
}{
	{FieldName, func(m *Member) string { return m.Name }},
	{FieldCreditCode, func(m *Member) string { return m.CreditCode }},
	{FieldCodeReason, func(m *Member) string { return m.CodeReason }},
	{FieldType, func(m *Member) string { return string(m.Type) }},
	{FieldProvince, func(m *Member) string { return m.Province }},
	{FieldCity, func(m *Member) string { return m.City }},
	{FieldAddress, func(m *Member) string { return m.Address }},
	{FieldContact, func(m *Member) string { return m.Contact }},
	{FieldPhone, func(m *Member) string { return m.Phone }},
	{FieldEmail, func(m *Member) string { return m.Email }},
	{FieldNote, func(m *Member) string { return m.Note }},
}
