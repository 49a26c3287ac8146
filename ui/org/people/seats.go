package people

import (
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// The 人员 tab shows and counts every seat of every body and term by the
// person who held it (store.SeatsByPerson). It is derived from the bodies
// on each load rather than stored, so it never disagrees with the rosters.

// heldOn counts the seats of a person's list held on day d.
func heldOn(seats []store.HeldSeat, d store.Date) int {
	n := 0
	for i := range seats {
		if seats[i].ActiveOn(d) {
			n++
		}
	}
	return n
}

// seatPosition is the seat's position as the detail panel shows it; a
// seat held for a member unit names the unit.
func seatPosition(s *store.HeldSeat, members map[uuid.UUID]*store.Member) string {
	if s.ForUnit == uuid.Nil {
		return s.Position
	}
	unit := ""
	if m := members[s.ForUnit]; m != nil {
		unit = m.Name
	}
	return msg.Tf("%s（代表%s）", s.Position, unit)
}

// seatPeriod is 任职日期—离任日期, or 至今 while held.
func seatPeriod(s *store.HeldSeat) string {
	end := msg.T("至今")
	if !s.End.IsZero() {
		end = s.End.String()
	}
	return s.Start.String() + " — " + end
}
