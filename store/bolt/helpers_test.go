package bolt

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

var cst = time.FixedZone("CST", 8*3600)

// testStart is after storetest.Last, so synthetic histories are not in the
// future.
var testStart = storetest.Start

var ctx = context.Background()

func newClock() *storetest.Clock { return storetest.NewClock() }

// openTest opens a new data file in a temporary folder with a fake clock:
// the store over it, the file itself and its path.
func openTest(t testing.TB) (store.Store, *DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secdesk.db")
	s, db := reopen(t, path)
	return s, db, path
}

// reopen opens the data file at path with a fake clock, closed when the
// test ends.
func reopen(t testing.TB, path string) (store.Store, *DB) {
	t.Helper()
	db, err := OpenWith(path, Options{Now: newClock().Now})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	s := store.New(db, store.Options{Now: newClock().Now, Clerk: "li", PC: "office-1"})
	t.Cleanup(func() { s.Close() })
	return s, db
}

// checker is the store's integrity check.
func checker(s store.Store) store.Checker {
	c, ok := store.As[store.Checker](s)
	if !ok {
		panic("store without Check")
	}
	return c
}

func mustCheck(t testing.TB, s store.Store) {
	t.Helper()
	if err := checker(s).Check(ctx); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

func date(y int, m time.Month, d int) store.Date { return store.NewDate(y, m, d) }

func weifang() store.Member                  { return storetest.Weifang() }
func company(name, code string) store.Member { return storetest.Company(name, code) }
func validCode(first17 string) string        { return storetest.ValidCode(first17) }

func mustCreate(t testing.TB, s store.Store, m store.Member) store.Member {
	t.Helper()
	return storetest.MustCreate(t, s, m)
}

func wantFieldError(t testing.TB, err error, field store.Field, problem store.Problem) *store.FieldError {
	t.Helper()
	return storetest.WantFieldError(t, err, field, problem)
}

func assertSameMember(t testing.TB, want, got store.Member) {
	t.Helper()
	storetest.AssertSameMember(t, want, got)
}

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
