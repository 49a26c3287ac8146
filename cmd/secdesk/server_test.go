package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestServerUnreachable: a database that cannot be reached is said so in
// Chinese, with the place to look at (user@host/db) and never the
// password, and the command fails with exit code 1. No server is needed:
// the socket folder does not exist.
func TestServerUnreachable(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "no-server")
	r := runCLI(t, "stats", "--db", "postgres://li:S3cret-pw@/secdesk?host="+sock)
	if r.code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %q", r.code, exitFailed, r.stderr)
	}
	for _, want := range []string{"无法连接数据库服务器", "数据库：li@localhost(" + sock + ")/secdesk"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr+r.stdout, "S3cret") {
		t.Errorf("the password is shown:\n%s", r.stderr)
	}
}
