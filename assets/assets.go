// Package assets holds what the program carries inside its binary: the
// icon, the bundled CJK font, the translations and the demo data.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

// Translations holds i18n/en.json: English for the program's Chinese
// source strings. Chinese needs no file: a string without a translation is
// shown as written.
//
//go:embed i18n
var Translations embed.FS

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (512×512 PNG), the same file FyneApp.toml
// names, for app.SetIcon and the window.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)

// fonts/DroidSansFallbackFull.ttf is Debian's fonts-droid-fallback (Apache-2.0,
// see fonts/LICENSE-DroidSansFallback.txt). It covers Latin and CJK, so one
// face is enough for the whole UI on a PC that has no Chinese font installed.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var fontTTF []byte

// Font is the bundled CJK font, for the theme's Font method. The face is
// regular only: Fyne puts the theme's font first and falls back to its own
// Latin fonts and then to system fonts, so a theme that returns Font for
// regular, bold and italic text gets Chinese in every style (bold drawn
// regular), while monospace and symbols can stay with Fyne's defaults.
var Font fyne.Resource = fyne.NewStaticResource("DroidSansFallbackFull.ttf", fontTTF)
