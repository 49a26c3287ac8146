package store

import (
	"slices"

	"github.com/google/uuid"
)

// Genders a person may be recorded with; empty is "not given".
var Genders = []string{"男", "女"}

// Person (人员) is someone who sits on a body: a member unit's leader, a
// government official, a secretariat clerk. Titles change, so each seat
// keeps the title held then; Title here is the current one.
type Person struct {
	ID     uuid.UUID `json:"id"`
	Name   string    `json:"name"`
	Gender string    `json:"gender,omitempty"`
	// MemberID is the member unit the person works for; Unit is free text
	// for a unit outside the group (区委宣传部). One of them, or neither.
	MemberID uuid.UUID `json:"member_id"`
	Unit     string    `json:"unit,omitempty"`
	Title    string    `json:"title,omitempty"`
	Mobile   string    `json:"mobile,omitempty"`
	Phone    string    `json:"phone,omitempty"` // office phone
	Email    string    `json:"email,omitempty"`
	Note     string    `json:"note,omitempty"`
	// LeftOn is the day the person left their unit or post (调离); seats
	// still held after it are flagged on the rosters.
	LeftOn Date `json:"left_on"`
	Stamp
}

// Person fields as the clerk sees them.
const (
	FieldPersonName Field = "姓名"
	FieldGender     Field = "性别"
	FieldUnit       Field = "单位"
	FieldTitle      Field = "职务"
	FieldMobile     Field = "手机"
	FieldLeftOn     Field = "调离日期"
)

// Clean normalises the person's text fields in place.
func (p *Person) Clean() {
	p.Name = CleanName(p.Name)
	for _, s := range []*string{&p.Gender, &p.Unit, &p.Title, &p.Note} {
		*s = CleanText(*s)
	}
	for _, s := range []*string{&p.Mobile, &p.Phone, &p.Email} {
		*s = CleanCode(*s)
	}
	if p.MemberID != uuid.Nil {
		p.Unit = "" // the member's own name is used, and follows its renames
	}
}

// Validate checks a cleaned person.
func (p *Person) Validate() error {
	switch {
	case p.Name == "":
		return fieldErr(FieldPersonName, ProblemRequired, "")
	case len([]rune(p.Name)) > 40:
		return fieldErr(FieldPersonName, ProblemTooLong, "")
	case p.Gender != "" && !slices.Contains(Genders, p.Gender):
		return fieldErr(FieldGender, ProblemBadChoice, p.Gender)
	case p.Email != "" && !validEmail(p.Email):
		return fieldErr(FieldEmail, ProblemBadEmail, p.Email)
	}
	return nil
}

// PersonKey identifies a person for duplicate detection: the same
// normalised name in the same unit is the same person (two 王磊 in
// different units are two people).
func PersonKey(p *Person) string {
	unit := NameKey(p.Unit)
	if p.MemberID != uuid.Nil {
		unit = p.MemberID.String()
	}
	return NameKey(p.Name) + "|" + unit
}

// UnitName is the name of the person's unit: the member's current name, or
// the free text.
func (p *Person) UnitName(members map[uuid.UUID]*Member) string {
	if m := members[p.MemberID]; m != nil {
		return m.Name
	}
	return p.Unit
}

// ProblemPersonDuplicate is the problem of a second person with the same
// name in the same unit.
const ProblemPersonDuplicate Problem = "同一单位已有同名人员"

// PersonDuplicateError names the existing person.
func PersonDuplicateError(existing *Person) *FieldError {
	return fieldErr(FieldPersonName, ProblemPersonDuplicate, existing.Name)
}
