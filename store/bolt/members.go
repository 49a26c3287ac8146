package bolt

import (
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// Members returns every member not in the trash, in creation order (the
// UUIDv7 keys sort by time).
func (d *DB) Members() ([]store.Member, error) {
	var out []store.Member
	err := d.bolt.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketMembers)
		out = make([]store.Member, 0, b.Stats().KeyN)
		return b.ForEach(func(k, v []byte) error {
			var m store.Member
			if err := decode(v, &m); err != nil {
				return fmt.Errorf("成员单位 %x 无法读取: %w", k, err)
			}
			out = append(out, m)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Member returns one member, or store.ErrNotFound.
func (d *DB) Member(id uuid.UUID) (store.Member, error) {
	var m store.Member
	err := d.bolt.View(func(tx *bbolt.Tx) (err error) {
		m, err = getMember(tx, id)
		return err
	})
	return m, err
}

// CreateMember cleans and validates in, replays its events in order on a
// fresh member (so the life-cycle rules apply to them as to any other
// event), refuses a duplicate, and saves it under a new ID.
func (d *DB) CreateMember(in store.Member) (store.Member, error) {
	var m store.Member
	err := d.update(func(w *writeTx) error {
		var err error
		if m, err = newMember(in, w.now); err != nil {
			return err
		}
		if err := w.refuseDuplicate(&m); err != nil {
			return err
		}
		if err := w.putMember(&m, nil); err != nil {
			return err
		}
		return w.audit(store.ActionCreate, store.KindMember, m.ID, "新增 "+m.Name)
	})
	if err != nil {
		return store.Member{}, err
	}
	return m, nil
}

// newMember builds the member CreateMember saves from what the caller gave.
func newMember(in store.Member, now time.Time) (store.Member, error) {
	m := in
	m.Clean()
	if err := m.Validate(); err != nil {
		return store.Member{}, err
	}
	m.Events = nil
	for _, e := range in.Events {
		if err := m.AddEvent(e, now); err != nil {
			return store.Member{}, err
		}
	}
	m.ID = store.NewID()
	m.Created, m.Updated = now, now
	return m, nil
}

// UpdateMember saves in's details. Events are kept as stored: they change
// only through AddEvent. in.Updated must match the stored member, so an
// edit made on a stale copy fails with store.ErrConflict instead of
// silently undoing someone else's change.
func (d *DB) UpdateMember(in store.Member) (store.Member, error) {
	m := in
	m.Clean()
	if err := m.Validate(); err != nil {
		return store.Member{}, err
	}
	err := d.update(func(w *writeTx) error {
		old, err := getMember(w.tx, m.ID)
		if err != nil {
			return err
		}
		if !old.Updated.Equal(m.Updated) {
			return store.ErrConflict
		}
		m.Events, m.Created, m.Updated = old.Events, old.Created, w.now
		if err := w.refuseDuplicate(&m); err != nil {
			return err
		}
		if err := w.putMember(&m, &old); err != nil {
			return err
		}
		return w.audit(store.ActionUpdate, store.KindMember, m.ID, updateSummary(&old, &m))
	})
	if err != nil {
		return store.Member{}, err
	}
	return m, nil
}

// AddEvent appends a life-cycle event after Member.AddEvent allows it on
// the store's today.
func (d *DB) AddEvent(id uuid.UUID, e store.Event) (store.Member, error) {
	var m store.Member
	err := d.update(func(w *writeTx) error {
		var err error
		if m, err = getMember(w.tx, id); err != nil {
			return err
		}
		if err := m.AddEvent(e, w.now); err != nil {
			return err
		}
		m.Updated = w.now
		if err := putJSON(w.tx.Bucket(bucketMembers), idKey(m.ID), m); err != nil {
			return err
		}
		return w.audit(store.ActionEvent, store.KindMember, m.ID, eventSummary(&m, m.Events[len(m.Events)-1]))
	})
	if err != nil {
		return store.Member{}, err
	}
	return m, nil
}

// DeleteMember moves a member to the trash, whole, so Restore can bring it
// back exactly as it was.
func (d *DB) DeleteMember(id uuid.UUID) error {
	return d.update(func(w *writeTx) error {
		m, err := getMember(w.tx, id)
		if err != nil {
			return err
		}
		if err := w.putTrash(store.KindMember, m.ID, m.Name, &m); err != nil {
			return err
		}
		if err := w.removeMember(&m); err != nil {
			return err
		}
		return w.audit(store.ActionDelete, store.KindMember, m.ID, "删除 "+m.Name)
	})
}

// eventSummary is the audit line for an event, e.g.
// "类别变更 潍坊职业学院 理事单位→常务理事单位 (2024年3月1日)".
func eventSummary(m *store.Member, e store.Event) string {
	var detail string
	switch e.Kind {
	case store.EventJoin:
		detail = string(e.Tier)
	case store.EventTier:
		detail = string(e.FromTier) + "→" + string(e.Tier)
	case store.EventExit:
		detail = string(e.ExitKind)
	}
	s := string(e.Kind) + " " + m.Name
	if detail != "" {
		s += " " + detail
	}
	return s + " (" + e.Date.Chinese() + ")"
}

// updateSummary is the audit line for an edit: the unit and the fields that
// changed, e.g. "修改 潍坊职业学院：联系人、联系电话".
func updateSummary(old, m *store.Member) string {
	fields := changedFields(old, m)
	s := "修改 " + m.Name
	if old.Name != m.Name {
		s = "修改 " + old.Name + "→" + m.Name
	}
	if len(fields) == 0 {
		return s + "（无变化）"
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	return s + "：" + strings.Join(names, "、")
}

func changedFields(a, b *store.Member) []store.Field {
	pairs := []struct {
		f    store.Field
		x, y string
	}{
		{store.FieldName, a.Name, b.Name},
		{store.FieldCreditCode, a.CreditCode, b.CreditCode},
		{store.FieldCodeReason, a.CodeReason, b.CodeReason},
		{store.FieldType, string(a.Type), string(b.Type)},
		{store.FieldProvince, a.Province, b.Province},
		{store.FieldCity, a.City, b.City},
		{store.FieldAddress, a.Address, b.Address},
		{store.FieldContact, a.Contact, b.Contact},
		{store.FieldPhone, a.Phone, b.Phone},
		{store.FieldEmail, a.Email, b.Email},
		{store.FieldNote, a.Note, b.Note},
	}
	var out []store.Field
	for _, p := range pairs {
		if p.x != p.y {
			out = append(out, p.f)
		}
	}
	return out
}
