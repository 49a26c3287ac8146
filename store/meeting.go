package store

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Meeting (会议) is one meeting of the group: what, when and where, who was
// invited (a snapshot taken from a body's roster as of the meeting date,
// so a later change of the roster never changes who was invited), their
// replies and attendance, and the minutes (纪要) with the agreed items.
type Meeting struct {
	ID    uuid.UUID `json:"id"`
	Title string    `json:"title"`
	// Kind is the meeting type as the clerk names it (MeetingKindsOf).
	Kind string `json:"kind"`
	// BodyID is the body (and TermID its term on Date) the meeting
	// belongs to; zero for a meeting of no body (a 联席会议 of units).
	BodyID uuid.UUID `json:"body_id"`
	TermID uuid.UUID `json:"term_id"`
	Date   Date      `json:"date"`
	// Time is the starting time "09:30", or "".
	Time      string        `json:"time,omitempty"`
	Place     string        `json:"place,omitempty"`
	Host      string        `json:"host,omitempty"`      // 主持人
	Recorder  string        `json:"recorder,omitempty"`  // 记录
	Organiser string        `json:"organiser,omitempty"` // 承办（秘书处）
	Status    MeetingStatus `json:"status"`
	Agenda    []AgendaItem  `json:"agenda,omitempty"`
	Notice    Notice        `json:"notice"`
	Invitees  []Invitee     `json:"invitees,omitempty"`
	// Items are the agreed items (议定事项) of the minutes, numbered in
	// this order (一、二、…).
	Items []AgreedItem `json:"items,omitempty"`
	// Minutes is free text of the minutes besides the items (an opening
	// paragraph); the agenda items carry their own notes.
	Minutes string `json:"minutes,omitempty"`
	Note    string `json:"note,omitempty"`
	Stamp
}

// MeetingStatus is a meeting's state, as a persisted ASCII code.
type MeetingStatus string

const (
	MeetingPlanned   MeetingStatus = "planned"   // 筹备中
	MeetingHeld      MeetingStatus = "held"      // 已召开
	MeetingCancelled MeetingStatus = "cancelled" // 已取消
)

// MeetingStatuses are the states in the order the form offers them.
var MeetingStatuses = []MeetingStatus{MeetingPlanned, MeetingHeld, MeetingCancelled}

// DefaultMeetingKinds are the meeting types a new data file knows; the
// clerk edits the list under 系统 → 设置 (Settings.MeetingKinds).
var DefaultMeetingKinds = []string{
	"理事会", "常务理事会", "监事会", "秘书长办公会", "工作委员会会议", "联席会议", "季度调度会", "其他",
}

// MeetingKindsOf is the meeting-type list in force.
func MeetingKindsOf(s Settings) []string {
	if len(s.MeetingKinds) > 0 {
		return s.MeetingKinds
	}
	return DefaultMeetingKinds
}

// AgendaItem is one item of the agenda (议程) with the minutes' notes on it.
type AgendaItem struct {
	Text  string `json:"text"`
	Notes string `json:"notes,omitempty"`
}

// Notice is what the 会议通知 says beyond the meeting's own fields.
type Notice struct {
	// To is the 主送 line ("各理事单位"); empty means NoticeTo's default.
	To string `json:"to,omitempty"`
	// Purpose opens the notice ("为总结2026年工作，部署2027年重点任务").
	Purpose string `json:"purpose,omitempty"`
	// ReplyBy is the day replies are due (回执截止).
	ReplyBy Date `json:"reply_by"`
	// Contact is the contact person and phone ("张明，0536-8888888").
	Contact string `json:"contact,omitempty"`
	// Requirements are further paragraphs (有关要求), one per line.
	Requirements string `json:"requirements,omitempty"`
	// Signer is the 落款 (issuing office); empty means the group's name
	// and 秘书处.
	Signer string `json:"signer,omitempty"`
	// Date is the 成文日期; zero means the day the notice is printed.
	Date Date `json:"date"`
}

// InviteeRole is how an invitee came to be invited (persisted code).
type InviteeRole string

const (
	RoleSeat  InviteeRole = "seat"  // from the body's roster on the day
	RoleExtra InviteeRole = "extra" // added by hand; counts toward 应到
	RoleGuest InviteeRole = "guest" // 列席: attends without a seat, not 应到
)

