package ui

import (
	"fyne.io/fyne/v2"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/firstrun"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// StartFirstRun opens the first-run guide (package firstrun) in a window
// and, once the clerk confirmed and the data file is made, the main
// window in the same window, on the store the guide opened. cfg.Done is
// told first (to remember the file). Closing the window, or 取消, quits
// the program without writing anything. The caller shows the window.
func StartFirstRun(a fyne.App, cfg firstrun.Config) fyne.Window {
	w, _ := startFirstRun(a, cfg, sections)
	return w
}

func startFirstRun(a fyne.App, cfg firstrun.Config, make func(kit.Shell) []kit.Section) (fyne.Window, *firstrun.Guide) {
	a.Settings().SetTheme(kit.NewTheme())
	w := a.NewWindow(msg.T("首次使用") + " — " + msg.T(AppName))
	w.SetIcon(assets.Icon)
	w.SetMaster()
	done := cfg.Done
	cfg.Done = func(s store.Store, path string) {
		if done != nil {
			done(s, path)
		}
		newAppIn(a, w, s, make)
		w.CenterOnScreen() // it grew from the guide's size
	}
	if cfg.Cancel == nil {
		cfg.Cancel = w.Close
	}
	g := firstrun.New(w, cfg)
	w.Resize(fyne.NewSize(780, 560))
	w.CenterOnScreen()
	return w, g
}
