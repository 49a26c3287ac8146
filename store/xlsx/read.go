package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// ProblemNoHeader is the problem of ErrNoHeader; like every store.Problem
// it is also the key the English translation is looked up by.
const ProblemNoHeader store.Problem = "找不到表头（需要含“单位名称”的标题行）"

// ErrNoHeader is returned by ReadMembers when none of the first rows of the
// first sheet is a header row with a unit-name column. It is a
// *store.FieldError so the program's one error-to-text function shows it
// like any other field problem; test for it with errors.Is.
var ErrNoHeader error = &store.FieldError{Field: store.FieldName, Problem: ProblemNoHeader}

// ErrNotWorkbook is returned (wrapped, with the cause) for a file excelize
// cannot open: not an .xlsx, damaged, or protected by a password.
var ErrNotWorkbook = errors.New("无法读取该文件：不是有效的Excel工作簿（.xlsx），或已损坏、已加密")

// ErrTooManyRows is returned for a sheet with more than MaxImportRows rows.
var ErrTooManyRows = errors.New("文件行数过多，请分成几个文件导入")

// MaxImportRows bounds one import: ten times the largest group the program
// is built for, so a runaway sheet cannot exhaust memory.
const MaxImportRows = 100_000

// headerScanRows is how far down the header row is looked for: files often
// start with a title, a date line and notes before it.
const headerScanRows = 20

// maxUnzipped bounds the uncompressed size of a workbook, against files
// that are small on disk but huge when opened.
const maxUnzipped = 256 << 20

// ReadMembersFile reads the member rows of the workbook at path.
func ReadMembersFile(path string) ([]store.ImportRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadMembers(f)
}

// ReadMembers reads the member rows of the first sheet of a workbook. The
// header row is found by its content, columns in any order. Each non-empty
// row below it becomes an ImportRow numbered as Excel numbers it, with the
// cells it could not understand (an unknown type, a date it cannot read)
// reported in ImportRow.Errors and their fields left empty. Whether the
// rows make sense as members is store.PlanImport's business.
func ReadMembers(r io.Reader) ([]store.ImportRow, error) {
	var rows []store.ImportRow
	err := readFirstSheet(r, findHeader, ErrNoHeader, func(rd *rowReader, cells []string, rowNum int) {
		if row, ok := rd.read(cells, rowNum); ok {
			rows = append(rows, row)
		}
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// readWorkbook opens the workbook at path and runs read on it. The file's
// name heads every error, so a clerk importing a folder knows which file
// it is; a file excelize cannot open, or panics on (see readFirstSheet),
// is ErrNotWorkbook.
func readWorkbook(path string, read func(f *excelize.File) error) (err error) {
	name := filepath.Base(path)
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("「%s」%w（%v）", name, ErrNotWorkbook, p)
		}
	}()
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("「%s」%w", name, err)
	}
	defer fh.Close()
	f, err := excelize.OpenReader(fh, excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return fmt.Errorf("「%s」%w（%v）", name, ErrNotWorkbook, err)
	}
	defer f.Close()
	if err := read(f); err != nil {
		return fmt.Errorf("「%s」%w", name, err)
	}
	return nil
}

// readFirstSheet opens a workbook, finds the header row of its first sheet
// with find (noHeader if there is none) and hands each row below it to
// each, numbered as Excel numbers it.
func readFirstSheet(r io.Reader, find func([][]string) (int, map[store.Field]int), noHeader error,
	each func(rd *rowReader, cells []string, rowNum int)) (err error) {
	// excelize is not hardened against every damaged file; a clerk's bad
	// file must give an error message, never bring the program down.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w（%v）", ErrNotWorkbook, p)
		}
	}()
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return fmt.Errorf("%w（%v）", ErrNotWorkbook, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return noHeader
	}
	cells, err := rawRows(f, sheets[0])
	if err != nil {
		return err
	}
	hdr, cols := find(cells)
	if hdr < 0 {
		return noHeader
	}
	rd := rowReader{cols: cols, date1904: uses1904(f)}
	for i := hdr + 1; i < len(cells); i++ {
		each(&rd, cells[i], i+1)
	}
	return nil
}

// rawRows reads the cells of a sheet, row i+1 at index i. Raw values: a
// date cell gives its serial number rather than text in whatever format
// the sender's Excel used, and a long phone number is not turned into
// 1.38E+10. It stops at MaxImportRows rather than filling memory with the
// empty rows of a sheet whose last row is numbered 1048576.
func rawRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w（%v）", ErrNotWorkbook, err)
	}
	defer it.Close()
	var out [][]string
	for it.Next() {
		if len(out) >= MaxImportRows+headerScanRows {
			return nil, ErrTooManyRows
		}
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w（%v）", ErrNotWorkbook, err)
		}
		out = append(out, row)
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("%w（%v）", ErrNotWorkbook, err)
	}
	// Trailing empty rows (formatted but blank) carry nothing.
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out, nil
}

// uses1904 reports whether the workbook counts dates from 1904 (old Mac
// Excel), which shifts every serial number by four years.
func uses1904(f *excelize.File) bool {
	p, err := f.GetWorkbookProps()
	return err == nil && p.Date1904 != nil && *p.Date1904
}

