package store

import (
	"slices"

	"github.com/google/uuid"
)

// The methods below are every change a clerk makes to a body's terms and
// seats. They check the change against the body's history and apply it
// in memory; Store.SaveBody then writes the whole body in one transaction.
// History is kept: a replaced holder's seat is ended, never rewritten.

// AddTerm starts the body's first term. Later terms come from NewTerm.
func (b *Body) AddTerm(number int, start Date) (*Term, error) {
	if len(b.Terms) > 0 {
		return nil, fieldErr(FieldTermNo, ProblemTermNotLast, "")
	}
	if err := checkTermFields(number, start); err != nil {
		return nil, err
	}
	b.Terms = append(b.Terms, Term{ID: NewID(), Number: number, Start: start})
	return b.CurrentTerm(), nil
}

func checkTermFields(number int, start Date) error {
	if number <= 0 {
		return fieldErr(FieldTermNo, ProblemRequired, "")
	}
	if start.IsZero() {
		return fieldErr(FieldTermStart, ProblemRequired, "")
	}
	return nil
}

// NewTerm is 换届: the current term ends on start, and a new term begins
// with a copy of the seats held then, for the clerk to edit. The old
// term's seats are closed, so its roster stays printable as it was.
func (b *Body) NewTerm(number int, start Date) (*Term, error) {
	cur := b.CurrentTerm()
	if cur == nil {
		return b.AddTerm(number, start)
	}
	if err := checkTermFields(number, start); err != nil {
		return nil, err
	}
	if !start.After(cur.Start) {
		return nil, fieldErr(FieldTermStart, ProblemTermStart, cur.Start.Chinese())
	}
	next := Term{ID: NewID(), Number: number, Start: start}
	for i := range cur.Seats {
		s := &cur.Seats[i]
		if !s.End.IsZero() && !s.End.After(start) {
			continue
		}
		next.Seats = append(next.Seats, carriedSeat(s, start))
		s.End = start
		closeReps(s, start)
	}
	cur.End = start
	b.Terms = append(b.Terms, next)
	return b.CurrentTerm(), nil
}

// carriedSeat is s as it continues into a new term beginning on start.
func carriedSeat(s *Seat, start Date) Seat {
	c := *s
	c.ID, c.Start, c.End, c.Reps = NewID(), start, Date{}, nil
	if r, ok := s.RepOn(start); ok {
		c.Reps = []Rep{{PersonID: r.PersonID, Title: r.Title, Start: start}}
	}
	return c
}

func closeReps(s *Seat, d Date) {
	for i := range s.Reps {
		if r := &s.Reps[i]; r.End.IsZero() || r.End.After(d) {
			r.End = d
		}
	}
}

// SeatHolder says who takes a seat: a person, or a member unit with the
// person who represents it (RepID may be nil). Title is the title held.
type SeatHolder struct {
	PersonID uuid.UUID
	MemberID uuid.UUID
	RepID    uuid.UUID
	Title    string
}

// AddSeat adds a seat for position in term t from start (the term's start
// if zero), ranked last within its position.
func (b *Body) AddSeat(termID uuid.UUID, position string, h SeatHolder, start Date) (*Seat, error) {
	t := b.Term(termID)
	if t == nil {
		return nil, ErrNotFound
	}
	position = CleanText(position)
	if start.IsZero() {
		start = t.Start
	}
	if err := t.checkNewSeat(position, h, start); err != nil {
		return nil, err
	}
	t.Seats = append(t.Seats, newSeat(position, h, start, t.nextRank(position)))
	return &t.Seats[len(t.Seats)-1], nil
}

func newSeat(position string, h SeatHolder, start Date, rank int) Seat {
	s := Seat{ID: NewID(), Position: position, PersonID: h.PersonID, MemberID: h.MemberID,
		Title: CleanText(h.Title), Rank: rank, Start: start}
	if h.MemberID != uuid.Nil {
		s.PersonID, s.Title = uuid.Nil, ""
		if h.RepID != uuid.Nil {
			s.Reps = []Rep{{PersonID: h.RepID, Title: CleanText(h.Title), Start: start}}
		}
	}
	return s
}

func (t *Term) checkNewSeat(position string, h SeatHolder, start Date) error {
	switch {
	case position == "":
		return fieldErr(FieldPosition, ProblemRequired, "")
	case (h.PersonID == uuid.Nil) == (h.MemberID == uuid.Nil):
		return fieldErr(FieldHolder, ProblemRequired, "")
	case !t.ActiveOn(start):
		return fieldErr(FieldSeatStart, ProblemOutsideTerm, start.Chinese())
	}
	for i := range t.Seats {
		s := &t.Seats[i]
		if s.Position == position && s.ActiveOn(start) && s.PersonID == h.PersonID && s.MemberID == h.MemberID {
			return fieldErr(FieldHolder, ProblemHolderTwice, position)
		}
	}
	return nil
}

func (t *Term) nextRank(position string) int {
	rank := 0
	for _, s := range t.Seats {
		if s.Position == position && s.Rank > rank {
			rank = s.Rank
		}
	}
	return rank + 1
}

