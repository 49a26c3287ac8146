package docx

import (
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
)

func sampleReport() store.AnnualReport {
	c := store.DefaultCatalogue(2023)
	group := map[string]float64{"members_total": 81, "training_bases": 32, "training_bases_national": 10, "meetings_all": 12}
	return store.BuildAnnualReport(&c, group, store.IndicatorData{}, store.Settings{GroupName: "潍海市化工职业教育集团"})
}

func TestReportData(t *testing.T) {
	r := sampleReport()
	got, p := paragraphs(t, ReportData(r, store.Settings{}))
	all := strings.Join(got, "\n")
	for _, want := range []string{"潍海市化工职业教育集团2023年度工作报告（数据篇）", "一、成员单位", "二、运行机制",
		"2023年集团共建共享实训基地32个（其中国家级10个）。", "表1　成员单位构成", "表2　主要指标", "成员单位总数", "81"} {
		if !strings.Contains(all, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	doc := p.xml["word/document.xml"]
	tables := doc.all("tbl")
	if len(tables) != 2 {
		t.Fatalf("%d tables", len(tables))
	}
	rows := tables[1].all("tr")
	if len(rows) != 1+len(r.Tables[1].Rows) || rows[0].texts() != "指标计量单位数值" {
		t.Fatalf("indicator table rows %d, header %q", len(rows), rows[0].texts())
	}
	everyRun(t, p, func(part string, r *node) {
		if f := r.path("rPr", "rFonts"); f == nil || f.attr["eastAsia"] == "" {
			t.Errorf("%s: run %q without an East-Asian font", part, r.texts())
		}
	})
}

// TestLibreOfficeReportData: LibreOffice reads the tables and numbers the
// pages.
func TestLibreOfficeReportData(t *testing.T) {
	pdf, lines := layoutPDF(t, "report", ReportData(sampleReport(), store.Settings{}))
	body, footer := bodyAndFooter(lines)
	findLine(t, body, "表2")
	findLine(t, body, "成员单位总数")
	checkPageNumbers(t, pdf, footer, body[len(body)-1].page)
}
