package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// Where each collection and index of package store lives in the file.
var (
	collectionBuckets = map[store.Collection][]byte{
		store.ColMembers:    bucketMembers,
		store.ColPeople:     bucketPeople,
		store.ColBodies:     bucketBodies,
		store.ColTrash:      bucketTrash,
		store.ColQuarantine: bucketQuarantine,
		store.ColMeetings:   bucketMeetings,
		store.ColTasks:      bucketTasks,
		store.ColDispatches: bucketDispatches,
		store.ColCatalogues: bucketCatalogues,
		store.ColUnitValues: bucketUnitValues,
		store.ColRounds:     bucketRounds,
	}
	indexBuckets = map[store.Index][]byte{
		store.IdxMemberCode: bucketIdxCode,
		store.IdxMemberName: bucketIdxName,
		store.IdxPerson:     bucketIdxPerson,
		store.IdxBody:       bucketIdxBody,
		store.IdxTaskNumber: bucketIdxTask,
		store.IdxCatalogue:  bucketIdxCat,
		store.IdxUnitValues: bucketIdxValues,
	}
)

// Read runs fn in a bbolt read transaction. ctx is checked before it
// starts: a local file answers in milliseconds.
func (d *DB) Read(ctx context.Context, fn func(store.EngineTx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return d.bolt.View(func(tx *bbolt.Tx) error { return fn(&engineTx{tx}) })
}

// Write runs fn in one bbolt read-write transaction: bbolt has one writer
// at a time, so fn never needs a second run.
func (d *DB) Write(ctx context.Context, fn func(store.EngineTx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return d.bolt.Update(func(tx *bbolt.Tx) error { return fn(&engineTx{tx}) })
}

// engineTx is store's view of one bbolt transaction.
type engineTx struct{ tx *bbolt.Tx }

var _ store.EngineTx = (*engineTx)(nil)

func (e *engineTx) bucket(c store.Collection) (*bbolt.Bucket, error) {
	name, ok := collectionBuckets[c]
	if !ok {
		return nil, fmt.Errorf("bolt: unknown collection %q", c)
	}
	return e.must(name)
}

func (e *engineTx) index(ix store.Index) (*bbolt.Bucket, error) {
	name, ok := indexBuckets[ix]
	if !ok {
		return nil, fmt.Errorf("bolt: unknown index %q", ix)
	}
	return e.must(name)
}

// must is the bucket of that name; a damaged file may lack it.
func (e *engineTx) must(name []byte) (*bbolt.Bucket, error) {
	if b := e.tx.Bucket(name); b != nil {
		return b, nil
	}
	return nil, fmt.Errorf("缺少 %s 分区", name)
}

// Get copies the value: bbolt's memory is valid only during the
// transaction, and the store decodes after some later calls.
func (e *engineTx) Get(c store.Collection, id uuid.UUID) ([]byte, error) {
	b, err := e.bucket(c)
	if err != nil {
		return nil, err
	}
	v := b.Get(id[:])
	if v == nil {
		return nil, store.ErrNotFound
	}
	return bytes.Clone(v), nil
}

func (e *engineTx) Put(c store.Collection, id uuid.UUID, data []byte) error {
	b, err := e.bucket(c)
	if err != nil {
		return err
	}
	return b.Put(idKey(id), data)
}

func (e *engineTx) Delete(c store.Collection, id uuid.UUID) error {
	b, err := e.bucket(c)
	if err != nil {
		return err
	}
	return b.Delete(idKey(id))
}

func (e *engineTx) Scan(c store.Collection, fn func(uuid.UUID, []byte) error) error {
	b, err := e.bucket(c)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		id, err := uuid.FromBytes(k)
		if err != nil {
			return fmt.Errorf("%s 中的键 %x 不是 ID", c, k)
		}
		return fn(id, v)
	})
}

func (e *engineTx) Count(c store.Collection) (int, error) {
	b, err := e.bucket(c)
	if err != nil {
		return 0, err
	}
	return b.Stats().KeyN, nil
}

