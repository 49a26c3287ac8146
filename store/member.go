package store

import (
	"regexp"
	"slices"
	"time"

	"github.com/google/uuid"
)

// UnitType is 单位类型. The values are the Chinese names themselves: they
// are what the files contain and what the statistics are grouped by.
type UnitType string

// UnitTypes in the order the group's work report lists them.
var UnitTypes = []UnitType{"政府部门", "企业", "本科院校", "高职院校", "中职学校", "技工院校", "普通学校", "行业协会", "科研院所", "其他"}

// Tier is 会员类别, highest first.
type Tier string

var Tiers = []Tier{"理事长单位", "副理事长单位", "常务理事单位", "理事单位", "成员单位"}

// ExitKind is 退出方式.
type ExitKind string

var ExitKinds = []ExitKind{"自愿退出", "除名", "注销"}

// EventKind is one step in a member's life cycle.
type EventKind string

const (
	EventApply EventKind = "申请"
	EventJoin  EventKind = "批准加入"
	EventTier  EventKind = "类别变更"
	EventExit  EventKind = "退出"
)

// Event is a dated step in a member's life. Events are appended, never
// rewritten: status, tier and the register on any day are derived from them.
type Event struct {
	ID       uuid.UUID `json:"id"`
	Kind     EventKind `json:"kind"`
	Date     Date      `json:"date"`
	Tier     Tier      `json:"tier,omitempty"`      // join: the tier from that day; tier change: the new tier
	FromTier Tier      `json:"from_tier,omitempty"` // tier change: the tier before
	Basis    string    `json:"basis,omitempty"`     // approving meeting or document (批准依据)
	ExitKind ExitKind  `json:"exit_kind,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	Recorded time.Time `json:"recorded"`
}

// Member is a member unit (成员单位) with its whole history.
type Member struct {
	ID         uuid.UUID `json:"id"`
	Name       string    `json:"name"`
	CreditCode string    `json:"credit_code,omitempty"`
	// CodeReason is why a credit code that fails the GB 32100 check was
	// accepted; such a member stays flagged (CodeFlagged).
	CodeReason string   `json:"code_reason,omitempty"`
	Type       UnitType `json:"type"`
	Province   string   `json:"province,omitempty"`
	City       string   `json:"city,omitempty"`
	Address    string   `json:"address,omitempty"`
	Contact    string   `json:"contact,omitempty"`
	Phone      string   `json:"phone,omitempty"`
	Email      string   `json:"email,omitempty"`
	Note       string   `json:"note,omitempty"`
	// Warnings are the import warnings recorded on the member (a failing
	// credit code, a phone that looks wrong), shown in its detail view.
	Warnings []Warning `json:"warnings,omitempty"`
	Events   []Event   `json:"events"`
	Stamp
}

// CodeFlagged reports whether the member's credit code fails the check.
func (m *Member) CodeFlagged() bool {
	return m.CreditCode != "" && !ValidCreditCode(m.CreditCode)
}

// Status is a member's standing on a day.
type Status string

const (
	StatusNone    Status = "未加入"
	StatusApplied Status = "申请中"
	StatusActive  Status = "在册"
	StatusLeft    Status = "已退出"
)

var Statuses = []Status{StatusActive, StatusApplied, StatusLeft, StatusNone}

// State is what the events say about a member on one day.
type State struct {
	Status   Status
	Tier     Tier // while active
	JoinedOn Date // the admission that is (or was last) in force
	LeftOn   Date // the last exit on or before the day
	ExitKind ExitKind
}

// StateOn derives the member's state at the end of day d from its events.
func (m *Member) StateOn(d Date) State {
	var s State
	s.Status = StatusNone
	for _, e := range m.Events {
		if e.Date.After(d) {
			break
		}
		switch e.Kind {
		case EventApply:
			if s.Status != StatusActive {
				s.Status = StatusApplied
			}
		case EventJoin:
			s.Status, s.Tier, s.JoinedOn = StatusActive, e.Tier, e.Date
		case EventTier:
			s.Tier = e.Tier
		case EventExit:
			s.Status, s.Tier, s.LeftOn, s.ExitKind = StatusLeft, "", e.Date, e.ExitKind
		}
	}
	return s
}

// LastEventDate is the date of the latest event, zero if none.
func (m *Member) LastEventDate() Date {
	if len(m.Events) == 0 {
		return Date{}
	}
	return m.Events[len(m.Events)-1].Date
}

// CheckEvent reports whether e may be appended to the member's history
// today. Events must come in date order: a step dated before the latest
// recorded one is refused, so the derived history never contradicts itself.
func (m *Member) CheckEvent(e Event, today Date) error {
	f := EventDateField(e.Kind)
	if err := checkEventDate(f, e.Date, today); err != nil {
		return err
	}
	if last := m.LastEventDate(); !last.IsZero() && e.Date.Before(last) {
		return fieldErr(f, ProblemBeforeLast, last.Chinese())
	}
	cur := m.StateOn(e.Date)
	switch e.Kind {
	case EventApply:
		if cur.Status == StatusActive {
			return fieldErr(f, ProblemAlreadyMember, "")
		}
	case EventJoin:
		if cur.Status == StatusActive {
			return fieldErr(f, ProblemAlreadyMember, "")
		}
		if !slices.Contains(Tiers, e.Tier) {
			return fieldErr(FieldTier, ProblemBadChoice, string(e.Tier))
		}
	case EventTier:
		if cur.Status != StatusActive {
			return fieldErr(f, ProblemNotMember, "")
		}
		if !slices.Contains(Tiers, e.Tier) {
			return fieldErr(FieldTier, ProblemBadChoice, string(e.Tier))
		}
		if e.Tier == cur.Tier {
			return fieldErr(FieldTier, ProblemSameTier, string(e.Tier))
		}
	case EventExit:
		if cur.Status != StatusActive {
			if cur.JoinedOn.IsZero() {
				return fieldErr(f, ProblemExitNoJoin, "")
			}
			return fieldErr(f, ProblemNotMember, "")
		}
		if !slices.Contains(ExitKinds, e.ExitKind) {
			return fieldErr(FieldExitKind, ProblemBadChoice, string(e.ExitKind))
		}
	default:
		return fieldErr(FieldDate, ProblemBadChoice, string(e.Kind))
	}
	return nil
}

// AddEvent checks e, fills in what the store owns (ID, the tier it changes
// from, when it was recorded) and appends it.
func (m *Member) AddEvent(e Event, now time.Time) error {
	if err := m.CheckEvent(e, DateOf(now)); err != nil {
		return err
	}
	if e.ID == uuid.Nil {
		e.ID = NewID()
	}
	if e.Kind == EventTier {
		e.FromTier = m.StateOn(e.Date).Tier
	}
	if e.Kind != EventJoin && e.Kind != EventTier {
		e.Tier = ""
	}
	e.Basis, e.Reason = CleanText(e.Basis), CleanText(e.Reason)
	e.Recorded = now
	m.Events = append(m.Events, e)
	return nil
}

// NewID returns a time-ordered UUIDv7, so that a bucket keyed by it
// iterates in creation order and records made on two PCs never clash.
func NewID() uuid.UUID { return uuid.Must(uuid.NewV7()) }

// phonePattern accepts mainland mobiles and landlines with area code and
// extension, the forms seen in member registers.
var phonePattern = regexp.MustCompile(`^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$`)

// PhoneLooksWrong reports a phone number that is probably mistyped. It is a
// warning, not an error: registers hold odd numbers that still work.
func PhoneLooksWrong(p string) bool {
	return p != "" && !phonePattern.MatchString(p)
}

// Clean normalises every text field of m in place (NFKC, trimmed, spaces
// folded), the way they are stored and compared.
func (m *Member) Clean() {
	m.Name = CleanName(m.Name)
	for _, p := range []*string{&m.CodeReason, &m.Province, &m.City, &m.Address, &m.Contact, &m.Note} {
		*p = CleanText(*p)
	}
	m.Phone, m.Email = CleanCode(m.Phone), CleanCode(m.Email)
	m.CreditCode = CleanCreditCode(m.CreditCode)
	m.Type = UnitType(CleanText(string(m.Type)))
}

// Validate checks the details of a cleaned member (not its events). A
// credit code that fails the check is an error unless a reason is given.
func (m *Member) Validate() error {
	if err := CheckName(m.Name); err != nil {
		return err
	}
	if !slices.Contains(UnitTypes, m.Type) {
		if m.Type == "" {
			return fieldErr(FieldType, ProblemRequired, "")
		}
		return fieldErr(FieldType, ProblemBadChoice, string(m.Type))
	}
	if err := CheckCreditCode(m.CreditCode, m.CodeReason); err != nil {
		return err
	}
	return CheckEmail(m.Email)
}
