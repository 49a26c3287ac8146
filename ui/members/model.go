package members

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/google/uuid"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/secdesk/secdesk/store"
)

// memberList is one load of the store as the 成员单位 section uses it: the
// members with the keys it searches, sorts and finds duplicates by. It is
// built once per load, off the UI thread, and then handed over whole, so a
// keystroke in the search box only compares precomputed strings.
type memberList struct {
	members []store.Member
	rows    []memberRow // rows[i] is members[i]
	byName  map[string]*store.Member
	byCode  map[string]*store.Member
	cities  []string // every city in use, in pinyin order

	// Set by setAsOf: the day the states are for, and the order of rows
	// for the current sort column, which filtering keeps.
	asOf   store.Date
	sorted []int
}

// memberRow is one member with its search key and collation keys.
type memberRow struct {
	m *store.Member
	// search is NameKey(name), the credit code, NameKey(contact) and the
	// phone, joined by a separator no query can contain.
	search  string
	nameKey string // store.NameKey(m.Name)
	flagged bool   // failing credit code or recorded import warnings
	// Collation keys of the name, city and contact, for sorting.
	nameColl []byte
	cityColl []byte
	contColl []byte
	state    store.State // as of memberList.asOf
	// rev is the record's Rev when its keys were made: a later load reuses
	// them for a member whose Rev is the same.
	rev int64
}

// newMemberList prepares ms for display. It does not touch widgets, so it
// runs in the goroutine that fetched ms. The keys of a member that prev
// (the list shown now, or nil) already has at the same revision are taken
// from it: after one save only that one member's keys are made again.
func newMemberList(ms []store.Member, prev *memberList) *memberList {
	l := &memberList{members: ms, rows: make([]memberRow, len(ms)),
		byName: make(map[string]*store.Member, len(ms)), byCode: map[string]*store.Member{}}
	old := prev.rowsByID()
	coll := collate.New(language.Chinese)
	var buf collate.Buffer
	key := func(s string) []byte {
		k := slices.Clone(coll.KeyFromString(&buf, s))
		buf.Reset()
		return k
	}
	cities := map[string]bool{}
	for i := range ms {
		m := &ms[i]
		if r, ok := old[m.ID]; ok && r.rev == m.Rev && r.m.Updated.Equal(m.Updated) {
			r.m = m
			l.rows[i] = r
		} else {
			l.rows[i] = newRow(m, key)
		}
		l.byName[l.rows[i].nameKey] = m
		if m.CreditCode != "" {
			l.byCode[m.CreditCode] = m
		}
		if m.City != "" && !cities[m.City] {
			cities[m.City] = true
			l.cities = append(l.cities, m.City)
		}
	}
	slices.SortFunc(l.cities, func(a, b string) int { return coll.CompareString(a, b) })
	return l
}

func newRow(m *store.Member, key func(string) []byte) memberRow {
	nameKey := store.NameKey(m.Name)
	return memberRow{m: m, rev: m.Rev, nameKey: nameKey,
		search:   nameKey + "\x00" + m.CreditCode + "\x00" + store.NameKey(m.Contact) + "\x00" + m.Phone,
		flagged:  m.CodeFlagged() || len(m.Warnings) > 0,
		nameColl: key(m.Name), cityColl: key(m.City), contColl: key(m.Contact)}
}

// rowsByID indexes the rows of l (nil: none) by member ID.
func (l *memberList) rowsByID() map[uuid.UUID]memberRow {
	if l == nil {
		return nil
	}
	out := make(map[uuid.UUID]memberRow, len(l.rows))
	for _, r := range l.rows {
		out[r.m.ID] = r
	}
	return out
}

// setAsOf derives every member's state on day d and sorts the rows.
func (l *memberList) setAsOf(d store.Date, s tableSort) {
	l.asOf = d
	for i := range l.rows {
		l.rows[i].state = l.rows[i].m.StateOn(d)
	}
	l.sort(s)
}

