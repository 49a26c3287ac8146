package tasks

import (
	"errors"
	"os/user"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// inspectEditor is the form of one task's inspection in one round, made
// to be typed through from the keyboard: Tab (or Enter in a one-line
// field) goes to the next field, Enter in the last field or Ctrl+Enter
// in any saves. The save sends the round's inspection the clerk saw
// (from), so another clerk's report of the same round meanwhile is
// refused and shown, never overwritten.
type inspectEditor struct {
	sh      kit.Shell
	task    store.Task
	round   string
	from    *store.Inspection // the round's inspection shown, nil for none
	dirty   bool
	filling bool
	saving  bool

	progress, percent, problems, measures, inspector *kit.KeyEntry
	milestone                                        *widget.Select
	fixBy, date                                      *kit.DateEntry
	milestones                                       []string

	problem   *widget.Label
	other     *widget.Label // another clerk's report, after a conflict
	otherBand fyne.CanvasObject
	take      *widget.Button // 采用对方填报
	save      *widget.Button
	form      *widget.Form

	onSaved  func(store.Task) // the task as stored after the save
	onEscape func()
}

func newInspectEditor(sh kit.Shell, onSaved func(store.Task)) *inspectEditor {
	e := &inspectEditor{sh: sh, onSaved: onSaved}
	e.progress = e.entry(multiEntry("", 3))
	e.progress.Validator = kit.Check(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return &store.FieldError{Field: store.FieldInspection, Problem: store.ProblemRequired}
		}
		return nil
	})
	e.percent = e.entry(kit.TextEntry("", kit.Check(func(s string) error { _, err := parsePercent(s); return err })))
	e.percent.SetPlaceHolder("0–100")
	e.milestone = widget.NewSelect(nil, func(string) { e.edited() })
	e.problems = e.entry(multiEntry("", 2))
	e.measures = e.entry(multiEntry("", 2))
	e.fixBy = kit.NewDateEntry(store.Date{}, false)
	e.entry(&e.fixBy.KeyEntry)
	e.inspector = e.entry(kit.TextEntry("", nil))
	e.date = kit.NewDateEntry(kit.Today(), true)
	e.entry(&e.date.KeyEntry)
	// Enter in a one-line field goes to the next field itself (Tab would
	// stop at a date field's calendar button first).
	next := map[*kit.KeyEntry]fyne.Focusable{e.percent: e.milestone, &e.fixBy.KeyEntry: e.inspector, e.inspector: e.date}
	for from, to := range next {
		from.OnSubmitted = func(string) { e.sh.Window().Canvas().Focus(to) }
	}
	e.date.OnSubmitted = func(string) { e.submit() }
	item := func(label string, w fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(msg.T(label), w) }
	e.form = widget.NewForm(item("进展情况", e.progress), item("完成进度(%)", e.percent), item("达成节点", e.milestone),
		item("存在问题", e.problems), item("整改措施", e.measures), item("整改时限", e.fixBy),
		item("督查人", e.inspector), item("督查日期", e.date))
	e.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	e.other = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	e.take = widget.NewButton(msg.T("采用对方填报"), func() { e.onSaved(e.task) })
	e.otherBand = kit.WarningBand(e.other)
	e.otherBand = container.NewBorder(nil, nil, nil, e.take, e.otherBand)
	e.otherBand.Hide()
	e.save = kit.IconButton("保存", theme.DocumentSaveIcon(), e.submit)
	e.save.Importance = widget.HighImportance
	return e
}

// entry wires a field: an edit marks the form changed, Ctrl+Enter saves,
// Esc leaves (in a dialog).
func (e *inspectEditor) entry(k *kit.KeyEntry) *kit.KeyEntry {
	changed := k.OnChanged
	k.OnChanged = func(s string) {
		if changed != nil {
			changed(s)
		}
		e.edited()
	}
	k.OnShortcut = func(s fyne.Shortcut) bool {
		if kit.IsCtrlEnter(s) {
			e.submit()
			return true
		}
		return false
	}
	k.OnEscape = func() {
		if e.onEscape != nil {
			e.onEscape()
		}
	}
	return k
}

func (e *inspectEditor) edited() {
	if !e.filling {
		e.dirty = true
	}
}

// set shows the round's inspection of t: the one recorded (to correct
// it), or empty fields with the clerk and today filled in.
func (e *inspectEditor) set(t store.Task, round string) {
	e.task, e.round, e.from, e.dirty = t.Clone(), round, nil, false
	if in := t.Inspection(round); in != nil {
		c := *in
		e.from = &c
	}
	e.filling = true
	defer func() { e.filling = false }()
	e.milestones = []string{msg.T("（无）")}
	for _, m := range t.Milestones {
		e.milestones = append(e.milestones, m.Expected)
	}
	e.milestone.Options = e.milestones
	in := store.Inspection{Percent: -1, Inspector: clerkName(), Date: kit.Today()}
	if e.from != nil {
		in = *e.from
	}
	e.progress.SetText(in.Progress)
	e.percent.SetText(percentField(in.Percent))
	e.milestone.SetSelectedIndex(0)
	for i, m := range t.Milestones {
		if m.Expected == in.Milestone && in.Milestone != "" {
			e.milestone.SetSelectedIndex(i + 1)
		}
	}
	e.problems.SetText(in.Problems)
	e.measures.SetText(in.Measures)
	e.fixBy.SetDate(in.FixBy)
	e.inspector.SetText(in.Inspector)
	e.date.SetDate(in.Date)
	e.problem.SetText("")
	e.otherBand.Hide()
	for _, k := range []*kit.KeyEntry{e.progress, e.percent, &e.fixBy.KeyEntry, &e.date.KeyEntry} {
		k.SetValidationError(nil)
	}
}

