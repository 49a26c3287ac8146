package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// FuzzReadMembers feeds damaged and odd workbooks to the importer: reading
// and planning must never panic, and a plan is either clean or says which
// rows are wrong. (That nothing is written when a plan has errors is
// store/bolt's ApplyImport's promise, tested there.)
func FuzzReadMembers(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(importDir, "*.xlsx"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	tpl := filepath.Join(f.TempDir(), "t.xlsx")
	if err := WriteTemplate(tpl); err != nil {
		f.Fatal(err)
	}
	b, _ := os.ReadFile(tpl)
	f.Add(b)
	f.Add([]byte("PK\x03\x04"))
	existing := []store.Member{existingCodeMember, existingNameMember}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ReadMembers(bytes.NewReader(data))
		if err != nil {
			return
		}
		plan := store.PlanImport(existing, rows, planNow)
		if len(plan.Rows) != len(rows) {
			t.Fatalf("%d plan rows for %d read rows", len(plan.Rows), len(rows))
		}
		for i, pr := range plan.Rows {
			if pr.Row != rows[i].Row || pr.Row < 2 {
				t.Fatalf("plan row %d numbered %d, read as %d", i, pr.Row, rows[i].Row)
			}
			if (pr.Action == store.RowError) != (len(pr.Errors) > 0) {
				t.Fatalf("row %d: action %s with %d errors", pr.Row, pr.Action, len(pr.Errors))
			}
		}
	})
}
