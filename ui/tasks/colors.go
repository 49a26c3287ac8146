package tasks

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// The warning colours as cell backgrounds: pale enough that the text on
// them stays readable, and printed the same way in the ledger.
var (
	colorGreen  = color.NRGBA{R: 0xc8, G: 0xe6, B: 0xc9, A: 0xff}
	colorYellow = color.NRGBA{R: 0xff, G: 0xf1, B: 0x76, A: 0xff}
	colorOrange = color.NRGBA{R: 0xff, G: 0xcc, B: 0x80, A: 0xff}
	colorRed    = color.NRGBA{R: 0xef, G: 0x9a, B: 0x9a, A: 0xff}
	colorGap    = color.NRGBA{R: 0xe0, G: 0xe0, B: 0xe0, A: 0xff}
)

// flagColor is the background of a cell showing flag f.
func flagColor(f store.Flag) color.Color {
	switch f {
	case store.FlagGreen:
		return colorGreen
	case store.FlagYellow:
		return colorYellow
	case store.FlagOrange:
		return colorOrange
	case store.FlagRed:
		return colorRed
	}
	return color.Transparent
}

// flagWord is the flag as a cell says it: 绿, 黄 …, "" for none.
func flagWord(f store.Flag) string {
	if f == store.FlagNone {
		return ""
	}
	return msg.T(f.Word())
}

// recordedMark follows a flag recorded for a past round (RecordFlags), so
// a clerk tells the kept flag from the one the rules give today.
const recordedMark = "●"

// newColorCell is a table cell: a one-line label over a background.
func newColorCell() fyne.CanvasObject {
	return container.NewStack(canvas.NewRectangle(color.Transparent),
		&widget.Label{Truncation: fyne.TextTruncateEllipsis})
}

// setColorCell shows text on bg in a cell made by newColorCell, changing
// only what differs (laying out Chinese text is what a refresh costs).
func setColorCell(o fyne.CanvasObject, text string, bg color.Color, imp widget.Importance) {
	c := o.(*fyne.Container)
	r, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	if r.FillColor != bg {
		r.FillColor = bg
		r.Refresh()
	}
	if l.Importance != imp {
		l.Importance = imp
		l.Refresh()
	}
	kit.SetCellText(l, text)
}

// earlier is the earlier of two days.
func earlier(a, b store.Date) store.Date {
	if b.Before(a) {
		return b
	}
	return a
}
