package store

import (
	"errors"
	"testing"

	"github.com/google/uuid"
)

// tenInvited is a meeting of ten seat invitees and one guest, with
// attendance 5 出席, 1 委托, 2 请假, 1 缺席, 1 not ticked, the guest 列席.
func tenInvited() Meeting {
	var m Meeting
	states := []AttendState{AttendPresent, AttendPresent, AttendPresent, AttendPresent, AttendPresent,
		AttendProxy, AttendLeave, AttendLeave, AttendAbsent, AttendNone}
	for i, st := range states {
		m.Invitees = append(m.Invitees, Invitee{ID: NewID(), Role: RoleSeat, Name: string(rune('甲' + i)),
			Attend: Attend{State: st, Proxy: map[bool]string{true: "刘洋"}[st == AttendProxy]}})
	}
	m.Invitees = append(m.Invitees, Invitee{ID: NewID(), Role: RoleGuest, Name: "周强", Attend: Attend{State: AttendGuest}})
	return m
}

func TestCountAttendanceAndQuorum(t *testing.T) {
	m := tenInvited()
	cases := []struct {
		q              Quorum
		present, needs int
		met            bool
	}{
		{Quorum{}, 6, 6, true},                       // 6 of 10 is more than half
		{Quorum{ProxyNotPresent: true}, 5, 6, false}, // 5 of 10 is not
		{Quorum{Rule: QuorumTwoThirds}, 6, 7, false}, // two thirds of 10 needs 7
		{Quorum{Rule: QuorumTwoThirds, ProxyNotPresent: true}, 5, 7, false},
	}
	for _, c := range cases {
		a := CountAttendance(&m, c.q)
		if a.Expected != 10 || a.Present != c.present || a.Proxy != 1 || a.Leave != 2 || a.Absent != 1 ||
			a.Unticked != 1 || a.Guests != 1 || a.Met() != c.met || a.Needed() != c.needs {
			t.Errorf("%+v: %+v met %v needs %d", c.q, a, a.Met(), a.Needed())
		}
	}
	// Two thirds exactly holds; half exactly does not.
	six := Attendance{Expected: 9, Present: 6, Rule: Quorum{Rule: QuorumTwoThirds}}
	half := Attendance{Expected: 10, Present: 5}
	if !six.Met() || half.Met() || (Attendance{}).Met() {
		t.Fatalf("6/9 two thirds %v, 5/10 half %v, empty %v", six.Met(), half.Met(), Attendance{}.Met())
	}
}

func TestAttendanceLines(t *testing.T) {
	m := Meeting{Invitees: []Invitee{
		{Role: RoleSeat, IsUnit: true, Unit: "潍坊职业学院", Name: "王强", Attend: Attend{State: AttendPresent}},
		{Role: RoleSeat, IsUnit: true, Unit: "山东海化集团有限公司", Name: "赵敏", Attend: Attend{State: AttendProxy, Proxy: "刘洋"}},
		{Role: RoleSeat, Name: "张成刚", Attend: Attend{State: AttendLeave, Reason: "出差"}},
		{Role: RoleSeat, Name: "李华", Attend: Attend{State: AttendAbsent}},
		{Role: RoleGuest, Name: "周强", Unit: "市教育局", Attend: Attend{State: AttendGuest}},
	}}
	l := AttendanceLines(&m)
	want := MinutesLines{Present: []string{"潍坊职业学院王强", "山东海化集团有限公司赵敏（委托刘洋）"},
		Leave: []string{"张成刚"}, Guests: []string{"周强"}}
	if !equalStrings(l.Present, want.Present) || !equalStrings(l.Leave, want.Leave) || !equalStrings(l.Guests, want.Guests) {
		t.Fatalf("lines %+v, want %+v", l, want)
	}
}

