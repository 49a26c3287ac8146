package archtest

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/secdesk/secdesk"

// knownExcelizeTests are test files outside store/xlsx that build
// workbooks with excelize directly. None is left (they use
// store/xlsx/xlsxtest); none is to be added.
var knownExcelizeTests []string

// uiShared are the direct sub-packages of ui that any ui package may
// import; every other direct sub-package of ui is a section.
var uiShared = []string{"kit", "msg", "pick"}

// rule is one import rule: which imports it is about, and whether a file
// in the folder dir (slash-separated, relative to the module root) may
// have them.
type rule struct {
	about   string
	who     string // who may, in words
	matches func(imp string) bool
	allowed func(dir, file string) bool
}

func prefix(p string) func(string) bool {
	return func(imp string) bool { return imp == p || strings.HasPrefix(imp, p+"/") }
}

// under reports whether dir is the folder d or inside it.
func under(dir string, ds ...string) bool {
	for _, d := range ds {
		if dir == d || strings.HasPrefix(dir, d+"/") {
			return true
		}
	}
	return false
}

var rules = []rule{
	{
		about:   "fyne.io (the GUI toolkit)",
		who:     "ui/..., assets and cmd/...",
		matches: prefix("fyne.io"),
		allowed: func(dir, _ string) bool { return under(dir, "ui", "assets", "cmd") },
	},
	{
		about:   "go.etcd.io/bbolt",
		who:     "store/bolt/...",
		matches: prefix("go.etcd.io/bbolt"),
		allowed: func(dir, _ string) bool { return under(dir, "store/bolt") },
	},
	{
		about:   "github.com/jackc/pgx",
		who:     "store/postgres/...",
		matches: prefix("github.com/jackc/pgx"),
		allowed: func(dir, _ string) bool { return under(dir, "store/postgres") },
	},
	{
		about:   "github.com/xuri/excelize",
		who:     "store/xlsx/... (other tests use store/xlsx helpers)",
		matches: prefix("github.com/xuri/excelize"),
		allowed: func(dir, file string) bool {
			return under(dir, "store/xlsx") || slices.Contains(knownExcelizeTests, dir+"/"+file)
		},
	},
}

// section is the ui section that the folder dir or the import path imp
// (relative to the module) belongs to, or "".
func section(rel string) string {
	rest, ok := strings.CutPrefix(rel, "ui/")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	if slices.Contains(uiShared, name) {
		return ""
	}
	return name
}

// violations lists what is wrong with the imports of one file; dir is its
// folder relative to the module root.
func violations(dir, file string, imports []string) []string {
	var out []string
	for _, imp := range imports {
		for _, r := range rules {
			if r.matches(imp) && !r.allowed(dir, file) {
				out = append(out, fmt.Sprintf("%s/%s imports %s: only %s may import %s", dir, file, imp, r.who, r.about))
			}
		}
		rel, ok := strings.CutPrefix(imp, module+"/")
		if !ok {
			continue
		}
		if from, to := section(dir), section(rel); from != "" && to != "" && from != to {
			out = append(out, fmt.Sprintf("%s/%s imports %s: ui section %s imports section %s (share through ui/kit, ui/msg or ui/pick)", dir, file, imp, from, to))
		}
	}
	return out
}

// TestImportRules parses the import lines of every Go file in the module,
// test files and files of every build tag alike, and checks them against
// the rules.
func TestImportRules(t *testing.T) {
	root := moduleRoot(t)
	files := 0
	seen := map[string]bool{} // imports seen anywhere, for the sanity checks
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// The go tool ignores these folders too.
			if name := d.Name(); path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		dir := filepath.ToSlash(rel)
		var imports []string
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			imports = append(imports, imp)
			seen[imp] = true
		}
		for _, v := range violations(dir, d.Name(), imports) {
			t.Error(v)
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A walk that found nothing would pass: make sure it saw the tree.
	for _, imp := range []string{"go.etcd.io/bbolt", "github.com/xuri/excelize/v2", "fyne.io/fyne/v2", module + "/store"} {
		if !seen[imp] {
			t.Errorf("no file imports %s: did the walk of %s miss the tree?", imp, root)
		}
	}
	if files < 50 {
		t.Errorf("only %d Go files under %s", files, root)
	}
	// A listed exception that is gone is to be removed from the list.
	for _, f := range knownExcelizeTests {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(f))); err != nil {
			t.Errorf("knownExcelizeTests lists %s, which is gone: remove it from the list", f)
		}
	}
}

