package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/secdesk/secdesk/assets"
)

// appTheme is Fyne's default theme, always in its light variant, with the
// bundled CJK font for all text. A fresh Debian or a stripped-down Windows
// PC may have no Chinese font at all, and Fyne's own fonts are Latin only:
// without this every Chinese character would be drawn as an empty box.
type appTheme struct {
	fyne.Theme
}

// NewTheme is the window's theme.
func NewTheme() fyne.Theme {
	return &appTheme{Theme: theme.DefaultTheme()}
}

// Font returns the bundled font for every style, monospace and symbols
// included. Fyne looks a character up in this font first and then in its
// own font for the style; the bundled font has CJK and no Latin, so Latin
// text keeps Fyne's regular, bold, italic and monospace faces while Chinese
// in any style comes from the bundled face (drawn regular: it has no bold).
func (t *appTheme) Font(fyne.TextStyle) fyne.Resource {
	return assets.Font
}

// Color always uses the light variant, whatever the system's setting: the
// clerks' other programs (WPS, Excel, the office system) are light, and the
// screen should look like the paper it prints.
func (t *appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}
