package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// TaskLedgerSheet is the sheet name of the 督查台账.
const TaskLedgerSheet = "督查台账"

// TaskLedgerHeaders are the 督查台账's columns, those in use by the
// offices (secretariat-practice.md) but 备注.
var TaskLedgerHeaders = []string{"序号", "事项编号", "任务事项", "来源", "牵头单位", "责任（配合）单位", "责任人",
	"完成时限", "本月目标/节点", "本月进展情况", "存在问题", "整改措施", "整改时限", "预警", "状态", "最近督查日期"}

// taskLedgerWidths fit A4 landscape at about 65 %: the text columns wrap,
// the date columns hold 2026年11月30日 on one line, 完成时限 also
// "原定 2026年11月30日".
var taskLedgerWidths = []float64{5, 10, 22, 16, 13, 15, 7, 18, 16, 26, 15, 15, 14, 8, 9, 14}

// Columns of the ledger, 0-based, that the tests and the row writer name.
const (
	ledgerProgressCol = 9
	ledgerFlagCol     = 13
)

// TaskLedgerTitle is "<集团名称>督查台账（2026年11月）".
func TaskLedgerTitle(group, round string) string {
	return groupName(group) + "督查台账（" + roundTitle(round) + "）"
}

// ledgerNote is the line under the title: the day the ledger stands on,
// and the filter, so a printed page says what it leaves out.
func ledgerNote(l store.Ledger, f store.LedgerFilter) string {
	parts := []string{"截至" + l.AsOf.Chinese()}
	if f.Unit != "" {
		parts = append(parts, "单位："+f.Unit)
	}
	if f.Status != "" {
		parts = append(parts, "状态："+f.Status.Word())
	}
	if f.Flag != "" {
		parts = append(parts, "预警："+f.Flag.Word())
	}
	return strings.Join(parts, "\u3000")
}

// WriteTaskLedger writes the 督查台账 of a round: the rows of l that f
// selects (l.Filter), one task a row, with a count line under the table.
// Every value is the ledger's, as store.BuildLedger derived it.
func WriteTaskLedger(path string, l store.Ledger, f store.LedgerFilter, groupName string) error {
	return exportBook(path, "督查台账", func(x *excelize.File) error { return writeTaskLedger(x, l, f, groupName) })
}

func writeTaskLedger(f *excelize.File, l store.Ledger, filter store.LedgerFilter, group string) error {
	lines := []string{ledgerNote(l, filter)}
	w, err := startTaskSheet(f, TaskLedgerSheet, landscape, len(lines)+2)
	if err != nil {
		return err
	}
	w.stream(f, TaskLedgerSheet)
	w.head(TaskLedgerTitle(group, l.Round), lines, TaskLedgerHeaders, taskLedgerWidths)
	rows := l.Filter(filter)
	flags, gaps := map[store.Flag]int{}, 0
	for i := range rows {
		r := &rows[i]
		w.ledgerTaskRow(i+1, r, l.Round)
		flags[r.Flag]++
		if r.Due && r.Inspection == nil {
			gaps++
		}
	}
	w.row++
	w.note(ledgerCountLine(len(rows), flags, gaps))
	return w.flush()
}

// ledgerCountLine is the line under the table: "共 12 项；其中红 1 项、黄 2
// 项、绿 9 项；本月未报 1 项。", the most urgent colour first.
func ledgerCountLine(n int, flags map[store.Flag]int, gaps int) string {
	s := fmt.Sprintf("共 %d 项", n)
	var by []string
	for i := len(store.Flags) - 1; i >= 0; i-- {
		if c := flags[store.Flags[i]]; c > 0 {
			by = append(by, fmt.Sprintf("%s %d 项", store.Flags[i].Word(), c))
		}
	}
	if len(by) > 0 {
		s += "；其中" + strings.Join(by, "、")
	}
	if gaps > 0 {
		s += fmt.Sprintf("；本月未报 %d 项", gaps)
	}
	return s + "。"
}

// ResponsibleText is the 责任（配合）单位 cell: the responsible units, and
// the helping ones after "配合：" on a line of their own.
func ResponsibleText(t *store.Task) string {
	units, helpers := unitNames(t.Units), unitNames(t.Helpers)
	switch {
	case helpers == "":
		return units
	case units == "":
		return "配合：" + helpers
	}
	return units + "\n配合：" + helpers
}

// ledgerTaskRow writes one task. 存在问题, 整改措施 and 整改时限 are the
// round's inspection's, like 本月进展情况: the ledger is the record of
// this round, and last month's problems are in last month's ledger.
func (w *taskSheet) ledgerTaskRow(n int, r *store.LedgerRow, round string) {
	st, t := w.st, r.Task
	progress, shown := excelize.Cell{StyleID: st.text}, ""
	var problems, measures string
	var fixBy store.Date
	switch in := r.Inspection; {
	case in != nil:
		shown = progressText(in)
		progress = st.textCell(shown)
		problems, measures, fixBy = PrintText(in.Problems), PrintText(in.Measures), in.FixBy
	case r.Due:
		progress, shown = excelize.Cell{StyleID: w.ts.gap, Value: GapText}, GapText
	}
	var last store.Date
	if r.State.Last != nil {
		last = r.State.Last.Date
	}
	title, source, resp, target := PrintText(t.Title), PrintText(t.Source.Label()), ResponsibleText(t), PrintText(r.Target)
	texts := []string{"", t.Number, title, source, t.Lead.Name, resp, t.Person, DeadlineText(r.State), target,
		shown, problems, measures, "", "", StatusText(t, r.State.Status)}
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}, st.textCell(t.Number), st.textCell(title),
		st.textCell(source), st.textCell(t.Lead.Name), st.textCell(resp), st.textCell(t.Person),
		w.deadlineCell(r.State), st.textCell(target), progress, st.textCell(problems), st.textCell(measures),
		st.dateCell(fixBy), w.flagCell(r.Flag, r.FlagRecorded && correctedFlag(t, round)),
		excelize.Cell{StyleID: w.ts.centerWrap, Value: StatusText(t, r.State.Status)}, st.dateCell(last)}
	w.put(cells, max(24, textHeight(texts, taskLedgerWidths)))
}
