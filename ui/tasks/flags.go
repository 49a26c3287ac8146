package tasks

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// showFlags draws a cell for every round from the task's start to today,
// coloured by its flag (the recorded one for a past round, marked ●);
// tapping a recorded round corrects it.
func (p *taskPage) showFlags(t *store.Task, today store.Date) {
	p.flags.Objects = nil
	rules := p.v.sh.Settings().Flags
	for _, r := range t.Rounds(today) {
		f, recorded := t.RoundFlagOf(r, today, rules)
		text := flagWord(f)
		if recorded {
			text += recordedMark
		}
		if t.DueInRound(r) && t.Inspection(r) == nil && t.StateOn(earlier(store.RoundEnd(r), today)).Status.Open() {
			text += " " + msg.T("未报")
		}
		var tap func()
		if recorded {
			round, rf := r, t.Flags
			tap = func() { p.showCorrectFlag(round, rf) }
		}
		p.flags.Add(newTapCell(r, text, flagColor(f), tap))
	}
	p.flags.Refresh()
}

// showCorrectFlag is 更正预警 for a recorded round: the flag the rules
// gave stays beside the corrected one, and the reason is required.
func (p *taskPage) showCorrectFlag(round string, flags []store.RoundFlag) {
	var rf store.RoundFlag
	for _, f := range flags {
		if f.Round == round {
			rf = f
		}
	}
	to := widget.NewSelect(translatedWords(store.Flags), nil)
	reason := kit.TextEntry("", kit.Check(func(s string) error {
		if store.CleanText(s) == "" {
			return &store.FieldError{Field: store.FieldFlag, Problem: store.ProblemNeedReason}
		}
		return nil
	}))
	d := kit.NewFormDialog(p.v.sh, "更正", func() (func() error, func(), error) {
		flag := codeOf(store.Flags, wordOf(to, store.Flags))
		s, ctx, id, why := p.v.sh.Store(), p.v.sh.Context(), p.id, reason.Text
		var saved store.Task
		return func() (err error) { saved, err = s.CorrectFlag(ctx, id, round, flag, why); return err },
			func() { p.written(saved) }, nil
	})
	to.OnChanged = func(string) { d.UpdateSave() }
	d.SetValid(func() bool { return to.SelectedIndex() >= 0 })
	d.AddWidget("督查月份", widget.NewLabel(round))
	recorded := flagWord(rf.Auto)
	if rf.Flag != rf.Auto {
		recorded += msg.Tf("（已更正为%s：%s）", flagWord(rf.Flag), rf.Reason)
	}
	d.AddWidget("按规则", widget.NewLabel(recorded))
	d.AddWidget("更正为", to)
	d.AddEntry("更正理由", store.FieldFlag, reason)
	d.Show("更正预警")
}

// tapCell is a coloured cell with a caption and a text, which a tap
// may act on (a recorded round of the flags row).
type tapCell struct {
	widget.BaseWidget
	Caption, Text string
	bg            color.Color
	onTap         func()
}

func newTapCell(caption, text string, bg color.Color, onTap func()) *tapCell {
	c := &tapCell{Caption: caption, Text: text, bg: bg, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *tapCell) CreateRenderer() fyne.WidgetRenderer {
	rect := canvas.NewRectangle(c.bg)
	rect.StrokeColor, rect.StrokeWidth = color.NRGBA{R: 0xbd, G: 0xbd, B: 0xbd, A: 0xff}, 1
	caption := &widget.Label{Text: c.Caption, Alignment: fyne.TextAlignCenter}
	text := &widget.Label{Text: c.Text, Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
	return widget.NewSimpleRenderer(container.NewStack(rect, container.NewVBox(caption, text)))
}

func (c *tapCell) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// Cursor shows a hand over a cell that can be tapped.
func (c *tapCell) Cursor() desktop.Cursor {
	if c.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
