package members

import (
	"github.com/google/uuid"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// chooseImportFile asks for an .xlsx file and imports it.
func (v *Section) chooseImportFile() { kit.ChooseOpenFile(v.sh, v.doImport) }

// doImport reads and plans the file in the background, then shows the
// preview. Nothing is written until the clerk confirms it.
func (v *Section) doImport(path string) {
	var plan *store.ImportPlan
	data := v.sh.Data()
	v.sh.RunWithProgress("正在读取导入文件", func(progress func(float64)) error {
		rows, err := xlsx.ReadMembersFile(path)
		if err != nil {
			return err
		}
		progress(0.5)
		existing, err := data.Members()
		if err != nil {
			return err
		}
		progress(0.7)
		plan = store.PlanImport(existing, rows, time.Now())
		progress(1)
		return nil
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.showImportPreview(path, plan)
	})
}

// importPreview is the preview of a planned import of member units.
type importPreview struct {
	*kit.PreviewFrame
	plan *store.ImportPlan
	rows []int // the plan rows listed: all, or only those with problems
}

// importColumns are the preview's columns and widths.
var importColumns = []kit.TextColumn{kit.Col("行号", 60), kit.Col("操作", 70), kit.Col("单位名称", 250), kit.Col("错误与提示", 520)}

func (v *Section) showImportPreview(path string, plan *store.ImportPlan) {
	p := &importPreview{plan: plan}
	p.PreviewFrame = kit.NewPreviewFrame(kit.PreviewRows{
		Columns: importColumns,
		Count:   func() int { return len(p.rows) },
		Cell:    func(row, col int) string { return importCellText(&plan.Rows[p.rows[row]], col) },
		About: func(row int) (int, string, string, widget.Importance) {
			r := &plan.Rows[p.rows[row]]
			return r.Row, r.Name, rowProblems(r), kit.ProblemLevel(len(r.Errors), len(r.Warnings))
		},
	}, importSummaryText(plan), func() { v.preview = nil })
	p.listRows(false)
	if plan.HasErrors() {
		p.Refuse()
	} else {
		p.Offer("", len(plan.Rows) > 0, func() { v.applyImport(plan) })
	}
	v.preview = p
	p.Show(v.sh.Window(), path, widget.NewCheck(msg.T("只看有错误或提示的行"), p.listRows))
}

// listRows lists every row, or only those with errors or warnings: in a
// file of hundreds of rows the clerk looks for the few to correct.
func (p *importPreview) listRows(onlyProblems bool) {
	p.rows = p.rows[:0]
	for i, r := range p.plan.Rows {
		if !onlyProblems || len(r.Errors)+len(r.Warnings) > 0 {
			p.rows = append(p.rows, i)
		}
	}
	p.Table.UnselectAll()
	p.Detail.SetText("")
	p.Table.Refresh()
}

// importCellText is one cell of the preview.
func importCellText(r *store.PlanRow, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(r.Row)
	case 1:
		return msg.T(string(r.Action))
	case 2:
		return r.Name
	}
	return rowProblems(r)
}

// rowProblems lists a row's errors and warnings; for an update without
// any, the fields it changes.
func rowProblems(r *store.PlanRow) string {
	if len(r.Errors)+len(r.Warnings) == 0 && r.Action == store.RowUpdate && len(r.Changed) > 0 {
		names := make([]string, len(r.Changed))
		for i, f := range r.Changed {
			names[i] = msg.T(string(f))
		}
		return msg.T("更新：") + strings.Join(names, msg.T("、"))
	}
	return kit.ProblemsText(r.Errors, r.Warnings)
}

// importSummaryText totals the rows: 共 12 行：新增 8、更新 2、无变化 1、错误 1；3 行有提示.
func importSummaryText(plan *store.ImportPlan) string {
	s := plan.Summary()
	return msg.Tf("共 %d 行：新增 %d、更新 %d、无变化 %d、错误 %d；%d 行有提示",
		s.Rows, s.New, s.Updated, s.Unchanged, s.Errors, s.Warnings)
}

// applyImport writes a plan without errors, in the background.
func (v *Section) applyImport(plan *store.ImportPlan) {
	var sum store.ImportSummary
	s, ctx := v.sh.Store(), v.sh.Context()
	v.sh.RunWithProgress("正在导入", func(progress func(float64)) error {
		var err error
		sum, err = s.ApplyImport(ctx, plan)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.sh.Changed(store.KindMember, uuid.Nil)
		dialog.ShowInformation(msg.T("导入完成"),
			msg.Tf("新增 %d 家，更新 %d 家，无变化 %d 家。", sum.New, sum.Updated, sum.Unchanged), v.sh.Window())
	})
}
