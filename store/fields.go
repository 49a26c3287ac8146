package store

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// The field checks below are the rules a form in the window and the store
// both apply: each takes the text as typed, cleans it as the store will,
// and returns nil or the *FieldError the store would return on saving.
// They report the first problem only.

// MaxNameRunes and MaxPersonNameRunes are the longest names accepted.
const (
	MaxNameRunes       = 100
	MaxPersonNameRunes = 40
)

// CheckName checks a unit's name (单位名称): required, at most MaxNameRunes
// characters once cleaned. Whether another unit has the name is the
// store's to say (DuplicateError).
func CheckName(s string) error {
	return checkLength(FieldName, CleanName(s), MaxNameRunes)
}

// CheckPersonName checks a person's name (姓名): required, at most
// MaxPersonNameRunes characters once cleaned.
func CheckPersonName(s string) error {
	return checkLength(FieldPersonName, CleanName(s), MaxPersonNameRunes)
}

func checkLength(f Field, s string, max int) error {
	switch {
	case s == "":
		return fieldErr(f, ProblemRequired, "")
	case len([]rune(s)) > max:
		return fieldErr(f, ProblemTooLong, "")
	}
	return nil
}

var creditCodeShape = regexp.MustCompile(`^[0-9A-Z]{18}$`)

// CheckCreditCode checks a 统一社会信用代码 with the reason given for
// keeping a code that fails: an empty code is fine, and so is one that
// passes GB 32100; one that fails (in shape, or only in its check
// character) needs a reason (信用代码说明). Real registers hold codes that
// fail, so a reason makes any code acceptable.
func CheckCreditCode(code, reason string) error {
	code = CleanCreditCode(code)
	switch {
	case code == "" || CleanText(reason) != "":
		return nil
	case !creditCodeShape.MatchString(code):
		return fieldErr(FieldCreditCode, ProblemCodeFormat, code)
	case !ValidCreditCode(code):
		return fieldErr(FieldCreditCode, ProblemCodeNeedReason, code)
	}
	return nil
}

// CheckEmail checks an e-mail address: empty, or one bare address (no
// display name).
func CheckEmail(s string) error {
	s = CleanCode(s)
	if s == "" {
		return nil
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		return fieldErr(FieldEmail, ProblemBadEmail, s)
	}
	return nil
}

// CheckEventDate checks the date of a life-cycle step (日期): required and
// not later than today. Pass the store's today (the day its clock gives),
// not the wall clock's, so the form and the store agree near midnight.
func CheckEventDate(d, today Date) error {
	return checkEventDate(FieldDate, d, today)
}

// EventDateField is the field a step's date is reported under: 加入日期 for
// an admission, 退出日期 for an exit, else 日期.
func EventDateField(k EventKind) Field {
	switch k {
	case EventJoin:
		return FieldJoinDate
	case EventExit:
		return FieldExitDate
	}
	return FieldDate
}

func checkEventDate(f Field, d, today Date) error {
	switch {
	case d.IsZero():
		return fieldErr(f, ProblemRequired, "")
	case d.After(today):
		return fieldErr(f, ProblemFutureDate, d.Chinese())
	}
	return nil
}

// digitRun finds the numbers inside a phone field, which may hold several
// numbers, an area code, an extension or a +86 prefix.
var digitRun = regexp.MustCompile(`\d+`)

// MaskPhone hides the personal part of phone numbers for copies that leave
// the secretariat: a mobile keeps its first three and last four digits
// (13812341234 → 138****1234); any other number of seven digits or more
// keeps only its last four (0536-8123456 → 0536-***3456). Area codes,
// extensions, prefixes and separators are kept, so the shape still shows.
func MaskPhone(p string) string {
	return digitRun.ReplaceAllStringFunc(p, func(run string) string {
		n := len(run)
		switch {
		case n >= 11 && run[n-11] == '1' && (n == 11 || strings.HasPrefix(run, "86") && n == 13):
			return run[:n-8] + "****" + run[n-4:]
		case n >= 7:
			return strings.Repeat("*", n-4) + run[n-4:]
		}
		return run
	})
}

