package tasks

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// dispatchTab is 季度调度: every open task with its last three
// inspections and the decision on it, saved as one dispatch that the
// store applies to every task at once. The rows are a virtualised list
// over the decisions kept here, so a long list stays quick.
type dispatchTab struct {
	v          *Section
	quarters   *widget.Select
	quarterIDs []string
	date       *kit.DateEntry
	meeting    *widget.Select
	meetings   []*store.Meeting // the 季度调度会 offered after （不关联）
	note       *widget.Entry
	rows       []*decisionRow
	loader     *kit.Loader[[]*decisionRow]
	list       *widget.List
	past       *widget.Table
	dispatches []store.Dispatch
	problem    *widget.Label
	save       *widget.Button
	view       fyne.CanvasObject
}

// decisionRow is one open task and what the clerk decided on it.
type decisionRow struct {
	t           *store.Task
	head        string // number, title, lead and deadline
	last        string // the last three inspections, one a line
	decision    store.DispatchCode
	deadline    string // 新时限 as typed
	requirement string
}

func newDispatchTab(v *Section) *dispatchTab {
	t := &dispatchTab{v: v}
	t.loader = kit.NewLoader(v.sh, t.applyRows)
	today := kit.Today()
	t.quarters = widget.NewSelect(nil, nil)
	q := store.QuarterOf(today.AddMonths(-12))
	for range 6 {
		t.quarterIDs = append(t.quarterIDs, q)
		q = store.QuarterOf(store.RoundStart(mustRounds(q)[2]).AddMonths(1))
	}
	t.quarters.Options = t.quarterIDs
	t.quarters.SetSelected(store.QuarterOf(today))
	t.date = kit.NewDateEntry(today, true)
	t.meeting = widget.NewSelect(nil, nil)
	t.note = widget.NewEntry()
	t.note.SetPlaceHolder(msg.T("备注（可不填）"))
	t.list = widget.NewList(func() int { return len(t.rows) }, newDecisionItem, t.updateItem)
	t.past = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("季度"), 80), kit.Col(msg.T("调度日期"), 100),
		kit.Col(msg.T("会议"), 260), kit.Col(msg.T("决定"), 500)}, func() int { return len(t.dispatches) }, t.pastCell)
	t.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	t.problem.Hide()
	t.save = kit.IconButton("保存调度", theme.DocumentSaveIcon(), t.submit)
	t.save.Importance = widget.HighImportance
	form := container.NewHBox(widget.NewLabel(msg.T("季度")), t.quarters, widget.NewLabel(msg.T("调度日期")), sized(t.date, 150),
		widget.NewLabel(msg.T("关联会议")), sized(t.meeting, 260))
	top := container.NewVBox(form, container.NewBorder(nil, nil, nil, t.save, t.note), t.problem)
	split := container.NewVSplit(t.list, container.NewBorder(heading(msg.T("历次调度")), nil, nil, nil, t.past))
	split.Offset = 0.75
	t.view = container.NewBorder(top, nil, nil, nil, split)
	return t
}

func mustRounds(q string) []string {
	r, _ := store.QuarterRounds(q)
	return r
}

// apply prepares the rows of the tasks open today off the UI thread.
func (t *dispatchTab) apply(d *taskData) {
	t.dispatches = d.dispatches
	t.setMeetings(d)
	t.past.Refresh()
	t.loader.Load(func() ([]*decisionRow, error) { return decisionRows(d.tasks, d.today), nil })
}

// decisionRows are the tasks open today in number order, each with its
// last three inspections and 继续推进 chosen.
func decisionRows(tasks []store.Task, today store.Date) []*decisionRow {
	var out []*decisionRow
	for i := range tasks {
		if s := tasks[i].StateOn(today); s.Exists && s.Status.Open() {
			out = append(out, newDecisionRow(&tasks[i], today))
		}
	}
	slices.SortFunc(out, func(a, b *decisionRow) int { return strings.Compare(a.t.Number, b.t.Number) })
	return out
}

// applyRows shows the rows, keeping the decisions already made on the
// tasks still listed.
func (t *dispatchTab) applyRows(rows []*decisionRow) {
	old := map[uuid.UUID]*decisionRow{}
	for _, r := range t.rows {
		old[r.t.ID] = r
	}
	for _, r := range rows {
		if o := old[r.t.ID]; o != nil {
			r.decision, r.deadline, r.requirement = o.decision, o.deadline, o.requirement
		}
	}
	t.rows = rows
	t.list.Refresh()
}

