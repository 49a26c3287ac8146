package docx

import "strings"

// stylesXML: the defaults and Normal carry the body font at 3号 and the
// grid, so text without direct formatting (typed in later by a clerk) is
// still 3号仿宋 on the 22-line grid. LibreOffice needs w:sz on the style,
// not only on the runs, for 28 characters a line.
func stylesXML(f Fonts) string {
	var b strings.Builder
	body := runStyle{font: f.Body, size: sizeBody}
	b.WriteString(xmlHeader + `<w:styles ` + nsW + `><w:docDefaults><w:rPrDefault>`)
	rPrLang(&b, body)
	b.WriteString(`</w:rPrDefault><w:pPrDefault><w:pPr>` + gridPPr + `<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)

	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`)
	b.WriteString(`<w:pPr>` + gridPPr + `<w:jc w:val="both"/></w:pPr>`)
	body.rPr(&b)
	b.WriteString(`</w:style>`)

	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">` +
		`<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)

	// Footer: single line height rather than the grid's exact 579, so a
	// 4号 number fits in the space below the 版心 without pushing it up.
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>`)
	runStyle{font: f.PageNumber, size: sizePageNum}.rPr(&b)
	b.WriteString(`</w:style></w:styles>`)
	return b.String()
}

// rPrLang is s's w:rPr with the languages, for the document defaults:
// zh-CN for East-Asian text sets Chinese line breaking and punctuation.
func rPrLang(b *strings.Builder, s runStyle) {
	var r strings.Builder
	s.rPr(&r)
	b.WriteString(strings.TrimSuffix(r.String(), `</w:rPr>`) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>`)
}

// settingsXML, in the schema's order. evenAndOddHeaders: without it Word
// and LibreOffice use footer1 on every page. doNotCompress: compressed
// punctuation would fit more than 28 characters on a line that has some.
// compatibilityMode 15 opens in Word without 兼容模式.
var settingsXML = xmlHeader + `<w:settings ` + nsW + `>` +
	`<w:zoom w:percent="100"/>` +
	`<w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
	`</w:settings>`
