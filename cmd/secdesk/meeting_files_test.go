package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// demoMeetingID is the id of one of the demo's meetings, by title.
func demoMeetingID(t *testing.T, db, title string) string {
	t.Helper()
	return meetingByTitle(t, listJSON(t, db), title)["id"].(string)
}

// replyRows finds each invitee's row of an exported 参会回执表 by the
// name in it (Excel's row number).
func replyRows(t *testing.T, path string) map[string]int {
	t.Helper()
	rows := xlsxtest.ReadSheet(t, path, xlsx.ReplySheet)
	out, header := map[string]int{}, 0
	for i, r := range rows {
		switch {
		case len(r) > 0 && r[0] == "序号":
			header = i
		case header > 0 && len(r) > 2:
			out[r[2]] = i + 1
			out[r[1]] = i + 1 // a unit seat by its unit
		}
	}
	if len(out) == 0 {
		t.Fatalf("no rows in the reply form %s", path)
	}
	return out
}

// The whole round of replies: export the form, units fill it in, an error
// in one file stops the import with every error listed, the fixed file
// previews, then imports.
func TestMeetingReplies(t *testing.T) {
	db := demoDB(t)
	id := demoMeetingID(t, db, "第四届常务理事会第四次会议")
	dir := t.TempDir()
	form := filepath.Join(dir, "回执.xlsx")
	r := mustRun(t, "meeting", "replyform", "--id", id, "--out", form, "--db", db)
	if !strings.Contains(r.stdout, "已导出「第四届常务理事会第四次会议」参会回执表（21行）") {
		t.Errorf("replyform: %s", r.stdout)
	}
	m := storedMeeting(t, db, id)
	var free []store.Invitee // not replied yet
	for _, v := range m.Invitees {
		if v.Reply.State == store.ReplyNone {
			free = append(free, v)
		}
	}
	rows := replyRows(t, form)
	row := func(v store.Invitee) string { return strconv.Itoa(rows[v.Name]) }
	xlsxtest.SetCells(t, form, xlsx.ReplySheet, map[string]string{
		"G" + row(free[0]): "是", "D" + row(free[0]): free[0].Name,
		"G" + row(free[1]): "否", "H" + row(free[1]): "赴外地出差",
		"G" + row(free[2]): "委托", // no 委托人
		"G" + row(free[3]): "也许",
	})
	before := snapshot(t, db)
	r = runCLI(t, "meeting", "replies", "import", "--id", id, form, "--db", db)
	for _, want := range []string{
		"回执.xlsx\t第" + row(free[0]) + "行\t" + free[0].Label() + "\t未回复 → 拟出席（" + free[0].Name,
		"回执.xlsx\t第" + row(free[1]) + "行\t" + free[1].Label() + "\t未回复 → 请假（赴外地出差）",
		"错误：回执.xlsx 第" + row(free[2]) + "行 「委托人」委托时须写明委托何人",
		"错误：回执.xlsx 第" + row(free[3]) + "行 「回执」应填“是”“否”或“委托”：也许",
		"共4行：有变化2，无变化0，错误2",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != 1 || !strings.Contains(r.stderr, "回执中有错误，未导入任何回执") || snapshot(t, db) != before {
		t.Fatalf("exit %d, stderr %q (or the data changed)", r.code, r.stderr)
	}

	xlsxtest.SetCells(t, form, xlsx.ReplySheet, map[string]string{"I" + row(free[2]): "刘洋", "G" + row(free[3]): "是"})
	r = mustRun(t, "meeting", "replies", "import", "--id", id, form, "--dry-run", "--db", db)
	if !strings.Contains(r.stdout, "共4行：有变化4，无变化0，错误0") || snapshot(t, db) != before {
		t.Errorf("dry run:\n%s", r.stdout)
	}
	r = mustRun(t, "meeting", "replies", "import", "--id", id, form, "--db", db)
	if !strings.Contains(r.stdout, "已导入「第四届常务理事会第四次会议」的回执：4份有变化") {
		t.Errorf("import:\n%s", r.stdout)
	}
	m = storedMeeting(t, db, id)
	if v := m.Invitee(free[2].ID); v.Reply.State != store.ReplyProxy || v.Reply.Proxy != "刘洋" {
		t.Errorf("stored reply %+v", v.Reply)
	}
	// Another meeting's form, and a file that is no form, are refused.
	other := filepath.Join(dir, "另一会议.xlsx")
	mustRun(t, "meeting", "replyform", "--id", demoMeetingID(t, db, "潍海市精细化工产教融合共同体2026年度工作会议"), "--out", other, "--db", db)
	xlsxtest.SetCells(t, other, xlsx.ReplySheet, map[string]string{"G6": "是"})
	r = runCLI(t, "meeting", "replies", "import", "--id", id, other, writeSheet(t, goodRows...), "--db", db)
	if r.code != 1 || !strings.Contains(r.stdout, "不是本次会议的回执") || !strings.Contains(r.stdout, "错误：不是本程序导出的参会回执表") {
		t.Errorf("exit %d:\n%s", r.code, r.stdout)
	}
}

// The 签到表 after the meeting has the attendance and its totals; the
// ledger lists the period's meetings.
func TestMeetingSignInAndLedger(t *testing.T) {
	db := demoDB(t)
	id := demoMeetingID(t, db, "第四届理事会第二次会议")
	dir := t.TempDir()
	signin := filepath.Join(dir, "签到表.xlsx")
	r := mustRun(t, "meeting", "signin", "--id", id, "--out", signin, "--attendance", "--mask-phones", "--db", db)
	if !strings.Contains(r.stdout, "达到法定人数") {
		t.Errorf("signin: %s", r.stdout)
	}
	text := sheetCells(t, signin, xlsx.SignInSheet)
	m := storedMeeting(t, db, id)
	for _, want := range []string{xlsx.SignInTitle(&m), m.Invitees[0].Name, "出席",
		xlsx.AttendanceSentence(store.CountAttendance(&m, store.Quorum{}))} {
		if !strings.Contains(text, want) {
			t.Errorf("签到表 lacks %q", want)
		}
	}
	if strings.Contains(text, m.Invitees[0].Phone) || !strings.Contains(text, "****") {
		t.Error("--mask-phones left a phone whole")
	}

	ledger := filepath.Join(dir, "台账.xlsx")
	r = mustRun(t, "meeting", "ledger", "--since", "2026-01-01", "--until", "2026-06-30", "--out", ledger, "--db", db)
	if !strings.Contains(r.stdout, "已导出会议台账（2026年1月1日至2026年6月30日，8次会议）") {
		t.Errorf("ledger: %s", r.stdout)
	}
	text = sheetCells(t, ledger, xlsx.LedgerSheet)
	for _, want := range []string{"第四届理事会第二次会议", "产学研协调委员会2026年第一次会议", "2026年第二季度工作调度会"} {
		if !strings.Contains(text, want) {
			t.Errorf("ledger lacks %q", want)
		}
	}
	if strings.Contains(text, "2026年第四次秘书长办公会") {
		t.Error("the ledger has a meeting of July")
	}
	for _, args := range [][]string{{"signin", "--id", id}, {"replyform", "--out", "x.xlsx"}, {"ledger", "--since", "2026-07-01", "--until", "2026-01-01", "--out", "x.xlsx"}} {
		if r := runCLI(t, append([]string{"meeting"}, append(args, "--db", db)...)...); r.code != 2 {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// sheetCells is a sheet's text, one cell a line.
func sheetCells(t *testing.T, path, sheet string) string {
	t.Helper()
	var b strings.Builder
	for _, r := range xlsxtest.ReadSheet(t, path, sheet) {
		b.WriteString(strings.Join(r, "\n") + "\n")
	}
	return b.String()
}

// docText is the text of a .docx's word/document.xml, the tags dropped.
func docText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(b), "")
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}

// The notice and the minutes name the meeting; the minutes carry the
// 出席 line of the recorded attendance and the agreed items.
func TestMeetingNoticeAndMinutes(t *testing.T) {
	db := demoDB(t)
	id := demoMeetingID(t, db, "第四届理事会第二次会议")
	dir := t.TempDir()
	notice, minutes := filepath.Join(dir, "通知.docx"), filepath.Join(dir, "纪要.docx")
	mustRun(t, "meeting", "notice", "--id", id, "--out", notice, "--db", db)
	if text := docText(t, notice); !strings.Contains(text, "第四届理事会第二次会议") || !strings.Contains(text, "各理事会成员") {
		t.Errorf("notice:\n%s", text)
	}
	r := mustRun(t, "meeting", "minutes", "--id", id, "--out", minutes, "--db", db)
	if !strings.Contains(r.stdout, "会议纪要（议定事项5项）") || r.stderr != "" {
		t.Errorf("minutes: %q %q", r.stdout, r.stderr)
	}
	m := storedMeeting(t, db, id)
	lines := store.AttendanceLines(&m)
	text := docText(t, minutes)
	for _, want := range []string{"第四届理事会第二次会议纪要", "出席：" + strings.Join(lines.Present, "、"),
		"请假：" + strings.Join(lines.Leave, "、"), m.Items[0].Text} {
		if !strings.Contains(text, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	// The meeting held without minutes still prints, with a warning.
	r = mustRun(t, "meeting", "minutes", "--id", demoMeetingID(t, db, "就业创业指导委员会2026年工作会议"), "--out", minutes, "--db", db)
	if !strings.Contains(r.stderr, "尚未记录纪要内容") {
		t.Errorf("stderr %q", r.stderr)
	}
}
