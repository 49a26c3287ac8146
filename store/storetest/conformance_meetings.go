package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// MustMeeting creates m through s or fails the test.
func MustMeeting(t testing.TB, s store.Store, m store.Meeting) store.Meeting {
	t.Helper()
	got, err := s.CreateMeeting(t.Context(), m)
	if err != nil {
		t.Fatalf("CreateMeeting %s: %v", m.Title, err)
	}
	return got
}

func (h *harness) meeting(id uuid.UUID) store.Meeting {
	h.t.Helper()
	m, err := h.s.Meeting(h.ctx, id)
	h.must(err)
	return m
}

// inviteeLabels lists the invitees as "position 单位 姓名 职务".
func inviteeLabels(m store.Meeting) []string {
	var out []string
	for _, v := range m.Invitees {
		out = append(out, v.Position+" "+v.Unit+" "+v.Name+" "+v.Title)
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %q, want %q", what, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s line %d: %q, want %q", what, i, got[i], want[i])
		}
	}
}

// testMeetingsFromRoster: a meeting of a body invites its roster as of the
// meeting's date — before and after a representative changes and a seat
// is replaced — and a later change of the roster never changes who was
// invited.
func testMeetingsFromRoster(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	early := MustMeeting(t, h.s, store.Meeting{Title: " 第一届理事会第一次会议 ", Kind: "理事会", BodyID: f.Council.ID,
		Date: Date(2021, 3, 20), Time: "9:30", Place: "潍坊职业学院"})
	if early.Title != "第一届理事会第一次会议" || early.Time != "09:30" || early.Status != store.MeetingPlanned ||
		early.TermID != f.Term || early.ID.Version() != 7 || early.Rev != 1 {
		t.Fatalf("created %+v", early)
	}
	sameLines(t, "2021 invitees", inviteeLabels(early), []string{
		"理事长 潍坊职业学院 张成刚 校长", "理事 山东海化集团有限公司 王威 董事长"})
	if v := early.Invitees[1]; !v.IsUnit || v.MemberID != f.Co.ID || v.PersonID != f.Wang.ID || v.Role != store.RoleSeat || v.SeatID != f.UnitSeat {
		t.Fatalf("unit invitee %+v", v)
	}
	b := f.Council
	h.must(b.ChangeRep(f.Term, f.UnitSeat, Date(2021, 6, 1), f.Zhao.ID, "总经理"))
	b = h.save(b, store.BodyChange{Op: store.RepChanged, TermID: f.Term, SeatID: f.UnitSeat})
	next, err := b.ReplaceHolder(f.Term, f.Chair, Date(2022, 1, 1), store.SeatHolder{PersonID: f.Li.ID, Title: "部长"})
	h.must(err)
	h.save(b, store.BodyChange{Op: store.SeatReplaced, TermID: f.Term, SeatID: next.ID, FromSeatID: f.Chair})

	late := MustMeeting(t, h.s, store.Meeting{Title: "理事会2022年会议", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2022, 3, 1)})
	sameLines(t, "2022 invitees", inviteeLabels(late), []string{
		"理事长 区委宣传部 李建华 部长", "理事 山东海化集团有限公司 赵敏 总经理"})
	got, err := h.s.RosterInvitees(h.ctx, f.Council.ID, Date(2021, 3, 20))
	h.must(err)
	sameLines(t, "RosterInvitees 2021", inviteeLabels(store.Meeting{Invitees: got}), inviteeLabels(early))
	h.reopen()
	// The early meeting still invites whom it invited then.
	sameLines(t, "2021 invitees after the roster changed", inviteeLabels(h.meeting(early.ID)), inviteeLabels(early))

	// A meeting of no body, and one before the body's first term, invite
	// nobody; a body that does not exist is refused.
	none := MustMeeting(t, h.s, store.Meeting{Title: "联席会议", Kind: "联席会议", Date: Date(2022, 5, 1)})
	before := MustMeeting(t, h.s, store.Meeting{Title: "筹备会", Kind: "其他", BodyID: f.Council.ID, Date: Date(2019, 5, 1)})
	if len(none.Invitees) != 0 || len(before.Invitees) != 0 || before.TermID != uuid.Nil {
		t.Fatalf("invitees %d, %d, term %s", len(none.Invitees), len(before.Invitees), before.TermID)
	}
	// A meeting created with another's ID gets its own.
	if again := MustMeeting(t, h.s, store.Meeting{ID: none.ID, Title: "又一次", Kind: "其他", Date: Date(2022, 5, 2)}); again.ID == none.ID {
		t.Fatal("CreateMeeting kept the caller's ID")
	}
	if got := h.meeting(none.ID); got.Title != "联席会议" {
		t.Fatalf("the first meeting became %q", got.Title)
	}
	state := h.state()
	_, err = h.s.CreateMeeting(h.ctx, store.Meeting{Title: "x", Kind: "其他", BodyID: store.NewID(), Date: Date(2022, 5, 1)})
	WantFieldError(t, err, store.FieldMeetingBody, store.ProblemParentMissing)
	_, err = h.s.CreateMeeting(h.ctx, store.Meeting{Title: "x", Kind: "其他", Date: Date(2022, 5, 1), Time: "25:00"})
	WantFieldError(t, err, store.FieldMeetingTime, store.ProblemBadTime)
	_, err = h.s.CreateMeeting(h.ctx, store.Meeting{Title: " ", Kind: "其他", Date: Date(2022, 5, 1)})
	WantFieldError(t, err, store.FieldMeetingTitle, store.ProblemRequired)
	_, err = h.s.CreateMeeting(h.ctx, store.Meeting{Title: "x", Kind: "其他"})
	WantFieldError(t, err, store.FieldMeetingDate, store.ProblemRequired)
	h.unchanged(state, "a refused meeting")
}

