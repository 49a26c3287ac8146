package xlsx

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// ErrNotIndicatorTemplate is returned (with the file's name) for a
// workbook that is not a 指标填报表 this program wrote, or whose hidden ids
// cannot be read. A template whose ids were edited is refused as a whole
// rather than read with a row error: without its year, round and member
// nothing in it can be matched, and PlanReturns matches by ids only. Ids
// that read but are wrong (another round, another member) are
// store.PlanReturns's to report.
var ErrNotIndicatorTemplate = errors.New("不是本程序导出的指标填报表")

// ProblemIndicatorRowID is the error of a filled row whose hidden
// indicator code was deleted.
const ProblemIndicatorRowID store.Problem = "指标编号无法识别，请勿修改隐藏列"

// ReadReturn reads a returned 指标填报表: its ids, the 填报单位 as found,
// and each row's 本年数值 by code (nil when blank). A value that is not a
// plain number is a FieldError in Errors and left out of Values. Whether
// the file belongs to the round and the unit, and whether the values are
// allowed, is store.PlanReturns's business.
func ReadReturn(path string) (rf store.ReturnFile, err error) {
	err = readWorkbook(path, func(f *excelize.File) error {
		cells, err := findTemplate(f)
		if err != nil {
			return err
		}
		var ok bool
		if rf, ok = templateIDs(cells); !ok {
			return ErrNotIndicatorTemplate
		}
		rf.File, rf.Values = filepath.Base(path), map[string]*float64{}
		for i := indHeaderRow; i < len(cells); i++ {
			readTemplateRow(&rf, cells[i], i+1)
		}
		return nil
	})
	if err != nil {
		return store.ReturnFile{}, err
	}
	return rf, nil
}

// findTemplate finds the sheet with the marker: the one named 指标填报
// first, then any other (a renamed sheet keeps its hidden ids).
func findTemplate(f *excelize.File) ([][]string, error) {
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, IndicatorSheet); i > 0 {
		sheets[0], sheets[i] = sheets[i], sheets[0]
	}
	for _, sh := range sheets {
		cells, err := rawRows(f, sh)
		if err != nil {
			return nil, err
		}
		if len(cells) > 0 && cellAt(cells[0], indIDCol) == indMarker {
			return cells, nil
		}
	}
	return nil, ErrNotIndicatorTemplate
}

// templateIDs reads the hidden ids and the 填报单位 cell; ok is false if
// an id does not read.
func templateIDs(cells [][]string) (store.ReturnFile, bool) {
	at := func(row, col int) string {
		if row-1 < len(cells) {
			return cellAt(cells[row-1], col)
		}
		return ""
	}
	year, err1 := strconv.Atoi(at(indUnitRow, indIDCol))
	round, err2 := uuid.Parse(at(indCodeRow, indIDCol))
	member, err3 := uuid.Parse(at(indNoteRow, indIDCol))
	if err1 != nil || err2 != nil || err3 != nil || at(indHeaderRow, indIDCol) != indCodeHead {
		return store.ReturnFile{}, false
	}
	return store.ReturnFile{Year: year, RoundID: round, MemberID: member, Unit: at(indUnitRow, 2)}, true
}

// readTemplateRow reads one indicator row numbered n. Every code the
// template carries goes into Values, nil when blank, so the plan sees
// which indicators the unit was asked for.
func readTemplateRow(rf *store.ReturnFile, row []string, n int) {
	code, raw := cellAt(row, indIDCol), cellAt(row, indValueCol)
	name := cellAt(row, 2)
	if code == "" {
		if raw != "" {
			rf.Errors = append(rf.Errors, &store.FieldError{Row: n, Field: store.FieldIndicatorCode,
				Problem: ProblemIndicatorRowID, Detail: name})
		}
		return
	}
	v, hint, ok := indicatorNumber(raw, cellAt(row, 3))
	if !ok {
		rf.Errors = append(rf.Errors, &store.FieldError{Row: n, Field: store.FieldIndicatorVal,
			Problem: store.ProblemNotNumber, Detail: name + "：" + raw + hint})
		v = nil
	}
	rf.Values[code] = v
}

var (
	// plainNumber is a number as a raw cell holds it, or as typed.
	plainNumber = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)
	// groupedNumber is a number with thousands separators: 1,500 or 12,345.6.
	groupedNumber = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$`)
	// roughNumber is a figure as reports write it: 1500余, 约30, 30多.
	roughNumber = regexp.MustCompile(`^((约|近|超|逾|大约|将近)[\d.,]+|[\d.,]+(余|多|左右|以上|上下))$`)
)

// indicatorNumber reads a 本年数值 cell: blank is nil; a raw number, a
// number typed as text ("30"), with thousands separators ("1,500") or
// followed by the indicator's own unit ("30个", "35.5%") is the number,
// since each means one value only. Anything else is not read (ok false)
// and hint says why when a reason can be given: "1500余" is how a report
// writes a figure, but the catalogue sums exact ones.
func indicatorNumber(raw, unit string) (v *float64, hint string, ok bool) {
	s := strings.ReplaceAll(store.CleanText(raw), " ", "") // NFKC: full-width digits and commas
	if s == "" {
		return nil, "", true
	}
	if unit != "" && s != unit {
		s = strings.TrimSuffix(s, store.CleanText(unit))
	}
	if groupedNumber.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if plainNumber.MatchString(s) {
		if x, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(x, 0) {
			return &x, "", true
		}
	}
	if roughNumber.MatchString(s) {
		return nil, "（请填写确切数字，不写“余”“约”“多”等字；汇总要把各单位的数相加）", false
	}
	return nil, "（请只填阿拉伯数字，如 1500）", false
}

// ReadReturns reads every .xlsx file in dir (not its subfolders), in
// name order, calling progress after each. Excel's ~$ lock files are
// skipped. A file that cannot be read, or is not a template, is an error
// naming it, and the others are still read.
func ReadReturns(dir string, progress func(done, total int)) ([]store.ReturnFile, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{err}
	}
	var paths []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.EqualFold(filepath.Ext(n), ".xlsx") && !strings.HasPrefix(n, "~$") {
			paths = append(paths, filepath.Join(dir, n))
		}
	}
	var out []store.ReturnFile
	var errs []error
	for i, p := range paths {
		if rf, err := ReadReturn(p); err != nil {
			errs = append(errs, err) // it names the file
		} else {
			out = append(out, rf)
		}
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	return out, errs
}
