package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// MustTask creates t through s or fails the test.
func MustTask(t testing.TB, s store.Store, task store.Task) store.Task {
	t.Helper()
	got, err := s.CreateTask(t.Context(), task)
	if err != nil {
		t.Fatalf("CreateTask %s: %v", task.Title, err)
	}
	return got
}

func (h *harness) task(id uuid.UUID) store.Task {
	h.t.Helper()
	t, err := h.s.Task(h.ctx, id)
	h.must(err)
	return t
}

// planTask is a task of 2026 due at the end of June.
func planTask(title string) store.Task {
	return store.Task{Title: title, Lead: store.UnitRef{Name: "潍坊职业学院"}, Person: "张成刚",
		Start: Date(2026, 1, 5), Deadline: Date(2026, 6, 30), Source: store.TaskSource{Kind: store.SourcePlan, Text: "2026年工作要点"}}
}

// testTasksCreate numbers tasks per year, refuses a number in use and
// bad fields, and keeps everything across a reopen.
func testTasksCreate(t *testing.T, h *harness) {
	a := MustTask(t, h.s, planTask(" 修订人才培养方案 "))
	b := MustTask(t, h.s, planTask("建设实训基地"))
	if a.Number != "2026-001" || b.Number != "2026-002" || a.Title != "修订人才培养方案" || a.Rev != 1 ||
		len(a.Events) != 1 || a.Events[0].Step != store.StepCreate || !a.Events[0].Date.Equal(Date(2026, 1, 5)) {
		t.Fatalf("created %+v / %s", a, b.Number)
	}
	state := h.state()
	dup := planTask("另一项")
	dup.Number = "2026-001"
	_, err := h.s.CreateTask(h.ctx, dup)
	WantFieldError(t, err, store.FieldTaskNumber, store.ProblemTaskNumberTaken)
	bad := planTask("倒挂")
	bad.Deadline = Date(2025, 12, 31)
	_, err = h.s.CreateTask(h.ctx, bad)
	WantFieldError(t, err, store.FieldTaskDeadline, store.ProblemDeadlineBefore)
	_, err = h.s.CreateTask(h.ctx, store.Task{Title: "无牵头", Start: Date(2026, 1, 1), Deadline: Date(2026, 2, 1)})
	WantFieldError(t, err, store.FieldTaskLead, store.ProblemRequired)
	h.unchanged(state, "a refused task")

	// A form save keeps the history and checks the revision.
	stale := a
	a.Title, a.Events = "修订化工专业群人才培养方案", nil
	a, err = h.s.UpdateTask(h.ctx, a)
	h.must(err)
	if len(a.Events) != 1 || a.Title != "修订化工专业群人才培养方案" {
		t.Fatalf("updated %+v", a)
	}
	_, err = h.s.UpdateTask(h.ctx, stale)
	WantConflict(t, err, store.KindTask, "2026-001 修订化工专业群人才培养方案", clerk+"@"+pc, a.Updated)
	h.reopen()
	tasks, err := h.s.Tasks(h.ctx)
	h.must(err)
	if len(tasks) != 2 || tasks[0].Title != a.Title || tasks[1].Number != "2026-002" {
		t.Fatalf("reopened %+v", tasks)
	}
	h.must(h.s.DeleteTask(h.ctx, b.ID))
	// A deleted task's number is not given again, so it can come back.
	again := MustTask(t, h.s, planTask("第三项"))
	if again.Number != "2026-003" {
		t.Fatalf("after a delete the next number is %s, want 2026-003", again.Number)
	}
	h.must(h.s.Restore(h.ctx, b.ID))
	// A number typed by hand is stepped over; one in use is refused on
	// restore as on create.
	typed := planTask("手工编号")
	typed.Number = "2026-004"
	MustTask(t, h.s, typed)
	if next := MustTask(t, h.s, planTask("第五项")); next.Number != "2026-005" {
		t.Fatalf("next after a typed number: %s", next.Number)
	}
	h.must(h.s.DeleteTask(h.ctx, again.ID))
	taken := planTask("占用编号")
	taken.Number = "2026-003"
	MustTask(t, h.s, taken)
	err = h.s.Restore(h.ctx, again.ID)
	WantFieldError(t, err, store.FieldTaskNumber, store.ProblemTaskNumberTaken)
}

