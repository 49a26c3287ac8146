package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// TestEveryTextHasEnglish makes sure no Chinese text silently stays
// Chinese in the English interface. It finds every string the program
// passes to msg.T or msg.Tf in ui/ and cmd/ — as a literal, or as a
// constant of the same package or of package store — and every value of
// store's vocabularies that the interface translates at run time (unit
// types, tiers, audit actions …), and lists those without an English entry
// in assets/i18n/en.json or assets/i18n/*.en.json.
func TestEveryTextHasEnglish(t *testing.T) {
	english := loadEnglish(t, "../assets/i18n")
	storeConsts := stringConsts(t, parseDir(t, "../store", false))
	need := map[string][]string{} // text → where it is used
	for _, dir := range []string{".", "../cmd"} {
		for pkgDir, files := range parseTree(t, dir) {
			consts := stringConsts(t, files)
			for _, f := range files {
				for text, pos := range translatedTexts(f.file, f.fset, consts, storeConsts) {
					need[text] = append(need[text], filepath.Join(pkgDir, pos))
				}
			}
		}
	}
	for text, source := range runtimeVocabulary(t) {
		need[text] = append(need[text], source)
	}
	var missing []string
	for text, where := range need {
		if english[text] == "" {
			missing = append(missing, strconv.Quote(text)+"  ("+strings.Join(where, ", ")+")")
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%d texts have no English in assets/i18n/*.en.json:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// runtimeVocabulary is what the interface passes to msg.T as a value read
// from a record rather than as a constant: the enumerations of package
// store, the audit actions and record kinds, the short unit types on the
// dashboard and the sections' titles. It maps each text to its source.
func runtimeVocabulary(t *testing.T) map[string]string {
	out := map[string]string{}
	add := func(source string, texts ...string) {
		for _, s := range texts {
			out[s] = source
		}
	}
	for _, v := range store.UnitTypes {
		add("store.UnitTypes", string(v))
		add("unitTypeShort", unitTypeShort[v])
	}
	for _, v := range store.Tiers {
		add("store.Tiers", string(v))
	}
	for _, v := range store.ExitKinds {
		add("store.ExitKinds", string(v))
	}
	for _, v := range store.Statuses {
		add("store.Statuses", string(v))
	}
	add("store.Kind*", store.KindMember)
	add("store.Action*", store.ActionCreate, store.ActionUpdate, store.ActionEvent, store.ActionDelete,
		store.ActionRestore, store.ActionImport, store.ActionSettings, store.ActionMigrate)
	db, _ := openDeskFile(t)
	for _, s := range newDeskWindow(t, db).sections {
		add("section title", s.title)
	}
	return out
}

// loadEnglish reads every English translation file: en.json and *.en.json,
// the files Fyne's lang package loads for English.
func loadEnglish(t *testing.T, dir string) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	out := map[string]string{}
	for _, p := range paths {
		if base := filepath.Base(p); base != "en.json" && !strings.HasSuffix(base, ".en.json") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for k, v := range m {
			out[k] = strings.TrimSpace(v)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no English translations in %s", dir)
	}
	return out
}

type parsedFile struct {
	file *ast.File
	fset *token.FileSet
	name string
}

// parseTree parses the Go files (tests too) of every package under root,
// by package directory.
func parseTree(t *testing.T, root string) map[string][]parsedFile {
	t.Helper()
	out := map[string][]parsedFile{}
	if _, err := os.Stat(root); err != nil {
		return out // cmd/ may not exist yet
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if files := parseDir(t, p, true); len(files) > 0 {
			out[p] = files
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func parseDir(t *testing.T, dir string, withTests bool) []parsedFile {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []parsedFile
	for _, p := range paths {
		if !withTests && strings.HasSuffix(p, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, parsedFile{f, fset, filepath.Base(p)})
	}
	return out
}

// stringConsts maps each string constant declared at package level to its
// value.
func stringConsts(t *testing.T, files []parsedFile) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, decl := range f.file.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if s, ok := stringLiteral(vs.Values[i]); ok {
							out[name.Name] = s
						}
					}
				}
			}
		}
	}
	return out
}

// translatedTexts finds the calls msg.T(x) and msg.Tf(x, …) — T and Tf
// inside package msg itself — whose x is a literal or a known constant,
// possibly converted (string(store.FieldName)), with their positions.
func translatedTexts(f *ast.File, fset *token.FileSet, local, storeConsts map[string]string) map[string]string {
	out := map[string]string{}
	inMsg := f.Name.Name == "msg"
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 || !isTranslateCall(call.Fun, inMsg) {
			return true
		}
		if text, ok := constantText(call.Args[0], local, storeConsts); ok {
			p := fset.Position(call.Pos())
			out[text] = filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
		}
		return true
	})
	return out
}

func isTranslateCall(fun ast.Expr, inMsg bool) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "msg" && (f.Sel.Name == "T" || f.Sel.Name == "Tf")
	case *ast.Ident:
		return inMsg && (f.Name == "T" || f.Name == "Tf")
	}
	return false
}

func constantText(e ast.Expr, local, storeConsts map[string]string) (string, bool) {
	switch x := e.(type) {
	case *ast.CallExpr: // a conversion such as string(store.FieldName)
		if len(x.Args) == 1 {
			return constantText(x.Args[0], local, storeConsts)
		}
	case *ast.Ident:
		s, ok := local[x.Name]
		return s, ok
	case *ast.SelectorExpr:
		if pkg, ok := x.X.(*ast.Ident); ok && pkg.Name == "store" {
			s, ok := storeConsts[x.Sel.Name]
			return s, ok
		}
	}
	return stringLiteral(e)
}

func stringLiteral(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
