package bolt

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// writeRawFile builds a bbolt file by hand, as an older (or newer, or
// foreign) program would have left it.
func writeRawFile(t *testing.T, path string, fill func(tx *bbolt.Tx) error) {
	t.Helper()
	raw, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := raw.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeV1File is a version-1 file: the record buckets, no indexes, and two
// members written directly.
func writeV1File(t *testing.T, path string, ms ...store.Member) {
	writeRawFile(t, path, func(tx *bbolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, []byte("1")); err != nil {
			return err
		}
		for _, m := range ms {
			data, _ := json.Marshal(m)
			if err := tx.Bucket(bucketMembers).Put(idKey(m.ID), data); err != nil {
				return err
			}
		}
		return nil
	})
}

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	wf := weifang()
	wf.ID, wf.Created, wf.Updated = store.NewID(), testStart, testStart
	other := company("山东海化集团有限公司", validCode("91370700MA3C00002"))
	other.ID = store.NewID()
	writeV1File(t, path, wf, other)

	s, _ := reopen(t, path)
	mustCheck(t, s) // schema 2, both members indexed under name and code
	backups, _ := filepath.Glob(path + ".bak-v1-*")
	if len(backups) != 1 || !regexp.MustCompile(`\.bak-v1-\d{8}-\d{6}$`).MatchString(backups[0]) {
		t.Fatalf("backups %v", backups)
	}
	if fi, err := os.Stat(backups[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v %v", fi, err)
	}
	assertBackupIsV1(t, backups[0])

	_, err := s.CreateMember(ctx, company("另一家", "9151-2081-MA62K0260E"))
	if fe := wantFieldError(t, err, store.FieldName, store.ProblemDuplicate); fe.Detail != "潍坊职业学院" {
		t.Fatalf("code index after migration names %q", fe.Detail)
	}
	_, err = s.CreateMember(ctx, company("山东海化集团 有限公司", ""))
	wantFieldError(t, err, store.FieldName, store.ProblemDuplicate)
	audit, _ := s.Audit(ctx, store.AuditQuery{})
	if len(audit) != 1 || audit[0].Kind != store.KindData || audit[0].Action != store.ActionMigrate || audit[0].Summary != "数据文件从版本 1 升级到版本 "+strconv.Itoa(currentSchema) {
		t.Fatalf("audit %+v", audit)
	}
	got, _ := s.Member(ctx, wf.ID)
	assertSameMember(t, wf, got)

	// A second open finds the current version: no second backup.
	s.Close()
	s2, _ := reopen(t, path)
	s2.Close()
	if again, _ := filepath.Glob(path + ".bak-*"); len(again) != 1 {
		t.Fatalf("backups after second open: %v", again)
	}
}

// assertBackupIsV1 opens the backup as the old program would see it.
func assertBackupIsV1(t *testing.T, path string) {
	t.Helper()
	raw, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.View(func(tx *bbolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "1" {
			t.Errorf("backup schema %q", v)
		}
		if tx.Bucket(bucketIdxName) != nil || tx.Bucket(bucketMembers).Stats().KeyN != 2 {
			t.Error("backup is not the file as it was before the migration")
		}
		return nil
	})
}

func TestNewerFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newer.db")
	writeRawFile(t, path, func(tx *bbolt.Tx) error {
		for _, m := range migrations {
			if err := m(tx); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(currentSchema+1)))
	})
	before := fileHash(t, path)
	_, err := OpenWith(path, Options{Now: newClock().Now})
	if !errors.Is(err, store.ErrNewerFile) {
		t.Fatalf("newer file: %v", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("newer file was changed")
	}
	if backups, _ := filepath.Glob(path + ".bak-*"); len(backups) != 0 {
		t.Fatalf("backup made of a newer file: %v", backups)
	}
	reopenRaw(t, path) // the lock was released
}

func reopenRaw(t *testing.T, path string) {
	t.Helper()
	raw, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("file still locked after refusal: %v", err)
	}
	raw.Close()
}

func TestNotStoreFileRefused(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("成员单位名单\n潍坊职业学院\n"), 0o600)
	big := filepath.Join(dir, "big.bin")
	os.WriteFile(big, make([]byte, 64<<10), 0o600)
	foreign := filepath.Join(dir, "foreign.db")
	writeRawFile(t, foreign, func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucket([]byte("widgets"))
		return err
	})
	noMagic := filepath.Join(dir, "nomagic.db")
	writeRawFile(t, noMagic, func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket(bucketMeta)
		if err == nil {
			err = b.Put(keySchema, []byte("2"))
		}
		return err
	})
	for _, path := range []string{text, big, foreign, noMagic} {
		before := fileHash(t, path)
		_, err := OpenWith(path, Options{})
		if !errors.Is(err, store.ErrNotStore) {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
		if fileHash(t, path) != before {
			t.Errorf("%s was changed", filepath.Base(path))
		}
	}
}

// TestLockTimeout: a second program on the same file is told so within
// about a second, never left hanging.
func TestLockTimeout(t *testing.T) {
	s, _, path := openTest(t)
	start := time.Now()
	second, err := Open(path)
	elapsed := time.Since(start)
	if !errors.Is(err, store.ErrLocked) {
		if second != nil {
			second.Close()
		}
		t.Fatalf("second open: %v", err)
	}
	if elapsed > 2*time.Second || elapsed < DefaultTimeout/2 {
		t.Fatalf("second open gave up after %v", elapsed)
	}
	s.Close()
	third, err := Open(path)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	third.Close()
}

func TestNewFileModeAndShape(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "secdesk")
	path := filepath.Join(dir, "secdesk.db")
	s, _ := reopen(t, path)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v %v", fi.Mode(), err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode %v %v", fi.Mode(), err)
	}
	mustCheck(t, s)
	if audit, _ := s.Audit(ctx, store.AuditQuery{}); len(audit) != 0 {
		t.Fatalf("new file has audit entries %+v", audit)
	}
	if backups, _ := filepath.Glob(path + ".bak-*"); len(backups) != 0 {
		t.Fatalf("new file was backed up: %v", backups)
	}
}

// TestCheckFindsDamage: Check is only worth running if it can fail.
func TestCheckFindsDamage(t *testing.T) {
	damages := map[string]func(tx *bbolt.Tx) error{
		"stale name entry": func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxName).Put([]byte("不存在的单位"), idKey(store.NewID()))
		},
		"member missing from code index": func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxCode).Delete([]byte("91512081MA62K0260E"))
		},
		"undecodable member": func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketMembers).Put(idKey(store.NewID()), []byte("{not json"))
		},
		"old schema":           func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("1")) },
		"index bucket missing": func(tx *bbolt.Tx) error { return tx.DeleteBucket(bucketIdxCode) },
	}
	for name, damage := range damages {
		s, db, _ := openTest(t)
		mustCreate(t, s, weifang())
		mustCheck(t, s)
		if err := db.bolt.Update(damage); err != nil {
			t.Fatal(err)
		}
		if err := checker(s).Check(ctx); err == nil {
			t.Errorf("%s: Check found nothing", name)
		}
	}
}
