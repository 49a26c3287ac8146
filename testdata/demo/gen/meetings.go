package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// mgen turns the meeting plan into the file's form: who was invited on
// each day (from the same holdings the roster file was written from), who
// sent apologies or a proxy, the minutes' items with their deadlines.
type mgen struct {
	r        *registry
	bodies   map[string]bodySpec
	contact  string
	recorder string
}

// leaveReasons are the reasons a 请假 gives.
var leaveReasons = []string{"参加省教育厅工作会议", "外出招生宣传", "赴外地出差", "因公出国", "身体原因",
	"企业生产装置检修，无法离岗", "迎接上级部门检查", "参加学校教学评估工作"}

func meetings(r *registry, mf demo.Members) demo.Meetings {
	g := &mgen{r: r, bodies: map[string]bodySpec{}, recorder: r.newName("recorder")}
	for _, b := range bodies() {
		g.bodies[b.name] = b
	}
	for _, m := range mf.Members {
		if m.Name == lead {
			g.contact = "宋雪梅，" + m.Phone
		}
	}
	f := demo.Meetings{Note: "虚构的演示数据：会议、人员和议定事项均为编造，如有雷同纯属巧合。"}
	for _, ms := range meetingPlan() {
		f.Meetings = append(f.Meetings, g.meeting(ms))
	}
	return f
}

func (g *mgen) meeting(ms mspec) demo.Meeting {
	d := day(ms.date)
	m := demo.Meeting{Title: ms.title, Kind: ms.kind, Body: ms.body, Date: d, Time: ms.time, Place: ms.place,
		Host: g.person(ms.host, ms.date), Recorder: g.recorder, Organiser: "集团秘书处", Status: string(store.MeetingHeld),
		Notice: g.notice(ms, d)}
	for _, a := range ms.agenda {
		m.Agenda = append(m.Agenda, demo.Agenda{Text: a.text})
	}
	for _, role := range ms.extra {
		m.Extra = append(m.Extra, demo.Invitee{Name: g.person(role, ms.date)})
	}
	for _, role := range ms.guests {
		m.Guests = append(m.Guests, demo.Invitee{Name: g.person(role, ms.date)})
	}
	invited := g.invited(ms)
	if ms.planned {
		m.Status = string(store.MeetingPlanned)
		m.Replies = g.replies(ms, invited)
		return m
	}
	m.Attend = g.attendance(ms, invited, m.Host)
	if ms.noMinutes {
		return m
	}
	for i, a := range ms.agenda {
		m.Agenda[i].Notes = a.notes
	}
	m.Minutes = g.minutes(ms, m.Host)
	for _, it := range ms.items {
		m.Items = append(m.Items, g.item(ms, it))
	}
	return m
}

// person is who holds a role ("unit|role") on day d.
func (g *mgen) person(role, d string) string {
	unit, r, _ := strings.Cut(role, "|")
	p, _ := g.r.holder(unit, r, d)
	return p
}

func (g *mgen) notice(ms mspec, d store.Date) demo.Notice {
	if ms.kind == "秘书长办公会" || ms.kind == "季度调度会" {
		return demo.Notice{Date: d.AddDays(-7), Contact: g.contact}
	}
	n := demo.Notice{Purpose: ms.purpose, ReplyBy: d.AddDays(-5), Contact: g.contact, Date: d.AddDays(-10)}
	switch {
	case ms.kind == "理事会":
		n.Date = d.AddDays(-14)
		n.Requirements = "请各理事于回执截止日前将参会回执报送秘书处，因故不能出席的请书面请假或委托本单位负责同志参会。\n请参会人员于会前15分钟到达会场签到。"
	case ms.body == "":
		n.To = "各位委员"
	}
	return n
}

// invitee is one name the meeting invites as FindInvitee finds it, and
// the person who would come for it.
// seat marks one from the body's roster (not invited by hand).
type invitee struct {
	name, person string
	seat         bool
}

