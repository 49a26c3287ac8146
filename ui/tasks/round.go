package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// roundTab is 本月督查: a month's round typed through from the keyboard.
// The open tasks due in the round are listed in number order; the
// current one is shown with its target and its last inspection over the
// form; saving moves on to the next task at once, without waiting for
// the list to be read again.
type roundTab struct {
	v       *Section
	round   string
	loader  *kit.Loader[[]store.LedgerRow]
	queue   []store.LedgerRow // the round's open tasks due, in number order
	current uuid.UUID

	rounds   *widget.Select
	roundIDs []string
	list     *widget.List
	count    *widget.Label
	head     *widget.Label
	about    *widget.Label
	editor   *inspectEditor
	done     *widget.Label // 本月督查已全部填报
	view     fyne.CanvasObject
}

func newRoundTab(v *Section) *roundTab {
	t := &roundTab{v: v, round: store.Round(kit.Today())}
	t.loader = kit.NewLoader(v.sh, t.applyQueue)
	t.rounds = widget.NewSelect(nil, func(string) {
		if i := t.rounds.SelectedIndex(); i >= 0 && t.roundIDs[i] != t.round {
			t.round, t.current = t.roundIDs[i], uuid.Nil
			t.prepare()
		}
	})
	t.setRounds(kit.Today())
	t.list = widget.NewList(func() int { return len(t.queue) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, &widget.Label{Truncation: fyne.TextTruncateEllipsis})
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			kit.SetCellText(c.Objects[0].(*widget.Label), t.queueLine(i))
			var mark fyne.Resource
			if i < len(t.queue) && t.queue[i].Inspection != nil {
				mark = theme.ConfirmIcon()
			}
			kit.SetCellIcon(c.Objects[1].(*widget.Icon), mark)
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.queue) && t.queue[i].Task.ID != t.current {
			t.choose(t.queue[i].Task.ID)
		}
	}
	t.count = widget.NewLabel("")
	t.head = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	t.about = kit.Wrap("")
	t.done = &widget.Label{Importance: widget.SuccessImportance}
	t.editor = newInspectEditor(v.sh, t.saved)
	record := kit.IconButton("记录上月预警", theme.ConfirmIcon(), t.recordFlags)
	skip := kit.IconButton("下一项", theme.NavigateNextIcon(), func() { t.move(1) })
	prev := kit.IconButton("上一项", theme.NavigateBackIcon(), func() { t.move(-1) })
	bar := container.NewHBox(widget.NewLabel(msg.T("督查月份")), t.rounds, t.count)
	hint := kit.Hint(msg.T("Tab 或回车到下一栏，在“督查日期”按回车（或任一栏按 Ctrl+回车）保存并转到下一项任务。"))
	top := container.NewBorder(nil, hint, nil, record, bar)
	form := container.NewBorder(container.NewVBox(t.head, t.about, widget.NewSeparator()),
		container.NewVBox(t.editor.otherBand, container.NewBorder(nil, nil, nil,
			container.NewVBox(layout.NewSpacer(), container.NewHBox(prev, skip, t.editor.save)),
			container.NewVBox(t.editor.problem, t.done))),
		nil, nil, container.NewVScroll(t.editor.form))
	split := container.NewHSplit(t.list, form)
	split.Offset = 0.3
	t.view = container.NewBorder(top, nil, nil, nil, split)
	return t
}

// setRounds offers the twelve rounds up to this month and the next one.
func (t *roundTab) setRounds(today store.Date) {
	t.roundIDs = nil
	r := store.Round(today.AddMonths(-11))
	for range 13 {
		t.roundIDs = append(t.roundIDs, r)
		r = store.NextRound(r)
	}
	changed := t.rounds.OnChanged
	t.rounds.OnChanged = nil
	t.rounds.Options = t.roundIDs
	for i, id := range t.roundIDs {
		if id == t.round {
			t.rounds.SetSelectedIndex(i)
		}
	}
	t.rounds.OnChanged = changed
}

func (t *roundTab) apply(*taskData) { t.prepare() }

// prepare derives the round's queue from the tasks as loaded, off the UI
// thread (the ledger of the round: who is due, the target, the round's
// inspection).
func (t *roundTab) prepare() {
	d, round := t.v.data, t.round
	if d == nil {
		return
	}
	t.loader.Load(func() ([]store.LedgerRow, error) { return roundQueue(d.tasks, round, d.today, d.rules), nil })
}

// roundQueue are the open tasks due in round, in number order.
func roundQueue(tasks []store.Task, round string, today store.Date, rules store.FlagRules) []store.LedgerRow {
	var out []store.LedgerRow
	for _, r := range store.BuildLedger(tasks, round, today, rules).Rows {
		if r.Due {
			out = append(out, r)
		}
	}
	return out
}

func (t *roundTab) applyQueue(q []store.LedgerRow) {
	t.queue = q
	n := 0
	for _, r := range q {
		if r.Inspection != nil {
			n++
		}
	}
	t.count.SetText(msg.Tf("应督查 %d 项，已填报 %d 项", len(q), n))
	at := t.index(t.current)
	if at < 0 {
		at = t.firstOpen(0)
	}
	t.list.Refresh()
	if at < 0 {
		t.show(-1)
		return
	}
	// A reload after this window's own save (or another clerk's change)
	// must not wipe what the clerk is typing for the current task.
	if t.queue[at].Task.ID == t.current && t.editor.dirty {
		t.list.Select(at)
		return
	}
	t.show(at)
}

