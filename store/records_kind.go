package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// docKind describes one indexed record kind (members, people, bodies): its
// collection, how its ID, stamp and index keys are found. The read,
// duplicate, put and remove rules are the same for every kind, so they
// are written once here and cannot drift apart between kinds or engines.
type docKind[T any] struct {
	kind  Kind
	col   Collection
	id    func(*T) uuid.UUID
	stamp func(*T) *Stamp
	keys  func(*T) []indexKey
}

// indexKey is one key under which a record is found.
type indexKey struct {
	ix  Index
	key string
}

var (
	memberDocs = docKind[Member]{KindMember, ColMembers,
		func(m *Member) uuid.UUID { return m.ID }, func(m *Member) *Stamp { return &m.Stamp }, memberKeys}
	personDocs = docKind[Person]{KindPerson, ColPeople,
		func(p *Person) uuid.UUID { return p.ID }, func(p *Person) *Stamp { return &p.Stamp }, personKeys}
	bodyDocs = docKind[Body]{KindBody, ColBodies,
		func(b *Body) uuid.UUID { return b.ID }, func(b *Body) *Stamp { return &b.Stamp }, bodyKeys}
	meetingDocs = docKind[Meeting]{KindMeeting, ColMeetings,
		func(m *Meeting) uuid.UUID { return m.ID }, func(m *Meeting) *Stamp { return &m.Stamp }, noKeys[Meeting]}
	taskDocs = docKind[Task]{KindTask, ColTasks,
		func(t *Task) uuid.UUID { return t.ID }, func(t *Task) *Stamp { return &t.Stamp },
		func(t *Task) []indexKey { return []indexKey{{IdxTaskNumber, t.Number}} }}
	catalogueDocs = docKind[Catalogue]{KindCatalogue, ColCatalogues,
		func(c *Catalogue) uuid.UUID { return c.ID }, func(c *Catalogue) *Stamp { return &c.Stamp },
		func(c *Catalogue) []indexKey { return []indexKey{{IdxCatalogue, catalogueKey(c.Year, c.Version)}} }}
	unitValueDocs = docKind[UnitValues]{KindIndicators, ColUnitValues,
		func(v *UnitValues) uuid.UUID { return v.ID }, func(v *UnitValues) *Stamp { return &v.Stamp },
		func(v *UnitValues) []indexKey { return []indexKey{{IdxUnitValues, unitValuesKey(v.Year, v.MemberID)}} }}
	roundDocs = docKind[CollectionRound]{KindRound, ColRounds,
		func(r *CollectionRound) uuid.UUID { return r.ID }, func(r *CollectionRound) *Stamp { return &r.Stamp }, noKeys[CollectionRound]}
	dispatchDocs = docKind[Dispatch]{KindDispatch, ColDispatches,
		func(d *Dispatch) uuid.UUID { return d.ID }, func(d *Dispatch) *Stamp { return &d.Stamp }, noKeys[Dispatch]}
)

// memberKeys: a member is found under its NameKey and, if it has one, its
// credit code.
func memberKeys(m *Member) []indexKey {
	out := []indexKey{{IdxMemberName, NameKey(m.Name)}}
	if m.CreditCode != "" {
		out = append(out, indexKey{IdxMemberCode, m.CreditCode})
	}
	return out
}

func personKeys(p *Person) []indexKey { return []indexKey{{IdxPerson, PersonKey(p)}} }

// noKeys: a kind found by its ID only (two meetings may share a title).
func noKeys[T any](*T) []indexKey { return nil }

func bodyKeys(b *Body) []indexKey { return []indexKey{{IdxBody, NameKey(b.Name)}} }

// get reads one record of the register (not the trash), or ErrNotFound.
func (k docKind[T]) get(tx EngineTx, id uuid.UUID) (T, error) {
	var rec T
	data, err := tx.Get(k.col, id)
	if err != nil {
		return rec, err
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return rec, decodeErr(k.col, id, err)
	}
	return rec, nil
}

// exists reports whether id is in the register.
func (k docKind[T]) exists(tx EngineTx, id uuid.UUID) (bool, error) {
	_, err := tx.Get(k.col, id)
	switch {
	case err == nil:
		return true, nil
	case isNotFound(err):
		return false, nil
	}
	return false, err
}

// all decodes every record in creation order (UUIDv7 keys sort by time).
func (k docKind[T]) all(tx EngineTx) ([]T, error) {
	n, err := tx.Count(k.col)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, n)
	err = tx.Scan(k.col, func(id uuid.UUID, data []byte) error {
		var rec T
		if err := json.Unmarshal(data, &rec); err != nil {
			return decodeErr(k.col, id, err)
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// duplicate returns the record, other than rec itself, that already has
// one of rec's index keys, or nil.
func (k docKind[T]) duplicate(tx EngineTx, rec *T) (*T, error) {
	for _, e := range k.keys(rec) {
		id, ok, err := tx.Lookup(e.ix, e.key)
		if err != nil {
			return nil, err
		}
		if !ok || id == k.id(rec) {
			continue
		}
		other, err := k.get(tx, id)
		if err != nil {
			return nil, fmt.Errorf("索引 %s 指向的记录 %s: %w", e.ix, id, err)
		}
		return &other, nil
	}
	return nil, nil
}

// put stores rec and points its index entries at it. old is the stored
// version (nil for a record not stored); its entries are removed first,
// so a renamed record is no longer found under its old name.
func (k docKind[T]) put(tx EngineTx, rec, old *T) error {
	if old != nil {
		if err := k.unindex(tx, old); err != nil {
			return err
		}
	}
	data, err := marshal(rec)
	if err != nil {
		return err
	}
	id := k.id(rec)
	if err := tx.Put(k.col, id, data); err != nil {
		return err
	}
	for _, e := range k.keys(rec) {
		if err := tx.SetKey(e.ix, e.key, id); err != nil {
			return err
		}
	}
	return nil
}

// remove takes rec out of its collection and its indexes.
func (k docKind[T]) remove(tx EngineTx, rec *T) error {
	if err := k.unindex(tx, rec); err != nil {
		return err
	}
	return tx.Delete(k.col, k.id(rec))
}

// unindex removes rec's index entries, but only those that point at rec:
// an entry that names another record is that record's.
func (k docKind[T]) unindex(tx EngineTx, rec *T) error {
	id := k.id(rec)
	for _, e := range k.keys(rec) {
		got, ok, err := tx.Lookup(e.ix, e.key)
		if err != nil {
			return err
		}
		if ok && got == id {
			if err := tx.DeleteKey(e.ix, e.key); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkRev refuses a save of rec over a stored version with another Rev.
func (k docKind[T]) checkRev(rec, stored *T, name string) error {
	if k.stamp(rec).Rev != k.stamp(stored).Rev {
		return conflict(k.kind, name, k.stamp(stored))
	}
	return nil
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
