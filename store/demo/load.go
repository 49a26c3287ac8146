package demo

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// Store is what Load calls.
type Store interface {
	store.MemberStore
	store.RosterStore
	store.MeetingStore
	store.TaskStore
	store.IndicatorStore
	store.SettingsStore
}

// Load fills a store with the sample group without its meetings: its
// member units, then its people and bodies, then the group's name. It
// replays the history as a clerk would have recorded it, one step at a
// time through the same methods the window uses, so the audit log reads
// like years of real use. The caller makes sure the store is new: the
// demo must never mix with a real register. The settings are marked Demo.
func Load(ctx context.Context, s Store, m Members, r Rosters) error {
	return LoadData(ctx, s, Data{Members: m, Rosters: r}, nil)
}

// LoadWithProgress is Load telling progress (if not nil) how far it got,
// from 0 to 1, after each member unit, person and body.
func LoadWithProgress(ctx context.Context, s Store, m Members, r Rosters, progress func(float64)) error {
	return LoadData(ctx, s, Data{Members: m, Rosters: r}, progress)
}

// LoadData is LoadWithProgress for the whole demo: after the bodies, it
// replays the meetings too (created, replies, attendance ticked one by
// one, minutes), then the year of supervision (tasks opened, inspected,
// extended, finished; dispatches; flags recorded) in date order,
// telling progress after each meeting and each of the tasks' actions;
// then the years of indicators (catalogue, round, returns, filing),
// telling progress after each year.
func LoadData(ctx context.Context, s Store, d Data, progress func(float64)) error {
	m, r := d.Members, d.Rosters
	l := &loader{ctx: ctx, s: s, people: map[string]uuid.UUID{}, members: map[string]uuid.UUID{},
		bodies: map[string]uuid.UUID{}, persons: map[string]Person{}, meetings: map[string]store.Meeting{},
		tasks: map[string]uuid.UUID{}, extensions: map[string]uuid.UUID{}}
	actions := l.taskActions(d.Tasks)
	total, done := len(m.Members)+len(r.People)+len(r.Bodies)+len(d.Meetings.Meetings)+len(actions)+len(d.Indicators.Years)+1, 0
	step := func() {
		done++
		if progress != nil {
			progress(float64(done) / float64(total))
		}
	}
	for _, dm := range m.Members {
		if err := l.member(dm); err != nil {
			return fmt.Errorf("%s: %w", dm.Name, err)
		}
		step()
	}
	for _, dp := range r.People {
		p, err := s.CreatePerson(ctx, store.Person{Name: dp.Name, Gender: dp.Gender, MemberID: l.members[dp.Member],
			Unit: dp.Unit, Title: dp.Title, Mobile: dp.Mobile, LeftOn: dp.LeftOn})
		if err != nil {
			return fmt.Errorf("%s: %w", dp.Name, err)
		}
		l.people[dp.Name], l.persons[dp.Name] = p.ID, dp
		step()
	}
	for _, db := range r.Bodies {
		if err := l.body(db); err != nil {
			return fmt.Errorf("%s: %w", db.Name, err)
		}
		step()
	}
	for _, dm := range d.Meetings.Meetings {
		if err := l.meeting(dm); err != nil {
			return fmt.Errorf("%s: %w", dm.Title, err)
		}
		step()
	}
	for _, a := range actions {
		if err := a.do(); err != nil {
			return fmt.Errorf("%s %s: %w", a.date, a.what, err)
		}
		step()
	}
	for _, y := range d.Indicators.Years {
		if err := l.indicatorYear(y); err != nil {
			return fmt.Errorf("%d年指标: %w", y.Year, err)
		}
		step()
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	set.GroupName, set.Demo = m.GroupName, true
	if err := s.SaveSettings(ctx, set); err != nil {
		return err
	}
	step()
	return nil
}

// loader turns the files' names into the IDs the store gave.
type loader struct {
	ctx     context.Context
	s       Store
	people  map[string]uuid.UUID
	members map[string]uuid.UUID
	bodies  map[string]uuid.UUID
	persons map[string]Person // the roster file's people, for invitees by hand
	// meetings are the meetings by title, tasks the tasks' IDs by number,
	// extensions the IDs of requests by "number#index".
	meetings   map[string]store.Meeting
	tasks      map[string]uuid.UUID
	extensions map[string]uuid.UUID
}

// member creates the unit with its application and admission, then
// records each later step on its own.
func (l *loader) member(dm Member) error {
	m := store.Member{Name: dm.Name, CreditCode: dm.CreditCode, Type: store.UnitType(dm.Type),
		Province: dm.Province, City: dm.City, Address: dm.Address, Contact: dm.Contact,
		Phone: dm.Phone, Email: dm.Email, Note: dm.Note}
	first := firstJoin(dm.Events) + 1
	for _, e := range dm.Events[:first] {
		m.Events = append(m.Events, e.event())
	}
	m, err := l.s.CreateMember(l.ctx, m)
	if err != nil {
		return err
	}
	l.members[m.Name] = m.ID
	for _, e := range dm.Events[first:] {
		if _, err := l.s.AddEvent(l.ctx, m.ID, e.event()); err != nil {
			return err
		}
	}
	return nil
}

// firstJoin is the index of the first admission, or the last event's if
// the unit has only applied.
func firstJoin(es []Event) int {
	for i, e := range es {
		if store.EventKind(e.Kind) == store.EventJoin {
			return i
		}
	}
	return len(es) - 1
}

func (e Event) event() store.Event {
	return store.Event{Kind: store.EventKind(e.Kind), Date: e.Date, Tier: store.Tier(e.Tier), Basis: e.Basis,
		ExitKind: store.ExitKind(e.ExitKind), Reason: e.Reason}
}

// body creates the body, then replays its terms and their changes, saving
// after each step so the audit log tells the story as it happened.
func (l *loader) body(db Body) error {
	b, err := l.s.CreateBody(l.ctx, store.Body{Name: db.Name, Type: store.BodyType(db.Type), ParentID: l.bodies[db.Parent],
		Ordering: store.Ordering(db.Ordering), Note: db.Note})
	if err != nil {
		return err
	}
	l.bodies[db.Name] = b.ID
	for _, t := range db.Terms {
		ch, err := l.startTerm(&b, t)
		if err == nil {
			b, err = l.s.SaveBody(l.ctx, b, ch)
		}
		if err != nil {
			return fmt.Errorf("第%d届: %w", t.Number, err)
		}
		for _, c := range t.Changes {
			ch, err := l.change(&b, c)
			if err == nil {
				b, err = l.s.SaveBody(l.ctx, b, ch)
			}
			if err != nil {
				return fmt.Errorf("%s %s: %w", c.Date, c.Kind, err)
			}
		}
	}
	return nil
}

// startTerm begins a term on b as a clerk does and returns the change:
// the first with AddTerm; a later one by ending the seats of
// those who do not continue, 换届 with NewTerm (which copies the rest),
// editing the copies' titles and representatives, and adding the
// newcomers. Ranks follow the file.
func (l *loader) startTerm(b *store.Body, t Term) (store.BodyChange, error) {
	var term *store.Term
	var err error
	if b.CurrentTerm() == nil {
		term, err = b.AddTerm(t.Number, t.Start)
	} else if err = l.endDeparting(b, t); err == nil {
		term, err = b.NewTerm(t.Number, t.Start)
	}
	if err != nil {
		return store.BodyChange{}, err
	}
	change := store.BodyChange{Op: store.TermStarted, TermID: term.ID}
	rank := map[string]int{}
	for _, ds := range t.Seats {
		rank[ds.Position]++
		s, err := l.seatFor(b, ds, t.Start)
		if err != nil {
			return store.BodyChange{}, err
		}
		s.Rank = rank[ds.Position]
	}
	return change, nil
}

// endDeparting ends, on the new term's first day, the current seats whose
// holder the new term does not list in the same position.
func (l *loader) endDeparting(b *store.Body, t Term) error {
	stays := map[string]bool{}
	for _, ds := range t.Seats {
		h := l.holder(ds)
		stays[seatKey(ds.Position, h.PersonID, h.MemberID)] = true
	}
	cur := b.CurrentTerm()
	var leaving []uuid.UUID
	for _, s := range cur.Seats {
		if s.End.IsZero() && !stays[seatKey(s.Position, s.PersonID, s.MemberID)] {
			leaving = append(leaving, s.ID)
		}
	}
	for _, id := range leaving {
		if err := b.EndSeat(cur.ID, id, t.Start); err != nil {
			return err
		}
	}
	return nil
}

// seatFor is the new term's seat for ds: the copy NewTerm carried over,
// with the title (or representative) of the new term, or a new seat.
func (l *loader) seatFor(b *store.Body, ds Seat, start store.Date) (*store.Seat, error) {
	term := b.CurrentTerm()
	h := l.holder(ds)
	if s := openSeat(term, ds.Position, h.PersonID, h.MemberID); s != nil {
		s.Title = ds.Title
		if s.MemberID != uuid.Nil {
			s.Title, s.Reps = "", []store.Rep{{PersonID: h.RepID, Title: ds.Title, Start: start}}
		}
		return s, nil
	}
	return b.AddSeat(term.ID, ds.Position, h, start)
}

// change applies one change within the current term and says what it did.
func (l *loader) change(b *store.Body, c Change) (store.BodyChange, error) {
	term := b.CurrentTerm()
	if c.Kind == ChangeAdd {
		s, err := b.AddSeat(term.ID, c.Position, l.holder(c.Seat), c.Date)
		if err != nil {
			return store.BodyChange{}, err
		}
		return store.BodyChange{Op: store.SeatAdded, TermID: term.ID, SeatID: s.ID}, nil
	}
	s := openSeat(term, c.Position, l.people[c.Holder], l.members[c.Holder])
	if s == nil {
		return store.BodyChange{}, fmt.Errorf("no open seat %s %s", c.Position, c.Holder)
	}
	ch := store.BodyChange{TermID: term.ID, SeatID: s.ID}
	var err error
	switch c.Kind {
	case ChangeEnd:
		ch.Op, err = store.SeatEnded, b.EndSeat(term.ID, s.ID, c.Date)
	case ChangeReplace:
		var next *store.Seat
		if next, err = b.ReplaceHolder(term.ID, s.ID, c.Date, l.holder(c.Seat)); err == nil {
			ch = store.BodyChange{Op: store.SeatReplaced, TermID: term.ID, SeatID: next.ID, FromSeatID: s.ID}
		}
	case ChangeRep:
		ch.Op, err = store.RepChanged, b.ChangeRep(term.ID, s.ID, c.Date, l.people[c.Rep], c.Title)
	default:
		err = fmt.Errorf("unknown change %q", c.Kind)
	}
	return ch, err
}

// holder is who takes the seat ds describes.
func (l *loader) holder(ds Seat) store.SeatHolder {
	if ds.Member != "" {
		return store.SeatHolder{MemberID: l.members[ds.Member], RepID: l.people[ds.Rep], Title: ds.Title}
	}
	return store.SeatHolder{PersonID: l.people[ds.Person], Title: ds.Title}
}

func seatKey(position string, personID, memberID uuid.UUID) string {
	return position + "|" + personID.String() + "|" + memberID.String()
}

// openSeat is the seat of term t not yet ended that the holder has in
// position, or nil. A unit seat is found by its unit, a person's by them.
func openSeat(t *store.Term, position string, personID, memberID uuid.UUID) *store.Seat {
	for i := range t.Seats {
		s := &t.Seats[i]
		if !s.End.IsZero() || s.Position != position {
			continue
		}
		if memberID != uuid.Nil && s.MemberID == memberID || memberID == uuid.Nil && s.PersonID == personID && personID != uuid.Nil {
			return s
		}
	}
	return nil
}
