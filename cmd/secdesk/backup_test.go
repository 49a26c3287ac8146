package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
)

// backupOf backs db up into a new folder and returns the backup's path.
func backupOf(t *testing.T, db string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "U盘 备份")
	r := mustRun(t, "backup", "--out", dir, "--db", db)
	if !strings.Contains(r.stdout, "已打开备份核对，数量一致") || !strings.Contains(r.stdout, "成员单位 ") {
		t.Fatalf("backup printed %q", r.stdout)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "秘书处工作台备份-") {
		t.Fatalf("backup folder holds %v (%v)", entries, err)
	}
	return filepath.Join(dir, entries[0].Name())
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	db := demoDB(t)
	before := statsJSON(t, db)
	backup := backupOf(t, db)

	// Delete a unit after the backup; the restore brings it back.
	s, err := openStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(context.Background())
	if err := s.DeleteMember(context.Background(), ms[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	changed := snapshot(t, db)

	// Asked, and answered no: nothing changes.
	stdin = strings.NewReader("n\n")
	t.Cleanup(func() { stdin = os.Stdin })
	r := mustRun(t, "restore", backup, "--db", db)
	if !strings.Contains(r.stdout, "备份：") || !strings.Contains(r.stdout, "当前：") || !strings.Contains(r.stdout, "未恢复") {
		t.Fatalf("restore answered no printed %q", r.stdout)
	}
	if snapshot(t, db) != changed {
		t.Fatal("a restore answered no changed the data")
	}

	stdin = strings.NewReader("y\n")
	r = mustRun(t, "restore", backup, "--db", db)
	if !strings.Contains(r.stdout, "已从备份恢复") || !strings.Contains(r.stdout, "恢复前的数据已另存为") {
		t.Fatalf("restore printed %q", r.stdout)
	}
	after := statsJSON(t, db)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatalf("stats after restore %v, before backup %v", after["total"], before["total"])
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(db), store.AutoBackupFolder, "秘书处工作台备份（恢复前）-*.db"))
	if len(kept) != 1 {
		t.Fatalf("data before the restore kept as %v", kept)
	}
	mustRun(t, "restore", kept[0], "--yes", "--db", db)
	if got := snapshot(t, db); !strings.Contains(got, "恢复") {
		t.Fatal("no audit entry of the restores")
	}
}

func TestRestoreRefusesFiles(t *testing.T) {
	db := demoDB(t)
	backup := backupOf(t, db)
	data, _ := os.ReadFile(backup)
	dir := t.TempDir()
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, data[:len(data)/3], 0o600)
	notOurs := filepath.Join(dir, "名单.db")
	os.WriteFile(notOurs, []byte(strings.Repeat("这不是数据文件", 1000)), 0o600)
	before := snapshot(t, db)
	for file, want := range map[string]string{
		short:                            "已损坏或不完整",
		notOurs:                          "不是秘书处工作台的数据文件",
		filepath.Join(dir, "nothing.db"): "备份文件不存在",
	} {
		r := runCLI(t, "restore", file, "--yes", "--db", db)
		if r.code != exitFailed || !strings.Contains(r.stderr, want) {
			t.Errorf("restore %s: exit %d, %q; want %q", filepath.Base(file), r.code, r.stderr, want)
		}
	}
	if snapshot(t, db) != before {
		t.Fatal("a refused restore changed the data")
	}
}

func TestBackupFolderIsAFile(t *testing.T) {
	db := demoDB(t)
	r := runCLI(t, "backup", "--out", db, "--db", db)
	if r.code != exitUsage {
		t.Fatalf("backup --out a file: exit %d %q", r.code, r.stderr)
	}
}

func TestCheckAndRepair(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "check", "--db", db)
	if !strings.HasPrefix(r.stdout, "检查通过：成员单位 ") {
		t.Fatalf("check printed %q", r.stdout)
	}
	// Damage one member's record.
	e, err := bolt.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s := store.New(e, store.Options{})
	m, err := s.CreateMember(context.Background(), store.Member{Name: "即将损坏的有限公司", Type: "企业"})
	if err != nil {
		t.Fatal(err)
	}
	ms := []store.Member{m}
	e.Write(context.Background(), func(tx store.EngineTx) error { return tx.Put(store.ColMembers, ms[0].ID, []byte("{坏")) })
	s.Close()

	r = runCLI(t, "check", "--db", db)
	if r.code != exitFailed || !strings.Contains(r.stdout, ms[0].ID.String()) || !strings.Contains(r.stderr, "检查发现") {
		t.Fatalf("check of a damaged file: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = mustRun(t, "check", "--repair", "--db", db)
	if !strings.Contains(r.stdout, "已移入隔离区：members "+ms[0].ID.String()) || !strings.Contains(r.stdout, "检查通过") ||
		!strings.Contains(r.stdout, "隔离区 1 条") {
		t.Fatalf("check --repair printed %q", r.stdout)
	}
}
