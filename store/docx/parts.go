package docx

import "strings"

// part is one file in the package.
type part struct {
	name, body string
}

// Content types and relationship types of the parts.
const (
	ctMain     = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles   = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFooter   = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctCore     = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp      = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels     = "application/vnd.openxmlformats-package.relationships+xml"

	relOffice = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relCore   = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)

// packageParts are the parts of d in their fixed order, [Content_Types]
// first as readers expect.
func packageParts(d Doc) []part {
	return []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreXML(d.Title)},
		{"docProps/app.xml", appXML},
		{"word/document.xml", documentXML(d)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", stylesXML(d.Fonts)},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML(d.Fonts, "right")},
		{"word/footer2.xml", footerXML(d.Fonts, "left")},
	}
}

var contentTypes = xmlHeader +
	`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="` + ctRels + `"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="` + ctCore + `"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="` + ctApp + `"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctMain + `"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctStyles + `"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctSettings + `"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctFooter + `"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="` + ctFooter + `"/>` +
	`</Types>`

const relsOpen = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`

var packageRels = xmlHeader + relsOpen +
	`<Relationship Id="rId1" Type="` + relOffice + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="` + relCore + `" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relOffice + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// documentRels: footer1 (rId3) is the odd pages' footer, footer2 (rId4)
// the even pages'; sectPr refers to them by these ids.
var documentRels = xmlHeader + relsOpen +
	`<Relationship Id="rId1" Type="` + relOffice + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relOffice + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relOffice + `footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId4" Type="` + relOffice + `footer" Target="footer2.xml"/>` +
	`</Relationships>`

func coreXML(title string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	// No created or modified dates: they would make two writes differ.
	if title != "" {
		b.WriteString(`<dc:title>` + esc(oneLine(title)) + `</dc:title>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

var appXML = xmlHeader +
	`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>secdesk</Application></Properties>`

// documentXML is the body: the blocks' paragraphs, then the section.
func documentXML(d Doc) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document ` + nsW + ` ` + nsR + `><w:body>` + "\n")
	pageBreak := false
	for _, bl := range d.Blocks {
		if bl == nil {
			continue
		}
		for _, p := range bl.paras() {
			if p.pageBreak {
				// A break paragraph of its own would leave an empty line at
				// the top of the next page; the next paragraph breaks instead.
				// A break with nothing after it is dropped.
				pageBreak = true
				continue
			}
			if p.table != nil {
				writeTable(&b, d.Fonts, p.table)
				continue
			}
			writePara(&b, d.Fonts, p, pageBreak)
			pageBreak = false
		}
	}
	b.WriteString(sectPr + `</w:body></w:document>`)
	return b.String()
}

// sectPr is the page (GB/T 9704 §5): the footers, A4, the 版心's margins and
// the grid of 22 lines. The grid is "lines", not Word's usual
// "linesAndChars" with a charSpace, which LibreOffice lays out with 14–18
// characters a line; gridSpacing on the runs gives the 28.
var sectPr = `<w:sectPr>` +
	`<w:footerReference w:type="default" r:id="rId3"/>` +
	`<w:footerReference w:type="even" r:id="rId4"/>` +
	`<w:pgSz` + val("w", pageW) + val("h", pageH) + `/>` +
	`<w:pgMar` + val("top", marginTop) + val("right", marginRight) + val("bottom", marginBottom) + val("left", marginLeft) +
	val("header", headerDist) + val("footer", footerDist) + val("gutter", 0) + `/>` +
	`<w:cols` + val("space", 425) + `/>` +
	`<w:docGrid w:type="lines"` + val("linePitch", linePitch) + `/>` +
	`</w:sectPr>`

// footerXML is a footer holding the page number "— N —" (§7.5): 4号宋体,
// half-width digits, one character in from the side jc names.
func footerXML(f Fonts, jc string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/>`)
	in := `<w:ind` + val(jc, pageNumIndent) + `/>`
	b.WriteString(in + `<w:jc w:val="` + jc + `"/>`)
	s := runStyle{font: f.PageNumber, size: sizePageNum}
	s.rPr(&b)
	b.WriteString(`</w:pPr>`)
	writeRun(&b, s, "— ")
	field := func(inner string) {
		b.WriteString(`<w:r>`)
		s.rPr(&b)
		b.WriteString(inner + `</w:r>`)
	}
	field(`<w:fldChar w:fldCharType="begin"/>`)
	field(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`)
	field(`<w:fldChar w:fldCharType="separate"/>`)
	writeRun(&b, s, "1")
	field(`<w:fldChar w:fldCharType="end"/>`)
	writeRun(&b, s, " —")
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}
