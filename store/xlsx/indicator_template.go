package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// This file writes the 指标填报表, one per member unit; indicator_read.go
// reads them back and indicator_book.go writes the 年度指标表.

// IndicatorSheet is the sheet name of the 指标填报表.
const IndicatorSheet = "指标填报"

// IndicatorHeaders are the template's visible columns; 本年数值 and 备注
// are the only cells a unit can change.
var IndicatorHeaders = []string{"序号", "指标分组", "指标名称", "计量单位", "上年数值", "本年数值", "备注"}

// indicatorWidths fit A4 portrait (about 96 units, fit to width does the
// rest).
var indicatorWidths = []float64{6, 20, 28, 9, 11, 12, 14}

// The template's layout. Sheet protection forbids inserting and deleting
// rows and columns, so the reader can rely on fixed places. The ids live
// in one hidden, locked column H, as the reply form's do: H1 the marker
// that says the file is ours, H2 the year, H3 the round id, H4 the member
// id, and beside each row its indicator's code; H5, on the header row,
// names the column for whoever unhides it.
const (
	indTitleRow  = 1
	indUnitRow   = 2 // 填报单位：<name>, the name in column C
	indCodeRow   = 3 // 统一社会信用代码
	indNoteRow   = 4
	indHeaderRow = 5
	indValueCol  = 5 // 本年数值, 0-based
	indNoteCol   = 6 // 备注
	indIDCol     = 7 // H, hidden
	indMarker    = "secdesk-indicators:1"
	indCodeHead  = "indicator_code"
)

// indicatorPassword protects the template's sheet. It is no security (it
// is in this source, and sheet protection is easily removed): it only
// keeps a unit from overwriting the names, last year's figures or the
// hidden ids by accident.
const indicatorPassword = "secdesk-zhibiao"

// IndicatorTitle is "<集团名称><年度>年度指标填报表".
func IndicatorTitle(group string, year int) string {
	return fmt.Sprintf("%s%d年度指标填报表", groupName(group), year)
}

// IndicatorFileName is the template's file name for a unit:
// 指标填报-2026-<单位>.xlsx, safe on Windows.
func IndicatorFileName(year int, unit string) string {
	return store.SafeFileName(fmt.Sprintf("指标填报-%d-%s", year, unit)) + ".xlsx"
}

// indicatorNote says what to fill in. It has no deadline: the round's
// letter carries that, and a date printed here would be stale when a
// template is sent again.
func indicatorNote(year int) string {
	return fmt.Sprintf("填报说明：请在浅黄色的“本年数值”栏填写本单位%d年全年数值，计量单位见“计量单位”栏；"+
		"只填数字（如 1500，不写“1500余”“约30”，也不写单位），没有的填 0，暂无统计的留空，口径需要说明的写在“备注”栏。"+
		"其余单元格已锁定；请勿增删行或另存为其他格式，直接保存后发回。", year)
}

// WriteTemplates writes one 指标填报表 per member into dir and returns
// the files in members' order. A unit's template lists, in catalogue
// order, the collected indicators its type answers, with last year's
// values of that unit; the ids it carries are the catalogue's year, the
// round and the member. On an error it returns the files before the
// first unit that failed (later ones may have been written too).
func WriteTemplates(dir string, c *store.Catalogue, r *store.CollectionRound, members []store.Member,
	lastYear []store.UnitValues, groupName string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	last := map[uuid.UUID]map[string]float64{}
	for i := range lastYear {
		last[lastYear[i].MemberID] = lastYear[i].Values
	}
	paths := make([]string, len(members))
	used := map[string]bool{}
	for i := range members {
		name := IndicatorFileName(c.Year, members[i].Name)
		for n := 2; used[name]; n++ { // two names SafeFileName made equal ("a/b", "a_b")
			name = IndicatorFileName(c.Year, fmt.Sprintf("%s（%d）", members[i].Name, n))
		}
		used[name], paths[i] = true, filepath.Join(dir, name)
	}
	errs := make([]error, len(members))
	// A few at a time: most of a template's time is the disk's sync
	// (atomicfile), and while one waits for it the others use the processor.
	var wg sync.WaitGroup
	next := make(chan int)
	for range templateWorkers {
		wg.Go(func() {
			for i := range next {
				m := &members[i]
				errs[i] = exportBook(paths[i], "指标填报表", func(f *excelize.File) error {
					return writeIndicatorTemplate(f, c, r.ID, m, last[m.ID], groupName)
				})
			}
		})
	}
	for i := range members {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return paths[:i], fmt.Errorf("%s：%w", members[i].Name, err)
		}
	}
	return paths, nil
}

// templateWorkers is how many templates are written at once.
const templateWorkers = 4