// Body lookups and checks.

// FindBody finds a body by its name as NameKey compares names, so
// "理事会 " and full-width variants find 理事会; nil if none has it.
func FindBody(bodies []Body, name string) *Body {
	key := NameKey(name)
	for i := range bodies {
		if NameKey(bodies[i].Name) == key {
			return &bodies[i]
		}
	}
	return nil
}

// CheckBodyName checks a body's name (机构名称): required once cleaned.
// Whether another body has the name is the store's to say
// (BodyDuplicateError).
func CheckBodyName(s string) error {
	if CleanText(s) == "" {
		return fieldErr(FieldBodyName, ProblemRequired, "")
	}
	return nil
}

// BodyDuplicateError is the error for a body named as existing is.
func BodyDuplicateError(existing *Body) *FieldError {
	return fieldErr(FieldBodyName, ProblemBodyDuplicate, existing.Name)
}

// SeatsHeldAtEnd counts the seats of t held on its last day: those not
// ended, or ended only by the next term's start (换届 closes every seat).
// For the current term it is the seats held now.
func (t *Term) SeatsHeldAtEnd() int {
	n := 0
	for _, s := range t.Seats {
		if s.End.IsZero() || s.End.Equal(t.End) {
			n++
		}
	}
	return n
}

// HeldSeat is one seat a person held on a body: in their own name, or as
// the representative of a member unit (ForUnit), from Start until End
// (exclusive; zero while held).
type HeldSeat struct {
	BodyID   uuid.UUID
	Body     string
	Term     int
	SeatID   uuid.UUID
	Position string
	Title    string
	ForUnit  uuid.UUID
	Start    Date
	End      Date
}

// ActiveOn reports whether the seat is held on day d.
func (s *HeldSeat) ActiveOn(d Date) bool {
	return !d.Before(s.Start) && (s.End.IsZero() || d.Before(s.End))
}

// SeatsByPerson is every seat of every body and term by the person who
// held it, or sat in it for a unit. The bodies are walked in the order
// given, their terms in order and the seats as recorded, so each person's
// list reads as a history.
func SeatsByPerson(bodies []Body) map[uuid.UUID][]HeldSeat {
	out := map[uuid.UUID][]HeldSeat{}
	for bi := range bodies {
		b := &bodies[bi]
		for ti := range b.Terms {
			t := &b.Terms[ti]
			for si := range t.Seats {
				s := &t.Seats[si]
				h := HeldSeat{BodyID: b.ID, Body: b.Name, Term: t.Number, SeatID: s.ID, Position: s.Position}
				if s.PersonID != uuid.Nil {
					h.Title, h.Start, h.End = s.Title, s.Start, s.End
					out[s.PersonID] = append(out[s.PersonID], h)
				}
				for _, r := range s.Reps {
					if r.PersonID != uuid.Nil {
						h.Title, h.ForUnit, h.Start, h.End = r.Title, s.MemberID, r.Start, r.End
						out[r.PersonID] = append(out[r.PersonID], h)
					}
				}
			}
		}
	}
	return out
}

// SeatsHeldBy is the seats person holds, or sits in for a unit, on day d,
// in SeatsByPerson's order.
func SeatsHeldBy(bodies []Body, person uuid.UUID, d Date) []HeldSeat {
	var out []HeldSeat
	for _, h := range SeatsByPerson(bodies)[person] {
		if h.ActiveOn(d) {
			out = append(out, h)
		}
	}
	return out
}

// OpenSeatOf is the first body where the person holds a seat that has not
// ended, or represents a unit in one (a representation not ended either),
// or nil. Such a person may not be deleted: the roster would print a
// blank (ProblemHoldsSeat).
func OpenSeatOf(bodies []Body, person uuid.UUID) *Body {
	if person == uuid.Nil {
		return nil
	}
	for bi := range bodies {
		for _, t := range bodies[bi].Terms {
			for _, s := range t.Seats {
				if s.End.IsZero() && holdsOrRepresents(&s, person) {
					return &bodies[bi]
				}
			}
		}
	}
	return nil
}

