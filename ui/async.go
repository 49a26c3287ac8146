package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/ui/msg"
)

// showError tells the clerk what went wrong, in their language.
func (a *App) showError(err error) {
	if err == nil {
		return
	}
	dialog.ShowInformation(msg.T("出错了"), msg.Error(err), a.win)
}

// confirm asks before an action: its button names the action (删除,
// 恢复) rather than a bare 是, so a clerk reading quickly knows what a
// click does. onOK runs only if they confirm.
func (a *App) confirm(title, text, action string, onOK func()) {
	d := dialog.NewConfirm(msg.T(title), text, func(ok bool) {
		if ok {
			onOK()
		}
	}, a.win)
	d.SetConfirmText(msg.T(action))
	d.SetDismissText(msg.T("取消"))
	d.Show()
}

// runInBackground runs work off the UI thread behind a modal progress
// dialog, so a long import or export never freezes the window. work
// reports progress from 0 to 1; done runs on the UI thread afterwards.
func (a *App) runInBackground(title string, work func(progress func(float64)) error, done func(error)) {
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons(msg.T(title), bar, a.win)
	d.Show()
	a.background(func() {
		err := work(func(p float64) { fyne.Do(func() { bar.SetValue(p) }) })
		fyne.DoAndWait(func() {
			d.Hide()
			if done != nil {
				done(err)
			}
		})
	})
}

// background runs f off the UI thread; f hands its results to the widgets
// with fyne.Do. Tests set runOffUIThread to run f at once: Fyne's test
// driver has no UI thread, so a real goroutine would race the test's own
// taps on the same widgets.
func (a *App) background(f func()) {
	a.busy.Add(1)
	runOffUIThread(func() {
		defer a.busy.Done()
		f()
	})
}

var runOffUIThread = func(f func()) { go f() }

// waitIdle waits for background jobs to end. Tests call it.
func (a *App) waitIdle() { a.busy.Wait() }
