package bolt

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// putTrash stores a deleted record as a trash item keyed by its own ID, so
// Restore finds it by the ID the clerk saw. name is what the trash list
// shows.
func (w *writeTx) putTrash(kind string, id uuid.UUID, name string, rec any) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	item := store.TrashItem{ID: id, Kind: kind, Name: name, Deleted: w.now, Data: data}
	return putJSON(w.tx.Bucket(bucketTrash), idKey(id), item)
}

// Trash lists deleted records, most recently deleted first.
func (d *DB) Trash() ([]store.TrashItem, error) {
	var out []store.TrashItem
	err := d.bolt.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketTrash).ForEach(func(k, v []byte) error {
			var item store.TrashItem
			if err := decode(v, &item); err != nil {
				return fmt.Errorf("回收站记录 %x 无法读取: %w", k, err)
			}
			out = append(out, item)
			return nil
		})
	})
	// Keys are record IDs (creation order), so order by deletion time here;
	// the trash is small.
	slices.SortStableFunc(out, func(a, b store.TrashItem) int { return b.Deleted.Compare(a.Deleted) })
	return out, err
}

// Restore brings a member, person or body back from the trash, refused
// like its Create if another record with its name (or credit code) has been
// added meanwhile. Its Updated time is renewed, so an edit form opened
// before the delete cannot overwrite it.
func (d *DB) Restore(id uuid.UUID) error {
	return d.update(func(w *writeTx) error {
		trash := w.tx.Bucket(bucketTrash)
		data := trash.Get(id[:])
		if data == nil {
			return store.ErrNotFound
		}
		var item store.TrashItem
		if err := decode(data, &item); err != nil {
			return fmt.Errorf("回收站记录 %s 无法读取: %w", id, err)
		}
		var err error
		switch item.Kind {
		case store.KindMember:
			err = restore(w, memberKind, item, func(m *store.Member) { m.Updated = w.now }, w.refuseDuplicate)
		case store.KindPerson:
			err = restore(w, personKind, item, func(p *store.Person) { p.Updated = w.now }, w.refusePersonDuplicate)
		case store.KindBody:
			err = restore(w, bodyKind, item, func(b *store.Body) { b.Updated = w.now }, w.refuseBodyDuplicate)
		default:
			err = fmt.Errorf("回收站记录 %s 的类型 %q 无法恢复", id, item.Kind)
		}
		if err != nil {
			return err
		}
		if err := trash.Delete(idKey(id)); err != nil {
			return err
		}
		return w.audit(store.ActionRestore, item.Kind, id, "恢复 "+item.Name)
	})
}

// restore puts a trashed record of kind k back into the register, after
// refuse has checked it duplicates nothing there now.
func restore[T any](w *writeTx, k kind[T], item store.TrashItem, touch func(*T), refuse func(*T) error) error {
	var rec T
	if err := decode(item.Data, &rec); err != nil {
		return fmt.Errorf("回收站记录 %s 无法读取: %w", item.ID, err)
	}
	if k.exists(w.tx, k.id(&rec)) {
		return store.ErrConflict // the same ID is in the register: never overwrite it
	}
	if err := refuse(&rec); err != nil {
		return err
	}
	touch(&rec)
	return k.put(w.tx, &rec, nil)
}

// Audit returns the latest audit entries, newest first (all if limit <= 0).
func (d *DB) Audit(limit int) ([]store.AuditEntry, error) {
	var out []store.AuditEntry
	err := d.bolt.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var e store.AuditEntry
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("操作记录 %x 无法读取: %w", k, err)
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// Settings returns the file's settings, with the default group name until
// the clerk sets one.
func (d *DB) Settings() (store.Settings, error) {
	var s store.Settings
	err := d.bolt.View(func(tx *bbolt.Tx) error {
		if data := tx.Bucket(bucketMeta).Get(keySettings); data != nil {
			return decode(data, &s)
		}
		return nil
	})
	s.GroupName = cmp.Or(s.GroupName, store.DefaultGroupName)
	return s, err
}

// languages are the values Settings.Language may take ("" is the default).
var languages = []string{"", "zh", "en"}

// SaveSettings stores the settings. The group name is printed on every
// sheet, so it is cleaned and may not be empty.
func (d *DB) SaveSettings(s store.Settings) error {
	s.GroupName = store.CleanText(s.GroupName)
	if s.GroupName == "" {
		return &store.FieldError{Field: store.FieldGroupName, Problem: store.ProblemRequired}
	}
	if !slices.Contains(languages, s.Language) {
		return fmt.Errorf("bolt: unknown language %q", s.Language)
	}
	return d.update(func(w *writeTx) error {
		if err := putJSON(w.tx.Bucket(bucketMeta), keySettings, s); err != nil {
			return err
		}
		summary := "集团名称：" + s.GroupName
		if s.Language != "" {
			summary += "；语言：" + s.Language
		}
		return w.audit(store.ActionSettings, "", uuid.Nil, summary)
	})
}
