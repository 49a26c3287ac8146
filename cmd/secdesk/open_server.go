package main

import (
	"context"
	"errors"

	"github.com/secdesk/secdesk/store"
)

// openServer opens a shared database (store/postgres).
func openServer(ctx context.Context, url string) (store.Engine, error) {
	return nil, errors.New("postgres: not wired yet")
}
