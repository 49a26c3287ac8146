package docx

// The GB/T 9704-2012 page, in twips (1/20 pt) unless said otherwise.
// Where a value is derived or measured rather than the standard's words,
// the comment says so.
const (
	pageW = 11906 // A4, 210 mm
	pageH = 16838 // 297 mm

	marginTop    = 2098 // 37 mm (standard)
	marginLeft   = 1587 // 28 mm (standard)
	marginRight  = 1474 // 26 mm: 210 − 28 − 156 (版心 width)
	marginBottom = 1984 // 35 mm: 297 − 37 − 225 (版心 height)
	headerDist   = 851  // 15 mm; there is no header, Word wants a value
	// footerDist is 24.5 mm, for the page number's 一字线 7 mm below the
	// 版心 (§7.5). Where it lands depends on the 宋体 the PC has: with AR PL
	// SungtiL GB standing in, LibreOffice puts the dash's top 7.8 mm below
	// (TestLibreOfficeGrid logs it).
	footerDist = 1389

	// linePitch is 225 mm / 22 lines. Every paragraph has exactly this
	// line height, and the section's grid the same pitch.
	linePitch = 579

	// charTwips is one 3号 character (16 pt): the unit that turns the
	// *Chars indents (hundredths of a character) into twips.
	charTwips = 320

	// gridSpacing is the character spacing of 3号 runs. 28 characters of
	// 16 pt are 8960 twips, more than the 版心's 8845; −0.25 pt each makes
	// them fit in LibreOffice. (Word's usual linesAndChars grid with
	// charSpace gives 14–18 characters a line there.)
	gridSpacing = -5

	pageNumIndent = 280 // one 4号 character: page numbers sit one character in
)

// Font sizes in half-points (w:sz).
const (
	sizeBody    = 32 // 3号, 16 pt
	sizeTitle   = 44 // 2号, 22 pt
	sizePageNum = 28 // 4号, 14 pt
)

// span is a length in both of OOXML's indent units: hundredths of a
// character (w:firstLineChars; Word reads these) and twips (w:firstLine;
// LibreOffice reads only these).
type span struct{ chars, twips int }

func (a span) plus(b span) span { return span{a.chars + b.chars, a.twips + b.twips} }

// chars is n hundredths of a character of indent, at 320 twips a
// character as Word counts for a 16 pt font.
func chars(n int) span { return span{n, n * charTwips / 100} }

// textSpan is the room s takes in a 3号 run on the grid: its advance in
// twips with the grid's spacing (315 a full-width character, 155 a
// half-width one), and the same length in Word's character units of 320
// twips. Hanging indents use it, so that wrapped lines start exactly under
// the first character after a label in both programs. Whole characters
// (320 each) would put them 15 twips to the right of it, and a wrapped
// line would then hold 22 characters, not 23, in LibreOffice (measured).
func textSpan(s string) span {
	twips := 0
	for _, r := range s {
		twips += runeWidth(r)*charTwips/100 + gridSpacing
	}
	return span{(twips*100 + charTwips/2) / charTwips, twips}
}

var (
	twoChars  = chars(200) // body first lines, headings, labels
	fourChars = chars(400) // 落款 and 成文日期 from the right
)

// redMark is the colour of the 纪要 mark (§10.3 recommends red).
const redMark = "FF0000"
