package storetest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// testTrashPurge: a deleted record leaves the trash for good, with an
// audit entry naming it; the others stay; a second purge is ErrNotFound.
func testTrashPurge(t *testing.T, h *harness) {
	a := h.create(Weifang())
	b := h.create(Company("潍坊第二化工有限公司", ""))
	h.must(h.s.DeleteMember(h.ctx, a.ID))
	h.must(h.s.DeleteMember(h.ctx, b.ID))
	h.must(h.s.PurgeTrash(h.ctx, a.ID))
	trash, err := h.s.Trash(h.ctx)
	h.must(err)
	if len(trash) != 1 || trash[0].ID != b.ID {
		t.Fatalf("trash after purge: %+v", trash)
	}
	last := h.audit(store.AuditQuery{Limit: 1})[0]
	if last.Action != store.ActionPurge || last.RecordID != a.ID || last.Summary != "永久删除 "+a.Name {
		t.Fatalf("purge entry: %+v", last)
	}
	if err := h.s.PurgeTrash(h.ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("purging again: %v, want ErrNotFound", err)
	}
	h.reopen()
	if trash, _ := h.s.Trash(h.ctx); len(trash) != 1 {
		t.Fatalf("trash after reopen: %d items", len(trash))
	}
}

// testRepair: a record that does not decode fails the check; Repair moves
// it, bytes unchanged, to the quarantine with its index entries gone, so
// the check passes; nothing else changes; a second Repair moves nothing.
func testRepair(t *testing.T, h *harness) {
	good := h.create(Weifang())
	bad := h.create(Company("潍坊损坏化工有限公司", ""))
	garbage := []byte(`{"id": 12`)
	h.must(engineOf(t, h.s).Write(h.ctx, func(tx store.EngineTx) error { return tx.Put(store.ColMembers, bad.ID, garbage) }))
	if err := Check(h.ctx, h.s); err == nil {
		t.Fatal("Check passed with a record that does not decode")
	}
	moved, err := store.Repair(h.ctx, h.s)
	h.must(err)
	if len(moved) != 1 || moved[0].ID != bad.ID || moved[0].Collection != store.ColMembers || string(moved[0].Data) != string(garbage) {
		t.Fatalf("moved %+v", moved)
	}
	h.mustCheck()
	ms, err := h.s.Members(h.ctx)
	h.must(err)
	if len(ms) != 1 || ms[0].ID != good.ID {
		t.Fatalf("members after repair: %v", ms)
	}
	h.reopen()
	q, err := h.s.Quarantine(h.ctx)
	h.must(err)
	if len(q) != 1 || string(q[0].Data) != string(garbage) {
		t.Fatalf("quarantine: %+v", q)
	}
	if last := h.audit(store.AuditQuery{Limit: 1})[0]; last.Action != store.ActionRepair {
		t.Fatalf("newest entry %+v, want the repair", last)
	}
	if again, err := store.Repair(h.ctx, h.s); err != nil || len(again) != 0 {
		t.Fatalf("second repair: %v, %v", again, err)
	}
	// The name is free again: the clerk can enter the unit anew.
	h.create(Company("潍坊损坏化工有限公司", ""))
}

// RunBackup runs the behaviour of backup and restore over an engine, with
// backup files in files' format (bolt.Files).
func RunBackup(t *testing.T, open Opener, files store.BackupFiles) {
	for _, c := range []struct {
		name string
		fn   func(t *testing.T, h *harness, files store.BackupFiles)
	}{
		{"Backup/RoundTrip", testBackupRoundTrip},
		{"Backup/FailedWrite", testBackupFailedWrite},
		{"Backup/Refused", testBackupRefused},
		{"Backup/Auto", testAutoBackup},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, open)
			defer h.finish()
			c.fn(t, h, files)
		})
	}
}

