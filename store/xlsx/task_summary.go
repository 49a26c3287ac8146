package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// SummarySheet is the sheet name of the 每月汇总.
const SummarySheet = "每月汇总"

// SummaryTaskHeaders are the columns of the summary's three lists, and
// SummaryUnitHeaders those of its table per unit. 预警 and 状态 are two
// columns, not one "预警/状态": the flag needs a cell of its own for its
// colour, and the unit table needs four count columns beside a 单位 that
// spans the first three, which seven columns give.
var (
	SummaryTaskHeaders = []string{"序号", "事项编号", "任务事项", "牵头单位", "完成时限", "预警", "状态"}
	SummaryUnitHeaders = []string{"单位", "在办", "本月办结", "逾期", "未报督查记录"}
)

// summaryWidths fit A4 portrait.
var summaryWidths = []float64{5, 10, 26, 18, 18, 8, 10}

// The summary's section headings, in order.
const (
	SummaryNew    = "一、新增任务"
	SummaryActive = "二、推进落实"
	SummaryEnded  = "三、已办结销号"
	SummaryUnits  = "四、各单位情况"
	// NoneText stands in a section with no task.
	NoneText = "（无）"
)

// SummaryTitle is "<集团名称>督查任务每月汇总（2026年11月）".
func SummaryTitle(group, round string) string {
	return groupName(group) + "督查任务每月汇总（" + roundTitle(round) + "）"
}

// SummaryLine is the overview under the title: the day, the total, the
// buckets in the bulletin's order, the overdue and the missing reports.
func SummaryLine(s store.MonthSummary) string {
	var b []string
	for _, k := range store.Buckets {
		b = append(b, fmt.Sprintf("%s %d 项", k.Word(), s.Buckets[k]))
	}
	return fmt.Sprintf("截至%s，共督查任务 %d 项：%s；逾期 %d 项；本月应报未报督查记录 %d 项。",
		s.Ledger.AsOf.Chinese(), s.Total, strings.Join(b, "、"), s.Overdue, s.Missing)
}

// WriteMonthSummary writes the 每月汇总 of a month: the overview, the
// three lists (新增, 推进落实, 已办结销号) and the lines per unit with
// their totals, all from s as store's Summarize made it.
func WriteMonthSummary(path string, s store.MonthSummary, groupName string) error {
	return exportBook(path, "每月汇总", func(f *excelize.File) error { return writeMonthSummary(f, &s, groupName) })
}

func writeMonthSummary(f *excelize.File, s *store.MonthSummary, group string) error {
	// The title and the overview repeat on every page: a page of the
	// unit table alone still says which month it is. A table's own
	// header does not (a sheet repeats one fixed range of rows), so a
	// table continued on the next page goes on without it.
	w, err := startTaskSheet(f, SummarySheet, portrait, 2)
	if err != nil {
		return err
	}
	w.stream(f, SummarySheet)
	w.plainHead(SummaryTitle(group, s.Ledger.Round), []string{SummaryLine(*s)}, summaryWidths)
	round := s.Ledger.Round
	for _, sec := range []struct {
		head string
		rows []*store.LedgerRow
	}{{SummaryNew, s.New}, {SummaryActive, s.Active}, {SummaryEnded, s.Ended}} {
		w.section(fmt.Sprintf("%s（%d 项）", sec.head, len(sec.rows)))
		w.headerRow(SummaryTaskHeaders)
		for i, r := range sec.rows {
			w.summaryTaskRow(i+1, r, round)
		}
		if len(sec.rows) == 0 {
			w.band(NoneText, w.st.text)
		}
	}
	w.section(SummaryUnits)
	w.unitTable(s.Units)
	return w.flush()
}

// section is a heading above a table, with a blank line before it.
func (w *taskSheet) section(text string) {
	w.row++
	w.merged(text, w.ts.plainSection, 24)
}

func (w *taskSheet) summaryTaskRow(n int, r *store.LedgerRow, round string) {
	st, t := w.st, r.Task
	title := PrintText(t.Title)
	status := StatusText(t, r.State.Status)
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}, st.textCell(t.Number), st.textCell(title),
		st.textCell(t.Lead.Name), w.deadlineCell(r.State), w.flagCell(r.Flag, r.FlagRecorded && correctedFlag(t, round)),
		excelize.Cell{StyleID: w.ts.centerWrap, Value: status}}
	texts := []string{"", t.Number, title, t.Lead.Name, DeadlineText(r.State), "", status}
	w.put(cells, max(22, textHeight(texts, summaryWidths)))
}

// unitTable writes the lines per unit and their 合计: the column sums. A
// task counts once for each of its units, as the lines do, so 合计 may
// exceed the counts of the lists above.
func (w *taskSheet) unitTable(units []store.UnitSummary) {
	h := SummaryUnitHeaders
	w.unitRow(excelize.Cell{StyleID: w.st.header, Value: h[0]}, w.st.header,
		max(24, wrapHeight(bodyPt, h[1:], summaryWidths[3:])), h[1], h[2], h[3], h[4])
	var total store.UnitSummary
	for _, u := range units {
		w.unitRow(w.st.textCell(u.Unit), w.st.count, max(22, wrapHeight(bodyPt, []string{u.Unit}, []float64{sum(summaryWidths[:3])})),
			u.Open, u.DoneThisMonth, u.Overdue, u.Missing)
		total.Open, total.DoneThisMonth = total.Open+u.Open, total.DoneThisMonth+u.DoneThisMonth
		total.Overdue, total.Missing = total.Overdue+u.Overdue, total.Missing+u.Missing
	}
	if len(units) == 0 {
		w.band(NoneText, w.st.text)
	}
	w.unitRow(excelize.Cell{StyleID: w.st.totalLabel, Value: "合计"}, w.st.totalCount, 22,
		total.Open, total.DoneThisMonth, total.Overdue, total.Missing)
}

// unitRow writes a row of the unit table: the label merged across the
// first three columns (every cell of the merge styled, for the border),
// then four values.
func (w *taskSheet) unitRow(label excelize.Cell, style int, height float64, vals ...any) {
	if w.err != nil {
		return
	}
	edge := excelize.Cell{StyleID: label.StyleID}
	cells := []any{label, edge, edge}
	for _, v := range vals {
		cells = append(cells, excelize.Cell{StyleID: style, Value: v})
	}
	if w.err = w.sw.MergeCell("A"+strconv.Itoa(w.row), "C"+strconv.Itoa(w.row)); w.err == nil {
		w.put(cells, height)
	}
}
