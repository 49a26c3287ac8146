// Package xlsxtest writes and reads workbooks in tests, so that tests of
// other packages (the command line, the window) need not import excelize:
// only store/xlsx and this package do.
package xlsxtest

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// WriteSheet writes rows, every cell a string, from A1 down on the only
// sheet (Sheet1) of a new workbook in a fresh t.TempDir, and returns its
// path. Ragged rows are fine: a short row leaves its last cells empty.
func WriteSheet(t testing.TB, rows [][]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "sheet.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// ReadSheet returns the text of every cell of sheet in the workbook at
// path, as Excel shows it (formatted), row by row with trailing empty
// cells dropped. An empty sheet name reads the first sheet. It fails the
// test if the file is not a workbook or has no such sheet.
func ReadSheet(t testing.TB, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// SheetNames lists the sheets of the workbook at path in order.
func SheetNames(t testing.TB, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetList()
}
