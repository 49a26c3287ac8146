package demo

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// Meetings is the meeting file: the group's meetings of the two years
// before the demo's today and a few in preparation after it, in date
// order. Bodies, people and member units are named by name, as in the
// other two files.
type Meetings struct {
	Note     string    `json:"note"`
	Meetings []Meeting `json:"meetings"`
}

// Meeting is one meeting. Its invitees are Body's roster on Date (as
// store.CreateMeeting makes them; none for a meeting of no body), then
// Extra, then Guests (列席). Replies and Attend name invitees as
// store.Meeting.FindInvitee finds them: a person by name, a unit seat by
// its unit. Attend lists only the exceptions: every other invitee of a
// held meeting was present (a guest, 列席).
type Meeting struct {
	Title     string     `json:"title"`
	Kind      string     `json:"kind"`
	Body      string     `json:"body,omitempty"`
	Date      store.Date `json:"date"`
	Time      string     `json:"time,omitempty"`
	Place     string     `json:"place,omitempty"`
	Host      string     `json:"host,omitempty"`
	Recorder  string     `json:"recorder,omitempty"`
	Organiser string     `json:"organiser,omitempty"`
	Status    string     `json:"status"` // store.MeetingStatus
	Notice    Notice     `json:"notice"`
	Agenda    []Agenda   `json:"agenda,omitempty"`
	Extra     []Invitee  `json:"extra,omitempty"`
	Guests    []Invitee  `json:"guests,omitempty"`
	Replies   []Reply    `json:"replies,omitempty"`
	Attend    []Attend   `json:"attend,omitempty"`
	Minutes   string     `json:"minutes,omitempty"`
	Items     []Item     `json:"items,omitempty"`
}

// Notice is what the 会议通知 says beyond the meeting's fields.
type Notice struct {
	To           string     `json:"to,omitempty"`
	Purpose      string     `json:"purpose,omitempty"`
	ReplyBy      store.Date `json:"reply_by,omitzero"`
	Contact      string     `json:"contact,omitempty"`
	Requirements string     `json:"requirements,omitempty"`
	Date         store.Date `json:"date,omitzero"`
}

// Agenda is one agenda item, with the minutes' notes once held.
type Agenda struct {
	Text  string `json:"text"`
	Notes string `json:"notes,omitempty"`
}

// Invitee is someone invited by hand: a person of the roster file by
// name, or anyone else with their unit and title.
type Invitee struct {
	Name  string `json:"name"`
	Unit  string `json:"unit,omitempty"`
	Title string `json:"title,omitempty"`
}

// Reply is an invitee's answer to the notice (store.ReplyState).
type Reply struct {
	Name   string `json:"name"`
	State  string `json:"state"`
	Person string `json:"person,omitempty"`
	Reason string `json:"reason,omitempty"`
	Proxy  string `json:"proxy,omitempty"`
}

// Attend is an invitee's attendance other than present
// (store.AttendState).
type Attend struct {
	Name   string `json:"name"`
	State  string `json:"state"`
	Reason string `json:"reason,omitempty"`
	Proxy  string `json:"proxy,omitempty"`
}

// Item is an agreed item of the minutes; Lead and Units name member units
// (or bodies) by name.
type Item struct {
	Text  string     `json:"text"`
	Lead  string     `json:"lead"`
	Units []string   `json:"units,omitempty"`
	Owner string     `json:"owner,omitempty"`
	Due   store.Date `json:"due"`
	Done  store.Date `json:"done,omitzero"`
}

// meeting replays one meeting as the secretariat lived it: created with
// its notice and agenda, the replies as they came in, each attendance
// ticked at the door, then the minutes saved.
func (l *loader) meeting(dm Meeting) error {
	m, err := l.createMeeting(dm)
	if err != nil {
		return err
	}
	defer func() { l.meetings[dm.Title] = m }() // with its items' IDs, for the tasks made from them
	for _, r := range dm.Replies {
		v, err := m.FindInvitee(r.Name)
		if err != nil {
			return err
		}
		to := store.Reply{State: store.ReplyState(r.State), Person: r.Person, Reason: r.Reason, Proxy: r.Proxy}
		if m, err = l.s.SetReply(l.ctx, m.ID, v.ID, v.Reply, to); err != nil {
			return err
		}
	}
	if store.MeetingStatus(dm.Status) == store.MeetingHeld {
		if m, err = l.tickAll(m, dm.Attend); err != nil {
			return err
		}
	}
	if len(dm.Items) == 0 && dm.Minutes == "" {
		return nil
	}
	if len(m.Agenda) != len(dm.Agenda) {
		return fmt.Errorf("%d agenda items saved of %d", len(m.Agenda), len(dm.Agenda))
	}
	for i := range m.Agenda {
		m.Agenda[i].Notes = dm.Agenda[i].Notes
	}
	m.Minutes = dm.Minutes
	for _, it := range dm.Items {
		ai := store.AgreedItem{Text: it.Text, Lead: l.unitRef(it.Lead), Owner: it.Owner, Due: it.Due, Done: it.Done}
		for _, u := range it.Units {
			ai.Units = append(ai.Units, l.unitRef(u))
		}
		m.Items = append(m.Items, ai)
	}
	m, err = l.s.UpdateMeeting(l.ctx, m)
	return err
}

