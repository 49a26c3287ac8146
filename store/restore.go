package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/google/uuid"
)

// BackupInfo is what a backup (or the current data) holds, shown before a
// restore replaces anything.
type BackupInfo struct {
	Group string
	// Time is the newest change in it (its last audit entry).
	Time   time.Time
	Counts Counts
}

// InfoOf reads what e holds in one read.
func InfoOf(ctx context.Context, e Engine) (BackupInfo, error) {
	var in BackupInfo
	err := e.Read(ctx, func(tx EngineTx) (err error) {
		if in.Counts, err = countTx(tx); err != nil {
			return err
		}
		if data, err := tx.Meta(MetaSettings); err == nil && data != nil {
			var st Settings
			if json.Unmarshal(data, &st) == nil {
				in.Group = st.GroupName
			}
		}
		last, err := tx.Audit(AuditQuery{Limit: 1})
		if len(last) > 0 {
			in.Time = last[0].Time
		}
		return err
	})
	if in.Group == "" {
		in.Group = DefaultGroupName
	}
	return in, err
}

// RestoreOptions tune RestoreBackup.
type RestoreOptions struct {
	// Files writes the copy of the current data kept before the restore.
	Files BackupFiles
	// KeepDir is the folder of that copy.
	KeepDir string
	Now     func() time.Time
}

// RestoreReport says what a restore did.
type RestoreReport struct {
	// Kept is the copy of the data as it was before.
	Kept   BackupReport
	Counts Counts
}