// Invitee is one person or member unit invited, as they stood when the
// invitation was made: names are kept, not looked up again, so the
// printed papers of a past meeting never change.
type Invitee struct {
	ID       uuid.UUID   `json:"id"`
	Role     InviteeRole `json:"role"`
	SeatID   uuid.UUID   `json:"seat_id"`
	Position string      `json:"position,omitempty"`
	PersonID uuid.UUID   `json:"person_id"`
	MemberID uuid.UUID   `json:"member_id"`
	// IsUnit marks a unit seat: the unit is invited, Name is the person
	// who represented it on the day (may be "").
	IsUnit bool   `json:"is_unit,omitempty"`
	Name   string `json:"name,omitempty"`
	Unit   string `json:"unit,omitempty"`
	Title  string `json:"title,omitempty"`
	Phone  string `json:"phone,omitempty"`
	Reply  Reply  `json:"reply"`
	Attend Attend `json:"attend"`
}

// ReplyState is the answer to the notice (persisted code); "" is 未回复.
type ReplyState string

const (
	ReplyNone   ReplyState = ""
	ReplyAttend ReplyState = "attend" // 拟出席
	ReplyLeave  ReplyState = "leave"  // 请假
	ReplyProxy  ReplyState = "proxy"  // 委托
)

// ReplyStates are the answers in the order the form offers them.
var ReplyStates = []ReplyState{ReplyNone, ReplyAttend, ReplyLeave, ReplyProxy}

// Reply is an invitee's answer before the meeting: who will come (拟参会人,
// which may be someone else of the unit), or the reason for leave, or whom
// they send.
type Reply struct {
	State  ReplyState `json:"state,omitempty"`
	Person string     `json:"person,omitempty"` // 拟参会人
	Title  string     `json:"title,omitempty"`
	Phone  string     `json:"phone,omitempty"`
	Reason string     `json:"reason,omitempty"` // 请假事由
	Proxy  string     `json:"proxy,omitempty"`  // 委托人 (the one sent)
}

// AttendState is the attendance at the meeting (persisted code); "" is
// not yet ticked (未签到).
type AttendState string

const (
	AttendNone    AttendState = ""
	AttendPresent AttendState = "present" // 出席
	AttendLeave   AttendState = "leave"   // 请假
	AttendAbsent  AttendState = "absent"  // 缺席
	AttendGuest   AttendState = "guest"   // 列席
	AttendProxy   AttendState = "proxy"   // 委托 → Proxy
)

// AttendStates are the states in the order of the keys that tick them
// (1 出席, 2 请假, 3 缺席, 4 列席, 5 委托; 0 clears).
var AttendStates = []AttendState{AttendPresent, AttendLeave, AttendAbsent, AttendGuest, AttendProxy}

// Attend is the attendance of one invitee.
type Attend struct {
	State  AttendState `json:"state,omitempty"`
	Reason string      `json:"reason,omitempty"` // 请假事由
	Proxy  string      `json:"proxy,omitempty"`  // who came in their place
}

// AgreedItem is one agreed item (议定事项) of the minutes: the fields a
// supervised task needs, so that an item can become a task.
type AgreedItem struct {
	ID   uuid.UUID `json:"id"`
	Text string    `json:"text"`
	// Lead is the 牵头单位, Units the 责任单位 (member units or bodies).
	Lead  UnitRef   `json:"lead"`
	Units []UnitRef `json:"units,omitempty"`
	Owner string    `json:"owner,omitempty"` // 责任人
	Due   Date      `json:"due"`             // 完成时限
	// Done is the day the item was done, zero while open (set by the
	// supervision of its task, or by hand).
	Done Date `json:"done"`
	// TaskID is the supervised task the item became (转为督办任务).
	TaskID uuid.UUID `json:"task_id"`
}

// UnitRef names a member unit or a body; Name is kept as written, so a
// unit outside the register can be named too.
type UnitRef struct {
	MemberID uuid.UUID `json:"member_id"`
	BodyID   uuid.UUID `json:"body_id"`
	Name     string    `json:"name,omitempty"`
}

// Meeting fields as the clerk sees them.
const (
	FieldMeetingTitle  Field = "会议名称"
	FieldMeetingKind   Field = "会议类型"
	FieldMeetingDate   Field = "会议日期"
	FieldMeetingTime   Field = "会议时间"
	FieldMeetingPlace  Field = "会议地点"
	FieldMeetingStatus Field = "会议状态"
	FieldMeetingBody   Field = "所属机构"
	FieldInvitee       Field = "参会人员"
	FieldAttend        Field = "出席情况"
	FieldReply         Field = "回执"
	FieldProxy         Field = "委托人"
	FieldItemText      Field = "议定事项"
	FieldItemDue       Field = "完成时限"
	FieldAgenda        Field = "议程"
)

