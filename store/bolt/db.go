// Package bolt keeps the secretariat's records in one bbolt file. It is the
// only package that imports bbolt: buckets, keys, the JSON codec, indexes,
// the schema version and its migrations, the audit log and the trash live
// here; the rules about what may be saved live in package store.
package bolt

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

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

	// Schema 5: records a repair moved aside (issue 8).
	bucketQuarantine = []byte("quarantine")
	bucketMeetings   = []byte("meetings")
	bucketTasks      = []byte("tasks")
	bucketDispatches = []byte("dispatches")
	bucketIdxTask    = []byte("idx_task_number")
	bucketCatalogues = []byte("catalogues")
	bucketUnitValues = []byte("unit_values")
	bucketRounds     = []byte("collection_rounds")
	bucketIdxCat     = []byte("idx_catalogue")
	bucketIdxValues  = []byte("idx_unit_values")
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
	// Now is the clock of the store over the file (store.Options.Now) and
	// of migration backups and entries. Default time.Now.
	Now func() time.Time
	// Clerk and PC name who makes the changes (store.Options).
	Clerk, PC string
	// Timeout is the file-lock wait. Default DefaultTimeout.
	Timeout time.Duration
}

// DB is the data file: a store.Engine (store.New makes the Store over it),
// a store.FileStore and a store.EngineChecker. Its methods may be called
// from several goroutines; bbolt serialises the writes.
type DB struct {
	bolt *bbolt.DB
	path string
	now  func() time.Time
	// clerk and pc sign the migration entries in the audit log.
	clerk, pc string
	// cleanup removes the temporary copy an older backup was migrated in
	// (OpenReadOnly), after Close.
	cleanup func()
}

var (
	_ store.Engine        = (*DB)(nil)
	_ store.FileStore     = (*DB)(nil)
	_ store.EngineChecker = (*DB)(nil)
)

// Open opens (or creates) the data file at path with the default options.
func Open(path string) (*DB, error) { return OpenWith(path, Options{}) }

// OpenStore opens the data file and makes the store over it.
func OpenStore(path string, opt Options) (store.Store, error) {
	d, err := OpenWith(path, opt)
	if err != nil {
		return nil, err
	}
	return store.New(d, store.Options{Now: opt.Now, Clerk: opt.Clerk, PC: opt.PC}), nil
}

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
	// The migration's audit entry names who opened the file, as the
	// store's entries do.
	opt.Clerk, opt.PC = cmp.Or(opt.Clerk, store.OSUser()), cmp.Or(opt.PC, store.ThisPC())
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
	d := &DB{bolt: bdb, path: path, now: opt.Now, clerk: opt.Clerk, pc: opt.PC}
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
func (d *DB) Close() error {
	err := d.bolt.Close()
	if d.cleanup != nil {
		d.cleanup()
	}
	return err
}

// clock returns the engine's now without a monotonic reading.
func (d *DB) clock() time.Time { return d.now().Round(0) }
