package postgres

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/postgres/pgtest"
	"github.com/secdesk/secdesk/store/storetest"
)

// TestSameHistoryOnBothEngines runs one scripted history (register with
// joins, tier changes and exits; bodies with 换届 and replacements; trash
// and settings) on a bbolt file and on PostgreSQL, each with the same fake
// clock, and requires the interface to return the same records, record by
// record, and the same audit log.
func TestSameHistoryOnBothEngines(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Start(t)
	e, err := Open(ctx, url, Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	onServer := run(t, e)
	f, err := bolt.Open(filepath.Join(t.TempDir(), "script.db"))
	if err != nil {
		t.Fatal(err)
	}
	inFile := run(t, f)
	if len(inFile.Members) == 0 || len(inFile.Audit) < 30 {
		t.Fatalf("the script made %d members and %d audit entries", len(inFile.Members), len(inFile.Audit))
	}
	if d := storetest.Diff(inFile, onServer); d != "" {
		t.Fatalf("bbolt and PostgreSQL differ after the same history:\n%s", d)
	}
}

// run plays the script on a store over e and dumps it.
func run(t *testing.T, e store.Engine) storetest.Snapshot {
	t.Helper()
	ctx := context.Background()
	clock := storetest.NewClock()
	s := store.New(e, store.Options{Now: clock.Now, Clerk: "li", PC: "office-1"})
	defer s.Close()
	if err := storetest.Script(ctx, s, clock.Now); err != nil {
		t.Fatalf("%s: %v", e, err)
	}
	snap, err := storetest.Dump(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestCopyFileToServerAndBack moves a file's data onto a server and back
// into a new file: nothing is lost either way.
func TestCopyFileToServerAndBack(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src, err := bolt.Open(filepath.Join(dir, "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	clock := storetest.NewClock()
	if err := storetest.Script(ctx, store.New(src, store.Options{Now: clock.Now}), clock.Now); err != nil {
		t.Fatal(err)
	}
	server, err := Open(ctx, pgtest.Start(t), Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if _, err := store.Copy(ctx, src, server, store.CopyOptions{}); err != nil {
		t.Fatalf("file → server: %v", err)
	}
	back, err := bolt.Open(filepath.Join(dir, "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	rep, err := store.Copy(ctx, server, back, store.CopyOptions{})
	if err != nil {
		t.Fatalf("server → file: %v", err)
	}
	want, _ := storetest.Dump(ctx, store.New(src, store.Options{}))
	got, _ := storetest.Dump(ctx, store.New(back, store.Options{}))
	if len(got.Audit) != len(want.Audit)+2 || got.Audit[0].Action != store.ActionCopy || got.Audit[1].Action != store.ActionCopy {
		t.Fatalf("after two copies: %d audit entries (source %d), newest %+v", len(got.Audit), len(want.Audit), got.Audit[0])
	}
	got.Audit, want.Audit = nil, nil
	if d := storetest.Diff(want, got); d != "" {
		t.Fatalf("the file brought back differs:\n%s", d)
	}
	if rep.Records[store.ColMembers] != len(want.Members) {
		t.Fatalf("report %+v", rep)
	}
}