// index is the queue position of task id, -1 if not in it.
func (t *roundTab) index(id uuid.UUID) int {
	for i := range t.queue {
		if t.queue[i].Task.ID == id {
			return i
		}
	}
	return -1
}

// firstOpen is the first task from i on without the round's inspection,
// then from the start; the first task when all are done; -1 if none.
func (t *roundTab) firstOpen(i int) int {
	for k := range t.queue {
		if j := (i + k) % len(t.queue); t.queue[j].Inspection == nil {
			return j
		}
	}
	if len(t.queue) > 0 {
		return 0
	}
	return -1
}

// show makes queue row i the current task (-1: none due).
func (t *roundTab) show(i int) {
	if i < 0 {
		t.current = uuid.Nil
		t.head.SetText(msg.Tf("%s 没有应督查的任务。", t.round))
		t.about.SetText("")
		t.editor.set(store.Task{}, t.round)
		return
	}
	r := &t.queue[i]
	t.current = r.Task.ID
	t.head.SetText(r.Task.Number + "  " + r.Task.Title)
	t.about.SetText(roundAbout(r, t.round))
	t.editor.set(*r.Task, t.round)
	t.list.Select(i)
	t.focus()
}

// roundAbout is what the clerk reads before typing: who, by when, the
// round's target and the last inspection before this round.
func roundAbout(r *store.LedgerRow, round string) string {
	t := r.Task
	text := msg.Tf("牵头单位：%s　责任人：%s　完成时限：%s", t.Lead.Name, t.Person, deadlineText(r.State))
	if r.Target != "" {
		text += "\n" + msg.T("本月目标：") + r.Target
	}
	var last *store.Inspection
	for i := range t.Inspections {
		if in := &t.Inspections[i]; in.Round < round {
			last = in
		}
	}
	if last == nil {
		return text + "\n" + msg.T("上次督查：无")
	}
	text += "\n" + msg.Tf("上次督查（%s）：%s", last.Round, oneLine(last.Progress))
	if last.Percent >= 0 {
		text += msg.Tf("；完成进度 %d%%", last.Percent)
	}
	if last.Problems != "" {
		text += msg.T("；存在问题：") + oneLine(last.Problems)
	}
	return text
}

// queueLine is one task of the list (a tick beside it once reported).
func (t *roundTab) queueLine(i int) string {
	if i >= len(t.queue) {
		return ""
	}
	return t.queue[i].Task.Number + " " + t.queue[i].Task.Title
}

// choose makes task id current, asking first if the form has text that
// would be lost.
func (t *roundTab) choose(id uuid.UUID) {
	i := t.index(id)
	if i < 0 {
		return
	}
	if !t.editor.dirty {
		t.show(i)
		return
	}
	t.v.sh.Confirm("本月督查", msg.T("当前任务填写的内容尚未保存，转到其他任务将放弃这些内容。"), "放弃",
		func() { t.editor.dirty = false; t.show(i) })
	t.list.Select(t.index(t.current))
}

// move goes delta tasks on (or back) without saving.
func (t *roundTab) move(delta int) {
	if i := t.index(t.current); i >= 0 && i+delta >= 0 && i+delta < len(t.queue) {
		t.choose(t.queue[i+delta].Task.ID)
	}
}

// saved takes the task as stored after the save: the queue shows it at
// once and the next task comes up; then the change is announced (and the
// round is read again in the background).
func (t *roundTab) saved(task store.Task) {
	i := t.index(task.ID)
	if i >= 0 {
		c := task.Clone()
		t.queue[i].Task, t.queue[i].Inspection = &c, c.Inspection(t.round)
	}
	next := t.firstOpen(i + 1)
	t.done.SetText("")
	if next >= 0 && t.queue[next].Inspection != nil {
		t.done.SetText(msg.Tf("%s 应督查的任务已全部填报。", t.round))
		next = i
	}
	t.show(next)
	t.v.written(task.ID)
}

// focus gives the keyboard to the first field.
func (t *roundTab) focus() {
	if c := t.v.sh.Window().Canvas(); c != nil && t.current != uuid.Nil {
		c.Focus(t.editor.progress)
	}
}

// recordFlags is 记录上月预警: the flags of last month (a round that has
// ended) are kept on every task without one, so the history of flags no
// longer follows later changes of the rules or the tasks.
func (t *roundTab) recordFlags() {
	round := store.Round(store.RoundStart(store.Round(kit.Today())).AddDays(-1))
	s, ctx, sh := t.v.sh.Store(), t.v.sh.Context(), t.v.sh
	sh.Confirm("记录上月预警", msg.Tf("按当前预警规则记录 %s 各项任务的预警；已记录的不变，记录后只能逐项更正。", round), "记录", func() {
		var n int
		kit.Write(sh, func() (err error) { n, err = s.RecordFlags(ctx, round); return err }, func() {
			dialog.ShowInformation(msg.T("记录上月预警"), msg.Tf("已记录 %d 项任务的 %s 预警。", n, round), sh.Window())
			sh.Changed(store.KindTask, uuid.Nil)
		})
	})
}
