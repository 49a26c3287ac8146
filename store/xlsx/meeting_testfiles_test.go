package xlsx

// This file writes the files under testdata/meetings/: a 参会回执表 as a
// unit returned it, and a 30-invitee 签到表 of two pages to print. They
// are committed, and the test reads the committed reply form: forms sent
// out by this version must still read after the next one changes the
// writer. Rewrite them with
//
//	go test ./store/xlsx/ -run TestMeetingFiles -update-meetings

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

var updateMeetings = flag.Bool("update-meetings", false, "rewrite the files in testdata/meetings")

var meetingsDir = filepath.Join("..", "..", "testdata", "meetings")

func writeMeetingFiles(t *testing.T) {
	must(t, os.MkdirAll(meetingsDir, 0o755))
	m := testMeeting()
	form := filepath.Join(t.TempDir(), "form.xlsx")
	must(t, WriteReplyForm(form, &m, "临淄区职业教育集团"))
	f, err := excelize.OpenFile(form)
	must(t, err)
	defer f.Close()
	for c, v := range filled {
		must(t, f.SetCellStr(ReplySheet, c, v))
	}
	must(t, f.SaveAs(filepath.Join(meetingsDir, "reply_returned.xlsx")))
	big := bigMeeting(30)
	big.Invitees = append(big.Invitees, testMeeting().Invitees[5]) // a guest on page two
	must(t, WriteSignIn(filepath.Join(meetingsDir, "signin_30.xlsx"), &big, SignInOptions{MaskPhones: true}))
}

func TestMeetingFiles(t *testing.T) {
	if *updateMeetings {
		writeMeetingFiles(t)
	}
	m := testMeeting()
	rows, err := ReadReplyForm(filepath.Join(meetingsDir, "reply_returned.xlsx"))
	must(t, err)
	p := store.PlanReplies(&m, rows)
	if err := p.FirstError(); err != nil {
		t.Fatal(err)
	}
	if c, u, e := p.Counts(); c != 4 || u != 0 || e != 0 {
		t.Errorf("committed form: %d changed, %d unchanged, %d errors", c, u, e)
	}
	if r := p.Rows[1]; r.File != "reply_returned.xlsx" || r.To.State != store.ReplyProxy || r.To.Proxy != "刘洋" {
		t.Errorf("row %+v", r)
	}
	rows2, err := book(t, filepath.Join(meetingsDir, "signin_30.xlsx")).GetRows(SignInSheet)
	must(t, err)
	if len(rows2) != 5+30+2 || rows2[35][0] != GuestsLabel {
		t.Errorf("signin_30.xlsx has %d rows", len(rows2))
	}
}