// createMeeting saves the meeting as first prepared. One with invitees by
// hand takes the body's roster first, as the window's form does.
func (l *loader) createMeeting(dm Meeting) (store.Meeting, error) {
	m := store.Meeting{Title: dm.Title, Kind: dm.Kind, BodyID: l.bodies[dm.Body], Date: dm.Date, Time: dm.Time,
		Place: dm.Place, Host: dm.Host, Recorder: dm.Recorder, Organiser: dm.Organiser,
		Status: store.MeetingStatus(dm.Status),
		Notice: store.Notice{To: dm.Notice.To, Purpose: dm.Notice.Purpose, ReplyBy: dm.Notice.ReplyBy,
			Contact: dm.Notice.Contact, Requirements: dm.Notice.Requirements, Date: dm.Notice.Date}}
	if dm.Body != "" && m.BodyID == uuid.Nil {
		return m, fmt.Errorf("no body %s", dm.Body)
	}
	for _, a := range dm.Agenda {
		m.Agenda = append(m.Agenda, store.AgendaItem{Text: a.Text})
	}
	if len(dm.Extra)+len(dm.Guests) > 0 && m.BodyID != uuid.Nil {
		var err error
		if m.Invitees, err = l.s.RosterInvitees(l.ctx, m.BodyID, m.Date); err != nil {
			return m, err
		}
	}
	for _, v := range dm.Extra {
		m.Invitees = append(m.Invitees, l.invitee(v, store.RoleExtra))
	}
	for _, v := range dm.Guests {
		m.Invitees = append(m.Invitees, l.invitee(v, store.RoleGuest))
	}
	return l.s.CreateMeeting(l.ctx, m)
}

// invitee is someone invited by hand, linked to their person record when
// the roster file has them.
func (l *loader) invitee(v Invitee, role store.InviteeRole) store.Invitee {
	in := store.Invitee{Role: role, Name: v.Name, Unit: v.Unit, Title: v.Title}
	if p, ok := l.persons[v.Name]; ok {
		in.PersonID, in.MemberID = l.people[v.Name], l.members[p.Member]
		in.Unit, in.Title, in.Phone = p.Member+p.Unit, p.Title, p.Mobile
	}
	return in
}

// tickAll ticks every invitee in the invitation's order, one tick each as
// at the sign-in desk: the exceptions as the file says, guests 列席, the
// rest 出席.
func (l *loader) tickAll(m store.Meeting, exceptions []Attend) (store.Meeting, error) {
	to := map[uuid.UUID]store.Attend{}
	for _, a := range exceptions {
		v, err := m.FindInvitee(a.Name)
		if err != nil {
			return m, err
		}
		to[v.ID] = store.Attend{State: store.AttendState(a.State), Reason: a.Reason, Proxy: a.Proxy}
	}
	ids := make([]uuid.UUID, len(m.Invitees))
	for i, v := range m.Invitees {
		ids[i] = v.ID
	}
	for _, id := range ids {
		v := m.Invitee(id)
		a, ok := to[id]
		switch {
		case ok:
		case v.Role == store.RoleGuest:
			a = store.Attend{State: store.AttendGuest}
		default:
			a = store.Attend{State: store.AttendPresent}
		}
		var err error
		if m, err = l.s.SetAttend(l.ctx, m.ID, id, v.Attend, a); err != nil {
			return m, fmt.Errorf("%s: %w", v.Label(), err)
		}
	}
	return m, nil
}

// unitRef names a member unit or a body; a name that is neither is kept
// as written.
func (l *loader) unitRef(name string) store.UnitRef {
	return store.UnitRef{MemberID: l.members[name], BodyID: l.bodies[name], Name: name}
}
