package bolt

import (
	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// People returns every person not in the trash, in creation order.
func (d *DB) People() ([]store.Person, error) {
	var out []store.Person
	err := d.bolt.View(func(tx *bbolt.Tx) (err error) {
		out, err = personKind.all(tx)
		return err
	})
	return out, err
}

// Person returns one person, or store.ErrNotFound.
func (d *DB) Person(id uuid.UUID) (store.Person, error) {
	var p store.Person
	err := d.bolt.View(func(tx *bbolt.Tx) (err error) {
		p, err = personKind.get(tx, id)
		return err
	})
	return p, err
}

// CreatePerson cleans and validates in, refuses a duplicate (same name in
// the same unit) and a unit that is not in the register, and saves it
// under a new ID.
func (d *DB) CreatePerson(in store.Person) (store.Person, error) {
	p := in
	p.Clean()
	if err := p.Validate(); err != nil {
		return store.Person{}, err
	}
	p.ID = store.NewID()
	err := d.update(func(w *writeTx) error {
		p.Created, p.Updated = w.now, w.now
		if err := w.insertPerson(&p); err != nil {
			return err
		}
		return w.audit(store.ActionCreate, store.KindPerson, p.ID, "新增 "+w.personLabel(&p))
	})
	if err != nil {
		return store.Person{}, err
	}
	return p, nil
}

// insertPerson checks and stores a person not yet in the file: its unit
// must exist and its PersonKey be free. CreatePerson and the roster import
// share it, so an imported person meets the same rules as a typed one.
func (w *writeTx) insertPerson(p *store.Person) error {
	if personKind.exists(w.tx, p.ID) {
		return store.ErrConflict // a plan applied twice: never overwrite
	}
	if err := w.checkPersonUnit(p); err != nil {
		return err
	}
	if err := w.refusePersonDuplicate(p); err != nil {
		return err
	}
	return personKind.put(w.tx, p, nil)
}

// UpdatePerson saves in over the stored person if in.Updated is what the
// store last returned (else store.ErrConflict), so an edit on a stale copy
// never undoes someone else's change.
func (d *DB) UpdatePerson(in store.Person) (store.Person, error) {
	p := in
	p.Clean()
	if err := p.Validate(); err != nil {
		return store.Person{}, err
	}
	err := d.update(func(w *writeTx) error {
		old, err := personKind.get(w.tx, p.ID)
		if err != nil {
			return err
		}
		if !old.Updated.Equal(p.Updated) {
			return store.ErrConflict
		}
		// A unit deleted after the person was saved must not block edits
		// of the person's phone; only a newly chosen unit must exist.
		if p.MemberID != old.MemberID {
			if err := w.checkPersonUnit(&p); err != nil {
				return err
			}
		}
		p.Created, p.Updated = old.Created, w.now
		if err := w.refusePersonDuplicate(&p); err != nil {
			return err
		}
		if err := personKind.put(w.tx, &p, &old); err != nil {
			return err
		}
		return w.audit(store.ActionUpdate, store.KindPerson, p.ID, "修改 "+w.personLabel(&p))
	})
	if err != nil {
		return store.Person{}, err
	}
	return p, nil
}

// DeletePerson moves a person to the trash, refused while they hold a seat
// or sit for a unit on any body: the roster would otherwise print a blank.
func (d *DB) DeletePerson(id uuid.UUID) error {
	return d.update(func(w *writeTx) error {
		p, err := personKind.get(w.tx, id)
		if err != nil {
			return err
		}
		body, err := openSeatOf(w.tx, id)
		if err != nil {
			return err
		}
		if body != "" {
			return &store.FieldError{Field: store.FieldPersonName, Problem: store.ProblemHoldsSeat, Detail: body}
		}
		label := w.personLabel(&p)
		if err := w.putTrash(store.KindPerson, id, label, &p); err != nil {
			return err
		}
		if err := personKind.remove(w.tx, &p); err != nil {
			return err
		}
		return w.audit(store.ActionDelete, store.KindPerson, id, "删除 "+label)
	})
}

// openSeatOf returns the name of a body where the person holds a seat that
// has not ended, or represents a unit in one, or "".
func openSeatOf(tx *bbolt.Tx, personID uuid.UUID) (string, error) {
	bodies, err := bodyKind.all(tx)
	if err != nil {
		return "", err
	}
	for _, b := range bodies {
		for _, t := range b.Terms {
			for _, s := range t.Seats {
				if s.End.IsZero() && holdsOrRepresents(&s, personID) {
					return b.Name, nil
				}
			}
		}
	}
	return "", nil
}

func holdsOrRepresents(s *store.Seat, personID uuid.UUID) bool {
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
func (w *writeTx) checkPersonUnit(p *store.Person) error {
	if p.MemberID == uuid.Nil || memberKind.exists(w.tx, p.MemberID) {
		return nil
	}
	return &store.FieldError{Field: store.FieldUnit, Problem: store.ProblemBadChoice, Detail: p.MemberID.String()}
}

// refusePersonDuplicate fails with store.PersonDuplicateError if another
// person has p's PersonKey.
func (w *writeTx) refusePersonDuplicate(p *store.Person) error {
	other, err := personKind.duplicate(w.tx, p)
	if err != nil {
		return err
	}
	if other != nil {
		return store.PersonDuplicateError(other)
	}
	return nil
}

// personLabel names a person in the audit log and the trash with their
// unit ("王磊（潍坊职业学院）"): two people of the same name are common,
// and the clerk must tell which one was changed.
func (w *writeTx) personLabel(p *store.Person) string {
	unit := p.Unit
	if m, err := getMember(w.tx, p.MemberID); p.MemberID != uuid.Nil && err == nil {
		unit = m.Name
	}
	if unit == "" {
		return p.Name
	}
	return p.Name + "（" + unit + "）"
}
