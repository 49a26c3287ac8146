package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
)

// openStore opens the data at db (a file, or a postgres:// database), or
// the default file. A verb that only reads asks for mustExist, so a
// mistyped --db is reported instead of leaving a new empty file behind.
func openStore(ctx context.Context, db string, mustExist bool) (store.Store, error) {
	e, err := openEngine(ctx, db, mustExist)
	if err != nil {
		return nil, err
	}
	return store.New(e, store.Options{}), nil
}

// openEngine opens the engine that db names.
func openEngine(ctx context.Context, db string, mustExist bool) (store.Engine, error) {
	if isServerURL(db) {
		return openServer(ctx, db)
	}
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	if mustExist {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, failf("数据文件不存在：%s", path)
		}
	}
	return bolt.Open(path)
}

// dbPath is the --db flag's file, or by default the file the first-run
// guide made elsewhere (rememberedFile), or secdesk.db in the user's
// config folder (%AppData%\secdesk on Windows), made private to the user.
func dbPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	if p := rememberedFile(); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "secdesk")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(dir, "secdesk.db"), nil
}

// where names the data a store holds, for messages.
func where(s store.Store) string { return store.Where(s) }
