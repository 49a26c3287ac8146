// Package assets holds what the program carries inside its binary: the
// icon, the bundled CJK font, the translations and the demo data.
package assets

import "embed"

// Translations holds i18n/en.json: English for the program's Chinese
// source strings. Chinese needs no file: a string without a translation is
// shown as written.
//
//go:embed i18n
var Translations embed.FS
