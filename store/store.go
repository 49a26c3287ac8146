// Package store holds the secretariat's records and their rules: what a
// member unit is, how its life cycle may go, what the register and its
// statistics are on any day, and how an imported sheet is planned. It knows
// nothing of windows, files or databases; Store is what the rest of the
// program calls, made by New over an Engine (store/bolt, store/postgres).
package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// Store is what the program calls: the records and every rule about
// them, over an Engine (store.New). It is split by kind, so that a screen
// or a command can ask for only what it uses. Every method that changes
// data is one transaction that also appends an audit entry written by the
// store from the change itself. Deleting moves a record to the trash, from
// which it can be restored. Saving over a newer change is refused with a
// *ConflictError naming who made it.
type Store interface {
	MemberStore
	RosterStore
	MeetingStore
	TaskStore
	IndicatorStore
	History
	SettingsStore
	Close() error
}

// MemberStore keeps the member register.
type MemberStore interface {
	// Members returns every member not in the trash, in creation order:
	// the register screen and the statistics need the whole register.
	Members(ctx context.Context) ([]Member, error)
	// Member returns one member, or ErrNotFound.
	Member(ctx context.Context, id uuid.UUID) (Member, error)
	// CreateMember cleans and validates m, checks each of m.Events in
	// order (typically an admission), refuses a duplicate (same credit code
	// or NameKey as a member in the register) with a *FieldError naming the
	// existing unit, and saves it with a new ID.
	CreateMember(ctx context.Context, m Member) (Member, error)
	// UpdateMember saves m's details (not its events). m.Rev must be what
	// the store last returned, else a *ConflictError. A save that changes
	// nothing writes nothing.
	UpdateMember(ctx context.Context, m Member) (Member, error)
	// AddEvent appends a life-cycle event (tier change, exit, rejoin …)
	// after Member.CheckEvent allows it on the store's today.
	AddEvent(ctx context.Context, id uuid.UUID, e Event) (Member, error)
	// DeleteMember moves a member to the trash.
	DeleteMember(ctx context.Context, id uuid.UUID) error
	// ApplyImport writes a plan without errors, all or nothing. A plan
	// with errors writes nothing and returns its first error.
	ApplyImport(ctx context.Context, p *ImportPlan) (ImportSummary, error)
}

// RosterStore keeps the people and the bodies with their terms and seats.
type RosterStore interface {
	// People returns every person not in the trash, in creation order.
	People(ctx context.Context) ([]Person, error)
	Person(ctx context.Context, id uuid.UUID) (Person, error)
	// CreatePerson cleans and validates p and refuses a second person with
	// the same PersonKey (PersonDuplicateError naming the existing one).
	CreatePerson(ctx context.Context, p Person) (Person, error)
	// UpdatePerson saves p; p.Rev must be what the store last returned.
	UpdatePerson(ctx context.Context, p Person) (Person, error)
	// DeletePerson moves a person to the trash. It is refused with a
	// *FieldError (ProblemHoldsSeat, naming the body) while the person
	// holds or represents a unit in a seat that has not ended.
	DeletePerson(ctx context.Context, id uuid.UUID) error

	// Bodies returns every body not in the trash, in creation order.
	Bodies(ctx context.Context) ([]Body, error)
	Body(ctx context.Context, id uuid.UUID) (Body, error)
	// CreateBody cleans and validates b and refuses a second body with the
	// same NameKey (ProblemBodyDuplicate) or a parent that does not exist.
	CreateBody(ctx context.Context, b Body) (Body, error)
	// SaveBody writes b after the change ch made with the Body methods
	// (AddTerm, NewTerm, AddSeat, ReplaceHolder …); the store writes the
	// audit summary from ch. b.Rev must be what the store last returned.
	// Every seat must name a person and member that exist.
	SaveBody(ctx context.Context, b Body, ch BodyChange) (Body, error)
	// DeleteBody moves a body (with its terms and seats) to the trash.
	DeleteBody(ctx context.Context, id uuid.UUID) error
	// ApplyRosterImport writes a roster plan without errors, all or
	// nothing: its new people, then the body with its new seats.
	ApplyRosterImport(ctx context.Context, p *RosterPlan) error
}

