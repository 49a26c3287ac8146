package ui

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// rosterPreview is the dialog listing every row of a planned roster
// import, like the member import's: nothing is written if a row has an
// error.
type rosterPreview struct {
	plan    *store.RosterPlan
	dlg     dialog.Dialog
	table   *widget.Table
	summary *widget.Label
	notice  *widget.Label // why nothing will be written, if so
	detail  *widget.Label // the problems of the row selected, in full
	confirm *widget.Button
	close   *widget.Button
}

var rosterImportColumns = []textColumn{{"行号", 60}, {"操作", 150}, {"姓名", 100}, {"职位", 110}, {"错误与提示", 500}}

func (v *orgView) showRosterPreview(path string, plan *store.RosterPlan) {
	p := &rosterPreview{plan: plan}
	p.summary = widget.NewLabel(rosterSummaryText(plan))
	p.detail = wrapLabel("")
	p.notice = wrapLabel("")
	p.notice.Importance = widget.DangerImportance
	p.table = p.newTable()
	p.close = widget.NewButton(msg.T("关闭"), func() { p.dlg.Hide(); v.preview = nil })
	buttons := container.NewHBox(layout.NewSpacer(), p.close)
	if plan.HasErrors() {
		p.notice.SetText(msg.T("文件中有错误，不会写入任何数据。请在 Excel 中改正标为“错误”的行后重新导入。"))
	} else {
		p.notice.SetText(msg.Tf("将导入到「%s」的%s。", plan.Body.Name, termName(plan.Body.CurrentTerm().Number)))
		p.notice.Importance = widget.MediumImportance
		p.close.SetText(msg.T("取消"))
		p.confirm = widget.NewButton(msg.T("确认导入"), func() { p.dlg.Hide(); v.preview = nil; v.applyRosterImport(plan) })
		p.confirm.Importance = widget.HighImportance
		if seats, _, _ := rosterPlanCounts(plan); seats == 0 {
			p.confirm.Disable() // nothing new: importing the same file twice changes nothing
		}
		buttons.Add(p.confirm)
	}
	top := container.NewVBox(p.summary, p.notice)
	content := container.NewBorder(top, container.NewVBox(p.detail, buttons), nil, nil, p.table)
	p.dlg = dialog.NewCustomWithoutButtons(msg.Tf("导入预览：%s", filepath.Base(path)), content, v.app.win)
	p.dlg.Resize(fyne.NewSize(980, 600))
	v.preview = p
	p.dlg.Show()
}

func (p *rosterPreview) newTable() *widget.Table {
	cols := make([]textColumn, len(rosterImportColumns))
	for i, c := range rosterImportColumns {
		cols[i] = textColumn{msg.T(c.header), c.width}
	}
	t := newTextTable(cols, func() int { return len(p.plan.Rows) }, func(row, col int) string {
		return rosterImportCell(&p.plan.Rows[row], col)
	})
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		r := &p.plan.Rows[id.Row]
		l.Importance = widget.MediumImportance
		switch {
		case len(r.Errors) > 0:
			l.Importance = widget.DangerImportance
		case len(r.Warnings) > 0:
			l.Importance = widget.WarningImportance
		}
		l.SetText(rosterImportCell(r, id.Col))
	}
	t.OnSelected = func(id widget.TableCellID) {
		r := &p.plan.Rows[id.Row]
		p.detail.SetText(msg.Tf("第%d行", r.Row) + " " + r.Name + "：" + rosterRowProblems(r))
	}
	return t
}

// rosterImportCell is one cell of the preview.
func rosterImportCell(r *store.RosterPlanRow, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(r.Row)
	case 1:
		if r.NewPerson && r.Action == store.RowNew {
			return msg.T(string(r.Action)) + msg.T("（新人员）")
		}
		return msg.T(string(r.Action))
	case 2:
		return r.Name
	case 3:
		return r.Position
	}
	return rosterRowProblems(r)
}

// rosterRowProblems lists a row's errors, then its warnings, each naming
// its field; the row number is in its own column.
func rosterRowProblems(r *store.RosterPlanRow) string {
	var parts []string
	for _, list := range [][]*store.FieldError{r.Errors, r.Warnings} {
		for _, fe := range list {
			c := *fe
			c.Row = 0
			parts = append(parts, msg.FieldError(&c))
		}
	}
	return strings.Join(parts, msg.T("；"))
}

// rosterPlanCounts counts the seats a plan adds, the rows left unchanged
// and the rows in error.
func rosterPlanCounts(plan *store.RosterPlan) (seats, unchanged, errs int) {
	for _, r := range plan.Rows {
		switch r.Action {
		case store.RowNew:
			seats++
		case store.RowUnchanged:
			unchanged++
		case store.RowError:
			errs++
		}
	}
	return seats, unchanged, errs
}

// rosterSummaryText totals the rows: 共 12 行：新增任职 9、无变化 2、错误 1；新建人员 5 人；1 行有提示.
func rosterSummaryText(plan *store.RosterPlan) string {
	seats, unchanged, errs := rosterPlanCounts(plan)
	warned := 0
	for _, r := range plan.Rows {
		if len(r.Warnings) > 0 {
			warned++
		}
	}
	return msg.Tf("共 %d 行：新增任职 %d、无变化 %d、错误 %d；新建人员 %d 人；%d 行有提示",
		len(plan.Rows), seats, unchanged, errs, len(plan.NewPeople), warned)
}
