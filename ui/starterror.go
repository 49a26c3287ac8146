package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// ShowStartError shows why the program cannot open its data file (most
// often: another copy already has it open) and waits for the clerk's OK.
// Started from a desktop icon, nobody would see a message on stderr.
func ShowStartError(a fyne.App, err error) {
	a.Settings().SetTheme(kit.NewTheme())
	w := a.NewWindow(msg.T(AppName))
	text := widget.NewLabel(msg.Error(err))
	text.Wrapping = fyne.TextWrapWord
	ok := widget.NewButton(msg.T("确定"), a.Quit)
	ok.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewCenter(ok), nil, nil, text))
	w.Resize(fyne.NewSize(420, 160))
	w.CenterOnScreen()
	w.ShowAndRun()
}
