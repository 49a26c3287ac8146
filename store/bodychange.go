package store

import (
	"strings"

	"github.com/google/uuid"
)

// BodyOp is what a save of a body did, as a persisted ASCII code.
type BodyOp string

const (
	// BodyEdited: name, type, parent, ordering or note.
	BodyEdited BodyOp = "edit"
	// TermStarted: AddTerm (the first term) or NewTerm (换届); TermID is
	// the new term.
	TermStarted BodyOp = "term_start"
	// SeatAdded: AddSeat; SeatID is the new seat.
	SeatAdded BodyOp = "seat_add"
	// SeatReplaced: ReplaceHolder; FromSeatID is the ended seat, SeatID
	// its successor.
	SeatReplaced BodyOp = "seat_replace"
	// SeatEnded: EndSeat.
	SeatEnded BodyOp = "seat_end"
	// RepChanged: ChangeRep.
	RepChanged BodyOp = "rep_change"
	// SeatMoved: MoveSeat with Delta.
	SeatMoved BodyOp = "seat_move"
	// SeatCorrected: CorrectSeat.
	SeatCorrected BodyOp = "seat_correct"
	// SeatRemoved: RemoveSeat (a seat recorded by mistake).
	SeatRemoved BodyOp = "seat_remove"
	// SeatsChanged: several changes within a term at once (a scripted
	// load); the summary counts the term's seats.
	SeatsChanged BodyOp = "seats"
)

// BodyChange describes a change made to a body in memory, so that the
// store writes the audit summary itself, the same whichever front end
// made the change.
type BodyChange struct {
	Op         BodyOp
	TermID     uuid.UUID
	SeatID     uuid.UUID
	FromSeatID uuid.UUID
	Delta      int
}

// holderNames names seat holders for audit summaries: a person's name, a
// unit's name.
type holderNames interface {
	personName(id uuid.UUID) string
	memberName(id uuid.UUID) string
}

// bodySummary is the audit line of ch on b, e.g. "理事会 理事 张三 任职".
// old is the body before the change (for a removed seat), or nil.
func bodySummary(b, old *Body, ch BodyChange, names holderNames) string {
	return strings.TrimSpace(b.Name + " " + bodyChangeText(b, old, ch, names))
}

func bodyChangeText(b, old *Body, ch BodyChange, names holderNames) string {
	t := b.Term(ch.TermID)
	seat := func(body *Body, id uuid.UUID) (string, string) {
		for i := range body.Terms {
			if s := body.Terms[i].Seat(id); s != nil {
				return s.Position, seatHolderName(s, names)
			}
		}
		return "", ""
	}
	pos, who := seat(b, ch.SeatID)
	switch ch.Op {
	case BodyEdited:
		return "修改机构"
	case TermStarted:
		if t == nil {
			return "新建一届"
		}
		if len(b.Terms) > 1 {
			return "换届：" + TermName(t.Number)
		}
		return "新建一届：" + TermName(t.Number)
	case SeatAdded:
		return pos + " " + who + " 任职"
	case SeatReplaced:
		_, from := seat(b, ch.FromSeatID)
		return pos + " " + from + " → " + who
	case SeatEnded:
		return pos + " " + who + " 离任"
	case RepChanged:
		return pos + " " + who + " 代表改为 " + repName(b, ch.SeatID, names)
	case SeatMoved:
		if ch.Delta < 0 {
			return pos + " " + who + " 上移"
		}
		return pos + " " + who + " 下移"
	case SeatCorrected:
		return "修改职务：" + who
	case SeatRemoved:
		if old != nil {
			pos, who = seat(old, ch.SeatID)
		}
		return "删除席位：" + pos + " " + who
	case SeatsChanged:
		if t != nil {
			return TermName(t.Number) + " 名单变动"
		}
	}
	return "名单变动"
}

// seatHolderName is a seat's holder: the person, or the member unit.
func seatHolderName(s *Seat, names holderNames) string {
	if s.MemberID != uuid.Nil {
		return names.memberName(s.MemberID)
	}
	return names.personName(s.PersonID)
}

// repName is the person who represents the unit of seat id now.
func repName(b *Body, id uuid.UUID, names holderNames) string {
	for i := range b.Terms {
		if s := b.Terms[i].Seat(id); s != nil && len(s.Reps) > 0 {
			return names.personName(s.Reps[len(s.Reps)-1].PersonID)
		}
	}
	return ""
}