// answered are the indicators of c that a unit of type t fills in.
func answered(c *store.Catalogue, t store.UnitType) []*store.Indicator {
	var out []*store.Indicator
	for i := range c.Indicators {
		if c.Indicators[i].AnsweredBy(t) {
			out = append(out, &c.Indicators[i])
		}
	}
	return out
}

func writeIndicatorTemplate(f *excelize.File, c *store.Catalogue, round uuid.UUID, m *store.Member,
	last map[string]float64, group string) error {
	inds := answered(c, m.Type)
	w, err := startMeetingSheet(f, IndicatorSheet, portrait, indHeaderRow)
	if err != nil {
		return err
	}
	st, err := newIndicatorStyles(f)
	if err != nil {
		return err
	}
	if err := protectTemplate(f, inds); err != nil {
		return err
	}
	w.stream(f, IndicatorSheet)
	if w.err == nil {
		w.err = w.sw.SetColWidth(indIDCol+1, indIDCol+1, 24) // last first: see streamHead
	}
	if w.err == nil {
		w.err = w.sw.SetColVisible(indIDCol+1, indIDCol+1, false)
	}
	w.templateHead(c.Year, round, m, group)
	for i, ind := range inds {
		w.templateRow(st, i+1, ind, last)
	}
	return w.flush()
}

// templateHead writes the title, the unit's lines, the note and the
// column headers, with the ids in the hidden column. The unit's name and
// code are written exactly as stored, without PrintText: store.PlanReturns
// compares the name with the member's to catch an edit of the locked cell.
func (w *meetingSheet) templateHead(year int, round uuid.UUID, m *store.Member, group string) {
	st := w.st
	w.widths = indicatorWidths
	for i := len(indicatorWidths) - 1; i >= 0 && w.err == nil; i-- {
		w.err = w.sw.SetColWidth(i+1, i+1, indicatorWidths[i])
	}
	if w.err == nil {
		w.err = w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: indHeaderRow,
			TopLeftCell: "A" + strconv.Itoa(indHeaderRow+1), ActivePane: "bottomLeft"})
	}
	hidden := func(s string) excelize.Cell { return excelize.Cell{StyleID: st.hidden, Value: s} }
	title := IndicatorTitle(group, year)
	w.mergedWith(0, indIDCol-1, []any{excelize.Cell{StyleID: st.title, Value: title}}, hidden(indMarker), 36)
	w.labelled("填报单位：", m.Name, hidden(strconv.Itoa(year)))
	w.labelled("统一社会信用代码：", m.CreditCode, hidden(round.String()))
	note := indicatorNote(year)
	w.mergedWith(0, indIDCol-1, []any{excelize.Cell{StyleID: st.note, Value: note}}, hidden(m.ID.String()),
		wrapHeight(bodyPt, []string{note}, []float64{sum(indicatorWidths)})+4)
	cells := make([]any, 0, len(IndicatorHeaders)+1)
	for _, h := range IndicatorHeaders {
		cells = append(cells, excelize.Cell{StyleID: st.header, Value: h})
	}
	w.put(append(cells, hidden(indCodeHead)), 24)
}

// labelled writes a locked line "label value" above the table: the label
// across A:B, the value across C:G, so the reader finds the value in C.
func (w *meetingSheet) labelled(label, value string, id excelize.Cell) {
	if w.err == nil {
		w.err = w.sw.MergeCell("A"+strconv.Itoa(w.row), "B"+strconv.Itoa(w.row))
	}
	cells := []any{excelize.Cell{StyleID: w.st.note, Value: label}, excelize.Cell{StyleID: w.st.note},
		excelize.Cell{StyleID: w.st.note, Value: value}}
	w.mergedWith(2, indIDCol-1, cells, id, 22)
}

// mergedWith merges columns from..to of the current row and writes cells
// from A, then the hidden id cell in column H.
func (w *meetingSheet) mergedWith(from, to int, cells []any, id excelize.Cell, height float64) {
	if w.err != nil {
		return
	}
	a, _ := excelize.CoordinatesToCellName(from+1, w.row)
	b, _ := excelize.CoordinatesToCellName(to+1, w.row)
	if w.err = w.sw.MergeCell(a, b); w.err != nil {
		return
	}
	for len(cells) < indIDCol {
		cells = append(cells, nil)
	}
	w.put(append(cells, id), height)
}

// templateRow writes one indicator: the locked description and last
// year's value, the open 本年数值 (number-formatted for its kind) and 备注,
// and the code hidden beside them.
func (w *meetingSheet) templateRow(st *indicatorStyles, n int, ind *store.Indicator, last map[string]float64) {
	prev := excelize.Cell{StyleID: st.number(ind, false)}
	if v, ok := last[ind.Code]; ok {
		prev.Value = v
	}
	name := PrintText(ind.Name)
	cells := []any{excelize.Cell{StyleID: w.st.center, Value: n}, w.st.textCell(PrintText(ind.Group)),
		w.st.textCell(name), excelize.Cell{StyleID: w.st.center, Value: ind.Unit}, prev,
		excelize.Cell{StyleID: st.number(ind, true)}, excelize.Cell{StyleID: w.st.input},
		excelize.Cell{StyleID: w.st.hidden, Value: ind.Code}}
	w.put(cells, max(22, wrapHeight(bodyPt, []string{"", ind.Group, name}, indicatorWidths)))
}

