// Package docx writes Word documents laid out as GB/T 9704-2012 党政机关公文
// (纪要, 通报, 通知): A4, a 版心 of 156 × 225 mm holding 22 lines of 28
// characters in 3号仿宋, the title in 2号小标宋, "— N —" page numbers
// right on odd and left on even pages.
//
// It is a small writer of its own on archive/zip rather than a library: no
// permissively licensed Go module writes different odd and even footers,
// a PAGE field, East-Asian font names on every run and an exact line grid.
// The numbers are in layout.go; the LibreOffice pitfalls they avoid are
// said where each is handled. The XML is written as fixed, schema-ordered fragments, so the output is
// byte-for-byte deterministic and the tests pin it with golden files.
//
// What was checked where: the parts are checked for well-formedness and
// key values in every test run; the layout (lines per page, characters per
// line, block and page number places) is measured in LibreOffice 7.4 with
// free CJK fonts standing in for the office fonts, when soffice is
// installed (layout_test.go; DOCX_LOOK=folder also writes PNGs of the
// pages to look at). Word and WPS were not available to check.
//
// The blocks (blocks.go) know no records; a meeting's 通知 and 纪要 are
// composed from them in meeting.go, from package store's types.
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"time"

	"github.com/secdesk/secdesk/store/atomicfile"
)

// Fonts are font names, not files: the PC that opens the document
// supplies them. 方正小标宋简体 is commercial, and not every PC has the
// _GB2312 variants, so an office may set the names it has.
type Fonts struct {
	Title      string // 2号 title and the 纪要 mark
	Body       string // 3号 body text
	Heading1   string // "一、" headings and labels
	Heading2   string // "（一）" headings
	PageNumber string // 4号 page numbers
}

// DefaultFonts are the names that GB/T 9704 offices commonly have.
var DefaultFonts = Fonts{
	Title:      "方正小标宋简体",
	Body:       "仿宋_GB2312",
	Heading1:   "黑体",
	Heading2:   "楷体_GB2312",
	PageNumber: "宋体",
}

// OrDefault returns f with its empty names taken from DefaultFonts.
func (f Fonts) OrDefault() Fonts {
	pick := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	return Fonts{
		Title:      pick(f.Title, DefaultFonts.Title),
		Body:       pick(f.Body, DefaultFonts.Body),
		Heading1:   pick(f.Heading1, DefaultFonts.Heading1),
		Heading2:   pick(f.Heading2, DefaultFonts.Heading2),
		PageNumber: pick(f.PageNumber, DefaultFonts.PageNumber),
	}
}

// Doc is one document: its blocks in order.
type Doc struct {
	Fonts  Fonts  // empty names are DefaultFonts
	Title  string // the document's title in its properties (docProps/core.xml)
	Blocks []Block
}

// zipTime is every part's time in the zip: a fixed one, so that two writes
// of the same Doc are the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes d as a .docx to w. The bytes depend on d only.
func Write(w io.Writer, d Doc) error {
	d.Fonts = d.Fonts.OrDefault()
	zw := zip.NewWriter(w)
	for _, p := range packageParts(d) {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// WriteFile writes d to path through atomicfile, so that path never holds
// half a document (a clerk may have the old one open in Word).
func WriteFile(path string, d Doc) error {
	return atomicfile.Write(path, func(w io.Writer) error { return Write(w, d) })
}

// DateText is t as a 成文日期: Arabic numerals, year, month and day in full,
// without leading zeros ("2026年12月1日").
func DateText(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
