package bolt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// migration brings the file from one schema version to the next. Each runs
// inside the one transaction that upgrades the file, so a failure leaves
// the file as it was.
type migration func(tx *bbolt.Tx) error

// migrations[i] brings version i to version i+1. Append only: a released
// migration is never edited, since files in the field were written by it.
var migrations = []migration{
	createBuckets,       // 1: the record buckets and the meta marker
	buildMemberIndexes,  // 2: credit-code and name indexes over the members
	createRosterBuckets, // 3: people and bodies with their indexes
	asciiCodes,          // 4: ASCII kind and action codes, warnings as data
	createQuarantine,    // 5: the quarantine of records that do not decode
	createMeetings,      // 6: the meetings (issue 9)
	createTasks,         // 7: tasks, dispatches, the task-number index (issue 10)
	createIndicators,    // 8: catalogues, unit values, collection rounds (issue 11)
}

// currentSchema is the version this program writes.
var currentSchema = len(migrations)

// createBuckets is version 1.
func createBuckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketMembers, bucketAudit, bucketTrash} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keyMagic, []byte(magic))
}

// buildMemberIndexes is version 2: files written before the indexes existed
// get them built from their members. Should old data hold two members with
// the same key (v1 refused that too, so only a damaged file would), the
// older member keeps the index entry and Check reports the other.
func buildMemberIndexes(tx *bbolt.Tx) error {
	byCode, err := tx.CreateBucketIfNotExists(bucketIdxCode)
	if err != nil {
		return err
	}
	byName, err := tx.CreateBucketIfNotExists(bucketIdxName)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMembers).ForEach(func(k, v []byte) error {
		// Frozen: the fields of a v1 member this migration reads.
		var m struct {
			ID         uuid.UUID `json:"id"`
			Name       string    `json:"name"`
			CreditCode string    `json:"credit_code"`
		}
		if err := json.Unmarshal(v, &m); err != nil {
			return fmt.Errorf("成员单位 %x: %w", k, err)
		}
		if err := putIfAbsent(byName, []byte(store.NameKey(m.Name)), m.ID); err != nil {
			return err
		}
		if m.CreditCode == "" {
			return nil
		}
		return putIfAbsent(byCode, []byte(m.CreditCode), m.ID)
	})
}

// createRosterBuckets is version 3: the buckets of the rosters. Files
// before it have no people or bodies, so the indexes start empty.
func createRosterBuckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketPeople, bucketBodies, bucketIdxPerson, bucketIdxBody} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// createQuarantine is version 5: the bucket where a repair moves records
// that do not decode (issue 8). Frozen: its name is written here, not
// taken from today's variables.
func createQuarantine(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists([]byte("quarantine"))
	return err
}

// createMeetings is version 6: the bucket of meetings, empty in older
// files. Frozen like createQuarantine.
func createMeetings(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists([]byte("meetings"))
	return err
}

// createTasks is version 7: the buckets of the supervision, empty in older
// files. Frozen like createQuarantine.
func createTasks(tx *bbolt.Tx) error {
	for _, name := range []string{"tasks", "dispatches", "idx_task_number"} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

// createIndicators is version 8: the buckets of the indicators, empty in
// older files. Frozen like createQuarantine.
func createIndicators(tx *bbolt.Tx) error {
	for _, name := range []string{"catalogues", "unit_values", "collection_rounds", "idx_catalogue", "idx_unit_values"} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

func putIfAbsent(b *bbolt.Bucket, key []byte, id uuid.UUID) error {
	if b.Get(key) != nil {
		return nil
	}
	return b.Put(key, bytes.Clone(id[:]))
}

// prepare makes an opened file ready: a new file gets every migration, an
// older one is backed up and migrated, a newer one or a foreign one is
// refused.
func (d *DB) prepare() error {
	version, err := d.schemaVersion()
	switch {
	case err != nil:
		return err
	case version > currentSchema:
		return fmt.Errorf("%w（文件版本 %d，本程序支持 %d）", store.ErrNewerFile, version, currentSchema)
	case version == currentSchema:
		return nil
	case version > 0:
		if _, err := d.backupCopy(version); err != nil {
			return fmt.Errorf("升级前备份数据文件失败: %w", err)
		}
	}
	return d.migrate(version)
}

// schemaVersion reads the file's version: 0 for a file with no buckets
// (just created), store.ErrNotStore for a bbolt file that is not ours.
func (d *DB) schemaVersion() (int, error) {
	version := 0
	err := d.bolt.View(func(tx *bbolt.Tx) error {
		if k, _ := tx.Cursor().First(); k == nil {
			return nil
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyMagic)) != magic {
			return store.ErrNotStore
		}
		v, err := strconv.Atoi(string(meta.Get(keySchema)))
		if err != nil || v < 1 {
			return fmt.Errorf("%w（版本号 %q 无效）", store.ErrNotStore, meta.Get(keySchema))
		}
		version = v
		return nil
	})
	return version, err
}

// migrate runs the migrations after version in one transaction. Upgrading
// an existing file leaves an audit entry; creating a new one does not, as
// no record changed.
func (d *DB) migrate(from int) error {
	return d.bolt.Update(func(tx *bbolt.Tx) error {
		for v := from; v < currentSchema; v++ {
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("数据文件升级到版本 %d 失败: %w", v+1, err)
			}
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(currentSchema))); err != nil {
			return err
		}
		if from == 0 {
			return nil
		}
		now := d.clock()
		e := store.AuditEntry{ID: store.NewID(), Time: now, Action: store.ActionMigrate, Kind: store.KindData,
			Summary: fmt.Sprintf("数据文件从版本 %d 升级到版本 %d", from, currentSchema), Clerk: d.clerk, PC: d.pc}
		return putJSON(tx.Bucket(bucketAudit), idKey(e.ID), e)
	})
}

// backupCopy writes a consistent copy of the file beside it, named
// <path>.bak-v<version>-<YYYYMMDD-HHMMSS>, through a temporary name, synced
// before the rename, so a crash never leaves a half backup under the final
// name.
func (d *DB) backupCopy(version int) (string, error) {
	name := fmt.Sprintf("%s.bak-v%d-%s", d.path, version, d.now().Format("20060102-150405"))
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return "", err
	}
	err = d.bolt.View(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	return name, syncDir(filepath.Dir(name))
}

// syncDir makes a rename durable. Some systems cannot sync a directory;
// the copy is already complete then, so that is not an error.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	f.Sync()
	return nil
}
