package dashboard

import (
	"context"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// collection is the progress of an open indicator collection round: the
// units in the register at the year's end, and how many returned.
type collection struct {
	year            int
	returned, total int
}

// openCollection finds the open round of last year or this year (the
// newer first) and counts its returns; ok is false with none open.
func openCollection(ctx context.Context, s store.Store, members []store.Member, today store.Date) (collection, bool, error) {
	for _, year := range []int{today.Year(), today.Year() - 1} {
		rounds, err := s.Rounds(ctx, year)
		if err != nil {
			return collection{}, false, err
		}
		var open *store.CollectionRound
		for i := range rounds {
			if rounds[i].Closed.IsZero() {
				open = &rounds[i]
			}
		}
		if open == nil {
			continue
		}
		values, err := s.UnitValues(ctx, year)
		if err != nil {
			return collection{}, false, err
		}
		return countReturns(open, members, values), true, nil
	}
	return collection{}, false, nil
}

// countReturns counts the units in the register at the round's year end
// and those of them whose return of the round was imported.
func countReturns(r *store.CollectionRound, members []store.Member, values []store.UnitValues) collection {
	c := collection{year: r.Year}
	end := store.NewDate(r.Year, 12, 31)
	returned := map[[16]byte]bool{}
	for i := range values {
		if values[i].Returned(r.ID) {
			returned[values[i].MemberID] = true
		}
	}
	for i := range members {
		if members[i].StateOn(end).Status == store.StatusActive {
			c.total++
			if returned[members[i].ID] {
				c.returned++
			}
		}
	}
	return c
}

// collectionText is the dashboard's line of the round.
func collectionText(c collection) string {
	return msg.Tf("%d年指标填报：已交 %d / 共 %d 家，未交 %d 家", c.year, c.returned, c.total, c.total-c.returned)
}
