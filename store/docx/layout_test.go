package docx

// The layout as LibreOffice lays it out, measured in the PDF it makes.
// The expected places come from the standard in millimetres, not from
// this package's constants, so a wrong constant fails here too.

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func mm(v float64) float64 { return v * 72 / 25.4 }

// The 版心 (GB/T 9704 §5.2.1) in points from the page's top left, and the
// sizes the tests measure with.
var (
	coreLeft   = mm(28)
	coreRight  = mm(28 + 156)
	coreTop    = mm(37)
	coreBottom = mm(37 + 225)
	gridPitch  = mm(225) / 22 // 22 lines
	char3      = 16.0         // a 3号 character, pt
	char4      = 14.0         // a 4号 character
)

// line is the words of one text line of a page.
type line struct {
	page             int
	x, y, xMax, yMax float64
	words            []string
}

func (l line) text() string { return strings.Join(l.words, "") }

// textLines groups words into lines: same page, tops within 4 pt (a
// heading's 黑体 and the body's 仿宋 have slightly different boxes).
func textLines(words []word) []line {
	var out []line
	for _, w := range words {
		if n := len(out); n > 0 && out[n-1].page == w.page && math.Abs(out[n-1].y-w.y) < 4 {
			l := &out[n-1]
			l.x, l.xMax = math.Min(l.x, w.x), math.Max(l.xMax, w.xMax)
			l.words = append(l.words, w.text)
			continue
		}
		out = append(out, line{page: w.page, x: w.x, y: w.y, xMax: w.xMax, yMax: w.yMax, words: []string{w.text}})
	}
	return out
}

// bodyAndFooter splits lines at the 版心's bottom edge.
func bodyAndFooter(lines []line) (body, footer []line) {
	for _, l := range lines {
		if l.y > coreBottom {
			footer = append(footer, l)
		} else {
			body = append(body, l)
		}
	}
	return body, footer
}

// hanText is n Han characters without punctuation, so that every full
// line holds exactly the grid's 28 (punctuation may hang past the edge).
func hanText(n, start int) string {
	const han = "集团秘书处召开理事会议审定年度工作要点成员单位职业院校企业行业协会共同推进产教融合校企合作人才培养专业建设课程改革实训基地师资队伍"
	rs := []rune(han)
	var b strings.Builder
	for i := range n {
		b.WriteRune(rs[(start+i)%len(rs)])
	}
	return b.String()
}

// layoutPDF writes d, converts it and returns the PDF and its lines.
func layoutPDF(t *testing.T, name string, d Doc) (string, []line) {
	t.Helper()
	needLibreOffice(t)
	docx := filepath.Join(t.TempDir(), name+".docx")
	if err := WriteFile(docx, d); err != nil {
		t.Fatal(err)
	}
	pdf := convertPDF(t, docx)
	renderPNG(t, pdf, name)
	return pdf, textLines(pdfWords(t, pdf))
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// TestLibreOfficeGrid: 10 paragraphs of 150 Han characters are 60 lines
// of 26 (the first, indented two), 28, 28, 28, 28 and 12 characters: two
// full pages of 22 lines and 16 on the third.
func TestLibreOfficeGrid(t *testing.T) {
	var d Doc
	var want []int
	for i := range 10 {
		d.Blocks = append(d.Blocks, Para(hanText(150, i*7)))
		want = append(want, 26, 28, 28, 28, 28, 12)
	}
	pdf, lines := layoutPDF(t, "grid", d)
	body, footer := bodyAndFooter(lines)
	var counts []int
	perPage := map[int]int{}
	for i, l := range body {
		counts = append(counts, utf8.RuneCountInString(l.text()))
		perPage[l.page]++
		checkGridLine(t, i, l, body, counts[i] == 26)
	}
	t.Logf("lines per page %v, characters per line %v", perPage, counts[:6])
	if perPage[1] != 22 || perPage[2] != 22 || perPage[3] != 16 || len(perPage) != 3 {
		t.Errorf("lines per page %v, want 22, 22, 16", perPage)
	}
	if !slices.Equal(counts, want) {
		t.Errorf("characters per line\n got %v\nwant %v", counts, want)
	}
	checkPageNumbers(t, pdf, footer, 3)
}

// checkGridLine checks line i's place: on the grid's pitch, inside the
// 版心, starting two characters in if it is a paragraph's first line.
func checkGridLine(t *testing.T, i int, l line, body []line, first bool) {
	t.Helper()
	wantX := coreLeft
	if first {
		wantX += 2 * char3
	}
	if !near(l.x, wantX, 1) {
		t.Errorf("line %d starts at %.1f pt, want %.1f", i, l.x, wantX)
	}
	if l.xMax > coreRight+0.5 || l.y < coreTop || l.yMax > coreBottom {
		t.Errorf("line %d (%.1f,%.1f)–(%.1f,%.1f) is outside the 版心", i, l.x, l.y, l.xMax, l.yMax)
	}
	if i > 0 && body[i-1].page == l.page && !near(l.y-body[i-1].y, gridPitch, 0.2) {
		t.Errorf("line %d is %.2f pt below the one before, want %.2f", i, l.y-body[i-1].y, gridPitch)
	}
}

// checkPageNumbers: "— N —" below the 版心 of each page, one 4号 character
// in from the right on odd pages and from the left on even pages, its
// 一字线 7 mm below the 版心 (§7.5).
func checkPageNumbers(t *testing.T, pdf string, footer []line, pages int) {
	t.Helper()
	if len(footer) != pages {
		t.Fatalf("%d footer lines, want one on each of %d pages", len(footer), pages)
	}
	for i, f := range footer {
		n := i + 1
		if got, want := strings.Join(f.words, " "), "— "+string(rune('0'+n))+" —"; f.page != n || got != want {
			t.Errorf("page %d footer %q, want %q", f.page, got, want)
		}
		side, got, want := "right", f.xMax, coreRight-char4
		if n%2 == 0 {
			side, got, want = "left", f.x, coreLeft+char4
		}
		if !near(got, want, 1.5) {
			t.Errorf("page %d: number's %s edge at %.1f pt, want %.1f (one character in)", n, side, got, want)
		}
		// The first word is the left 一字线.
		top, _ := inkRows(t, pdf, n, f.x, coreBottom, f.x+char4, coreBottom+mm(20))
		below := (top - coreBottom) * 25.4 / 72
		t.Logf("page %d: number %q at x %.1f–%.1f pt (%s), 一字线 %.2f mm below the 版心", n, strings.Join(f.words, " "), f.x, f.xMax, side, below)
		if !near(below, 7, 1) {
			t.Errorf("page %d: 一字线 %.2f mm below the 版心, want 7 ± 1", n, below)
		}
	}
}
