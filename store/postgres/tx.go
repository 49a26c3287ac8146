package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/secdesk/secdesk/store"
)

// Read runs fn in a read-only REPEATABLE READ transaction: every
// statement sees the snapshot taken at the first, one consistent state.
func (e *Engine) Read(ctx context.Context, fn func(tx store.EngineTx) error) error {
	ptx, err := e.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return e.secrets.wrapErr(err)
	}
	t := &tx{ctx: ctx, e: e, tx: ptx, readOnly: true}
	err = fn(t)
	// Read only: nothing to keep, so always roll back.
	ptx.Rollback(context.WithoutCancel(ctx))
	if err == nil {
		err = t.failed
	}
	return err
}

// Write runs fn in a SERIALIZABLE transaction and runs it again, up to
// Options.MaxRetries times, when PostgreSQL aborts it for a conflict with
// a concurrent writer (serialisation failure, deadlock, a key inserted
// meanwhile). See doc.go for why SERIALIZABLE.
func (e *Engine) Write(ctx context.Context, fn func(tx store.EngineTx) error) error {
	for attempt := 0; ; attempt++ {
		err := e.writeOnce(ctx, fn)
		if err == nil || !retryable(err) || attempt >= e.opt.MaxRetries || ctx.Err() != nil {
			return err
		}
		// Back off a little, more each time, with jitter so two clerks
		// that collided do not collide again.
		d := time.Duration(1<<min(attempt, 6)) * time.Millisecond
		d += rand.N(d + time.Millisecond)
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (e *Engine) writeOnce(ctx context.Context, fn func(tx store.EngineTx) error) error {
	ptx, err := e.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable, AccessMode: pgx.ReadWrite})
	if err != nil {
		return e.secrets.wrapErr(err)
	}
	t := &tx{ctx: ctx, e: e, tx: ptx}
	err = fn(t)
	if t.failed != nil && (err == nil || retryable(t.failed)) {
		// A statement failed and fn went on (or returned something
		// else): the transaction is aborted; the database's error
		// decides whether to run fn again.
		err = t.failed
	}
	if err == nil {
		err = t.flush()
	}
	if err == nil {
		err = t.notify()
	}
	if err == nil {
		if err = ptx.Commit(ctx); err != nil {
			return e.secrets.wrapErr(err)
		}
		return nil
	}
	ptx.Rollback(context.WithoutCancel(ctx))
	return err
}

// tx is one transaction; the EngineTx methods have no context, so it
// carries the one of Read or Write.
type tx struct {
	ctx      context.Context
	e        *Engine
	tx       pgx.Tx
	readOnly bool
	// failed is the first statement error: after it PostgreSQL refuses
	// every statement until the transaction ends.
	failed error
	// notes are the change notices of the audit entries, sent just
	// before commit (PostgreSQL delivers them at commit).
	notes []string
	// pend are the writes not sent yet (pending.go).
	pend pending
}

var _ store.EngineTx = (*tx)(nil)

// fail records and wraps a statement error.
func (t *tx) fail(err error) error {
	if err == nil {
		return nil
	}
	err = t.e.secrets.wrapErr(err)
	if t.failed == nil {
		t.failed = err
	}
	return err
}

func (t *tx) exec(sql string, args ...any) error {
	if t.readOnly {
		return errReadOnly
	}
	_, err := t.tx.Exec(t.ctx, sql, args...)
	return t.fail(err)
}

func pgUUID(id uuid.UUID) pgtype.UUID { return pgtype.UUID{Bytes: id, Valid: true} }

func (t *tx) Get(c store.Collection, id uuid.UUID) ([]byte, error) {
	if data, ok := t.pend.docs[docKey{c, id}]; ok {
		if data == nil {
			return nil, store.ErrNotFound
		}
		return data, nil
	}
	var data []byte
	err := t.tx.QueryRow(t.ctx, `SELECT data FROM secdesk_docs WHERE col = $1 AND id = $2`, string(c), pgUUID(id)).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return data, t.fail(err)
}

func (t *tx) Put(c store.Collection, id uuid.UUID, data []byte) error {
	if t.readOnly {
		return errReadOnly
	}
	t.pend.putDoc(docKey{c, id}, data)
	return nil
}

func (t *tx) Delete(c store.Collection, id uuid.UUID) error {
	if t.readOnly {
		return errReadOnly
	}
	t.pend.deleteDoc(docKey{c, id})
	return nil
}

