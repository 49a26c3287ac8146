package members

import (
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// benchQueries are typed one after another, as search-as-you-type sees
// them: a common word, a rare name part, a credit-code fragment.
var benchQueries = []string{"职业", "科技有限", "91370"}

// BenchmarkFilterMembers10k is one keystroke's work on a register of
// 10,000 units: every row's status, type, tier, city and precomputed
// search key checked. Target ≤ 100 ms.
func BenchmarkFilterMembers10k(b *testing.B) {
	l := newMemberList(storetest.SyntheticMembers(10000, 1), nil)
	l.setAsOf(store.Today(), tableSort{col: colTier})
	var out []int
	for i := 0; b.Loop(); i++ {
		f := memberFilter{query: normaliseQuery(benchQueries[i%len(benchQueries)])}
		out = l.filter(f, out)
	}
	b.ReportMetric(float64(len(out)), "rows")
}

// BenchmarkFilterBaseline10k is the raw baseline: strings.Contains over
// the 10,000 names only, nothing normalised, no filters.
func BenchmarkFilterBaseline10k(b *testing.B) {
	ms := storetest.SyntheticMembers(10000, 1)
	names := make([]string, len(ms))
	for i := range ms {
		names[i] = ms[i].Name
	}
	var out []int
	for i := 0; b.Loop(); i++ {
		q := benchQueries[i%len(benchQueries)]
		out = out[:0]
		for j, n := range names {
			if strings.Contains(n, q) {
				out = append(out, j)
			}
		}
	}
}

// BenchmarkPrepareMembers10k is the once-per-load work done off the UI
// thread: search and collation keys for 10,000 units.
func BenchmarkPrepareMembers10k(b *testing.B) {
	ms := storetest.SyntheticMembers(10000, 1)
	for b.Loop() {
		newMemberList(ms, nil)
	}
}

// BenchmarkAsOfAndSort10k is the work of changing 截至日期 or the sort
// column: every state derived again and the rows sorted.
func BenchmarkAsOfAndSort10k(b *testing.B) {
	l := newMemberList(storetest.SyntheticMembers(10000, 1), nil)
	for i := 0; b.Loop(); i++ {
		l.setAsOf(store.Today().AddDays(-i%3000), tableSort{col: i % numCols})
	}
}
