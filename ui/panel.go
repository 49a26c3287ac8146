package ui

import (
	"fyne.io/fyne/v2"
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
