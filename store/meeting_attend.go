package store

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// QuorumRule is a body's rule for how many of 应到 must be present
// (persisted code); "" is more than half.
type QuorumRule string

const (
	QuorumHalf      QuorumRule = ""           // 过半数
	QuorumTwoThirds QuorumRule = "two_thirds" // 三分之二以上
)

// QuorumRules are the rules the body form offers.
var QuorumRules = []QuorumRule{QuorumHalf, QuorumTwoThirds}

// Quorum is a body's quorum setting. ProxyNotPresent is unset by default:
// most councils count a unit that sends someone (委托) as present.
type Quorum struct {
	Rule            QuorumRule `json:"rule,omitempty"`
	ProxyNotPresent bool       `json:"proxy_not_present,omitempty"`
}

// InviteesFromRoster lists the invitees of a meeting of body b on day d:
// every holder on the body's roster that day, in the roster's print
// order, one line per person or unit (a holder of two seats is invited
// once, under the first).
func InviteesFromRoster(b *Body, d Date, dir Directory) []Invitee {
	r := BuildRoster(b, d, dir)
	var out []Invitee
	seen := map[string]bool{}
	for _, l := range r.Lines() {
		v := inviteeOf(b, d, l)
		if k := v.key(); k != "" && seen[k] {
			continue
		} else if k != "" {
			seen[k] = true
		}
		out = append(out, v)
	}
	return out
}

func inviteeOf(b *Body, d Date, l RosterLine) Invitee {
	v := Invitee{ID: NewID(), Role: RoleSeat, SeatID: l.SeatID, Position: l.Position,
		IsUnit: l.IsUnit, Name: l.Name, Unit: l.Unit, Title: l.Title, Phone: l.Phone}
	if t := b.TermOn(d); t != nil {
		if s := t.Seat(l.SeatID); s != nil {
			v.MemberID, v.PersonID = s.MemberID, s.PersonID
			if rep, ok := s.RepOn(d); ok && s.MemberID != uuid.Nil {
				v.PersonID = rep.PersonID
			}
		}
	}
	return v
}

// MergeInvitees takes a fresh list from the roster (after the clerk
// changed the date or the body of a meeting in preparation) and keeps
// what is known of those still invited: their replies and attendance.
// Invitees added by hand and guests stay; seat invitees no longer on the
// roster go.
func (m *Meeting) MergeInvitees(fresh []Invitee) {
	old := map[string]*Invitee{}
	var kept []Invitee
	for i := range m.Invitees {
		v := &m.Invitees[i]
		if v.Role != RoleSeat {
			kept = append(kept, *v)
		} else if k := v.key(); k != "" {
			old[k] = v
		}
	}
	out := make([]Invitee, 0, len(fresh)+len(kept))
	for _, v := range fresh {
		if o := old[v.key()]; o != nil && v.key() != "" {
			v.ID, v.Reply, v.Attend = o.ID, o.Reply, o.Attend
		}
		out = append(out, v)
	}
	m.Invitees = append(out, kept...)
}

// Attendance counts a meeting's attendance under a body's quorum rule:
// 应到 (every invitee but guests), 实到, 请假, 委托, 缺席, 列席, and those
// not ticked yet.
type Attendance struct {
	Expected, Present, Leave, Proxy, Absent, Guests, Unticked int
	Rule                                                      Quorum
}

// CountAttendance counts m's attendance under rule q.
func CountAttendance(m *Meeting, q Quorum) Attendance {
	a := Attendance{Rule: q}
	for i := range m.Invitees {
		v := &m.Invitees[i]
		if !v.Counted() {
			if v.Attend.State == AttendGuest {
				a.Guests++
			}
			continue
		}
		a.Expected++
		switch v.Attend.State {
		case AttendPresent:
			a.Present++
		case AttendProxy:
			a.Proxy++
			if !q.ProxyNotPresent {
				a.Present++
			}
		case AttendLeave:
			a.Leave++
		case AttendAbsent:
			a.Absent++
		default:
			a.Unticked++
		}
	}
	return a
}

// Met reports whether the quorum holds: more than half of 应到 present,
// or at least two thirds. A meeting with nobody expected has no quorum
// to meet.
func (a Attendance) Met() bool {
	if a.Expected == 0 {
		return false
	}
	if a.Rule.Rule == QuorumTwoThirds {
		return a.Present*3 >= a.Expected*2
	}
	return a.Present*2 > a.Expected
}

// Needed is how many present the quorum needs.
func (a Attendance) Needed() int {
	if a.Rule.Rule == QuorumTwoThirds {
		return (a.Expected*2 + 2) / 3
	}
	return a.Expected/2 + 1
}

// MinutesLines are the 出席：/请假：/列席： lines of the minutes, from the
// recorded attendance: units and names in the invitation's order, a unit
// with the person who came ("潍坊职业学院王强"), a 委托 as "某某（委托某某）".
// Absentees are not named (the standard's lines are these three).
type MinutesLines struct {
	Present, Leave, Guests []string
}

// AttendanceLines writes the minutes' lines of m.
func AttendanceLines(m *Meeting) MinutesLines {
	var l MinutesLines
	for i := range m.Invitees {
		v := &m.Invitees[i]
		switch v.Attend.State {
		case AttendPresent:
			l.Present = append(l.Present, v.minutesName())
		case AttendProxy:
			l.Present = append(l.Present, fmt.Sprintf("%s（委托%s）", v.minutesName(), v.Attend.Proxy))
		case AttendLeave:
			l.Leave = append(l.Leave, v.minutesName())
		case AttendGuest:
			l.Guests = append(l.Guests, v.minutesName())
		}
	}
	return l
}

// minutesName is how the minutes name an invitee: the person, after the
// unit for a unit seat or a person of another unit ("潍坊职业学院王强").
func (v *Invitee) minutesName() string {
	switch {
	case v.IsUnit && v.Name != "":
		return v.Unit + v.Name
	case v.IsUnit:
		return v.Unit
	}
	return v.Name
}

// NoticeTo is the 主送 line of the notice: the clerk's own, or one written
// from the body ("各理事会成员：") or, for a meeting of no body, 各成员单位.
func NoticeTo(m *Meeting, body *Body) string {
	if m.Notice.To != "" {
		return strings.TrimSuffix(m.Notice.To, "：")
	}
	if body != nil {
		return "各" + body.Name + "成员"
	}
	return "各成员单位"
}

// NoticeSigner is the notice's 落款: the clerk's own, or the group's
// secretariat.
func NoticeSigner(m *Meeting, s Settings) string {
	return cmp.Or(m.Notice.Signer, cmp.Or(CleanText(s.GroupName), DefaultGroupName)+"秘书处")
}
