package bolt

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// fixtureSize is the scale DESIGN.md §4 asks the program to stay fast at.
const fixtureSize = 10000

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixturePath string
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// benchNow is the wall clock, but never before the synthetic history ends,
// so the fixture loads on a machine whose clock is behind.
func benchNow() time.Time {
	if min := time.Date(2026, 11, 1, 9, 0, 0, 0, cst); time.Now().Before(min) {
		return min
	}
	return time.Now()
}

// fixture returns a data file with 10,000 synthetic members with history,
// built once per test process.
func fixture(b *testing.B) string {
	b.Helper()
	fixtureOnce.Do(func() {
		if fixtureDir, fixtureErr = os.MkdirTemp("", "secdesk-bench-"); fixtureErr != nil {
			return
		}
		fixturePath = filepath.Join(fixtureDir, "10k.db")
		db, err := OpenStore(fixturePath, Options{Now: benchNow})
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureErr = storetest.Load(context.Background(), db, storetest.SyntheticMembers(fixtureSize, 2026))
		if err := db.Close(); fixtureErr == nil {
			fixtureErr = err
		}
	})
	if fixtureErr != nil {
		b.Fatal(fixtureErr)
	}
	return fixturePath
}

// fixtureCopy is a private copy of the fixture for benchmarks that write.
func fixtureCopy(b *testing.B) string {
	b.Helper()
	data, err := os.ReadFile(fixture(b))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "10k.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenLoad is what the program does at start: open the file and
// decode every member. Target ≤ 1 s.
func BenchmarkOpenLoad(b *testing.B) {
	path := fixture(b)
	for b.Loop() {
		db, err := OpenStore(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		ms, err := db.Members(ctx)
		if err != nil || len(ms) != fixtureSize {
			b.Fatalf("%d members, %v", len(ms), err)
		}
		db.Close()
	}
}

// BenchmarkRawOpenIterate is the library's floor for the same work: open
// the file and visit every member's bytes, without decoding.
func BenchmarkRawOpenIterate(b *testing.B) {
	path := fixture(b)
	for b.Loop() {
		raw, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		n, size := 0, 0
		raw.View(func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketMembers).ForEach(func(k, v []byte) error {
				n, size = n+1, size+len(v)
				return nil
			})
		})
		if n != fixtureSize || size == 0 {
			b.Fatalf("%d members", n)
		}
		raw.Close()
	}
}

// BenchmarkSaveMember saves one member of the 10k register per
// operation, as the dialogs do (storetest.BenchSaveMember). Target p99 ≤ 50 ms.
func BenchmarkSaveMember(b *testing.B) {
	storetest.BenchSaveMember(b, openCopy, store.DateOf(benchNow()))
}

func openCopy(b *testing.B) (store.Store, []store.Member) {
	db, err := OpenStore(fixtureCopy(b), Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	ms, err := db.Members(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return db, ms
}

// BenchmarkRawPut is the library's floor for a save: one bbolt Update that
// puts a value the size of a stored member over an existing key.
func BenchmarkRawPut(b *testing.B) {
	path := fixtureCopy(b)
	raw, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	var keys, values [][]byte
	raw.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMembers).ForEach(func(k, v []byte) error {
			keys, values = append(keys, slices.Clone(k)), append(values, slices.Clone(v))
			return nil
		})
	})
	i := 0
	latencies := storetest.TimeEach(b, func() error {
		k, v := keys[i%len(keys)], values[i%len(values)]
		i++
		return raw.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMembers).Put(k, v) })
	})
	storetest.ReportP99(b, latencies)
	b.ReportMetric(float64(meanLen(values)), "value-bytes")
}

func meanLen(values [][]byte) int {
	total := 0
	for _, v := range values {
		total += len(v)
	}
	return total / max(1, len(values))
}

// BenchmarkLoadMeetings5000 reads every meeting of a file holding 5,000
// meetings of 30 invitees each (the 会议 list's load).
func BenchmarkLoadMeetings5000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "m.db")
	db, err := OpenStore(path, Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, m := range storetest.SyntheticMeetings(5000, 30, 9) {
		if _, err := db.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		ms, err := db.Meetings(ctx, store.MeetingFilter{})
		if err != nil || len(ms) != 5000 {
			b.Fatal(len(ms), err)
		}
	}
}

// BenchmarkTickAttendance300 ticks one invitee of a 300-invitee meeting
// per operation, as the door does (SetAttend), and reports the p99.
func BenchmarkTickAttendance300(b *testing.B) {
	db, err := OpenStore(filepath.Join(b.TempDir(), "t.db"), Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	m, err := db.CreateMeeting(ctx, storetest.SyntheticMeetings(1, 300, 3)[0])
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	latencies := storetest.TimeEach(b, func() error {
		v := m.Invitees[i%len(m.Invitees)]
		to := store.Attend{State: store.AttendStates[i%3]}
		got, err := db.SetAttend(ctx, m.ID, v.ID, v.Attend, to)
		m = got
		i++
		return err
	})
	storetest.ReportP99(b, latencies)
}

// BenchmarkOpenTasks20000 opens a file holding 20,000 tasks with 100,000
// inspections and reads every task (the 督查督办 section's load).
func BenchmarkOpenTasks20000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "t.db")
	db, err := OpenStore(path, Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, t := range storetest.SyntheticTasks(20000, 5, 11) {
		t.Number = ""
		if _, err := db.CreateTask(ctx, t); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	b.ResetTimer()
	for b.Loop() {
		db, err := OpenStore(path, Options{Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		ts, err := db.Tasks(ctx)
		if err != nil || len(ts) != 20000 {
			b.Fatal(len(ts), err)
		}
		db.Close()
	}
}