// testMeetingsAttend ticks attendance one invitee at a time: each tick
// checks the state the clerk saw, so two doors never overwrite each other.
func testMeetingsAttend(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	m := MustMeeting(t, h.s, store.Meeting{Title: "理事会会议", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2021, 3, 20)})
	m.Invitees = append(m.Invitees,
		store.Invitee{Role: store.RoleExtra, Name: "孙丽", Unit: "市教育局", Title: "科长"},
		store.Invitee{Role: store.RoleGuest, Name: "周强", Unit: "市人社局", Title: "处长"})
	m, err := h.s.UpdateMeeting(h.ctx, m)
	h.must(err)
	chair, unit, extra, guest := m.Invitees[0].ID, m.Invitees[1].ID, m.Invitees[2].ID, m.Invitees[3].ID

	tick := func(id uuid.UUID, from, to store.Attend) store.Meeting {
		t.Helper()
		got, err := h.s.SetAttend(h.ctx, m.ID, id, from, to)
		h.must(err)
		return got
	}
	tick(chair, store.Attend{}, store.Attend{State: store.AttendPresent})
	tick(unit, store.Attend{}, store.Attend{State: store.AttendProxy, Proxy: "刘洋"})
	tick(guest, store.Attend{}, store.Attend{State: store.AttendPresent}) // a guest who came is 列席
	m = tick(extra, store.Attend{}, store.Attend{State: store.AttendLeave, Reason: "出差"})
	if g := m.Invitee(guest).Attend.State; g != store.AttendGuest {
		t.Fatalf("guest ticked present is %q, want guest", g)
	}
	a := store.CountAttendance(&m, f.Council.Quorum)
	if a != (store.Attendance{Expected: 3, Present: 2, Leave: 1, Proxy: 1, Guests: 1}) || !a.Met() {
		t.Fatalf("counted %+v met %v", a, a.Met())
	}
	// Another clerk ticked the chair meanwhile: a tick from the old state
	// is refused and names the invitee.
	state := h.state()
	_, err = h.s.SetAttend(h.ctx, m.ID, chair, store.Attend{}, store.Attend{State: store.AttendAbsent})
	WantConflict(t, err, store.KindMeeting, "张成刚", clerk+"@"+pc, m.Updated)
	_, err = h.s.SetAttend(h.ctx, m.ID, unit, m.Invitee(unit).Attend, store.Attend{State: store.AttendProxy})
	WantFieldError(t, err, store.FieldProxy, store.ProblemNeedProxy)
	_, err = h.s.SetAttend(h.ctx, m.ID, chair, m.Invitee(chair).Attend, store.Attend{State: store.AttendGuest})
	WantFieldError(t, err, store.FieldAttend, store.ProblemNotGuest)
	_, err = h.s.SetAttend(h.ctx, m.ID, guest, m.Invitee(guest).Attend, store.Attend{State: store.AttendLeave})
	WantFieldError(t, err, store.FieldAttend, store.ProblemGuestState)
	_, err = h.s.SetAttend(h.ctx, m.ID, store.NewID(), store.Attend{}, store.Attend{State: store.AttendPresent})
	WantFieldError(t, err, store.FieldInvitee, store.ProblemInviteeNotFound)
	if _, err := h.s.SetAttend(h.ctx, store.NewID(), chair, store.Attend{}, store.Attend{}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown meeting: %v", err)
	}
	h.unchanged(state, "a refused tick")
	h.reopen()
	m = h.meeting(m.ID)
	lines := store.AttendanceLines(&m)
	sameLines(t, "出席", lines.Present, []string{"张成刚", "山东海化集团有限公司王威（委托刘洋）"})
	sameLines(t, "请假", lines.Leave, []string{"孙丽"})
	sameLines(t, "列席", lines.Guests, []string{"周强"})
	compareAudit(t, h.audit(store.AuditQuery{RecordID: m.ID, Limit: 2}), []auditWant{
		{store.ActionAttend, store.KindMeeting, "签到 理事会会议：孙丽 请假"},
		{store.ActionAttend, store.KindMeeting, "签到 理事会会议：周强 列席"},
	})
}

