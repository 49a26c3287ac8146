package main

import (
	"os"
	"path/filepath"
	"testing"
)

// emptyConfig points os.UserConfigDir at a fresh folder (XDG_CONFIG_HOME
// on Linux, AppData on Windows, HOME on macOS) and returns it.
func emptyConfig(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("AppData", dir)
	t.Setenv("HOME", dir)
	return dir
}

// TestFirstRunWithoutDataFile: with no --db and no data file yet, the
// window starts the guide, whose default is secdesk.db in the config
// folder; nothing is created by asking.
func TestFirstRunWithoutDataFile(t *testing.T) {
	cfg := emptyConfig(t)
	path, first, err := isFirstRun("")
	if err != nil || !first {
		t.Fatalf("first run = %v, %v", first, err)
	}
	if want, _ := os.UserConfigDir(); path != filepath.Join(want, "secdesk", "secdesk.db") {
		t.Errorf("default path %q", path)
	}
	if entries, _ := os.ReadDir(cfg); len(entries) != 0 {
		t.Errorf("asking created %d entries", len(entries))
	}
	if _, first, _ := isFirstRun(filepath.Join(t.TempDir(), "x.db")); first {
		t.Error("--db starts the guide")
	}
}

// TestNoFirstRunWithDefaultFile: once the default file exists the window
// opens it.
func TestNoFirstRunWithDefaultFile(t *testing.T) {
	emptyConfig(t)
	path, _, _ := isFirstRun("")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "demo", "--db", path)
	if _, first, _ := isFirstRun(""); first {
		t.Error("guide again with the default file present")
	}
}

// TestRememberedFileIsTheDefault: the file the guide made in another
// folder is opened by default from then on (the window and every verb);
// if it has gone, the guide comes back rather than a new empty file.
func TestRememberedFileIsTheDefault(t *testing.T) {
	emptyConfig(t)
	other := filepath.Join(t.TempDir(), "U 盘", "secdesk.db")
	if err := os.MkdirAll(filepath.Dir(other), 0o700); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "demo", "--db", other)
	if err := rememberFile(other); err != nil {
		t.Fatal(err)
	}
	if _, first, _ := isFirstRun(""); first {
		t.Error("guide again after it made a file elsewhere")
	}
	if p, _ := dbPath(""); p != other {
		t.Errorf("default data file %q, want %q", p, other)
	}
	os.Remove(other)
	if _, first, _ := isFirstRun(""); !first {
		t.Error("no guide when the remembered file has gone")
	}
}
