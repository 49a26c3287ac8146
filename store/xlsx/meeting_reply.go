package xlsx

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// ReplySheet is the sheet name of the 参会回执表.
const ReplySheet = "参会回执"

// ReplyHeaders are the 参会回执表's visible columns. The first three are
// the invitation and locked; the unit fills in the rest (replyInputCol on).
var ReplyHeaders = []string{"序号", "单位", "姓名", "拟参会人", "职务", "联系电话", "是否参会", "请假事由", "委托人"}

var replyWidths = []float64{6, 30, 10, 10, 18, 15, 10, 20, 10}

// Columns of the form, 0-based. The ids live in a hidden column beside
// each row rather than on a hidden sheet: a row's id then travels with the
// row (nothing to keep in step by row number), and both the hidden column
// and its cells are locked by the sheet protection, which forbids
// unhiding columns. The header row's id cell carries replyMarker and the
// meeting id, which is how a returned file is known to be one of ours and
// for which meeting. A second hidden column keeps what the input cells
// were pre-filled with, so a row the unit left as it was is told apart
// from a reply (see ReadReplyForm).
const (
	replyInputCol = 3  // 拟参会人: the first cell a unit fills in
	replyAnswer   = 6  // 是否参会
	replyIDCol    = 9  // J, hidden: invitee id; the meeting id on the header row
	replyWasCol   = 10 // K, hidden: the input cells as exported, JSON
	replyMarker   = "secdesk-reply:"
)

// replyFormPassword protects the form's sheet. It is no security (it is
// in this source, and Excel's sheet protection is easily removed): it only
// stops a unit from overwriting the invitation or the hidden ids by
// accident.
const replyFormPassword = "secdesk-huizhi"

// ReplyAnswers are the choices of 是否参会.
var ReplyAnswers = []string{"是", "否", "委托"}

// ProblemReplyID is the row error of a returned form whose hidden id cell
// does not hold an invitee id.
const ProblemReplyID store.Problem = "回执编号无法识别，请勿修改隐藏列"

// ErrNotReplyForm is returned (with the file's name) for a workbook that
// is not a 参会回执表 this program wrote: no hidden meeting id.
var ErrNotReplyForm = errors.New("不是本程序导出的参会回执表")

// replyNote tells the unit what to do; it is above the table, since every
// row below the header is read back as a reply.
const replyNote = "填写说明：请核对并填写浅黄色单元格；“是否参会”请选择“是”“否”或“委托”，请假请写明事由，" +
	"委托请写明委托人。其余单元格已锁定；请勿删除行或另存为其他格式，直接保存后发回。"

// ReplyTitle is "<会议名称>参会回执".
func ReplyTitle(m *store.Meeting) string { return m.Title + "参会回执" }

// replyDueLine is the line with the deadline and the contact, "" if
// neither is set.
func replyDueLine(m *store.Meeting) string {
	var parts []string
	if !m.Notice.ReplyBy.IsZero() {
		parts = append(parts, "回执截止："+m.Notice.ReplyBy.Chinese())
	}
	if m.Notice.Contact != "" {
		parts = append(parts, "联系人："+PrintText(m.Notice.Contact))
	}
	return strings.Join(parts, "\u3000")
}

// WriteReplyForm writes the 参会回执表 of m to path: one row per invitee
// but guests, the invitation locked, the reply cells open and pre-filled
// with what is known so a unit only corrects, the ids hidden. groupName
// is not printed (see SignInOptions.GroupName).
func WriteReplyForm(path string, m *store.Meeting, groupName string) error {
	return exportBook(path, "参会回执表", func(f *excelize.File) error { return writeReplyForm(f, m) })
}

func writeReplyForm(f *excelize.File, m *store.Meeting) error {
	lines := []string{replyNote}
	if l := replyDueLine(m); l != "" {
		lines = []string{"会议：" + m.Title + "\u3000时间：" + MeetingWhen(m) + "\u3000" + l, replyNote}
	}
	hdr := len(lines) + 2
	w, err := startMeetingSheet(f, ReplySheet, landscape, hdr)
	if err != nil {
		return err
	}
	invitees := slices.DeleteFunc(slices.Clone(m.Invitees), func(v store.Invitee) bool { return !v.Counted() })
	if err := protectReplyForm(f, hdr+1, hdr+len(invitees)); err != nil {
		return err
	}
	w.stream(f, ReplySheet)
	for _, c := range []int{replyWasCol, replyIDCol} { // last first: see streamHead
		if w.err == nil {
			w.err = w.sw.SetColWidth(c+1, c+1, 20)
		}
	}
	if w.err == nil {
		w.err = w.sw.SetColVisible(replyIDCol+1, replyWasCol+1, false)
	}
	w.head(ReplyTitle(m), lines, ReplyHeaders, replyWidths,
		excelize.Cell{StyleID: w.st.hidden, Value: replyMarker + m.ID.String()}, excelize.Cell{StyleID: w.st.hidden})
	for i := range invitees {
		w.replyRow(i+1, &invitees[i])
	}
	return w.flush()
}

