package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// maxReplyFiles bounds the files of one import: a form goes to each unit,
// so a council's replies are some dozens of files.
const maxReplyFiles = 1000

// importReplies previews the returned 参会回执表 files of one meeting and
// records them only if no row of any file has an error and this is not
// a dry run: a clerk fixes the one bad file and imports the lot again.
func (c *cli) importReplies(args []string) error {
	fs, db := newFlags("meeting replies import")
	id := fs.String("id", "", "")
	dry := fs.Bool("dry-run", false, "")
	files, err := parseArgs(fs, args, 1, maxReplyFiles)
	if err != nil {
		return err
	}
	if err := needID(*id); err != nil {
		return err
	}
	if err := needFiles(files); err != nil {
		return err
	}
	rows, unread := c.readReplyForms(files)
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := c.meetingByID(s, *id)
	if err != nil {
		return err
	}
	plan := store.PlanReplies(&m, rows)
	printReplyPlan(c.stdout, plan)
	_, _, bad := plan.Counts()
	switch {
	case bad > 0 || unread > 0:
		return failf("回执中有错误，未导入任何回执")
	case *dry:
		fmt.Fprintln(c.stdout, msg.T("预览完成，未写入数据（--dry-run）"))
		return nil
	}
	n, err := s.ApplyReplies(c.ctx, plan)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导入「%s」的回执：%d份有变化", m.Title, n))
	return nil
}

// readReplyForms reads every file, telling on stdout each that is not a
// reply form (and counting them), so that one import lists every problem.
func (c *cli) readReplyForms(files []string) (rows []store.ReplyRow, unread int) {
	for _, f := range files {
		rs, err := xlsx.ReadReplyForm(f)
		if err != nil {
			unread++
			text := msg.Error(err)
			if errors.Is(err, xlsx.ErrNotReplyForm) { // its text names the file, which the line does already
				text = msg.T(xlsx.ErrNotReplyForm.Error())
			}
			fmt.Fprintln(c.stdout, f+"\t"+msg.T("错误")+colon()+text)
			continue
		}
		rows = append(rows, rs...)
	}
	return rows, unread
}

// printReplyPlan is the preview: one line per row read (file, 第N行, the
// invitee, the reply before → after), each error of the row under it
// naming the file again, then the totals.
func printReplyPlan(w io.Writer, p *store.ReplyPlan) {
	for i := range p.Rows {
		r := &p.Rows[i]
		line := r.File + "\t" + msg.Tf("第%d行", r.Row) + "\t" + cmp.Or(r.Label, msg.T("（未识别）"))
		switch {
		case len(r.Errors) > 0:
			line += "\t" + msg.T("错误")
		case r.Changed():
			line += "\t" + replyText(r.From) + " → " + replyText(r.To)
		default:
			line += "\t" + msg.T("无变化") + "\t" + replyText(r.To)
		}
		fmt.Fprintln(w, line)
		for _, e := range r.Errors {
			fmt.Fprintln(w, "\t"+msg.T("错误")+colon()+r.File+" "+msg.FieldError(e))
		}
	}
	changed, unchanged, bad := p.Counts()
	fmt.Fprintln(w, msg.Tf("共%d行：有变化%d，无变化%d，错误%d", len(p.Rows), changed, unchanged, bad))
}

// replyText is a reply in words: 拟出席（王强）, 请假（出差）, 委托（李明）,
// 未回复.
func replyText(r store.Reply) string {
	w := msg.T(r.State.Word())
	var detail string
	switch r.State {
	case store.ReplyAttend:
		detail = strings.TrimSpace(r.Person + " " + r.Title)
	case store.ReplyLeave:
		detail = r.Reason
	case store.ReplyProxy:
		detail = r.Proxy
	}
	if detail != "" {
		w += "（" + detail + "）"
	}
	return w
}
