package xlsx

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// This file writes the meeting papers' shared parts and the 签到表; the
// 参会回执表 is in meeting_reply.go and the 会议台账 in meeting_ledger.go.

// SignInSheet is the sheet name of the 签到表.
const SignInSheet = "签到表"

// SignInHeaders are the 签到表's columns; SignInAttendHeader is added
// after the meeting.
var SignInHeaders = []string{"序号", "姓名", "单位", "职务", "联系电话", "签名"}

const SignInAttendHeader = "出席情况"

// signInWidths fit A4 portrait at about 90% (fit to width does the rest);
// with the 出席情况 column the unit column gives up some of its width.
var (
	signInWidths       = []float64{6, 10, 30, 18, 15, 16}
	signInAttendWidths = []float64{6, 10, 26, 15, 15, 14, 16}
)

// signRowPt is the height of a row to sign in: a signature needs more
// room than a line of print.
const signRowPt = 28

// GuestsLabel heads the guests (列席人员) of the 签到表, below the invitees.
const GuestsLabel = "列席人员"

// SignInOptions tune the 签到表.
type SignInOptions struct {
	// GroupName is not printed today: the title is the meeting's own,
	// which names the body. It is here so that callers pass it as to
	// every other export, and a later layout may use it.
	GroupName  string
	MaskPhones bool // 138****1234
	// Attendance is for the copy after the meeting: a 出席情况 column with
	// the recorded states and a totals line.
	Attendance bool
	Quorum     store.Quorum // for the totals line
}

// SignInTitle is "<会议名称>签到表".
func SignInTitle(m *store.Meeting) string { return m.Title + "签到表" }

// MeetingWhen is the meeting's day and time as printed: 2026年12月10日 09:30.
func MeetingWhen(m *store.Meeting) string {
	if m.Time == "" {
		return m.Date.Chinese()
	}
	return m.Date.Chinese() + " " + m.Time
}

// AttendanceSentence is the totals line of the 签到表 after the meeting:
// "应到 9 人，实到 6 人，请假 1 人，委托 1 人，缺席 1 人；达到法定人数（过半数）".
// 实到 counts a 委托 unless the body's rule says otherwise (store's
// CountAttendance). Invitees not ticked yet are named too when there are
// any, or the figures would not add up to 应到.
func AttendanceSentence(a store.Attendance) string {
	s := fmt.Sprintf("应到 %d 人，实到 %d 人，请假 %d 人，委托 %d 人，缺席 %d 人",
		a.Expected, a.Present, a.Leave, a.Proxy, a.Absent)
	if a.Unticked > 0 {
		s += fmt.Sprintf("，未签到 %d 人", a.Unticked)
	}
	met := "未达到"
	if a.Met() {
		met = "达到"
	}
	return s + "；" + met + "法定人数（" + a.Rule.Rule.Word() + "）"
}

// AttendWord is an invitee's 出席情况 as the 签到表 prints it: the state's
// word, 委托 with whom ("委托李明"), 请假 with the reason if any.
func AttendWord(a store.Attend) string {
	switch {
	case a.State == store.AttendProxy:
		return "委托" + a.Proxy
	case a.State == store.AttendLeave && a.Reason != "":
		return "请假（" + a.Reason + "）"
	}
	return a.State.Word()
}

// WriteSignIn writes the 签到表 of m to path: one row per invitee in the
// meeting's order (already the roster's), tall enough to sign, the guests
// after a 列席人员 row.
func WriteSignIn(path string, m *store.Meeting, o SignInOptions) error {
	return exportBook(path, "签到表", func(f *excelize.File) error { return writeSignIn(f, m, &o) })
}

func writeSignIn(f *excelize.File, m *store.Meeting, o *SignInOptions) error {
	headers, widths := SignInHeaders, signInWidths
	if o.Attendance {
		headers, widths = append(headers[:len(headers):len(headers)], SignInAttendHeader), signInAttendWidths
	}
	lines := []string{"会议名称：" + m.Title, "时间：" + MeetingWhen(m), "地点：" + m.Place}
	w, err := startMeetingSheet(f, SignInSheet, portrait, len(lines)+2)
	if err != nil {
		return err
	}
	w.stream(f, SignInSheet)
	w.head(SignInTitle(m), lines, headers, widths)
	n := 0
	for i := range m.Invitees {
		if v := &m.Invitees[i]; v.Counted() {
			n++
			w.signRow(n, v, o)
		}
	}
	n = 0 // guests are numbered on their own, so the last 序号 above is 应到
	for i := range m.Invitees {
		if v := &m.Invitees[i]; !v.Counted() {
			if n == 0 {
				w.band(GuestsLabel, w.st.section)
			}
			n++
			w.signRow(n, v, o)
		}
	}
	if o.Attendance {
		w.row++
		w.note(AttendanceSentence(store.CountAttendance(m, o.Quorum)))
	}
	return w.flush()
}

// signRow writes one invitee: a unit seat with nobody named leaves 姓名
// empty, for whoever the unit sends to write in.
func (w *meetingSheet) signRow(n int, v *store.Invitee, o *SignInOptions) {
	phone := v.Phone
	if o.MaskPhones {
		phone = store.MaskPhone(phone)
	}
	st := w.st
	name, unit, title := PadName(v.Name), PrintText(v.Unit), PrintText(v.Title)
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}, guardedCell(name, st.center, st.textGuard),
		st.textCell(unit), st.textCell(title), st.textCell(phone), excelize.Cell{StyleID: st.text}}
	if o.Attendance {
		cells = append(cells, st.textCell(AttendWord(v.Attend)))
	}
	w.put(cells, max(signRowPt, wrapHeight(bodyPt, []string{"", name, unit, title}, w.widths)))
}

