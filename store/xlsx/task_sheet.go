package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// This file holds what the supervision's sheets share: the flag colours,
// the styles, and the cells every one of them prints the same way (the
// deadline with its original, a flag, a status, an inspection). The
// 督查台账 is in task_ledger.go, the 每月汇总 in task_summary.go, the 季度调度表
// in task_dispatch.go and the task list in task_list.go / task_read.go.

// FlagFills are the fill colours of the 预警 cells: the standard colours
// of Excel's palette, which the published 红黄绿灯 tables use, so a clerk
// who colours a cell by hand gets the same one.
var FlagFills = map[store.Flag]string{
	store.FlagGreen:  "92D050",
	store.FlagYellow: "FFFF00",
	store.FlagOrange: "FFC000",
	store.FlagRed:    "FF0000",
}

// Texts the supervision's sheets print.
const (
	// GapText is the 本月进展情况 of a task due to report this round
	// without an inspection: the gap is a finding, so it is printed, in
	// red, rather than left as a blank a reader would overlook.
	GapText       = "（本月未报）"
	CorrectedMark = "（已更正）"
	EscalatedMark = "（已提级）"
	// OriginalLabel starts the second line of an extended deadline.
	OriginalLabel = "原定 "
)

// taskStyles are the styles of the supervision's sheets beyond the
// meeting papers' ones.
type taskStyles struct {
	flag         map[store.Flag]int // centred, filled with FlagFills
	gap          int                // GapText: red, so the gap shows in print
	centerWrap   int                // centred and wrapped: an extended deadline, a long status
	plainSection int                // a section heading without border
}

func newTaskStyles(f *excelize.File) (*taskStyles, error) {
	ts := &taskStyles{flag: map[store.Flag]int{}}
	body := font(fontBody, bodyPt, false)
	for fl, rgb := range FlagFills {
		fnt := font(fontBody, bodyPt, true)
		if fl == store.FlagRed { // black on full red is hard to read in print
			fnt.Color = "FFFFFF"
		}
		id, err := f.NewStyle(&excelize.Style{Font: fnt, Alignment: align("center", true), Border: thinBorder,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}})
		if err != nil {
			return nil, err
		}
		ts.flag[fl] = id
	}
	red := font(fontBody, bodyPt, true)
	red.Color = "C00000"
	var err error
	if ts.gap, err = f.NewStyle(&excelize.Style{Font: red, Alignment: align("left", true), Border: thinBorder}); err != nil {
		return nil, err
	}
	if ts.centerWrap, err = f.NewStyle(&excelize.Style{Font: body, Alignment: align("center", true), Border: thinBorder}); err != nil {
		return nil, err
	}
	ts.plainSection, err = f.NewStyle(&excelize.Style{Font: font(fontTitle, 12, false), Alignment: align("left", false)})
	return ts, err
}

// taskSheet is a meeting paper's streaming writer with the task styles.
type taskSheet struct {
	*meetingSheet
	ts *taskStyles
}

// startTaskSheet is startMeetingSheet (sheet name, styles, A4 print setup
// with headRows repeated, page numbers) plus the task styles.
func startTaskSheet(f *excelize.File, sheet, orientation string, headRows int) (*taskSheet, error) {
	w, err := startMeetingSheet(f, sheet, orientation, headRows)
	if err != nil {
		return nil, err
	}
	ts, err := newTaskStyles(f)
	if err != nil {
		return nil, err
	}
	return &taskSheet{meetingSheet: w, ts: ts}, nil
}

// roundTitle is a round as a title writes it: "2026年11月".
func roundTitle(round string) string {
	d := store.RoundStart(round)
	return fmt.Sprintf("%d年%d月", d.Year(), int(d.Month()))
}

// DeadlineText is the 完成时限 of a state as printed: the deadline in
// force and, when an extension changed it, "原定 <date>" on a second line
// (the practice is to keep both: 按原定时间考核).
func DeadlineText(s store.TaskState) string {
	if !s.Extended() {
		return s.Deadline.Chinese()
	}
	return s.Deadline.Chinese() + "\n" + OriginalLabel + s.Original.Chinese()
}

