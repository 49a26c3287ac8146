package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store/postgres/pgtest"
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

// TestCopyAndUseServer moves the demo file onto a database with `copy`,
// uses the database with --db like the file (the same statistics and
// rosters), refuses a second copy onto it without --replace, and copies it
// back into a new file that again reads the same.
func TestCopyAndUseServer(t *testing.T) {
	file := demoDB(t)
	url := pgtest.Start(t)
	r := mustRun(t, "copy", "--from", file, "--to", url)
	if !strings.Contains(r.stdout, "已复制：成员单位 97 家，人员 154 人，机构 5 个") || !strings.Contains(r.stdout, "检查通过") {
		t.Errorf("copy said %q", r.stdout)
	}
	for _, args := range [][]string{{"stats", "--as-of", "2023-11-28", "--json"}, {"roster", "list"}} {
		onFile := mustRun(t, append(args, "--db", file)...).stdout
		onServer := mustRun(t, append(args, "--db", url)...).stdout
		if onFile != onServer || onFile == "" {
			t.Errorf("%v differs:\nfile:\n%s\nserver:\n%s", args, onFile, onServer)
		}
	}
	again := runCLI(t, "copy", "--from", file, "--to", url)
	if again.code != exitFailed || !strings.Contains(again.stderr, "目标中已有数据") {
		t.Errorf("a copy onto data: exit %d, %q", again.code, again.stderr)
	}
	mustRun(t, "copy", "--from", file, "--to", url, "--replace")
	back := filepath.Join(t.TempDir(), "back.db")
	mustRun(t, "copy", "--from", url, "--to", back)
	if a, b := mustRun(t, "roster", "list", "--db", file).stdout, mustRun(t, "roster", "list", "--db", back).stdout; a != b {
		t.Errorf("roster list of the file brought back differs:\n%s\n%s", a, b)
	}
}
