// Package store holds the secretariat's records and their rules: what a
// member unit is, how its life cycle may go, what the register and its
// statistics are on any day, and how an imported sheet is planned. It knows
// nothing of windows, files or databases; Store is what the rest of the
// program calls, and store/bolt implements it.
package store

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// Store is the data file. Every method that changes data is one
// transaction that also appends an audit entry. Deleting moves a record to
// the trash, from which it can be restored.
type Store interface {
	// Members returns every member not in the trash, in creation order.
	Members() ([]Member, error)
	// Member returns one member, or ErrNotFound.
	Member(id uuid.UUID) (Member, error)
	// CreateMember cleans and validates m, checks each of m.Events in
	// order (typically an admission), refuses a duplicate (same credit code
	// or NameKey as a member in the register) with a *FieldError naming the
	// existing unit, and saves it with a new ID.
	CreateMember(m Member) (Member, error)
	// UpdateMember saves m's details (not its events). m.Updated must be
	// what the store last returned, or the update fails with ErrConflict.
	UpdateMember(m Member) (Member, error)
	// AddEvent appends a life-cycle event (tier change, exit, rejoin …)
	// after Member.CheckEvent allows it.
	AddEvent(id uuid.UUID, e Event) (Member, error)
	// DeleteMember moves a member to the trash.
	DeleteMember(id uuid.UUID) error
	// ApplyImport writes a plan without errors in one transaction. A plan
	// with errors writes nothing and returns its first error.
	ApplyImport(p *ImportPlan) (ImportSummary, error)

	// Trash lists deleted records, newest first.
	Trash() ([]TrashItem, error)
	// Restore brings a record back from the trash. A restored member that
	// would now duplicate another is refused like CreateMember.
	Restore(id uuid.UUID) error
	// Audit returns the latest audit entries, newest first (all if limit <= 0).
	Audit(limit int) ([]AuditEntry, error)

	Settings() (Settings, error)
	SaveSettings(s Settings) error

	// Path is the data file's location.
	Path() string
	Close() error
}

// Record kinds, as they appear in the audit log and the trash.
const KindMember = "成员单位"

// Audit actions.
const (
	ActionCreate   = "新增"
	ActionUpdate   = "修改"
	ActionEvent    = "登记变动"
	ActionDelete   = "删除"
	ActionRestore  = "恢复"
	ActionImport   = "导入"
	ActionSettings = "设置"
	ActionMigrate  = "升级数据文件"
)

// AuditEntry records one change: when, what, to which record.
type AuditEntry struct {
	ID       uuid.UUID `json:"id"`
	Time     time.Time `json:"time"`
	Action   string    `json:"action"`
	Kind     string    `json:"kind"`
	RecordID uuid.UUID `json:"record_id"`
	Summary  string    `json:"summary"`
}

// TrashItem is a deleted record with everything needed to restore it.
type TrashItem struct {
	ID      uuid.UUID       `json:"id"`
	Kind    string          `json:"kind"`
	Name    string          `json:"name"`
	Deleted time.Time       `json:"deleted"`
	Data    json.RawMessage `json:"data"`
}

// Settings are the data file's own settings.
type Settings struct {
	// GroupName is 集团名称, used in the window title and on every title
	// of a printed sheet.
	GroupName string `json:"group_name"`
	// Language is "zh" (default) or "en".
	Language string `json:"language,omitempty"`
}

// DefaultGroupName is used until the clerk sets the group's name.
const DefaultGroupName = "职业教育集团"
