package bolt

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// killHelperEnv names the data file the helper process writes to; the
// helper test does nothing without it.
const killHelperEnv = "SECDESK_KILL_HELPER_DB"

// TestKillHelper is not a test: it is the process TestKillMidWrite starts
// and kills. It opens the file, says so, then creates members until it is
// killed, printing each ID only after CreateMember (and so the commit and
// its fsync) has returned.
func TestKillHelper(t *testing.T) {
	path := os.Getenv(killHelperEnv)
	if path == "" {
		t.Skip("helper process for TestKillMidWrite")
	}
	db, err := OpenStore(path, Options{Now: func() time.Time { return testStart }})
	if err != nil {
		fmt.Printf("ERROR %v\n", err)
		os.Exit(3)
	}
	fmt.Println("OPEN")
	for i := 0; ; i++ {
		m := company(fmt.Sprintf("断电测试单位%d-%d", os.Getpid(), i), "")
		m.Events = []store.Event{{Kind: store.EventJoin, Date: date(2020, 1, 2), Tier: "成员单位"}}
		saved, err := db.CreateMember(ctx, m)
		if err != nil {
			fmt.Printf("ERROR %v\n", err)
			os.Exit(3)
		}
		// One write(2) per line: the parent never sees half an ID.
		os.Stdout.WriteString("ID " + saved.ID.String() + "\n")
	}
}

// TestKillMidWrite kills a writing process with SIGKILL at random moments,
// at least 50 times, and checks after each kill that the file opens,
// passes Check, and holds every member whose commit had returned.
func TestKillMidWrite(t *testing.T) {
	runs := 50
	if testing.Short() {
		runs = 10
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	committed := map[uuid.UUID]bool{}
	deadline := time.Now().Add(40 * time.Second)
	for run := 0; run < runs; run++ {
		if time.Now().After(deadline) {
			t.Fatalf("only %d runs in 40 s", run)
		}
		delay := time.Duration(20+rng.IntN(181)) * time.Millisecond
		for _, id := range killOnce(t, path, delay) {
			committed[id] = true
		}
		verifyAfterKill(t, path, committed, run)
	}
	// Guard against a helper that never got to write: the test would then
	// prove nothing.
	if len(committed) < runs {
		t.Fatalf("only %d members committed in %d runs", len(committed), runs)
	}
	t.Logf("%d runs, %d committed members, all present", runs, len(committed))
}

// killOnce starts the helper, waits until it has opened the file, lets it
// write for delay, kills it and returns the IDs it reported committed.
func killOnce(t *testing.T, path string, delay time.Duration) []uuid.UUID {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), killHelperEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || lines.Text() != "OPEN" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper did not open the file: %q %s", lines.Text(), stderr.String())
	}
	timer := time.AfterFunc(delay, func() { cmd.Process.Kill() }) // SIGKILL
	var ids []uuid.UUID
	for lines.Scan() {
		line := lines.Text()
		id, err := uuid.Parse(strings.TrimPrefix(line, "ID "))
		if !strings.HasPrefix(line, "ID ") || err != nil {
			t.Fatalf("helper said %q", line)
		}
		ids = append(ids, id)
	}
	timer.Stop()
	if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("helper ended by itself: %v %s", err, stderr.String())
	}
	return ids
}

func verifyAfterKill(t *testing.T, path string, committed map[uuid.UUID]bool, run int) {
	t.Helper()
	db, err := OpenStore(path, Options{})
	if err != nil {
		t.Fatalf("run %d: open after kill: %v", run, err)
	}
	defer db.Close()
	if err := checker(db).Check(ctx); err != nil {
		t.Fatalf("run %d: Check after kill: %v", run, err)
	}
	ms, err := db.Members(ctx)
	if err != nil {
		t.Fatalf("run %d: %v", run, err)
	}
	present := make(map[uuid.UUID]bool, len(ms))
	for _, m := range ms {
		present[m.ID] = true
	}
	for id := range committed {
		if !present[id] {
			t.Fatalf("run %d: committed member %s is missing", run, id)
		}
	}
}
