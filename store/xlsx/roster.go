package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// RosterSheet is the sheet name of the printed 名单.
const RosterSheet = "名单"

// The notes printed after a position where the order is stroke order: the
// same words the seed's rosters use, with the rule spelled out.
const (
	StrokeNote     = "（排名不分先后，按姓氏笔画排序）"
	UnitStrokeNote = "（排名不分先后，按单位名称笔画排序）"
)

// RosterExport is what the roster exports print: a body as of a day.
type RosterExport struct {
	GroupName string
	// Roster is store.BuildRoster(body, asOf, dir).
	Roster store.Roster
	// Positions is the position list in force (store.PositionsOf). When
	// given, sections print in its order, then any others as the roster
	// has them; the roster built with the same list is already in order.
	Positions []string
	// MaskPhones hides the middle of phone numbers in the plain table.
	MaskPhones bool
}

// rosterWidths are the 名单's columns: position label, 姓名, 单位及职务.
// On A4 portrait the third column holds 25 characters of 小四 a line, a
// little more than the seed's own lines; the label column widens for a
// long position name.
var rosterWidths = []float64{15, 10, 60}

// ExportRoster writes the print-ready 名单 of a body in the seed's layout:
// a title, the term, then each position with its holders, one per row, 姓名
// beside 单位及职务. It is a document, not a table: no borders, no grid.
func ExportRoster(path string, r RosterExport) error {
	return exportBook(path, "名单", func(f *excelize.File) error { return writeRoster(f, &r) })
}

// RosterTitle is "<集团名称><机构名称>名单". A body whose name already
// begins with the group's name (临淄区职业教育联盟理事会) is not given it
// twice.
func RosterTitle(group string, b *store.Body) string {
	g, name := groupName(group), ""
	if b != nil {
		name = store.CleanText(b.Name)
	}
	if strings.HasPrefix(name, g) {
		return name + "名单"
	}
	return g + name + "名单"
}

// TermLine is the line under the title: the term and the day the roster
// stands on, e.g. "第二届（2024年1月1日起）　截至2025年3月1日".
func TermLine(r *store.Roster) string {
	asOf := "截至" + r.AsOf.Chinese()
	if r.Term == nil {
		return asOf
	}
	return r.Term.Span() + "\u3000" + asOf
}

// PadName spaces a two-character Chinese name with an ideographic space
// (王林 → 王　林), so that names line up with three-character ones as on
// the seed's rosters. One U+3000 is exactly one character wide in any
// Chinese font, where two ASCII spaces are only in some; and it reads back
// as the plain name, since store.CleanName drops a space between two
// Chinese characters.
func PadName(name string) string {
	r := []rune(name)
	if len(r) == 2 && unicode.Is(unicode.Han, r[0]) && unicode.Is(unicode.Han, r[1]) {
		return string(r[0]) + "\u3000" + string(r[1])
	}
	return name
}

// padLabel spreads a position name to width characters with ideographic
// spaces between its characters (理事长 → 理　事　长 beside 名誉理事长), as
// the seed aligns its labels. It pads only when the spaces share out
// evenly: 副理事长 is left as it is rather than spaced unevenly.
func padLabel(label string, width int) string {
	r := []rune(label)
	gaps, spaces := len(r)-1, width-len(r)
	if gaps < 1 || spaces <= 0 || spaces%gaps != 0 {
		return label
	}
	var b strings.Builder
	for i, c := range r {
		if i > 0 {
			b.WriteString(strings.Repeat("\u3000", spaces/gaps))
		}
		b.WriteRune(c)
	}
	return b.String()
}

// UnitAndTitle is the 单位及职务 text: the unit followed by the title
// (淄博市工业学校 + 党委副书记、副校长). A title the clerk typed with the
// unit already in it is not given the unit twice.
func UnitAndTitle(l store.RosterLine) string {
	if strings.HasPrefix(l.Title, l.Unit) {
		return l.Title
	}
	return l.Unit + l.Title
}

// sectionNote is the note a section prints, or "": only where stroke
// order is used, and only for more than one holder (one name has no order
// to explain — the seed's 理事长 has none).
func sectionNote(r *store.Roster, s store.RosterSection) string {
	if !r.ByStrokes() || len(s.Lines) < 2 {
		return ""
	}
	for _, l := range s.Lines {
		if !l.IsUnit {
			return StrokeNote
		}
	}
	return UnitStrokeNote
}

