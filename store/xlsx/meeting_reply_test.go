package xlsx

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// replyForm writes the form of m into a fresh folder.
func replyForm(t *testing.T, m *store.Meeting) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "回执.xlsx")
	must(t, WriteReplyForm(path, m, "临淄区职业教育集团"))
	return path
}

// returned is the form at src as a unit sends it back under name: the
// cells set as given (excelize ignores the protection, as a determined
// unit could), saved beside src.
func returned(t *testing.T, src, name string, cells map[string]string) string {
	t.Helper()
	f, err := excelize.OpenFile(src)
	must(t, err)
	defer f.Close()
	for c, v := range cells {
		must(t, f.SetCellStr(ReplySheet, c, v))
	}
	path := filepath.Join(filepath.Dir(src), name)
	must(t, f.SaveAs(path))
	return path
}

func TestReplyFormCells(t *testing.T) {
	m := testMeeting()
	m.Invitees[4].Reply = store.Reply{State: store.ReplyLeave, Reason: "另有公务"}
	f := book(t, replyForm(t, &m))
	sh := ReplySheet
	rows, err := f.GetRows(sh)
	must(t, err)
	want := [][]string{
		{"第二届理事会第三次会议参会回执"},
		{"会议：第二届理事会第三次会议\u3000时间：2026年12月10日 09:30\u3000回执截止：2026年12月5日\u3000联系人：张明，0536-8888888"},
		{replyNote},
		append(slices.Clone(ReplyHeaders), replyMarker+m.ID.String()),
		{"1", "临淄区教育局", "张成刚", "张成刚", "局长", "13812341234", "", "", "", inv(1).String(), `["张成刚","局长","13812341234","","",""]`},
		{"2", "潍坊职业学院", "王强", "王强", "副校长", "13900001111", "", "", "", inv(2).String(), `["王强","副校长","13900001111","","",""]`},
		{"3", "淄博市工业学校", "", "", "", "", "", "", "", inv(3).String(), `["","","","","",""]`},
		{"4", "某某化工股份有限公司", "李华", "李华", "总经理", "0536-8123456", "", "", "", inv(4).String(), `["李华","总经理","0536-8123456","","",""]`},
		// a reply already recorded is what the form starts with
		{"5", "山东化工技师学院", "赵敏", "", "", "", "否", "另有公务", "", inv(5).String(), `["","","","否","另有公务",""]`},
	}
	assertSheetRows(t, rows, want) // the guest is not on the form
	for _, c := range []string{"A5", "B5", "C5", "J4", "J5", "K5", "A4", "G4"} {
		if p := cellStyle(t, f, sh, c).Protection; p != nil && !p.Locked {
			t.Errorf("%s is unlocked", c)
		}
	}
	for _, c := range []string{"D5", "E5", "F5", "G5", "H5", "I5", "I9", "D7"} {
		s := cellStyle(t, f, sh, c)
		if s.Protection == nil || s.Protection.Locked {
			t.Errorf("%s is locked: %+v", c, s.Protection)
		}
		if s.NumFmt != numFmtText {
			t.Errorf("%s is not text-formatted, so a phone would become 1.39E+10", c)
		}
	}
	for _, col := range []string{"J", "K"} {
		if vis, err := f.GetColVisible(sh, col); err != nil || vis {
			t.Errorf("column %s visible=%v %v", col, vis, err)
		}
	}
	if vis, _ := f.GetColVisible(sh, "I"); !vis {
		t.Error("column I is hidden")
	}
	assertProtected(t, f)
	dvs, err := f.GetDataValidations(sh)
	must(t, err)
	if len(dvs) != 1 || dvs[0].Sqref != "G5:G9" || dvs[0].Type != "list" || !strings.Contains(dvs[0].Formula1, "是,否,委托") {
		t.Errorf("data validations %+v", dvs)
	}
	assertPrintSetup(t, f, sh, landscape, "$1:$4")
}

func assertProtected(t *testing.T, f *excelize.File) {
	t.Helper()
	p, err := f.GetSheetProtection(ReplySheet)
	must(t, err)
	if p.FormatColumns || p.InsertColumns || p.InsertRows || p.DeleteRows || p.Sort || !p.SelectUnlockedCells {
		t.Errorf("protection allows too much: %+v", p)
	}
	if err := f.UnprotectSheet(ReplySheet, "wrong"); !errors.Is(err, excelize.ErrUnprotectSheetPassword) {
		t.Errorf("unprotect with a wrong password: %v (is the sheet protected?)", err)
	}
	must(t, f.UnprotectSheet(ReplySheet, replyFormPassword))
}