func holdsOrRepresents(s *Seat, person uuid.UUID) bool {
	if s.PersonID == person {
		return true
	}
	for _, r := range s.Reps {
		if r.PersonID == person && r.End.IsZero() {
			return true
		}
	}
	return false
}

// FieldParent is a body's parent (上级机构).
const FieldParent Field = "上级机构"

// Parent problems.
const (
	ProblemParentMissing Problem = "不存在或已删除"
	ProblemParentCycle   Problem = "不能是本机构或其下级机构"
)

// maxBodyDepth bounds the walk up a tree of bodies, against a loop already
// in a damaged file.
const maxBodyDepth = 1000

// CheckParent refuses a parent that does not exist (ProblemParentMissing)
// or that would make the tree of bodies a loop: the body itself or one of
// its sub-bodies (ProblemParentCycle). lookup finds a body by ID among the
// bodies not deleted; a deleted ancestor higher up ends the walk.
func CheckParent(b *Body, lookup func(uuid.UUID) (*Body, bool)) error {
	if b.ParentID == uuid.Nil {
		return nil
	}
	if _, ok := lookup(b.ParentID); !ok {
		return fieldErr(FieldParent, ProblemParentMissing, "")
	}
	for id, n := b.ParentID, 0; id != uuid.Nil && n < maxBodyDepth; n++ {
		if id == b.ID {
			return fieldErr(FieldParent, ProblemParentCycle, "")
		}
		up, ok := lookup(id)
		if !ok {
			break
		}
		id = up.ParentID
	}
	return nil
}

// BodyLookup indexes bodies by ID for CheckParent.
func BodyLookup(bodies []Body) func(uuid.UUID) (*Body, bool) {
	byID := make(map[uuid.UUID]*Body, len(bodies))
	for i := range bodies {
		byID[bodies[i].ID] = &bodies[i]
	}
	return func(id uuid.UUID) (*Body, bool) {
		b, ok := byID[id]
		return b, ok
	}
}

// Settings.

// Languages are the values Settings.Language may take ("" is the default,
// Chinese).
var Languages = []string{"", "zh", "en"}

// FieldLanguage is the interface language of the settings.
const FieldLanguage Field = "界面语言"

// Validate checks the settings as the store saves them: the group name is
// printed on every sheet, so it may not be empty once cleaned, and the
// language must be one of Languages.
func (s Settings) Validate() error {
	switch {
	case CleanText(s.GroupName) == "":
		return fieldErr(FieldGroupName, ProblemRequired, "")
	case !slices.Contains(Languages, s.Language):
		return fieldErr(FieldLanguage, ProblemBadChoice, s.Language)
	case s.BackupKeep < 0 || s.BackupKeep > MaxBackupKeep:
		return fieldErr(FieldBackupKeep, ProblemOutOfRange, fmt.Sprintf("1–%d", MaxBackupKeep))
	case s.BackupRemindDays < 0 || s.BackupRemindDays > MaxBackupRemindDays:
		return fieldErr(FieldBackupRemind, ProblemOutOfRange, fmt.Sprintf("1–%d", MaxBackupRemindDays))
	}
	return nil
}

// The backup settings' fields and bounds (0 is the default).
const (
	FieldBackupKeep     Field   = "自动备份保留份数"
	FieldBackupRemind   Field   = "提醒备份天数"
	ProblemOutOfRange   Problem = "超出允许的范围"
	MaxBackupKeep               = 100
	MaxBackupRemindDays         = 365
)

// CheckCount checks a whole number typed into field, between 1 and max.
func CheckCount(field Field, text string, max int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(CleanCode(text)))
	if err != nil || n < 1 || n > max {
		return 0, fieldErr(field, ProblemOutOfRange, fmt.Sprintf("1–%d", max))
	}
	return n, nil
}
