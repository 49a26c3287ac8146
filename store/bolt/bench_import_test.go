package bolt

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store/storetest"
)

// BenchmarkImport10k applies a 10,000-row import plan (every row new) to
// a new data file: one transaction, 10,000 members and audit entries and
// their notices. It mirrors store/postgres's BenchmarkImport10k; creating
// and closing the file are outside the timing.
func BenchmarkImport10k(b *testing.B) {
	ms := storetest.SyntheticMembers(fixtureSize, 2027)
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := OpenStore(filepath.Join(dir, "import.db"), Options{Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := storetest.Load(ctx, s, ms); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		if err := os.Remove(filepath.Join(dir, "import.db")); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
