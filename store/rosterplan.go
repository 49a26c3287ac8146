package store

// RosterImportRow is one data row of an imported roster as store/xlsx read
// it. Row is the Excel row number; Errors are what the reader already found.
type RosterImportRow struct {
	Row      int
	Position string
	Name     string
	Gender   string
	Unit     string
	Title    string
	Mobile   string
	Phone    string
	Email    string
	Start    Date
	Errors   []*FieldError
}

// RosterPlanRow is the preview of one roster row.
type RosterPlanRow struct {
	Row      int
	Name     string
	Position string
	// Action: RowNew (a new seat), RowUnchanged (already holds it) or RowError.
	Action    RowAction
	NewPerson bool // the person is created by the import
	Errors    []*FieldError
	Warnings  []*FieldError
}

// RosterPlan is the preview of a roster file for one body. Nothing is
// written until Store.ApplyRosterImport, and nothing if a row has an error.
type RosterPlan struct {
	Rows      []RosterPlanRow
	NewPeople []Person
	// Body is the body as it will be written, with the new seats in its
	// current term.
	Body Body
}

// HasErrors reports whether any row has an error.
func (p *RosterPlan) HasErrors() bool { return p.FirstError() != nil }

// FirstError returns the first row error, or nil.
func (p *RosterPlan) FirstError() *FieldError {
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			return r.Errors[0]
		}
	}
	return nil
}

// ProblemHoldsSeat refuses deleting a person who still holds a seat.
const ProblemHoldsSeat Problem = "仍在机构中任职，请先办理离任"

// ProblemNoTerm is a roster import into a body that has no term yet.
const ProblemNoTerm Problem = "该机构还没有届次，请先新建一届"
