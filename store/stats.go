package store

import (
	"cmp"
	"slices"
)

// RegisterEntry is one line of the register on a day: the member and what
// its events say about it then.
type RegisterEntry struct {
	Member *Member
	State  State
}

// Register lists the members in the group (在册) at the end of day asOf,
// highest tier first, then by admission date and name.
func Register(members []Member, asOf Date) []RegisterEntry {
	var out []RegisterEntry
	for i := range members {
		st := members[i].StateOn(asOf)
		if st.Status == StatusActive {
			out = append(out, RegisterEntry{&members[i], st})
		}
	}
	slices.SortStableFunc(out, func(a, b RegisterEntry) int {
		return cmp.Or(
			cmp.Compare(slices.Index(Tiers, a.State.Tier), slices.Index(Tiers, b.State.Tier)),
			a.State.JoinedOn.Compare(b.State.JoinedOn),
			cmp.Compare(a.Member.Name, b.Member.Name))
	})
	return out
}

// NoCity is the city a member without one is counted under.
const NoCity = "未填写"

// Stats is the member structure as of a day, the numbers of the seed-000
// paragraph: "新增成员单位 3 家，退出成员 1 家，现有成员单位 81 家，其中…".
// The JSON keys are part of the command line's contract.
type Stats struct {
	AsOf   Date             `json:"as_of"`
	Since  Date             `json:"since"`
	Total  int              `json:"total"`
	ByType map[UnitType]int `json:"by_type"`
	ByCity map[string]int   `json:"by_city"`
	Joined int              `json:"joined"`
	Left   int              `json:"left"`
}

// ComputeStats counts the members active at the end of asOf by type and by
// city, and the admissions and exits dated within since..asOf inclusive. A
// zero since means 1 January of asOf's year.
func ComputeStats(members []Member, since, asOf Date) Stats {
	if since.IsZero() {
		since = asOf.StartOfYear()
	}
	s := Stats{AsOf: asOf, Since: since, ByType: map[UnitType]int{}, ByCity: map[string]int{}}
	for i := range members {
		m := &members[i]
		if m.StateOn(asOf).Status == StatusActive {
			s.Total++
			s.ByType[m.Type]++
			s.ByCity[cmp.Or(m.City, NoCity)]++
		}
		for _, e := range m.Events {
			if !e.Date.InRange(since, asOf) {
				continue
			}
			switch e.Kind {
			case EventJoin:
				s.Joined++
			case EventExit:
				s.Left++
			}
		}
	}
	return s
}

// CountByTier counts the members active at the end of asOf by tier.
func CountByTier(members []Member, asOf Date) map[Tier]int {
	out := map[Tier]int{}
	for i := range members {
		if st := members[i].StateOn(asOf); st.Status == StatusActive {
			out[st.Tier]++
		}
	}
	return out
}
