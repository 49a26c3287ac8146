package bolt

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"go.etcd.io/bbolt"
)

// errCheckDone rolls back the transaction CheckEngine runs in: it only
// reads.
var errCheckDone = errors.New("check done")

// CheckEngine is the file's own part of store's Check: bbolt's page-level
// check, the schema marker and version, and every bucket of the schema.
func (d *DB) CheckEngine(ctx context.Context) []error {
	var problems []error
	// A read-write transaction, rolled back at the end: bbolt's check reads
	// the freelist, which only the writer may look at while others write.
	// A file opened read-only (a backup) has no other writer.
	run := d.bolt.Update
	if d.bolt.IsReadOnly() {
		run = d.bolt.View
	}
	err := run(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, fmt.Errorf("bbolt: %w", err))
		}
		problems = append(problems, checkSchema(tx)...)
		return errCheckDone
	})
	if !errors.Is(err, errCheckDone) {
		problems = append(problems, err)
	}
	return problems
}

// allBuckets are the buckets of the current schema.
var allBuckets = [][]byte{bucketMeta, bucketMembers, bucketAudit, bucketTrash, bucketIdxCode, bucketIdxName,
	bucketPeople, bucketBodies, bucketIdxPerson, bucketIdxBody, bucketQuarantine, bucketMeetings,
	bucketTasks, bucketDispatches, bucketIdxTask,
	bucketCatalogues, bucketUnitValues, bucketRounds, bucketIdxCat, bucketIdxValues}

// checkSchema reports a wrong marker, version or missing bucket.
func checkSchema(tx *bbolt.Tx) []error {
	var problems []error
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			return append(problems, fmt.Errorf("缺少 %s 分区", name))
		}
	}
	meta := tx.Bucket(bucketMeta)
	if string(meta.Get(keyMagic)) != magic {
		problems = append(problems, fmt.Errorf("meta.magic 为 %q", meta.Get(keyMagic)))
	}
	if v, err := strconv.Atoi(string(meta.Get(keySchema))); err != nil || v != currentSchema {
		problems = append(problems, fmt.Errorf("meta.schema 为 %q，应为 %d", meta.Get(keySchema), currentSchema))
	}
	return problems
}