// invited lists who the meeting invites, in the roster's way: the body's
// holders that day (a holder of two seats once), then those invited by
// hand. Guests are left out: they are ticked 列席 and reply nothing.
func (g *mgen) invited(ms mspec) []invitee {
	var out []invitee
	seen := map[string]bool{}
	add := func(v invitee) {
		if !seen[v.name] {
			seen[v.name] = true
			out = append(out, v)
		}
	}
	if b, ok := g.bodies[ms.body]; ok {
		for _, h := range b.at(g.r, ms.date) {
			add(invitee{h.holderName(), h.person, true})
		}
	}
	for _, role := range ms.extra {
		p := g.person(role, ms.date)
		add(invitee{p, p, false})
	}
	return out
}

// settled are the invitees whose seat did not change on the meeting's
// day, so the file's exceptions name no one the store might not yet (or
// no longer) have on that day's roster.
func (g *mgen) settled(ms mspec, vs []invitee) []invitee {
	before := map[string]bool{}
	if b, ok := g.bodies[ms.body]; ok {
		for _, h := range b.at(g.r, day(ms.date).AddDays(-1).String()) {
			before[h.holderName()] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(vs), func(v invitee) bool {
		return v.seat && !before[v.name]
	})
}

// attendance picks the few who were not present: about one in twelve on
// leave with a reason, a 委托 now and then at the larger meetings, rarely
// an absence. The host was present.
func (g *mgen) attendance(ms mspec, vs []invitee, host string) []demo.Attend {
	var out []demo.Attend
	leave, proxy, absent := max(1, len(vs)/10), len(vs)/20, 1
	for _, v := range g.settled(ms, vs) {
		if v.name == host || v.person == host {
			continue
		}
		h := hash(ms.title, v.name, "attend") % 100
		switch {
		case h < 8 && leave > 0 && (len(vs) >= 10 || h < 3): // a small office meeting is rarely short
			leave--
			out = append(out, demo.Attend{Name: v.name, State: string(store.AttendLeave), Reason: pick(leaveReasons, ms.title, v.name)})
		case h >= 90 && h < 94 && proxy > 0:
			proxy--
			out = append(out, demo.Attend{Name: v.name, State: string(store.AttendProxy), Proxy: g.r.newName("proxy", ms.title, v.name)})
		case h == 99 && len(vs) >= 10 && absent > 0:
			absent--
			out = append(out, demo.Attend{Name: v.name, State: string(store.AttendAbsent)})
		}
	}
	return out
}

// replies are the answers already in for a meeting in preparation: about
// half have replied, most that they will come.
func (g *mgen) replies(ms mspec, vs []invitee) []demo.Reply {
	var out []demo.Reply
	for _, v := range g.settled(ms, vs) {
		h := hash(ms.title, v.name, "reply") % 100
		switch {
		case h >= 55:
		case h < 42:
			out = append(out, demo.Reply{Name: v.name, State: string(store.ReplyAttend), Person: v.person})
		case h < 51:
			out = append(out, demo.Reply{Name: v.name, State: string(store.ReplyLeave), Reason: pick(leaveReasons, ms.title, v.name)})
		default:
			out = append(out, demo.Reply{Name: v.name, State: string(store.ReplyProxy), Proxy: g.r.newName("proxy", ms.title, v.name)})
		}
	}
	return out
}

// minutes is the opening paragraph of the 纪要 (store/docx adds the
// agenda's notes, "现将会议议定事项纪要如下：" and the items after it).
func (g *mgen) minutes(ms mspec, host string) string {
	when := "上午"
	if ms.time >= "12:00" {
		when = "下午"
	}
	who := ms.body + "成员"
	switch {
	case ms.kind == "季度调度会":
		who = "秘书处和各牵头单位有关负责同志"
	case ms.body == "":
		who = "委员会委员"
	}
	texts := make([]string, len(ms.agenda))
	for i, a := range ms.agenda {
		texts[i] = a.text
	}
	return fmt.Sprintf("%s%s，%s在%s召开。会议由%s%s主持，%s参加会议。会议按议程%s。",
		day(ms.date).Chinese(), when, ms.title, ms.place, hostTitle(ms), host, who, strings.Join(texts, "，"))
}

// hostTitle is the post the minutes give the host.
func hostTitle(ms mspec) string {
	switch {
	case ms.host == execChair && ms.body == "专业建设指导委员会":
		return "主任"
	case ms.host == chair:
		return "理事长"
	case ms.host == execChair:
		return "执行理事长"
	case ms.host == secGen:
		return "秘书长"
	case ms.host == coop:
		return "副秘书长"
	}
	return "委员会副主任"
}

// item writes an agreed item with its deadline, the end of a month, in
// its text as the minutes say it; those due before the demo's today are
// mostly done, a few later ones done early.
func (g *mgen) item(ms mspec, it itemSpec) demo.Item {
	d := day(ms.date)
	due := store.NewDate(d.Year(), d.Month()+time.Month(it.months)+1, 1).AddDays(-1)
	when := fmt.Sprintf("%d月底", due.Month())
	if due.Year() != d.Year() {
		when = fmt.Sprintf("%d年%d月底", due.Year(), due.Month())
	}
	out := demo.Item{Text: fmt.Sprintf("由%s牵头，于%s前%s。", it.lead, when, it.task), Lead: it.lead, Units: it.units,
		Owner: g.owner(it.lead, ms.date), Due: due}
	today := day(demoToday)
	h := hash(ms.title, it.task, "done") % 100
	switch {
	case !due.After(today) && h < 75:
		out.Done = latest(due.AddDays(-int(h%25)), d.AddDays(7))
	case due.After(today) && h < 20:
		if done := d.AddDays(14 + int(h)); !done.After(today) {
			out.Done = done
		}
	}
	return out
}

func latest(a, b store.Date) store.Date {
	if a.After(b) {
		return a
	}
	return b
}

// owner is the 责任人 a lead unit names: the secretariat's 秘书长 for the
// lead college, the association's 副秘书长, else the unit's expert.
func (g *mgen) owner(unit, d string) string {
	switch unit {
	case lead:
		return g.person(secGen, d)
	case "潍海市化工行业协会":
		return g.person(role(unit, rDeputy), d)
	}
	return g.person(role(unit, rExpert), d)
}

// checkMeetings checks what the loader relies on: the bodies and the
// people invited by hand exist, lead and responsible units are members
// or bodies, and each meeting is one the store accepts.
func checkMeetings(f demo.Meetings, mf demo.Members, rf demo.Rosters) error {
	known := map[string]bool{}
	for _, m := range mf.Members {
		known[m.Name] = true
	}
	for _, b := range rf.Bodies {
		known[b.Name] = true
	}
	people := map[string]bool{}
	for _, p := range rf.People {
		people[p.Name] = true
	}
	for _, m := range f.Meetings {
		if err := checkMeeting(m, known, people); err != nil {
			return fmt.Errorf("%s: %v", m.Title, err)
		}
	}
	if n := len(f.Meetings); n < 25 || n > 50 {
		return fmt.Errorf("%d meetings, want 25–50", n)
	}
	return nil
}

func checkMeeting(m demo.Meeting, known, people map[string]bool) error {
	sm := store.Meeting{Title: m.Title, Kind: m.Kind, Date: m.Date, Time: m.Time, Status: store.MeetingStatus(m.Status)}
	sm.Clean()
	if err := sm.Validate(); err != nil {
		return err
	}
	if m.Body != "" && !known[m.Body] {
		return fmt.Errorf("no body %s", m.Body)
	}
	for _, v := range slices.Concat(m.Extra, m.Guests) {
		if !people[v.Name] {
			return fmt.Errorf("invitee %s is not in the roster file", v.Name)
		}
	}
	for _, it := range m.Items {
		for _, u := range append([]string{it.Lead}, it.Units...) {
			if !known[u] {
				return fmt.Errorf("item names %s, neither a member nor a body", u)
			}
		}
		if !it.Done.IsZero() && (it.Done.Before(m.Date) || it.Done.After(day(demoToday))) {
			return fmt.Errorf("item done on %s", it.Done)
		}
	}
	if past := m.Date.String() <= demoToday; past != (m.Status == string(store.MeetingHeld)) {
		return fmt.Errorf("status %s on %s", m.Status, m.Date)
	}
	return nil
}