// protectReplyForm protects the sheet (only unlocked cells can be
// changed; columns can be neither unhidden nor inserted) and gives
// 是否参会 its list on rows first to last.
func protectReplyForm(f *excelize.File, first, last int) error {
	err := f.ProtectSheet(ReplySheet, &excelize.SheetProtectionOptions{
		Password: replyFormPassword, SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true,
	})
	if err != nil || last < first {
		return err
	}
	col, _ := excelize.ColumnNumberToName(replyAnswer + 1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, first, col, last)
	if err := dv.SetDropList(ReplyAnswers); err != nil {
		return err
	}
	// A warning, not a stop: 请假 or 参会 typed by hand is understood too
	// (store.PlanReplies), and a unit should not be blocked for it.
	dv.SetError(excelize.DataValidationErrorStyleWarning, "是否参会", "请选择：是、否、委托")
	return f.AddDataValidation(ReplySheet, dv)
}

// replyPrefill is what the input cells start with: the reply already
// recorded, else the invitee as invited (the unit corrects the person if
// another comes).
func replyPrefill(v *store.Invitee) []string {
	r := v.Reply
	if r.State == store.ReplyNone {
		return []string{v.Name, v.Title, v.Phone, "", "", ""}
	}
	answer := map[store.ReplyState]string{store.ReplyAttend: "是", store.ReplyLeave: "否", store.ReplyProxy: "委托"}[r.State]
	return []string{r.Person, r.Title, r.Phone, answer, r.Reason, r.Proxy}
}

// replyRow writes one invitee. 单位 and 姓名 are written exactly as stored,
// without PrintText or PadName, because store.PlanReplies compares them
// with the invitee to catch edits to the locked cells.
func (w *meetingSheet) replyRow(n int, v *store.Invitee) {
	st, in := w.st, replyPrefill(v)
	was, _ := json.Marshal(in)
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}, st.textCell(v.Unit), st.textCell(v.Name)}
	for i, s := range in {
		style := st.input
		if replyInputCol+i == replyAnswer {
			style = st.inputCenter
		}
		cells = append(cells, excelize.Cell{StyleID: style, Value: s})
	}
	cells = append(cells, excelize.Cell{StyleID: st.hidden, Value: v.ID.String()},
		excelize.Cell{StyleID: st.hidden, Value: string(was)})
	w.put(cells, max(signRowPt-6, wrapHeight(bodyPt, append([]string{"", v.Unit, v.Name}, in...), replyWidths)))
}

// ReadReplyForm reads a returned 参会回执表. Each row the unit changed
// becomes a ReplyRow numbered as Excel numbers it, with the locked cells
// as found; blank rows, and rows left as they were exported, are skipped
// (a form sent to every unit comes back with the others' rows untouched,
// which are no reply and no duplicate). A row whose hidden id is not an
// id gets ProblemReplyID. Matching rows to invitees, and every other check,
// is store.PlanReplies's.
func ReadReplyForm(path string) (rows []store.ReplyRow, err error) {
	name := filepath.Base(path)
	err = readWorkbook(path, func(f *excelize.File) error {
		cells, hdr, meeting, err := findReplyTable(f)
		if err != nil {
			return err
		}
		for i := hdr + 1; i < len(cells); i++ {
			if r, ok := readReplyRow(cells[i], i+1); ok {
				r.File, r.MeetingID = name, meeting
				rows = append(rows, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// findReplyTable finds the sheet with the marked header row: the one
// named 参会回执 first, then any other (a unit may rename the sheet; the
// hidden marker, not the name, shows the form is ours).
func findReplyTable(f *excelize.File) (cells [][]string, hdr int, meeting uuid.UUID, err error) {
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, ReplySheet); i > 0 {
		sheets[0], sheets[i] = sheets[i], sheets[0]
	}
	for _, sh := range sheets {
		if cells, err = rawRows(f, sh); err != nil {
			return nil, 0, uuid.Nil, err
		}
		for i := 0; i < min(len(cells), headerScanRows); i++ {
			if id, ok := strings.CutPrefix(cellAt(cells[i], replyIDCol), replyMarker); ok {
				if meeting, err := uuid.Parse(id); err == nil {
					return cells, i, meeting, nil
				}
			}
		}
	}
	return nil, 0, uuid.Nil, ErrNotReplyForm
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// readReplyRow reads one row; ok is false for a row to skip.
func readReplyRow(row []string, n int) (store.ReplyRow, bool) {
	in := make([]string, replyIDCol-replyInputCol)
	for i := range in {
		in[i] = cellAt(row, replyInputCol+i)
	}
	r := store.ReplyRow{Row: n, Unit: cellAt(row, 1), Name: cellAt(row, 2),
		Person: in[0], Title: in[1], Phone: in[2], Answer: in[3], Reason: in[4], Proxy: in[5]}
	idText := cellAt(row, replyIDCol)
	if !slices.ContainsFunc(row[:min(len(row), replyIDCol)], func(s string) bool { return strings.TrimSpace(s) != "" }) && idText == "" {
		return r, false // blank
	}
	var was []string
	if json.Unmarshal([]byte(cellAt(row, replyWasCol)), &was) == nil && slices.Equal(cleanAll(was), cleanAll(in)) {
		return r, false // as exported: no reply in this file
	}
	id, err := uuid.Parse(idText)
	if err != nil {
		r.Errors = []*store.FieldError{{Row: n, Field: store.FieldReply, Problem: ProblemReplyID, Detail: r.Unit + r.Name}}
		return r, true
	}
	r.InviteeID = id
	return r, true
}

func cleanAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = store.CleanText(x)
	}
	return out
}
