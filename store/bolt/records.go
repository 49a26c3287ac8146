package bolt

import (
	"bytes"
	"encoding/json"

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
	return memberKind.get(tx, id)
}

// refuseDuplicate fails with the *store.FieldError naming the existing unit
// if m would duplicate it.
func (w *writeTx) refuseDuplicate(m *store.Member) error {
	other, err := memberKind.duplicate(w.tx, m)
	if err != nil {
		return err
	}
	if other != nil {
		return store.DuplicateError(other)
	}
	return nil
}

// putMember stores m and points its index entries at it; old is the stored
// version, or nil (see kind.put).
func (w *writeTx) putMember(m *store.Member, old *store.Member) error {
	return memberKind.put(w.tx, m, old)
}

// removeMember takes m out of the members bucket and the indexes.
func (w *writeTx) removeMember(m *store.Member) error {
	return memberKind.remove(w.tx, m)
}
