// Package assets holds what the program carries inside its binary: the
// icon, the bundled CJK font, the translations and the demo data.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

// Translations holds i18n/*.en.json: English for the program's Chinese
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
// see fonts/LICENSE-DroidSansFallback.txt): Chinese, Japanese and Korean
// glyphs and CJK punctuation, but no Latin letters or digits.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var fontTTF []byte

// Font is the bundled CJK font, for the theme's Font method. Fyne draws each
// character with the theme's font if it has it, else with its own built-in
// font for that style, else with a system font. So a theme that returns Font
// for regular, bold and italic text (monospace and symbols left to Fyne's
// defaults) gets Fyne's Latin faces, bold included, and this font's Chinese
// (regular only: bold Chinese is drawn regular) — on a PC with no CJK font.
var Font fyne.Resource = fyne.NewStaticResource("DroidSansFallbackFull.ttf", fontTTF)