// read is the inspection the fields describe.
func (e *inspectEditor) read() (store.Inspection, error) {
	p, err := parsePercent(e.percent.Text)
	if err != nil {
		return store.Inspection{}, err
	}
	in := store.Inspection{Round: e.round, Date: e.date.Date(), Inspector: e.inspector.Text, Progress: e.progress.Text,
		Percent: p, Problems: e.problems.Text, Measures: e.measures.Text, FixBy: e.fixBy.Date()}
	if i := e.milestone.SelectedIndex(); i > 0 {
		in.Milestone = e.milestones[i]
	}
	if _, err := kit.ParseDateField(e.date.Text, true); err != nil {
		return in, &store.FieldError{Field: store.FieldDate, Problem: store.ProblemBadDate, Detail: e.date.Text}
	}
	return in, nil
}

// submit checks the fields as the store will, then saves off the UI
// thread. A conflict reads the task again to show the other report.
func (e *inspectEditor) submit() {
	if e.saving || e.task.ID == [16]byte{} {
		return
	}
	in, err := e.read()
	if err == nil {
		c := e.task.Clone()
		err = c.CheckInspection(&in)
	}
	if err != nil {
		e.problem.SetText(msg.Error(err))
		return
	}
	s, ctx, id, from := e.sh.Store(), e.sh.Context(), e.task.ID, e.from
	var saved, fresh store.Task
	var werr, rerr error
	e.saving = true
	e.save.Disable()
	e.sh.Background(func() {
		saved, werr = s.SaveInspection(ctx, id, from, in)
		if errors.Is(werr, store.ErrConflict) {
			fresh, rerr = s.Task(ctx, id)
		}
	}, func() {
		e.saving = false
		e.save.Enable()
		switch {
		case werr == nil:
			e.dirty = false
			e.onSaved(saved)
		case errors.Is(werr, store.ErrConflict) && rerr == nil:
			e.problem.SetText(msg.Error(werr))
			e.showOther(fresh)
		default:
			e.problem.SetText(msg.Error(werr))
		}
	})
}

// showOther shows the report another clerk saved for the round meanwhile.
// The clerk's own text stays in the fields: saving again replaces theirs
// knowingly; 采用对方填报 keeps theirs and goes on.
func (e *inspectEditor) showOther(t store.Task) {
	e.task = t.Clone()
	e.from = nil
	in := t.Inspection(e.round)
	if in == nil {
		e.otherBand.Hide()
		return
	}
	c := *in
	e.from = &c
	text := msg.Tf("%s 已填报 %s 督查（%s）：%s", cmpOr(in.Inspector, msg.T("其他人")), in.Round, in.Date.String(), in.Progress)
	if in.Percent >= 0 {
		text += msg.Tf("；完成进度 %d%%", in.Percent)
	}
	if in.Problems != "" {
		text += msg.T("；存在问题：") + in.Problems
	}
	e.other.SetText(text + "\n" + msg.T("你填写的内容仍在下方：再按保存将替换对方的填报。"))
	e.otherBand.Show()
}

// parsePercent reads 完成进度: empty is not given (-1), else 0 to 100.
func parsePercent(s string) (int, error) {
	s = strings.TrimSuffix(strings.TrimSpace(store.CleanText(s)), "%")
	if s == "" {
		return -1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 100 {
		return 0, &store.FieldError{Field: store.FieldPercent, Problem: store.ProblemBadPercent, Detail: s}
	}
	return n, nil
}

func percentField(p int) string {
	if p < 0 {
		return ""
	}
	return strconv.Itoa(p)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var clerk struct {
	once sync.Once
	name string
}

// clerkName is the operating-system user, the default 督查人 (the store
// names the clerk in the audit log the same way).
func clerkName() string {
	clerk.once.Do(func() {
		if u, err := user.Current(); err == nil {
			name := u.Username
			if i := strings.LastIndexAny(name, `\/`); i >= 0 {
				name = name[i+1:]
			}
			clerk.name = name
		}
	})
	return clerk.name
}

// showInspection opens the inspection of round of the page's task in a
// dialog.
func (p *taskPage) showInspection(round string) {
	if p.loaded {
		showInspectionDialog(p.v, p.t, round, p.written)
	}
}

// showInspectionDialog is the inspection form of task t in round, in a
// dialog (from a task's page or a cell of the round grid); done gets the
// task as stored after the save.
func showInspectionDialog(v *Section, t store.Task, round string, done func(store.Task)) {
	var d interface{ Hide() }
	e := newInspectEditor(v.sh, func(saved store.Task) {
		d.Hide()
		done(saved)
	})
	e.set(t, round)
	e.onEscape = func() { d.Hide() }
	cancel := kit.IconButton("取消", theme.CancelIcon(), func() { d.Hide() })
	head := kit.Bold(msg.Tf("%s %s — %s 督查", t.Number, t.Title, round))
	content := container.NewBorder(head, container.NewVBox(e.otherBand, e.problem, container.NewHBox(layout.NewSpacer(), cancel, e.save)),
		nil, nil, e.form)
	dlg := dialog.NewCustomWithoutButtons(msg.T("督查记录"), content, v.sh.Window())
	dlg.Resize(fyne.NewSize(720, content.MinSize().Height+80))
	d = dlg
	lastInspectDialog = e
	dlg.Show()
	v.sh.Window().Canvas().Focus(e.progress)
}

// lastInspectDialog is the editor of the last inspection dialog opened,
// for tests.
var lastInspectDialog *inspectEditor
