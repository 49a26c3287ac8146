package meetings

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// pageForm is what the two forms of a meeting's page (基本信息, 纪要)
// share: the Rev their fields started from, whether the clerk changed
// them, and the bar with 保存, the store's refusal and — after another
// clerk's newer change — 重新载入, as in a form dialog.
type pageForm struct {
	p       *meetingPage
	baseRev int64
	dirty   bool
	filling bool // the program is filling the fields: not the clerk's edit
	saving  bool

	save, reload *widget.Button
	problem      *widget.Label
	saved        *widget.Label
	bar          fyne.CanvasObject

	fill  func(m *store.Meeting)       // shows m in the fields
	apply func(m *store.Meeting) error // puts the fields into m
	// after runs on the UI thread after a save, with the meeting before it.
	after func(old, saved *store.Meeting)
}

func newPageForm(p *meetingPage, fill func(*store.Meeting), apply func(*store.Meeting) error) *pageForm {
	f := &pageForm{p: p, fill: fill, apply: apply}
	f.save = kit.IconButton("保存", theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.reload = kit.IconButton("重新载入", theme.ViewRefreshIcon(), f.discard)
	f.reload.Hide()
	f.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	f.saved = &widget.Label{Importance: widget.SuccessImportance}
	f.bar = container.NewBorder(nil, nil, nil, container.NewHBox(f.saved, layout.NewSpacer(), f.reload, f.save), f.problem)
	return f
}

// edited marks the form changed by the clerk; wire it to every field.
func (f *pageForm) edited() {
	if f.filling {
		return
	}
	f.dirty = true
	f.saved.SetText("")
}

// changed follows a newer state m of the meeting (see meetingPage.changed):
// an own write moves the base Rev on if the form was on the state before
// it; a form without edits shows m.
func (f *pageForm) changed(m *store.Meeting, prev int64, own bool) {
	if own && f.baseRev == prev {
		f.baseRev = m.Rev
	}
	if f.dirty {
		return
	}
	f.baseRev = m.Rev
	f.filling = true
	f.fill(m)
	f.filling = false
}

// submit saves the fields over the meeting as last known, with the Rev
// they started from, off the UI thread.
func (f *pageForm) submit() {
	if f.saving {
		return
	}
	old := f.p.m.Clone()
	m := f.p.m.Clone()
	if err := f.apply(&m); err != nil {
		f.showError(err)
		return
	}
	m.Rev = f.baseRev
	s, ctx := f.p.v.sh.Store(), f.p.v.sh.Context()
	var saved store.Meeting
	var err error
	f.saving = true
	f.save.Disable()
	f.p.v.sh.Background(func() { saved, err = s.UpdateMeeting(ctx, m) }, func() {
		f.saving = false
		f.save.Enable()
		if err != nil {
			f.showError(err)
			return
		}
		f.dirty = false
		f.problem.SetText("")
		f.saved.SetText(msg.T("已保存"))
		f.p.written(saved)
		if f.after != nil {
			f.after(&old, &saved)
		}
	})
}

// showError says why the save was refused; a conflict offers 重新载入.
func (f *pageForm) showError(err error) {
	f.problem.SetText(msg.Error(err))
	if errors.Is(err, store.ErrConflict) {
		f.reload.Show()
		f.save.Disable()
	}
}

// discard drops the clerk's edits and shows the meeting as stored now.
func (f *pageForm) discard() {
	f.dirty = false
	f.reload.Hide()
	f.problem.SetText("")
	f.save.Enable()
	f.p.reload()
}
