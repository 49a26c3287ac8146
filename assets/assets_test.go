package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
}

func TestFont(t *testing.T) {
	// A TrueType file starts with the sfnt version 0x00010000.
	if b := Font.Content(); len(b) < 1<<20 || !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) {
		t.Errorf("Font is not the bundled TrueType font (%d bytes)", len(b))
	}
}