// TestMergeInvitees: regenerating from the roster keeps what is known of
// those still invited and the people added by hand.
func TestMergeInvitees(t *testing.T) {
	p1, p2, p3 := NewID(), NewID(), NewID()
	m := Meeting{Invitees: []Invitee{
		{ID: NewID(), Role: RoleSeat, PersonID: p1, Name: "甲", Reply: Reply{State: ReplyAttend}},
		{ID: NewID(), Role: RoleSeat, PersonID: p2, Name: "乙", Reply: Reply{State: ReplyLeave}},
		{ID: NewID(), Role: RoleGuest, Name: "丙"},
	}}
	keepID := m.Invitees[0].ID
	m.MergeInvitees([]Invitee{{ID: NewID(), Role: RoleSeat, PersonID: p1, Name: "甲"}, {ID: NewID(), Role: RoleSeat, PersonID: p3, Name: "丁"}})
	if len(m.Invitees) != 3 || m.Invitees[0].ID != keepID || m.Invitees[0].Reply.State != ReplyAttend ||
		m.Invitees[1].Name != "丁" || m.Invitees[1].Reply.State != ReplyNone || m.Invitees[2].Name != "丙" {
		t.Fatalf("merged %+v", m.Invitees)
	}
}

func TestCheckMeetingTime(t *testing.T) {
	for in, want := range map[string]string{"9:30": "09:30", "09：30": "09:30", " 14:05 ": "14:05", "": ""} {
		if got, err := CheckMeetingTime(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"24:00", "9.30", "上午", "9:3"} {
		if _, err := CheckMeetingTime(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestFindInvitee(t *testing.T) {
	m := Meeting{Invitees: []Invitee{
		{ID: NewID(), IsUnit: true, Unit: "潍坊职业学院", Name: "王强"},
		{ID: NewID(), Name: "王强", Unit: "市教育局"},
		{ID: NewID(), Name: "张成刚"},
	}}
	if v, err := m.FindInvitee(" 张成刚 "); err != nil || v.ID != m.Invitees[2].ID {
		t.Fatalf("张成刚: %v %v", v, err)
	}
	if v, err := m.FindInvitee("潍坊职业学院"); err != nil || v.ID != m.Invitees[0].ID {
		t.Fatalf("unit: %v %v", v, err)
	}
	if v, err := m.FindInvitee("潍坊职业学院（王强）"); err != nil || v.ID != m.Invitees[0].ID {
		t.Fatalf("label: %v %v", v, err)
	}
	if _, err := m.FindInvitee("王强"); !isProblem(err, ProblemInviteeAmbig) {
		t.Fatalf("ambiguous: %v", err)
	}
	if _, err := m.FindInvitee("李四"); !isProblem(err, ProblemInviteeNotFound) {
		t.Fatalf("unknown: %v", err)
	}
}

func isProblem(err error, p Problem) bool {
	fe, ok := AsFieldError(err)
	return ok && fe.Problem == p
}

// TestPlanReplies: rows are matched by id; wrong meeting, unknown
// invitee, edited protected cells, two replies and a bad answer are row
// errors; an empty row keeps what was recorded.
func TestPlanReplies(t *testing.T) {
	m := Meeting{ID: NewID(), Title: "理事会", Invitees: []Invitee{
		{ID: NewID(), Role: RoleSeat, IsUnit: true, Unit: "潍坊职业学院", Name: "王强", Reply: Reply{State: ReplyAttend, Person: "王强"}},
		{ID: NewID(), Role: RoleSeat, Name: "张成刚", Unit: "市教育局"},
	}}
	u, p := m.Invitees[0], m.Invitees[1]
	row := func(file string, r int, id uuid.UUID, unit, name, answer string) ReplyRow {
		return ReplyRow{File: file, Row: r, MeetingID: m.ID, InviteeID: id, Unit: unit, Name: name, Answer: answer}
	}
	other := row("x.xlsx", 4, p.ID, p.Unit, p.Name, "是")
	other.MeetingID = NewID()
	proxy := row("b.xlsx", 5, p.ID, p.Unit, p.Name, "委托")
	proxy.Proxy = "刘洋"
	cases := []struct {
		rows    []ReplyRow
		problem Problem
		to      ReplyState
	}{
		{[]ReplyRow{row("a.xlsx", 4, u.ID, u.Unit, u.Name, "")}, "", ReplyAttend},
		{[]ReplyRow{row("a.xlsx", 4, u.ID, u.Unit, u.Name, "否")}, "", ReplyLeave},
		{[]ReplyRow{proxy}, "", ReplyProxy},
		{[]ReplyRow{row("b.xlsx", 5, p.ID, p.Unit, p.Name, "委托")}, ProblemNeedProxy, ""},
		{[]ReplyRow{row("b.xlsx", 5, p.ID, p.Unit, p.Name, "也许")}, ProblemBadAnswer, ""},
		{[]ReplyRow{other}, ProblemWrongMeeting, ""},
		{[]ReplyRow{row("a.xlsx", 4, NewID(), u.Unit, u.Name, "是")}, ProblemInviteeNotFound, ""},
		{[]ReplyRow{row("a.xlsx", 4, u.ID, "潍坊学院", u.Name, "是")}, ProblemProtectedEdited, ""},
		{[]ReplyRow{row("a.xlsx", 4, u.ID, u.Unit, u.Name, "是"), row("c.xlsx", 4, u.ID, u.Unit, u.Name, "否")}, ProblemReplyTwice, ""},
	}
	for i, c := range cases {
		plan := PlanReplies(&m, c.rows)
		err := plan.FirstError()
		if c.problem != "" {
			var re *ReplyRowError
			if !isProblem(err, c.problem) || !errors.As(err, &re) || re.File == "" {
				t.Errorf("case %d: %v, want %s", i, err, c.problem)
			}
			continue
		}
		if err != nil || plan.Rows[0].To.State != c.to {
			t.Errorf("case %d: %v, reply %+v", i, err, plan.Rows[0].To)
		}
	}
	if ch, un, bad := PlanReplies(&m, []ReplyRow{row("a.xlsx", 4, u.ID, u.Unit, u.Name, "")}).Counts(); ch != 0 || un != 1 || bad != 0 {
		t.Fatalf("an empty row: %d changed, %d unchanged, %d errors", ch, un, bad)
	}
}

func TestMeetingValidate(t *testing.T) {
	m := Meeting{Title: "会", Kind: "其他", Date: NewDate(2026, 1, 5), Invitees: []Invitee{{Role: RoleSeat, Name: "甲",
		Attend: Attend{State: AttendProxy}}}}
	m.Clean()
	if err := m.Validate(); !isProblem(err, ProblemNeedProxy) {
		t.Fatalf("proxy without whom: %v", err)
	}
	m.Invitees[0].Attend = Attend{State: "late"}
	if err := m.Validate(); !isProblem(err, ProblemBadChoice) {
		t.Fatalf("unknown state: %v", err)
	}
	m.Invitees[0].Attend, m.Status = Attend{}, "done"
	if err := m.Validate(); !isProblem(err, ProblemBadChoice) {
		t.Fatalf("unknown status: %v", err)
	}
}

func TestNoticeDefaults(t *testing.T) {
	b := &Body{Name: "理事会"}
	if got := NoticeTo(&Meeting{}, b); got != "各理事会成员" {
		t.Fatal(got)
	}
	if got := NoticeTo(&Meeting{Notice: Notice{To: "各理事单位："}}, b); got != "各理事单位" {
		t.Fatal(got)
	}
	if got := NoticeSigner(&Meeting{}, Settings{GroupName: "潍海市化工职业教育集团"}); got != "潍海市化工职业教育集团秘书处" {
		t.Fatal(got)
	}
}

func TestMeetingWhen(t *testing.T) {
	for tm, want := range map[string]string{"09:30": "2026年12月10日（星期四）上午9:30", "14:00": "2026年12月10日（星期四）下午2:00",
		"12:15": "2026年12月10日（星期四）中午12:15", "": "2026年12月10日（星期四）"} {
		m := Meeting{Date: NewDate(2026, 12, 10), Time: tm}
		if got := m.When(); got != want {
			t.Errorf("%q: %q, want %q", tm, got, want)
		}
	}
}
