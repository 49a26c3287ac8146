package storetest

import (
	"fmt"
	"time"

	"github.com/secdesk/secdesk/store"
)

// history gives m 1–4 events in date order within First..Last: sometimes
// an application first, always an admission, then tier changes, exits and
// rejoins, as a register of a decade looks. Each event goes through
// Member.AddEvent, so the history obeys the same rules as a clerk's.
func (g *generator) history(m *store.Member) {
	want := 1 + g.rng.IntN(4)
	totalDays := int(Last.Time().Sub(First.Time()).Hours() / 24)
	day := First.AddDays(g.rng.IntN(totalDays - 60))
	if want > 1 && g.rng.IntN(5) == 0 {
		g.add(m, store.Event{Kind: store.EventApply, Date: day})
		day = day.AddDays(14 + g.rng.IntN(60))
	}
	g.add(m, store.Event{Kind: store.EventJoin, Date: minDate(day, Last), Tier: g.tier(), Basis: g.basis(day)})
	for len(m.Events) < want {
		day = m.LastEventDate().AddDays(30 + g.rng.IntN(1200))
		if day.After(Last) {
			return
		}
		g.add(m, g.nextEvent(m, day))
	}
}

// nextEvent is what happens to m on day: a member in the register changes
// tier or leaves; one that left is admitted again.
func (g *generator) nextEvent(m *store.Member, day store.Date) store.Event {
	st := m.StateOn(day)
	if st.Status != store.StatusActive {
		return store.Event{Kind: store.EventJoin, Date: day, Tier: g.tier(), Basis: g.basis(day)}
	}
	if g.rng.IntN(10) < 6 {
		tier := g.tier()
		for tier == st.Tier {
			tier = g.tier()
		}
		return store.Event{Kind: store.EventTier, Date: day, Tier: tier, Basis: g.basis(day)}
	}
	return store.Event{Kind: store.EventExit, Date: day,
		ExitKind: store.ExitKinds[g.rng.IntN(len(store.ExitKinds))], Reason: g.pick(exitReasons)}
}

// add records e as a clerk would have on its date, during office hours.
// The generator only makes events the rules allow, so an error is a bug.
func (g *generator) add(m *store.Member, e store.Event) {
	recorded := time.Date(e.Date.Year(), e.Date.Month(), e.Date.Day(), 9+g.rng.IntN(8), g.rng.IntN(60), g.rng.IntN(60), 0, cst)
	e.ID = g.uuidAt(recorded)
	if err := m.AddEvent(e, recorded); err != nil {
		panic(fmt.Sprintf("storetest: generated an invalid event %+v for %s: %v", e, m.Name, err))
	}
}

// tier draws a 会员类别: few 理事长/副理事长单位, most 理事单位 and 成员单位.
func (g *generator) tier() store.Tier {
	r := g.rng.IntN(100)
	switch {
	case r < 1:
		return store.Tiers[0]
	case r < 6:
		return store.Tiers[1]
	case r < 20:
		return store.Tiers[2]
	case r < 50:
		return store.Tiers[3]
	}
	return store.Tiers[4]
}

// basis is the approving meeting or document: 理事会 meetings are yearly,
// with a new 届 every five years from 2010.
func (g *generator) basis(day store.Date) string {
	if g.rng.IntN(4) == 0 {
		return fmt.Sprintf("集团秘书处〔%d〕%d号", day.Year(), 1+g.rng.IntN(40))
	}
	term := 1 + (day.Year()-2010)/5
	session := 1 + (day.Year()-2010)%5
	return fmt.Sprintf("第%s届理事会第%s次会议", store.ChineseNumber(term), store.ChineseNumber(session))
}

func minDate(a, b store.Date) store.Date {
	if a.After(b) {
		return b
	}
	return a
}