// filled is what the units of testMeeting answer: 1 comes, 2 sends
// someone, 3 names who comes, 4 is on leave; 5's row is left as it was.
var filled = map[string]string{
	"G5": "是",
	"G6": "委托", "I6": "刘洋",
	"D7": "孙丽", "E7": "办公室主任", "F7": "13700009999", "G7": "是",
	"G8": "否", "H8": "出差",
}

func TestReplyFormRoundTrip(t *testing.T) {
	m := testMeeting()
	path := returned(t, replyForm(t, &m), "临淄区教育局回执.xlsx", filled)
	rows, err := ReadReplyForm(path)
	must(t, err)
	if len(rows) != 4 {
		t.Fatalf("%d rows: %+v", len(rows), rows)
	}
	if r := rows[2]; r.File != "临淄区教育局回执.xlsx" || r.Row != 7 || r.MeetingID != m.ID || r.InviteeID != inv(3) ||
		r.Unit != "淄博市工业学校" || r.Name != "" || r.Person != "孙丽" || r.Title != "办公室主任" || r.Phone != "13700009999" ||
		r.Answer != "是" || len(r.Errors) != 0 {
		t.Errorf("row 7 read as %+v", r)
	}
	p := store.PlanReplies(&m, rows)
	if err := p.FirstError(); err != nil {
		t.Fatal(err)
	}
	want := map[uuid.UUID]store.Reply{
		inv(1): {State: store.ReplyAttend, Person: "张成刚", Title: "局长", Phone: "13812341234"},
		inv(2): {State: store.ReplyProxy, Person: "王强", Title: "副校长", Phone: "13900001111", Proxy: "刘洋"},
		inv(3): {State: store.ReplyAttend, Person: "孙丽", Title: "办公室主任", Phone: "13700009999"},
		inv(4): {State: store.ReplyLeave, Person: "李华", Title: "总经理", Phone: "0536-8123456", Reason: "出差"},
	}
	for _, r := range p.Rows {
		if w, ok := want[r.InviteeID]; !ok || r.To != w || !r.Changed() {
			t.Errorf("%s: %+v, want %+v", r.Label, r.To, w)
		}
	}
	if c, u, e := p.Counts(); c != 4 || u != 0 || e != 0 {
		t.Errorf("counts %d %d %d", c, u, e)
	}
}

// TestReplyFormUntouched checks that a form sent back unchanged is no
// reply at all, and that a cleared row is read (the unit emptied it).
func TestReplyFormUntouched(t *testing.T) {
	m := testMeeting()
	src := replyForm(t, &m)
	rows, err := ReadReplyForm(src)
	must(t, err)
	if len(rows) != 0 {
		t.Errorf("an untouched form gives %d rows: %+v", len(rows), rows)
	}
	rows, err = ReadReplyForm(returned(t, src, "x.xlsx", map[string]string{"D5": "", "E5": "", "F5": ""}))
	must(t, err)
	if len(rows) != 1 || rows[0].Row != 5 || rows[0].Person != "" {
		t.Errorf("cleared row: %+v", rows)
	}
}

