package postgres

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/postgres/pgtest"
	"github.com/secdesk/secdesk/store/storetest"
)

// The benchmarks mirror store/bolt's, on a cluster with fsync on (what a
// real server does), over the unix socket: the figures are the engine's
// and the server's cost without a network. A LAN adds its round-trip time
// to every statement.

// fixtureSize is the scale DESIGN.md §4 asks the program to stay fast at.
const fixtureSize = 10000

var cst = time.FixedZone("CST", 8*3600)

var bench struct {
	once    sync.Once
	cluster *pgtest.Cluster
	db      string // the loaded fixture, used as a template
	err     error
}

// stopBench stops the benchmarks' cluster (from TestMain).
func stopBench() {
	if bench.cluster != nil {
		bench.cluster.Stop()
	}
}

// benchNow is the wall clock, but never before the synthetic history ends,
// so the fixture loads on a machine whose clock is behind.
func benchNow() time.Time {
	if min := time.Date(2026, 11, 1, 9, 0, 0, 0, cst); time.Now().Before(min) {
		return min
	}
	return time.Now()
}

// benchCluster is a durable cluster with a database of 10,000 synthetic
// members with history, built once per test process.
func benchCluster(b *testing.B) *pgtest.Cluster {
	b.Helper()
	if os.Getenv("SECDESK_NO_POSTGRES") == "1" {
		b.Skip("SECDESK_NO_POSTGRES=1")
	}
	bench.once.Do(func() {
		ctx := context.Background()
		if bench.cluster, bench.err = pgtest.NewCluster(pgtest.Options{Durable: true}); bench.err != nil {
			return
		}
		if bench.db, bench.err = bench.cluster.CreateDatabase(ctx); bench.err != nil {
			return
		}
		e, err := Open(ctx, bench.cluster.URL(pgtest.Superuser, "", bench.db), Options{})
		if err != nil {
			bench.err = err
			return
		}
		s := store.New(e, store.Options{Now: benchNow})
		bench.err = storetest.Load(ctx, s, storetest.SyntheticMembers(fixtureSize, 2026))
		s.Close()
		if bench.err == nil {
			// VACUUM ANALYZE, as autovacuum would have by then.
			bench.err = bench.cluster.Exec(ctx, bench.db, "VACUUM ANALYZE")
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.cluster
}

// fixtureURL is the loaded database, for benchmarks that only read.
func fixtureURL(b *testing.B) string {
	c := benchCluster(b)
	return c.URL(pgtest.Superuser, "", bench.db)
}

// fixtureCopy is a private copy of the fixture for benchmarks that write.
func fixtureCopy(b *testing.B) string {
	c := benchCluster(b)
	ctx := context.Background()
	name := fmt.Sprintf("copy_%d", time.Now().UnixNano())
	if err := c.Exec(ctx, "postgres", "CREATE DATABASE "+name+" TEMPLATE "+bench.db); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.DropDatabase(ctx, name) })
	return c.URL(pgtest.Superuser, "", name)
}

// BenchmarkOpenLoad is what the program does at start: connect, check the
// schema and decode every member. Target ≤ 1 s.
func BenchmarkOpenLoad(b *testing.B) {
	url := fixtureURL(b)
	ctx := context.Background()
	for b.Loop() {
		e, err := Open(ctx, url, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s := store.New(e, store.Options{Now: benchNow})
		ms, err := s.Members(ctx)
		if err != nil || len(ms) != fixtureSize {
			b.Fatalf("%d members, %v", len(ms), err)
		}
		s.Close()
	}
}

// BenchmarkRawScan is the floor for the same work: one query for every
// member's bytes, without decoding, on an open pool.
func BenchmarkRawScan(b *testing.B) {
	e := open(b, fixtureURL(b))
	ctx := context.Background()
	for b.Loop() {
		n, size := 0, 0
		err := e.Read(ctx, func(tx store.EngineTx) error {
			return tx.Scan(store.ColMembers, func(_ uuid.UUID, data []byte) error {
				n, size = n+1, size+len(data)
				return nil
			})
		})
		if err != nil || n != fixtureSize || size == 0 {
			b.Fatalf("%d members, %v", n, err)
		}
	}
}

// BenchmarkSaveMember saves one member of the 10k register per
// operation, as the dialogs do (storetest.BenchSaveMember). Target p99 ≤ 50 ms.
func BenchmarkSaveMember(b *testing.B) {
	storetest.BenchSaveMember(b, openCopy, store.DateOf(benchNow()))
}

func openCopy(b *testing.B) (store.Store, []store.Member) {
	e := open(b, fixtureCopy(b))
	s := store.New(e, store.Options{Now: benchNow})
	ms, err := s.Members(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return s, ms
}

// BenchmarkImport10k applies a 10,000-row import plan (every row new)
// to an empty database: one transaction, 10,000 members and audit
// entries and their notices.
func BenchmarkImport10k(b *testing.B) {
	c := benchCluster(b)
	ctx := context.Background()
	ms := storetest.SyntheticMembers(fixtureSize, 2027)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := c.CreateDatabase(ctx)
		if err != nil {
			b.Fatal(err)
		}
		e, err := Open(ctx, c.URL(pgtest.Superuser, "", db), Options{})
		if err != nil {
			b.Fatal(err)
		}
		s := store.New(e, store.Options{Now: benchNow})
		b.StartTimer()
		if err := storetest.Load(ctx, s, ms); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		c.DropDatabase(ctx, db)
		b.StartTimer()
	}
}