// meetingStyles are the shared table styles and those of the meeting
// papers: the bordered band (列席人员), and for the 参会回执表 the cells a
// unit fills in (unlocked, tinted) and the hidden ids (locked).
type meetingStyles struct {
	*sheetStyles
	section, input, inputCenter, hidden int
}

func newMeetingStyles(f *excelize.File) (*meetingStyles, error) {
	base, err := newSheetStyles(f)
	if err != nil {
		return nil, err
	}
	st := &meetingStyles{sheetStyles: base}
	tint := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	open := &excelize.Protection{Locked: false}
	body := font(fontBody, bodyPt, false)
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.section, excelize.Style{Font: font(fontTitle, bodyPt, false), Alignment: align("left", false), Border: thinBorder}},
		{&st.input, excelize.Style{Font: body, Alignment: align("left", true), Border: thinBorder, Fill: tint, NumFmt: numFmtText, Protection: open}},
		{&st.inputCenter, excelize.Style{Font: body, Alignment: align("center", false), Border: thinBorder, Fill: tint, NumFmt: numFmtText, Protection: open}},
		{&st.hidden, excelize.Style{NumFmt: numFmtText, Protection: &excelize.Protection{Locked: true}}},
	}
	for _, d := range defs {
		if *d.id, err = f.NewStyle(&d.s); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// meetingSheet streams one meeting paper row by row; the first error
// stops it and flush returns it.
type meetingSheet struct {
	sw     *excelize.StreamWriter
	st     *meetingStyles
	widths []float64
	row    int
	err    error
}

// startMeetingSheet names the first sheet, registers the styles and sets
// up printing with the first headRows rows (title, lines, column headers)
// repeated on every page, so a page handed to a second door still says
// which meeting it is for. Sheet-wide settings such as protection must be
// made on f before stream is called.
func startMeetingSheet(f *excelize.File, sheet, orientation string, headRows int) (*meetingSheet, error) {
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return nil, err
	}
	st, err := newMeetingStyles(f)
	if err != nil {
		return nil, err
	}
	if err := printSetup(f, sheet, orientation, "$1:$"+strconv.Itoa(headRows)); err != nil {
		return nil, err
	}
	return &meetingSheet{st: st, row: 1}, nil
}

// stream starts the stream writer, after every sheet-wide setting.
func (w *meetingSheet) stream(f *excelize.File, sheet string) {
	if w.err == nil && w.sw == nil {
		w.sw, w.err = f.NewStreamWriter(sheet)
	}
}

// head writes the column widths, the title, the lines under it and the
// column headers (then any extra cells on the header row), and freezes
// the panes below them.
func (w *meetingSheet) head(title string, lines, headers []string, widths []float64, extra ...any) {
	if w.err != nil {
		return
	}
	w.widths = widths
	for i := len(widths) - 1; i >= 0 && w.err == nil; i-- { // last first: see streamHead
		w.err = w.sw.SetColWidth(i+1, i+1, widths[i])
	}
	hdr := len(lines) + 2
	if w.err == nil {
		w.err = w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: hdr,
			TopLeftCell: "A" + strconv.Itoa(hdr+1), ActivePane: "bottomLeft"})
	}
	w.merged(title, w.st.title, wrapHeight(18, []string{title}, []float64{sum(widths)})+8)
	for _, l := range lines {
		w.merged(l, w.st.note, wrapHeight(bodyPt, []string{l}, []float64{sum(widths)}))
	}
	cells := make([]any, len(headers))
	for i, h := range headers {
		cells[i] = excelize.Cell{StyleID: w.st.header, Value: h}
	}
	cells = append(cells, extra...)
	w.put(cells, max(24, wrapHeight(bodyPt, headers, widths)))
}

// put writes one row of cells at a height, and moves to the next.
func (w *meetingSheet) put(cells []any, height float64) {
	if w.err != nil {
		return
	}
	w.err = w.sw.SetRow("A"+strconv.Itoa(w.row), cells, excelize.RowOpts{Height: height})
	w.row++
}

// merged writes text across the table's width on one row.
func (w *meetingSheet) merged(text string, style int, height float64) {
	if w.err != nil {
		return
	}
	last, _ := excelize.CoordinatesToCellName(len(w.widths), w.row)
	if w.err = w.sw.MergeCell("A"+strconv.Itoa(w.row), last); w.err == nil {
		w.put([]any{excelize.Cell{StyleID: style, Value: text}}, height)
	}
}

// band is a bordered row across the table (列席人员): every cell of the
// merge gets the style, or the border shows only round the first.
func (w *meetingSheet) band(text string, style int) {
	if w.err != nil {
		return
	}
	cells := make([]any, len(w.widths))
	cells[0] = excelize.Cell{StyleID: style, Value: text}
	for i := 1; i < len(cells); i++ {
		cells[i] = excelize.Cell{StyleID: style}
	}
	last, _ := excelize.CoordinatesToCellName(len(w.widths), w.row)
	if w.err = w.sw.MergeCell("A"+strconv.Itoa(w.row), last); w.err == nil {
		w.put(cells, 22)
	}
}

// note writes a line across the table, below it.
func (w *meetingSheet) note(text string) {
	w.merged(text, w.st.note, max(20, wrapHeight(bodyPt, []string{text}, []float64{sum(w.widths)})))
}

func (w *meetingSheet) flush() error {
	if w.err != nil {
		return w.err
	}
	return w.sw.Flush()
}