// deadlineCell is the 完成时限 in the same cell, not an extra 原定时限
// column: only a few tasks are extended, and a 17th column, empty on
// most rows, would cost every other column width once the sheet is
// fitted to the page. A deadline not extended stays a real date cell, so
// the column still filters by date; an extended one is the two-line text.
func (w *taskSheet) deadlineCell(s store.TaskState) excelize.Cell {
	if !s.Extended() {
		return w.st.dateCell(s.Deadline)
	}
	return excelize.Cell{StyleID: w.ts.centerWrap, Value: DeadlineText(s)}
}

// correctedFlag reports whether the task's recorded flag of round was
// corrected by a clerk (the recorded flag is not the one the rules gave).
func correctedFlag(t *store.Task, round string) bool {
	for _, rf := range t.Flags {
		if rf.Round == round {
			return rf.Flag != rf.Auto
		}
	}
	return false
}

// flagCell is a flag's word on its colour, with CorrectedMark when a
// clerk corrected it; no flag is an empty bordered cell.
func (w *taskSheet) flagCell(fl store.Flag, corrected bool) excelize.Cell {
	id, ok := w.ts.flag[fl]
	if !ok {
		return excelize.Cell{StyleID: w.st.center}
	}
	text := fl.Word()
	if corrected {
		text += CorrectedMark
	}
	return excelize.Cell{StyleID: id, Value: text}
}

// StatusText is a task's 状态 as printed: the status's word, and
// EscalatedMark for a task under 提级督办.
func StatusText(t *store.Task, s store.TaskStatus) string {
	if t.Escalated {
		return s.Word() + EscalatedMark
	}
	return s.Word()
}

// InspectionText is an inspection as the dispatch table lists it:
// "2026-10：完成校区选址 (60%)", without the percent when none was given.
func InspectionText(in store.Inspection) string {
	return in.Round + "：" + progressText(&in)
}

// progressText is an inspection's progress, and the percent when given.
func progressText(in *store.Inspection) string {
	s := PrintText(in.Progress)
	if in.Percent >= 0 {
		s += fmt.Sprintf(" (%d%%)", in.Percent)
	}
	return s
}

// unitNames joins units as the lists write them: 甲、乙.
func unitNames(us []store.UnitRef) string {
	names := make([]string, 0, len(us))
	for _, u := range us {
		if u.Name != "" {
			names = append(names, u.Name)
		}
	}
	return strings.Join(names, "、")
}

// textHeight is wrapHeight for cells that may hold line breaks: each
// line wraps on its own, and a cell's lines add up.
func textHeight(cells []string, widths []float64) float64 {
	line := bodyPt * 1.4
	lines := 1
	for i, s := range cells {
		if i >= len(widths) || s == "" {
			continue
		}
		n := 0
		for _, seg := range strings.Split(s, "\n") {
			n += int((wrapHeight(bodyPt, []string{seg}, widths[i:i+1])-4)/line + 0.5)
		}
		lines = max(lines, n)
	}
	return float64(lines)*line + 4
}

// plainHead writes the column widths, the title and the lines under it,
// without a header row or frozen panes: for a sheet of several tables.
func (w *taskSheet) plainHead(title string, lines []string, widths []float64) {
	if w.err != nil {
		return
	}
	w.widths = widths
	for i := len(widths) - 1; i >= 0 && w.err == nil; i-- { // last first: see streamHead
		w.err = w.sw.SetColWidth(i+1, i+1, widths[i])
	}
	w.merged(title, w.st.title, wrapHeight(18, []string{title}, []float64{sum(widths)})+8)
	for _, l := range lines {
		w.merged(l, w.st.note, wrapHeight(bodyPt, []string{l}, []float64{sum(widths)}))
	}
}

// headerRow writes a table's column headers on the current row.
func (w *taskSheet) headerRow(headers []string) {
	cells := make([]any, len(headers))
	for i, h := range headers {
		cells[i] = excelize.Cell{StyleID: w.st.header, Value: h}
	}
	w.put(cells, max(24, wrapHeight(bodyPt, headers, w.widths)))
}
