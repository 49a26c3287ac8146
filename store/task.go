package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Task (督办任务, 任务事项) is one item of the supervised task list: what is
// to be done, by whom and by when, with its dated history — the process
// 立项 → 交办 → 催办 → 反馈 → 办结 → 销号, the extensions, one inspection per
// round (月督查) and the warning flag of every past round — so the list
// can be shown as it stood on any day.
type Task struct {
	ID uuid.UUID `json:"id"`
	// Number is 事项编号 ("2026-003"): given by the store, editable,
	// unique.
	Number      string      `json:"number"`
	Title       string      `json:"title"`
	Requirement string      `json:"requirement,omitempty"` // 工作要求
	Source      TaskSource  `json:"source"`
	Category    string      `json:"category,omitempty"`
	Lead        UnitRef     `json:"lead"`              // 牵头单位
	Units       []UnitRef   `json:"units,omitempty"`   // 责任单位
	Helpers     []UnitRef   `json:"helpers,omitempty"` // 协办/配合单位
	PersonID    uuid.UUID   `json:"person_id"`         // 责任人, if in the register
	Person      string      `json:"person,omitempty"`  // 责任人 as written
	Start       Date        `json:"start"`             // 立项 (and the first round)
	Deadline    Date        `json:"deadline"`          // 完成时限 as first set (原定时限)
	Frequency   Frequency   `json:"frequency"`         // 反馈频次
	Milestones  []Milestone `json:"milestones,omitempty"`
	// Events are the process steps in date order; the status on a day is
	// the last status event on or before it.
	Events      []TaskEvent  `json:"events,omitempty"`
	Extensions  []Extension  `json:"extensions,omitempty"`
	Inspections []Inspection `json:"inspections,omitempty"`
	// Flags are the recorded warning flags of past rounds (RecordFlags),
	// with any correction a clerk made.
	Flags []RoundFlag `json:"flags,omitempty"`
	// Escalated is 提级督办 (from a dispatch): shown on the lists.
	Escalated bool   `json:"escalated,omitempty"`
	Note      string `json:"note,omitempty"`
	Stamp
}

// SourceKind is where a task came from (persisted code).
type SourceKind string

const (
	SourceMeeting     SourceKind = "meeting"     // 会议议定事项
	SourceDocument    SourceKind = "document"    // 文件
	SourceInstruction SourceKind = "instruction" // 领导批示
	SourcePlan        SourceKind = "plan"        // 计划清单
	SourceOther       SourceKind = "other"       // 其他
)

// SourceKinds are the sources in the order the form offers them.
var SourceKinds = []SourceKind{SourceMeeting, SourceDocument, SourceInstruction, SourcePlan, SourceOther}

// TaskSource is a task's 来源: its kind, date and text (the document's
// name, the meeting's title), and for a meeting the item it came from.
type TaskSource struct {
	Kind      SourceKind `json:"kind"`
	Date      Date       `json:"date"`
	Text      string     `json:"text,omitempty"`
	MeetingID uuid.UUID  `json:"meeting_id"`
	ItemID    uuid.UUID  `json:"item_id"`
}

// Frequency is how often a task reports (反馈频次): every Months months
// (1 monthly, the default when zero; 3 quarterly; 6 half-yearly) or every
// Weeks weeks.
type Frequency struct {
	Months int `json:"months,omitempty"`
	Weeks  int `json:"weeks,omitempty"`
}

// Milestone (节点) is a date with the result expected by then.
type Milestone struct {
	Date     Date   `json:"date"`
	Expected string `json:"expected"`
	// Reached is the day it was reported reached; zero while not.
	Reached Date `json:"reached"`
}

// TaskStatus is a task's state (persisted code).
type TaskStatus string

const (
	TaskNotStarted TaskStatus = "not_started" // 未开始
	TaskActive     TaskStatus = "active"      // 推进中
	TaskDone       TaskStatus = "done"        // 已完成 (办结)
	TaskClosed     TaskStatus = "closed"      // 已销号
	TaskStopped    TaskStatus = "stopped"     // 已中止
)

// TaskStatuses are the states in their order.
var TaskStatuses = []TaskStatus{TaskNotStarted, TaskActive, TaskDone, TaskClosed, TaskStopped}

// Open reports whether a task in status s is still to be supervised.
func (s TaskStatus) Open() bool { return s == TaskNotStarted || s == TaskActive }

// TaskStep is a step of the process (persisted code).
type TaskStep string

