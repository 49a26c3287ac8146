package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// putTrash stores a deleted record as a trash item keyed by its own ID, so
// Restore finds it by the ID the clerk saw. name is what the trash list
// shows.
func (w *wtx) putTrash(kind Kind, id uuid.UUID, name string, rec any) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	item, err := marshal(TrashItem{ID: id, Kind: kind, Name: name, Deleted: w.now, Data: data})
	if err != nil {
		return err
	}
	return w.tx.Put(ColTrash, id, item)
}

// Trash lists deleted records, most recently deleted first.
func (r *records) Trash(ctx context.Context) ([]TrashItem, error) {
	var out []TrashItem
	err := r.read(ctx, func(tx EngineTx) error {
		return tx.Scan(ColTrash, func(id uuid.UUID, data []byte) error {
			var item TrashItem
			if err := json.Unmarshal(data, &item); err != nil {
				return decodeErr(ColTrash, id, err)
			}
			out = append(out, item)
			return nil
		})
	})
	// Keys are record IDs (creation order), so order by deletion time here;
	// the trash is small.
	slices.SortStableFunc(out, func(a, b TrashItem) int { return b.Deleted.Compare(a.Deleted) })
	return out, err
}

// Restore brings a member, person or body back from the trash, refused
// like its Create if another record with its name (or credit code) has been
// added meanwhile. Its revision goes on from the deleted one's, so an edit
// form opened before the delete cannot overwrite it.
func (r *records) Restore(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		item, err := w.trashItem(id)
		if err != nil {
			return err
		}
		switch item.Kind {
		case KindMember:
			err = restore(w, memberDocs, item, w.refuseMemberDuplicate)
		case KindPerson:
			err = restore(w, personDocs, item, w.refusePersonDuplicate)
		case KindBody:
			err = restore(w, bodyDocs, item, w.refuseBodyDuplicate)
		case KindMeeting:
			err = restore(w, meetingDocs, item, func(*Meeting) error { return nil })
		case KindTask:
			err = restore(w, taskDocs, item, w.refuseTaskDuplicate)
		default:
			err = fmt.Errorf("回收站记录 %s 的类型 %q 无法恢复", id, item.Kind)
		}
		if err != nil {
			return err
		}
		if err := w.tx.Delete(ColTrash, id); err != nil {
			return err
		}
		return w.audit(ActionRestore, item.Kind, id, "恢复 "+item.Name)
	})
}

// trashItem reads one item of the trash, or ErrNotFound.
func (w *wtx) trashItem(id uuid.UUID) (TrashItem, error) {
	var item TrashItem
	data, err := w.tx.Get(ColTrash, id)
	if err != nil {
		return item, err
	}
	if err := json.Unmarshal(data, &item); err != nil {
		return item, decodeErr(ColTrash, id, err)
	}
	return item, nil
}

// restore puts a trashed record of kind k back into the register, after
// refuse has checked it duplicates nothing there now.
func restore[T any](w *wtx, k docKind[T], item TrashItem, refuse func(*T) error) error {
	var rec T
	if err := json.Unmarshal(item.Data, &rec); err != nil {
		return decodeErr(ColTrash, item.ID, err)
	}
	if ok, err := k.exists(w.tx, k.id(&rec)); err != nil || ok {
		return orConflict(err) // the same ID is in the register: never overwrite it
	}
	if err := refuse(&rec); err != nil {
		return err
	}
	old := *k.stamp(&rec)
	w.stamp(k.stamp(&rec), &old)
	return k.put(w.tx, &rec, nil)
}

func (r *records) Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	var out []AuditEntry
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = tx.Audit(q)
		return err
	})
	return out, err
}

// Settings returns the settings, with the default group name until the
// clerk sets one.
func (r *records) Settings(ctx context.Context) (Settings, error) {
	var s Settings
	err := r.read(ctx, func(tx EngineTx) error {
		data, err := tx.Meta(MetaSettings)
		if err != nil || data == nil {
			return err
		}
		return json.Unmarshal(data, &s)
	})
	s.GroupName = cmp.Or(s.GroupName, DefaultGroupName)
	return s, err
}

// SaveSettings stores the settings. The group name is printed on every
// sheet, so it is cleaned and may not be empty.
func (r *records) SaveSettings(ctx context.Context, s Settings) error {
	s.GroupName = CleanText(s.GroupName)
	if err := s.Validate(); err != nil {
		return err
	}
	return r.write(ctx, func(w *wtx) error {
		data, err := marshal(s)
		if err != nil {
			return err
		}
		if err := w.tx.SetMeta(MetaSettings, data); err != nil {
			return err
		}
		summary := "集团名称：" + s.GroupName
		if s.Language != "" {
			summary += "；语言：" + s.Language
		}
		return w.audit(ActionSettings, KindSettings, uuid.Nil, summary)
	})
}
