package store

import (
	"slices"

	"github.com/google/uuid"
)

// BodyType is the kind of a body of the group.
type BodyType string

var BodyTypes = []BodyType{"理事会", "常务理事会", "监事会", "秘书处", "指导委员会", "工作委员会", "专门委员会", "共同体", "其他"}

// Ordering is how a roster orders the holders within one position.
type Ordering string

const (
	// OrderRanked follows the seats' explicit ranks (set by the clerk).
	OrderRanked Ordering = "按指定顺序"
	// OrderStrokes is 姓氏笔画 for people and 单位名称笔画 for units, the
	// order printed under "排名不分先后".
	OrderStrokes Ordering = "按姓氏笔画"
)

var Orderings = []Ordering{OrderStrokes, OrderRanked}

// Body (机构) is a council, committee, secretariat or 共同体 with its terms.
type Body struct {
	ID       uuid.UUID `json:"id"`
	Name     string    `json:"name"`
	Type     BodyType  `json:"type"`
	ParentID uuid.UUID `json:"parent_id"`
	Ordering Ordering  `json:"ordering"`
	Note     string    `json:"note,omitempty"`
	// Quorum is how the body's meetings count a quorum.
	Quorum Quorum `json:"quorum"`
	Terms  []Term `json:"terms"`
	Stamp
}

// Term (届) is one term of office of a body. End is the day the next term
// began (exclusive); zero while the term is current.
type Term struct {
	ID     uuid.UUID `json:"id"`
	Number int       `json:"number"`
	Start  Date      `json:"start"`
	End    Date      `json:"end"`
	Seats  []Seat    `json:"seats"`
}

// Seat is one place on a body in one term: a position held by a person
// (with the title they held then) or by a member unit (with the person who
// represents it, which may change within the term). End is exclusive: a
// seat replaced on day d has End d and its successor Start d.
type Seat struct {
	ID       uuid.UUID `json:"id"`
	Position string    `json:"position"`
	PersonID uuid.UUID `json:"person_id"`
	MemberID uuid.UUID `json:"member_id"`
	Title    string    `json:"title,omitempty"`
	Reps     []Rep     `json:"reps,omitempty"`
	Rank     int       `json:"rank"`
	Start    Date      `json:"start"`
	End      Date      `json:"end"`
	Note     string    `json:"note,omitempty"`
}

// Rep is who sat for a member unit, from Start until End (exclusive).
type Rep struct {
	PersonID uuid.UUID `json:"person_id"`
	Title    string    `json:"title,omitempty"`
	Start    Date      `json:"start"`
	End      Date      `json:"end"`
}

// Body and seat fields as the clerk sees them.
const (
	FieldBodyName  Field = "机构名称"
	FieldBodyType  Field = "机构类型"
	FieldTermNo    Field = "届次"
	FieldTermStart Field = "本届开始日期"
	FieldPosition  Field = "职位"
	FieldHolder    Field = "任职人员或单位"
	FieldSeatStart Field = "任职日期"
	FieldSeatEnd   Field = "离任日期"
	FieldQuorum    Field = "会议法定人数"
)

// Roster problems.
const (
	ProblemBodyDuplicate Problem = "已有同名机构"
	ProblemOutsideTerm   Problem = "不在本届任期内"
	ProblemEndBeforeFrom Problem = "早于任职日期"
	ProblemSeatEnded     Problem = "该职位已离任"
	ProblemTermNotLast   Problem = "只能从最近一届换届"
	ProblemTermStart     Problem = "应晚于上一届开始日期"
	ProblemNotUnitSeat   Problem = "该职位不是由成员单位担任"
	ProblemHolderTwice   Problem = "已在本届担任该职位"
)

// ActiveOn reports whether the seat is held on day d.
func (s *Seat) ActiveOn(d Date) bool {
	return !d.Before(s.Start) && (s.End.IsZero() || d.Before(s.End))
}

// RepOn is the person representing a unit seat on day d, if any.
func (s *Seat) RepOn(d Date) (Rep, bool) {
	for _, r := range s.Reps {
		if !d.Before(r.Start) && (r.End.IsZero() || d.Before(r.End)) {
			return r, true
		}
	}
	return Rep{}, false
}

// ActiveOn reports whether d falls within the term.
func (t *Term) ActiveOn(d Date) bool {
	return !d.Before(t.Start) && (t.End.IsZero() || d.Before(t.End))
}

// TermOn is the term in force on day d, or nil.
func (b *Body) TermOn(d Date) *Term {
	for i := range b.Terms {
		if b.Terms[i].ActiveOn(d) {
			return &b.Terms[i]
		}
	}
	return nil
}

// CurrentTerm is the latest term, or nil if the body has none yet.
func (b *Body) CurrentTerm() *Term {
	if len(b.Terms) == 0 {
		return nil
	}
	return &b.Terms[len(b.Terms)-1]
}

// Term returns the term with the given ID, or nil.
func (b *Body) Term(id uuid.UUID) *Term {
	for i := range b.Terms {
		if b.Terms[i].ID == id {
			return &b.Terms[i]
		}
	}
	return nil
}

// Seat returns the seat with the given ID in term t, or nil.
func (t *Term) Seat(id uuid.UUID) *Seat {
	for i := range t.Seats {
		if t.Seats[i].ID == id {
			return &t.Seats[i]
		}
	}
	return nil
}

// Clean normalises the body's own text fields in place.
func (b *Body) Clean() {
	b.Name, b.Note = CleanText(b.Name), CleanText(b.Note)
	b.Type = BodyType(CleanText(string(b.Type)))
	if b.Ordering == "" {
		b.Ordering = OrderStrokes
	}
}

// Validate checks a cleaned body's own fields.
func (b *Body) Validate() error {
	if err := CheckBodyName(b.Name); err != nil {
		return err
	}
	switch {
	case b.Type == "":
		return fieldErr(FieldBodyType, ProblemRequired, "")
	case !slices.Contains(BodyTypes, b.Type):
		return fieldErr(FieldBodyType, ProblemBadChoice, string(b.Type))
	case !slices.Contains(Orderings, b.Ordering):
		return fieldErr(FieldBodyType, ProblemBadChoice, string(b.Ordering))
	case !slices.Contains(QuorumRules, b.Quorum.Rule):
		return fieldErr(FieldQuorum, ProblemBadChoice, string(b.Quorum.Rule))
	}
	return nil
}

// Clone copies b deeply: the Body methods change terms, seats and
// representatives in place, and a caller that may throw its change away
// (a refused save, an import preview) must leave the original as it was.
func (b Body) Clone() Body {
	b.Terms = slices.Clone(b.Terms)
	for i := range b.Terms {
		t := &b.Terms[i]
		t.Seats = slices.Clone(t.Seats)
		for j := range t.Seats {
			t.Seats[j].Reps = slices.Clone(t.Seats[j].Reps)
		}
	}
	return b
}
