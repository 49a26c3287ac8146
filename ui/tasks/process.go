package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// processLine is the process as the page draws it: 立项 → 交办 → 催办 →
// 反馈 → 办结 → 销号.
var processLine = []store.TaskStep{store.StepCreate, store.StepAssign, store.StepUrge, store.StepReport,
	store.StepDone, store.StepClose}

// showProcess draws the line with the day of each step (the latest, and
// how many times 催办 or 反馈 were made), then every step in date order.
func (p *taskPage) showProcess(t *store.Task) {
	p.process.Objects = nil
	for i, step := range processLine {
		if i > 0 {
			p.process.Add(&widget.Label{Text: "→", Importance: widget.LowImportance})
		}
		var last store.Date
		n := 0
		for _, e := range t.Events {
			if e.Step == step {
				last, n = e.Date, n+1
			}
		}
		word := &widget.Label{Text: msg.T(step.Word()), TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.LowImportance}
		day := &widget.Label{Text: "—", Importance: widget.LowImportance}
		if n > 0 {
			word.Importance, day.Importance, day.Text = widget.SuccessImportance, widget.MediumImportance, last.String()
			if n > 1 {
				day.Text += msg.Tf("（%d次）", n)
			}
		}
		p.process.Add(container.NewVBox(word, day))
	}
	p.process.Refresh()
	p.events.Objects = nil
	for _, e := range t.Events {
		line := e.Date.String() + "  " + msg.T(e.Step.Word())
		if e.Text != "" {
			line += "：" + e.Text
		}
		if e.By != "" {
			line += "（" + e.By + "）"
		}
		p.events.Add(&widget.Label{Text: line, Wrapping: fyne.TextWrapWord})
	}
	p.events.Refresh()
}

// showExtensions lists the extensions under the original deadline, which
// always stays in sight; a pending one can be approved or refused.
func (p *taskPage) showExtensions(t *store.Task, s store.TaskState) {
	p.extensions.Objects = []fyne.CanvasObject{widget.NewLabel(msg.Tf("原定时限：%s　现行时限：%s", t.Deadline.String(), s.Deadline.String()))}
	for i := range t.Extensions {
		x := t.Extensions[i]
		line := msg.Tf("%s 申请延期至 %s：%s", x.Requested.String(), x.NewDeadline.String(), x.Reason) + " — " + msg.T(x.Decision.Word())
		if !x.Decided.IsZero() {
			line += "（" + x.Decided.String() + "）"
		}
		l := &widget.Label{Text: line, Wrapping: fyne.TextWrapWord}
		if x.Decision != store.ExtPending {
			p.extensions.Add(l)
			continue
		}
		l.Importance = widget.WarningImportance
		approve := widget.NewButton(msg.T("批准"), func() { p.decide(x, store.ExtApproved) })
		approve.Importance = widget.HighImportance
		refuse := widget.NewButton(msg.T("不予批准"), func() { p.decide(x, store.ExtRefused) })
		p.extensions.Add(container.NewBorder(nil, nil, nil, container.NewHBox(approve, refuse), l))
	}
	if len(t.Extensions) == 0 {
		p.extensions.Add(&widget.Label{Text: msg.T("没有延期申请。"), Importance: widget.LowImportance})
	}
	p.extensions.Refresh()
}

// decide approves or refuses the pending extension x today.
func (p *taskPage) decide(x store.Extension, d store.ExtDecision) {
	s, ctx, id, today := p.v.sh.Store(), p.v.sh.Context(), p.id, kit.Today()
	var saved store.Task
	kit.Write(p.v.sh, func() (err error) {
		saved, err = s.DecideExtension(ctx, id, x.ID, d, today)
		return err
	}, func() { p.written(saved) })
}

// showStep is 登记办理环节: a step of the process on its day. The order
// of the process is checked as the store will (Task.CheckStep) before
// anything is written.
func (p *taskPage) showStep() {
	if !p.loaded {
		return
	}
	step := widget.NewSelect(translatedWords(store.TaskSteps), nil)
	step.PlaceHolder = msg.T("请选择")
	day := kit.NewDateEntry(kit.Today(), true)
	text := kit.TextEntry("", nil)
	by := kit.TextEntry("", nil)
	by.SetPlaceHolder(msg.T("留空为当前用户"))
	d := kit.NewFormDialog(p.v.sh, "保存", func() (func() error, func(), error) {
		e := store.TaskEvent{Step: codeOf(store.TaskSteps, wordOf(step, store.TaskSteps)), Date: day.Date(),
			Text: text.Text, By: store.CleanText(by.Text)}
		if err := p.t.CheckStep(e); err != nil {
			return nil, nil, err
		}
		s, ctx, id := p.v.sh.Store(), p.v.sh.Context(), p.id
		var saved store.Task
		return func() (err error) { saved, err = s.AddTaskStep(ctx, id, e); return err },
			func() { p.written(saved) }, nil
	})
	step.OnChanged = func(string) { d.UpdateSave() }
	d.SetValid(func() bool { return step.SelectedIndex() >= 0 })
	d.AddWidget("办理环节", step)
	d.AddDate("日期", store.FieldDate, day)
	d.AddEntry("说明", "", text)
	d.AddEntry("经办人", "", by)
	d.AddWidget("", kit.Hint(msg.T("办结时在说明中写明办结依据；销号须在办结之后。")))
	d.Show("登记办理环节")
}

// showExtension is 申请延期: a new deadline asked for before the one in
// force, with the reason; it waits for 批准 or 不予批准.
func (p *taskPage) showExtension() {
	if !p.loaded {
		return
	}
	today := kit.Today()
	requested := kit.NewDateEntry(today, true)
	newDeadline := kit.NewDateEntry(store.Date{}, true)
	reason := kit.TextEntry("", kit.Check(func(s string) error {
		if store.CleanText(s) == "" {
			return &store.FieldError{Field: store.FieldExtension, Problem: store.ProblemNeedReason}
		}
		return nil
	}))
	d := kit.NewFormDialog(p.v.sh, "提交申请", func() (func() error, func(), error) {
		x := store.Extension{Requested: requested.Date(), NewDeadline: newDeadline.Date(), Reason: reason.Text}
		s, ctx, id := p.v.sh.Store(), p.v.sh.Context(), p.id
		var saved store.Task
		return func() (err error) { saved, err = s.RequestExtension(ctx, id, x); return err },
			func() { p.written(saved) }, nil
	})
	d.AddWidget("现行时限", widget.NewLabel(p.t.DeadlineOn(today).String()))
	d.AddDate("申请日期", store.FieldDate, requested)
	d.AddDate("新时限", store.FieldExtension, newDeadline)
	d.AddEntry("延期理由", "", reason)
	d.Show("申请延期")
}
