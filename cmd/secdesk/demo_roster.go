package main

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// demoRosters is the format of assets.DemoRosters (written by
// testdata/demo/gen): people named by name, unique in the file, and
// member units by their names in the member file. A term lists its seats
// as they stood on its first day, then the changes within it.
type demoRosters struct {
	People []demoPerson `json:"people"`
	Bodies []demoBody   `json:"bodies"`
}

type demoPerson struct {
	Name   string     `json:"name"`
	Gender string     `json:"gender"`
	Member string     `json:"member"`
	Unit   string     `json:"unit"`
	Title  string     `json:"title"`
	Mobile string     `json:"mobile"`
	LeftOn store.Date `json:"left_on"`
}

type demoBody struct {
	Name     string     `json:"name"`
	Type     string     `json:"type"`
	Parent   string     `json:"parent"`
	Ordering string     `json:"ordering"`
	Note     string     `json:"note"`
	Terms    []demoTerm `json:"terms"`
}

type demoTerm struct {
	Number  int          `json:"number"`
	Start   store.Date   `json:"start"`
	Seats   []demoSeat   `json:"seats"`
	Changes []demoChange `json:"changes"`
}

// demoSeat is a person seat (Person) or a unit seat (Member, with Rep).
type demoSeat struct {
	Position string `json:"position"`
	Person   string `json:"person"`
	Member   string `json:"member"`
	Rep      string `json:"rep"`
	Title    string `json:"title"`
}

// demoChange is "add", "end", "replace" or "rep" on Date; Holder names the
// seat changed (its person, or its unit), demoSeat the new holder.
type demoChange struct {
	Date   store.Date `json:"date"`
	Kind   string     `json:"kind"`
	Holder string     `json:"holder"`
	demoSeat
}

// rosterLoader turns the file's names into the IDs the store gave.
type rosterLoader struct {
	s       store.Store
	people  map[string]uuid.UUID
	members map[string]uuid.UUID
	bodies  map[string]uuid.UUID
}

// loadDemoRosters creates the people, then each body, and replays its
// terms and changes through the same Body methods the window uses, saving
// after each step so the audit log tells the story as it happened.
func loadDemoRosters(s store.Store, f demoRosters) error {
	ms, err := s.Members()
	if err != nil {
		return err
	}
	l := &rosterLoader{s: s, people: map[string]uuid.UUID{}, members: map[string]uuid.UUID{}, bodies: map[string]uuid.UUID{}}
	for _, m := range ms {
		l.members[m.Name] = m.ID
	}
	for _, dp := range f.People {
		p, err := s.CreatePerson(store.Person{Name: dp.Name, Gender: dp.Gender, MemberID: l.members[dp.Member],
			Unit: dp.Unit, Title: dp.Title, Mobile: dp.Mobile, LeftOn: dp.LeftOn})
		if err != nil {
			return fmt.Errorf("%s: %w", dp.Name, err)
		}
		l.people[dp.Name] = p.ID
	}
	for _, db := range f.Bodies {
		if err := l.loadBody(db); err != nil {
			return fmt.Errorf("%s: %w", db.Name, err)
		}
	}
	return nil
}

func (l *rosterLoader) loadBody(db demoBody) error {
	b, err := l.s.CreateBody(store.Body{Name: db.Name, Type: store.BodyType(db.Type), ParentID: l.bodies[db.Parent],
		Ordering: store.Ordering(db.Ordering), Note: db.Note})
	if err != nil {
		return err
	}
	l.bodies[db.Name] = b.ID
	for _, t := range db.Terms {
		if b, err = l.startTerm(b, t); err != nil {
			return fmt.Errorf("第%d届: %w", t.Number, err)
		}
		for _, c := range t.Changes {
			if b, err = l.change(b, c); err != nil {
				return fmt.Errorf("%s %s: %w", c.Date, c.Kind, err)
			}
		}
	}
	return nil
}

// startTerm begins a term as a clerk does: the first with AddTerm; a
// later one by ending the seats of those who do not continue, 换届 with
// NewTerm (which copies the rest), editing the copies' titles and
// representatives, and adding the newcomers. Ranks follow the file.
func (l *rosterLoader) startTerm(b store.Body, t demoTerm) (store.Body, error) {
	change := store.TermName(t.Number)
	if b.CurrentTerm() == nil {
		if _, err := b.AddTerm(t.Number, t.Start); err != nil {
			return b, err
		}
	} else {
		if err := l.endDeparting(&b, t); err != nil {
			return b, err
		}
		if _, err := b.NewTerm(t.Number, t.Start); err != nil {
			return b, err
		}
		change = "换届：" + change
	}
	rank := map[string]int{}
	for _, ds := range t.Seats {
		rank[ds.Position]++
		s, err := l.seatFor(&b, ds, t.Start)
		if err != nil {
			return b, err
		}
		s.Rank = rank[ds.Position]
	}
	return l.s.SaveBody(b, change)
}

// endDeparting ends, on the new term's first day, the current seats whose
// holder the new term does not list in the same position.
func (l *rosterLoader) endDeparting(b *store.Body, t demoTerm) error {
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
func (l *rosterLoader) seatFor(b *store.Body, ds demoSeat, start store.Date) (*store.Seat, error) {
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

// change applies one change within the current term and saves it.
func (l *rosterLoader) change(b store.Body, c demoChange) (store.Body, error) {
	term := b.CurrentTerm()
	if c.Kind == "add" {
		if _, err := b.AddSeat(term.ID, c.Position, l.holder(c.demoSeat), c.Date); err != nil {
			return b, err
		}
		return l.s.SaveBody(b, "增补"+c.Position+" "+holderName(c.demoSeat))
	}
	s := openSeat(term, c.Position, l.people[c.Holder], l.members[c.Holder])
	if s == nil {
		return b, fmt.Errorf("no open seat %s %s", c.Position, c.Holder)
	}
	var err error
	summary := c.Position + " " + c.Holder
	switch c.Kind {
	case "end":
		err, summary = b.EndSeat(term.ID, s.ID, c.Date), summary+" 离任"
	case "replace":
		_, err = b.ReplaceHolder(term.ID, s.ID, c.Date, l.holder(c.demoSeat))
		summary += " 由 " + c.Person + " 接任"
	case "rep":
		err = b.ChangeRep(term.ID, s.ID, c.Date, l.people[c.Rep], c.Title)
		summary += " 改由 " + c.Rep + " 代表"
	default:
		err = fmt.Errorf("unknown change %q", c.Kind)
	}
	if err != nil {
		return b, err
	}
	return l.s.SaveBody(b, summary)
}

// holder is who takes the seat ds describes.
func (l *rosterLoader) holder(ds demoSeat) store.SeatHolder {
	if ds.Member != "" {
		return store.SeatHolder{MemberID: l.members[ds.Member], RepID: l.people[ds.Rep], Title: ds.Title}
	}
	return store.SeatHolder{PersonID: l.people[ds.Person], Title: ds.Title}
}

func holderName(ds demoSeat) string {
	if ds.Member != "" {
		return ds.Member
	}
	return ds.Person
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
