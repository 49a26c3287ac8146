package postgres

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/postgres/pgtest"
)

func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	stopBench()
	os.Exit(code)
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func open(t testing.TB, url string) *Engine {
	t.Helper()
	e, err := Open(testCtx(t), url, Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestOpenMigrateReopen(t *testing.T) {
	url := pgtest.Start(t)
	ctx := testCtx(t)
	e := open(t, url)
	if problems := e.CheckEngine(ctx); len(problems) > 0 {
		t.Fatal(problems)
	}
	var n int
	if err := e.pool.QueryRow(ctx, `SELECT count(*) FROM secdesk_schema`).Scan(&n); err != nil || n != schemaVersion {
		t.Fatalf("%d schema rows, %v", n, err)
	}
	s := store.New(e, store.Options{Clerk: "li", PC: "pc1"})
	if err := s.SaveSettings(ctx, store.Settings{GroupName: "潍坊职教集团"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	e2 := open(t, url)
	s2 := store.New(e2, store.Options{})
	got, err := s2.Settings(ctx)
	if err != nil || got.GroupName != "潍坊职教集团" {
		t.Fatalf("%+v, %v", got, err)
	}
	if err := e2.pool.QueryRow(ctx, `SELECT count(*) FROM secdesk_schema`).Scan(&n); err != nil || n != schemaVersion {
		t.Fatalf("reopen: %d schema rows, %v", n, err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	url := pgtest.Start(t)
	e := open(t, url)
	if _, err := e.pool.Exec(testCtx(t), `INSERT INTO secdesk_schema (version) VALUES ($1)`, schemaVersion+1); err != nil {
		t.Fatal(err)
	}
	_, err := Open(testCtx(t), url, Options{})
	if !errors.Is(err, store.ErrNewerFile) {
		t.Fatalf("got %v, want ErrNewerFile", err)
	}
	t.Log(err)
}