// openSeat finds a seat held on day d, for a change dated d.
func (b *Body) openSeat(termID, seatID uuid.UUID, d Date, f Field) (*Term, *Seat, error) {
	t := b.Term(termID)
	if t == nil {
		return nil, nil, ErrNotFound
	}
	s := t.Seat(seatID)
	switch {
	case s == nil:
		return nil, nil, ErrNotFound
	case d.IsZero():
		return nil, nil, fieldErr(f, ProblemRequired, "")
	case !s.End.IsZero():
		return nil, nil, fieldErr(f, ProblemSeatEnded, s.End.Chinese())
	case !d.After(s.Start):
		return nil, nil, fieldErr(f, ProblemEndBeforeFrom, s.Start.Chinese())
	case !t.ActiveOn(d):
		return nil, nil, fieldErr(f, ProblemOutsideTerm, d.Chinese())
	}
	return t, s, nil
}

// EndSeat records that the holder left the seat on day d (exclusive).
func (b *Body) EndSeat(termID, seatID uuid.UUID, d Date) error {
	_, s, err := b.openSeat(termID, seatID, d, FieldSeatEnd)
	if err != nil {
		return err
	}
	s.End = d
	closeReps(s, d)
	return nil
}

// ReplaceHolder ends a seat on day d and gives the same position, at the
// same rank, to a new holder from d.
func (b *Body) ReplaceHolder(termID, seatID uuid.UUID, d Date, h SeatHolder) (*Seat, error) {
	t, s, err := b.openSeat(termID, seatID, d, FieldSeatStart)
	if err != nil {
		return nil, err
	}
	if err := t.checkNewSeat(s.Position, h, d); err != nil {
		return nil, err
	}
	s.End = d
	closeReps(s, d)
	t.Seats = append(t.Seats, newSeat(s.Position, h, d, s.Rank))
	return &t.Seats[len(t.Seats)-1], nil
}

// ChangeRep records that from day d another person sits for the member
// unit holding the seat.
func (b *Body) ChangeRep(termID, seatID uuid.UUID, d Date, personID uuid.UUID, title string) error {
	_, s, err := b.openSeat(termID, seatID, d, FieldSeatStart)
	if err != nil {
		return err
	}
	if s.MemberID == uuid.Nil {
		return fieldErr(FieldHolder, ProblemNotUnitSeat, "")
	}
	if personID == uuid.Nil {
		return fieldErr(FieldPersonName, ProblemRequired, "")
	}
	closeReps(s, d)
	s.Reps = append(s.Reps, Rep{PersonID: personID, Title: CleanText(title), Start: d})
	return nil
}

// MoveSeat moves a seat one place up (delta -1) or down (+1) among the
// seats of its position in its term, for bodies ranked explicitly.
func (b *Body) MoveSeat(termID, seatID uuid.UUID, delta int) error {
	t := b.Term(termID)
	if t == nil || t.Seat(seatID) == nil {
		return ErrNotFound
	}
	pos := t.Seat(seatID).Position
	var same []*Seat
	for i := range t.Seats {
		if t.Seats[i].Position == pos && t.Seats[i].End.IsZero() {
			same = append(same, &t.Seats[i])
		}
	}
	slices.SortStableFunc(same, func(x, y *Seat) int { return x.Rank - y.Rank })
	i := slices.IndexFunc(same, func(s *Seat) bool { return s.ID == seatID })
	j := i + delta
	if i < 0 || j < 0 || j >= len(same) {
		return nil // already first or last: nothing to do
	}
	for k, s := range same { // ranks 1..n first, so equal ranks cannot stick
		s.Rank = k + 1
	}
	same[i].Rank, same[j].Rank = same[j].Rank, same[i].Rank
	return nil
}

// CorrectSeat fixes the title (or, for a unit seat, the current
// representative's title) and note of a seat recorded wrongly, or copied
// by 换届 and needing an update. It is a correction, not a change of
// holder: the audit entry of the save records it.
func (b *Body) CorrectSeat(termID, seatID uuid.UUID, title, note string) error {
	t := b.Term(termID)
	if t == nil || t.Seat(seatID) == nil {
		return ErrNotFound
	}
	s := t.Seat(seatID)
	s.Note = CleanText(note)
	if s.MemberID == uuid.Nil {
		s.Title = CleanText(title)
		return nil
	}
	if n := len(s.Reps); n > 0 && s.Reps[n-1].End.IsZero() {
		s.Reps[n-1].Title = CleanText(title)
	}
	return nil
}

// RemoveSeat deletes a seat of the current term that should never have
// been there (most often one copied by 换届 whose holder did not continue).
// Seats of earlier terms are history and stay.
func (b *Body) RemoveSeat(termID, seatID uuid.UUID) error {
	t := b.Term(termID)
	if t == nil || t.Seat(seatID) == nil {
		return ErrNotFound
	}
	if t != b.CurrentTerm() {
		return fieldErr(FieldTermNo, ProblemPastTerm, "")
	}
	t.Seats = slices.DeleteFunc(t.Seats, func(s Seat) bool { return s.ID == seatID })
	return nil
}

// ProblemPastTerm refuses to rewrite a term that has ended.
const ProblemPastTerm Problem = "往届名单不能删除席位"