// MeetingStore keeps the meetings with their invitees, attendance and
// minutes.
type MeetingStore interface {
	// Meetings returns the meetings f selects, in date order (then
	// creation order).
	Meetings(ctx context.Context, f MeetingFilter) ([]Meeting, error)
	Meeting(ctx context.Context, id uuid.UUID) (Meeting, error)
	// RosterInvitees lists who a meeting of body on day d invites: the
	// body's roster as of d (InviteesFromRoster).
	RosterInvitees(ctx context.Context, body uuid.UUID, d Date) ([]Invitee, error)
	// CreateMeeting cleans and validates m and saves it with a new ID.
	// A meeting of a body given without invitees is given the body's
	// roster as of m.Date, and the term in force that day.
	CreateMeeting(ctx context.Context, m Meeting) (Meeting, error)
	// UpdateMeeting saves m whole (details, agenda, invitees, minutes);
	// m.Rev must be what the store last returned, else *ConflictError.
	UpdateMeeting(ctx context.Context, m Meeting) (Meeting, error)
	// SetAttend ticks one invitee's attendance. It does not need the
	// meeting's Rev, so two clerks can tick at two doors at once; but the
	// stored attendance must still be from, else a *ConflictError: one
	// clerk never silently overwrites another's tick.
	SetAttend(ctx context.Context, meeting, invitee uuid.UUID, from, to Attend) (Meeting, error)
	// SetReply records one invitee's reply the same way.
	SetReply(ctx context.Context, meeting, invitee uuid.UUID, from, to Reply) (Meeting, error)
	// ApplyReplies writes a reply plan without errors, all or nothing,
	// and returns how many replies changed.
	ApplyReplies(ctx context.Context, p *ReplyPlan) (int, error)
	// DeleteMeeting moves a meeting to the trash.
	DeleteMeeting(ctx context.Context, id uuid.UUID) error
}

// TaskStore keeps the supervised tasks (督查督办) and the quarterly
// dispatches.
type TaskStore interface {
	// Tasks returns every task, in creation order: the lists, the round
	// grid and the ledger derive their views (as of a day) from all of it.
	Tasks(ctx context.Context) ([]Task, error)
	Task(ctx context.Context, id uuid.UUID) (Task, error)
	// CreateTask cleans and validates t, numbers it when it has no number
	// ("2026-007"), refuses a number in use, and records 立项 on t.Start.
	CreateTask(ctx context.Context, t Task) (Task, error)
	// UpdateTask saves the task's own fields (not its history); t.Rev
	// must be what the store last returned.
	UpdateTask(ctx context.Context, t Task) (Task, error)
	// AddTaskStep records a step of the process (交办, 催办, 反馈, 办结,
	// 销号, 中止 …) after Task.CheckStep allows it.
	AddTaskStep(ctx context.Context, id uuid.UUID, e TaskEvent) (Task, error)
	// RequestExtension records a 延期 request; DecideExtension approves or
	// refuses the pending one. The original deadline stays on record.
	RequestExtension(ctx context.Context, id uuid.UUID, x Extension) (Task, error)
	DecideExtension(ctx context.Context, id, ext uuid.UUID, d ExtDecision, day Date) (Task, error)
	// SaveInspection records one round's inspection; from is the one the
	// clerk saw (nil for none), else a *ConflictError.
	SaveInspection(ctx context.Context, id uuid.UUID, from *Inspection, in Inspection) (Task, error)
	// RecordFlags keeps the flag of an ended round on every task without
	// one; CorrectFlag changes a recorded flag with a reason.
	RecordFlags(ctx context.Context, round string) (int, error)
	CorrectFlag(ctx context.Context, id uuid.UUID, round string, to Flag, reason string) (Task, error)
	// DeleteTask moves a task to the trash (its meeting item is free again).
	DeleteTask(ctx context.Context, id uuid.UUID) error
	// TaskFromItem turns a meeting's agreed item into a task.
	TaskFromItem(ctx context.Context, meeting, item uuid.UUID) (Task, error)
	// Dispatches returns the quarterly dispatches in date order.
	Dispatches(ctx context.Context) ([]Dispatch, error)
	// ApplyDispatch saves a dispatch and applies each decision to its
	// task, all in one transaction.
	ApplyDispatch(ctx context.Context, d Dispatch) (Dispatch, error)
	// ApplyTaskImport writes a task-list plan without errors, all or
	// nothing.
	ApplyTaskImport(ctx context.Context, p *TaskPlan) (int, error)
}

