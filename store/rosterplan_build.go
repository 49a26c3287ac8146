package store

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Roster import problems.
const (
	// ProblemUnknownPosition warns of a position the clerk's list does not
	// have; the seat is still added (a 顾问 the group has not listed yet),
	// and the roster prints it after the known positions.
	ProblemUnknownPosition Problem = "不在职位列表中"
	// ProblemDuplicateSeatRow is a file giving the same person the same
	// position twice; Detail names the earlier row.
	ProblemDuplicateSeatRow Problem = "与本文件中另一行是同一人担任同一职位"
)

// PlanRosterImport decides what each row of a roster file does to body b:
// every seat goes into the body's current term. A row's unit is matched
// to a member unit by NameKey, else kept as free text; its person is
// matched by PersonKey among people and the people the file creates, else
// created. A person who already holds the position on the row's start day
// (or, with no start date, holds it now) is left alone, so importing the
// same file twice changes nothing. Existing people's details are not
// changed: the file's title goes on the new seat only.
//
// The caller's body is not touched; Plan.Body is a changed deep copy.
func PlanRosterImport(b Body, people []Person, members []Member, rows []RosterImportRow, positions []string, now time.Time) *RosterPlan {
	plan := &RosterPlan{Body: b.Clone()}
	term := plan.Body.CurrentTerm()
	if term == nil {
		for _, r := range rows {
			plan.Rows = append(plan.Rows, RosterPlanRow{Row: r.Row, Name: CleanName(r.Name), Position: CleanText(r.Position),
				Action: RowError, Errors: []*FieldError{{Row: r.Row, Field: FieldBodyName, Problem: ProblemNoTerm, Detail: b.Name}}})
		}
		return plan
	}
	rp := newRosterPlanner(plan, term.ID, people, members, positions, now)
	for i := range rows {
		plan.Rows = append(plan.Rows, rp.row(&rows[i]))
	}
	return plan
}

// rosterPlanner carries the indexes one PlanRosterImport builds.
type rosterPlanner struct {
	plan      *RosterPlan
	termID    uuid.UUID
	people    map[string]uuid.UUID // PersonKey → existing or planned person
	members   map[string]*Member   // NameKey of the unit name
	positions []string
	seen      map[string]int // person|position → the row that gave it first
	now       time.Time
}

func newRosterPlanner(plan *RosterPlan, termID uuid.UUID, people []Person, members []Member, positions []string, now time.Time) *rosterPlanner {
	rp := &rosterPlanner{plan: plan, termID: termID, people: map[string]uuid.UUID{},
		members: map[string]*Member{}, positions: positions, seen: map[string]int{}, now: now}
	for i := range members {
		k := NameKey(members[i].Name)
		if _, dup := rp.members[k]; !dup {
			rp.members[k] = &members[i]
		}
	}
	for i := range people {
		rp.people[PersonKey(&people[i])] = people[i].ID
	}
	return rp
}

// row plans one row. Its checks run in the order a clerk fixes them:
// the cells, then the person, then the seat.
func (rp *rosterPlanner) row(r *RosterImportRow) RosterPlanRow {
	pr := RosterPlanRow{Row: r.Row, Name: CleanName(r.Name), Position: CleanText(r.Position), Errors: slices.Clone(r.Errors)}
	if pr.Name == "" {
		pr.Errors = append(pr.Errors, &FieldError{Row: r.Row, Field: FieldPersonName, Problem: ProblemRequired})
	}
	if pr.Position == "" {
		pr.Errors = append(pr.Errors, &FieldError{Row: r.Row, Field: FieldPosition, Problem: ProblemRequired})
	} else if !slices.Contains(rp.positions, pr.Position) {
		pr.Warnings = append(pr.Warnings, &FieldError{Row: r.Row, Field: FieldPosition, Problem: ProblemUnknownPosition, Detail: pr.Position})
	}
	if len(pr.Errors) > 0 {
		pr.Action = RowError
		return pr
	}
	p, isNew, err := rp.person(r)
	if err != nil {
		return rp.fail(pr, err)
	}
	key := p.ID.String() + "|" + pr.Position
	if first, dup := rp.seen[key]; dup {
		return rp.fail(pr, &FieldError{Field: FieldPersonName, Problem: ProblemDuplicateSeatRow, Detail: fmt.Sprintf("第%d行", first)})
	}
	rp.seen[key] = r.Row
	if rp.holds(p.ID, pr.Position, r.Start) {
		pr.Action = RowUnchanged
		return pr
	}
	h := SeatHolder{PersonID: p.ID, Title: r.Title}
	if _, err := rp.plan.Body.AddSeat(rp.termID, pr.Position, h, r.Start); err != nil {
		return rp.fail(pr, err)
	}
	if isNew {
		rp.plan.NewPeople = append(rp.plan.NewPeople, p)
		rp.people[PersonKey(&p)] = p.ID
		pr.NewPerson = true
	}
	pr.Action = RowNew
	return pr
}

func (rp *rosterPlanner) fail(pr RosterPlanRow, err error) RosterPlanRow {
	pr.Errors = append(pr.Errors, atRow(err, pr.Row))
	pr.Action = RowError
	return pr
}

// person finds the row's person, or makes a new one (not yet added to the
// plan: that waits until its seat is accepted).
func (rp *rosterPlanner) person(r *RosterImportRow) (Person, bool, error) {
	p := Person{Name: r.Name, Gender: r.Gender, Unit: r.Unit, Title: r.Title,
		Mobile: r.Mobile, Phone: r.Phone, Email: r.Email}
	if m := rp.members[NameKey(r.Unit)]; m != nil && NameKey(r.Unit) != "" {
		p.MemberID = m.ID
	}
	p.Clean()
	if id, ok := rp.people[PersonKey(&p)]; ok {
		return Person{ID: id, Name: p.Name}, false, nil
	}
	if err := p.Validate(); err != nil {
		return Person{}, false, err
	}
	p.ID, p.Created, p.Updated = NewID(), rp.now, rp.now
	return p, true, nil
}

// holds reports whether the person already holds position in the term:
// on day start or, with no start date, in a seat still open. Sitting for
// a member unit in that position counts too.
func (rp *rosterPlanner) holds(personID uuid.UUID, position string, start Date) bool {
	t := rp.plan.Body.Term(rp.termID)
	for i := range t.Seats {
		s := &t.Seats[i]
		if s.Position != position {
			continue
		}
		if start.IsZero() && s.End.IsZero() && openHolder(s) == personID {
			return true
		}
		if !start.IsZero() && s.ActiveOn(start) && holderOn(s, start) == personID {
			return true
		}
	}
	return false
}

// holderOn is the person in seat s on day d: its holder, or for a unit
// seat the person sitting for the unit then.
func holderOn(s *Seat, d Date) uuid.UUID {
	if s.MemberID == uuid.Nil {
		return s.PersonID
	}
	r, _ := s.RepOn(d)
	return r.PersonID
}

// openHolder is the person in an open seat s from now on.
func openHolder(s *Seat) uuid.UUID {
	if s.MemberID == uuid.Nil {
		return s.PersonID
	}
	for _, r := range s.Reps {
		if r.End.IsZero() {
			return r.PersonID
		}
	}
	return uuid.Nil
}
