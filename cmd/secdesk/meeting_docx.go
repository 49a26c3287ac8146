package main

import (
	"fmt"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/docx"
	"github.com/secdesk/secdesk/ui/msg"
)

// notice writes the 会议通知 (GB/T 9704 layout, store/docx).
func (c *cli) notice(args []string) error {
	a, err := parsePaperArgs("meeting notice", args, false)
	if err != nil {
		return err
	}
	p, err := c.loadPaper(a.db, a.id)
	if err != nil {
		return err
	}
	if err := docx.WriteNotice(a.out, &p.m, p.body, p.set); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已生成「%s」会议通知：%s", p.m.Title, a.out))
	return nil
}

// minutes writes the 会议纪要. A meeting with nothing of its minutes
// written yet still gets one (the attendance lines and the agenda), but
// the clerk is told, since it is usually a mistake of --id.
func (c *cli) minutes(args []string) error {
	a, err := parsePaperArgs("meeting minutes", args, false)
	if err != nil {
		return err
	}
	p, err := c.loadPaper(a.db, a.id)
	if err != nil {
		return err
	}
	if err := docx.WriteMinutes(a.out, &p.m, p.set); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已生成「%s」会议纪要（议定事项%d项）：%s", p.m.Title, len(p.m.Items), a.out))
	if p.m.Status != store.MeetingHeld || !p.m.HasMinutes() {
		fmt.Fprintln(c.stderr, msg.T("警告")+colon()+msg.Tf("「%s」尚未记录纪要内容（%s）", p.m.Title, msg.T(p.m.Status.Word())))
	}
	return nil
}
