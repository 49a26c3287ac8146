package store

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// UnitValues are one member unit's collected values for a year, with the
// history of every change and the returns it came from.
type UnitValues struct {
	ID       uuid.UUID          `json:"id"`
	Year     int                `json:"year"`
	MemberID uuid.UUID          `json:"member_id"`
	Unit     string             `json:"unit"` // the unit's name when last written
	Values   map[string]float64 `json:"values"`
	History  []ValueChange      `json:"history,omitempty"`
	Returns  []Return           `json:"returns,omitempty"`
	Stamp
}

// ValueChange is one change of one value: from (nil: none) to (nil:
// cleared), when, by whom, and how (a file's name, or typed).
type ValueChange struct {
	Code string    `json:"code"`
	From *float64  `json:"from"`
	To   *float64  `json:"to"`
	At   time.Time `json:"at"`
	By   string    `json:"by,omitempty"`
	Via  string    `json:"via,omitempty"`
}

// Return is a returned template imported for the unit.
type Return struct {
	Round uuid.UUID `json:"round"`
	File  string    `json:"file"`
	At    time.Time `json:"at"`
	By    string    `json:"by,omitempty"`
}

// CollectionRound is one collection of a year's figures from the member
// units: the catalogue version its templates were made from, and the ids
// the templates carry.
type CollectionRound struct {
	ID          uuid.UUID `json:"id"`
	Year        int       `json:"year"`
	CatalogueID uuid.UUID `json:"catalogue_id"`
	Version     int       `json:"version"`
	Opened      Date      `json:"opened"`
	Closed      Date      `json:"closed"`
	Stamp
}

// Returned reports whether the unit returned a template of round r.
func (v *UnitValues) Returned(r uuid.UUID) bool {
	return slices.ContainsFunc(v.Returns, func(x Return) bool { return x.Round == r })
}

// Value is the unit's value of code, if any.
func (v *UnitValues) Value(code string) (float64, bool) {
	x, ok := v.Values[code]
	return x, ok
}

func unitValuesKey(year int, member uuid.UUID) string {
	return strconv.Itoa(year) + "/" + member.String()
}

// GroupValues sums every collected indicator over the units, and adds the
// computed ones: the group's sheet.
func GroupValues(c *Catalogue, computed map[string]float64, values []UnitValues) map[string]float64 {
	out := map[string]float64{}
	for code, v := range computed {
		out[code] = v
	}
	for _, ind := range c.Indicators {
		if ind.Source != SourceCollected {
			continue
		}
		sum, any := 0.0, false
		for i := range values {
			if x, ok := values[i].Values[ind.Code]; ok {
				sum, any = sum+x, true
			}
		}
		if any {
			out[ind.Code] = math.Round(sum*100) / 100
		}
	}
	return out
}

// ReturnFile is a returned template as store/xlsx read it: the ids it
// carries, the locked unit name as found, and the input cells (nil: left
// blank). Errors are what the reader found (text in a number cell).
type ReturnFile struct {
	File     string
	Year     int
	RoundID  uuid.UUID
	MemberID uuid.UUID
	Unit     string
	Values   map[string]*float64
	Errors   []*FieldError
}

// Return problems.
const (
	ProblemOtherRound    Problem = "不是本轮的填报表（年度或轮次不符）"
	ProblemTenTimes      Problem = "是上年的10倍以上，请核实"
	ProblemReturnedTwice Problem = "同一单位有两份填报表"
	ProblemRoundClosed   Problem = "本轮填报已结束"
)

// ValuePlan is one value a return changes.
type ValuePlan struct {
	Code, Name string
	From, To   *float64
}

// ReturnPlanFile is the preview of one returned file. A file with errors
// is not written; the others are.
type ReturnPlanFile struct {
	File     string
	MemberID uuid.UUID
	Unit     string
	Changes  []ValuePlan
	Warnings []*FieldError
	Errors   []*FieldError
}

