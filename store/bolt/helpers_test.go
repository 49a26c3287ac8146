package bolt

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/secdesk/secdesk/store"
)

var cst = time.FixedZone("CST", 8*3600)

// testStart is after storetest.Last, so synthetic histories are not in the
// future.
var testStart = time.Date(2026, time.November, 15, 10, 0, 0, 0, cst)

// fakeClock ticks one second per reading, so every write has its own
// Updated time and audit times are strictly increasing.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: testStart} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// openTest opens a new data file in a temporary folder with a fake clock.
func openTest(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secdesk.db")
	return reopen(t, path), path
}

func reopen(t testing.TB, path string) *DB {
	t.Helper()
	db, err := OpenWith(path, Options{Now: newClock().Now})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustCheck(t testing.TB, db *DB) {
	t.Helper()
	if err := db.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func date(y int, m time.Month, d int) store.Date { return store.NewDate(y, m, d) }

// weifang is a member as the 新增 dialog hands it over: admitted in 2015,
// with a valid credit code.
func weifang() store.Member {
	return store.Member{
		Name: "潍坊职业学院", CreditCode: "91512081MA62K0260E", Type: "高职院校",
		Province: "山东省", City: "潍坊市", Address: "潍坊市滨海经济技术开发区富海路 1 号",
		Contact: "王芳", Phone: "0536-8185000", Email: "office@sdwfvc.edu.cn", Note: "牵头单位",
		Events: []store.Event{{Kind: store.EventJoin, Date: date(2015, 3, 1), Tier: "理事长单位", Basis: "第一届理事会第一次会议"}},
	}
}

// company is a second, unrelated member with no events.
func company(name, code string) store.Member {
	return store.Member{Name: name, CreditCode: code, Type: "企业", City: "潍坊市"}
}

// validCode completes 17 characters with their GB 32100 check character.
func validCode(first17 string) string {
	return first17 + string(store.CreditCodeCheckChar(first17))
}

func mustCreate(t testing.TB, db *DB, m store.Member) store.Member {
	t.Helper()
	saved, err := db.CreateMember(m)
	if err != nil {
		t.Fatalf("CreateMember(%s): %v", m.Name, err)
	}
	return saved
}

// wantFieldError asserts err is a *store.FieldError on field with problem.
func wantFieldError(t testing.TB, err error, field store.Field, problem store.Problem) *store.FieldError {
	t.Helper()
	fe, ok := store.AsFieldError(err)
	if !ok {
		t.Fatalf("want 「%s」%s, got %v", field, problem, err)
	}
	if fe.Field != field || fe.Problem != problem {
		t.Fatalf("want 「%s」%s, got 「%s」%s (%s)", field, problem, fe.Field, fe.Problem, fe.Detail)
	}
	return fe
}

// assertSameMember compares two members field by field, times by instant.
func assertSameMember(t testing.TB, want, got store.Member) {
	t.Helper()
	type pair struct {
		field     string
		want, got any
	}
	pairs := []pair{
		{"ID", want.ID, got.ID}, {"Name", want.Name, got.Name}, {"CreditCode", want.CreditCode, got.CreditCode},
		{"CodeReason", want.CodeReason, got.CodeReason}, {"Type", want.Type, got.Type},
		{"Province", want.Province, got.Province}, {"City", want.City, got.City},
		{"Address", want.Address, got.Address}, {"Contact", want.Contact, got.Contact},
		{"Phone", want.Phone, got.Phone}, {"Email", want.Email, got.Email}, {"Note", want.Note, got.Note},
		{"Warnings", len(want.Warnings), len(got.Warnings)}, {"Events", len(want.Events), len(got.Events)},
		{"Created", want.Created.UnixNano(), got.Created.UnixNano()},
		{"Updated", want.Updated.UnixNano(), got.Updated.UnixNano()},
	}
	for i := range min(len(want.Warnings), len(got.Warnings)) {
		pairs = append(pairs, pair{"Warnings[i]", want.Warnings[i], got.Warnings[i]})
	}
	for i := range min(len(want.Events), len(got.Events)) {
		w, g := want.Events[i], got.Events[i]
		pairs = append(pairs,
			pair{"Event.ID", w.ID, g.ID}, pair{"Event.Kind", w.Kind, g.Kind}, pair{"Event.Date", w.Date, g.Date},
			pair{"Event.Tier", w.Tier, g.Tier}, pair{"Event.FromTier", w.FromTier, g.FromTier},
			pair{"Event.Basis", w.Basis, g.Basis}, pair{"Event.ExitKind", w.ExitKind, g.ExitKind},
			pair{"Event.Reason", w.Reason, g.Reason}, pair{"Event.Recorded", w.Recorded.UnixNano(), g.Recorded.UnixNano()})
	}
	for _, p := range pairs {
		if p.want != p.got {
			t.Errorf("%s %s: want %v, got %v", want.Name, p.field, p.want, p.got)
		}
	}
}
