package meetings

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestExportPapers: each paper of a meeting is written where the clerk
// chose, as a zip (docx and xlsx are both), and 导出完成 says where.
func TestExportPapers(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	m := newMeeting(t, db, "理事会第一次会议", council, store.Today())
	a, v := openMeetings(t, db)
	v.openMeeting(m.ID)
	p := v.page
	dir := t.TempDir()
	ledger := func(path string) { v.writeLedger(path, store.Today().StartOfYear(), store.Date{}) }
	for name, save := range map[string]func(string){
		"纪要.docx": p.saveMinutes, "通知.docx": p.saveNotice,
		"签到表.xlsx": p.saveSignIn, "回执表.xlsx": p.saveReplyForm, "台账.xlsx": ledger,
	} {
		path := filepath.Join(dir, name)
		save(path)
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 || !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("%s: %d bytes, %v; want a zip", name, len(data), err)
		}
		if o := a.Overlay(); o == nil || !contains(kittest.TextsIn(o), "已保存到：\n"+path) {
			t.Errorf("%s: no 导出完成 naming the file", name)
		} else {
			a.Window().Canvas().Overlays().Remove(o)
		}
	}
}

// TestImportReplies: a returned 参会回执表 is previewed, and its replies
// written on 确认导入.
func TestImportReplies(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	m := newMeeting(t, db, "理事会第一次会议", council, store.Today().AddDays(10))
	_, v := openMeetings(t, db)
	v.openMeeting(m.ID)
	p := v.page
	path := filepath.Join(t.TempDir(), "回执.xlsx")
	p.saveReplyForm(path)
	row := 0
	for i, r := range xlsxtest.ReadSheet(t, path, "") {
		if len(r) > 2 && r[2] == "李华" {
			row = i + 1
		}
	}
	if row == 0 {
		t.Fatal("李华 is not in the reply form")
	}
	n := strconv.Itoa(row)
	xlsxtest.SetCells(t, path, xlsxtest.SheetNames(t, path)[0], map[string]string{"G" + n: "否", "H" + n: "外出学习"})

	p.importReplies([]string{path})
	f := replyPreview
	if f == nil || f.Confirm == nil || f.Confirm.Disabled() {
		t.Fatalf("preview offers no import: %q", f.Summary.Text)
	}
	if got := f.Summary.Text; got != "共 1 个文件 1 行：更新 1、无变化 0、错误 0" {
		t.Errorf("summary = %q", got)
	}
	test.Tap(f.Confirm)
	got := stored(t, db, m.ID)
	for _, iv := range got.Invitees {
		if iv.Name == "李华" && (iv.Reply.State != store.ReplyLeave || iv.Reply.Reason != "外出学习") {
			t.Errorf("李华's reply = %+v", iv.Reply)
		}
	}
	if rows := tableRows(&p.att.table.Table); rows[1][colReply] != "请假" {
		t.Errorf("table after import: %q", rows[1])
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
