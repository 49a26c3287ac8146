package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// The XML is written by hand as fixed fragments, not through
// encoding/xml's Marshal: Word rejects children of w:pPr and w:rPr out of
// the schema's sequence, and fragments keep that order visible and pinned
// by the golden files. Every text and attribute value goes through esc.

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// esc is s cleaned of what XML cannot hold and escaped for text and for
// attribute values alike (xml.EscapeText also escapes quotes).
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(clean(s))) // a strings.Builder does not fail
	return b.String()
}

// val is ` w:NAME="V"`.
func val(name string, v int) string {
	return ` w:` + name + `="` + strconv.Itoa(v) + `"`
}

// runStyle is what a run's w:rPr says.
type runStyle struct {
	font    string
	size    int // half-points
	spacing int // twips of character spacing; 0: none
	color   string
}

// style is the run style of role r with the fonts f.
func (f Fonts) style(r role, red bool) runStyle {
	s := runStyle{font: f.Body, size: sizeBody, spacing: gridSpacing}
	switch r {
	case roleTitle:
		// The title has its own 20 characters a line; it is not on the grid.
		s = runStyle{font: f.Title, size: sizeTitle}
	case roleH1:
		s.font = f.Heading1
	case roleH2:
		s.font = f.Heading2
	}
	if red {
		s.color = redMark
	}
	return s
}

// rPr writes w:rPr in the schema's order: rFonts, color, spacing, sz,
// szCs. All four font slots are set: eastAsia for Han text, ascii and
// hAnsi for digits and Latin letters, cs so no slot falls back to the
// theme's fonts.
func (s runStyle) rPr(b *strings.Builder) {
	f := esc(s.font)
	b.WriteString(`<w:rPr><w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:eastAsia="` + f + `" w:cs="` + f + `"/>`)
	if s.color != "" {
		b.WriteString(`<w:color w:val="` + s.color + `"/>`)
	}
	if s.spacing != 0 {
		b.WriteString(`<w:spacing` + val("val", s.spacing) + `/>`)
	}
	b.WriteString(`<w:sz` + val("val", s.size) + `/><w:szCs` + val("val", s.size) + `/></w:rPr>`)
}

// writeRun writes one w:r; "\t" in text becomes w:tab and "\n" w:br.
func writeRun(b *strings.Builder, s runStyle, text string) {
	b.WriteString(`<w:r>`)
	s.rPr(b)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if part != "" {
				b.WriteString(`<w:t xml:space="preserve">` + esc(part) + `</w:t>`)
			}
		}
	}
	b.WriteString(`</w:r>`)
}

// write writes w:ind with both forms of each indent: Word reads the
// *Chars attributes, LibreOffice ignores them and reads the twips.
func (in indent) write(b *strings.Builder) {
	if in == (indent{}) {
		return
	}
	b.WriteString(`<w:ind`)
	for _, a := range []struct {
		name string
		v    span
	}{{"left", in.left}, {"right", in.right}, {"hanging", in.hanging}, {"firstLine", in.firstLine}} {
		if a.v != (span{}) {
			b.WriteString(val(a.name+"Chars", a.v.chars) + val(a.name, a.v.twips))
		}
	}
	b.WriteString(`/>`)
}

// pPrOpts are the paragraph properties besides the indent.
type pPrOpts struct {
	pageBreak bool
	offGrid   bool
	jc        string
	outline   int // level + 1; 0: none
}

// pPr writes w:pPr in the schema's order: pageBreakBefore, widowControl,
// autoSpaceDE, autoSpaceDN, snapToGrid, spacing, ind, jc, outlineLvl, rPr.
// The grid settings are repeated from the Normal style so that a
// paragraph pasted into another document keeps them.
func pPr(b *strings.Builder, o pPrOpts, in indent, mark runStyle) {
	b.WriteString(`<w:pPr>`)
	if o.pageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	b.WriteString(gridFlow)
	if o.offGrid {
		b.WriteString(`<w:snapToGrid w:val="0"/>`)
	}
	b.WriteString(gridLine)
	in.write(b)
	if o.jc != "" {
		b.WriteString(`<w:jc w:val="` + o.jc + `"/>`)
	}
	if o.outline > 0 {
		b.WriteString(`<w:outlineLvl` + val("val", o.outline-1) + `/>`)
	}
	// The paragraph mark's run properties: an empty line is as high, and
	// text typed at its end as large, as the paragraph's own text.
	mark.rPr(b)
	b.WriteString(`</w:pPr>`)
}

// gridFlow and gridLine keep every paragraph on the 22-line grid. Widow
// control off: it would move lines to the next page and leave 21 on this
// one. autoSpaceDE/DN off: Word otherwise adds space between Han
// characters and Latin letters or digits, and a line no longer holds 28.
// (LibreOffice 7.4 ignores both on import and adds about 0.2 em there
// anyway — measured; only lines of pure Han text are exactly 28 in it.)
// Each line exactly one pitch high, no space between paragraphs.
var (
	gridFlow = `<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`
	gridLine = `<w:spacing w:before="0" w:after="0"` + val("line", linePitch) + ` w:lineRule="exact"/>`
	gridPPr  = gridFlow + gridLine
)

// writePara writes one w:p.
func writePara(b *strings.Builder, f Fonts, p para, pageBreak bool) {
	b.WriteString(`<w:p>`)
	mark := f.style(roleBody, false)
	if n := len(p.runs); n > 0 {
		mark = f.style(p.runs[n-1].role, p.runs[n-1].red)
	}
	pPr(b, pPrOpts{pageBreak: pageBreak, offGrid: p.offGrid, jc: p.jc, outline: p.outline}, p.ind, mark)
	for _, r := range p.runs {
		if r.text != "" {
			writeRun(b, f.style(r.role, r.red), r.text)
		}
	}
	b.WriteString("</w:p>\n")
}

// writeTable writes a w:tbl as wide as the 版心 (its width in twips), the
// first column twice the others', single thin borders, each cell one
// centred paragraph on the grid.
func writeTable(b *strings.Builder, f Fonts, t *tableData) {
	n := len(t.header)
	if n == 0 {
		return
	}
	width := pageW - marginLeft - marginRight
	cols := make([]int, n)
	unit := width / (n + 1)
	for i := range cols {
		cols[i] = unit
	}
	cols[0] = width - unit*(n-1)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW` + val("w", width) + ` w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, w := range cols {
		b.WriteString(`<w:gridCol` + val("w", w) + `/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	writeRow(b, f, t.header, cols, roleH1, true)
	for _, r := range t.rows {
		writeRow(b, f, r, cols, roleBody, false)
	}
	b.WriteString("</w:tbl>\n")
}

// writeRow writes a w:tr; the header row repeats on every page a table
// runs onto.
func writeRow(b *strings.Builder, f Fonts, cells []string, cols []int, r role, header bool) {
	b.WriteString(`<w:tr>`)
	if header {
		b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
	}
	for i, w := range cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		b.WriteString(`<w:tc><w:tcPr><w:tcW` + val("w", w) + ` w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		writePara(b, f, para{jc: "center", runs: []run{{role: r, text: oneLine(text)}}}, false)
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}
