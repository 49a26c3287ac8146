package store

import (
	"fmt"
	"slices"
	"time"
)

// ImportRow is one data row of an imported sheet as store/xlsx read it:
// details in Member (events empty), the life-cycle columns beside it, and
// the problems the reader already found (a date it could not read, a type
// it does not know). Row is the Excel row number.
type ImportRow struct {
	Row        int
	Member     Member
	JoinDate   Date
	Tier       Tier
	Basis      string
	ExitDate   Date
	ExitKind   ExitKind
	ExitReason string
	Errors     []*FieldError
}

// RowAction is what importing a row will do.
type RowAction string

const (
	RowNew       RowAction = "新增"
	RowUpdate    RowAction = "更新"
	RowUnchanged RowAction = "无变化"
	RowError     RowAction = "错误"
)

// PlanRow is the preview of one row.
type PlanRow struct {
	Row      int
	Name     string
	Action   RowAction
	Errors   []*FieldError
	Warnings []*FieldError
	// Changed lists the fields an update changes.
	Changed []Field
	// Result is the member as it will be written (new or updated).
	Result Member
}

// ImportPlan is the preview of a whole file. Nothing is written until
// Store.ApplyImport, and nothing at all if any row has an error.
type ImportPlan struct {
	Rows []PlanRow
}

// ImportSummary counts the rows of a plan by action: what an import will
// do, or did. Warnings counts the rows with at least one warning, Errors
// the rows in error (RowError); a plan with errors writes nothing.
type ImportSummary struct {
	Rows                              int
	New, Updated, Unchanged, Warnings int
	Errors                            int
}

// HasErrors reports whether any row has an error.
func (p *ImportPlan) HasErrors() bool { return p.FirstError() != nil }

// FirstError returns the first row error, or nil.
func (p *ImportPlan) FirstError() *FieldError {
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			return r.Errors[0]
		}
	}
	return nil
}

// Summary counts the rows by action, and the rows with warnings.
func (p *ImportPlan) Summary() ImportSummary {
	s := ImportSummary{Rows: len(p.Rows)}
	for _, r := range p.Rows {
		switch r.Action {
		case RowNew:
			s.New++
		case RowUpdate:
			s.Updated++
		case RowUnchanged:
			s.Unchanged++
		case RowError:
			s.Errors++
		}
		if len(r.Warnings) > 0 {
			s.Warnings++
		}
	}
	return s
}

// PlanImport decides what each row does against the existing members. A
// row matches an existing unit by credit code, else by NameKey; it then
// updates the details its non-empty cells give and adds the admission or
// exit its dates give, if not already recorded. Importing the same file
// twice therefore changes nothing the second time.
func PlanImport(existing []Member, rows []ImportRow, now time.Time) *ImportPlan {
	idx := newMemberIndex(existing)
	seen := newMemberIndex(nil) // rows of this file, to find a unit given twice
	seenRow := map[*Member]int{}
	plan := &ImportPlan{}
	for i := range rows {
		pr := planRow(&rows[i], idx, now)
		if pr.Action != RowError {
			if prev := seen.find(&pr.Result); prev != nil {
				pr.Errors = append(pr.Errors, &FieldError{Row: pr.Row, Field: FieldName,
					Problem: ProblemDuplicateRow, Detail: fmt.Sprintf("第%d行", seenRow[prev])})
				pr.Action = RowError
			} else {
				res := pr.Result
				seen.add(&res)
				seenRow[&res] = pr.Row
			}
		}
		plan.Rows = append(plan.Rows, pr)
	}
	return plan
}

func planRow(r *ImportRow, idx *memberIndex, now time.Time) PlanRow {
	pr := PlanRow{Row: r.Row, Name: CleanName(r.Member.Name), Errors: r.Errors}
	in := r.Member
	in.Clean()
	pr.Warnings = importWarnings(r.Row, &in)
	old, conflict := idx.match(&in)
	if conflict != nil {
		pr.Errors = append(pr.Errors, &FieldError{Row: r.Row, Field: FieldName, Problem: ProblemDuplicate, Detail: conflict.Name})
	}
	var m Member
	if old != nil {
		m = *old
		m.Events = slices.Clone(old.Events)
		pr.Changed = mergeDetails(&m, &in)
	} else {
		m = in
		m.ID = NewID()
	}
	if err := m.Validate(); err != nil {
		pr.addError(atRow(err, r.Row))
	}
	added, err := addImportEvents(&m, r, now)
	if err != nil {
		pr.addError(atRow(err, r.Row))
	}
	if old != nil && !added && len(pr.Changed) == 0 && importTierDiffers(old, r, now) {
		pr.Warnings = append(pr.Warnings, &FieldError{Row: r.Row, Field: FieldTier, Problem: ProblemTierNotChanged, Detail: string(r.Tier)})
	}
	for _, w := range pr.Warnings {
		// The warning stays with the member, the file's row does not.
		m.Warnings = appendWarning(m.Warnings, Warning{Field: w.Field, Problem: w.Problem, Detail: w.Detail})
	}
	pr.Result = m
	switch {
	case len(pr.Errors) > 0:
		pr.Action = RowError
	case old == nil:
		pr.Action = RowNew
	case added || len(pr.Changed) > 0:
		pr.Action = RowUpdate
	default:
		pr.Action = RowUnchanged
	}
	return pr
}

