// Package bolt keeps the secretariat's records in one bbolt file. It is the
// only package that imports bbolt: buckets, keys, the JSON codec, indexes,
// the schema version and its migrations, the audit log and the trash live
// here; the rules about what may be saved live in package store.
package bolt

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/secdesk/secdesk/store"
)

// Buckets. Keys are the 16 bytes of a UUIDv7, so a bucket iterates in
// creation order; values are JSON with the tags in package store.
var (
	bucketMeta    = []byte("meta")
	bucketMembers = []byte("members")
	bucketAudit   = []byte("audit")
	bucketTrash   = []byte("trash")
	// bucketIdxCode maps a credit code to the member ID that has it.
	bucketIdxCode = []byte("idx_member_code")
	// bucketIdxName maps store.NameKey(name) to the member ID.
	bucketIdxName = []byte("idx_member_name")

	// Schema 3: the people and bodies of the rosters (issue 4).
	bucketPeople = []byte("people")
	bucketBodies = []byte("bodies")
	// bucketIdxPerson maps store.PersonKey (name and unit) to the person ID.
	bucketIdxPerson = []byte("idx_person")
	// bucketIdxBody maps store.NameKey(body name) to the body ID.
	bucketIdxBody = []byte("idx_body")
)

// Keys in the meta bucket.
var (
	keyMagic    = []byte("magic")
	keySchema   = []byte("schema")
	keySettings = []byte("settings")
)

// magic marks a bbolt file as ours, so that some other program's bbolt
// file is refused instead of being filled with our buckets.
const magic = "secdesk"

// DefaultTimeout is how long Open waits for another process to release the
// file before it gives up with store.ErrLocked.
const DefaultTimeout = time.Second

// Options tune OpenWith. The zero value gives the defaults.
type Options struct {
	// Now is the clock for audit entries, Created/Updated and the "today"
	// against which event dates are checked. Default time.Now.
	Now func() time.Time
	// Timeout is the file-lock wait. Default DefaultTimeout.
	Timeout time.Duration
}

// DB is the data file. It implements store.Store. Its methods may be called
// from several goroutines; bbolt serialises the writes.
type DB struct {
	bolt *bbolt.DB
	path string
	now  func() time.Time
}

var _ store.Store = (*DB)(nil)

// Open opens (or creates) the data file at path with the default options.
func Open(path string) (*DB, error) { return OpenWith(path, Options{}) }

// OpenWith opens (or creates, mode 0600 in a 0700 folder) the data file at
// path. A file locked by another process gives store.ErrLocked after
// opt.Timeout, a file that is not ours store.ErrNotStore, and a file from a
// newer program store.ErrNewerFile. A file with an older schema is copied to
// a backup beside it and then migrated.
func OpenWith(path string, opt Options) (*DB, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	// An absolute path, so 系统 and the messages show where the file is.
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	bdb, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opt.Timeout})
	if err != nil {
		return nil, openError(err)
	}
	d := &DB{bolt: bdb, path: path, now: opt.Now}
	if err := d.prepare(); err != nil {
		bdb.Close()
		return nil, err
	}
	return d, nil
}

// openError turns bbolt's errors into the ones the program explains to
// the clerk.
func openError(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return store.ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum):
		return fmt.Errorf("%w (%v)", store.ErrNotStore, err)
	}
	return err
}

// Path is the data file's location.
func (d *DB) Path() string { return d.path }

// Close releases the file and its lock.
func (d *DB) Close() error { return d.bolt.Close() }

// clock returns the store's now without a monotonic reading, so a time
// handed back to the caller equals the one decoded from the file.
func (d *DB) clock() time.Time { return d.now().Round(0) }

// writeTx is one read-write transaction: the bbolt transaction, the time
// it is stamped with, and whether it has written its audit entry.
type writeTx struct {
	tx      *bbolt.Tx
	now     time.Time
	audited bool
}

// errNoAudit guards the rule that every write leaves an audit entry.
var errNoAudit = errors.New("bolt: write transaction without an audit entry")

// update runs fn in one bbolt read-write transaction and commits only if fn
// succeeded and wrote at least one audit entry.
func (d *DB) update(fn func(w *writeTx) error) error {
	return d.bolt.Update(func(tx *bbolt.Tx) error {
		w := &writeTx{tx: tx, now: d.clock()}
		if err := fn(w); err != nil {
			return err
		}
		if !w.audited {
			return errNoAudit
		}
		return nil
	})
}

// audit appends an entry keyed by a new UUIDv7, so the audit bucket
// iterates in the order the changes were made.
func (w *writeTx) audit(action, kind string, record uuid.UUID, summary string) error {
	e := store.AuditEntry{ID: store.NewID(), Time: w.now, Action: action, Kind: kind, RecordID: record, Summary: summary}
	if err := putJSON(w.tx.Bucket(bucketAudit), e.ID[:], e); err != nil {
		return err
	}
	w.audited = true
	return nil
}
