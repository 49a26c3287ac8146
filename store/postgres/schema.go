package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/secdesk/secdesk/store"
)

// migrations are the schema's steps; migrations[i] brings the schema to
// version i+1. A step is never edited once released: a change is a new
// step. Each runs in the transaction that records it in secdesk_schema.
var migrations = []string{
	// 1: the engine contract's four stores (see doc.go).
	`CREATE TABLE secdesk_docs (
		col  text  NOT NULL,
		id   uuid  NOT NULL,
		data bytea NOT NULL,
		PRIMARY KEY (col, id)
	);
	CREATE TABLE secdesk_idx (
		ix  text  NOT NULL,
		key bytea NOT NULL,
		id  uuid  NOT NULL,
		PRIMARY KEY (ix, key)
	);
	CREATE TABLE secdesk_audit (
		id        uuid  PRIMARY KEY,
		kind      text  NOT NULL,
		record_id uuid  NOT NULL,
		data      bytea NOT NULL
	);
	CREATE INDEX secdesk_audit_record ON secdesk_audit (record_id, id);
	CREATE INDEX secdesk_audit_kind ON secdesk_audit (kind, id);
	CREATE TABLE secdesk_meta (
		key  text  PRIMARY KEY,
		data bytea NOT NULL
	);`,
}

// schemaVersion is the version this program makes and reads.
var schemaVersion = len(migrations)

// tables are the tables of the current schema, for CheckEngine.
var tables = []string{"secdesk_schema", "secdesk_docs", "secdesk_idx", "secdesk_audit", "secdesk_meta"}

// migrateLock is the advisory lock key under which the schema is made
// or migrated, so two clerks starting the program at once do not both
// try (advisory locks are per database). "secdesk" in ASCII.
const migrateLock int64 = 0x0073_6563_6465_736b

// version reads the schema version; 0 for a database without the schema.
func version(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (int, error) {
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('secdesk_schema') IS NOT NULL`).Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var v int
	err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM secdesk_schema`).Scan(&v)
	return v, err
}

func newerErr(v int) error {
	return fmt.Errorf("%w（数据库版本 %d，本程序支持 %d）", store.ErrNewerFile, v, schemaVersion)
}

// migrate brings the schema to schemaVersion. A database already there
// is only read, so a clerk's role needs no right to create tables; the
// steps run in one transaction under migrateLock.
func (e *Engine) migrate(ctx context.Context) error {
	v, err := version(ctx, e.pool)
	if err != nil {
		return err
	}
	switch {
	case v > schemaVersion:
		return newerErr(v)
	case v == schemaVersion:
		return nil
	}
	return pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
			return err
		}
		// Another program may have migrated while we waited.
		v, err := version(ctx, tx)
		if err != nil {
			return err
		}
		if v > schemaVersion {
			return newerErr(v)
		}
		if v == 0 {
			if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS secdesk_schema (
				version int PRIMARY KEY,
				applied timestamptz NOT NULL DEFAULT now()
			)`); err != nil {
				return err
			}
		}
		for ; v < schemaVersion; v++ {
			if _, err := tx.Exec(ctx, migrations[v]); err != nil {
				return fmt.Errorf("数据库结构升级到第 %d 版失败: %w", v+1, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO secdesk_schema (version) VALUES ($1)`, v+1); err != nil {
				return err
			}
		}
		return nil
	})
}

// CheckEngine reports a schema that is not this program's version or a
// table that is missing.
func (e *Engine) CheckEngine(ctx context.Context) []error {
	var problems []error
	v, err := version(ctx, e.pool)
	switch {
	case err != nil:
		return []error{e.secrets.wrapErr(err)}
	case v > schemaVersion:
		problems = append(problems, newerErr(v))
	case v != schemaVersion:
		problems = append(problems, fmt.Errorf("数据库结构版本为 %d，应为 %d", v, schemaVersion))
	}
	for _, t := range tables {
		var ok bool
		if err := e.pool.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, t).Scan(&ok); err != nil {
			problems = append(problems, e.secrets.wrapErr(err))
			continue
		}
		if !ok {
			problems = append(problems, fmt.Errorf("数据库缺少表 %s", t))
			continue
		}
		// The clerk's role must be able to read it.
		if _, err := e.pool.Exec(ctx, `SELECT 1 FROM `+pgx.Identifier{t}.Sanitize()+` LIMIT 0`); err != nil {
			problems = append(problems, fmt.Errorf("表 %s: %w", t, e.secrets.wrapErr(err)))
		}
	}
	return problems
}

var errReadOnly = errors.New("postgres: write in a read transaction")