// testTasksProcess walks the process with its order rules, an extension
// and the state on past days.
func testTasksProcess(t *testing.T, h *harness) {
	task := MustTask(t, h.s, planTask("建设实训基地"))
	step := func(s store.TaskStep, d store.Date, text string) error {
		var err error
		task2, err := h.s.AddTaskStep(h.ctx, task.ID, store.TaskEvent{Step: s, Date: d, Text: text})
		if err == nil {
			task = task2
		}
		return err
	}
	h.must(step(store.StepAssign, Date(2026, 1, 10), "交秘书处"))
	WantFieldError(t, step(store.StepClose, Date(2026, 2, 1), ""), store.FieldTaskStep, store.ProblemStepOrder)
	WantFieldError(t, step(store.StepUrge, Date(2026, 1, 8), ""), store.FieldDate, store.ProblemBeforeLast)
	// 延期: asked before the deadline, for a later one, then approved.
	_, err := h.s.RequestExtension(h.ctx, task.ID, store.Extension{Requested: Date(2026, 7, 2), Reason: "设备未到", NewDeadline: Date(2026, 9, 30)})
	WantFieldError(t, err, store.FieldExtension, store.ProblemExtAfterDeadline)
	_, err = h.s.RequestExtension(h.ctx, task.ID, store.Extension{Requested: Date(2026, 6, 1), Reason: "设备未到", NewDeadline: Date(2026, 6, 30)})
	WantFieldError(t, err, store.FieldExtension, store.ProblemExtNotLater)
	task, err = h.s.RequestExtension(h.ctx, task.ID, store.Extension{Requested: Date(2026, 6, 1), Reason: "设备未到", NewDeadline: Date(2026, 9, 30)})
	h.must(err)
	task, err = h.s.DecideExtension(h.ctx, task.ID, task.Extensions[0].ID, store.ExtApproved, Date(2026, 6, 5))
	h.must(err)
	_, err = h.s.DecideExtension(h.ctx, task.ID, task.Extensions[0].ID, store.ExtRefused, Date(2026, 6, 6))
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("deciding twice: %v", err)
	}
	h.must(step(store.StepDone, Date(2026, 9, 20), "基地已验收"))
	h.must(step(store.StepClose, Date(2026, 9, 25), ""))
	WantFieldError(t, step(store.StepUrge, Date(2026, 9, 26), ""), store.FieldTaskStep, store.ProblemTaskNotOpen)
	h.reopen()
	task = h.task(task.ID)
	for _, c := range []struct {
		day      store.Date
		status   store.TaskStatus
		deadline store.Date
	}{
		{Date(2026, 1, 6), store.TaskNotStarted, Date(2026, 6, 30)},
		{Date(2026, 3, 1), store.TaskActive, Date(2026, 6, 30)},
		{Date(2026, 6, 4), store.TaskActive, Date(2026, 6, 30)},
		{Date(2026, 6, 5), store.TaskActive, Date(2026, 9, 30)},
		{Date(2026, 9, 21), store.TaskDone, Date(2026, 9, 30)},
		{Date(2026, 10, 1), store.TaskClosed, Date(2026, 9, 30)},
	} {
		s := task.StateOn(c.day)
		if s.Status != c.status || !s.Deadline.Equal(c.deadline) || !s.Original.Equal(Date(2026, 6, 30)) {
			t.Errorf("%s: %s due %s (original %s), want %s due %s", c.day, s.Status, s.Deadline, s.Original, c.status, c.deadline)
		}
	}
	if task.Extensions[0].Decision != store.ExtApproved || len(task.Events) != 4 {
		t.Fatalf("history %+v", task)
	}
}

