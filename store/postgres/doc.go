// Package postgres is the store.Engine on a PostgreSQL server, for a
// secretariat whose clerks share one register. It is the only package
// that imports the driver (pgx); store.New adds every rule on top.
//
// # Tables
//
// Five tables, prefixed secdesk_ so that they can live in a database
// (or schema, via search_path) shared with other programs:
//
//	secdesk_schema (version int PRIMARY KEY, applied timestamptz)
//	secdesk_docs   (col text, id uuid, data bytea, PRIMARY KEY (col, id))
//	secdesk_idx    (ix text, key bytea, id uuid, PRIMARY KEY (ix, key))
//	secdesk_audit  (id uuid PRIMARY KEY, kind text, record_id uuid, data bytea)
//	               + indexes (record_id, id) and (kind, id)
//	secdesk_meta   (key text PRIMARY KEY, data bytea)
//
// Why this shape:
//
//   - One documents table for every collection, not a table each: the
//     collections are store's notion, so store can add one without a
//     migration here, Reset is one DELETE, and the primary key (col, id)
//     is the index that gives Scan its ascending-ID order. PostgreSQL
//     compares uuid values as 16 bytes (memcmp), the order of UUIDv7
//     keys in bbolt, so creation order is the same on both engines.
//   - Documents are bytea, not jsonb: the engine treats them as opaque
//     bytes (store owns the shape), gets back exactly what it stored, and
//     pays no jsonb parse on every write. jsonb would also refuse a string
//     with \u0000 and reorder keys. For ad-hoc SQL, an administrator reads
//     them with convert_from(data, 'UTF8')::jsonb.
//   - Index keys are bytea for the same reason as bbolt's: any Go string
//     is a key (text refuses NUL bytes and invalid UTF-8) and ScanIndex's
//     order is bytewise whatever the database's collation.
//   - The audit log keeps the whole entry as JSON (so times keep their
//     nanoseconds and zone, which timestamptz would round to microseconds)
//     and copies into columns only what AuditQuery filters on; the two
//     indexes serve "history of one record" and "changes of one kind",
//     newest first, without reading the whole log.
//   - secdesk_schema records every numbered migration with its time.
//     Open migrates in one transaction under an advisory lock, so two
//     clerks starting at once do not race; a database already current is
//     only read, so clerks' roles need no CREATE right. A version newer
//     than the program's is refused (store.ErrNewerFile).
//
// # Isolation
//
// Write runs at SERIALIZABLE and runs fn again (a bounded number of
// times, with jittered backoff) after a serialisation failure, deadlock
// or unique violation. The store's rules are read-check-write across
// rows — a duplicate check reads the index, a Rev check reads the record,
// deleting a person checks that no body seats them while another clerk
// may be seating them — and SERIALIZABLE makes PostgreSQL detect every
// interleaving that would break such a rule, including write skew across
// rows that REPEATABLE READ with row locks would only catch if the engine
// knew which rows each rule reads (it does not: store owns the rules).
// The cost is an occasional retry under contention, rare for a handful
// of clerks. Read runs in a READ ONLY REPEATABLE READ transaction: one
// snapshot for the whole read, never blocked, never aborted.
//
// # Round trips
//
// A write transaction keeps its document, index and audit writes in
// memory, answers Get and Lookup from them, and sends them as bulk
// statements (unnest of arrays) before a statement that reads a whole
// table and before commit: a 10,000-row import is two index lookups per
// row and a few bulk statements, not six round trips per row.
//
// # Change notices
//
// AppendAudit queues a notice (kind, record, clerk@PC, session) and Write
// sends the transaction's notices with pg_notify on channel
// secdesk_changes as its last statement; PostgreSQL delivers them when,
// and only if, the transaction commits. Watch listens on a connection of
// its own, reconnects after losing it and then delivers Reload.
//
// # Errors
//
// Server problems are wrapped around store.ErrServerUnreachable,
// ErrServerAuth, ErrServerNoDatabase, ErrServerPermission and
// ErrServerAddress. No error text, log line or String() shows the
// password: Describe shows a connection string as user@host/db.
package postgres
