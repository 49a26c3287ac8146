package bolt

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

var _ store.Backuper = (*DB)(nil)

// Backup writes the whole file as it is in one read transaction (bbolt's
// tx.WriteTo), so the window may go on writing meanwhile: the copy is
// the state when the backup began. seen runs first in the same
// transaction.
func (d *DB) Backup(ctx context.Context, w io.Writer, seen func(store.EngineTx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return d.bolt.View(func(tx *bbolt.Tx) error {
		if seen != nil {
			if err := seen(&engineTx{tx}); err != nil {
				return err
			}
		}
		_, err := tx.WriteTo(w)
		return err
	})
}

// Files are backup files as bbolt data files (store.BackupFiles).
type Files struct{}

var _ store.BackupFiles = Files{}

func init() { store.RegisterBackupFiles(Files{}) }

// Create makes a new, empty data file.
func (Files) Create(path string) (store.Engine, error) { return Open(path) }

// OpenBackup opens a backup read-only (OpenReadOnly).
func (Files) OpenBackup(path string) (store.Engine, error) { return OpenReadOnly(path) }

// OpenReadOnly opens a data file without ever writing to it (a backup to
// restore or to verify): bbolt's read-only mode, with a shared lock. A
// file shorter than its own pages say (a copy cut short) is refused with
// store.ErrDamaged before bbolt maps it; one that is not ours with
// store.ErrNotStore; one from a newer program with store.ErrNewerFile. A
// file with an older schema is copied to a temporary folder and the copy
// migrated, so the backup itself stays as it was; Close removes the copy.
func OpenReadOnly(path string) (*DB, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if err := checkLength(path); err != nil {
		return nil, err
	}
	bdb, err := bbolt.Open(path, 0o400, &bbolt.Options{ReadOnly: true, Timeout: DefaultTimeout})
	if err != nil {
		return nil, openError(err)
	}
	d := &DB{bolt: bdb, path: path, now: time.Now, clerk: store.OSUser(), pc: store.ThisPC()}
	version, err := d.schemaVersion()
	switch {
	case err == nil && version == 0:
		err = store.ErrNotStore
	case err == nil && version > currentSchema:
		err = fmt.Errorf("%w（文件版本 %d，本程序支持 %d）", store.ErrNewerFile, version, currentSchema)
	}
	if err != nil {
		bdb.Close()
		return nil, err
	}
	if version == currentSchema {
		return d, nil
	}
	// Older: migrate a temporary copy.
	defer bdb.Close()
	dir, err := os.MkdirTemp("", "secdesk-restore-")
	if err != nil {
		return nil, err
	}
	tmp := filepath.Join(dir, "backup.db")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY, 0o600)
	if err == nil {
		err = bdb.View(func(tx *bbolt.Tx) error { _, err := tx.WriteTo(f); return err })
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	var m *DB
	if err == nil {
		m, err = OpenWith(tmp, Options{})
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	m.path = path
	m.cleanup = func() { os.RemoveAll(dir) }
	return m, nil
}

// checkLength refuses a file shorter than the pages its newest valid meta
// page counts: bbolt would map the missing pages and fault on them.
func checkLength(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	// Page 0 holds the first meta page; the second is one page on, the
	// page size being in the first (or, if that one is damaged, a common
	// size).
	buf := make([]byte, 16+64)
	var bestTx, need uint64
	valid := false
	offsets := []int64{0, 4096, 16384, 65536}
	if _, err := f.ReadAt(buf, 0); err == nil {
		if _, _, ps, ok := meta(buf); ok {
			offsets = []int64{0, int64(ps)}
		}
	}
	for _, at := range offsets {
		if _, err := f.ReadAt(buf, at); err != nil {
			continue
		}
		if txid, pgid, ps, ok := meta(buf); ok {
			valid = true
			if txid >= bestTx {
				bestTx, need = txid, pgid*uint64(ps)
			}
		}
	}
	if !valid {
		if size < 1024 {
			return fmt.Errorf("%w（只有 %d 字节）", store.ErrDamaged, size)
		}
		return store.ErrNotStore
	}
	if uint64(size) < need {
		return fmt.Errorf("%w（文件有 %d 字节，应有 %d 字节）", store.ErrDamaged, size, need)
	}
	return nil
}

// meta reads one meta page: its txid, high-water page and page size, and
// whether its magic and checksum are right.
func meta(buf []byte) (txid, pgid uint64, pageSize uint32, ok bool) {
	m := buf[16:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != 0xED0CDAED || le.Uint32(m[4:]) != 2 {
		return 0, 0, 0, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != le.Uint64(m[56:]) {
		return 0, 0, 0, false
	}
	return le.Uint64(m[48:]), le.Uint64(m[40:]), le.Uint32(m[8:]), true
}