func (e *engineTx) Lookup(ix store.Index, key string) (uuid.UUID, bool, error) {
	b, err := e.index(ix)
	if err != nil {
		return uuid.Nil, false, err
	}
	v := b.Get([]byte(key))
	if v == nil {
		return uuid.Nil, false, nil
	}
	id, err := uuid.FromBytes(v)
	if err != nil {
		return uuid.Nil, false, fmt.Errorf("索引 %s 损坏: %w", ix, err)
	}
	return id, true, nil
}

func (e *engineTx) SetKey(ix store.Index, key string, id uuid.UUID) error {
	b, err := e.index(ix)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), idKey(id))
}

func (e *engineTx) DeleteKey(ix store.Index, key string) error {
	b, err := e.index(ix)
	if err != nil {
		return err
	}
	return b.Delete([]byte(key))
}

func (e *engineTx) ScanIndex(ix store.Index, fn func(string, uuid.UUID) error) error {
	b, err := e.index(ix)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		id, err := uuid.FromBytes(v)
		if err != nil {
			return fmt.Errorf("%s 中的 %q 不是 ID: %x", ix, k, v)
		}
		return fn(string(k), id)
	})
}

// AppendAudit keys the entry by its UUIDv7, so the bucket iterates in the
// order the changes were made.
func (e *engineTx) AppendAudit(a store.AuditEntry) error {
	return putJSON(e.tx.Bucket(bucketAudit), idKey(a.ID), a)
}

// Audit walks the log from its newest end. A query for one record reads
// the whole log at worst: 20,000 entries decode in tens of milliseconds.
func (e *engineTx) Audit(q store.AuditQuery) ([]store.AuditEntry, error) {
	var out []store.AuditEntry
	c := e.tx.Bucket(bucketAudit).Cursor()
	k, v := c.Last()
	if q.Before != uuid.Nil {
		k, v = c.Seek(q.Before[:])
		if k == nil {
			k, v = c.Last()
		}
	}
	for ; k != nil && (q.Limit <= 0 || len(out) < q.Limit); k, v = c.Prev() {
		var a store.AuditEntry
		if err := json.Unmarshal(v, &a); err != nil {
			return nil, fmt.Errorf("操作记录 %x 无法读取: %w", k, err)
		}
		if q.Match(&a) {
			out = append(out, a)
		}
	}
	return out, nil
}

// Meta keys of package store are kept under their own names in the meta
// bucket, beside the file's own keys (magic, schema).
func (e *engineTx) Meta(key string) ([]byte, error) {
	if reservedMeta(key) {
		return nil, fmt.Errorf("bolt: meta key %q is the file's own", key)
	}
	return bytes.Clone(e.tx.Bucket(bucketMeta).Get([]byte(key))), nil
}

func (e *engineTx) SetMeta(key string, data []byte) error {
	if reservedMeta(key) {
		return fmt.Errorf("bolt: meta key %q is the file's own", key)
	}
	return e.tx.Bucket(bucketMeta).Put([]byte(key), data)
}

func reservedMeta(key string) bool {
	return key == string(keyMagic) || key == string(keySchema)
}

// Reset empties every bucket of records, indexes and the audit log, and
// the meta bucket but for the file's own keys.
func (e *engineTx) Reset() error {
	var names [][]byte
	for _, b := range collectionBuckets {
		names = append(names, b)
	}
	for _, b := range indexBuckets {
		names = append(names, b)
	}
	names = append(names, bucketAudit)
	for _, name := range names {
		if err := e.tx.DeleteBucket(name); err != nil && !errors.Is(err, bbolt.ErrBucketNotFound) {
			return err
		}
		if _, err := e.tx.CreateBucket(name); err != nil {
			return err
		}
	}
	meta := e.tx.Bucket(bucketMeta)
	var keys [][]byte
	meta.ForEach(func(k, _ []byte) error {
		if !reservedMeta(string(k)) {
			keys = append(keys, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range keys {
		if err := meta.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

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