// addError adds e unless the reader already reported a problem with the
// same field (an unknown type is not also "required").
func (pr *PlanRow) addError(e *FieldError) {
	for _, old := range pr.Errors {
		if old.Field == e.Field {
			return
		}
	}
	pr.Errors = append(pr.Errors, e)
}

// ProblemTierNotChanged warns that a file gives another tier for a unit
// already admitted; a tier change needs its own date, so it is not made.
const ProblemTierNotChanged Problem = "会员类别与登记不一致，未修改（类别变更请在程序中登记日期）"

func importTierDiffers(old *Member, r *ImportRow, now time.Time) bool {
	if r.Tier == "" || !r.ExitDate.IsZero() {
		return false
	}
	st := old.StateOn(DateOf(now))
	return st.Status == StatusActive && st.Tier != r.Tier
}

// importWarnings are the problems that do not stop a row: a credit code
// that fails the check (it is saved with a reason) and a phone that looks
// wrong.
func importWarnings(row int, m *Member) []*FieldError {
	var w []*FieldError
	if m.CreditCode != "" && creditCodeShape.MatchString(m.CreditCode) && !ValidCreditCode(m.CreditCode) {
		w = append(w, &FieldError{Row: row, Field: FieldCreditCode, Problem: ProblemCodeCheck, Detail: m.CreditCode})
		if m.CodeReason == "" {
			m.CodeReason = "导入文件中的代码，校验未通过"
		}
	}
	if PhoneLooksWrong(m.Phone) {
		w = append(w, &FieldError{Row: row, Field: FieldPhone, Problem: ProblemBadPhone, Detail: m.Phone})
	}
	return w
}

// mergeDetails copies the non-empty details of in onto m and returns the
// fields that changed.
func mergeDetails(m, in *Member) []Field {
	var changed []Field
	set := func(f Field, dst *string, v string) {
		if v != "" && *dst != v {
			*dst = v
			changed = append(changed, f)
		}
	}
	if NameKey(in.Name) != NameKey(m.Name) { // a spacing variant is not a rename
		set(FieldName, &m.Name, in.Name)
	}
	set(FieldCreditCode, &m.CreditCode, in.CreditCode)
	if in.CodeReason != "" && m.CodeReason == "" {
		m.CodeReason = in.CodeReason
	}
	t := string(m.Type)
	set(FieldType, &t, string(in.Type))
	m.Type = UnitType(t)
	set(FieldProvince, &m.Province, in.Province)
	set(FieldCity, &m.City, in.City)
	set(FieldAddress, &m.Address, in.Address)
	set(FieldContact, &m.Contact, in.Contact)
	set(FieldPhone, &m.Phone, in.Phone)
	set(FieldEmail, &m.Email, in.Email)
	set(FieldNote, &m.Note, in.Note)
	return changed
}

// addImportEvents adds the admission and exit the row's dates give, unless
// the member already has an event of that kind on that date.
func addImportEvents(m *Member, r *ImportRow, now time.Time) (bool, error) {
	added := false
	if !r.JoinDate.IsZero() && !hasEvent(m, EventJoin, r.JoinDate) {
		tier := r.Tier
		if tier == "" {
			tier = Tiers[len(Tiers)-1] // 成员单位
		}
		if err := m.AddEvent(Event{Kind: EventJoin, Date: r.JoinDate, Tier: tier, Basis: r.Basis}, now); err != nil {
			return false, err
		}
		added = true
	}
	if !r.ExitDate.IsZero() && !hasEvent(m, EventExit, r.ExitDate) {
		if r.JoinDate.IsZero() && m.StateOn(r.ExitDate).JoinedOn.IsZero() {
			return added, fieldErr(FieldExitDate, ProblemExitNoJoin, "")
		}
		if !r.JoinDate.IsZero() && r.ExitDate.Before(r.JoinDate) {
			return added, fieldErr(FieldExitDate, ProblemExitBeforeJoin, r.JoinDate.Chinese())
		}
		kind := r.ExitKind
		if kind == "" {
			kind = ExitKinds[0]
		}
		if err := m.AddEvent(Event{Kind: EventExit, Date: r.ExitDate, ExitKind: kind, Reason: r.ExitReason}, now); err != nil {
			return added, err
		}
		added = true
	}
	return added, nil
}

func hasEvent(m *Member, k EventKind, d Date) bool {
	return slices.ContainsFunc(m.Events, func(e Event) bool { return e.Kind == k && e.Date.Equal(d) })
}

func atRow(err error, row int) *FieldError {
	if fe, ok := AsFieldError(err); ok {
		c := *fe
		c.Row = row
		return &c
	}
	return &FieldError{Row: row, Field: FieldName, Problem: Problem(err.Error())}
}

func appendWarning(list []Warning, w Warning) []Warning {
	if slices.Contains(list, w) {
		return list
	}
	return append(list, w)
}
