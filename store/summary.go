package store

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// TypeCount is the number of members of one unit type, with the measure
// word the work report counts them in.
type TypeCount struct {
	Type    UnitType
	N       int
	Measure string // 所 for schools, 家 for everything else
}

// MeasureWord is how a work report counts units of type t: schools in 所
// ("本科院校 3 所", "中职学校 10 所"), everything else in 家 ("企业 47 家").
func MeasureWord(t UnitType) string {
	if s := string(t); strings.HasSuffix(s, "院校") || strings.HasSuffix(s, "学校") {
		return "所"
	}
	return "家"
}

// TypeCounts lists the counts by unit type: every type of UnitTypes in its
// order, zero counts included (a table shows that the list is complete),
// then any other type the members hold (an old file may have one) in
// sorted order, so that no member goes uncounted. A sentence leaves the
// zero counts out; see Sentence.
func (s Stats) TypeCounts() []TypeCount {
	var out []TypeCount
	for _, t := range UnitTypes {
		out = append(out, TypeCount{t, s.ByType[t], MeasureWord(t)})
	}
	for _, t := range slices.Sorted(maps.Keys(s.ByType)) {
		if !slices.Contains(UnitTypes, t) {
			out = append(out, TypeCount{t, s.ByType[t], MeasureWord(t)})
		}
	}
	return out
}

// HeldTypeCounts is TypeCounts without the types no member has: the list a
// sentence names after 其中.
func (s Stats) HeldTypeCounts() []TypeCount {
	return slices.DeleteFunc(s.TypeCounts(), func(c TypeCount) bool { return c.N == 0 })
}

// CityCount is the number of members in one city.
type CityCount struct {
	City string
	N    int
}

// CityCounts lists the counts by city, the most members first, then by
// name.
func (s Stats) CityCounts() []CityCount {
	var out []CityCount
	for c, n := range s.ByCity {
		out = append(out, CityCount{c, n})
	}
	slices.SortFunc(out, func(a, b CityCount) int { return cmp.Or(b.N-a.N, strings.Compare(a.City, b.City)) })
	return out
}

// Structure is the clause of the seed-000 paragraph that gives the member
// structure: "现有成员单位 81 家，其中政府部门 1 家、企业 47 家、本科院校 3 所".
// Types no member has are left out.
func (s Stats) Structure() string {
	out := fmt.Sprintf("现有成员单位 %d 家", s.Total)
	var parts []string
	for _, c := range s.HeldTypeCounts() {
		parts = append(parts, fmt.Sprintf("%s %d %s", c.Type, c.N, c.Measure))
	}
	if len(parts) > 0 {
		out += "，其中" + strings.Join(parts, "、")
	}
	return out
}

// Sentence is the paragraph of the group's work report (seed 000) that
// the statistics sheet backs up: "统计期间 2023年1月1日至2023年11月28日，
// 新增成员单位 3 家，退出成员 1 家，现有成员单位 81 家，其中政府部门 1 家、
// 企业 47 家……。" It is Chinese whatever the interface language, like
// every printed sheet.
func (s Stats) Sentence() string {
	return fmt.Sprintf("统计期间 %s至%s，新增成员单位 %d 家，退出成员 %d 家，%s。",
		s.Since.Chinese(), s.AsOf.Chinese(), s.Joined, s.Left, s.Structure())
}

// CountApplied counts the members whose application is pending (申请中) at
// the end of day d.
func CountApplied(members []Member, d Date) int {
	n := 0
	for i := range members {
		if members[i].StateOn(d).Status == StatusApplied {
			n++
		}
	}
	return n
}

// MemberChange is one admission, exit or tier change of a member.
type MemberChange struct {
	MemberID uuid.UUID
	Unit     string // the member's name
	Event    Event
}

// RecentChanges lists the admissions, exits and tier changes (not the
// applications) dated within from..to inclusive, newest first; on one
// day the one recorded last comes first, then by unit name.
func RecentChanges(members []Member, from, to Date) []MemberChange {
	var out []MemberChange
	for i := range members {
		m := &members[i]
		for _, e := range m.Events {
			if e.Kind == EventApply || !e.Date.InRange(from, to) {
				continue
			}
			out = append(out, MemberChange{MemberID: m.ID, Unit: m.Name, Event: e})
		}
	}
	slices.SortStableFunc(out, func(a, b MemberChange) int {
		return cmp.Or(b.Event.Date.Compare(a.Event.Date), b.Event.Recorded.Compare(a.Event.Recorded), cmp.Compare(a.Unit, b.Unit))
	})
	return out
}

// RosterPlanSummary counts the rows of a roster plan.
type RosterPlanSummary struct {
	Rows      int
	Seats     int // rows that add a seat (RowNew)
	Unchanged int // rows whose person already holds the position
	Errors    int // rows in error (RowError): the plan writes nothing
	Warned    int // rows with at least one warning, whatever their action
	NewPeople int // people the import creates
}

// Summary counts the plan's rows by action, and its warnings and new
// people.
func (p *RosterPlan) Summary() RosterPlanSummary {
	s := RosterPlanSummary{Rows: len(p.Rows), NewPeople: len(p.NewPeople)}
	for _, r := range p.Rows {
		switch r.Action {
		case RowNew:
			s.Seats++
		case RowUnchanged:
			s.Unchanged++
		case RowError:
			s.Errors++
		}
		if len(r.Warnings) > 0 {
			s.Warned++
		}
	}
	return s
}

// HasUnitSeats reports whether any line of the roster is a seat held by a
// member unit: a roster without one has no 成员单位名单 to print.
func (r *Roster) HasUnitSeats() bool {
	for _, s := range r.Sections {
		for _, l := range s.Lines {
			if l.IsUnit {
				return true
			}
		}
	}
	return false
}
