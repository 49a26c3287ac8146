package org

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// rosterPreview is the preview of a planned roster import: nothing is
// written if a row has an error.
type rosterPreview struct {
	*kit.PreviewFrame
	plan *store.RosterPlan
}

var rosterImportColumns = []kit.TextColumn{kit.Col("行号", 60), kit.Col("操作", 150), kit.Col("姓名", 100), kit.Col("职位", 110), kit.Col("错误与提示", 500)}

func (v *Section) showRosterPreview(path string, plan *store.RosterPlan) {
	p := &rosterPreview{plan: plan}
	p.PreviewFrame = kit.NewPreviewFrame(kit.PreviewRows{
		Columns: rosterImportColumns,
		Count:   func() int { return len(plan.Rows) },
		Cell:    func(row, col int) string { return rosterImportCell(&plan.Rows[row], col) },
		About: func(row int) (int, string, string, widget.Importance) {
			r := &plan.Rows[row]
			return r.Row, r.Name, kit.ProblemsText(r.Errors, r.Warnings), kit.ProblemLevel(len(r.Errors), len(r.Warnings))
		},
	}, rosterSummaryText(plan), func() { v.preview = nil })
	if plan.HasErrors() {
		p.Refuse()
	} else {
		// Nothing new (the same file imported twice) changes nothing.
		p.Offer(msg.Tf("将导入到「%s」的%s。", plan.Body.Name, kit.TermName(plan.Body.CurrentTerm().Number)),
			plan.Summary().Seats > 0, func() { v.applyRosterImport(plan) })
	}
	v.preview = p
	p.Show(v.sh.Window(), path, nil)
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
	return kit.ProblemsText(r.Errors, r.Warnings)
}

// rosterSummaryText totals the rows: 共 12 行：新增任职 9、无变化 2、错误 1；新建人员 5 人；1 行有提示.
func rosterSummaryText(plan *store.RosterPlan) string {
	s := plan.Summary()
	return msg.Tf("共 %d 行：新增任职 %d、无变化 %d、错误 %d；新建人员 %d 人；%d 行有提示",
		s.Rows, s.Seats, s.Unchanged, s.Errors, s.NewPeople, s.Warned)
}
