package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// ApplyImport writes every new and updated row of a plan, all or nothing,
// with one audit entry per member. Since the clerk may have looked at the
// preview for a while, the rows are checked again against the data as it
// is now: a duplicate added meanwhile, or a member changed or deleted
// meanwhile, fails the whole import (the error names the row).
func (r *records) ApplyImport(ctx context.Context, p *ImportPlan) (ImportSummary, error) {
	if fe := p.FirstError(); fe != nil {
		return ImportSummary{}, fe
	}
	if !hasWrites(p) {
		return p.Summary(), nil // importing the same file twice writes nothing
	}
	err := r.write(ctx, func(w *wtx) error {
		for i := range p.Rows {
			row := &p.Rows[i]
			var err error
			switch row.Action {
			case RowNew:
				err = w.importNew(row.Result)
			case RowUpdate:
				err = w.importUpdate(row.Result)
			}
			if err != nil {
				return atRowErr(err, row.Row)
			}
		}
		return nil
	})
	if err != nil {
		return ImportSummary{}, err
	}
	return p.Summary(), nil
}

func hasWrites(p *ImportPlan) bool {
	for _, r := range p.Rows {
		if r.Action == RowNew || r.Action == RowUpdate {
			return true
		}
	}
	return false
}

// importNew saves a new row's member under the ID the plan gave it.
func (w *wtx) importNew(m Member) error {
	if err := checkImported(&m, w.now); err != nil {
		return err
	}
	if m.ID == uuid.Nil {
		m.ID = NewID()
	}
	if ok, err := memberDocs.exists(w.tx, m.ID); err != nil || ok {
		return orConflict(err) // the plan was applied already
	}
	if err := w.refuseMemberDuplicate(&m); err != nil {
		return err
	}
	w.stamp(&m.Stamp, nil)
	if err := memberDocs.put(w.tx, &m, nil); err != nil {
		return err
	}
	return w.audit(ActionImport, KindMember, m.ID, "导入新增 "+m.Name)
}

// importUpdate saves an updated row's member if the stored one is still
// the one the plan was made from.
func (w *wtx) importUpdate(m Member) error {
	old, err := memberDocs.get(w.tx, m.ID)
	if errors.Is(err, ErrNotFound) {
		return ErrConflict // deleted since the preview
	}
	if err != nil {
		return err
	}
	if err := memberDocs.checkRev(&m, &old, old.Name); err != nil {
		return err
	}
	if len(m.Events) < len(old.Events) {
		return conflict(KindMember, old.Name, &old.Stamp)
	}
	if err := checkImported(&m, w.now); err != nil {
		return err
	}
	if err := w.refuseMemberDuplicate(&m); err != nil {
		return err
	}
	w.stamp(&m.Stamp, &old.Stamp)
	if err := memberDocs.put(w.tx, &m, &old); err != nil {
		return err
	}
	return w.audit(ActionImport, KindMember, m.ID, importUpdateSummary(&old, &m))
}

// checkImported validates a planned member again: its details, and its
// whole history replayed through Member.CheckEvent, so a plan built by hand
// or against another clock cannot store a history the rules forbid.
func checkImported(m *Member, now time.Time) error {
	m.Clean()
	if err := m.Validate(); err != nil {
		return err
	}
	var replay Member
	today := DateOf(now)
	for _, e := range m.Events {
		if err := replay.CheckEvent(e, today); err != nil {
			return err
		}
		replay.Events = append(replay.Events, e)
	}
	return nil
}

// importUpdateSummary is e.g. "导入更新 潍坊职业学院：联系电话；退出 潍坊职业学院 自愿退出 (2024年1月5日)".
func importUpdateSummary(old, m *Member) string {
	s := "导入更新 " + m.Name
	if fields := ChangedFields(old, m); len(fields) > 0 {
		s += "：" + fieldList(fields)
	}
	for _, e := range m.Events[len(old.Events):] {
		s += "；" + EventSummary(m, e)
	}
	return s
}

// atRowErr names the Excel row an error came from.
func atRowErr(err error, row int) error {
	if fe, ok := AsFieldError(err); ok {
		c := *fe
		c.Row = row
		return &c
	}
	return fmt.Errorf("第%d行：%w", row, err)
}

// ApplyRosterImport writes a roster plan, all or nothing: its new people
// (under the IDs the planner gave them, since the planned body's seats
// already name those IDs), then the body with its new seats. The plan is
// checked again against the data as it is now: a person of the same name
// added, or the body saved, since the preview fails the whole import.
func (r *records) ApplyRosterImport(ctx context.Context, p *RosterPlan) error {
	if fe := p.FirstError(); fe != nil {
		return fe
	}
	seats := newSeats(p)
	if seats == 0 && len(p.NewPeople) == 0 {
		return nil // importing the same file twice writes nothing
	}
	return r.write(ctx, func(w *wtx) error {
		for _, in := range p.NewPeople {
			if err := w.importPerson(in); err != nil {
				return err
			}
		}
		b := p.Body
		return w.saveBody(&b, ActionImport, func(*Body) string {
			return strings.TrimSpace(b.Name + " " + fmt.Sprintf("导入名单：%d人", seats))
		}, false)
	})
}

// newSeats counts the rows that add a seat.
func newSeats(p *RosterPlan) int {
	n := 0
	for _, r := range p.Rows {
		if r.Action == RowNew {
			n++
		}
	}
	return n
}

// importPerson saves a planned person with the rules of CreatePerson but
// under the ID the plan gave it.
func (w *wtx) importPerson(p Person) error {
	p.Clean()
	if err := p.Validate(); err != nil {
		return fmt.Errorf("%s: %w", p.Name, err)
	}
	if p.ID == uuid.Nil {
		return fmt.Errorf("导入的人员 %s 没有有效的 ID", p.Name)
	}
	w.stamp(&p.Stamp, nil)
	if err := w.insertPerson(&p); err != nil {
		return err
	}
	return w.audit(ActionImport, KindPerson, p.ID, "导入新增 "+w.personLabel(&p))
}
