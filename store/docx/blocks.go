package docx

import (
	"strconv"
	"strings"
)

// A Block is one piece of a document: a title, a paragraph, a label with
// names. Make one with the functions below.
type Block interface {
	paras() []para
}

// role is what a run is: it picks the font, the size and whether the run
// sits on the 28-character grid.
type role uint8

const (
	roleBody role = iota
	roleTitle
	roleH1
	roleH2
)

// run is text in one role. Its text may hold "\t" (a tab) and "\n" (a line
// break inside the paragraph).
type run struct {
	role role
	red  bool
	text string
}

// indent is a paragraph's indents; the zero span is none.
type indent struct {
	left, right, hanging, firstLine span
}

// para is one paragraph before it becomes XML.
type para struct {
	runs    []run
	jc      string // "" (justified, the style's), "center", "right"
	ind     indent
	outline int // outline level + 1 (the navigation pane); 0: body text

	// offGrid: the line is not snapped to the grid. A 2号 line is taller
	// than the grid's pitch in its font's metrics, and LibreOffice would
	// give it two grid lines; with the exact line height it still takes
	// one pitch, so the lines below stay on the grid.
	offGrid bool

	// pageBreak marks the PageBreak block: no paragraph of its own, the
	// next paragraph starts a page.
	pageBreak bool

	// table, when set, makes this "paragraph" a table (the Table block).
	table *tableData
}

// tableData is a simple table: a header row and rows of text.
type tableData struct {
	header []string
	rows   [][]string
}

// Table is a table as wide as the 版心 with thin borders: the header row in
// 黑体, the cells in the body font, centred, the first column twice as
// wide as the others. Rows longer than the header are cut to it.
func Table(header []string, rows [][]string) Block {
	return block{{table: &tableData{header: header, rows: rows}}}
}

// block is the one Block implementation: its paragraphs, made up front.
type block []para

func (b block) paras() []para { return b }

// Title is the document title: 2号小标宋, centred, one paragraph per line
// (a long title is broken by the caller into a trapezoid or diamond).
func Title(lines ...string) Block { return title(false, lines) }

// RedTitle is Title in red, for the 纪要 mark ("XXXXX纪要", §10.3).
func RedTitle(lines ...string) Block { return title(true, lines) }

func title(red bool, lines []string) Block {
	var b block
	for _, l := range lines {
		b = append(b, para{jc: "center", offGrid: true, runs: []run{{role: roleTitle, red: red, text: oneLine(l)}}})
	}
	return b
}

// Blank is one empty line of the grid.
func Blank() Block { return block{{}} }

// Flush is a line of body text without indent, such as the 主送 line
// "各成员单位：".
func Flush(text string) Block {
	return block{{runs: []run{{role: roleBody, text: oneLine(text)}}}}
}

// Para is body text, each line of text one paragraph with its first line
// indented two characters. Empty lines are left out (a document has no
// blank lines between paragraphs), and so are the spaces a clerk typed to
// indent, since the indent is the paragraph's.
func Para(text string) Block {
	var b block
	for _, l := range paraLines(text) {
		b = append(b, bodyPara(run{role: roleBody, text: l}))
	}
	return b
}

// Heading1 is a first-level heading ("一、…") in 黑体, indented two characters.
func Heading1(text string) Block {
	p := bodyPara(run{role: roleH1, text: oneLine(text)})
	p.outline = 1
	return block{p}
}

// Heading2 is a second-level heading ("（一）…") in 楷体, indented two characters.
func Heading2(text string) Block {
	p := bodyPara(run{role: roleH2, text: oneLine(text)})
	p.outline = 2
	return block{p}
}

// LeadPara is a body paragraph that starts with a lead in 黑体
// ("一、会议时间："). Further lines of text are paragraphs of their own.
func LeadPara(lead, text string) Block {
	lines := paraLines(text)
	first := ""
	if len(lines) > 0 {
		first, lines = lines[0], lines[1:]
	}
	p := bodyPara(run{role: roleH1, text: oneLine(lead)}, run{role: roleBody, text: first})
	b := block{p}
	for _, l := range lines {
		b = append(b, bodyPara(run{role: roleBody, text: l}))
	}
	return b
}

// Labeled is a 纪要 line such as 出席 (§10.3): the label in 黑体 two
// characters in, a full-width colon, then the units and names in 仿宋,
// wrapped lines starting under the first character after the colon. A
// "\n" in text starts a new line at that place too.
func Labeled(label, text string) Block {
	label = strings.TrimRight(strings.TrimSpace(oneLine(label)), ":：") + "："
	w := textSpan(label)
	return block{{
		ind:  indent{left: twoChars.plus(w), hanging: w},
		runs: []run{{role: roleH1, text: label}, {role: roleBody, text: lineBreaks(text)}},
	}}
}

// Centered is a line of body text centred, such as a bulletin's 期号.
func Centered(text string) Block {
	return block{{jc: "center", runs: []run{{role: roleBody, text: oneLine(text)}}}}
}

// Signature is the 落款 (issuing office), one paragraph per line,
// right-aligned four characters in from the right.
func Signature(lines ...string) Block {
	var b block
	for _, l := range lines {
		b = append(b, rightPara(l))
	}
	return b
}

// Date is the 成文日期 ("2026年12月1日", see DateText), right-aligned four
// characters in from the right.
func Date(d string) Block { return block{rightPara(d)} }

// Attachment is the 附件 note (§7.3.6): "附件：" two characters in, then the
// names. Several are numbered "1．", "2．", each on its line under the
// first; a wrapped name starts under its own first character.
func Attachment(items ...string) Block {
	const label = "附件："
	if len(items) == 1 {
		w := textSpan(label)
		return block{{
			ind:  indent{left: twoChars.plus(w), hanging: w},
			runs: []run{{role: roleBody, text: label + oneLine(items[0])}},
		}}
	}
	var b block
	for i, it := range items {
		num := strconv.Itoa(i+1) + "．"
		// Each item's number starts under the first one's; its wrapped
		// lines start after its own number.
		text, hang := num+oneLine(it), textSpan(num)
		if i == 0 {
			text, hang = label+text, hang.plus(textSpan(label))
		}
		b = append(b, para{
			ind:  indent{left: twoChars.plus(textSpan(label + num)), hanging: hang},
			runs: []run{{role: roleBody, text: text}},
		})
	}
	return b
}

// PageBreak starts a new page with the next block.
func PageBreak() Block { return block{{pageBreak: true}} }

func bodyPara(runs ...run) para {
	return para{ind: indent{firstLine: twoChars}, runs: runs}
}

func rightPara(text string) para {
	return para{jc: "right", ind: indent{right: fourChars}, runs: []run{{role: roleBody, text: oneLine(text)}}}
}
