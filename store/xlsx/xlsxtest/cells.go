package xlsxtest

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// SetCells writes text into cells ("G5": "是") of sheet in the workbook
// at path and saves it in place, as a unit fills in a form sent to it.
// It ignores sheet protection, as any program but Excel can, so a test
// can also simulate an edit of a locked cell.
func SetCells(t testing.TB, path, sheet string, cells map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for c, v := range cells {
		if err := f.SetCellStr(sheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
