package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// newMeeting creates a meeting and prints its id alone on a line, so a
// script can capture it. A meeting of a body is given the body's roster
// as of its date (store.CreateMeeting), as the window does.
func (c *cli) newMeeting(args []string) error {
	fs, db := newFlags("meeting new")
	title, kind := fs.String("title", "", ""), fs.String("kind", "", "")
	body, date, tm := fs.String("body", "", ""), fs.String("date", "", ""), fs.String("time", "", "")
	place, host := fs.String("place", "", ""), fs.String("host", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	m := store.Meeting{Title: *title, Kind: store.CleanText(*kind), Place: *place, Host: *host}
	if err := needMeetingFlags(m.Title, m.Kind, *date); err != nil {
		return err
	}
	var err error
	if m.Date, err = parseDate("date", *date, store.Date{}); err != nil {
		return err
	}
	if m.Time, err = store.CheckMeetingTime(*tm); err != nil {
		return usagef("选项 --time 的时间无效：%s（应写作 HH:MM，如 09:30）", *tm)
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if strings.TrimSpace(*body) != "" {
		b, err := c.bodyNamed(s, *body)
		if err != nil {
			return err
		}
		m.BodyID = b.ID
	}
	if m, err = s.CreateMeeting(c.ctx, m); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, m.ID)
	return c.warnUnknownKind(s, m.Kind)
}

// needMeetingFlags checks the flags a new meeting cannot do without.
func needMeetingFlags(title, kind, date string) error {
	switch {
	case strings.TrimSpace(title) == "":
		return usagef("缺少 --title 会议名称")
	case kind == "":
		return usagef("缺少 --kind 会议类型")
	case date == "":
		return usagef("缺少 --date 会议日期")
	}
	return nil
}

// warnUnknownKind tells, beside the id, of a kind not in the settings'
// list: it is accepted (the list is the clerk's to grow), but a typo
// would otherwise split the ledger's kinds unnoticed.
func (c *cli) warnUnknownKind(s store.Store, kind string) error {
	set, err := s.Settings(c.ctx)
	if err != nil {
		return err
	}
	if kinds := store.MeetingKindsOf(set); !slices.Contains(kinds, kind) {
		fmt.Fprintln(c.stderr, msg.T("警告")+colon()+msg.Tf("会议类型「%s」不在设置的会议类型中（%s）",
			kind, strings.Join(kinds, listSep())))
	}
	return nil
}

// bodyNamed finds a body by its name, as the roster verbs do.
func (c *cli) bodyNamed(s store.Store, name string) (*store.Body, error) {
	bodies, err := s.Bodies(c.ctx)
	if err != nil {
		return nil, err
	}
	for i := range bodies { // the exact name first; FindBody compares NameKeys
		if bodies[i].Name == name {
			return &bodies[i], nil
		}
	}
	d := rosterData{bodies: bodies}
	return d.body(name)
}

// needID checks that --id was given.
func needID(id string) error {
	if strings.TrimSpace(id) == "" {
		return usagef("缺少 --id 会议编号")
	}
	return nil
}

// meetingByID reads the meeting --id names. An id that is no meeting is
// told with where to find the ids, since they are long.
func (c *cli) meetingByID(s store.Store, id string) (store.Meeting, error) {
	u, err := uuid.Parse(strings.TrimSpace(id))
	if err != nil {
		return store.Meeting{}, usagef("选项 --id 的会议编号无效：%s", id)
	}
	m, err := s.Meeting(c.ctx, u)
	if errors.Is(err, store.ErrNotFound) {
		return m, failf("找不到编号为 %s 的会议（secdesk meeting list 列出各会议的编号）", id)
	}
	return m, err
}

// quorumOf is the quorum rule of the meeting's body; a meeting of no body
// (or of a body since deleted) counts by the default, more than half.
func (c *cli) quorumOf(s store.Store, m *store.Meeting) (store.Quorum, error) {
	if m.BodyID == uuid.Nil {
		return store.Quorum{}, nil
	}
	b, err := s.Body(c.ctx, m.BodyID)
	if errors.Is(err, store.ErrNotFound) {
		return store.Quorum{}, nil
	}
	return b.Quorum, err
}

// attendMeeting ticks one invitee's attendance, found by name as
// Meeting.FindInvitee finds them, and prints the counts after it.
func (c *cli) attendMeeting(args []string) error {
	fs, db := newFlags("meeting attend")
	id, name, state := fs.String("id", "", ""), fs.String("name", "", ""), fs.String("state", "", "")
	reason, proxy := fs.String("reason", "", ""), fs.String("proxy", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	if err := needID(*id); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" {
		return usagef("缺少 --name 参会人员姓名或单位")
	}
	st, ok := store.ParseAttendState(*state)
	if !ok || *state == "" {
		return usagef("选项 --state 的值无效：%s（可选：出席、请假、缺席、列席、委托）", *state)
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := c.meetingByID(s, *id)
	if err != nil {
		return err
	}
	v, err := m.FindInvitee(*name)
	if err != nil {
		return err
	}
	to := store.Attend{State: st, Reason: *reason, Proxy: *proxy}
	if m, err = s.SetAttend(c.ctx, m.ID, v.ID, v.Attend, to); err != nil {
		return err
	}
	q, err := c.quorumOf(s, &m)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已记录：%s %s", m.Invitee(v.ID).Label(), attendWord(m.Invitee(v.ID).Attend)))
	fmt.Fprintln(c.stdout, countLine(store.CountAttendance(&m, q)))
	return nil
}

// attendWord is the state in words, with whom a 委托 sent.
func attendWord(a store.Attend) string {
	w := msg.T(a.State.Word())
	if a.State == store.AttendProxy {
		w += "（" + a.Proxy + "）"
	}
	return w
}

// countLine is the attendance as the minutes and the sign-in desk say it:
// 应到45人，实到40人，请假3人，委托1人，缺席1人，达到法定人数（过半数，需23人）.
// Counts that are zero are left out, but 应到 and 实到 always stand.
func countLine(a store.Attendance) string {
	parts := []string{msg.Tf("应到%d人", a.Expected), msg.Tf("实到%d人", a.Present)}
	for _, p := range []struct {
		format string
		n      int
	}{{"请假%d人", a.Leave}, {"委托%d人", a.Proxy}, {"缺席%d人", a.Absent}, {"列席%d人", a.Guests}, {"未签到%d人", a.Unticked}} {
		if p.n > 0 {
			parts = append(parts, msg.Tf(p.format, p.n))
		}
	}
	quorum := msg.Tf("未达到法定人数（%s，需%d人）", msg.T(a.Rule.Rule.Word()), a.Needed())
	if a.Met() {
		quorum = msg.Tf("达到法定人数（%s，需%d人）", msg.T(a.Rule.Rule.Word()), a.Needed())
	}
	sep := "，"
	if msg.LanguageIsEnglish() {
		sep = ", "
	}
	return strings.Join(append(parts, quorum), sep)
}

// meetingVerbs are the meeting jobs, by the words after "meeting".
// They are dispatched here rather than in splitVerb because one of them
// ("replies import") is two words long.
var meetingVerbs = map[string]func(*cli, []string) error{
	"new":            (*cli).newMeeting,
	"list":           (*cli).listMeetings,
	"attend":         (*cli).attendMeeting,
	"replies import": (*cli).importReplies,
	"notice":         (*cli).notice,
	"minutes":        (*cli).minutes,
	"replyform":      (*cli).replyForm,
	"signin":         (*cli).signIn,
	"ledger":         (*cli).ledger,
}

// meeting runs the meeting verb its first words name.
func (c *cli) meeting(args []string) error {
	var words []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") && len(words) < 2 {
		words, args = append(words, args[0]), args[1:]
		if do, ok := meetingVerbs[strings.Join(words, " ")]; ok {
			return do(c, args)
		}
	}
	if len(words) == 0 {
		return usagef("缺少会议命令（new、list、attend、replies import、notice、replyform、signin、minutes、ledger）")
	}
	return usagef("未知的命令：%s", "meeting "+strings.Join(words, " "))
}
