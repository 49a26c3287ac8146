package store

import (
	"cmp"
	"slices"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store/stroke"
)

// DefaultPositions are the positions a new data file knows, in rank order
// (the order of sections on a printed roster). The clerk may edit the list
// under 系统 → 设置; Settings.Positions then replaces it.
var DefaultPositions = []string{
	"名誉理事长", "理事长", "执行理事长", "副理事长", "常务理事", "理事", "监事长", "监事",
	"秘书长", "副秘书长", "名誉主任", "主任", "执行主任", "副主任", "委员", "成员单位",
}

// PositionsOf is the position list in force: the settings' own, or the
// defaults.
func PositionsOf(s Settings) []string {
	if len(s.Positions) > 0 {
		return s.Positions
	}
	return DefaultPositions
}

// RosterLine is one holder on a roster: for a person seat the person, for
// a unit seat the unit and the person who represents it then.
type RosterLine struct {
	SeatID   uuid.UUID
	Position string
	Name     string // person's name ("" for a unit seat with no representative)
	Gender   string
	Unit     string // unit's name
	UnitType UnitType
	Title    string // title held then
	Phone    string
	IsUnit   bool
	Rank     int
	Start    Date
	// Warning is set when the holder has left but still holds the seat.
	Warning *SeatWarning
}

// SeatWarning flags a seat still held by someone who has left: a person
// who 调离 on LeftOn, or (UnitLeft) a member unit no longer in the
// register. It is data, not a sentence, so each reader (the window, the
// command line) words it in its own language.
type SeatWarning struct {
	Position string
	Holder   string // the person's name, or the unit's
	LeftOn   Date   // the day the person left; zero for a unit
	UnitLeft bool
}

// RosterSection is the holders of one position.
type RosterSection struct {
	Position string
	Lines    []RosterLine
}

// Roster is a body as it stood on a day: its term, and the holders of each
// position in print order.
type Roster struct {
	Body     *Body
	Term     *Term // nil if no term was in force
	AsOf     Date
	Sections []RosterSection
	// Warnings are the seats still held by someone who has left (a person
	// who 调离, a unit that left the group), in seat order.
	Warnings []SeatWarning
}

// ByStrokes reports whether the roster prints "排名不分先后，按姓氏笔画排序".
func (r *Roster) ByStrokes() bool { return r.Body.Ordering == OrderStrokes }

// Lines is every line of the roster in print order.
func (r *Roster) Lines() []RosterLine {
	var out []RosterLine
	for _, s := range r.Sections {
		out = append(out, s.Lines...)
	}
	return out
}

// Directory is what a roster needs to name the holders of its seats.
type Directory struct {
	People    map[uuid.UUID]*Person
	Members   map[uuid.UUID]*Member
	Positions []string
}

// NewDirectory indexes people and members by ID.
func NewDirectory(people []Person, members []Member, positions []string) Directory {
	d := Directory{People: map[uuid.UUID]*Person{}, Members: map[uuid.UUID]*Member{}, Positions: positions}
	for i := range people {
		d.People[people[i].ID] = &people[i]
	}
	for i := range members {
		d.Members[members[i].ID] = &members[i]
	}
	return d
}

// BuildRoster derives the roster of b on day asOf: the seats of the term in
// force that are held that day, grouped by position in rank order, and
// ordered within a position by stroke order or by explicit rank.
func BuildRoster(b *Body, asOf Date, dir Directory) Roster {
	r := Roster{Body: b, AsOf: asOf, Term: b.TermOn(asOf)}
	if r.Term == nil {
		return r
	}
	byPos := map[string][]RosterLine{}
	for i := range r.Term.Seats {
		s := &r.Term.Seats[i]
		if !s.ActiveOn(asOf) {
			continue
		}
		line := dir.line(s, asOf)
		if line.Warning != nil {
			r.Warnings = append(r.Warnings, *line.Warning)
		}
		byPos[s.Position] = append(byPos[s.Position], line)
	}
	for _, pos := range positionOrder(byPos, dir.Positions) {
		lines := byPos[pos]
		sortLines(lines, b.Ordering)
		r.Sections = append(r.Sections, RosterSection{Position: pos, Lines: lines})
	}
	return r
}

// positionOrder lists the positions in use: known ones in rank order,
// then any others by stroke order.
func positionOrder(used map[string][]RosterLine, ranked []string) []string {
	var out, other []string
	for _, p := range ranked {
		if _, ok := used[p]; ok {
			out = append(out, p)
		}
	}
	for p := range used {
		if !slices.Contains(ranked, p) {
			other = append(other, p)
		}
	}
	stroke.Sort(other)
	return append(out, other...)
}

func sortLines(lines []RosterLine, o Ordering) {
	if o == OrderRanked {
		slices.SortStableFunc(lines, func(a, b RosterLine) int {
			return cmp.Or(cmp.Compare(a.Rank, b.Rank), a.Start.Compare(b.Start))
		})
		return
	}
	stroke.SortFunc(lines, func(l RosterLine) string { return l.sortName() })
}

// sortName is what stroke order sorts a line by: the person's name, or
// for a unit seat the unit's name (单位名称笔画).
func (l RosterLine) sortName() string {
	if l.IsUnit {
		return l.Unit
	}
	return l.Name
}

// line names the holder of s on day d and flags a holder who has left.
func (dir Directory) line(s *Seat, d Date) RosterLine {
	l := RosterLine{SeatID: s.ID, Position: s.Position, Title: s.Title, Rank: s.Rank, Start: s.Start}
	personID := s.PersonID
	if s.MemberID != uuid.Nil {
		l.IsUnit = true
		personID = uuid.Nil
		if rep, ok := s.RepOn(d); ok {
			personID, l.Title = rep.PersonID, rep.Title
		}
		if m := dir.Members[s.MemberID]; m != nil {
			l.Unit, l.UnitType = m.Name, m.Type
			if st := m.StateOn(d); st.Status != StatusActive {
				l.Warning = &SeatWarning{Position: s.Position, Holder: m.Name, UnitLeft: true}
			}
		}
	}
	if p := dir.People[personID]; p != nil {
		l.Name, l.Gender, l.Phone = p.Name, p.Gender, cmp.Or(p.Mobile, p.Phone)
		if !l.IsUnit {
			l.Unit = p.UnitName(dir.Members)
		}
		// A unit no longer in the register is the graver news; its
		// representative's leaving is not flagged on top of it.
		if !p.LeftOn.IsZero() && !d.Before(p.LeftOn) && l.Warning == nil {
			l.Warning = &SeatWarning{Position: s.Position, Holder: p.Name, LeftOn: p.LeftOn}
		}
	}
	return l
}