// testTasksRounds: one inspection a round, checked against what the clerk
// saw; flags recorded for ended rounds and corrected with a reason.
func testTasksRounds(t *testing.T, h *harness) {
	task := MustTask(t, h.s, planTask("建设实训基地"))
	jan := store.Inspection{Round: "2026-01", Date: Date(2026, 1, 20), Progress: "完成选址", Percent: 10, Inspector: "李华"}
	task, err := h.s.SaveInspection(h.ctx, task.ID, nil, jan)
	h.must(err)
	state := h.state()
	_, err = h.s.SaveInspection(h.ctx, task.ID, nil, store.Inspection{Round: "2026-01", Date: Date(2026, 1, 21), Progress: "另一份", Percent: -1})
	WantConflict(t, err, store.KindTask, "2026-001 建设实训基地", clerk+"@"+pc, task.Updated)
	_, err = h.s.SaveInspection(h.ctx, task.ID, nil, store.Inspection{Round: "2026-13", Date: Date(2026, 1, 21), Progress: "x", Percent: -1})
	WantFieldError(t, err, store.FieldRound, store.ProblemBadRound)
	_, err = h.s.SaveInspection(h.ctx, task.ID, nil, store.Inspection{Round: "2026-02", Date: Date(2026, 2, 21), Progress: "x", Percent: 120})
	WantFieldError(t, err, store.FieldPercent, store.ProblemBadPercent)
	h.unchanged(state, "a refused inspection")
	// Correcting January's own inspection, from what was seen.
	jan2 := jan
	jan2.Progress = "完成选址和设计"
	task, err = h.s.SaveInspection(h.ctx, task.ID, &jan, jan2)
	h.must(err)
	if len(task.Inspections) != 1 || task.Inspection("2026-01").Progress != "完成选址和设计" {
		t.Fatalf("inspections %+v", task.Inspections)
	}
	// The store's clock is in November 2026: January to October can be
	// recorded; the task, due in June, was red from July.
	n, err := h.s.RecordFlags(h.ctx, "2026-07")
	if err != nil || n != 1 {
		t.Fatalf("RecordFlags: %d, %v", n, err)
	}
	if n, _ := h.s.RecordFlags(h.ctx, "2026-07"); n != 0 {
		t.Fatalf("recording a round twice recorded %d", n)
	}
	_, err = h.s.RecordFlags(h.ctx, store.Round(store.DateOf(Start)))
	WantFieldError(t, err, store.FieldRound, store.ProblemRoundOpen)
	task = h.task(task.ID)
	if f, rec := task.RoundFlagOf("2026-07", store.DateOf(Start), store.FlagRules{}); f != store.FlagRed || !rec {
		t.Fatalf("July: %s recorded %v", f, rec)
	}
	_, err = h.s.CorrectFlag(h.ctx, task.ID, "2026-07", store.FlagYellow, " ")
	WantFieldError(t, err, store.FieldFlag, store.ProblemNeedReason)
	task, err = h.s.CorrectFlag(h.ctx, task.ID, "2026-07", store.FlagYellow, "已补报整改材料")
	h.must(err)
	h.reopen()
	task = h.task(task.ID)
	if f := task.Flags[0]; f.Auto != store.FlagRed || f.Flag != store.FlagYellow || f.Reason != "已补报整改材料" {
		t.Fatalf("corrected flag %+v", f)
	}
	compareAudit(t, h.audit(store.AuditQuery{RecordID: task.ID, Limit: 1}), []auditWant{
		{store.ActionFlags, store.KindTask, "2026-001 2026-07 预警更正 红→黄：已补报整改材料"}})
}

// testTasksFromMeeting: an agreed item becomes a task once; the item then
// names it and shows it done when the task is done.
func testTasksFromMeeting(t *testing.T, h *harness) {
	f := NewRosterFixture(t, h.s)
	m := MustMeeting(t, h.s, store.Meeting{Title: "理事会会议", Kind: "理事会", BodyID: f.Council.ID, Date: Date(2026, 3, 20),
		Items: []store.AgreedItem{{Text: "修订章程\n由秘书处起草", Lead: store.UnitRef{Name: "秘书处"}, Owner: "张成刚", Due: Date(2026, 6, 30)}}})
	task, err := h.s.TaskFromItem(h.ctx, m.ID, m.Items[0].ID)
	h.must(err)
	if task.Title != "修订章程" || task.Requirement != "由秘书处起草" || task.Source.Kind != store.SourceMeeting ||
		task.Source.MeetingID != m.ID || task.Person != "张成刚" || !task.Deadline.Equal(Date(2026, 6, 30)) || !task.Start.Equal(m.Date) {
		t.Fatalf("task %+v", task)
	}
	state := h.state()
	_, err = h.s.TaskFromItem(h.ctx, m.ID, m.Items[0].ID)
	WantFieldError(t, err, store.FieldItemText, store.ProblemItemHasTask)
	h.unchanged(state, "an item made a task twice")
	for _, s := range []store.TaskStep{store.StepAssign, store.StepDone} {
		_, err = h.s.AddTaskStep(h.ctx, task.ID, store.TaskEvent{Step: s, Date: Date(2026, 5, 10)})
		h.must(err)
	}
	got := h.meeting(m.ID)
	if it := got.Items[0]; it.TaskID != task.ID || !it.Done.Equal(Date(2026, 5, 10)) || got.ItemsDone() != 1 {
		t.Fatalf("item %+v", it)
	}
	_, err = h.s.AddTaskStep(h.ctx, task.ID, store.TaskEvent{Step: store.StepReopen, Date: Date(2026, 5, 20)})
	h.must(err)
	if it := h.meeting(m.ID).Items[0]; !it.Done.IsZero() {
		t.Fatalf("reopened task, item still done %s", it.Done)
	}
	h.must(h.s.DeleteTask(h.ctx, task.ID))
	if it := h.meeting(m.ID).Items[0]; it.TaskID != uuid.Nil {
		t.Fatalf("deleted task still on the item")
	}
}