func newDecisionRow(task *store.Task, today store.Date) *decisionRow {
	r := &decisionRow{t: task, decision: store.DispatchContinue, deadline: task.DeadlineOn(today).String()}
	r.head = fmt.Sprintf("%s %s（%s）", task.Number, task.Title, task.Lead.Name) + " " + deadlineText(task.StateOn(today))
	var lines []string
	for _, in := range task.LastInspections(today, 3) {
		line := in.Round + " " + percentText(in.Percent) + " " + oneLine(in.Progress)
		if in.Problems != "" {
			line += msg.T("；存在问题：") + oneLine(in.Problems)
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = []string{msg.T("（尚无督查记录）")}
	}
	r.last = strings.Join(lines, "\n")
	return r
}

// setMeetings offers the meetings of type 季度调度会, newest first.
func (t *dispatchTab) setMeetings(d *taskData) {
	t.meetings = nil
	names := []string{msg.T("（不关联）")}
	for i := len(d.meetings) - 1; i >= 0; i-- {
		if m := &d.meetings[i]; m.Kind == "季度调度会" {
			t.meetings = append(t.meetings, m)
			names = append(names, m.Title+" "+m.Date.String())
		}
	}
	kit.SetOptions(t.meeting, names, max(t.meeting.SelectedIndex(), 0))
	if t.meeting.SelectedIndex() >= len(names) {
		kit.SetOptions(t.meeting, names, 0)
	}
}

// newDecisionItem is a row of the list: the task and its inspections on
// the left, the decision, 新时限 and 新要求 on the right.
func newDecisionItem() fyne.CanvasObject {
	head := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	// Three lines in the template give every row the height of the last
	// three inspections.
	last := &widget.Label{Text: "-\n-\n-", Truncation: fyne.TextTruncateEllipsis}
	decision := widget.NewSelect(translatedWords(store.DispatchCodes), nil)
	deadline := kit.NewDateEntry(store.Date{}, false)
	deadline.SetPlaceHolder(msg.T("新时限"))
	req := widget.NewEntry()
	req.SetPlaceHolder(msg.T("新要求"))
	controls := container.NewGridWithColumns(3, decision, deadline, req)
	return container.NewBorder(nil, widget.NewSeparator(), nil, sized(controls, 560), container.NewVBox(head, last))
}

// updateItem shows row i in a recycled item, wiring its fields to the
// row's decision.
func (t *dispatchTab) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.rows) {
		return
	}
	r := t.rows[i]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container).Objects
	controls := c.Objects[2].(*fyne.Container).Objects[0].(*fyne.Container).Objects
	decision, deadline, req := controls[0].(*widget.Select), controls[1].(*kit.DateEntry), controls[2].(*widget.Entry)
	kit.SetCellText(texts[0].(*widget.Label), r.head)
	kit.SetCellText(texts[1].(*widget.Label), r.last)
	decision.OnChanged, deadline.OnDate, req.OnChanged = nil, nil, nil
	decision.SetSelected(msg.T(r.decision.Word()))
	deadline.SetText(r.deadline)
	req.SetText(r.requirement)
	if r.decision == store.DispatchDeadline {
		deadline.Enable()
	} else {
		deadline.Disable()
	}
	decision.OnChanged = func(string) {
		r.decision = codeOf(store.DispatchCodes, wordOf(decision, store.DispatchCodes))
		t.list.RefreshItem(i)
	}
	deadline.OnDate = func(store.Date) { r.deadline = deadline.Text }
	req.OnChanged = func(s string) { r.requirement = s }
}

// decisions are the decisions as they would be saved.
func (t *dispatchTab) decisions() ([]store.DispatchDecision, error) {
	out := make([]store.DispatchDecision, 0, len(t.rows))
	for _, r := range t.rows {
		dec := store.DispatchDecision{TaskID: r.t.ID, Decision: r.decision, Requirement: r.requirement}
		if r.decision == store.DispatchDeadline {
			d, err := store.ParseDate(r.deadline)
			if err != nil {
				return nil, fmt.Errorf("%s %s：%s", r.t.Number, r.t.Title,
					msg.FieldError(&store.FieldError{Field: store.FieldExtension, Problem: store.ProblemRequired}))
			}
			dec.NewDeadline = d
		}
		out = append(out, dec)
	}
	return out, nil
}

// submit saves the dispatch off the UI thread; the store applies every
// decision in one transaction, or none.
func (t *dispatchTab) submit() {
	decisions, err := t.decisions()
	if err != nil {
		t.setProblem(err.Error())
		return
	}
	d := store.Dispatch{Quarter: t.quarters.Selected, Date: t.date.Date(), Note: t.note.Text, Decisions: decisions}
	if i := t.meeting.SelectedIndex(); i > 0 && i <= len(t.meetings) {
		d.MeetingID = t.meetings[i-1].ID
	}
	s, ctx, sh := t.v.sh.Store(), t.v.sh.Context(), t.v.sh
	var saved store.Dispatch
	t.save.Disable()
	sh.Background(func() { saved, err = s.ApplyDispatch(ctx, d) }, func() {
		t.save.Enable()
		if err != nil {
			t.setProblem(msg.Error(err))
			return
		}
		t.setProblem("")
		t.rows = nil // the decisions are made: the next load starts afresh
		t.note.SetText("")
		sh.Changed(store.KindDispatch, saved.ID)
		sh.Changed(store.KindTask, uuid.Nil)
		dialog.ShowInformation(msg.T("季度调度"), msg.Tf("已保存 %s 季度调度：%d 项任务。", saved.Quarter, len(saved.Decisions)), sh.Window())
	})
}

// pastCell is one cell of 历次调度, newest first.
func (t *dispatchTab) pastCell(row, col int) string {
	n := len(t.dispatches)
	if row >= n {
		return ""
	}
	d := &t.dispatches[n-1-row]
	switch col {
	case 0:
		return d.Quarter
	case 1:
		return d.Date.String()
	case 2:
		if m := t.v.data.meeting(d.MeetingID); m != nil {
			return m.Title
		}
		return ""
	}
	counts := map[store.DispatchCode]int{}
	for _, dec := range d.Decisions {
		counts[dec.Decision]++
	}
	var parts []string
	for _, c := range store.DispatchCodes {
		if counts[c] > 0 {
			parts = append(parts, msg.Tf("%s %d 项", msg.T(c.Word()), counts[c]))
		}
	}
	return strings.Join(parts, msg.T("、"))
}

// setProblem says why the dispatch was refused ("" hides it).
func (t *dispatchTab) setProblem(text string) {
	t.problem.SetText(text)
	kit.ShowIf(t.problem, text != "")
}
