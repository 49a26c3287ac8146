package docx

// LibreOffice helpers for the layout tests: convert a .docx to PDF and
// read the words back with their boxes. They live in a test file so that
// other tests of this package (a meeting's 纪要) can use them, and nothing
// of them ships. Without soffice and pdftotext the tests that use them are
// skipped; .ci/run installs both.

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const loInstall = "Debian: .ci/apt-need libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp"

// needLibreOffice skips t unless soffice, its Writer and the poppler
// tools are here.
func needLibreOffice(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"soffice", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("LibreOffice (soffice) not installed: %s not on PATH (%s)", tool, loInstall)
		}
	}
	// Calc alone (libreoffice-calc-nogui) has soffice too, which then
	// says "source file could not be loaded" for every .docx. Where
	// soffice leads to LibreOffice's program folder, Writer's library
	// must be in it.
	exe, _ := exec.LookPath("soffice")
	if real, err := filepath.EvalSymlinks(exe); err == nil && !writerIn(filepath.Dir(real)) {
		t.Skipf("LibreOffice (soffice) not installed: soffice has no Writer (%s)", loInstall)
	}
}

// writerIn reports whether the folder dir holds Writer, or is not a
// LibreOffice program folder at all (a wrapper script elsewhere).
func writerIn(dir string) bool {
	exists := func(name string) bool { _, err := os.Stat(filepath.Join(dir, name)); return err == nil }
	return !exists("soffice.bin") || exists("libswlo.so")
}

// fontAliases maps the office font names to fonts Debian has. There is no
// free simplified 仿宋 or 小标宋; Han glyphs are one em in every CJK font,
// so line and character counts compare across substitutes. fontconfig
// takes the first of each list that is installed.
var fontAliases = []struct {
	names []string
	use   []string
}{
	{[]string{"仿宋_GB2312", "仿宋", "FangSong"}, []string{"Noto Serif CJK SC", "AR PL SungtiL GB"}},
	{[]string{"方正小标宋简体", "小标宋"}, []string{"Noto Serif CJK SC", "AR PL SungtiL GB"}},
	{[]string{"黑体", "SimHei"}, []string{"Noto Sans CJK SC"}},
	{[]string{"楷体_GB2312", "楷体", "KaiTi"}, []string{"AR PL KaitiM GB", "AR PL UKai CN", "Noto Serif CJK SC"}},
	{[]string{"宋体", "SimSun"}, []string{"AR PL SungtiL GB", "Noto Serif CJK SC"}},
}

// writeFontConfig writes a fontconfig file: the system's, plus the aliases.
func writeFontConfig(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n")
	b.WriteString("  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n")
	for _, a := range fontAliases {
		var prefer strings.Builder
		for _, u := range a.use {
			prefer.WriteString("<family>" + u + "</family>")
		}
		for _, n := range a.names {
			// strong: LibreOffice's own fallback must not win over the alias.
			fmt.Fprintf(&b, "  <alias binding=\"strong\"><family>%s</family><prefer>%s</prefer></alias>\n", n, prefer.String())
		}
	}
	b.WriteString("</fontconfig>\n")
	path := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// convertPDF converts docxPath with LibreOffice into a PDF beside it and
// returns the PDF's path. Each call has its own LibreOffice profile, so
// calls never share a running instance or settings from this PC.
func convertPDF(t *testing.T, docxPath string) string {
	t.Helper()
	needLibreOffice(t)
	tmp := t.TempDir()
	outDir := filepath.Dir(docxPath)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "soffice", "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(tmp, "lo")),
		"--convert-to", "pdf", "--outdir", outDir, docxPath)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+writeFontConfig(t, tmp), "HOME="+tmp)
	out, err := cmd.CombinedOutput()
	pdf := strings.TrimSuffix(docxPath, filepath.Ext(docxPath)) + ".pdf"
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	if _, err := os.Stat(pdf); err != nil {
		// soffice says "source file could not be loaded" and exits 0 when
		// the Writer module is missing or the file is refused.
		t.Fatalf("soffice made no PDF: %v\n%s", err, out)
	}
	return pdf
}