// testTasksDispatch applies a quarter's decisions in one transaction; a
// bad decision writes nothing.
func testTasksDispatch(t *testing.T, h *harness) {
	a := MustTask(t, h.s, planTask("甲"))
	b := MustTask(t, h.s, planTask("乙"))
	c := MustTask(t, h.s, planTask("丙"))
	d := store.Dispatch{Quarter: "2026-Q2", Date: Date(2026, 6, 26), Decisions: []store.DispatchDecision{
		{TaskID: a.ID, Decision: store.DispatchDeadline, NewDeadline: Date(2026, 12, 31), Requirement: "年底前完成"},
		{TaskID: b.ID, Decision: store.DispatchEscalate},
		{TaskID: c.ID, Decision: store.DispatchDeadline, NewDeadline: Date(2026, 5, 1)}, // not later: refused
	}}
	state := h.state()
	_, err := h.s.ApplyDispatch(h.ctx, d)
	WantFieldError(t, err, store.FieldExtension, store.ProblemExtNotLater)
	h.unchanged(state, "a dispatch with a bad decision")
	d.Decisions[2] = store.DispatchDecision{TaskID: c.ID, Decision: store.DispatchClose, Requirement: "已完成"}
	_, err = h.s.AddTaskStep(h.ctx, c.ID, store.TaskEvent{Step: store.StepAssign, Date: Date(2026, 2, 1)})
	h.must(err)
	saved, err := h.s.ApplyDispatch(h.ctx, d)
	h.must(err)
	h.reopen()
	ds, err := h.s.Dispatches(h.ctx)
	h.must(err)
	if len(ds) != 1 || ds[0].ID != saved.ID || len(ds[0].Decisions) != 3 {
		t.Fatalf("dispatches %+v", ds)
	}
	day := Date(2026, 7, 1)
	ta, tc := h.task(a.ID), h.task(c.ID)
	if s := ta.StateOn(day); !s.Deadline.Equal(Date(2026, 12, 31)) || !s.Extended() {
		t.Errorf("甲 due %s", s.Deadline)
	}
	if tb := h.task(b.ID); !tb.Escalated {
		t.Errorf("乙 not escalated")
	}
	if s := tc.StateOn(day); s.Status != store.TaskClosed {
		t.Errorf("丙 %s", s.Status)
	}
}

// testTasksImport: a plan list with an unknown unit writes nothing; a
// good one creates and then updates by number.
func testTasksImport(t *testing.T, h *harness) {
	wf := h.create(Weifang())
	rows := []store.TaskRow{
		{Row: 3, Title: "修订人才培养方案", Lead: "潍坊职业学院", Deadline: Date(2026, 6, 30)},
		{Row: 4, Title: "建设实训基地", Lead: "不存在的学院", Deadline: Date(2026, 9, 30)},
	}
	today := Date(2026, 1, 5)
	tasks, err := h.s.Tasks(h.ctx)
	h.must(err)
	plan := store.PlanTaskImport(tasks, []store.Member{wf}, nil, rows, today)
	if fe := plan.FirstError(); fe == nil || fe.Row != 4 || fe.Problem != store.ProblemUnknownUnit {
		t.Fatalf("plan error %v", fe)
	}
	state := h.state()
	if _, err := h.s.ApplyTaskImport(h.ctx, plan); err == nil {
		t.Fatal("a plan with errors was applied")
	}
	h.unchanged(state, "a task plan with errors")
	rows[1].Lead = "潍坊 职业学院"
	plan = store.PlanTaskImport(tasks, []store.Member{wf}, nil, rows, today)
	n, err := h.s.ApplyTaskImport(h.ctx, plan)
	if err != nil || n != 2 {
		t.Fatalf("applied %d, %v", n, err)
	}
	tasks, err = h.s.Tasks(h.ctx)
	h.must(err)
	if len(tasks) != 2 || tasks[1].Lead.MemberID != wf.ID || tasks[1].Number != "2026-002" {
		t.Fatalf("imported %+v", tasks)
	}
	rows = []store.TaskRow{{Row: 3, Number: "2026-001", Title: "修订人才培养方案", Lead: "潍坊职业学院", Deadline: Date(2026, 7, 31)}}
	plan = store.PlanTaskImport(tasks, []store.Member{wf}, nil, rows, today)
	if plan.Rows[0].Action != store.RowUpdate {
		t.Fatalf("second import %s", plan.Rows[0].Action)
	}
	_, err = h.s.ApplyTaskImport(h.ctx, plan)
	h.must(err)
	if got := h.task(tasks[0].ID); !got.Deadline.Equal(Date(2026, 7, 31)) || len(got.Events) != 1 {
		t.Fatalf("updated %+v", got)
	}
}
