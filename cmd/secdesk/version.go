package main

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

// version and build are FyneApp.toml's Version and Build, set by the
// release builds (`make windows`: -ldflags "-X main.version=… -X main.build=…").
// A plain `go build` leaves them empty, and Fyne's own metadata applies
// (FyneApp.toml in the working folder when run from the source tree).
var version, build string

func init() {
	if version == "" {
		return
	}
	n, _ := strconv.Atoi(build)
	app.SetMetadata(fyne.AppMetadata{
		ID:         appID,
		Name:       "秘书处工作台",
		Version:    version,
		Build:      max(n, 1),
		Release:    true,
		Migrations: map[string]bool{"fyneDo": true},
	})
}