// Meeting problems.
const (
	ProblemBadTime         Problem = "应为“时:分”，如 09:30"
	ProblemInviteeTwice    Problem = "已在参会人员中"
	ProblemInviteeNotFound Problem = "不在本次会议的参会人员中"
	ProblemInviteeAmbig    Problem = "有多位同名参会人员，请写单位或改用编号"
	ProblemNeedProxy       Problem = "委托时须写明委托何人"
	ProblemGuestState      Problem = "列席人员只能记为列席或缺席"
	ProblemNotGuest        Problem = "只有列席人员可记为列席"
)

// MaxTitleRunes is the longest meeting title or item text's first line.
const MaxTitleRunes = 100

var clockTime = regexp.MustCompile(`^([01]?[0-9]|2[0-3])[:：]([0-5][0-9])$`)

// CheckMeetingTime checks a starting time as typed ("9:30", "09：30") and
// returns it as stored ("09:30"); "" is no time.
func CheckMeetingTime(s string) (string, error) {
	s = strings.TrimSpace(CleanCode(s))
	if s == "" {
		return "", nil
	}
	m := clockTime.FindStringSubmatch(s)
	if m == nil {
		return "", fieldErr(FieldMeetingTime, ProblemBadTime, s)
	}
	h := m[1]
	if len(h) == 1 {
		h = "0" + h
	}
	return h + ":" + m[2], nil
}

// Clean normalises the meeting's text in place.
func (m *Meeting) Clean() {
	m.Title, m.Kind, m.Place = CleanText(m.Title), CleanText(m.Kind), CleanText(m.Place)
	m.Host, m.Recorder, m.Organiser = CleanText(m.Host), CleanText(m.Recorder), CleanText(m.Organiser)
	if t, err := CheckMeetingTime(m.Time); err == nil {
		m.Time = t
	}
	if m.Status == "" {
		m.Status = MeetingPlanned
	}
	m.Notice.To, m.Notice.Contact = CleanText(m.Notice.To), CleanText(m.Notice.Contact)
	m.Notice.Signer, m.Notice.Purpose = CleanText(m.Notice.Signer), CleanText(m.Notice.Purpose)
	m.Agenda = slices.DeleteFunc(m.Agenda, func(a AgendaItem) bool {
		return CleanText(a.Text) == "" && strings.TrimSpace(a.Notes) == ""
	})
	for i := range m.Agenda {
		m.Agenda[i].Text = CleanText(m.Agenda[i].Text)
	}
	for i := range m.Invitees {
		v := &m.Invitees[i]
		v.Name, v.Unit, v.Title = CleanText(v.Name), CleanText(v.Unit), CleanText(v.Title)
		v.Attend.Proxy, v.Attend.Reason = CleanText(v.Attend.Proxy), CleanText(v.Attend.Reason)
		v.Reply.Proxy, v.Reply.Reason = CleanText(v.Reply.Proxy), CleanText(v.Reply.Reason)
		if v.Role == RoleGuest && v.Attend.State == AttendPresent {
			v.Attend.State = AttendGuest // a guest who came is 列席
		}
		if v.ID == uuid.Nil {
			v.ID = NewID()
		}
	}
	m.Items = slices.DeleteFunc(m.Items, func(a AgreedItem) bool { return strings.TrimSpace(a.Text) == "" })
	for i := range m.Items {
		it := &m.Items[i]
		it.Text, it.Owner, it.Lead.Name = strings.TrimSpace(it.Text), CleanText(it.Owner), CleanText(it.Lead.Name)
		if it.ID == uuid.Nil {
			it.ID = NewID()
		}
	}
}

// Validate checks a cleaned meeting.
func (m *Meeting) Validate() error {
	switch {
	case m.Title == "":
		return fieldErr(FieldMeetingTitle, ProblemRequired, "")
	case len([]rune(m.Title)) > MaxTitleRunes:
		return fieldErr(FieldMeetingTitle, ProblemTooLong, "")
	case m.Kind == "":
		return fieldErr(FieldMeetingKind, ProblemRequired, "")
	case m.Date.IsZero():
		return fieldErr(FieldMeetingDate, ProblemRequired, "")
	case !slices.Contains(MeetingStatuses, m.Status):
		return fieldErr(FieldMeetingStatus, ProblemBadChoice, string(m.Status))
	}
	if _, err := CheckMeetingTime(m.Time); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i := range m.Invitees {
		v := &m.Invitees[i]
		if err := v.validate(); err != nil {
			return err
		}
		if k := v.key(); k != "" {
			if seen[k] {
				return fieldErr(FieldInvitee, ProblemInviteeTwice, v.Label())
			}
			seen[k] = true
		}
	}
	return nil
}

