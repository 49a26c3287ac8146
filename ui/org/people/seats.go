package people

import (
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// heldSeat is one place a person held or holds on a body: a seat of their
// own, or a member unit's seat they sat in for the unit (ForUnit).
type heldSeat struct {
	Body     string
	Term     int
	Position string
	Title    string
	ForUnit  uuid.UUID
	Start    store.Date
	End      store.Date // exclusive; zero while held
}

// activeOn reports whether the seat is held on day d.
func (s *heldSeat) activeOn(d store.Date) bool {
	return !d.Before(s.Start) && (s.End.IsZero() || d.Before(s.End))
}

// personSeats is every seat of every body and term, by the person who
// held it: what the 人员 tab shows and counts. It is derived from the
// bodies on each load rather than stored, so it never disagrees with the
// rosters.
type personSeats map[uuid.UUID][]heldSeat

// seatsByPerson walks the bodies in creation order, their terms in order
// and the seats as recorded, so each person's list reads as a history.
func seatsByPerson(bodies []store.Body) personSeats {
	out := personSeats{}
	for bi := range bodies {
		b := &bodies[bi]
		for ti := range b.Terms {
			t := &b.Terms[ti]
			for si := range t.Seats {
				out.addSeat(b.Name, t.Number, &t.Seats[si])
			}
		}
	}
	return out
}

func (ps personSeats) addSeat(body string, term int, s *store.Seat) {
	if s.PersonID != uuid.Nil {
		ps[s.PersonID] = append(ps[s.PersonID], heldSeat{Body: body, Term: term, Position: s.Position,
			Title: s.Title, Start: s.Start, End: s.End})
	}
	for _, r := range s.Reps {
		if r.PersonID != uuid.Nil {
			ps[r.PersonID] = append(ps[r.PersonID], heldSeat{Body: body, Term: term, Position: s.Position,
				Title: r.Title, ForUnit: s.MemberID, Start: r.Start, End: r.End})
		}
	}
}

// heldOn counts the seats person id holds on day d.
func (ps personSeats) heldOn(id uuid.UUID, d store.Date) int {
	n := 0
	for i := range ps[id] {
		if ps[id][i].activeOn(d) {
			n++
		}
	}
	return n
}

// position is the seat's position as the detail panel shows it; a seat
// held for a member unit names the unit.
func (s *heldSeat) position(members map[uuid.UUID]*store.Member) string {
	if s.ForUnit == uuid.Nil {
		return s.Position
	}
	unit := ""
	if m := members[s.ForUnit]; m != nil {
		unit = m.Name
	}
	return msg.Tf("%s（代表%s）", s.Position, unit)
}

// period is 任职日期—离任日期, or 至今 while held.
func (s *heldSeat) period() string {
	end := msg.T("至今")
	if !s.End.IsZero() {
		end = s.End.String()
	}
	return s.Start.String() + " — " + end
}