// indicatorStyles are the number cells of the indicator papers, by number
// format: locked, open for input (tinted), and bold for a 合计 row.
type indicatorStyles struct {
	locked, input, total map[string]int
}

// Number formats of indicator values: whole numbers, money in 万元 to the
// 分 of a 万, and percentages (stored as 35.5, not 0.355) to one decimal.
const (
	fmtWhole    = "0"
	fmtDecimal  = "0.00"
	fmtPercent1 = "0.0"
)

// valueFormat is the number format of an indicator's values.
func valueFormat(ind *store.Indicator) string {
	switch {
	case ind.Unit == "%":
		return fmtPercent1
	case ind.Kind == store.KindDecimal:
		return fmtDecimal
	}
	return fmtWhole
}

func newIndicatorStyles(f *excelize.File) (*indicatorStyles, error) {
	st := &indicatorStyles{locked: map[string]int{}, input: map[string]int{}, total: map[string]int{}}
	tint := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	for _, nf := range []string{fmtWhole, fmtDecimal, fmtPercent1} {
		for _, d := range []struct {
			m map[string]int
			s excelize.Style
		}{
			{st.locked, excelize.Style{Font: font(fontBody, bodyPt, false), Alignment: align("right", false), Border: thinBorder}},
			{st.input, excelize.Style{Font: font(fontBody, bodyPt, false), Alignment: align("right", false), Border: thinBorder,
				Fill: tint, Protection: &excelize.Protection{Locked: false}}},
			{st.total, excelize.Style{Font: font(fontTitle, 11, false), Alignment: align("right", false), Border: thinBorder}},
		} {
			d.s.CustomNumFmt = &nf
			id, err := f.NewStyle(&d.s)
			if err != nil {
				return nil, err
			}
			d.m[nf] = id
		}
	}
	return st, nil
}

// number is the style of a value cell of ind: open for input or locked.
func (st *indicatorStyles) number(ind *store.Indicator, input bool) int {
	if input {
		return st.input[valueFormat(ind)]
	}
	return st.locked[valueFormat(ind)]
}

// protectTemplate protects the sheet (only the unlocked cells can be
// changed; columns can be neither unhidden nor inserted, rows neither
// inserted nor deleted) and gives each 本年数值 cell its validation. Rows
// with the same rule share one validation, so a template has a handful.
func protectTemplate(f *excelize.File, inds []*store.Indicator) error {
	err := f.ProtectSheet(IndicatorSheet, &excelize.SheetProtectionOptions{
		Password: indicatorPassword, SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true,
	})
	if err != nil {
		return err
	}
	col, _ := excelize.ColumnNumberToName(indValueCol + 1)
	for i := 0; i < len(inds); {
		j := i + 1
		for j < len(inds) && sameRule(inds[i], inds[j]) {
			j++
		}
		dv, err := valueValidation(inds[i])
		if err != nil {
			return err
		}
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, indHeaderRow+1+i, col, indHeaderRow+j)
		if err := f.AddDataValidation(IndicatorSheet, dv); err != nil {
			return err
		}
		i = j
	}
	return nil
}

func sameRule(a, b *store.Indicator) bool {
	return a.Kind == b.Kind && a.Min == b.Min && a.Max == b.Max
}

// valueValidation is Excel's version of Indicator.CheckValue: a whole
// number or a decimal, at least Min, at most Max when Max is set. It
// stops a wrong entry in Excel and WPS; a pasted or otherwise forced one
// is still caught on reading and by store.PlanReturns.
func valueValidation(ind *store.Indicator) (*excelize.DataValidation, error) {
	dv := excelize.NewDataValidation(true)
	t, what := excelize.DataValidationTypeWhole, "整数"
	if ind.Kind == store.KindDecimal {
		t, what = excelize.DataValidationTypeDecimal, "数字"
	}
	var err error
	msg := fmt.Sprintf("请填写不小于 %g 的%s，不写单位或文字", ind.Min, what)
	if ind.Max > 0 {
		err = dv.SetRange(ind.Min, ind.Max, t, excelize.DataValidationOperatorBetween)
		msg = fmt.Sprintf("请填写 %g 至 %g 之间的%s，不写单位或文字", ind.Min, ind.Max, what)
	} else {
		err = dv.SetRange(ind.Min, "", t, excelize.DataValidationOperatorGreaterThanOrEqual)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "本年数值", msg)
	return dv, err
}