// testBackupRoundTrip backs up a scripted history, changes the data, and
// restores the backup: the data are the backup's again, record by record,
// and the data before the restore were kept as a backup of their own.
func testBackupRoundTrip(t *testing.T, h *harness, files store.BackupFiles) {
	h.must(Script(h.ctx, h.s, h.clock.Now))
	h.must(h.s.SaveSettings(h.ctx, store.Settings{GroupName: "潍坊市化工职业教育集团: 2026/秋"}))
	src, err := Dump(h.ctx, h.s)
	h.must(err)
	dir := t.TempDir()
	rep, err := store.Backup(h.ctx, h.s, dir, store.BackupOptions{Files: files, Now: h.clock.Now, Manual: true})
	h.must(err)
	if want := "秘书处工作台备份-潍坊市化工职业教育集团_ 2026_秋-"; !strings.HasPrefix(filepath.Base(rep.Path), want) ||
		filepath.Dir(rep.Path) != dir {
		t.Fatalf("backup at %s, want %s…", rep.Path, want)
	}
	// A Backuper copies the data as they are; an engine without one is
	// copied into a file, which adds the copy's own audit entry.
	extra := rep.Counts.Audit - len(src.Audit)
	if _, ok := store.As[store.Backuper](h.s); ok != (extra == 0) {
		t.Fatalf("backup has %d audit entries, source %d", rep.Counts.Audit, len(src.Audit))
	}
	if rep.Counts.Records[store.ColMembers] != len(src.Members) || extra > 1 || rep.Size == 0 {
		t.Fatalf("report %+v, source has %d members, %d entries", rep, len(src.Members), len(src.Audit))
	}
	log, err := h.s.LastBackup(h.ctx)
	h.must(err)
	if log.Path != rep.Path || !log.Time.Equal(rep.Time) {
		t.Fatalf("last backup %+v, want %s at %v", log, rep.Path, rep.Time)
	}

	// Change the data after the backup, then bring the backup back.
	later := h.create(Company("备份之后新增的有限公司", ""))
	b, err := files.OpenBackup(rep.Path)
	h.must(err)
	defer b.Close()
	info, err := store.InfoOf(h.ctx, b)
	h.must(err)
	if info.Group != "潍坊市化工职业教育集团: 2026/秋" || !info.Counts.Equal(rep.Counts) {
		t.Fatalf("backup info %+v", info)
	}
	keep := t.TempDir()
	rr, err := store.RestoreBackup(h.ctx, h.s, b, store.RestoreOptions{Files: files, KeepDir: keep, Now: h.clock.Now})
	h.must(err)
	if _, err := os.Stat(rr.Kept.Path); err != nil || filepath.Dir(rr.Kept.Path) != keep {
		t.Fatalf("data before the restore kept at %q: %v", rr.Kept.Path, err)
	}
	if _, err := h.s.Member(h.ctx, later.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a member added after the backup is still there: %v", err)
	}
	got, err := Dump(h.ctx, h.s)
	h.must(err)
	if got.Audit[0].Action != store.ActionCopy || !strings.HasPrefix(got.Audit[0].Summary, "从备份恢复") {
		t.Fatalf("newest entry after restore: %+v", got.Audit[0])
	}
	got.Audit = got.Audit[1+extra:]
	for _, snap := range []*Snapshot{&src, &got} {
		for i := range snap.Audit {
			snap.Audit[i].ID = uuid.Nil
		}
	}
	if d := Diff(src, got); d != "" {
		t.Fatalf("restored data differ from the backup's:\n%s", d)
	}
	if l, _ := h.s.LastBackup(h.ctx); l.Path != rep.Path {
		t.Fatalf("the record of the last backup was lost: %+v", l)
	}
	// The backup file itself was not changed by the restore.
	again, err := store.CountsOf(h.ctx, b)
	h.must(err)
	if !again.Equal(rep.Counts) {
		t.Fatalf("backup counts after restore %+v, want %+v", again, rep.Counts)
	}
}