// sections are the roster's sections in the order of positions, if given.
func (r *RosterExport) sections() []store.RosterSection {
	out := slices.Clone(r.Roster.Sections)
	if len(r.Positions) == 0 {
		return out
	}
	rank := func(p string) int {
		if i := slices.Index(r.Positions, p); i >= 0 {
			return i
		}
		return len(r.Positions)
	}
	slices.SortStableFunc(out, func(a, b store.RosterSection) int { return rank(a.Position) - rank(b.Position) })
	return out
}

// labelWidth is the width labels are padded to: the longest position in
// use, up to five characters (名誉理事长); longer ones are left alone.
func labelWidth(secs []store.RosterSection) int {
	w := 0
	for _, s := range secs {
		if n := len([]rune(s.Position)); n <= 5 {
			w = max(w, n)
		}
	}
	return w
}

// rosterStyles are the 名单's cell styles: no borders, text aligned to the
// top so a name stays level with the first line of a wrapped unit.
type rosterStyles struct {
	title, term, label, name, unit, note int
	nameGuard, unitGuard                 int // text-formatted, see textCell
}

func newRosterStyles(f *excelize.File) (*rosterStyles, error) {
	top := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: wrap}
	}
	body := font(fontBody, rosterPt, false)
	st := &rosterStyles{}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(fontTitle, 18, false), Alignment: align("center", true)}},
		{&st.term, excelize.Style{Font: body, Alignment: align("center", true)}},
		{&st.label, excelize.Style{Font: font(fontTitle, rosterPt, false), Alignment: top("left", true)}},
		{&st.name, excelize.Style{Font: body, Alignment: top("left", false)}},
		{&st.unit, excelize.Style{Font: body, Alignment: top("left", true)}},
		{&st.note, excelize.Style{Font: body, Alignment: top("left", true)}},
		{&st.nameGuard, excelize.Style{Font: body, Alignment: top("left", false), NumFmt: numFmtText}},
		{&st.unitGuard, excelize.Style{Font: body, Alignment: top("left", true), NumFmt: numFmtText}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return st, nil
}

// guardedCell is a text cell in style plain, or in guard for text that
// looks like a formula (see NeedsGuard and textCell).
func guardedCell(s string, plain, guard int) excelize.Cell {
	if NeedsGuard(s) {
		return excelize.Cell{StyleID: guard, Value: s}
	}
	return excelize.Cell{StyleID: plain, Value: s}
}

func writeRoster(f *excelize.File, r *RosterExport) error {
	sheet := RosterSheet
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	if err := printSetup(f, sheet, portrait, "$1:$2"); err != nil {
		return err
	}
	// The printout shows no grid anyway; hiding it on screen too makes the
	// sheet look like the document it is.
	no := false
	if err := f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: &no}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	secs := r.sections()
	rw := &rosterWriter{sw: sw, st: st, row: 1}
	rw.widths(secs)
	title := RosterTitle(r.GroupName, r.Roster.Body)
	rw.merged(title, st.title, wrapHeight(18, []string{title}, []float64{sum(rw.colWidths)})+8)
	rw.merged(TermLine(&r.Roster), st.term, 24)
	rw.row++ // a blank line before the first position
	width := labelWidth(secs)
	for _, s := range secs {
		rw.section(s, padLabel(s.Position, width), sectionNote(&r.Roster, s))
	}
	if len(secs) == 0 {
		rw.merged("（无任职人员）", st.note, 20)
	}
	if rw.err != nil {
		return rw.err
	}
	return sw.Flush()
}

// rosterPt is the 名单's text size: 小四, as printed rosters use.
const rosterPt = 12

// rosterWriter streams the 名单 row by row.
type rosterWriter struct {
	sw        *excelize.StreamWriter
	st        *rosterStyles
	colWidths []float64
	row       int
	err       error // the first error; later calls do nothing
}

