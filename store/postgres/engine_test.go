package postgres

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/postgres/pgtest"
)

// TestUUIDOrder checks that PostgreSQL's uuid order is Go's bytewise
// order, so Scan gives UUIDv7 keys in creation order, and that ScanIndex
// orders keys bytewise (Chinese, NUL, bytes that are not UTF-8).
func TestUUIDOrder(t *testing.T) {
	e := open(t, pgtest.Start(t))
	ctx := testCtx(t)
	var ids []uuid.UUID
	for i := range 300 {
		id := uuid.New()
		if i%2 == 0 {
			id = store.NewID()
		}
		if i%10 == 0 {
			id[0] = 0xff // the sign bit of a signed comparison
		}
		ids = append(ids, id)
	}
	keys := []string{"潍坊职业学院", "A", "a", "", "\x00", "b\x00c", "\xff\xfe", "Ä", "z", "山东"}
	err := e.Write(ctx, func(tx store.EngineTx) error {
		for _, id := range ids {
			if err := tx.Put(store.ColMembers, id, []byte(`{"id":"`+id.String()+`"}`)); err != nil {
				return err
			}
		}
		for i, k := range keys {
			if err := tx.SetKey(store.IdxMemberName, k, ids[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	slices.Sort(keys)
	err = e.Read(ctx, func(tx store.EngineTx) error {
		var got []uuid.UUID
		if err := tx.Scan(store.ColMembers, func(id uuid.UUID, data []byte) error {
			// A callback may use the transaction.
			again, err := tx.Get(store.ColMembers, id)
			if err != nil || !bytes.Equal(again, data) {
				return fmt.Errorf("Get in Scan: %q %v", again, err)
			}
			got = append(got, id)
			return nil
		}); err != nil {
			return err
		}
		if !slices.Equal(got, ids) {
			t.Errorf("Scan order differs from bytewise order")
		}
		var gotKeys []string
		if err := tx.ScanIndex(store.IdxMemberName, func(k string, id uuid.UUID) error {
			if _, ok, err := tx.Lookup(store.IdxMemberName, k); !ok || err != nil {
				return fmt.Errorf("Lookup in ScanIndex: %v %v", ok, err)
			}
			gotKeys = append(gotKeys, k)
			return nil
		}); err != nil {
			return err
		}
		if !slices.Equal(gotKeys, keys) {
			t.Errorf("ScanIndex order %q, want %q", gotKeys, keys)
		}
		n, err := tx.Count(store.ColMembers)
		if n != len(ids) || err != nil {
			t.Errorf("Count %d, %v", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTransactions(t *testing.T) {
	e := open(t, pgtest.Start(t))
	ctx := testCtx(t)
	id := store.NewID()
	boom := errors.New("boom")
	err := e.Write(ctx, func(tx store.EngineTx) error {
		tx.Put(store.ColPeople, id, []byte(`{}`))
		tx.SetMeta("x", []byte(`1`))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Write returned %v, want fn's error", err)
	}
	err = e.Read(ctx, func(tx store.EngineTx) error {
		if _, err := tx.Get(store.ColPeople, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("rolled-back Put is there: %v", err)
		}
		if v, err := tx.Meta("x"); v != nil || err != nil {
			t.Errorf("rolled-back SetMeta: %q %v", v, err)
		}
		if err := tx.Put(store.ColPeople, id, []byte(`{}`)); err == nil {
			t.Error("Put in a Read succeeded")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Audit filters and order; Reset empties everything but the schema.
	rec := store.NewID()
	var all []uuid.UUID
	err = e.Write(ctx, func(tx store.EngineTx) error {
		for i := range 6 {
			kind, r := store.KindMember, rec
			if i%2 == 1 {
				kind, r = store.KindPerson, store.NewID()
			}
			ae := store.AuditEntry{ID: store.NewID(), Time: time.Now(), Action: store.ActionUpdate, Kind: kind, RecordID: r, Summary: "改" + strconv.Itoa(i)}
			all = append(all, ae.ID)
			if err := tx.AppendAudit(ae); err != nil {
				return err
			}
		}
		return tx.SetMeta(store.MetaSettings, []byte(`{"group_name":"x"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	e.Read(ctx, func(tx store.EngineTx) error {
		got, err := tx.Audit(store.AuditQuery{})
		if err != nil || len(got) != 6 || got[0].ID != all[5] || got[0].Summary != "改5" {
			t.Errorf("Audit all: %d entries, %v", len(got), err)
		}
		got, _ = tx.Audit(store.AuditQuery{RecordID: rec})
		if len(got) != 3 || got[0].ID != all[4] {
			t.Errorf("Audit record: %d", len(got))
		}
		got, _ = tx.Audit(store.AuditQuery{Kind: store.KindPerson, Before: all[5], Limit: 1})
		if len(got) != 1 || got[0].ID != all[3] {
			t.Errorf("Audit kind before limit: %+v", got)
		}
		return nil
	})
	if err := e.Write(ctx, func(tx store.EngineTx) error { return tx.Reset() }); err != nil {
		t.Fatal(err)
	}
	e.Read(ctx, func(tx store.EngineTx) error {
		got, _ := tx.Audit(store.AuditQuery{})
		m, _ := tx.Meta(store.MetaSettings)
		if len(got) != 0 || m != nil {
			t.Errorf("after Reset: %d audit entries, meta %q", len(got), m)
		}
		return nil
	})
	if problems := e.CheckEngine(ctx); len(problems) > 0 {
		t.Fatal(problems)
	}
}

// TestWriteRetries has writers increment one counter at once: every
// read-modify-write conflicts, SERIALIZABLE aborts all but one, Write runs
// fn again, and no increment is lost.
func TestWriteRetries(t *testing.T) {
	url := pgtest.Start(t)
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		e := open(t, url)
		e.opt.MaxRetries = 1000
		wg.Go(func() {
			for range each {
				errs <- e.Write(testCtx(t), func(tx store.EngineTx) error {
					v, err := tx.Meta("counter")
					if err != nil {
						return err
					}
					n, _ := strconv.Atoi(string(v))
					return tx.SetMeta("counter", []byte(strconv.Itoa(n+1)))
				})
			}
		})
		_ = w
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	e := open(t, url)
	e.Read(testCtx(t), func(tx store.EngineTx) error {
		v, _ := tx.Meta("counter")
		if string(v) != strconv.Itoa(writers*each) {
			t.Errorf("counter = %s, want %d", v, writers*each)
		}
		return nil
	})
}

func member(name string) store.Member {
	return store.Member{Name: name, Type: "高职院校", Province: "山东", City: "潍坊"}
}

// TestConcurrentUpdate has two clerks, on two engines, save the same
// member from the same revision at the same moment: one wins, the other
// gets the store's conflict.
func TestConcurrentUpdate(t *testing.T) {
	url := pgtest.Start(t)
	ctx := testCtx(t)
	a := store.New(open(t, url), store.Options{Clerk: "li", PC: "pc1"})
	b := store.New(open(t, url), store.Options{Clerk: "wang", PC: "pc2"})
	m, err := a.CreateMember(ctx, member("潍坊职业学院"))
	if err != nil {
		t.Fatal(err)
	}
	for round := range 20 {
		start := make(chan struct{})
		var wg sync.WaitGroup
		results := make([]error, 2)
		for i, s := range []store.Store{a, b} {
			wg.Go(func() {
				edit := m
				edit.Phone = fmt.Sprintf("0536-888%04d", round*2+i)
				<-start
				_, results[i] = s.UpdateMember(ctx, edit)
			})
		}
		close(start)
		wg.Wait()
		wins := 0
		for _, err := range results {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, store.ErrConflict):
				t.Fatalf("round %d: %v, want ErrConflict", round, err)
			}
		}
		if wins != 1 {
			t.Fatalf("round %d: %d saves won (%v): if both, a write closure of store keeps state "+
				"from a run the engine repeated after a serialisation failure (see store.Engine.Write)", round, wins, results)
		}
		if m, err = a.Member(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		if m.Rev != int64(round+2) {
			t.Fatalf("round %d: Rev %d", round, m.Rev)
		}
	}
	// Two clerks creating the same unit at once: one duplicate refused.
	for round := range 10 {
		start := make(chan struct{})
		var wg sync.WaitGroup
		results := make([]error, 2)
		name := "山东化工技师学院" + strconv.Itoa(round)
		for i, s := range []store.Store{a, b} {
			wg.Go(func() {
				<-start
				_, results[i] = s.CreateMember(ctx, member(name))
			})
		}
		close(start)
		wg.Wait()
		if (results[0] == nil) == (results[1] == nil) {
			t.Fatalf("round %d: both or neither created: %v", round, results)
		}
		for _, err := range results {
			if fe, ok := store.AsFieldError(err); err != nil && (!ok || fe.Problem != store.ProblemDuplicate) {
				t.Fatalf("round %d: %v, want a duplicate", round, err)
			}
		}
	}
}

func TestWatch(t *testing.T) {
	url := pgtest.Start(t)
	ctx := testCtx(t)
	a := store.New(open(t, url), store.Options{Clerk: "li", PC: "pc1"})
	b := store.New(open(t, url), store.Options{Clerk: "wang", PC: "pc2"})
	w, ok := store.As[store.Watcher](a)
	if !ok {
		t.Fatal("a PostgreSQL store has no Watcher")
	}
	changes, err := w.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// a's own change is not delivered; b's is.
	if _, err := a.CreateMember(ctx, member("潍坊职业学院")); err != nil {
		t.Fatal(err)
	}
	m, err := b.CreateMember(ctx, member("潍坊科技学院"))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-changes:
		if c.Kind != store.KindMember || c.RecordID != m.ID || c.By != "wang@pc2" {
			t.Fatalf("got %+v, want b's new member", c)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no change within 2 s")
	}
	// A rolled-back write announces nothing.
	if _, err := b.CreateMember(ctx, member("潍坊科技学院")); err == nil {
		t.Fatal("duplicate created")
	}
	if err := b.SaveSettings(ctx, store.Settings{GroupName: "潍坊职教集团"}); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-changes:
		if c.Kind != store.KindSettings {
			t.Fatalf("got %+v, want the settings", c)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no change within 2 s")
	}
}

// TestWatchReconnects kills the notice connection: Watch makes it again,
// says Reload, and goes on delivering.
func TestWatchReconnects(t *testing.T) {
	url := pgtest.Start(t)
	ctx := testCtx(t)
	e := open(t, url)
	changes, err := e.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-changes:
		if c != Reload {
			t.Fatalf("got %+v, want Reload", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no Reload within 10 s")
	}
	s := store.New(open(t, url), store.Options{})
	if err := s.SaveSettings(ctx, store.Settings{GroupName: "x"}); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-changes:
		if c.Kind != store.KindSettings {
			t.Fatalf("got %+v", c)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no change within 2 s after reconnecting")
	}
}

// TestReadOwnWrites: a write transaction sees its own writes, which the
// engine keeps in memory until it must send them (pending.go).
func TestReadOwnWrites(t *testing.T) {
	e := open(t, pgtest.Start(t))
	ctx := testCtx(t)
	a, b := store.NewID(), store.NewID()
	check := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Error(what)
		}
	}
	err := e.Write(ctx, func(tx store.EngineTx) error {
		tx.Put(store.ColMembers, a, []byte(`{"v":1}`))
		tx.Put(store.ColMembers, b, []byte(`{"v":2}`))
		got, err := tx.Get(store.ColMembers, a)
		check("Get after Put", err == nil && string(got) == `{"v":1}`)
		tx.Delete(store.ColMembers, b)
		_, err = tx.Get(store.ColMembers, b)
		check("Get after Delete", errors.Is(err, store.ErrNotFound))
		n, err := tx.Count(store.ColMembers)
		check("Count after Put and Delete", err == nil && n == 1)
		tx.Put(store.ColMembers, b, []byte(`{"v":3}`)) // back, after a flush
		tx.SetKey(store.IdxMemberName, "甲", a)
		tx.SetKey(store.IdxMemberName, "乙", b)
		id, ok, err := tx.Lookup(store.IdxMemberName, "甲")
		check("Lookup after SetKey", err == nil && ok && id == a)
		tx.DeleteKey(store.IdxMemberName, "乙")
		_, ok, err = tx.Lookup(store.IdxMemberName, "乙")
		check("Lookup after DeleteKey", err == nil && !ok)
		var keys []string
		tx.ScanIndex(store.IdxMemberName, func(k string, _ uuid.UUID) error { keys = append(keys, k); return nil })
		check("ScanIndex after SetKey and DeleteKey", slices.Equal(keys, []string{"甲"}))
		tx.SetKey(store.IdxMemberName, "乙", a) // back, after a flush
		tx.AppendAudit(store.AuditEntry{ID: store.NewID(), Kind: store.KindMember, RecordID: a, Summary: "x"})
		entries, err := tx.Audit(store.AuditQuery{RecordID: a})
		check("Audit after AppendAudit", err == nil && len(entries) == 1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e.Read(ctx, func(tx store.EngineTx) error {
		got, err := tx.Get(store.ColMembers, b)
		check("committed Put after a flush", err == nil && string(got) == `{"v":3}`)
		id, ok, _ := tx.Lookup(store.IdxMemberName, "乙")
		check("committed SetKey after a flush", ok && id == a)
		n, _ := tx.Count(store.ColMembers)
		check("committed count", n == 2)
		return nil
	})
}
