package bolt

import (
	"bytes"
	"errors"
	"fmt"
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
// ID, every member is indexed under its keys, and every index entry points
// at a member that has that key. It returns all problems found (up to
// maxCheckProblems) joined, or nil.
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
		checkMembers(tx, report)
		checkIndex(tx, bucketIdxName, report, func(m *store.Member) string { return store.NameKey(m.Name) })
		checkIndex(tx, bucketIdxCode, report, func(m *store.Member) string { return m.CreditCode })
		checkDecodes[store.TrashItem](tx, bucketTrash, report, func(t *store.TrashItem) uuid.UUID { return t.ID })
		checkDecodes[store.AuditEntry](tx, bucketAudit, report, func(e *store.AuditEntry) uuid.UUID { return e.ID })
		return errCheckDone
	})
	if !errors.Is(err, errCheckDone) {
		return err
	}
	return errors.Join(problems...)
}

// checkSchema reports a wrong marker, version or missing bucket, and
// whether the rest of the check can go on.
func checkSchema(tx *bbolt.Tx, report func(error)) bool {
	for _, name := range [][]byte{bucketMeta, bucketMembers, bucketAudit, bucketTrash, bucketIdxCode, bucketIdxName} {
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

// checkMembers reports members that do not decode, are stored under
// another key than their ID, or are missing from an index.
func checkMembers(tx *bbolt.Tx, report func(error)) {
	tx.Bucket(bucketMembers).ForEach(func(k, v []byte) error {
		var m store.Member
		if err := decode(v, &m); err != nil {
			report(fmt.Errorf("成员单位 %x 无法解码: %w", k, err))
			return nil
		}
		if !bytes.Equal(k, m.ID[:]) {
			report(fmt.Errorf("成员单位 %s 存放在键 %x 下", m.ID, k))
		}
		for _, e := range indexEntries(&m) {
			if got := tx.Bucket(e.bucket).Get(e.key); !bytes.Equal(got, m.ID[:]) {
				report(fmt.Errorf("成员单位 %s（%s）在 %s 中的索引 %q 指向 %x", m.ID, m.Name, e.bucket, e.key, got))
			}
		}
		return nil
	})
}

// checkIndex reports index entries that point at no member, or at a
// member that no longer has the entry's key (a stale entry after a rename).
func checkIndex(tx *bbolt.Tx, bucket []byte, report func(error), keyOf func(*store.Member) string) {
	tx.Bucket(bucket).ForEach(func(k, v []byte) error {
		id, err := uuid.FromBytes(v)
		if err != nil {
			report(fmt.Errorf("%s 中的 %q 不是 ID: %x", bucket, k, v))
			return nil
		}
		m, err := getMember(tx, id)
		switch {
		case err != nil:
			report(fmt.Errorf("%s 中的 %q 指向不存在的成员单位 %s", bucket, k, id))
		case keyOf(&m) != string(k):
			report(fmt.Errorf("%s 中的 %q 指向的成员单位 %s 的键是 %q", bucket, k, id, keyOf(&m)))
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