// testMeetingsUpdate saves a meeting whole: a stale save is refused with
// who changed it, an invitee twice is refused, and the minutes persist.
func testMeetingsUpdate(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	m := MustMeeting(t, h.s, store.Meeting{Title: "常务理事会", Kind: "常务理事会", BodyID: f.Council.ID, Date: Date(2021, 3, 20)})
	stale := m.Clone()
	m.Status = store.MeetingHeld
	m.Agenda = []store.AgendaItem{{Text: "听取秘书处工作报告", Notes: "会议听取并审议通过。"}, {Text: " "}}
	m.Items = []store.AgreedItem{{Text: "修订人才培养方案", Lead: store.UnitRef{MemberID: f.WF.ID, Name: "潍坊职业学院"},
		Units: []store.UnitRef{{MemberID: f.Co.ID, Name: "山东海化集团有限公司"}}, Owner: "张成刚", Due: Date(2021, 6, 30)}, {Text: "  "}}
	m, err := h.s.UpdateMeeting(h.ctx, m)
	h.must(err)
	if len(m.Agenda) != 1 || len(m.Items) != 1 || m.Items[0].ID == uuid.Nil || m.Rev != 2 || !m.HasMinutes() {
		t.Fatalf("saved %+v", m)
	}
	audit := h.audit(store.AuditQuery{RecordID: m.ID, Limit: 1})
	compareAudit(t, audit, []auditWant{{store.ActionUpdate, store.KindMeeting,
		"修改会议 常务理事会：状态 筹备中→已召开，议程，纪要（议定事项 1 项）"}})

	state := h.state()
	stale.Place = "别处"
	_, err = h.s.UpdateMeeting(h.ctx, stale)
	WantConflict(t, err, store.KindMeeting, "常务理事会", clerk+"@"+pc, m.Updated)
	twice := m.Clone()
	twice.Invitees = append(twice.Invitees, twice.Invitees[0])
	twice.Invitees[len(twice.Invitees)-1].ID = store.NewID()
	_, err = h.s.UpdateMeeting(h.ctx, twice)
	WantFieldErrorDetail(t, err, store.FieldInvitee, store.ProblemInviteeTwice, "张成刚")
	h.unchanged(state, "a refused meeting save")

	h.reopen()
	got := h.meeting(m.ID)
	if got.Items[0].Lead.MemberID != f.WF.ID || got.Items[0].Units[0].Name != "山东海化集团有限公司" ||
		!got.Items[0].Due.Equal(Date(2021, 6, 30)) || got.Agenda[0].Notes != "会议听取并审议通过。" || got.Rev != 2 {
		t.Fatalf("reopened %+v", got)
	}
}

