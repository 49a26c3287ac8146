package xlsxtest

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// SetNumbers writes numbers into cells ("F6": 30) of sheet in the
// workbook at path and saves it in place, as Excel stores a number typed
// into a number cell (SetCells stores text, as a pasted or text-formatted
// entry is). Like SetCells it ignores sheet protection.
func SetNumbers(t testing.TB, path, sheet string, cells map[string]float64) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for c, v := range cells {
		if err := f.SetCellFloat(sheet, c, v, -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
