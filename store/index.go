package store

// memberIndex finds members by credit code and by NameKey, the two ways a
// unit is recognised as already known.
type memberIndex struct {
	byCode map[string]*Member
	byName map[string]*Member
}

func newMemberIndex(ms []Member) *memberIndex {
	x := &memberIndex{byCode: map[string]*Member{}, byName: map[string]*Member{}}
	for i := range ms {
		x.add(&ms[i])
	}
	return x
}

func (x *memberIndex) add(m *Member) {
	if m.CreditCode != "" {
		x.byCode[m.CreditCode] = m
	}
	x.byName[NameKey(m.Name)] = m
}

// find returns a member with m's credit code or name, or nil.
func (x *memberIndex) find(m *Member) *Member {
	if p := x.byCode[m.CreditCode]; m.CreditCode != "" && p != nil {
		return p
	}
	return x.byName[NameKey(m.Name)]
}

// match returns the member m updates (same credit code, else same name)
// and, if m's name belongs to another member, that member as a conflict.
func (x *memberIndex) match(m *Member) (match, conflict *Member) {
	match = x.find(m)
	if byName := x.byName[NameKey(m.Name)]; match != nil && byName != nil && byName != match {
		conflict = byName
	}
	return match, conflict
}

// FindDuplicate returns the member among others that m would duplicate
// (same credit code or NameKey, not m itself), or nil.
func FindDuplicate(others []Member, m *Member) *Member {
	for i := range others {
		o := &others[i]
		if o.ID == m.ID {
			continue
		}
		if (m.CreditCode != "" && o.CreditCode == m.CreditCode) || NameKey(o.Name) == NameKey(m.Name) {
			return o
		}
	}
	return nil
}

// DuplicateError is the error for m duplicating existing.
func DuplicateError(existing *Member) *FieldError {
	return fieldErr(FieldName, ProblemDuplicate, existing.Name)
}