// RestoreBackup replaces the data of s with the backup's: it checks the
// backup (a damaged one is refused with ErrDamaged, naming its problems),
// keeps the current data as a backup in o.KeepDir, then copies the backup
// into s's own engine in one transaction (store.Copy with Replace), so an
// open window keeps its file and its lock. The backup itself is only read.
// The record of the last manual backup stays.
func RestoreBackup(ctx context.Context, s Store, backup Engine, o RestoreOptions) (RestoreReport, error) {
	var rep RestoreReport
	if err := New(backup, Options{}).(*records).Check(ctx); err != nil {
		return rep, fmt.Errorf("%w：%w", ErrDamaged, err)
	}
	r, ok := s.(*records)
	if !ok {
		return rep, ErrNoBackuper
	}
	log, err := r.LastBackup(ctx)
	if err != nil {
		return rep, err
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	t := now()
	st, _ := s.Settings(ctx)
	rep.Kept, err = Backup(ctx, s, o.KeepDir, BackupOptions{Files: o.Files, Now: now,
		Name: BackupPrefix + "（恢复前）-" + SafeFileName(st.GroupName) + "-" + t.Format("20060102-150405") + ".db"})
	if err != nil {
		return rep, fmt.Errorf("恢复前保存当前数据失败，没有恢复：%w", err)
	}
	cr, err := copyData(ctx, backup, r.eng, CopyOptions{Replace: true, Options: r.opt}, func(ds *dataSet) string {
		return "从备份恢复：" + ds.counts()
	}, func(tx EngineTx) error {
		if log.Time.IsZero() {
			return nil
		}
		data, err := marshal(log)
		if err != nil {
			return err
		}
		return tx.SetMeta(MetaBackup, data)
	})
	if err != nil {
		return rep, err
	}
	rep.Counts = Counts{Records: cr.Records, Audit: cr.Audit}
	return rep, nil
}

// Problems are the problems of a Check's error, one per entry.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// Quarantined is a record that did not decode, moved out of its
// collection by Repair into ColQuarantine, bytes unchanged.
type Quarantined struct {
	ID         uuid.UUID  `json:"id"`
	Collection Collection `json:"collection"`
	Problem    string     `json:"problem"`
	Moved      time.Time  `json:"moved"`
	Data       []byte     `json:"data"`
}

// Repair moves every record that does not decode (members, people,
// bodies, meetings, trash) into the quarantine collection, kept in the data, and
// removes the index entries that pointed at them: nothing is deleted. One
// transaction with its audit entry; nothing is written when nothing is
// wrong.
func Repair(ctx context.Context, s Store) ([]Quarantined, error) {
	r, ok := s.(*records)
	if !ok {
		return nil, errors.New("store: Repair needs a store made by New")
	}
	var moved []Quarantined
	err := r.write(ctx, func(w *wtx) error {
		moved = nil
		for _, rc := range recordIDs {
			c := rc.col
			err := w.tx.Scan(c, func(id uuid.UUID, data []byte) error {
				if p := decodeProblem(rc.id, id, data); p != "" {
					moved = append(moved, Quarantined{ID: id, Collection: c, Problem: p, Moved: w.now, Data: append([]byte(nil), data...)})
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if len(moved) == 0 {
			return errNothingToRepair
		}
		gone := map[uuid.UUID]bool{}
		for _, q := range moved {
			data, err := marshal(q)
			if err != nil {
				return err
			}
			if err := w.tx.Put(ColQuarantine, NewID(), data); err != nil {
				return err
			}
			if err := w.tx.Delete(q.Collection, q.ID); err != nil {
				return err
			}
			gone[q.ID] = true
		}
		for _, ix := range Indexes {
			var stale []string
			if err := w.tx.ScanIndex(ix, func(key string, id uuid.UUID) error {
				if gone[id] {
					stale = append(stale, key)
				}
				return nil
			}); err != nil {
				return err
			}
			for _, k := range stale {
				if err := w.tx.DeleteKey(ix, k); err != nil {
					return err
				}
			}
		}
		return w.audit(ActionRepair, KindData, uuid.Nil, fmt.Sprintf("修复：%d 条无法读取的记录移入隔离区", len(moved)))
	})
	if errors.Is(err, errNothingToRepair) {
		return nil, nil
	}
	return moved, err
}

var errNothingToRepair = errors.New("nothing to repair")

// recordIDs are, for every collection Repair checks, how a document's own
// ID is read: the record kinds' (docKind), and the trash's.
var recordIDs = []struct {
	col Collection
	id  func([]byte) (uuid.UUID, error)
}{
	{ColMembers, docID(memberDocs)}, {ColPeople, docID(personDocs)}, {ColBodies, docID(bodyDocs)},
	{ColMeetings, docID(meetingDocs)}, {ColTasks, docID(taskDocs)}, {ColDispatches, docID(dispatchDocs)},
	{ColCatalogues, docID(catalogueDocs)}, {ColUnitValues, docID(unitValueDocs)}, {ColRounds, docID(roundDocs)},
	{ColTrash, func(data []byte) (uuid.UUID, error) {
		var t TrashItem
		err := json.Unmarshal(data, &t)
		return t.ID, err
	}},
}

// docID decodes a document as k's record and returns its ID.
func docID[T any](k docKind[T]) func([]byte) (uuid.UUID, error) {
	return func(data []byte) (uuid.UUID, error) {
		var rec T
		err := json.Unmarshal(data, &rec)
		return k.id(&rec), err
	}
}

// decodeProblem is why a document does not decode as its collection's
// record (id reads it), or "".
func decodeProblem(id func([]byte) (uuid.UUID, error), key uuid.UUID, data []byte) string {
	got, err := id(data)
	switch {
	case err != nil:
		return err.Error()
	case got != key:
		return fmt.Sprintf("存放在键 %s 下的记录是 %s", key, got)
	}
	return ""
}

// Quarantine lists what Repair moved aside.
func (r *records) Quarantine(ctx context.Context) ([]Quarantined, error) {
	var out []Quarantined
	err := r.read(ctx, func(tx EngineTx) error {
		return tx.Scan(ColQuarantine, func(id uuid.UUID, data []byte) error {
			var q Quarantined
			if err := json.Unmarshal(data, &q); err != nil {
				return decodeErr(ColQuarantine, id, err)
			}
			out = append(out, q)
			return nil
		})
	})
	return out, err
}

// PurgeTrash deletes an item of the trash for good, with an audit entry
// naming it. The window asks first, naming the item.
func (r *records) PurgeTrash(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		item, err := w.trashItem(id)
		if err != nil {
			return err
		}
		if err := w.tx.Delete(ColTrash, id); err != nil {
			return err
		}
		return w.audit(ActionPurge, item.Kind, id, "永久删除 "+item.Name)
	})
}

// KeepDirFor is where a restore keeps the data it replaces: the folder of
// start-up copies beside a data file, else (a database) the backup's own
// folder.
func KeepDirFor(s Store, backupPath string) string {
	if fs, ok := As[FileStore](s); ok {
		return filepath.Join(filepath.Dir(fs.Path()), AutoBackupFolder)
	}
	return filepath.Dir(backupPath)
}