// Scan reads every row first: a callback may run statements of its own,
// which a connection cannot do while a result is open.
func (t *tx) Scan(c store.Collection, fn func(id uuid.UUID, data []byte) error) error {
	type doc struct {
		id   pgtype.UUID
		data []byte
	}
	if err := t.flushDocs(); err != nil {
		return err
	}
	var docs []doc
	rows, err := t.tx.Query(t.ctx, `SELECT id, data FROM secdesk_docs WHERE col = $1 ORDER BY id`, string(c))
	if err != nil {
		return t.fail(err)
	}
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.data); err != nil {
			rows.Close()
			return t.fail(err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return t.fail(err)
	}
	for _, d := range docs {
		if err := fn(uuid.UUID(d.id.Bytes), d.data); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) Count(c store.Collection) (int, error) {
	if err := t.flushDocs(); err != nil {
		return 0, err
	}
	var n int
	err := t.tx.QueryRow(t.ctx, `SELECT count(*) FROM secdesk_docs WHERE col = $1`, string(c)).Scan(&n)
	return n, t.fail(err)
}

// Index keys are bytea, so they hold any Go string and sort bytewise
// (as in bbolt), whatever the database's collation.

func (t *tx) Lookup(ix store.Index, key string) (uuid.UUID, bool, error) {
	if v, ok := t.pend.idx[idxKey{ix, key}]; ok {
		return v.id, !v.del, nil
	}
	var id pgtype.UUID
	err := t.tx.QueryRow(t.ctx, `SELECT id FROM secdesk_idx WHERE ix = $1 AND key = $2`, string(ix), []byte(key)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return uuid.Nil, false, nil
	}
	if err != nil {
		return uuid.Nil, false, t.fail(err)
	}
	return uuid.UUID(id.Bytes), true, nil
}

// SetKey replaces an entry that is there in this transaction's snapshot.
// One inserted meanwhile by a concurrent writer is not overwritten:
// SERIALIZABLE aborts this transaction (and Write runs fn again, which
// then sees the other's key).
func (t *tx) SetKey(ix store.Index, key string, id uuid.UUID) error {
	if t.readOnly {
		return errReadOnly
	}
	t.pend.setKey(idxKey{ix, key}, idxVal{id: id})
	return nil
}

func (t *tx) DeleteKey(ix store.Index, key string) error {
	if t.readOnly {
		return errReadOnly
	}
	t.pend.setKey(idxKey{ix, key}, idxVal{del: true})
	return nil
}

func (t *tx) ScanIndex(ix store.Index, fn func(key string, id uuid.UUID) error) error {
	type entry struct {
		key []byte
		id  pgtype.UUID
	}
	if err := t.flushIdx(); err != nil {
		return err
	}
	var entries []entry
	rows, err := t.tx.Query(t.ctx, `SELECT key, id FROM secdesk_idx WHERE ix = $1 ORDER BY key`, string(ix))
	if err != nil {
		return t.fail(err)
	}
	for rows.Next() {
		var en entry
		if err := rows.Scan(&en.key, &en.id); err != nil {
			rows.Close()
			return t.fail(err)
		}
		entries = append(entries, en)
	}
	if err := rows.Err(); err != nil {
		return t.fail(err)
	}
	for _, en := range entries {
		if err := fn(string(en.key), uuid.UUID(en.id.Bytes)); err != nil {
			return err
		}
	}
	return nil
}

// AppendAudit stores the entry as JSON, with its ID, kind and record as
// columns for Audit's filters, and queues its change notice.
func (t *tx) AppendAudit(e store.AuditEntry) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if t.readOnly {
		return errReadOnly
	}
	t.pend.audit = append(t.pend.audit, auditRow{id: e.ID, record: e.RecordID, kind: string(e.Kind), data: data})
	t.notes = append(t.notes, encodeNote(store.Change{Kind: e.Kind, RecordID: e.RecordID, By: e.By(), Session: e.Session}))
	return nil
}

// notify sends the queued change notices, in one statement, as the last
// of the transaction: PostgreSQL delivers them when it commits, and
// drops them if it does not.
func (t *tx) notify() error {
	if len(t.notes) == 0 {
		return nil
	}
	_, err := t.tx.Exec(t.ctx, `SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n`, channel, t.notes)
	t.notes = nil
	return t.fail(err)
}

func (t *tx) Audit(q store.AuditQuery) ([]store.AuditEntry, error) {
	if err := t.flushAudit(); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.RecordID != uuid.Nil {
		where = append(where, "record_id = "+arg(pgUUID(q.RecordID)))
	}
	if q.Kind != "" {
		where = append(where, "kind = "+arg(string(q.Kind)))
	}
	if q.Before != uuid.Nil {
		where = append(where, "id < "+arg(pgUUID(q.Before)))
	}
	sql := `SELECT data FROM secdesk_audit`
	if len(where) > 0 {
		sql += ` WHERE ` + strings.Join(where, " AND ")
	}
	sql += ` ORDER BY id DESC`
	if q.Limit > 0 {
		sql += ` LIMIT ` + arg(q.Limit)
	}
	rows, err := t.tx.Query(t.ctx, sql, args...)
	if err != nil {
		return nil, t.fail(err)
	}
	defer rows.Close()
	var out []store.AuditEntry
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, t.fail(err)
		}
		var e store.AuditEntry
		if err := json.Unmarshal(data, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, t.fail(rows.Err())
}

func (t *tx) Meta(key string) ([]byte, error) {
	var data []byte
	err := t.tx.QueryRow(t.ctx, `SELECT data FROM secdesk_meta WHERE key = $1`, key).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return data, t.fail(err)
}

func (t *tx) SetMeta(key string, data []byte) error {
	if data == nil {
		data = []byte{}
	}
	return t.exec(`INSERT INTO secdesk_meta (key, data) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET data = excluded.data`, key, data)
}

// Reset empties the four stores with DELETE, not TRUNCATE: DELETE is
// transactional under SERIALIZABLE like every other write and needs no
// right beyond the clerk's. secdesk_schema stays.
func (t *tx) Reset() error {
	if t.readOnly {
		return errReadOnly
	}
	t.pend.reset()
	for _, table := range []string{"secdesk_docs", "secdesk_idx", "secdesk_audit", "secdesk_meta"} {
		if err := t.exec(`DELETE FROM ` + table); err != nil {
			return err
		}
	}
	return nil
}
