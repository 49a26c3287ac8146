package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// entries lists the names in dir, temporary files included.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "名册.xlsx")
	if err := Write(path, writeString("first")); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, writeString("second")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Errorf("content %q", b)
	}
	if es := entries(t, dir); len(es) != 1 || es[0] != "名册.xlsx" {
		t.Errorf("folder holds %q", es)
	}
}

func TestFailingWriteLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.xlsx")
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half a file")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want the writer's", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed write left %s: %v", path, err)
	}
	if es := entries(t, dir); len(es) != 0 {
		t.Errorf("temporary files left: %q", es)
	}
}

func TestFailingWriteKeepsOldContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// More than the buffer, so part of it reaches the temporary file.
	big := make([]byte, 1<<20)
	err := Write(path, func(w io.Writer) error {
		w.Write(big)
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file changed to %d bytes", len(b))
	}
	if es := entries(t, dir); len(es) != 1 {
		t.Errorf("folder holds %q", es)
	}
}

func TestMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir.xlsx")
	called := false
	err := Write(path, func(io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("err %v, writer called %v", err, called)
	}
}

func TestRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := Write("plain.txt", writeString("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile("plain.txt"); string(b) != "x" {
		t.Errorf("content %q", b)
	}
}

// TestModes: a document is readable by others, a private file (a backup)
// only by its owner.
func TestModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix file modes")
	}
	dir := t.TempDir()
	doc, private := filepath.Join(dir, "doc.xlsx"), filepath.Join(dir, "backup.db")
	if err := Write(doc, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if err := WritePrivate(private, writeString("y")); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{doc: 0o644, private: 0o600} {
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, %v; want %v", filepath.Base(path), st.Mode().Perm(), err, want)
		}
	}
}
