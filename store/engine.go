package store

import (
	"context"

	"github.com/google/uuid"
)

// An Engine persists the records; package store owns every rule about
// them. store.New turns an Engine into the Store the program uses: it
// validates, refuses duplicates and stale saves, keeps the trash and
// writes the audit entry of every change, through the few operations
// below. An engine (store/bolt, store/postgres) only stores bytes under
// keys, inside transactions, so the rules cannot drift apart between
// engines, and one conformance suite (storetest.Run) proves them all.
type Engine interface {
	// Read runs fn in a read-only transaction that sees one consistent
	// state of the data.
	Read(ctx context.Context, fn func(tx EngineTx) error) error
	// Write runs fn in one all-or-nothing transaction: fn's writes are
	// kept only if fn returns nil and the commit succeeds. An engine may
	// run fn again after a conflict with a concurrent writer
	// (serialisation failure), so fn must not keep state from a failed
	// run; the store's closures start from what they read in tx.
	Write(ctx context.Context, fn func(tx EngineTx) error) error
	Close() error
}

// Collection names a set of records with the same shape, stored as JSON
// documents keyed by their UUIDv7 (so ascending keys are creation order).
// The values are persisted: ASCII, never renamed.
type Collection string

const (
	ColMembers Collection = "members"
	ColPeople  Collection = "people"
	ColBodies  Collection = "bodies"
	// ColMeetings holds Meetings, invitees and minutes inside each.
	ColMeetings Collection = "meetings"
	// ColTasks holds the supervised Tasks with their history and rounds;
	// ColDispatches the quarterly Dispatches.
	ColTasks      Collection = "tasks"
	ColDispatches Collection = "dispatches"
	// ColCatalogues holds the yearly indicator Catalogues (every version);
	// ColUnitValues each unit's collected values of a year; ColRounds the
	// CollectionRounds.
	ColCatalogues Collection = "catalogues"
	ColUnitValues Collection = "unit_values"
	ColRounds     Collection = "collection_rounds"
	// ColTrash holds TrashItems keyed by the deleted record's own ID.
	ColTrash Collection = "trash"
	// ColQuarantine holds the records Repair moved aside because they did
	// not decode (Quarantined), keyed by a new ID.
	ColQuarantine Collection = "quarantine"
)

// Collections are every collection of the current data model, in the
// order a copy writes them.
var Collections = []Collection{ColMembers, ColPeople, ColBodies, ColMeetings, ColTasks, ColDispatches,
	ColCatalogues, ColUnitValues, ColRounds, ColTrash, ColQuarantine}

// Index names a unique index from a key (a credit code, a NameKey) to the
// ID of the one record that has it. The values are persisted.
type Index string

const (
	IdxMemberCode Index = "member_code"
	IdxMemberName Index = "member_name"
	IdxPerson     Index = "person"
	IdxBody       Index = "body"
	IdxTaskNumber Index = "task_number"
	IdxCatalogue  Index = "catalogue"   // "2026/1": year and version
	IdxUnitValues Index = "unit_values" // "2026/<member id>"
)

// Indexes are every index of the current data model.
var Indexes = []Index{IdxMemberCode, IdxMemberName, IdxPerson, IdxBody, IdxTaskNumber, IdxCatalogue, IdxUnitValues}

// Meta keys the store keeps beside the records.
const MetaSettings = "settings"

// EngineTx is one transaction of an Engine. Writes fail inside a Read.
// Data slices passed to fn callbacks are valid only during the call. A
// callback of Scan or ScanIndex may call the transaction's other methods
// (an engine on a network connection reads the rows first, then calls
// back).
type EngineTx interface {
	// Get returns the document stored under id, or ErrNotFound.
	Get(c Collection, id uuid.UUID) ([]byte, error)
	// Put stores data under id, replacing what was there.
	Put(c Collection, id uuid.UUID, data []byte) error
	// Delete removes id; deleting what is not there is no error.
	Delete(c Collection, id uuid.UUID) error
	// Scan calls fn for every document in ascending ID order, until fn
	// returns an error (which Scan returns).
	Scan(c Collection, fn func(id uuid.UUID, data []byte) error) error
	// Count is the number of documents in c.
	Count(c Collection) (int, error)

	// Lookup returns the ID stored under key, and whether there is one.
	Lookup(ix Index, key string) (uuid.UUID, bool, error)
	// SetKey points key at id, replacing an entry that was there.
	SetKey(ix Index, key string, id uuid.UUID) error
	// DeleteKey removes key.
	DeleteKey(ix Index, key string) error
	// ScanIndex calls fn for every entry in ascending key order.
	ScanIndex(ix Index, fn func(key string, id uuid.UUID) error) error

	// AppendAudit adds an entry to the audit log. An engine that tells
	// other clerks about changes (EngineWatcher) announces the entry's
	// Kind, RecordID, By() and Session when the transaction commits.
	AppendAudit(e AuditEntry) error
	// Audit returns the entries matching q, newest first.
	Audit(q AuditQuery) ([]AuditEntry, error)

	// Meta returns the value under key, or nil if there is none.
	Meta(key string) ([]byte, error)
	SetMeta(key string, data []byte) error

	// Reset removes every document, index entry, audit entry and meta
	// value, leaving an empty data set of the current schema (copy
	// --replace). The engine's own bookkeeping (schema version) stays.
	Reset() error
}

// EngineWatcher is an engine shared by several clerks (PostgreSQL): Watch
// delivers the changes committed by other connections until ctx ends.
type EngineWatcher interface {
	Watch(ctx context.Context) (<-chan Change, error)
}

// EngineChecker is an engine with an integrity check of its own below the
// records (bbolt's page check, the schema marker); store's Check adds the
// record-level checks every engine shares.
type EngineChecker interface {
	CheckEngine(ctx context.Context) []error
}

// Change says that a record of a kind was changed (created, edited,
// deleted, restored). RecordID is uuid.Nil for settings.
type Change struct {
	Kind     Kind
	RecordID uuid.UUID
	// By is the clerk and PC that made it, as in the audit log.
	By string
	// Session is the AuditEntry.Session of the change.
	Session uuid.UUID
}