// ReturnPlan is the preview of a folder of returns for one round.
type ReturnPlan struct {
	Year  int
	Round uuid.UUID
	Files []ReturnPlanFile
}

// Counts are the files that will be written, with errors, and the values
// they change.
func (p *ReturnPlan) Counts() (ok, bad, values int) {
	for _, f := range p.Files {
		if len(f.Errors) > 0 {
			bad++
		} else {
			ok++
			values += len(f.Changes)
		}
	}
	return
}

// PlanReturns checks returned files against the round and the catalogue:
// matched by the embedded ids (never the file name); the locked unit name
// must be the member's; one return per unit; every value checked; a value
// ten times last year's is a warning.
func PlanReturns(c *Catalogue, r *CollectionRound, members []Member, current, lastYear []UnitValues, files []ReturnFile) *ReturnPlan {
	byID := map[uuid.UUID]*Member{}
	for i := range members {
		byID[members[i].ID] = &members[i]
	}
	now, last := valuesByMember(current), valuesByMember(lastYear)
	p := &ReturnPlan{Year: c.Year, Round: r.ID}
	seen := map[uuid.UUID]string{}
	for _, f := range files {
		pf := ReturnPlanFile{File: f.File, MemberID: f.MemberID, Unit: f.Unit, Errors: f.Errors}
		m := byID[f.MemberID]
		switch {
		case len(pf.Errors) > 0:
		case f.Year != c.Year || f.RoundID != r.ID:
			pf.Errors = append(pf.Errors, fieldErr(FieldCatalogue, ProblemOtherRound, fmt.Sprintf("%d", f.Year)))
		case m == nil:
			pf.Errors = append(pf.Errors, fieldErr(FieldName, ProblemParentMissing, f.Unit))
		case NameKey(f.Unit) != NameKey(m.Name):
			pf.Errors = append(pf.Errors, fieldErr(FieldName, ProblemProtectedEdited, m.Name+" → "+f.Unit))
		case seen[m.ID] != "":
			pf.Errors = append(pf.Errors, fieldErr(FieldName, ProblemReturnedTwice, m.Name+"（另见 "+seen[m.ID]+"）"))
		default:
			seen[m.ID] = f.File
			pf.Unit = m.Name
			planValues(&pf, c, m, f.Values, now[m.ID], last[m.ID])
		}
		p.Files = append(p.Files, pf)
	}
	return p
}

func valuesByMember(vs []UnitValues) map[uuid.UUID]*UnitValues {
	out := map[uuid.UUID]*UnitValues{}
	for i := range vs {
		out[vs[i].MemberID] = &vs[i]
	}
	return out
}

// planValues checks and plans each value of a file in catalogue order.
func planValues(pf *ReturnPlanFile, c *Catalogue, m *Member, in map[string]*float64, now, last *UnitValues) {
	for code := range in {
		if c.Indicator(code) == nil {
			pf.Errors = append(pf.Errors, fieldErr(FieldIndicatorCode, ProblemUnknownCode, code))
		}
	}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		to, given := in[ind.Code]
		if !given || to == nil {
			continue
		}
		if !ind.AnsweredBy(m.Type) {
			pf.Errors = append(pf.Errors, fieldErr(FieldIndicatorVal, ProblemNotAnswered, ind.Name))
			continue
		}
		if fe := ind.CheckValue(*to); fe != nil {
			pf.Errors = append(pf.Errors, fe)
			continue
		}
		var from *float64
		if now != nil {
			if x, ok := now.Values[ind.Code]; ok {
				from = &x
			}
		}
		if from != nil && *from == *to {
			continue
		}
		if last != nil {
			if x, ok := last.Values[ind.Code]; ok && x > 0 && *to >= 10*x {
				pf.Warnings = append(pf.Warnings, fieldErr(FieldIndicatorVal, ProblemTenTimes, fmt.Sprintf("%s：%g（上年%g）", ind.Name, *to, x)))
			}
		}
		pf.Changes = append(pf.Changes, ValuePlan{Code: ind.Code, Name: ind.Name, From: from, To: to})
	}
}