const (
	StepCreate   TaskStep = "create"   // 立项
	StepAssign   TaskStep = "assign"   // 交办 → 推进中
	StepUrge     TaskStep = "urge"     // 催办
	StepReport   TaskStep = "report"   // 反馈
	StepDone     TaskStep = "done"     // 办结 → 已完成 (Text: the evidence)
	StepClose    TaskStep = "close"    // 销号 → 已销号 (By: who)
	StepStop     TaskStep = "stop"     // 中止 → 已中止
	StepReopen   TaskStep = "reopen"   // 重新推进 → 推进中
	StepEscalate TaskStep = "escalate" // 提级督办
)

// TaskSteps are the steps a clerk records by hand, in process order.
var TaskSteps = []TaskStep{StepAssign, StepUrge, StepReport, StepDone, StepClose, StepStop, StepReopen, StepEscalate}

// TaskEvent is one step of a task's process on a day.
type TaskEvent struct {
	ID   uuid.UUID `json:"id"`
	Step TaskStep  `json:"step"`
	Date Date      `json:"date"`
	Text string    `json:"text,omitempty"`
	By   string    `json:"by,omitempty"`
	// Recorded is when the clerk entered it (display only).
	Recorded time.Time `json:"recorded"`
}

// statusAfter is the status a step leaves, or "" for a step that does not
// change it.
func (s TaskStep) statusAfter() TaskStatus {
	switch s {
	case StepCreate:
		return TaskNotStarted
	case StepAssign, StepReopen:
		return TaskActive
	case StepDone:
		return TaskDone
	case StepClose:
		return TaskClosed
	case StepStop:
		return TaskStopped
	}
	return ""
}

// Extension (延期) is a request for a new deadline, made before the
// deadline, then approved or refused. The original deadline stays.
type Extension struct {
	ID          uuid.UUID   `json:"id"`
	Requested   Date        `json:"requested"`
	Reason      string      `json:"reason"`
	NewDeadline Date        `json:"new_deadline"`
	Decision    ExtDecision `json:"decision,omitempty"`
	Decided     Date        `json:"decided"`
}

// ExtDecision is the answer to an extension (persisted code); "" is
// pending.
type ExtDecision string

const (
	ExtPending  ExtDecision = ""
	ExtApproved ExtDecision = "approved"
	ExtRefused  ExtDecision = "refused"
)

// Inspection (督查记录) is the report of one round (Round "2026-11").
type Inspection struct {
	Round     string `json:"round"`
	Date      Date   `json:"date"`
	Inspector string `json:"inspector,omitempty"`
	Progress  string `json:"progress"`
	// Percent is the progress in percent, or -1 when not given.
	Percent   int    `json:"percent"`
	Problems  string `json:"problems,omitempty"`  // 存在问题
	Measures  string `json:"measures,omitempty"`  // 整改措施
	FixBy     Date   `json:"fix_by"`              // 整改时限
	Milestone string `json:"milestone,omitempty"` // the milestone reached, if any
}

// Flag is a warning colour (persisted code); "" is none (a task not yet
// started in the round, or stopped).
type Flag string

const (
	FlagNone   Flag = ""
	FlagGreen  Flag = "green"
	FlagYellow Flag = "yellow"
	FlagOrange Flag = "orange"
	FlagRed    Flag = "red"
)

// Flags are the colours from least to most urgent.
var Flags = []Flag{FlagGreen, FlagYellow, FlagOrange, FlagRed}

// RoundFlag is the flag recorded for a past round: the one the rules gave
// (Auto) and, when a clerk corrected it, the corrected one with the reason.
type RoundFlag struct {
	Round  string `json:"round"`
	Auto   Flag   `json:"auto"`
	Flag   Flag   `json:"flag"`
	Reason string `json:"reason,omitempty"`
}

// Task fields as the clerk sees them.
const (
	FieldTaskNumber   Field = "事项编号"
	FieldTaskTitle    Field = "任务事项"
	FieldTaskLead     Field = "牵头单位"
	FieldTaskUnits    Field = "责任单位"
	FieldTaskPerson   Field = "责任人"
	FieldTaskDeadline Field = "完成时限"
	FieldTaskStart    Field = "立项日期"
	FieldTaskSource   Field = "来源"
	FieldTaskStep     Field = "办理环节"
	FieldExtension    Field = "延期"
	FieldInspection   Field = "督查记录"
	FieldRound        Field = "督查月份"
	FieldPercent      Field = "完成进度"
	FieldFlag         Field = "预警"
	FieldFrequency    Field = "反馈频次"
)

