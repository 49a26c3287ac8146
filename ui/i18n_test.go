package ui

import (
	"encoding/json"
	"fmt"
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
	"github.com/secdesk/secdesk/ui/kit/kittest"
	"github.com/secdesk/secdesk/ui/msg"
)

// TestEveryTextHasEnglish makes sure no Chinese text silently stays
// Chinese in the English interface. It finds every string the program
// passes to msg.T or msg.Tf in ui/ and cmd/ — as a literal, or as a
// constant of the same package or of package store — and every value of
// store's vocabularies that the interface translates at run time (unit
// types, tiers, audit actions …), and lists those without an English entry
// in assets/i18n/en.json or assets/i18n/*.en.json. It walks ui/ with every
// package under it (kit, pick and the sections) and cmd/.
func TestEveryTextHasEnglish(t *testing.T) {
	english := loadEnglish(t, "../assets/i18n")
	storeConsts := stringConsts(t, parseDir(t, "../store", false))
	need := map[string][]string{} // text → where it is used
	for _, dir := range []string{".", "../cmd"} {
		for pkgDir, files := range parseTree(t, dir) {
			consts := stringConsts(t, files)
			for _, f := range files {
				for text, pos := range translatedTexts(f, consts, storeConsts) {
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
// store, the default positions, the audit actions and record kinds, the
// sections' titles. It maps each text to its source. (The dashboard's
// short unit types are checked by its own test.)
func runtimeVocabulary(t *testing.T) map[string]string {
	out := map[string]string{}
	add := func(source string, texts ...string) {
		for _, s := range texts {
			out[s] = source
		}
	}
	for _, v := range store.UnitTypes {
		add("store.UnitTypes", string(v))
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
	for _, v := range store.BodyTypes {
		add("store.BodyTypes", string(v))
	}
	for _, v := range store.Orderings {
		add("store.Orderings", string(v))
	}
	add("store.Genders", store.Genders...)
	add("store.DefaultMeetingKinds", store.DefaultMeetingKinds...)
	for _, v := range store.MeetingStatuses {
		add("store.MeetingStatuses", v.Word())
	}
	for _, v := range store.ReplyStates {
		add("store.ReplyStates", v.Word())
	}
	for _, v := range append(store.AttendStates, store.AttendNone) {
		add("store.AttendStates", v.Word())
	}
	for _, v := range []store.InviteeRole{store.RoleSeat, store.RoleExtra, store.RoleGuest} {
		add("store.InviteeRole", v.Word())
	}
	for _, v := range store.QuorumRules {
		add("store.QuorumRules", v.Word())
	}
	for _, v := range store.TaskStatuses {
		add("store.TaskStatuses", v.Word())
	}
	for _, v := range append(store.TaskSteps, store.StepCreate, store.StepDispatch) {
		add("store.TaskSteps", v.Word())
	}
	for _, v := range store.Flags {
		add("store.Flags", v.Word())
	}
	for _, v := range store.SourceKinds {
		add("store.SourceKinds", v.Word())
	}
	for _, v := range store.Buckets {
		add("store.Buckets", v.Word())
	}
	for _, v := range store.DispatchCodes {
		add("store.DispatchCodes", v.Word())
	}
	for _, v := range []store.ExtDecision{store.ExtPending, store.ExtApproved, store.ExtRefused} {
		add("store.ExtDecision", v.Word())
	}
	add("store.DefaultPositions", store.DefaultPositions...) // msg.SeatWarning translates them
	for _, v := range []store.RowAction{store.RowNew, store.RowUpdate, store.RowUnchanged, store.RowError} {
		add("store.Row*", string(v))
	}
	// The persisted codes are shown through msg.Kind and msg.Action, which
	// give the Chinese while the language is Chinese.
	for _, k := range []store.Kind{store.KindMember, store.KindPerson, store.KindBody, store.KindSettings, store.KindData, store.KindMeeting,
		store.KindTask, store.KindDispatch, store.KindCatalogue, store.KindIndicators, store.KindRound} {
		add("store.Kind*", msg.Kind(k))
	}
	for _, a := range []store.Action{store.ActionCreate, store.ActionUpdate, store.ActionEvent, store.ActionDelete,
		store.ActionRestore, store.ActionImport, store.ActionSettings, store.ActionMigrate, store.ActionRoster, store.ActionCopy,
		store.ActionAttend, store.ActionReply, store.ActionInspect, store.ActionFlags, store.ActionDispatch,
		store.ActionValue, store.ActionFile, store.ActionReturn} {
		add("store.Action*", msg.Action(a))
	}
	db, _ := kittest.OpenFile(t)
	for _, s := range newDeskWindow(t, db).Sections() {
		add("section title", s.Title())
	}
	return out
}

// loadEnglish reads every English translation file: en.json and *.en.json,
// the files Fyne's lang package loads for English. A text must be in one
// file only: Fyne merges the files, so of two different translations the
// one loaded last would win, whichever the section meant; a word several
// sections use goes in en.json.
func loadEnglish(t *testing.T, dir string) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	out := map[string]string{}
	from := map[string]string{} // text → the file that gave it
	var twice []string
	for _, p := range paths {
		base := filepath.Base(p)
		if base != "en.json" && !strings.HasSuffix(base, ".en.json") {
			continue
		}
		for k, v := range readTranslations(t, p) {
			v = strings.TrimSpace(v)
			if other, ok := from[k]; ok {
				how := "the same English"
				if out[k] != v {
					how = fmt.Sprintf("different English: %q and %q", out[k], v)
				}
				twice = append(twice, fmt.Sprintf("%q in %s and %s, %s", k, other, base, how))
			}
			out[k], from[k] = v, base
		}
	}
	if len(out) == 0 {
		t.Fatalf("no English translations in %s", dir)
	}
	if len(twice) > 0 {
		slices.Sort(twice)
		t.Errorf("%d texts are translated in two files; keep each once (words several sections use in en.json):\n%s",
			len(twice), strings.Join(twice, "\n"))
	}
	return out
}

func readTranslations(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
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

// translatingFuncs are the program's own functions and methods that hand
// some of their arguments to msg.T: by name, the positions of those
// arguments. A form's labels and titles, a confirmation's title and
// button, a progress title, a toolbar button's text are written in Chinese
// where they are used and translated inside.
var translatingFuncs = map[string][]int{
	"NewFormDialog": {1}, "Show": {0}, "AddEntry": {0}, "AddDate": {0}, "AddWidget": {0},
	"newEventForm": {1}, "Confirm": {0, 2}, "RunWithProgress": {0}, "ExportInBackground": {1},
	"IconButton": {0}, "NewFilterSelect": {0},
}

// translatedTexts finds the calls msg.T(x) and msg.Tf(x, …) — T and Tf
// inside package msg itself — and, outside tests (whose dialogs are
// titled 测试), the texts given to translatingFuncs, whose x is a literal
// or a known constant, possibly converted (string(store.FieldName)), with
// their positions.
func translatedTexts(pf parsedFile, local, storeConsts map[string]string) map[string]string {
	out := map[string]string{}
	f, fset := pf.file, pf.fset
	inMsg := f.Name.Name == "msg"
	inTest := strings.HasSuffix(pf.name, "_test.go")
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		args := translatedArgs(call.Fun, inMsg)
		if inTest && !isTranslateCall(call.Fun, inMsg) {
			args = nil
		}
		for _, i := range args {
			if i >= len(call.Args) {
				continue
			}
			if text, ok := constantText(call.Args[i], local, storeConsts); ok && text != "" {
				p := fset.Position(call.Pos())
				out[text] = filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
			}
		}
		return true
	})
	return out
}

// translatedArgs are the positions of the arguments a call translates.
func translatedArgs(fun ast.Expr, inMsg bool) []int {
	if isTranslateCall(fun, inMsg) {
		return []int{0}
	}
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		return translatingFuncs[f.Sel.Name]
	case *ast.Ident:
		return translatingFuncs[f.Name]
	}
	return nil
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