// IndicatorStore keeps the yearly indicator catalogues and the values
// collected from the member units.
type IndicatorStore interface {
	// Catalogues returns every catalogue of every year, by year and
	// version; Catalogue the newest version of a year, or ErrNotFound.
	Catalogues(ctx context.Context) ([]Catalogue, error)
	Catalogue(ctx context.Context, year int) (Catalogue, error)
	// StartCatalogue makes a year's first catalogue (a copy of the last
	// year's, or DefaultCatalogue), or returns the one it has.
	StartCatalogue(ctx context.Context, year int) (Catalogue, error)
	// SaveCatalogue saves an edited catalogue; a filed one is refused.
	SaveCatalogue(ctx context.Context, c Catalogue) (Catalogue, error)
	// FileCatalogue freezes the year's catalogue as filed on day;
	// NewCatalogueVersion starts an editable version after it.
	FileCatalogue(ctx context.Context, year int, day Date) (Catalogue, error)
	NewCatalogueVersion(ctx context.Context, year int) (Catalogue, error)
	// UnitValues returns every unit's collected values of the year.
	UnitValues(ctx context.Context, year int) ([]UnitValues, error)
	// SetValue changes one value of a unit (nil clears it); from is the
	// value the clerk saw, else a *ConflictError.
	SetValue(ctx context.Context, year int, member uuid.UUID, code string, from, to *float64) (UnitValues, error)
	// OpenRound starts a collection round; Rounds lists a year's rounds.
	// CloseRound ends the year's open rounds on day (filing the year
	// ends them too); returns are then no longer read for them.
	OpenRound(ctx context.Context, year int, day Date) (CollectionRound, error)
	CloseRound(ctx context.Context, year int, day Date) (int, error)
	Rounds(ctx context.Context, year int) ([]CollectionRound, error)
	// ApplyReturns writes the files of a return plan that have no errors.
	ApplyReturns(ctx context.Context, p *ReturnPlan) (int, error)
}

// MeetingFilter selects meetings; zero fields do not filter.
type MeetingFilter struct {
	Since, Until Date // dates inclusive
	Kind         string
	BodyID       uuid.UUID
}

// Match reports whether m passes f.
func (f MeetingFilter) Match(m *Meeting) bool {
	return (f.Since.IsZero() || !m.Date.Before(f.Since)) &&
		(f.Until.IsZero() || !m.Date.After(f.Until)) &&
		(f.Kind == "" || m.Kind == f.Kind) &&
		(f.BodyID == uuid.Nil || m.BodyID == f.BodyID)
}

// History is the audit log and the trash.
type History interface {
	// Audit returns the entries that match q, newest first.
	Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error)
	// Trash lists deleted records (members, people, bodies), newest first.
	Trash(ctx context.Context) ([]TrashItem, error)
	// Restore brings a record back from the trash. A restored record that
	// would now duplicate another is refused like its Create.
	Restore(ctx context.Context, id uuid.UUID) error
	// PurgeTrash deletes an item of the trash for good (after the clerk
	// confirmed it by name), with an audit entry.
	PurgeTrash(ctx context.Context, id uuid.UUID) error
	// Quarantine lists the records Repair moved aside.
	Quarantine(ctx context.Context) ([]Quarantined, error)
}

// SettingsStore keeps the data's own settings.
type SettingsStore interface {
	Settings(ctx context.Context) (Settings, error)
	SaveSettings(ctx context.Context, s Settings) error
	// LastBackup is where and when the last backup to another place (a
	// manual Backup) went; a zero Time if there was none.
	LastBackup(ctx context.Context) (BackupLog, error)
}

// Optional abilities, found with As: not every engine has them.

// FileStore is a store kept in one file on this PC.
type FileStore interface{ Path() string }

// Checker verifies the stored data: every record decodes, indexes and
// references agree. It returns every problem found, joined, or nil.
type Checker interface {
	Check(ctx context.Context) error
}

// Watcher delivers changes made by other clerks (a shared database) until
// ctx ends. Changes made through this Store are not delivered: the caller
// knows them already.
type Watcher interface {
	Watch(ctx context.Context) (<-chan Change, error)
}

// As finds an optional ability of s, or of the engine under it.
func As[T any](s Store) (T, bool) {
	if t, ok := s.(T); ok {
		return t, true
	}
	if u, ok := s.(interface{ Engine() Engine }); ok {
		t, ok := u.Engine().(T)
		return t, ok
	}
	var zero T
	return zero, false
}

// Kind is a record kind as persisted in the audit log and the trash:
// ASCII codes, shown to the clerk through the text layer (ui/msg).
type Kind string

const (
	KindMember   Kind = "member"
	KindPerson   Kind = "person"
	KindBody     Kind = "body"
	KindMeeting  Kind = "meeting"
	KindTask     Kind = "task"
	KindDispatch Kind = "dispatch"
	// The indicators: a year's catalogue, a unit's values, a collection.
	KindCatalogue  Kind = "catalogue"
	KindIndicators Kind = "indicators"
	KindRound      Kind = "collection_round"
	KindSettings   Kind = "settings"
	// KindData is the data set as a whole (a migration, a copy).
	KindData Kind = "data"
)

// Action is what an audit entry records, as a persisted ASCII code.
type Action string