func (v *Invitee) validate() error {
	switch {
	case v.Name == "" && v.Unit == "":
		return fieldErr(FieldInvitee, ProblemRequired, "")
	case v.Role != RoleSeat && v.Role != RoleExtra && v.Role != RoleGuest:
		return fieldErr(FieldInvitee, ProblemBadChoice, string(v.Role))
	}
	return v.Attend.check(v)
}

// check refuses an attendance that cannot be: a 委托 without whom, a 列席
// of an invitee with a seat, a guest 请假.
func (a Attend) check(v *Invitee) error {
	switch {
	case a.State != AttendNone && !slices.Contains(AttendStates, a.State):
		return fieldErr(FieldAttend, ProblemBadChoice, string(a.State))
	case a.State == AttendProxy && a.Proxy == "":
		return fieldErr(FieldProxy, ProblemNeedProxy, v.Label())
	case v.Role == RoleGuest && a.State != AttendNone && a.State != AttendGuest && a.State != AttendAbsent:
		return fieldErr(FieldAttend, ProblemGuestState, v.Label())
	case v.Role != RoleGuest && a.State == AttendGuest:
		return fieldErr(FieldAttend, ProblemNotGuest, v.Label())
	}
	return nil
}

// key identifies who an invitee is, for refusing the same one twice: the
// unit of a unit seat, else the person; "" for a name typed by hand.
func (v *Invitee) key() string {
	switch {
	case v.IsUnit && v.MemberID != uuid.Nil:
		return "u" + v.MemberID.String()
	case v.PersonID != uuid.Nil:
		return "p" + v.PersonID.String()
	}
	return ""
}

// Label names an invitee on one line: "潍坊职业学院（王强）", "李华".
func (v *Invitee) Label() string {
	switch {
	case v.IsUnit && v.Name != "":
		return v.Unit + "（" + v.Name + "）"
	case v.IsUnit:
		return v.Unit
	}
	return v.Name
}

// Counted reports whether the invitee counts toward 应到.
func (v *Invitee) Counted() bool { return v.Role != RoleGuest }

// Invitee returns the invitee with the given ID, or nil.
func (m *Meeting) Invitee(id uuid.UUID) *Invitee {
	for i := range m.Invitees {
		if m.Invitees[i].ID == id {
			return &m.Invitees[i]
		}
	}
	return nil
}

// FindInvitee finds the invitee a clerk names on the command line: by
// person name, unit name or "单位（姓名）"; a name that fits several is
// refused rather than guessed.
func (m *Meeting) FindInvitee(name string) (*Invitee, error) {
	name = CleanText(name)
	var found []*Invitee
	for i := range m.Invitees {
		v := &m.Invitees[i]
		if v.Name == name || v.Unit == name && v.IsUnit || v.Label() == name {
			found = append(found, v)
		}
	}
	switch len(found) {
	case 0:
		return nil, fieldErr(FieldInvitee, ProblemInviteeNotFound, name)
	case 1:
		return found[0], nil
	}
	return nil, fieldErr(FieldInvitee, ProblemInviteeAmbig, name)
}

// Clone copies m deeply, so a form can change the copy and throw it away.
func (m Meeting) Clone() Meeting {
	m.Agenda = slices.Clone(m.Agenda)
	m.Invitees = slices.Clone(m.Invitees)
	m.Items = slices.Clone(m.Items)
	for i := range m.Items {
		m.Items[i].Units = slices.Clone(m.Items[i].Units)
	}
	return m
}

// Started is when the meeting starts, at midnight when it has no time.
func (m *Meeting) Started() time.Time {
	t := m.Date.Time()
	if hm, err := time.Parse("15:04", m.Time); err == nil {
		t = t.Add(time.Duration(hm.Hour())*time.Hour + time.Duration(hm.Minute())*time.Minute)
	}
	return t
}

// HasMinutes reports whether anything of the minutes is written.
func (m *Meeting) HasMinutes() bool {
	if len(m.Items) > 0 || strings.TrimSpace(m.Minutes) != "" {
		return true
	}
	for _, a := range m.Agenda {
		if strings.TrimSpace(a.Notes) != "" {
			return true
		}
	}
	return false
}

// ItemsDone counts the agreed items done.
func (m *Meeting) ItemsDone() int {
	n := 0
	for _, it := range m.Items {
		if !it.Done.IsZero() {
			n++
		}
	}
	return n
}
