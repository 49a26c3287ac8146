package indicators

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestTemplatesAndReturns: templates written for the open round, one
// filled in and returned, the folder imported: the preview lists it,
// 确认导入 stores the value and the status reads 已交.
func TestTemplatesAndReturns(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	college, _, _ := twoUnits(t, db)
	_, v := openIndicators(t, db)
	v.tabs.SelectIndex(tabReturns)
	tap(t, kittest.Button(t, v.returns.view, "开始填报"))
	out := t.TempDir()
	files, err := writeTemplates(out, v.data, "潍坊职教集团")
	if err != nil || len(files) != 2 {
		t.Fatalf("templates = %q, %v", files, err)
	}
	var src string
	for _, f := range files {
		if strings.Contains(filepath.Base(f), college.Name) {
			src = f
		}
	}
	back := filepath.Join(t.TempDir(), "回收")
	if err := os.MkdirAll(back, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(back, filepath.Base(src))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	xlsxtest.SetNumbers(t, path, xlsx.IndicatorSheet, map[string]float64{"F" + strconv.Itoa(rowOf(t, path, "training_bases")): 9})
	v.returns.readReturns(back)
	rows := kittest.TableRows(lastPreview.Table)
	if len(rows) != 1 || rows[0][1] != college.Name || rows[0][2] != "1" {
		t.Fatalf("preview = %q", rows)
	}
	tap(t, lastPreview.Confirm)
	if x, ok := storedValue(t, db, college, "training_bases"); !ok || x != 9 {
		t.Errorf("stored = %v %v", x, ok)
	}
	for _, r := range kittest.TableRows(v.returns.table) {
		if r[0] == college.Name && (r[2] != "已交" || r[3] != filepath.Base(path)) {
			t.Errorf("status row = %q", r)
		}
	}
}

// rowOf is the sheet row (1-based) whose hidden id column holds code.
func rowOf(t *testing.T, path, code string) int {
	t.Helper()
	for i, r := range xlsxtest.ReadSheet(t, path, xlsx.IndicatorSheet) {
		for _, c := range r {
			if c == code {
				return i + 1
			}
		}
	}
	t.Fatalf("no row of %s", code)
	return 0
}
