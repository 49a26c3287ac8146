package bolt

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// idKey is a record's key: a fresh copy of the 16 UUID bytes, since bbolt
// keeps the slices it is given until the transaction ends.
func idKey(id uuid.UUID) []byte { return bytes.Clone(id[:]) }

func putJSON(b *bbolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// decode reads a value inside a transaction. encoding/json copies every
// string and RawMessage it keeps, so the result stays valid after the
// transaction, when bbolt's memory may be unmapped.
func decode(data []byte, v any) error { return json.Unmarshal(data, v) }

// getMember reads one member of the register (not the trash).
func getMember(tx *bbolt.Tx, id uuid.UUID) (store.Member, error) {
	var m store.Member
	data := tx.Bucket(bucketMembers).Get(id[:])
	if data == nil {
		return m, store.ErrNotFound
	}
	if err := decode(data, &m); err != nil {
		return m, fmt.Errorf("成员单位 %s 无法读取: %w", id, err)
	}
	return m, nil
}

// indexEntry is one key under which a member is found.
type indexEntry struct {
	bucket []byte
	key    []byte
}

// indexEntries are the keys a member is found under: its NameKey and, if it
// has one, its credit code.
func indexEntries(m *store.Member) []indexEntry {
	out := []indexEntry{{bucketIdxName, []byte(store.NameKey(m.Name))}}
	if m.CreditCode != "" {
		out = append(out, indexEntry{bucketIdxCode, []byte(m.CreditCode)})
	}
	return out
}

// duplicateOf returns the member, other than m itself, that already has
// m's credit code or name key, or nil.
func duplicateOf(tx *bbolt.Tx, m *store.Member) (*store.Member, error) {
	for _, e := range indexEntries(m) {
		v := tx.Bucket(e.bucket).Get(e.key)
		if v == nil {
			continue
		}
		id, err := uuid.FromBytes(v)
		if err != nil {
			return nil, fmt.Errorf("索引 %s 损坏: %w", e.bucket, err)
		}
		if id == m.ID {
			continue
		}
		other, err := getMember(tx, id)
		if err != nil {
			return nil, fmt.Errorf("索引 %s 指向的成员单位 %s: %w", e.bucket, id, err)
		}
		return &other, nil
	}
	return nil, nil
}

// refuseDuplicate fails with the *store.FieldError naming the existing unit
// if m would duplicate it.
func (w *writeTx) refuseDuplicate(m *store.Member) error {
	other, err := duplicateOf(w.tx, m)
	if err != nil {
		return err
	}
	if other != nil {
		return store.DuplicateError(other)
	}
	return nil
}

// putMember stores m and points its index entries at it. old is the stored
// version (nil for a member not in the bucket); its entries are removed
// first, so a renamed member is no longer found under its old name.
func (w *writeTx) putMember(m *store.Member, old *store.Member) error {
	if old != nil {
		if err := w.unindex(old); err != nil {
			return err
		}
	}
	if err := putJSON(w.tx.Bucket(bucketMembers), idKey(m.ID), m); err != nil {
		return err
	}
	for _, e := range indexEntries(m) {
		if err := w.tx.Bucket(e.bucket).Put(e.key, idKey(m.ID)); err != nil {
			return err
		}
	}
	return nil
}

// removeMember takes m out of the members bucket and the indexes.
func (w *writeTx) removeMember(m *store.Member) error {
	if err := w.unindex(m); err != nil {
		return err
	}
	return w.tx.Bucket(bucketMembers).Delete(idKey(m.ID))
}

// unindex removes m's index entries, but only those that point at m: an
// entry that names another member is that member's.
func (w *writeTx) unindex(m *store.Member) error {
	for _, e := range indexEntries(m) {
		b := w.tx.Bucket(e.bucket)
		if bytes.Equal(b.Get(e.key), m.ID[:]) {
			if err := b.Delete(e.key); err != nil {
				return err
			}
		}
	}
	return nil
}
