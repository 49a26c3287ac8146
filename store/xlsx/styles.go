package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// Fonts of the printed sheets. 黑体 and 宋体 are on every Chinese Windows
// and WPS installation, unlike 方正小标宋 which official documents ask
// for in titles but ordinary office PCs often lack.
const (
	fontTitle = "黑体"
	fontBody  = "宋体"
	// bodyPt is the size of body text, which row heights are computed for.
	bodyPt = 11
	// charsetGB2312 tells Excel and WPS the fonts are Chinese ones, so a
	// PC that lacks them substitutes a Chinese font, not a Latin one.
	charsetGB2312 = 134
)

// Paper and page-setup values, as the OOXML standard numbers them.
const (
	paperA4     = 9
	landscape   = "landscape"
	portrait    = "portrait"
	footerPages = "&C第 &P 页，共 &N 页"
	printTitles = "_xlnm.Print_Titles"
)

// Number formats.
const (
	numFmtText = 49 // "@": what the clerk types is kept as text
	fmtDate    = `yyyy"年"m"月"d"日"`
	fmtPercent = `0.0%`
)

// sheetStyles are the cell styles every exported sheet uses.
type sheetStyles struct {
	title, note, section, header int
	text, textGuard, center      int // body cells; textGuard is text-formatted
	date, count, percent         int
	totalLabel, totalCount       int
	totalPercent                 int
}

func font(family string, size float64, bold bool) *excelize.Font {
	cs := charsetGB2312
	return &excelize.Font{Family: family, Size: size, Bold: bold, Charset: &cs}
}

var thinBorder = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
	{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

func align(h string, wrap bool) *excelize.Alignment {
	return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
}

// newSheetStyles registers the styles in f.
func newSheetStyles(f *excelize.File) (*sheetStyles, error) {
	datef, pctf := fmtDate, fmtPercent
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
	body := font(fontBody, bodyPt, false)
	bold := font(fontTitle, 11, false)
	st := &sheetStyles{}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(fontTitle, 18, false), Alignment: align("center", true)}},
		{&st.note, excelize.Style{Font: body, Alignment: align("left", true)}},
		{&st.section, excelize.Style{Font: font(fontTitle, 12, false), Alignment: align("left", false)}},
		{&st.header, excelize.Style{Font: bold, Alignment: align("center", true), Border: thinBorder, Fill: fill}},
		{&st.text, excelize.Style{Font: body, Alignment: align("left", true), Border: thinBorder}},
		{&st.textGuard, excelize.Style{Font: body, Alignment: align("left", true), Border: thinBorder, NumFmt: numFmtText}},
		{&st.center, excelize.Style{Font: body, Alignment: align("center", false), Border: thinBorder}},
		{&st.date, excelize.Style{Font: body, Alignment: align("center", false), Border: thinBorder, CustomNumFmt: &datef}},
		{&st.count, excelize.Style{Font: body, Alignment: align("right", false), Border: thinBorder}},
		{&st.percent, excelize.Style{Font: body, Alignment: align("right", false), Border: thinBorder, CustomNumFmt: &pctf}},
		{&st.totalLabel, excelize.Style{Font: bold, Alignment: align("center", false), Border: thinBorder}},
		{&st.totalCount, excelize.Style{Font: bold, Alignment: align("right", false), Border: thinBorder}},
		{&st.totalPercent, excelize.Style{Font: bold, Alignment: align("right", false), Border: thinBorder, CustomNumFmt: &pctf}},
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

// NeedsGuard reports whether a text would be taken for a formula if a
// clerk re-entered it in Excel or pasted it into a CSV: it starts with
// = + - or @ (or a tab or carriage return, which some programs skip).
func NeedsGuard(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// textCell is a string cell. Strings are always written as string cells,
// never formulas; one that looks like a formula also gets the text number
// format, so that editing the cell in Excel keeps it text.
func (st *sheetStyles) textCell(s string) excelize.Cell {
	if NeedsGuard(s) {
		return excelize.Cell{StyleID: st.textGuard, Value: s}
	}
	return excelize.Cell{StyleID: st.text, Value: s}
}

// dateCell is a real date cell shown as 2023年7月18日, so the column
// sorts and filters as dates; an unset date is an empty bordered cell.
func (st *sheetStyles) dateCell(d store.Date) excelize.Cell {
	if d.IsZero() {
		return excelize.Cell{StyleID: st.date}
	}
	return excelize.Cell{StyleID: st.date, Value: d.Time()}
}

// printSetup is what every printed sheet gets: A4, fitted to one page
// wide and as many pages long as needed, the title rows repeated on every
// page, page numbers in the footer, centred horizontally. It must be
// called before a StreamWriter is made for the sheet, which writes the
// sheet properties as it starts.
func printSetup(f *excelize.File, sheet, orientation string, titleRows string) error {
	yes, size, one, zero := true, paperA4, 1, 0
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero,
	})
	if err != nil {
		return err
	}
	top, side, hf := 0.8, 0.6, 0.4
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: &top, Bottom: &top, Left: &side, Right: &side, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footerPages}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: printTitles, RefersTo: "'" + sheet + "'!" + titleRows, Scope: sheet,
	})
}

// groupName is the name used in titles, the default one if unset.
func groupName(s string) string {
	if s = store.CleanText(s); s == "" {
		return store.DefaultGroupName
	}
	return s
}
