package indicators

import (
	"fmt"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/docx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// summaryTab is 年度汇总: the group's sheet of the year beside last
// year's, and the papers made from it.
type summaryTab struct {
	v      *Section
	table  *widget.Table
	book   *widget.Button
	report *widget.Button
	view   fyne.CanvasObject
}

// Summary columns.
const (
	sumGroup = iota
	sumName
	sumUnit
	sumNow
	sumLast
	sumChange
	sumSource
)

func newSummaryTab(v *Section) *summaryTab {
	s := &summaryTab{v: v}
	cols := []kit.TextColumn{kit.Col(msg.T("分组"), 170), kit.Col(msg.T("指标"), 280), kit.Col(msg.T("计量单位"), 80),
		kit.Col(msg.T("本年"), 100), kit.Col(msg.T("上年"), 100), kit.Col(msg.T("增减"), 90), kit.Col(msg.T("来源"), 70)}
	s.table = kit.NewTextTable(cols, s.rows, s.cell)
	s.book = kit.IconButton("导出年度指标表", theme.DocumentSaveIcon(), s.chooseBook)
	s.report = kit.IconButton("生成年度报告数据篇", theme.DocumentIcon(), s.chooseReport)
	hint := kit.Hint(msg.T("计算指标按各年12月31日的记录计算；采集指标为各成员单位填报值之和。"))
	s.view = container.NewBorder(container.NewVBox(container.NewHBox(s.book, s.report), hint), nil, nil, nil, s.table)
	return s
}

func (s *summaryTab) rows() int {
	if d := s.v.data; d != nil && d.cat != nil {
		return len(d.cat.Indicators)
	}
	return 0
}

func (s *summaryTab) cell(row, col int) string {
	d := s.v.data
	if d == nil || d.cat == nil || row >= len(d.cat.Indicators) {
		return ""
	}
	ind := &d.cat.Indicators[row]
	now, okNow := d.group[d.year][ind.Code]
	last, okLast := d.group[d.year-1][ind.Code]
	switch col {
	case sumGroup:
		return ind.Group
	case sumName:
		return ind.Name
	case sumUnit:
		return ind.Unit
	case sumNow:
		return numberIf(now, okNow)
	case sumLast:
		return numberIf(last, okLast)
	case sumChange:
		return change(now, last, okNow, okLast)
	case sumSource:
		return sourceWord(ind.Source)
	}
	return ""
}

func numberIf(x float64, ok bool) string {
	if !ok {
		return ""
	}
	return number(x)
}

func (s *summaryTab) apply(d *indData) { s.table.Refresh() }

// chooseBook writes the year's indicator workbook: the group's sheet of
// three years and every unit's values.
func (s *summaryTab) chooseBook() {
	d, group := s.v.data, s.v.sh.Settings().GroupName
	if d == nil || d.cat == nil {
		return
	}
	name := fmt.Sprintf(msg.T("%d年度指标表"), d.year) + ".xlsx"
	kit.ChooseSaveFile(s.v.sh, name, func(path string) {
		kit.ExportInBackground(s.v.sh, "正在导出年度指标表", path, func() error { return writeBook(path, d, group) })
	})
}

// chooseReport writes the year's data chapter off the UI thread, then
// shows its paragraphs to be edited before they are printed.
func (s *summaryTab) chooseReport() {
	d, st := s.v.data, s.v.sh.Settings()
	if d == nil || d.cat == nil {
		return
	}
	var r store.AnnualReport
	s.v.sh.Background(func() { r = store.BuildAnnualReport(d.cat, d.group[d.year], d.source, st) },
		func() { s.showReport(r) })
}

// showReport is every paragraph of the report, editable, then 导出 Word.
// The tables are the figures' own and are printed as they are.
func (s *summaryTab) showReport(r store.AnnualReport) {
	form := widget.NewForm()
	texts := make([]*widget.Entry, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		e := widget.NewMultiLineEntry()
		e.Wrapping, e.Text = fyne.TextWrapWord, p.Text
		e.SetMinRowsVisible(4)
		texts[i] = e
		form.Append(p.Heading, e)
	}
	var dlg dialog.Dialog
	export := kit.IconButton("导出 Word…", theme.DocumentSaveIcon(), func() {
		for i := range r.Paragraphs {
			r.Paragraphs[i].Text = strings.TrimSpace(texts[i].Text)
		}
		dlg.Hide()
		s.saveReport(r)
	})
	export.Importance = widget.HighImportance
	cancel := kit.IconButton("取消", theme.CancelIcon(), func() { dlg.Hide() })
	hint := kit.Hint(msg.T("各段文字由程序按本年数据写出，可先修改再导出；表格按数据生成。"))
	content := container.NewBorder(hint, container.NewHBox(layout.NewSpacer(), cancel, export), nil, nil, container.NewVScroll(form))
	dlg = dialog.NewCustomWithoutButtons(r.Title, content, s.v.sh.Window())
	dlg.Resize(fyne.NewSize(900, 640))
	dlg.Show()
	lastReport = texts
}

// lastReport are the entries of the last report shown, for tests.
var lastReport []*widget.Entry

func (s *summaryTab) saveReport(r store.AnnualReport) {
	st := s.v.sh.Settings()
	name := fmt.Sprintf(msg.T("%d年度工作报告数据篇"), r.Year) + ".docx"
	kit.ChooseSaveFileOf(s.v.sh, kit.Document, name, func(path string) {
		kit.ExportInBackground(s.v.sh, "正在生成年度报告数据篇", path, func() error { return docx.WriteReportData(path, r, st) })
	})
}
