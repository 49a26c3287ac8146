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
	MemberStore
	RosterStore

	// Trash lists deleted records (members, people, bodies), newest first.
	Trash() ([]TrashItem, error)
	// Restore brings a record back from the trash. A restored record that
	// would now duplicate another is refused like its Create.
	Restore(id uuid.UUID) error
	// Audit returns the latest audit entries, newest first (all if limit <= 0).
	Audit(limit int) ([]AuditEntry, error)

	Settings() (Settings, error)
	SaveSettings(s Settings) error

	// Path is the data file's location.
	Path() string
	Close() error
}

// MemberStore keeps the member register.
type MemberStore interface {
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
}

// RosterStore keeps the people and the bodies with their terms and seats.
type RosterStore interface {
	// People returns every person not in the trash, in creation order.
	People() ([]Person, error)
	Person(id uuid.UUID) (Person, error)
	// CreatePerson cleans and validates p and refuses a second person with
	// the same PersonKey (PersonDuplicateError naming the existing one).
	CreatePerson(p Person) (Person, error)
	// UpdatePerson saves p; p.Updated must be what the store last returned
	// (else ErrConflict).
	UpdatePerson(p Person) (Person, error)
	// DeletePerson moves a person to the trash. It is refused with a
	// *FieldError (ProblemHoldsSeat, naming the body) while the person
	// holds or represents a unit in a seat that has not ended.
	DeletePerson(id uuid.UUID) error

	// Bodies returns every body not in the trash, in creation order.
	Bodies() ([]Body, error)
	Body(id uuid.UUID) (Body, error)
	// CreateBody cleans and validates b and refuses a second body with the
	// same NameKey (ProblemBodyDuplicate).
	CreateBody(b Body) (Body, error)
	// SaveBody writes b after a change made with the Body methods (AddTerm,
	// NewTerm, AddSeat, ReplaceHolder …), with change as the audit
	// summary ("换届：第二届", "理事 张三 离任"). b.Updated must be what the
	// store last returned (else ErrConflict). Every seat must name a person
	// and member that exist.
	SaveBody(b Body, change string) (Body, error)
	// DeleteBody moves a body (with its terms and seats) to the trash.
	DeleteBody(id uuid.UUID) error
	// ApplyRosterImport writes a roster plan without errors in one
	// transaction: its new people, then the body with its new seats. A plan
	// with errors writes nothing and returns its first error.
	ApplyRosterImport(p *RosterPlan) error
}

// Record kinds, as they appear in the audit log and the trash.
const (
	KindMember = "成员单位"
	KindPerson = "人员"
	KindBody   = "机构"
)

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
	ActionRoster   = "名单变动"
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
	// Positions is the clerk's own list of seat positions in rank order;
	// empty means DefaultPositions (see PositionsOf).
	Positions []string `json:"positions,omitempty"`
}

// DefaultGroupName is used until the clerk sets the group's name.
const DefaultGroupName = "职业教育集团"
