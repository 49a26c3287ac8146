package bolt

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// Errors about a body's parent. store has no field for the parent yet,
// so these are plain errors; errors.Is(err, store.ErrNotFound) holds for
// a missing parent.
var (
	errParentMissing = fmt.Errorf("上级机构%w", store.ErrNotFound)
	errParentCycle   = errors.New("上级机构不能是本机构或其下级机构")
)

// Bodies returns every body not in the trash, in creation order.
func (d *DB) Bodies() ([]store.Body, error) {
	var out []store.Body
	err := d.bolt.View(func(tx *bbolt.Tx) (err error) {
		out, err = bodyKind.all(tx)
		return err
	})
	return out, err
}

// Body returns one body with its terms and seats, or store.ErrNotFound.
func (d *DB) Body(id uuid.UUID) (store.Body, error) {
	var b store.Body
	err := d.bolt.View(func(tx *bbolt.Tx) (err error) {
		b, err = bodyKind.get(tx, id)
		return err
	})
	return b, err
}

// CreateBody cleans and validates in, refuses a second body of the same
// name and a parent that does not exist, and saves it under a new ID. Terms
// given with it are kept, after the same holder check as SaveBody.
func (d *DB) CreateBody(in store.Body) (store.Body, error) {
	b := in
	b.Clean()
	if err := b.Validate(); err != nil {
		return store.Body{}, err
	}
	b.ID = store.NewID()
	err := d.update(func(w *writeTx) error {
		b.Created, b.Updated = w.now, w.now
		if err := w.checkBody(&b, nil); err != nil {
			return err
		}
		if err := bodyKind.put(w.tx, &b, nil); err != nil {
			return err
		}
		return w.audit(store.ActionCreate, store.KindBody, b.ID, "新增 "+b.Name)
	})
	if err != nil {
		return store.Body{}, err
	}
	return b, nil
}

// SaveBody writes the whole body after a change made in memory with the
// Body methods, with "<name> <change>" as the audit summary.
func (d *DB) SaveBody(b store.Body, change string) (store.Body, error) {
	err := d.update(func(w *writeTx) error {
		return w.saveBody(&b, store.ActionRoster, change)
	})
	if err != nil {
		return store.Body{}, err
	}
	return b, nil
}

// saveBody checks b against the stored version (b.Updated must match, so a
// roster edited in two windows cannot lose one window's seats) and writes
// it with one audit entry. SaveBody and the roster import share it.
func (w *writeTx) saveBody(b *store.Body, action, change string) error {
	b.Clean()
	if err := b.Validate(); err != nil {
		return err
	}
	old, err := getBodyHead(w.tx, b.ID)
	if err != nil {
		return err
	}
	if !old.Updated.Equal(b.Updated) {
		return store.ErrConflict
	}
	if err := w.checkBody(b, old); err != nil {
		return err
	}
	b.Created, b.Updated = old.Created, w.now
	if err := bodyKind.put(w.tx, b, &store.Body{ID: old.ID, Name: old.Name}); err != nil {
		return err
	}
	return w.audit(action, store.KindBody, b.ID, strings.TrimSpace(b.Name+" "+change))
}

