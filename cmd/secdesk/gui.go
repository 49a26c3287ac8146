package main

import (
	"cmp"

	"fyne.io/fyne/v2/app"

	"github.com/secdesk/secdesk/ui"
	"github.com/secdesk/secdesk/ui/msg"
)

// appID must match FyneApp.toml: Fyne keys preferences and storage by it.
const appID = "net.secdesk.app"

// gui opens the data file and the main window, or the first-run guide
// when there is no data file yet. The window's language is the
// data file's setting (chosen in 系统), not the environment's.
func (c *cli) gui(args []string) error {
	fs, db := newFlags("secdesk")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	a := app.NewWithID(appID)
	if path, first, err := isFirstRun(*db); err == nil && first {
		return c.firstRun(a, path)
	}
	s, err := openStore(c.ctx, *db, false)
	if err != nil {
		ui.ShowStartError(a, err)
		return err
	}
	defer s.Close()
	set, err := s.Settings(c.ctx)
	if err != nil {
		return err
	}
	msg.SetLanguage(cmp.Or(set.Language, "zh"))
	ui.Start(a, s).ShowAndRun()
	return nil
}
