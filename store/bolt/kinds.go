package bolt

import (
	"bytes"
	"fmt"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// kind describes one indexed record kind (members, people, bodies): its
// bucket, how its ID and index keys are found. The read, duplicate, put
// and remove rules are the same for every kind, so they are written once
// here and cannot drift apart between kinds.
type kind[T any] struct {
	name   string // store.KindMember …, as in messages and the audit log
	bucket []byte
	id     func(*T) uuid.UUID
	keys   func(*T) []indexEntry
}

// indexEntry is one key under which a record is found.
type indexEntry struct {
	bucket []byte
	key    []byte
}

var (
	memberKind = kind[store.Member]{store.KindMember, bucketMembers,
		func(m *store.Member) uuid.UUID { return m.ID }, indexEntries}
	personKind = kind[store.Person]{store.KindPerson, bucketPeople,
		func(p *store.Person) uuid.UUID { return p.ID }, personEntries}
	bodyKind = kind[store.Body]{store.KindBody, bucketBodies,
		func(b *store.Body) uuid.UUID { return b.ID }, bodyEntries}
)

// indexEntries are the keys a member is found under: its NameKey and, if it
// has one, its credit code.
func indexEntries(m *store.Member) []indexEntry {
	out := []indexEntry{{bucketIdxName, []byte(store.NameKey(m.Name))}}
	if m.CreditCode != "" {
		out = append(out, indexEntry{bucketIdxCode, []byte(m.CreditCode)})
	}
	return out
}

// personEntries: a person is found under its PersonKey (name and unit).
func personEntries(p *store.Person) []indexEntry {
	return []indexEntry{{bucketIdxPerson, []byte(store.PersonKey(p))}}
}

// bodyEntries: a body is found under the NameKey of its name.
func bodyEntries(b *store.Body) []indexEntry {
	return []indexEntry{{bucketIdxBody, []byte(store.NameKey(b.Name))}}
}

// get reads one record of the register (not the trash), or store.ErrNotFound.
func (k kind[T]) get(tx *bbolt.Tx, id uuid.UUID) (T, error) {
	var rec T
	data := tx.Bucket(k.bucket).Get(id[:])
	if data == nil {
		return rec, store.ErrNotFound
	}
	if err := decode(data, &rec); err != nil {
		return rec, fmt.Errorf("%s %s 无法读取: %w", k.name, id, err)
	}
	return rec, nil
}

// exists reports whether id is in the register, without decoding it.
func (k kind[T]) exists(tx *bbolt.Tx, id uuid.UUID) bool {
	return tx.Bucket(k.bucket).Get(id[:]) != nil
}

// all decodes every record in creation order (UUIDv7 keys sort by time).
func (k kind[T]) all(tx *bbolt.Tx) ([]T, error) {
	var out []T
	err := tx.Bucket(k.bucket).ForEach(func(key, v []byte) error {
		var rec T
		if err := decode(v, &rec); err != nil {
			return fmt.Errorf("%s %x 无法读取: %w", k.name, key, err)
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// duplicate returns the record, other than rec itself, that already has
// one of rec's index keys, or nil.
func (k kind[T]) duplicate(tx *bbolt.Tx, rec *T) (*T, error) {
	for _, e := range k.keys(rec) {
		v := tx.Bucket(e.bucket).Get(e.key)
		if v == nil {
			continue
		}
		id, err := uuid.FromBytes(v)
		if err != nil {
			return nil, fmt.Errorf("索引 %s 损坏: %w", e.bucket, err)
		}
		if id == k.id(rec) {
			continue
		}
		other, err := k.get(tx, id)
		if err != nil {
			return nil, fmt.Errorf("索引 %s 指向的%s %s: %w", e.bucket, k.name, id, err)
		}
		return &other, nil
	}
	return nil, nil
}

// put stores rec and points its index entries at it. old is the stored
// version (nil for a record not in the bucket); its entries are removed
// first, so a renamed record is no longer found under its old name.
func (k kind[T]) put(tx *bbolt.Tx, rec, old *T) error {
	if old != nil {
		if err := k.unindex(tx, old); err != nil {
			return err
		}
	}
	id := k.id(rec)
	if err := putJSON(tx.Bucket(k.bucket), idKey(id), rec); err != nil {
		return err
	}
	for _, e := range k.keys(rec) {
		if err := tx.Bucket(e.bucket).Put(e.key, idKey(id)); err != nil {
			return err
		}
	}
	return nil
}

// remove takes rec out of its bucket and its indexes.
func (k kind[T]) remove(tx *bbolt.Tx, rec *T) error {
	if err := k.unindex(tx, rec); err != nil {
		return err
	}
	id := k.id(rec)
	return tx.Bucket(k.bucket).Delete(idKey(id))
}

// unindex removes rec's index entries, but only those that point at rec:
// an entry that names another record is that record's.
func (k kind[T]) unindex(tx *bbolt.Tx, rec *T) error {
	id := k.id(rec)
	for _, e := range k.keys(rec) {
		b := tx.Bucket(e.bucket)
		if bytes.Equal(b.Get(e.key), id[:]) {
			if err := b.Delete(e.key); err != nil {
				return err
			}
		}
	}
	return nil
}