// bodyHead is what saveBody needs of the stored body: its identity, times,
// parent, and whom its seats name. Decoding only these skips every seat's
// dates and titles, which is most of the cost of saving a 2,000-seat body.
type bodyHead struct {
	ID       uuid.UUID `json:"id"`
	Name     string    `json:"name"`
	ParentID uuid.UUID `json:"parent_id"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Terms    []struct {
		Seats []struct {
			PersonID uuid.UUID `json:"person_id"`
			MemberID uuid.UUID `json:"member_id"`
			Reps     []struct {
				PersonID uuid.UUID `json:"person_id"`
			} `json:"reps"`
		} `json:"seats"`
	} `json:"terms"`
}

func getBodyHead(tx *bbolt.Tx, id uuid.UUID) (*bodyHead, error) {
	data := tx.Bucket(bucketBodies).Get(id[:])
	if data == nil {
		return nil, store.ErrNotFound
	}
	var h bodyHead
	if err := decode(data, &h); err != nil {
		return nil, fmt.Errorf("%s %s 无法读取: %w", store.KindBody, id, err)
	}
	return &h, nil
}

// holders is the set of people and members the stored body's seats name.
func (h *bodyHead) holders() map[uuid.UUID]bool {
	known := map[uuid.UUID]bool{}
	for _, t := range h.Terms {
		for _, s := range t.Seats {
			known[s.PersonID], known[s.MemberID] = true, true
			for _, r := range s.Reps {
				known[r.PersonID] = true
			}
		}
	}
	return known
}

// checkBody is what every write of a body checks beyond Body.Validate: its
// name is free, its parent exists, and its seats name existing holders.
// old is the stored version, nil for a new body.
func (w *writeTx) checkBody(b *store.Body, old *bodyHead) error {
	if err := w.refuseBodyDuplicate(b); err != nil {
		return err
	}
	if old == nil || b.ParentID != old.ParentID {
		if err := w.checkParent(b); err != nil {
			return err
		}
	}
	known := map[uuid.UUID]bool{}
	if old != nil {
		known = old.holders()
	}
	return w.checkHolders(b, known)
}

// checkParent refuses a parent that does not exist, or one that would
// make the tree of bodies a loop.
func (w *writeTx) checkParent(b *store.Body) error {
	if b.ParentID == uuid.Nil {
		return nil
	}
	if !bodyKind.exists(w.tx, b.ParentID) {
		return errParentMissing
	}
	// Walk up; a deleted ancestor ends the walk. The bound guards against
	// a loop already in a damaged file.
	for id, n := b.ParentID, 0; id != uuid.Nil && n < 1000; n++ {
		if id == b.ID {
			return errParentCycle
		}
		up, err := bodyKind.get(w.tx, id)
		if err != nil {
			break
		}
		id = up.ParentID
	}
	return nil
}

// checkHolders refuses a seat without a holder, or naming a person or
// member that does not exist. A reference in known (those the stored body
// already makes) is accepted as it is: a person deleted after their seat
// ended (or a unit deleted) must not lock the whole body against edits;
// new references must name records in the register.
func (w *writeTx) checkHolders(b *store.Body, known map[uuid.UUID]bool) error {
	known[uuid.Nil] = true
	for _, t := range b.Terms {
		for i := range t.Seats {
			s := &t.Seats[i]
			if (s.PersonID == uuid.Nil) == (s.MemberID == uuid.Nil) {
				return &store.FieldError{Field: store.FieldHolder, Problem: store.ProblemRequired, Detail: s.Position}
			}
			if !w.holderExists(known, s.MemberID, memberKind.exists) || !w.holderExists(known, s.PersonID, personKind.exists) {
				return missingHolder(s)
			}
			for _, r := range s.Reps {
				if !w.holderExists(known, r.PersonID, personKind.exists) {
					return missingHolder(s)
				}
			}
		}
	}
	return nil
}

// holderExists looks id up once per save: a 2,000-seat body names the same
// units again and again.
func (w *writeTx) holderExists(known map[uuid.UUID]bool, id uuid.UUID, exists func(*bbolt.Tx, uuid.UUID) bool) bool {
	if known[id] {
		return true
	}
	if !exists(w.tx, id) {
		return false
	}
	known[id] = true
	return true
}

func missingHolder(s *store.Seat) error {
	return &store.FieldError{Field: store.FieldHolder, Problem: store.ProblemBadChoice, Detail: s.Position}
}

// DeleteBody moves a body with its terms and seats to the trash. Bodies
// under it keep their ParentID, so restoring it puts the tree back.
func (d *DB) DeleteBody(id uuid.UUID) error {
	return d.update(func(w *writeTx) error {
		b, err := bodyKind.get(w.tx, id)
		if err != nil {
			return err
		}
		if err := w.putTrash(store.KindBody, id, b.Name, &b); err != nil {
			return err
		}
		if err := bodyKind.remove(w.tx, &b); err != nil {
			return err
		}
		return w.audit(store.ActionDelete, store.KindBody, id, "删除 "+b.Name)
	})
}

// refuseBodyDuplicate fails if another body has b's NameKey.
func (w *writeTx) refuseBodyDuplicate(b *store.Body) error {
	other, err := bodyKind.duplicate(w.tx, b)
	if err != nil {
		return err
	}
	if other != nil {
		return &store.FieldError{Field: store.FieldBodyName, Problem: store.ProblemBodyDuplicate, Detail: other.Name}
	}
	return nil
}
