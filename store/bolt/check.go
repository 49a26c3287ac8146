package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// errCheckDone rolls back the transaction Check runs in: it only reads.
var errCheckDone = errors.New("check done")

// maxCheckProblems bounds the report of a badly damaged file.
const maxCheckProblems = 20

// Check verifies the file: bbolt's own page-level check, then ours: the
// schema version and marker, every record decodes under the key of its own
// ID, every member, person and body is indexed under its keys, every index
// entry points at a record that has that key, and every seat names a
// person or member that is in the register or the trash. It returns all
// problems found (up to maxCheckProblems) joined, or nil.
func (d *DB) Check() error {
	var problems []error
	report := func(err error) {
		if len(problems) < maxCheckProblems {
			problems = append(problems, err)
		}
	}
	// A read-write transaction, rolled back at the end: bbolt's check reads
	// the freelist, which only the writer may look at while others write.
	err := d.bolt.Update(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			report(fmt.Errorf("bbolt: %w", err))
		}
		if !checkSchema(tx, report) {
			return errCheckDone
		}
		checkKind(tx, memberKind, report, bucketIdxName, bucketIdxCode)
		checkKind(tx, personKind, report, bucketIdxPerson)
		checkKind(tx, bodyKind, report, bucketIdxBody)
		checkSeatRefs(tx, report)
		checkDecodes[store.TrashItem](tx, bucketTrash, report, func(t *store.TrashItem) uuid.UUID { return t.ID })
		checkDecodes[store.AuditEntry](tx, bucketAudit, report, func(e *store.AuditEntry) uuid.UUID { return e.ID })
		return errCheckDone
	})
	if !errors.Is(err, errCheckDone) {
		return err
	}
	return errors.Join(problems...)
}

// allBuckets are the buckets of the current schema.
var allBuckets = [][]byte{bucketMeta, bucketMembers, bucketAudit, bucketTrash, bucketIdxCode, bucketIdxName,
	bucketPeople, bucketBodies, bucketIdxPerson, bucketIdxBody}

// checkSchema reports a wrong marker, version or missing bucket, and
// whether the rest of the check can go on.
func checkSchema(tx *bbolt.Tx, report func(error)) bool {
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			report(fmt.Errorf("缺少 %s 分区", name))
			return false
		}
	}
	meta := tx.Bucket(bucketMeta)
	if string(meta.Get(keyMagic)) != magic {
		report(fmt.Errorf("meta.magic 为 %q", meta.Get(keyMagic)))
	}
	if v, err := strconv.Atoi(string(meta.Get(keySchema))); err != nil || v != currentSchema {
		report(fmt.Errorf("meta.schema 为 %q，应为 %d", meta.Get(keySchema), currentSchema))
	}
	return true
}

// checkKind checks the records of one kind and the index buckets over it.
func checkKind[T any](tx *bbolt.Tx, k kind[T], report func(error), indexes ...[]byte) {
	checkRecords(tx, k, report)
	for _, idx := range indexes {
		checkIndex(tx, k, idx, report)
	}
}

// checkRecords reports records that do not decode, are stored under
// another key than their ID, or are missing from an index.
func checkRecords[T any](tx *bbolt.Tx, k kind[T], report func(error)) {
	tx.Bucket(k.bucket).ForEach(func(key, v []byte) error {
		var rec T
		if err := decode(v, &rec); err != nil {
			report(fmt.Errorf("%s %x 无法解码: %w", k.name, key, err))
			return nil
		}
		id := k.id(&rec)
		if !bytes.Equal(key, id[:]) {
			report(fmt.Errorf("%s %s 存放在键 %x 下", k.name, id, key))
		}
		for _, e := range k.keys(&rec) {
			if got := tx.Bucket(e.bucket).Get(e.key); !bytes.Equal(got, id[:]) {
				report(fmt.Errorf("%s %s 在 %s 中的索引 %q 指向 %x", k.name, id, e.bucket, e.key, got))
			}
		}
		return nil
	})
}

// checkIndex reports index entries that point at no record, or at a
// record that no longer has the entry's key (a stale entry after a rename).
func checkIndex[T any](tx *bbolt.Tx, k kind[T], bucket []byte, report func(error)) {
	tx.Bucket(bucket).ForEach(func(key, v []byte) error {
		id, err := uuid.FromBytes(v)
		if err != nil {
			report(fmt.Errorf("%s 中的 %q 不是 ID: %x", bucket, key, v))
			return nil
		}
		rec, err := k.get(tx, id)
		if err != nil {
			report(fmt.Errorf("%s 中的 %q 指向不存在的%s %s", bucket, key, k.name, id))
			return nil
		}
		if !slices.ContainsFunc(k.keys(&rec), func(e indexEntry) bool {
			return bytes.Equal(e.bucket, bucket) && bytes.Equal(e.key, key)
		}) {
			report(fmt.Errorf("%s 中的 %q 指向的%s %s 没有这个键", bucket, key, k.name, id))
		}
		return nil
	})
}

// checkSeatRefs reports seats whose person or member is neither in the
// register nor in the trash: lost, not merely deleted.
func checkSeatRefs(tx *bbolt.Tx, report func(error)) {
	trash := tx.Bucket(bucketTrash)
	known := func(k []byte, id uuid.UUID) bool {
		return id == uuid.Nil || tx.Bucket(k).Get(id[:]) != nil || trash.Get(id[:]) != nil
	}
	tx.Bucket(bucketBodies).ForEach(func(key, v []byte) error {
		var b store.Body
		if decode(v, &b) != nil {
			return nil // checkRecords reported it
		}
		for _, t := range b.Terms {
			for _, s := range t.Seats {
				ok := known(bucketPeople, s.PersonID) && known(bucketMembers, s.MemberID)
				for _, r := range s.Reps {
					ok = ok && known(bucketPeople, r.PersonID)
				}
				if !ok {
					report(fmt.Errorf("机构 %s 第%d届的%s席位 %s 指向不存在的人员或单位", b.Name, t.Number, s.Position, s.ID))
				}
			}
		}
		return nil
	})
}

// checkDecodes reports values of a bucket that do not decode as T or are
// stored under another key than their ID.
func checkDecodes[T any](tx *bbolt.Tx, bucket []byte, report func(error), idOf func(*T) uuid.UUID) {
	tx.Bucket(bucket).ForEach(func(k, v []byte) error {
		var rec T
		if err := decode(v, &rec); err != nil {
			report(fmt.Errorf("%s 中的 %x 无法解码: %w", bucket, k, err))
		} else if id := idOf(&rec); !bytes.Equal(k, id[:]) {
			report(fmt.Errorf("%s 中的 %s 存放在键 %x 下", bucket, id, k))
		}
		return nil
	})
}