// TestViolations checks the rules themselves on made-up files, so that a
// rule that can never fire is noticed.
func TestViolations(t *testing.T) {
	bad := []struct{ dir, file, imp string }{
		{"store", "member.go", "fyne.io/fyne/v2"},
		{"store", "member.go", "go.etcd.io/bbolt"},
		{"store", "member.go", "github.com/jackc/pgx/v5"},
		{"store", "member.go", "github.com/xuri/excelize/v2"},
		{"store/storetest", "load.go", "go.etcd.io/bbolt"},
		{"store/xlsx", "read.go", "go.etcd.io/bbolt"},
		{"store/xlsx", "read.go", "fyne.io/fyne/v2/widget"},
		{"store/bolt", "db.go", "github.com/jackc/pgx/v5/pgxpool"},
		{"store/bolt", "db.go", "fyne.io/fyne/v2"},
		{"store/postgres", "db.go", "go.etcd.io/bbolt"},
		{"ui", "app.go", "go.etcd.io/bbolt"},
		{"ui/members", "view.go", "github.com/xuri/excelize/v2"},
		{"ui/members", "view_test.go", "github.com/xuri/excelize/v2"},
		{"cmd/secdesk", "new_test.go", "github.com/xuri/excelize/v2"},
		{"cmd/secdesk", "cli.go", "go.etcd.io/bbolt"},
		{"ui/members", "view.go", module + "/ui/org"},
		{"ui/members/detail", "view.go", module + "/ui/org/tree"},
		{"ui/org", "view_test.go", module + "/ui/members"},
		{"cmd/secdesk", "cli_test.go", "github.com/xuri/excelize/v2"},
	}
	for _, c := range bad {
		if v := violations(c.dir, c.file, []string{c.imp}); len(v) != 1 {
			t.Errorf("%s/%s importing %s: %q, want one violation", c.dir, c.file, c.imp, v)
		}
	}
	good := []struct{ dir, file, imp string }{
		{"store/bolt", "db.go", "go.etcd.io/bbolt/errors"},
		{"store/bolt/migrate", "v3.go", "go.etcd.io/bbolt"},
		{"store/postgres", "db.go", "github.com/jackc/pgx/v5"},
		{"store/xlsx", "read.go", "github.com/xuri/excelize/v2"},
		{"store/xlsx/xlsxtest", "book.go", "github.com/xuri/excelize/v2"},
		{"ui", "app.go", "fyne.io/fyne/v2"},
		{"ui", "app.go", module + "/ui/members"},
		{"ui/members", "view.go", "fyne.io/fyne/v2/widget"},
		{"ui/members", "view.go", module + "/ui/kit"},
		{"ui/members", "view.go", module + "/ui/kit/kittest"},
		{"ui/members", "view.go", module + "/ui/msg"},
		{"ui/members", "view.go", module + "/ui/pick"},
		{"ui/members", "view.go", module + "/ui/members/detail"},
		{"ui/members/detail", "view.go", module + "/ui/members"},
		{"ui/kit", "shell.go", module + "/ui/msg"},
		{"ui/members", "view_test.go", module + "/store/xlsx/xlsxtest"},
		{"assets", "assets.go", "fyne.io/fyne/v2"},
		{"cmd/secdesk", "gui.go", "fyne.io/fyne/v2/app"},
		{"store", "member.go", module + "/store/stroke"},
	}
	for _, c := range good {
		if v := violations(c.dir, c.file, []string{c.imp}); len(v) != 0 {
			t.Errorf("%s/%s importing %s: %q, want none", c.dir, c.file, c.imp, v)
		}
	}
}

// moduleRoot is the folder of go.mod above the test's working folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}
