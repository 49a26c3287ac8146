package kit

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/secdesk/secdesk/assets"
)

// TestThemeDrawsChineseWithBundledFont checks that every text style gets
// the bundled font and that the font has the Chinese characters and
// punctuation the window shows, so Chinese renders on a PC without any
// Chinese font. (Latin is not in it: Fyne's own fonts draw that.)
func TestThemeDrawsChineseWithBundledFont(t *testing.T) {
	th := NewTheme()
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}, {Symbol: true}} {
		if th.Font(style) != assets.Font {
			t.Errorf("style %+v does not use the bundled font", style)
		}
	}
	face, err := font.ParseTTF(bytes.NewReader(assets.Font.Content()))
	if err != nil {
		t.Fatalf("bundled font: %v", err)
	}
	for _, r := range "秘书处工作台成员单位操作日志回收站潍坊职业学院（）：；、「」" {
		if _, ok := face.NominalGlyph(r); !ok {
			t.Errorf("bundled font has no glyph for %q", r)
		}
	}
	// Asked for the dark variant (a PC set to dark mode), the theme still
	// gives Fyne's light colours.
	for _, n := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameForeground} {
		if th.Color(n, theme.VariantDark) != theme.DefaultTheme().Color(n, theme.VariantLight) {
			t.Errorf("colour %s in dark mode should be Fyne's light one", n)
		}
	}
}