// findHeader returns the index of the row among the first headerScanRows
// with the most known titles and a unit-name column, and where each
// field's column is (the first one, if a title repeats); -1 if none.
func findHeader(cells [][]string) (int, map[store.Field]int) {
	best, bestCols := -1, map[store.Field]int(nil)
	for i := 0; i < len(cells) && i < headerScanRows; i++ {
		cols := map[store.Field]int{}
		for j, c := range cells[i] {
			if f, ok := headerIndex[headerKey(c)]; ok {
				if _, seen := cols[f]; !seen {
					cols[f] = j
				}
			}
		}
		if _, ok := cols[store.FieldName]; ok && len(cols) > len(bestCols) {
			best, bestCols = i, cols
		}
	}
	return best, bestCols
}

// rowReader turns the cells of one data row into an ImportRow.
type rowReader struct {
	cols     map[store.Field]int
	date1904 bool
}

func (rd *rowReader) cell(cells []string, f store.Field) string {
	j, ok := rd.cols[f]
	if !ok || j >= len(cells) {
		return ""
	}
	return store.CleanText(cells[j])
}

// exampleMarkClean is ExampleMark as a cell reads after CleanText.
var exampleMarkClean = store.CleanText(ExampleMark)

// read returns the row numbered rowNum, or ok=false if every known column
// is empty (blank lines, or lines with only a 序号) or it is the template's
// example row.
func (rd *rowReader) read(cells []string, rowNum int) (store.ImportRow, bool) {
	get := func(f store.Field) string { return rd.cell(cells, f) }
	empty := true
	for f := range rd.cols {
		if get(f) != "" {
			empty = false
			break
		}
	}
	if empty || strings.HasPrefix(get(store.FieldName), exampleMarkClean) {
		return store.ImportRow{}, false
	}
	ir := store.ImportRow{Row: rowNum, Basis: get(store.FieldBasis), ExitReason: get(store.FieldExitReason)}
	ir.Member = store.Member{
		Name: get(store.FieldName), CreditCode: get(store.FieldCreditCode), CodeReason: get(store.FieldCodeReason),
		Province: get(store.FieldProvince), City: get(store.FieldCity), Address: get(store.FieldAddress),
		Contact: get(store.FieldContact), Phone: get(store.FieldPhone), Email: get(store.FieldEmail),
		Note: get(store.FieldNote),
	}
	bad := func(f store.Field, p store.Problem, raw string) {
		ir.Errors = append(ir.Errors, &store.FieldError{Row: rowNum, Field: f, Problem: p, Detail: raw})
	}
	var ok bool
	if ir.Member.Type, ok = canonical(get(store.FieldType), store.UnitTypes, typeSynonyms); !ok {
		bad(store.FieldType, store.ProblemBadChoice, get(store.FieldType))
	}
	if ir.Tier, ok = canonical(get(store.FieldTier), store.Tiers, tierSynonyms); !ok {
		bad(store.FieldTier, store.ProblemBadChoice, get(store.FieldTier))
	}
	if ir.ExitKind, ok = canonical(get(store.FieldExitKind), store.ExitKinds, exitSynonyms); !ok {
		bad(store.FieldExitKind, store.ProblemBadChoice, get(store.FieldExitKind))
	}
	if ir.JoinDate, ok = cellDate(get(store.FieldJoinDate), rd.date1904); !ok {
		bad(store.FieldJoinDate, store.ProblemBadDate, get(store.FieldJoinDate))
	}
	if ir.ExitDate, ok = cellDate(get(store.FieldExitDate), rd.date1904); !ok {
		bad(store.FieldExitDate, store.ProblemBadDate, get(store.FieldExitDate))
	}
	return ir, true
}

// timeOfDay is the time a database export appends to a date
// ("2023-07-18 00:00:00"); the day is what counts.
var timeOfDay = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$`)

// cellDate reads a date cell's raw value: text in any form store.ParseDate
// knows, or a number, which is what a date cell holds (and what a date
// copied as a value becomes). Empty is ok with the zero Date.
func cellDate(s string, date1904 bool) (store.Date, bool) {
	if s == "" {
		return store.Date{}, true
	}
	if d, err := store.ParseDate(s); err == nil {
		return d, true
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return serialDate(v, date1904)
	}
	if day, clock, found := strings.Cut(strings.Replace(s, "T", " ", 1), " "); found && timeOfDay.MatchString(clock) {
		if d, err := store.ParseDate(day); err == nil {
			return d, true
		}
	}
	return store.Date{}, false
}

// minSerialYear: a serial number before 1950 is refused, since no member
// joined a vocational-education group then, and small numbers are far more
// often a year typed alone (2023 would be 1905-07-15) or a count.
const minSerialYear = 1950

// serialDate converts an Excel serial day number; the time of day, if
// any, is dropped.
func serialDate(v float64, date1904 bool) (store.Date, bool) {
	if math.IsNaN(v) || v < 1 || v > 2958465 { // 2958465 is 9999-12-31
		return store.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(math.Floor(v), date1904)
	if err != nil || t.Year() < minSerialYear || t.Year() > 2999 {
		return store.Date{}, false
	}
	return store.DateOf(t), true
}