// Task problems.
const (
	ProblemTaskNumberTaken  Problem = "已有相同编号的任务"
	ProblemDeadlineBefore   Problem = "早于立项日期"
	ProblemTaskNotOpen      Problem = "该任务已办结、销号或中止"
	ProblemStepOrder        Problem = "不符合办理顺序"
	ProblemExtAfterDeadline Problem = "须在完成时限之前申请"
	ProblemExtNotLater      Problem = "新时限应晚于当前时限"
	ProblemExtPending       Problem = "已有待审批的延期申请"
	ProblemBadRound         Problem = "应为“年-月”，如 2026-11"
	ProblemBadPercent       Problem = "应为0到100之间的整数"
	ProblemNeedReason       Problem = "须写明理由"
	ProblemRoundOpen        Problem = "该月尚未结束，预警还不能记录"
	ProblemFlagNotRecorded  Problem = "该月的预警尚未记录，不能更正"
	ProblemItemHasTask      Problem = "已转为督办任务"
)

// Round is the round (month) of day d: "2026-11".
func Round(d Date) string { return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month())) }

// ParseRound reads "2026-11" (or "2026年11月").
func ParseRound(s string) (string, error) {
	s = strings.TrimSpace(CleanCode(s))
	s = strings.NewReplacer("年", "-", "月", "", "/", "-", ".", "-").Replace(s)
	parts := strings.Split(s, "-")
	if len(parts) == 2 {
		y, err1 := strconv.Atoi(parts[0])
		m, err2 := strconv.Atoi(parts[1])
		if err1 == nil && err2 == nil && y >= 2000 && y <= 2100 && m >= 1 && m <= 12 {
			return fmt.Sprintf("%04d-%02d", y, m), nil
		}
	}
	return "", fieldErr(FieldRound, ProblemBadRound, s)
}

// RoundStart and RoundEnd are the first and last day of a round.
func RoundStart(round string) Date {
	t, _ := time.Parse("2006-01", round)
	return DateOf(t)
}

// RoundEnd is the last day of the round.
func RoundEnd(round string) Date { return RoundStart(round).AddMonths(1).AddDays(-1) }

// NextRound is the round after round.
func NextRound(round string) string { return Round(RoundStart(round).AddMonths(1)) }

// Clean normalises the task's text in place.
func (t *Task) Clean() {
	t.Number, t.Title, t.Category = CleanText(t.Number), CleanText(t.Title), CleanText(t.Category)
	t.Requirement, t.Person, t.Note = strings.TrimSpace(t.Requirement), CleanText(t.Person), strings.TrimSpace(t.Note)
	t.Lead.Name, t.Source.Text = CleanText(t.Lead.Name), CleanText(t.Source.Text)
	if t.Source.Kind == "" {
		t.Source.Kind = SourceOther
	}
	for _, list := range [][]UnitRef{t.Units, t.Helpers} {
		for i := range list {
			list[i].Name = CleanText(list[i].Name)
		}
	}
	t.Units = slices.DeleteFunc(t.Units, func(u UnitRef) bool { return u.Name == "" })
	t.Helpers = slices.DeleteFunc(t.Helpers, func(u UnitRef) bool { return u.Name == "" })
	for i := range t.Events {
		if t.Events[i].ID == uuid.Nil {
			t.Events[i].ID = NewID()
		}
	}
	for i := range t.Extensions {
		if t.Extensions[i].ID == uuid.Nil {
			t.Extensions[i].ID = NewID()
		}
	}
}

// Validate checks a cleaned task's own fields (not its history, which
// the typed operations check as they add to it).
func (t *Task) Validate() error {
	switch {
	case t.Title == "":
		return fieldErr(FieldTaskTitle, ProblemRequired, "")
	case len([]rune(t.Title)) > 200:
		return fieldErr(FieldTaskTitle, ProblemTooLong, "")
	case t.Lead.Name == "":
		return fieldErr(FieldTaskLead, ProblemRequired, "")
	case t.Start.IsZero():
		return fieldErr(FieldTaskStart, ProblemRequired, "")
	case t.Deadline.IsZero():
		return fieldErr(FieldTaskDeadline, ProblemRequired, "")
	case t.Deadline.Before(t.Start):
		return fieldErr(FieldTaskDeadline, ProblemDeadlineBefore, t.Start.Chinese())
	case !slices.Contains(SourceKinds, t.Source.Kind):
		return fieldErr(FieldTaskSource, ProblemBadChoice, string(t.Source.Kind))
	case t.Frequency.Months < 0 || t.Frequency.Months > 12 || t.Frequency.Weeks < 0 || t.Frequency.Weeks > 26:
		return fieldErr(FieldFrequency, ProblemOutOfRange, "")
	}
	return nil
}

// Clone copies t deeply.
func (t Task) Clone() Task {
	t.Units, t.Helpers = slices.Clone(t.Units), slices.Clone(t.Helpers)
	t.Milestones, t.Events = slices.Clone(t.Milestones), slices.Clone(t.Events)
	t.Extensions, t.Inspections, t.Flags = slices.Clone(t.Extensions), slices.Clone(t.Inspections), slices.Clone(t.Flags)
	return t
}
