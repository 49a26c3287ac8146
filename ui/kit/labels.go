package kit

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// Wrap is a label that wraps at word boundaries (CJK: anywhere).
func Wrap(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Bold is a wrapping label in bold.
func Bold(s string) *widget.Label {
	l := Wrap(s)
	l.TextStyle.Bold = true
	return l
}

// Hint is a short explanation under a form's fields.
func Hint(text string) *widget.Label {
	l := Wrap(text)
	l.Importance = widget.LowImportance
	return l
}

// LabelValue is one row of a detail panel: the Chinese label, translated
// by DetailRows, and the value as shown. (An alias of a plain struct, so
// rows can be written {"状态", text} in any package.)
type LabelValue = struct{ Label, Value string }

// DetailRows lays rows out as label: value lines, values wrapping.
func DetailRows(rows []LabelValue) *fyne.Container {
	grid := container.New(layout.NewFormLayout())
	for _, r := range rows {
		grid.Add(widget.NewLabel(msg.T(r.Label)))
		grid.Add(Wrap(r.Value))
	}
	return grid
}

// ShowIf shows o if visible, else hides it.
func ShowIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// IconButton is a toolbar button; text is the Chinese, translated here.
func IconButton(text string, icon fyne.Resource, tapped func()) *widget.Button {
	return widget.NewButtonWithIcon(msg.T(text), icon, tapped)
}

// WarningBand sets text apart on an orange band with a warning icon: the
// look of a roster's warnings wherever they are shown, so a clerk knows
// them at a glance.
func WarningBand(text *widget.Label) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xe6, B: 0xc2, A: 0xff})
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewCenter(widget.NewIcon(theme.WarningIcon())), nil, text))
}

// Clock is a moment as the audit log shows it, in the PC's local time.
// (A day is shown with msg.Date.)
func Clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// TermName is 第二届 (Term 2 in English).
func TermName(n int) string {
	if msg.LanguageIsEnglish() {
		return msg.Tf("第%d届", n)
	}
	return store.TermName(n)
}

// SetCellText sets the text of a table or list cell's label only if it
// differs. Laying out Chinese text is most of what a table's refresh
// costs, and after a save only one row changed: the other cells keep
// their layout.
func SetCellText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// SetCellIcon is SetCellText for a cell's icon.
func SetCellIcon(i *widget.Icon, r fyne.Resource) {
	if i.Resource != r {
		i.SetResource(r)
	}
}
