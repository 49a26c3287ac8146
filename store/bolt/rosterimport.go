package bolt

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// ApplyRosterImport writes a roster plan in one transaction: its new people
// (under the IDs the planner gave them, since the planned body's seats
// already name those IDs), then the body with its new seats. A plan with
// errors writes nothing. The plan is checked again against the file as it
// is now: a person of the same name added, or the body saved, since the
// preview fails the whole import and nothing is written.
func (d *DB) ApplyRosterImport(p *store.RosterPlan) error {
	if fe := p.FirstError(); fe != nil {
		return fe
	}
	seats := newSeats(p)
	if seats == 0 && len(p.NewPeople) == 0 {
		return nil // importing the same file twice writes nothing
	}
	return d.update(func(w *writeTx) error {
		for _, in := range p.NewPeople {
			if err := w.importPerson(in); err != nil {
				return err
			}
		}
		b := p.Body
		return w.saveBody(&b, store.ActionImport, fmt.Sprintf("导入名单：%d人", seats))
	})
}

// newSeats counts the rows that add a seat.
func newSeats(p *store.RosterPlan) int {
	n := 0
	for _, r := range p.Rows {
		if r.Action == store.RowNew {
			n++
		}
	}
	return n
}

// importPerson saves a planned person with the rules of CreatePerson but
// under the ID the plan gave it.
func (w *writeTx) importPerson(p store.Person) error {
	p.Clean()
	if err := p.Validate(); err != nil {
		return fmt.Errorf("%s: %w", p.Name, err)
	}
	if p.ID == uuid.Nil {
		return fmt.Errorf("导入的人员 %s 没有有效的 ID", p.Name)
	}
	p.Created, p.Updated = w.now, w.now
	if err := w.insertPerson(&p); err != nil {
		return err
	}
	return w.audit(store.ActionImport, store.KindPerson, p.ID, "导入新增 "+w.personLabel(&p))
}
