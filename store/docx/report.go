package docx

import (
	"strconv"

	"github.com/secdesk/secdesk/store"
)

// WriteReportData writes the data chapter of a year's work report.
func WriteReportData(path string, r store.AnnualReport, s store.Settings) error {
	return WriteFile(path, ReportData(r, s))
}

// ReportData is the data chapter in the GB/T 9704 body layout: the title,
// then each paragraph under its heading, then the tables, each with its
// title ("表1 成员单位构成").
func ReportData(r store.AnnualReport, s store.Settings) Doc {
	blocks := []Block{Title(r.Title), Blank()}
	for _, p := range r.Paragraphs {
		blocks = append(blocks, Heading1(p.Heading), Para(p.Text))
	}
	for i, t := range r.Tables {
		blocks = append(blocks, Blank(), Centered("表"+strconv.Itoa(i+1)+"　"+t.Title), Table(t.Header, t.Rows))
	}
	return Doc{Fonts: FontsOf(s), Title: r.Title, Blocks: blocks}
}