// sort orders all rows by s; filter keeps this order.
func (l *memberList) sort(s tableSort) {
	if len(l.sorted) != len(l.rows) {
		l.sorted = make([]int, len(l.rows))
		for i := range l.sorted {
			l.sorted[i] = i
		}
	}
	slices.SortFunc(l.sorted, func(i, j int) int {
		c := compareRows(&l.rows[i], &l.rows[j], s.col)
		if s.desc {
			c = -c
		}
		return cmp.Or(c, bytes.Compare(l.rows[i].nameColl, l.rows[j].nameColl), cmp.Compare(i, j))
	})
}

// compareRows compares two rows by one table column. Enumerations sort in
// their official order (理事长单位 first), text in pinyin order.
func compareRows(a, b *memberRow, col int) int {
	switch col {
	case colMarker:
		return -cmpBool(a.flagged, b.flagged)
	case colName:
		return bytes.Compare(a.nameColl, b.nameColl)
	case colType:
		return cmp.Compare(slices.Index(store.UnitTypes, a.m.Type), slices.Index(store.UnitTypes, b.m.Type))
	case colTier:
		return cmp.Or(cmp.Compare(tierRank(a.state.Tier), tierRank(b.state.Tier)),
			a.state.JoinedOn.Compare(b.state.JoinedOn))
	case colStatus:
		return cmp.Compare(slices.Index(store.Statuses, a.state.Status), slices.Index(store.Statuses, b.state.Status))
	case colCity:
		return bytes.Compare(a.cityColl, b.cityColl)
	case colContact:
		return bytes.Compare(a.contColl, b.contColl)
	case colPhone:
		return strings.Compare(a.m.Phone, b.m.Phone)
	case colJoined:
		return a.state.JoinedOn.Compare(b.state.JoinedOn)
	}
	return 0
}

// tierRank puts members without a tier (not in the register) last.
func tierRank(t store.Tier) int {
	if i := slices.Index(store.Tiers, t); i >= 0 {
		return i
	}
	return len(store.Tiers)
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// memberFilter is what the clerk chose above the table. Empty means all.
type memberFilter struct {
	query  string // already NameKey-normalised
	typ    store.UnitType
	tier   store.Tier
	status store.Status
	city   string
}

// normaliseQuery turns typed text into the form the search keys have, so
// "潍坊 职业学院", full-width letters and lower-case codes all match.
func normaliseQuery(s string) string { return store.NameKey(s) }

// filter appends to out the indices of the rows f lets through, in the
// current sort order, and returns it.
func (l *memberList) filter(f memberFilter, out []int) []int {
	out = out[:0]
	for _, i := range l.sorted {
		r := &l.rows[i]
		if f.matches(r) {
			out = append(out, i)
		}
	}
	return out
}

func (f *memberFilter) matches(r *memberRow) bool {
	switch {
	case f.typ != "" && r.m.Type != f.typ,
		f.tier != "" && r.state.Tier != f.tier,
		f.city != "" && r.m.City != f.city,
		!f.statusMatches(r),
		f.query != "" && !strings.Contains(r.search, f.query):
		return false
	}
	return true
}

// statusMatches: "all" still hides a unit whose history starts after the
// as-of day, since it did not exist for the group then. A unit with no
// events at all (imported without a date) is shown, so it can be found
// and given one.
func (f *memberFilter) statusMatches(r *memberRow) bool {
	if f.status != "" {
		return r.state.Status == f.status
	}
	return r.state.Status != store.StatusNone || len(r.m.Events) == 0
}

// duplicateName returns the loaded unit (other than self) whose name is
// the same as name once normalised, as the store will find it, or nil.
func (l *memberList) duplicateName(name string, self *store.Member) *store.Member {
	if l == nil {
		return nil
	}
	return other(l.byName[store.NameKey(name)], self)
}

// duplicateCode is duplicateName for a credit code.
func (l *memberList) duplicateCode(code string, self *store.Member) *store.Member {
	if l == nil || code == "" {
		return nil
	}
	return other(l.byCode[store.CleanCreditCode(code)], self)
}

func other(m, self *store.Member) *store.Member {
	if m == nil || (self != nil && m.ID == self.ID) {
		return nil
	}
	return m
}
