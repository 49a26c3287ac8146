package bolt

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// filledStore is a store over a file with a scripted history.
func filledStore(t testing.TB) (store.Store, string) {
	t.Helper()
	s, _, path := openTest(t)
	c := newClock()
	if err := storetest.Script(ctx, s, c.Now); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// TestBackupWhileOpen: the window holds the file (its lock) and writes
// while a backup runs through the same open store; the backup is the state
// at its start and passes the check.
func TestBackupWhileOpen(t *testing.T) {
	s, path := filledStore(t)
	if _, err := Open(path); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked (the window's lock)", err)
	}
	done := make(chan error)
	go func() {
		for i := range 50 {
			if _, err := s.CreateMember(ctx, company(fmt.Sprintf("并发写入单位%d", i), "")); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	rep, err := store.Backup(ctx, s, t.TempDir(), store.BackupOptions{Files: Files{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	b, err := OpenReadOnly(rep.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := checker(store.New(b, store.Options{})).Check(ctx); err != nil {
		t.Fatalf("backup check: %v", err)
	}
}

// TestTruncatedBackupRefused cuts a backup at random lengths: each is
// refused as damaged (or not ours), never opened, never a crash.
func TestTruncatedBackupRefused(t *testing.T) {
	s, _ := filledStore(t)
	rep, err := store.Backup(ctx, s, t.TempDir(), store.BackupOptions{Files: Files{}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(rep.Path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
	cut := filepath.Join(t.TempDir(), "cut.db")
	for range 100 {
		n := rng.IntN(len(data))
		if err := os.WriteFile(cut, data[:n], 0o600); err != nil {
			t.Fatal(err)
		}
		e, err := OpenReadOnly(cut)
		if err == nil {
			e.Close()
			t.Fatalf("a backup cut to %d of %d bytes opened", n, len(data))
		}
		if !errors.Is(err, store.ErrDamaged) && !errors.Is(err, store.ErrNotStore) {
			t.Fatalf("cut to %d bytes: %v", n, err)
		}
	}
}

// TestRestoreOpensBackupReadOnly: restoring never changes the backup
// file, and an older backup is migrated in a temporary copy.
func TestRestoreOpensBackupReadOnly(t *testing.T) {
	s, _ := filledStore(t)
	rep, err := store.Backup(ctx, s, t.TempDir(), store.BackupOptions{Files: Files{}})
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(rep.Path, 0o400)
	before := fileHash(t, rep.Path)
	b, err := OpenReadOnly(rep.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.RestoreBackup(ctx, s, b, store.RestoreOptions{Files: Files{}, KeepDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if fileHash(t, rep.Path) != before {
		t.Fatal("the restore changed the backup file")
	}
}

const backupKillEnv = "SECDESK_BACKUP_KILL_HELPER"

// TestBackupKillHelper is the process TestKillDuringBackup kills: it backs
// its file up into a folder again and again.
func TestBackupKillHelper(t *testing.T) {
	spec := os.Getenv(backupKillEnv)
	if spec == "" {
		t.Skip("helper process for TestKillDuringBackup")
	}
	db, dir, _ := strings.Cut(spec, "|")
	s, err := OpenStore(db, Options{})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	fmt.Println("OPEN")
	for i := 0; ; i++ {
		_, err := store.Backup(ctx, s, dir, store.BackupOptions{Files: Files{}, Name: fmt.Sprintf("b%d.db", i)})
		if err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
		os.Stdout.WriteString(fmt.Sprintf("DONE b%d.db\n", i))
	}
}

// TestKillDuringBackup kills a process in the middle of backups: every
// file with a final name is a whole backup that opens and checks; what
// was being written is only a temporary name.
func TestKillDuringBackup(t *testing.T) {
	// A file of some megabytes, so a kill lands mid-write.
	path := filepath.Join(t.TempDir(), "kill.db")
	src, err := OpenStore(path, Options{Now: benchNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := storetest.Load(ctx, src, storetest.SyntheticMembers(1500, 7)); err != nil {
		t.Fatal(err)
	}
	src.Close()
	finals, temps := 0, 0
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	for run := range 10 {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestBackupKillHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), backupKillEnv+"="+path+"|"+dir)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		if !lines.Scan() || lines.Text() != "OPEN" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("helper: %q", lines.Text())
		}
		time.AfterFunc(time.Duration(5+rng.IntN(120))*time.Millisecond, func() { cmd.Process.Kill() })
		for lines.Scan() {
		}
		cmd.Wait()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				temps++
				continue // the write the kill interrupted
			}
			finals++
			b, err := OpenReadOnly(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatalf("run %d: final-named %s does not open: %v", run, e.Name(), err)
			}
			if err := checker(store.New(b, store.Options{})).Check(ctx); err != nil {
				t.Fatalf("run %d: %s: %v", run, e.Name(), err)
			}
			b.Close()
		}
	}
	t.Logf("%d whole backups checked, %d interrupted ones left under a temporary name", finals, temps)
	if temps == 0 {
		t.Log("no kill landed mid-write this time")
	}
}

// BenchmarkBackupVerify is 备份 of a synthetic register (the snapshot
// written through a temporary name and synced, then opened read-only and
// counted): the 10,000-member fixture (~28 MB), and 18,000 members (~50
// MB, the figure). Target ≤ 2 s at 50 MB.
func BenchmarkBackupVerify(b *testing.B) {
	b.Run("10k", func(b *testing.B) { benchBackup(b, fixture(b)) })
	b.Run("18k", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "18k.db")
		s, err := OpenStore(path, Options{Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		if err := storetest.Load(ctx, s, storetest.SyntheticMembers(18000, 2026)); err != nil {
			b.Fatal(err)
		}
		s.Close()
		benchBackup(b, path)
	})
}

func benchBackup(b *testing.B, path string) {
	s, err := OpenStore(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	dir := b.TempDir()
	for b.Loop() {
		rep, err := store.Backup(ctx, s, dir, store.BackupOptions{Files: Files{}, Name: "bench.db"})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rep.Size)/(1<<20), "MB")
	}
}
