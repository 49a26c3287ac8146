package store

import (
	"context"
	"encoding/json"

	"github.com/google/uuid"
)

func (r *records) Bodies(ctx context.Context) ([]Body, error) {
	var out []Body
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = bodyDocs.all(tx)
		return err
	})
	return out, err
}

func (r *records) Body(ctx context.Context, id uuid.UUID) (Body, error) {
	var b Body
	err := r.read(ctx, func(tx EngineTx) (err error) {
		b, err = bodyDocs.get(tx, id)
		return err
	})
	return b, err
}

// CreateBody keeps terms given with the body, after the same holder check
// as SaveBody.
func (r *records) CreateBody(ctx context.Context, in Body) (Body, error) {
	b := in
	b.Clean()
	if err := b.Validate(); err != nil {
		return Body{}, err
	}
	b.ID = NewID()
	err := r.write(ctx, func(w *wtx) error {
		w.stamp(&b.Stamp, nil)
		if err := w.checkBody(&b, nil); err != nil {
			return err
		}
		if err := bodyDocs.put(w.tx, &b, nil); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindBody, b.ID, "新增 "+b.Name)
	})
	if err != nil {
		return Body{}, err
	}
	return b, nil
}

func (r *records) SaveBody(ctx context.Context, in Body, ch BodyChange) (Body, error) {
	var b Body
	err := r.write(ctx, func(w *wtx) error {
		b = in // afresh on every run: an engine may retry the transaction
		return w.saveBody(&b, ActionRoster, func(old *Body) string {
			return bodySummary(&b, old, ch, w)
		}, ch.Op == SeatRemoved)
	})
	if err != nil {
		return Body{}, err
	}
	return b, nil
}

// saveBody checks b against the stored version (b.Rev must match, so a
// roster edited in two windows cannot lose one window's seats) and writes
// it with one audit entry from summary. SaveBody and the roster import
// share it. Only when needOld is set is the stored body decoded whole
// for summary (a removed seat is named from it); otherwise summary gets
// nil.
func (w *wtx) saveBody(b *Body, action Action, summary func(old *Body) string, needOld bool) error {
	b.Clean()
	if err := b.Validate(); err != nil {
		return err
	}
	data, err := w.tx.Get(ColBodies, b.ID)
	if err != nil {
		return err
	}
	var head bodyHead
	if err := json.Unmarshal(data, &head); err != nil {
		return decodeErr(ColBodies, b.ID, err)
	}
	if b.Rev != head.Rev {
		return conflict(KindBody, head.Name, &head.Stamp)
	}
	if err := w.checkBody(b, &head); err != nil {
		return err
	}
	var old *Body
	if needOld {
		old = new(Body)
		if err := json.Unmarshal(data, old); err != nil {
			return decodeErr(ColBodies, b.ID, err)
		}
	}
	w.stamp(&b.Stamp, &head.Stamp)
	if err := bodyDocs.put(w.tx, b, &Body{ID: head.ID, Name: head.Name}); err != nil {
		return err
	}
	return w.audit(action, KindBody, b.ID, summary(old))
}

// bodyHead is what saveBody needs of the stored body: its identity, stamp,
// parent, and whom its seats name. Decoding only these skips every seat's
// dates and titles, which is most of the cost of saving a 2,000-seat body.
type bodyHead struct {
	ID       uuid.UUID `json:"id"`
	Name     string    `json:"name"`
	ParentID uuid.UUID `json:"parent_id"`
	Stamp
	Terms []struct {
		Seats []struct {
			PersonID uuid.UUID `json:"person_id"`
			MemberID uuid.UUID `json:"member_id"`
			Reps     []struct {
				PersonID uuid.UUID `json:"person_id"`
			} `json:"reps"`
		} `json:"seats"`
	} `json:"terms"`
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
func (w *wtx) checkBody(b *Body, old *bodyHead) error {
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

// checkParent is CheckParent over the stored bodies.
func (w *wtx) checkParent(b *Body) error {
	var failed error
	err := CheckParent(b, func(id uuid.UUID) (*Body, bool) {
		up, err := bodyDocs.get(w.tx, id)
		if err != nil && !isNotFound(err) {
			failed = err
		}
		return &up, err == nil
	})
	return cmpErr(failed, err)
}

// cmpErr is err if there is one, else def.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// checkHolders refuses a seat without a holder, or naming a person or
// member that does not exist. A reference in known (those the stored body
// already makes) is accepted as it is: a person deleted after their seat
// ended (or a unit deleted) must not lock the whole body against edits;
// new references must name records in the register.
func (w *wtx) checkHolders(b *Body, known map[uuid.UUID]bool) error {
	known[uuid.Nil] = true
	for _, t := range b.Terms {
		for i := range t.Seats {
			s := &t.Seats[i]
			if (s.PersonID == uuid.Nil) == (s.MemberID == uuid.Nil) {
				return &FieldError{Field: FieldHolder, Problem: ProblemRequired, Detail: s.Position}
			}
			ids := []holderRef{{s.MemberID, ColMembers}, {s.PersonID, ColPeople}}
			for _, r := range s.Reps {
				ids = append(ids, holderRef{r.PersonID, ColPeople})
			}
			for _, h := range ids {
				ok, err := w.holderExists(known, h.id, h.c)
				if err != nil {
					return err
				}
				if !ok {
					return missingHolder(s)
				}
			}
		}
	}
	return nil
}

// holderRef is a record a seat names.
type holderRef struct {
	id uuid.UUID
	c  Collection
}

func missingHolder(s *Seat) error {
	return &FieldError{Field: FieldHolder, Problem: ProblemBadChoice, Detail: s.Position}
}

// holderExists looks id up once per save: a 2,000-seat body names the same
// units again and again.
func (w *wtx) holderExists(known map[uuid.UUID]bool, id uuid.UUID, c Collection) (bool, error) {
	if known[id] {
		return true, nil
	}
	_, err := w.tx.Get(c, id)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	known[id] = true
	return true, nil
}

// DeleteBody moves a body with its terms and seats to the trash. Bodies
// under it keep their ParentID, so restoring it puts the tree back.
func (r *records) DeleteBody(ctx context.Context, id uuid.UUID) error {
	return r.write(ctx, func(w *wtx) error {
		b, err := bodyDocs.get(w.tx, id)
		if err != nil {
			return err
		}
		if err := w.putTrash(KindBody, id, b.Name, &b); err != nil {
			return err
		}
		if err := bodyDocs.remove(w.tx, &b); err != nil {
			return err
		}
		return w.audit(ActionDelete, KindBody, id, "删除 "+b.Name)
	})
}

// refuseBodyDuplicate fails if another body has b's NameKey.
func (w *wtx) refuseBodyDuplicate(b *Body) error {
	other, err := bodyDocs.duplicate(w.tx, b)
	if err != nil {
		return err
	}
	if other != nil {
		return BodyDuplicateError(other)
	}
	return nil
}
