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
		checkGridLine(t, i, l, body, i%6 == 0) // six lines a paragraph
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

// TestLibreOfficeBlocks measures where each kind of block lands.
func TestLibreOfficeBlocks(t *testing.T) {
	d := Doc{Title: "版式", Blocks: []Block{
		RedTitle("山东省职业教育集团会议纪要"),
		Blank(),
		Title("关于召开第三次理事会", "会议的通知"),
		Blank(),
		Flush("各成员单位："),
		Para(hanText(60, 0)),
		Heading1("一、会议议定事项"),
		Heading2("（一）关于年度工作报告"),
		Attachment("二〇二六年工作要点", hanText(40, 3)),
		Blank(),
		Labeled("出席", hanText(70, 5)),
		Labeled("请假", "孙八"),
		Signature("山东省职业教育集团秘书处"),
		Date("2026年12月1日"),
	}}
	pdf, lines := layoutPDF(t, "blocks", d)
	body, footer := bodyAndFooter(lines)
	checkPageNumbers(t, pdf, footer, 1)
	find := func(prefix string) int { return findLine(t, body, prefix) }
	checkCentredAndRight(t, body)
	// Where lines start, in points from the 版心's left: 32 for the two
	// characters of indent, then a label's advance on the grid (a
	// full-width character 15.75 pt with the −0.25 pt spacing, a digit 7.75).
	indent2, han, digit := 2*char3, char3-0.25, char3/2-0.25
	checks := []struct {
		prefix string
		x      float64
		runes  int // how many characters the line holds; 0: not checked
	}{
		{"各成员单位", 0, 0}, {"一、会议议定事项", indent2, 0}, {"（一）", indent2, 0},
		{"附件：1．", indent2, 0}, {"2．", indent2 + 3*han, 2 + 21},
		{"出席：", indent2, 3 + 23}, {"请假：", indent2, 0},
	}
	for _, c := range checks {
		checkStart(t, body[find(c.prefix)], c.prefix, c.x, c.runes)
	}
	// Wrapped lines start under the first character after "2．" and
	// "出席：", and hold the rest of the grid's 28.
	checkStart(t, body[find("2．")+1], "附件 2 wrapped", indent2+3*han+digit+han, 0)
	at := find("出席：")
	for i, n := range []int{23, 23, 1} {
		checkStart(t, body[at+1+i], "出席 wrapped", indent2+3*han, n)
	}
}

// findLine is the index of the first line that starts with prefix.
func findLine(t *testing.T, lines []line, prefix string) int {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l.text(), prefix) {
			return i
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return 0
}

// checkCentredAndRight checks TestLibreOfficeBlocks' title lines centred
// in the 版心, and 落款 and 成文日期 ending four characters from its right.
func checkCentredAndRight(t *testing.T, body []line) {
	t.Helper()
	centre := (coreLeft + coreRight) / 2
	for _, s := range []string{"山东省职业教育集团会议纪要", "关于召开", "会议的通知"} {
		l := body[findLine(t, body, s)]
		if !near((l.x+l.xMax)/2, centre, 1) {
			t.Errorf("title %q centred at %.1f pt, want %.1f", s, (l.x+l.xMax)/2, centre)
		}
	}
	for _, s := range []string{"山东省职业教育集团秘书处", "2026年12月1日"} {
		l := body[findLine(t, body, s)]
		if !near(l.xMax, coreRight-4*char3, 1.5) {
			t.Errorf("%q ends at %.1f pt, want %.1f (four characters in from the right)", s, l.xMax, coreRight-4*char3)
		}
	}
}

// checkStart checks that l starts x points in from the 版心's left and,
// unless runes is 0, holds that many characters.
func checkStart(t *testing.T, l line, what string, x float64, runes int) {
	t.Helper()
	if want := coreLeft + x; !near(l.x, want, 1) {
		t.Errorf("%s: line %q starts at %.1f pt, want %.1f (%.2f in)", what, l.text(), l.x, want, x)
	}
	if n := utf8.RuneCountInString(l.text()); runes != 0 && n != runes {
		t.Errorf("%s: line %q holds %d characters, want %d", what, l.text(), n, runes)
	}
}

// TestLibreOfficeSample opens the sample with every block kind and hostile
// text: LibreOffice must read it, and the page break must start a page.
func TestLibreOfficeSample(t *testing.T) {
	pdf, lines := layoutPDF(t, "sample", sampleDoc())
	body, footer := bodyAndFooter(lines)
	checkPageNumbers(t, pdf, footer, body[len(body)-1].page)
	var all strings.Builder
	for i, l := range body {
		all.WriteString(strings.Join(l.words, " "))
		if strings.HasPrefix(l.text(), "第二页的正文") && (i == 0 || body[i-1].page == l.page) {
			t.Errorf("the paragraph after PageBreak is not the first on its page")
		}
	}
	for _, want := range []string{"<A&B>", "一、会议时间：2026", "出席：张三"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the PDF has no %q", want)
		}
	}
}