// failAfter accepts n bytes, then fails like a pulled USB stick.
type failAfter struct {
	w io.Writer
	n int
}

var errStickPulled = errors.New("设备已移除")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, errStickPulled
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// testBackupFailedWrite: a write that fails after some bytes leaves
// nothing in the folder, no last-backup record, and says so.
func testBackupFailedWrite(t *testing.T, h *harness, files store.BackupFiles) {
	h.must(Script(h.ctx, h.s, h.clock.Now))
	for _, n := range []int{0, 100, 5000, 40000} {
		dir := t.TempDir()
		_, err := store.Backup(h.ctx, h.s, dir, store.BackupOptions{Files: files, Now: h.clock.Now, Manual: true,
			Writer: func(w io.Writer) io.Writer { return &failAfter{w, n} }})
		if !errors.Is(err, store.ErrBackupFailed) || !strings.Contains(err.Error(), errStickPulled.Error()) {
			t.Fatalf("fail after %d bytes: %v", n, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("fail after %d bytes left %v", n, entries)
		}
	}
	if l, err := h.s.LastBackup(h.ctx); err != nil || !l.Time.IsZero() {
		t.Fatalf("failed backups recorded: %+v, %v", l, err)
	}
}

// testBackupRefused: a file that is not ours, and a backup cut short, are
// refused; nothing is restored.
func testBackupRefused(t *testing.T, h *harness, files store.BackupFiles) {
	h.create(Weifang())
	dir := t.TempDir()
	notOurs := filepath.Join(dir, "名单.xlsx")
	h.must(os.WriteFile(notOurs, []byte(strings.Repeat("PK\x03\x04 not a data file ", 400)), 0o600))
	if _, err := files.OpenBackup(notOurs); !errors.Is(err, store.ErrNotStore) {
		t.Errorf("opening a file that is not ours: %v, want ErrNotStore", err)
	}
	rep, err := store.Backup(h.ctx, h.s, dir, store.BackupOptions{Files: files, Now: h.clock.Now})
	h.must(err)
	data, err := os.ReadFile(rep.Path)
	h.must(err)
	short := filepath.Join(dir, "short.db")
	for _, n := range []int{0, 10, 4096, len(data) / 2, len(data) - 1} {
		h.must(os.WriteFile(short, data[:n], 0o600))
		if e, err := files.OpenBackup(short); err == nil {
			e.Close()
			t.Errorf("a backup cut to %d of %d bytes opened", n, len(data))
		} else if !errors.Is(err, store.ErrDamaged) && !errors.Is(err, store.ErrNotStore) {
			t.Errorf("a backup cut to %d bytes: %v, want ErrDamaged", n, err)
		}
	}
}

// testAutoBackup: a data file gets one start-up copy a day beside it,
// keeping the newest; a database gets none.
func testAutoBackup(t *testing.T, h *harness, files store.BackupFiles) {
	h.create(Weifang())
	fs, isFile := store.As[store.FileStore](h.s)
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	for i := range 5 {
		now := day.AddDate(0, 0, i)
		for range 2 { // twice a day: once only
			_, _, err := store.AutoBackup(h.ctx, h.s, store.BackupOptions{Files: files, Now: func() time.Time { return now }}, 3)
			h.must(err)
		}
	}
	if !isFile {
		return
	}
	dir := filepath.Join(filepath.Dir(fs.Path()), store.AutoBackupFolder)
	entries, err := os.ReadDir(dir)
	h.must(err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{}
	for i := 2; i < 5; i++ {
		want = append(want, store.BackupName(store.DefaultGroupName, day.AddDate(0, 0, i)))
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Fatalf("start-up copies %v, want %v", names, want)
	}
	if l, _ := h.s.LastBackup(h.ctx); !l.Time.IsZero() {
		t.Fatalf("a start-up copy counted as a backup to another place: %+v", l)
	}
}
