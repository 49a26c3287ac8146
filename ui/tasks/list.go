package tasks

import (
	"cmp"
	"slices"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
)

// taskList is the task list as it stood on one day (asOf): each task's
// status, deadline in force, flag of that day's round and latest
// inspection, derived from its dated history by the store's rules. It is
// built off the UI thread; a keystroke in the search box or a filter
// only compares what is prepared here, so 20,000 tasks filter at once.
type taskList struct {
	asOf       store.Date
	rows       []taskRow // in number order
	byDeadline []int     // indices into rows, deadline in force first
	units      []string  // every lead or responsible unit named, sorted
	categories []string  // every category in use, sorted
}

// taskRow is one task as of the list's day.
type taskRow struct {
	t        *store.Task // shared, read-only
	state    store.TaskState
	flag     store.Flag
	recorded bool     // the flag was recorded for the round (maybe corrected)
	units    []string // the lead and the responsible units, by name
	search   string   // kit.SearchKey of number, title, units and person
}

// newTaskList prepares tasks (in any order) as of asOf under rules. A
// task not yet started that day is left out.
func newTaskList(tasks []store.Task, asOf store.Date, rules store.FlagRules) *taskList {
	l := &taskList{asOf: asOf, rows: make([]taskRow, 0, len(tasks))}
	units, cats := map[string]bool{}, map[string]bool{}
	round := store.Round(asOf)
	for i := range tasks {
		t := &tasks[i]
		s := t.StateOn(asOf)
		if !s.Exists {
			continue
		}
		r := taskRow{t: t, state: s, units: leadAndUnits(t)}
		// The day's own round: a recorded (or corrected) flag if there is
		// one, else the rules' flag on that day.
		r.flag, r.recorded = t.RoundFlagOf(round, asOf, rules)
		r.search = kit.SearchKey(t.Number, t.Title, strings.Join(r.units, " "), t.Person, t.Category)
		for _, u := range r.units {
			units[u] = true
		}
		if t.Category != "" {
			cats[t.Category] = true
		}
		l.rows = append(l.rows, r)
	}
	slices.SortStableFunc(l.rows, func(a, b taskRow) int { return strings.Compare(a.t.Number, b.t.Number) })
	l.byDeadline = make([]int, len(l.rows))
	for i := range l.byDeadline {
		l.byDeadline[i] = i
	}
	slices.SortStableFunc(l.byDeadline, func(a, b int) int {
		return l.rows[a].state.Deadline.Compare(l.rows[b].state.Deadline)
	})
	l.units, l.categories = sortedKeys(units), sortedKeys(cats)
	return l
}

// leadAndUnits are the lead and responsible units of t by name, each
// once: what 单位 filters on.
func leadAndUnits(t *store.Task) []string {
	out := make([]string, 0, 1+len(t.Units))
	for _, u := range append([]store.UnitRef{t.Lead}, t.Units...) {
		if u.Name != "" && !slices.Contains(out, u.Name) {
			out = append(out, u.Name)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(store.NameKey(a), store.NameKey(b)) })
	return out
}

// taskFilter is what the clerk chose above the list; zero is all, in
// deadline order.
type taskFilter struct {
	words    []string
	unit     string
	status   store.TaskStatus
	flag     store.Flag
	category string
	source   store.SourceKind
	byNumber bool // sort by 事项编号 rather than by deadline
}

func (f *taskFilter) setQuery(s string) { f.words = strings.Fields(kit.SearchKey(s)) }

func (f *taskFilter) matches(r *taskRow) bool {
	switch {
	case f.status != "" && r.state.Status != f.status,
		f.flag != "" && r.flag != f.flag,
		f.category != "" && r.t.Category != f.category,
		f.source != "" && r.t.Source.Kind != f.source,
		f.unit != "" && !slices.Contains(r.units, f.unit),
		len(f.words) > 0 && !kit.ContainsAll(r.search, f.words):
		return false
	}
	return true
}

// filter appends to out[:0] the indices of the rows f lets through, in
// the order chosen.
func (l *taskList) filter(f taskFilter, out []int) []int {
	out = out[:0]
	if l == nil {
		return out
	}
	for i := range l.rows {
		idx := i
		if !f.byNumber {
			idx = l.byDeadline[i]
		}
		if f.matches(&l.rows[idx]) {
			out = append(out, idx)
		}
	}
	return out
}