const (
	ActionCreate   Action = "create"
	ActionUpdate   Action = "update"
	ActionEvent    Action = "event"
	ActionDelete   Action = "delete"
	ActionRestore  Action = "restore"
	ActionImport   Action = "import"
	ActionSettings Action = "settings"
	ActionMigrate  Action = "migrate"
	ActionRoster   Action = "roster"
	ActionCopy     Action = "copy"
	ActionPurge    Action = "purge"
	ActionBackup   Action = "backup"
	ActionRepair   Action = "repair"
	ActionAttend   Action = "attend"
	ActionReply    Action = "reply"
	ActionInspect  Action = "inspect"
	ActionFlags    Action = "flags"
	ActionDispatch Action = "dispatch"
	ActionValue    Action = "value"
	ActionFile     Action = "file"
	ActionReturn   Action = "return"
)

// AuditEntry records one change: when, who, what, to which record.
type AuditEntry struct {
	ID       uuid.UUID `json:"id"`
	Time     time.Time `json:"time"`
	Action   Action    `json:"action"`
	Kind     Kind      `json:"kind"`
	RecordID uuid.UUID `json:"record_id"`
	// Summary is the change in words, written by the store ("类别变更
	// 潍坊职业学院 理事单位→常务理事单位 (2024年3月1日)").
	Summary string `json:"summary"`
	// Clerk and PC say who made the change: the operating-system user
	// and the computer's name (store.Options).
	Clerk string `json:"clerk,omitempty"`
	PC    string `json:"pc,omitempty"`
	// Session identifies the open Store that made the change, so that a
	// change feed can leave out a window's own changes. Not persisted.
	Session uuid.UUID `json:"-"`
}

// By is "clerk@PC", or what of it is known.
func (e AuditEntry) By() string { return ClerkAt(e.Clerk, e.PC) }

// ClerkAt names a clerk on a PC for the audit log and conflict messages.
func ClerkAt(clerk, pc string) string {
	switch {
	case clerk == "":
		return pc
	case pc == "":
		return clerk
	}
	return clerk + "@" + pc
}

// AuditQuery selects audit entries. Zero fields do not filter.
type AuditQuery struct {
	// RecordID keeps the entries about one record.
	RecordID uuid.UUID
	// Kind keeps the entries about one kind of record.
	Kind Kind
	// Before keeps entries with IDs before this one (paging: pass the
	// last ID of the previous page).
	Before uuid.UUID
	// Limit is the most entries returned; 0 is all.
	Limit int
}

// Match reports whether e passes q's filters (not Limit).
func (q AuditQuery) Match(e *AuditEntry) bool {
	return (q.RecordID == uuid.Nil || e.RecordID == q.RecordID) &&
		(q.Kind == "" || e.Kind == q.Kind) &&
		(q.Before == uuid.Nil || bytesLess(e.ID, q.Before))
}

func bytesLess(a, b uuid.UUID) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// TrashItem is a deleted record with everything needed to restore it.
type TrashItem struct {
	ID      uuid.UUID       `json:"id"`
	Kind    Kind            `json:"kind"`
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
	// Demo marks the sample group's file (store/demo.Load sets it): the
	// window says 演示数据 in its title, so nobody mistakes it for the
	// real register.
	Demo bool `json:"demo,omitempty"`
	// BackupKeep is how many start-up copies are kept (BackupKeepOf).
	BackupKeep int `json:"backup_keep,omitempty"`
	// MeetingKinds is the clerk's own list of meeting types; empty means
	// DefaultMeetingKinds (MeetingKindsOf).
	MeetingKinds []string `json:"meeting_kinds,omitempty"`
	// Fonts are the font names of the Word documents (GB/T 9704); empty
	// names are the common defaults.
	Fonts DocFonts `json:"fonts"`
	// Flags are the supervision's warning rules (FlagRules.Of fills the
	// defaults).
	Flags FlagRules `json:"flags"`
	// TaskCategories is the clerk's list of task categories (may be empty).
	TaskCategories []string `json:"task_categories,omitempty"`
	// BackupRemindDays is after how many days without a backup to another
	// place the dashboard reminds (BackupRemindDaysOf).
	BackupRemindDays int `json:"backup_remind_days,omitempty"`
}

// DocFonts names the fonts of printed Word documents: 标题 (小标宋),
// 正文 (仿宋), 一级标题 (黑体), 二级标题 (楷体), 页码 (宋体).
type DocFonts struct {
	Title      string `json:"title,omitempty"`
	Body       string `json:"body,omitempty"`
	Heading1   string `json:"heading1,omitempty"`
	Heading2   string `json:"heading2,omitempty"`
	PageNumber string `json:"page_number,omitempty"`
}

// DefaultGroupName is used until the clerk sets the group's name.
const DefaultGroupName = "职业教育集团"

// Where names the place s keeps its data, for the window and messages: a
// file's path, or a database as its engine describes itself (never with
// a password).
func Where(s Store) string {
	if fs, ok := As[FileStore](s); ok {
		return fs.Path()
	}
	if d, ok := As[interface{ String() string }](s); ok {
		return d.String()
	}
	return ""
}