func TestReplyFormErrors(t *testing.T) {
	m := testMeeting()
	src := replyForm(t, &m)
	other := testMeeting()
	other.ID = uuid.MustParse("0190f000-0000-7000-8000-000000000002")
	for _, c := range []struct {
		name  string
		src   string
		cells map[string]string
		field store.Field
		want  store.Problem
	}{
		{"another meeting", replyForm(t, &other), map[string]string{"G5": "是"}, store.FieldReply, store.ProblemWrongMeeting},
		{"unknown invitee", src, map[string]string{"G5": "是", "J5": uuid.NewString()}, store.FieldInvitee, store.ProblemInviteeNotFound},
		{"edited unit", src, map[string]string{"G5": "是", "B5": "临淄区教体局"}, store.FieldInvitee, store.ProblemProtectedEdited},
		{"edited name", src, map[string]string{"G6": "是", "C6": "王刚"}, store.FieldInvitee, store.ProblemProtectedEdited},
		{"garbled id", src, map[string]string{"G5": "是", "J5": "0190f000-xx"}, store.FieldReply, ProblemReplyID},
		{"deleted id", src, map[string]string{"G5": "是", "J5": ""}, store.FieldReply, ProblemReplyID},
		{"bad answer", src, map[string]string{"G5": "也许"}, store.FieldReply, store.ProblemBadAnswer},
	} {
		rows, err := ReadReplyForm(returned(t, c.src, "r.xlsx", c.cells))
		must(t, err)
		if len(rows) != 1 || rows[0].Row != 5 && rows[0].Row != 6 {
			t.Errorf("%s: rows %+v", c.name, rows)
			continue
		}
		err = store.PlanReplies(&m, rows).FirstError()
		fe, ok := store.AsFieldError(err)
		if !ok || fe.Field != c.field || fe.Problem != c.want || fe.Row != rows[0].Row {
			t.Errorf("%s: %v, want %s %s", c.name, err, c.field, c.want)
		}
		if !strings.HasPrefix(err.Error(), "r.xlsx：第") {
			t.Errorf("%s: the error does not name the file and row: %v", c.name, err)
		}
	}
}

func TestReadReplyFormNotAForm(t *testing.T) {
	m := testMeeting()
	dir := t.TempDir()
	signIn := filepath.Join(dir, "签到表.xlsx")
	must(t, WriteSignIn(signIn, &m, SignInOptions{}))
	renamed := returned(t, replyForm(t, &m), "改名.xlsx", map[string]string{"G5": "是"})
	f, err := excelize.OpenFile(renamed)
	must(t, err)
	must(t, f.SetSheetName(ReplySheet, "Sheet1"))
	must(t, f.Save())
	f.Close()
	marker := returned(t, replyForm(t, &m), "无编号.xlsx", map[string]string{"J4": "secdesk-reply:坏"})
	for path, want := range map[string]string{
		xlsxtest.WriteSheet(t, [][]string{{"序号", "单位", "姓名"}, {"1", "临淄区教育局", "张成刚"}}): "「sheet.xlsx」不是本程序导出的参会回执表",
		signIn: "「签到表.xlsx」不是本程序导出的参会回执表",
		marker: "「无编号.xlsx」不是本程序导出的参会回执表",
	} {
		_, err := ReadReplyForm(path)
		if !errors.Is(err, ErrNotReplyForm) || err.Error() != want {
			t.Errorf("%s: %v, want %s", filepath.Base(path), err, want)
		}
	}
	// A renamed sheet still has its ids: it is read.
	if rows, err := ReadReplyForm(renamed); err != nil || len(rows) != 1 {
		t.Errorf("renamed sheet: %v %+v", err, rows)
	}
	junk := filepath.Join(dir, "坏.xlsx")
	must(t, os.WriteFile(junk, []byte("not a zip"), 0o644))
	if _, err := ReadReplyForm(junk); !errors.Is(err, ErrNotWorkbook) || !strings.HasPrefix(err.Error(), "「坏.xlsx」") {
		t.Errorf("not a workbook: %v", err)
	}
}

// TestReplyFormSeveralFiles reads forms from three units at once, two of
// which answer for the same invitee.
func TestReplyFormSeveralFiles(t *testing.T) {
	m := testMeeting()
	src := replyForm(t, &m)
	var rows []store.ReplyRow
	for name, cells := range map[string]map[string]string{
		"a.xlsx": {"G5": "是"},
		"b.xlsx": {"G6": "否", "H6": "出差"},
		"c.xlsx": {"G8": "是", "G6": "是"}, // 潍坊职业学院 again
	} {
		r, err := ReadReplyForm(returned(t, src, name, cells))
		must(t, err)
		rows = append(rows, r...)
	}
	slices.SortStableFunc(rows, func(a, b store.ReplyRow) int { return strings.Compare(a.File, b.File) })
	p := store.PlanReplies(&m, rows)
	var problems []string
	for _, r := range p.Rows {
		s := r.File + ":" + r.InviteeID.String()[34:]
		if len(r.Errors) > 0 {
			s += ":" + string(r.Errors[0].Problem)
		}
		problems = append(problems, s)
	}
	want := []string{"a.xlsx:01", "b.xlsx:02", "c.xlsx:02:" + string(store.ProblemReplyTwice), "c.xlsx:04"}
	if !slices.Equal(problems, want) {
		t.Errorf("plan %q, want %q", problems, want)
	}
}
