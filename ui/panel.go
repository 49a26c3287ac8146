package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/ui/msg"
)

// viewPanel is the root object of a section or tab. It carries the view
// that built it, so the view can be reached from the window's tree (tests
// do).
type viewPanel[V any] struct {
	widget.BaseWidget
	view    *V
	content fyne.CanvasObject
}

type (
	membersPanel = viewPanel[membersView]
	orgPanel     = viewPanel[orgView]
	peoplePanel  = viewPanel[peopleView]
)

func newViewPanel[V any](v *V, content fyne.CanvasObject) *viewPanel[V] {
	p := &viewPanel[V]{view: v, content: content}
	p.ExtendBaseWidget(p)
	return p
}

func (p *viewPanel[V]) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// iconButton is a toolbar button; text is the Chinese, translated here.
func iconButton(text string, icon fyne.Resource, tapped func()) *widget.Button {
	return widget.NewButtonWithIcon(msg.T(text), icon, tapped)
}

// warningBand sets text apart on an orange band with a warning icon: the
// look of a roster's warnings wherever they are shown, so a clerk knows
// them at a glance.
func warningBand(text *widget.Label) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xe6, B: 0xc2, A: 0xff})
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewCenter(widget.NewIcon(theme.WarningIcon())), nil, text))
}
