package main

import (
	"context"
	"os"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/postgres"
)

// isServerURL tells a database address from a file name: a postgres://
// URL, or libpq's key=value form ("host=db1 dbname=secdesk") that names
// no file that exists.
func isServerURL(db string) bool {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return true
	}
	if !strings.Contains(db, "dbname=") && !strings.Contains(db, "host=") {
		return false
	}
	_, err := os.Stat(db)
	return err != nil
}

// openServer opens a shared database (store/postgres). Its log lines
// (reconnecting the change feed) go nowhere: a command prints only its
// output, and the window shows what matters.
func openServer(ctx context.Context, url string) (store.Engine, error) {
	e, err := postgres.Open(ctx, url, postgres.Options{Logf: func(string, ...any) {}})
	if err != nil {
		return nil, &store.PlaceError{Place: postgres.Describe(url), Err: err}
	}
	return e, nil
}