// widths sets the column widths; the label column grows for a long
// position name, so that it stays on one line where it can.
func (w *rosterWriter) widths(secs []store.RosterSection) {
	ws := slices.Clone(rosterWidths)
	for _, s := range secs {
		ws[0] = min(max(ws[0], float64(len([]rune(s.Position))+1)*2.3+1), 26)
	}
	w.colWidths = ws
	// From the last column back: see streamHead.
	for i := len(ws) - 1; i >= 0 && w.err == nil; i-- {
		w.err = w.sw.SetColWidth(i+1, i+1, ws[i])
	}
}

// merged writes text across the three columns of one row.
func (w *rosterWriter) merged(text string, style int, height float64) {
	if w.err != nil {
		return
	}
	a, c := fmt.Sprintf("A%d", w.row), fmt.Sprintf("C%d", w.row)
	if w.err = w.sw.MergeCell(a, c); w.err == nil {
		w.err = w.sw.SetRow(a, []any{excelize.Cell{StyleID: style, Value: text}}, excelize.RowOpts{Height: height})
	}
	w.row++
}

// section writes one position. Without a note the label stands beside the
// first holder (理事长：张成刚 …); with one it takes a row of its own, as
// the seed prints 副理事长（排名不分先后）： above its long list.
func (w *rosterWriter) section(s store.RosterSection, label, note string) {
	label += note + "："
	if note != "" {
		w.merged(label, w.st.label, wrapHeight(rosterPt, []string{label}, []float64{sum(w.colWidths)}))
		label = ""
	}
	for _, l := range s.Lines {
		if w.err != nil {
			return
		}
		name, unit := PadName(l.Name), PrintText(UnitAndTitle(l))
		row := []any{excelize.Cell{StyleID: w.st.label, Value: label},
			guardedCell(name, w.st.name, w.st.nameGuard), guardedCell(unit, w.st.unit, w.st.unitGuard)}
		h := wrapHeight(rosterPt, []string{label, name, unit}, w.colWidths)
		w.err = w.sw.SetRow(fmt.Sprintf("A%d", w.row), row, excelize.RowOpts{Height: h})
		w.row++
		label = "" // only beside the first holder
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// fullWidthPunct maps the ASCII punctuation store.CleanText leaves in
// Chinese text (NFKC turns ，（）：； into , ( ) : ;) back to the
// full-width forms a printed Chinese document uses.
var fullWidthPunct = map[rune]rune{',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '?': '？', '!': '！'}

// PrintText restores full-width punctuation next to Chinese characters,
// for the printed documents: "统战部部长,区委" → "统战部部长，区委",
// "副校长(主持工作)" → "副校长（主持工作）". Punctuation between Latin
// letters or digits ("BASF (China)") is left as it is.
func PrintText(s string) string {
	r := []rune(s)
	chinese := func(i int) bool {
		return i >= 0 && i < len(r) && (unicode.Is(unicode.Han, r[i]) || r[i] > 0x3000 && r[i] < 0x303F || r[i] > 0xFF00)
	}
	changed := false
	for i, c := range r {
		if fw, ok := fullWidthPunct[c]; ok && (chinese(i-1) || chinese(i+1)) {
			r[i], changed = fw, true
		}
	}
	if !changed {
		return s
	}
	return string(r)
}

// wrapHeight is the height in points of a row whose cells wrap at the
// given column widths, for text of size pt. Rows get a height rather than
// being left to the program that opens the file: LibreOffice, for one,
// does not fit rows to wrapped text when it opens such a file, and a long
// 单位及职务 then prints cut to one line. The measure is Excel's: a width
// unit is 7 pixels (Calibri's digit), plus about 5 of padding; a Chinese
// character is pt·4/3 pixels in 宋体, Latin text half that. The margin
// errs towards a line too many, which costs only a little white space.
func wrapHeight(pt float64, cells []string, widths []float64) float64 {
	lines := 1
	for i, s := range cells {
		if i >= len(widths) || s == "" {
			continue
		}
		px := 0.0
		for _, r := range s {
			if r >= 0x2E80 {
				px += pt * 4 / 3
			} else {
				px += pt * 2 / 3
			}
		}
		lines = max(lines, int(px/(widths[i]*7-6))+1)
	}
	return float64(lines)*pt*1.4 + 4
}