// testMeetingsReplies: returned reply forms change the replies all or
// nothing, and a reply changed meanwhile is not overwritten.
func testMeetingsReplies(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	m := MustMeeting(t, h.s, store.Meeting{Title: "理事会会议", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2021, 3, 20)})
	other := MustMeeting(t, h.s, store.Meeting{Title: "另一次会议", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2021, 4, 20)})
	chair, unit := m.Invitees[0], m.Invitees[1]
	rows := []store.ReplyRow{
		{File: "a.xlsx", Row: 4, MeetingID: m.ID, InviteeID: chair.ID, Unit: chair.Unit, Name: chair.Name, Answer: "是", Person: "张成刚", Phone: "13805361234"},
		{File: "b.xlsx", Row: 4, MeetingID: m.ID, InviteeID: unit.ID, Unit: unit.Unit, Name: unit.Name, Answer: "委托", Proxy: "刘洋"},
	}
	bad := append(rows[:2:2], store.ReplyRow{File: "c.xlsx", Row: 5, MeetingID: other.ID, InviteeID: other.Invitees[0].ID,
		Unit: other.Invitees[0].Unit, Name: other.Invitees[0].Name, Answer: "是"})
	state := h.state()
	plan := store.PlanReplies(&m, bad)
	_, err := h.s.ApplyReplies(h.ctx, plan)
	WantFieldError(t, err, store.FieldReply, store.ProblemWrongMeeting)
	h.unchanged(state, "a reply plan with an error")

	plan = store.PlanReplies(&m, rows)
	n, err := h.s.ApplyReplies(h.ctx, plan)
	if err != nil || n != 2 {
		t.Fatalf("applied %d, %v", n, err)
	}
	got := h.meeting(m.ID)
	if r := got.Invitee(chair.ID).Reply; r.State != store.ReplyAttend || r.Phone != "13805361234" {
		t.Fatalf("chair reply %+v", r)
	}
	if r := got.Invitee(unit.ID).Reply; r.State != store.ReplyProxy || r.Proxy != "刘洋" {
		t.Fatalf("unit reply %+v", r)
	}
	// The same plan again finds the replies changed since it was made.
	state = h.state()
	_, err = h.s.ApplyReplies(h.ctx, plan)
	WantConflict(t, err, store.KindMeeting, chair.Name, clerk+"@"+pc, got.Updated)
	h.unchanged(state, "a stale reply plan")
	// One reply by hand.
	got, err = h.s.SetReply(h.ctx, m.ID, chair.ID, got.Invitee(chair.ID).Reply, store.Reply{State: store.ReplyLeave, Reason: "出差"})
	h.must(err)
	compareAudit(t, h.audit(store.AuditQuery{RecordID: m.ID, Limit: 2}), []auditWant{
		{store.ActionReply, store.KindMeeting, "回执 理事会会议：张成刚 请假"},
		{store.ActionReply, store.KindMeeting, "导入回执 理事会会议：2 份"},
	})
}

// testMeetingsListDelete: the list filters and orders by date; a deleted
// meeting goes to the trash and comes back whole.
func testMeetingsListDelete(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	a := MustMeeting(t, h.s, store.Meeting{Title: "B", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2022, 3, 1), Time: "14:00"})
	MustMeeting(t, h.s, store.Meeting{Title: "A", Kind: "联席会议", Date: Date(2021, 3, 1)})
	MustMeeting(t, h.s, store.Meeting{Title: "C", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2022, 3, 1), Time: "09:00"})
	titles := func(f store.MeetingFilter) string {
		ms, err := h.s.Meetings(h.ctx, f)
		h.must(err)
		s := ""
		for _, m := range ms {
			s += m.Title
		}
		return s
	}
	for f, want := range map[store.MeetingFilter]string{
		{}:                         "ACB",
		{Kind: "理事会"}:              "CB",
		{BodyID: f.Council.ID}:     "CB",
		{Since: Date(2022, 1, 1)}:  "CB",
		{Until: Date(2022, 2, 28)}: "A",
		{Since: Date(2022, 3, 1), Until: Date(2022, 3, 1)}: "CB",
	} {
		if got := titles(f); got != want {
			t.Errorf("Meetings(%+v) = %q, want %q", f, got, want)
		}
	}
	h.must(h.s.DeleteMeeting(h.ctx, a.ID))
	if got := titles(store.MeetingFilter{}); got != "AC" {
		t.Fatalf("after delete %q", got)
	}
	h.must(h.s.Restore(h.ctx, a.ID))
	h.reopen()
	back := h.meeting(a.ID)
	if back.Title != "B" || len(back.Invitees) != 2 || back.Rev != a.Rev+1 {
		t.Fatalf("restored %+v", back)
	}
}
