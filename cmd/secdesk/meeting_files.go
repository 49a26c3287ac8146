package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// The meeting papers: each verb reads one meeting (or the meetings of a
// period) and writes one file through store/xlsx or store/docx, as the
// window's buttons do.

// paperArgs are the flags every paper of one meeting takes.
type paperArgs struct {
	db, id, out      string
	mask, attendance bool // the 签到表's options
}

func parsePaperArgs(name string, args []string, signIn bool) (a paperArgs, err error) {
	fs, db := newFlags(name)
	fs.StringVar(&a.id, "id", "", "")
	fs.StringVar(&a.out, "out", "", "")
	if signIn {
		fs.BoolVar(&a.mask, "mask-phones", false, "")
		fs.BoolVar(&a.attendance, "attendance", false, "")
	}
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return a, err
	}
	a.db = *db
	if err := needID(a.id); err != nil {
		return a, err
	}
	return a, needOut(a.out)
}

// meetingPaper is what a paper needs besides the meeting: the settings
// (the group's name, the notice's signer) and the meeting's body, nil for
// none.
type meetingPaper struct {
	m    store.Meeting
	set  store.Settings
	body *store.Body
}

// loadPaper reads the meeting --id names with what its papers need, and
// closes the data file again.
func (c *cli) loadPaper(db, id string) (p meetingPaper, err error) {
	s, err := openStore(c.ctx, db, true)
	if err != nil {
		return p, err
	}
	defer s.Close()
	if p.m, err = c.meetingByID(s, id); err != nil {
		return p, err
	}
	if p.set, err = s.Settings(c.ctx); err != nil {
		return p, err
	}
	if p.m.BodyID == uuid.Nil {
		return p, nil
	}
	b, err := s.Body(c.ctx, p.m.BodyID)
	if errors.Is(err, store.ErrNotFound) { // a body deleted since: the papers go without it
		return p, nil
	}
	p.body = &b
	return p, err
}

// group is the group's name for the papers' titles.
func (p *meetingPaper) group() string { return cmp.Or(p.set.GroupName, store.DefaultGroupName) }

// quorum is the body's quorum rule, the default for none.
func (p *meetingPaper) quorum() store.Quorum {
	if p.body == nil {
		return store.Quorum{}
	}
	return p.body.Quorum
}

// replyForm writes the 参会回执表 to send to the invitees.
func (c *cli) replyForm(args []string) error {
	a, err := parsePaperArgs("meeting replyform", args, false)
	if err != nil {
		return err
	}
	p, err := c.loadPaper(a.db, a.id)
	if err != nil {
		return err
	}
	if err := xlsx.WriteReplyForm(a.out, &p.m, p.group()); err != nil {
		return err
	}
	n := 0
	for i := range p.m.Invitees {
		if p.m.Invitees[i].Counted() {
			n++
		}
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出「%s」参会回执表（%d行）：%s", p.m.Title, n, a.out))
	return nil
}

// signIn writes the 签到表: blank to sign at the door, or with
// --attendance the record after the meeting with its totals line.
func (c *cli) signIn(args []string) error {
	a, err := parsePaperArgs("meeting signin", args, true)
	if err != nil {
		return err
	}
	p, err := c.loadPaper(a.db, a.id)
	if err != nil {
		return err
	}
	o := xlsx.SignInOptions{GroupName: p.group(), MaskPhones: a.mask, Attendance: a.attendance, Quorum: p.quorum()}
	if err := xlsx.WriteSignIn(a.out, &p.m, o); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出「%s」签到表（%d人/单位）：%s", p.m.Title, len(p.m.Invitees), a.out))
	if a.attendance {
		fmt.Fprintln(c.stdout, countLine(store.CountAttendance(&p.m, p.quorum())))
	}
	return nil
}

// ledger writes the 会议台账 of a period: by default the current year.
func (c *cli) ledger(args []string) error {
	fs, db := newFlags("meeting ledger")
	sinceFlag, untilFlag := fs.String("since", "", ""), fs.String("until", "", "")
	out := fs.String("out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	since, err := parseDate("since", *sinceFlag, store.Today().StartOfYear())
	if err != nil {
		return err
	}
	until, err := parseDate("until", *untilFlag, store.NewDate(since.Year(), time.December, 31))
	if err != nil {
		return err
	}
	if since.After(until) {
		return usagef("--since 不能晚于 --until")
	}
	if err := needOut(*out); err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	ms, err := s.Meetings(c.ctx, store.MeetingFilter{Since: since, Until: until})
	if err != nil {
		return err
	}
	bodies, err := s.Bodies(c.ctx)
	if err != nil {
		return err
	}
	set, err := s.Settings(c.ctx)
	if err != nil {
		return err
	}
	if err := xlsx.WriteLedger(*out, ms, bodies, since, until, set.GroupName); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出会议台账（%s至%s，%d次会议）：%s", dateText(since), dateText(until), len(ms), *out))
	return nil
}

// needFiles checks that each file exists, before any is read.
func needFiles(files []string) error {
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return failf("无法打开文件：%s", f)
		}
	}
	return nil
}
