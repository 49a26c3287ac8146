package store

import (
	"context"

	"github.com/google/uuid"
)

func (r *records) People(ctx context.Context) ([]Person, error) {
	var out []Person
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = personDocs.all(tx)
		return err
	})
	return out, err
}

func (r *records) Person(ctx context.Context, id uuid.UUID) (Person, error) {
	var p Person
	err := r.read(ctx, func(tx EngineTx) (err error) {
		p, err = personDocs.get(tx, id)
		return err
	})
	return p, err
}

// CreatePerson refuses a duplicate (same name in the same unit) and a unit
// that is not in the register.
func (r *records) CreatePerson(ctx context.Context, in Person) (Person, error) {
	p := in
	p.Clean()
	if err := p.Validate(); err != nil {
		return Person{}, err
	}
	p.ID = NewID()
	err := r.write(ctx, func(w *wtx) error {
		w.stamp(&p.Stamp, nil)
		if err := w.insertPerson(&p); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindPerson, p.ID, "新增 "+w.personLabel(&p))
	})
	if err != nil {
		return Person{}, err
	}
	return p, nil
}

// insertPerson checks and stores a person not yet stored: its unit must
// exist and its PersonKey be free. CreatePerson and the roster import
// share it, so an imported person meets the same rules as a typed one.
func (w *wtx) insertPerson(p *Person) error {
	if ok, err := personDocs.exists(w.tx, p.ID); err != nil || ok {
		return orConflict(err) // a plan applied twice: never overwrite
	}
	if err := w.checkPersonUnit(p); err != nil {
		return err
	}
	if err := w.refusePersonDuplicate(p); err != nil {
		return err
	}
	return personDocs.put(w.tx, p, nil)
}

// orConflict is err, or ErrConflict for a record that is there already.
func orConflict(err error) error {
	if err != nil {
		return err
	}
	return ErrConflict
}

func (r *records) UpdatePerson(ctx context.Context, in Person) (Person, error) {
	in.Clean()
	if err := in.Validate(); err != nil {
		return Person{}, err
	}
	var p Person
	err := r.write(ctx, func(w *wtx) error {
		p = in // afresh on every run: an engine may retry the transaction
		old, err := personDocs.get(w.tx, p.ID)
		if err != nil {
			return err
		}
		if err := personDocs.checkRev(&p, &old, old.Name); err != nil {
			return err
		}
		// A unit deleted after the person was saved must not block edits
		// of the person's phone; only a newly chosen unit must exist.
		if p.MemberID != old.MemberID {
			if err := w.checkPersonUnit(&p); err != nil {
				return err
			}
		}
		if err := w.refusePersonDuplicate(&p); err != nil {
			return err
		}
		w.stamp(&p.Stamp, &old.Stamp)
		if err := personDocs.put(w.tx, &p, &old); err != nil {
			return err
		}
		return w.audit(ActionUpdate, KindPerson, p.ID, "修改 "+w.personLabel(&p))
	})
	if err != nil {
		return Person{}, err
	}
	return p, nil
}

// DeletePerson is refused while the person holds a seat or sits for a
// unit on any body: the roster would otherwise print a blank.
func (r *records) DeletePerson(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		p, err := personDocs.get(w.tx, id)
		if err != nil {
			return err
		}
		bodies, err := bodyDocs.all(w.tx)
		if err != nil {
			return err
		}
		if body := openSeatBody(bodies, id); body != "" {
			return &FieldError{Field: FieldPersonName, Problem: ProblemHoldsSeat, Detail: body}
		}
		label := w.personLabel(&p)
		if err := w.putTrash(KindPerson, id, label, &p); err != nil {
			return err
		}
		if err := personDocs.remove(w.tx, &p); err != nil {
			return err
		}
		return w.audit(ActionDelete, KindPerson, id, "删除 "+label)
	})
}

// openSeatBody is the name of a body where the person holds a seat that
// has not ended, or represents a unit in one, or "".
func openSeatBody(bodies []Body, personID uuid.UUID) string {
	for _, b := range bodies {
		for _, t := range b.Terms {
			for _, s := range t.Seats {
				if s.End.IsZero() && holdsOrRepresents(&s, personID) {
					return b.Name
				}
			}
		}
	}
	return ""
}

func holdsOrRepresents(s *Seat, personID uuid.UUID) bool {
	if s.PersonID == personID {
		return true
	}
	for _, r := range s.Reps {
		if r.PersonID == personID && r.End.IsZero() {
			return true
		}
	}
	return false
}

// checkPersonUnit refuses a MemberID that names no member in the register.
func (w *wtx) checkPersonUnit(p *Person) error {
	if p.MemberID == uuid.Nil {
		return nil
	}
	ok, err := memberDocs.exists(w.tx, p.MemberID)
	if err != nil || ok {
		return err
	}
	return &FieldError{Field: FieldUnit, Problem: ProblemBadChoice, Detail: p.MemberID.String()}
}

func (w *wtx) refusePersonDuplicate(p *Person) error {
	other, err := personDocs.duplicate(w.tx, p)
	if err != nil {
		return err
	}
	if other != nil {
		return PersonDuplicateError(other)
	}
	return nil
}

// personLabel names a person in the audit log and the trash with their
// unit ("王磊（潍坊职业学院）"): two people of the same name are common,
// and the clerk must tell which one was changed.
func (w *wtx) personLabel(p *Person) string {
	unit := p.Unit
	if p.MemberID != uuid.Nil {
		if m, err := memberDocs.get(w.tx, p.MemberID); err == nil {
			unit = m.Name
		}
	}
	if unit == "" {
		return p.Name
	}
	return p.Name + "（" + unit + "）"
}

// personName and memberName name seat holders in body summaries.
func (w *wtx) personName(id uuid.UUID) string {
	p, err := personDocs.get(w.tx, id)
	if err != nil {
		return ""
	}
	return p.Name
}

func (w *wtx) memberName(id uuid.UUID) string {
	m, err := memberDocs.get(w.tx, id)
	if err != nil {
		return ""
	}
	return m.Name
}
