package ui

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// rosterPreview is the preview of a planned roster import: nothing is
// written if a row has an error.
type rosterPreview struct {
	*previewFrame
	plan *store.RosterPlan
}

var rosterImportColumns = []textColumn{{"行号", 60}, {"操作", 150}, {"姓名", 100}, {"职位", 110}, {"错误与提示", 500}}

func (v *orgView) showRosterPreview(path string, plan *store.RosterPlan) {
	p := &rosterPreview{plan: plan}
	p.previewFrame = newPreviewFrame(previewRows{
		columns: rosterImportColumns,
		count:   func() int { return len(plan.Rows) },
		cell:    func(row, col int) string { return rosterImportCell(&plan.Rows[row], col) },
		about: func(row int) (int, string, string, widget.Importance) {
			r := &plan.Rows[row]
			return r.Row, r.Name, problemsText(r.Errors, r.Warnings), problemLevel(len(r.Errors), len(r.Warnings))
		},
	}, rosterSummaryText(plan), func() { v.preview = nil })
	if plan.HasErrors() {
		p.refuse()
	} else {
		seats, _, _ := rosterPlanCounts(plan)
		// Nothing new (the same file imported twice) changes nothing.
		p.offer(msg.Tf("将导入到「%s」的%s。", plan.Body.Name, termName(plan.Body.CurrentTerm().Number)),
			seats > 0, func() { v.applyRosterImport(plan) })
	}
	v.preview = p
	p.show(v.app.win, path, nil)
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
	return problemsText(r.Errors, r.Warnings)
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