// word is one word of a PDF as pdftotext -bbox reports it: page from 1,
// the box in points from the page's top left.
type word struct {
	page             int
	x, y, xMax, yMax float64
	text             string
}

// pdfWords reads the words of pdf with their boxes, and the page sizes.
func pdfWords(t *testing.T, pdf string) []word {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	words, err := parseBBox(out)
	if err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	return words
}

// parseBBox reads pdftotext's XHTML: <page> elements holding <word xMin
// yMin xMax yMax>text</word>.
func parseBBox(data []byte) ([]word, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var words []word
	page := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return words, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			page++
		case "word":
			w := word{page: page}
			for _, a := range se.Attr {
				v, _ := strconv.ParseFloat(a.Value, 64)
				switch a.Name.Local {
				case "xMin":
					w.x = v
				case "yMin":
					w.y = v
				case "xMax":
					w.xMax = v
				case "yMax":
					w.yMax = v
				}
			}
			var text string
			if err := d.DecodeElement(&text, &se); err != nil {
				return nil, err
			}
			w.text = text
			words = append(words, w)
		}
	}
}

// renderPNG writes the pages of pdf as PNGs at 60 dpi into the folder
// named by $DOCX_LOOK, for a person to look at; nothing without it.
func renderPNG(t *testing.T, pdf, name string) {
	t.Helper()
	dir := os.Getenv("DOCX_LOOK")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", pdf, filepath.Join(dir, name)).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
}

// inkRows renders the box (points from the top left) of one page of pdf
// at 300 dpi and returns the top and bottom of its dark pixels, in points
// from the page's top. For what pdftotext's boxes do not say: where a
// glyph's ink is (the 一字线 of a page number), not its font's line box.
func inkRows(t *testing.T, pdf string, page int, x0, y0, x1, y1 float64) (top, bottom float64) {
	t.Helper()
	const dpi = 300
	px := func(pt float64) int { return int(pt * dpi / 72) }
	arg := func(pt float64) string { return strconv.Itoa(px(pt)) }
	prefix := filepath.Join(t.TempDir(), "ink")
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", p, "-l", p, "-singlefile",
		"-x", arg(x0), "-y", arg(y0), "-W", arg(x1-x0), "-H", arg(y1-y0), pdf, prefix).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	data, err := os.ReadFile(prefix + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	w, h, maxVal, pix, err := parsePGM(data)
	if err != nil {
		t.Fatal(err)
	}
	first, last := -1, -1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if int(pix[y*w+x]) < maxVal/2 {
				if first < 0 {
					first = y
				}
				last = y
				break
			}
		}
	}
	if first < 0 {
		t.Fatalf("page %d: no ink in (%.1f,%.1f)–(%.1f,%.1f)", page, x0, y0, x1, y1)
	}
	toPt := func(row int) float64 { return float64(px(y0)+row) * 72 / dpi }
	return toPt(first), toPt(last + 1)
}

// parsePGM reads a binary 8-bit PGM (P5), as pdftoppm -gray writes it:
// four whitespace-separated header fields, one whitespace byte, pixels.
func parsePGM(data []byte) (w, h, maxVal int, pix []byte, err error) {
	var fields [4]int
	rest := data
	for i := range fields {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		end := bytes.IndexAny(rest, " \t\r\n")
		if end < 0 {
			return 0, 0, 0, nil, errors.New("not a PGM: short header")
		}
		tok := string(rest[:end])
		if i == 0 {
			if tok != "P5" {
				return 0, 0, 0, nil, fmt.Errorf("not a binary PGM: %q", tok)
			}
		} else if fields[i], err = strconv.Atoi(tok); err != nil {
			return 0, 0, 0, nil, fmt.Errorf("PGM header: %w", err)
		}
		rest = rest[end:]
	}
	w, h, maxVal, pix = fields[1], fields[2], fields[3], rest[1:]
	if maxVal == 0 || maxVal > 255 || len(pix) < w*h {
		return 0, 0, 0, nil, fmt.Errorf("PGM: %d×%d max %d with %d bytes", w, h, maxVal, len(pix))
	}
	return w, h, maxVal, pix, nil
}
