package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/secdesk/secdesk/store/bolt"
)

// TestMain makes Chinese the default whatever the machine's LANG, and lets
// the test binary act as the helper process of TestLocked, or as the
// program itself (TestLocaleC).
func TestMain(m *testing.M) {
	if path := os.Getenv("SECDESK_TEST_HOLD"); path != "" {
		holdStore(path)
		return
	}
	if os.Getenv("SECDESK_TEST_MAIN") != "" {
		main()
	}
	os.Setenv("LC_ALL", "zh_CN.UTF-8")
	os.Exit(m.Run())
}

// holdStore opens the data file, says so, and keeps it until its stdin
// closes: a second copy of the program holding the lock.
func holdStore(path string) {
	s, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	s.Close()
}

// result is what one run printed.
type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return result{code, out.String(), errb.String()}
}

// mustRun runs a command that must succeed.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := runCLI(t, args...)
	if r.code != 0 {
		t.Fatalf("secdesk %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

var (
	demoOnce sync.Once
	demoPath string
	demoErr  string
)

// demoDB returns a fresh copy of a data file filled by `secdesk demo`
// (made once: loading the demo with its meetings is ~1,000 transactions).
func demoDB(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "secdesk-demo")
		if err != nil {
			demoErr = err.Error()
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		var out, errb bytes.Buffer
		if code := run([]string{"demo", "--db", demoPath}, &out, &errb); code != 0 {
			demoErr = fmt.Sprintf("demo: exit %d: %s", code, errb.String())
		}
	})
	if demoErr != "" {
		t.Fatal(demoErr)
	}
	b, err := os.ReadFile(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "secdesk.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// statsJSON runs stats --json and decodes it.
func statsJSON(t *testing.T, db string, args ...string) map[string]any {
	t.Helper()
	r := mustRun(t, append([]string{"stats", "--json", "--db", db}, args...)...)
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stats --json printed %q: %v", r.stdout, err)
	}
	return got
}
