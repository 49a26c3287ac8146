package kit

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// MemberImport is the preview of a planned import of member units, shared
// by the register (成员单位管理 → 导入) and the first-run guide, so a clerk
// reads a workbook the same way in both.
type MemberImport struct {
	*PreviewFrame
	Plan *store.ImportPlan
	rows []int // the plan rows listed: all, or only those with problems
}

// MemberImportColumns are the preview's columns and widths.
var MemberImportColumns = []TextColumn{Col("行号", 60), Col("操作", 70), Col("单位名称", 250), Col("错误与提示", 520)}

// ShowMemberImport opens the preview of plan, read from the file at path,
// in w. A plan with errors offers only 关闭; one without offers 确认导入,
// which closes the preview and calls apply; notice says where the rows
// go ("" for nothing to say). onClose runs whenever the preview leaves
// the screen.
func ShowMemberImport(w fyne.Window, path string, plan *store.ImportPlan, notice string, apply, onClose func()) *MemberImport {
	p := &MemberImport{Plan: plan}
	p.PreviewFrame = NewPreviewFrame(PreviewRows{
		Columns: MemberImportColumns,
		Count:   func() int { return len(p.rows) },
		Cell:    func(row, col int) string { return MemberImportCell(&plan.Rows[p.rows[row]], col) },
		About: func(row int) (int, string, string, widget.Importance) {
			r := &plan.Rows[p.rows[row]]
			return r.Row, r.Name, memberRowProblems(r), ProblemLevel(len(r.Errors), len(r.Warnings))
		},
	}, MemberImportSummary(plan), onClose)
	p.ListRows(false)
	if plan.HasErrors() {
		p.Refuse()
	} else {
		p.Offer(notice, len(plan.Rows) > 0, apply)
	}
	p.Show(w, path, widget.NewCheck(msg.T("只看有错误或提示的行"), p.ListRows))
	return p
}

// ListRows lists every row, or only those with errors or warnings: in a
// file of hundreds of rows the clerk looks for the few to correct.
func (p *MemberImport) ListRows(onlyProblems bool) {
	p.rows = p.rows[:0]
	for i, r := range p.Plan.Rows {
		if !onlyProblems || len(r.Errors)+len(r.Warnings) > 0 {
			p.rows = append(p.rows, i)
		}
	}
	p.Table.UnselectAll()
	p.Detail.SetText("")
	p.Table.Refresh()
}

// MemberImportCell is one cell of the preview.
func MemberImportCell(r *store.PlanRow, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(r.Row)
	case 1:
		return msg.T(string(r.Action))
	case 2:
		return r.Name
	}
	return memberRowProblems(r)
}

// memberRowProblems lists a row's errors and warnings; for an update
// without any, the fields it changes.
func memberRowProblems(r *store.PlanRow) string {
	if len(r.Errors)+len(r.Warnings) == 0 && r.Action == store.RowUpdate && len(r.Changed) > 0 {
		names := make([]string, len(r.Changed))
		for i, f := range r.Changed {
			names[i] = msg.T(string(f))
		}
		return msg.T("更新：") + strings.Join(names, msg.T("、"))
	}
	return ProblemsText(r.Errors, r.Warnings)
}

// MemberImportSummary totals the rows: 共 12 行：新增 8、更新 2、无变化 1、错误 1；3 行有提示.
func MemberImportSummary(plan *store.ImportPlan) string {
	s := plan.Summary()
	return msg.Tf("共 %d 行：新增 %d、更新 %d、无变化 %d、错误 %d；%d 行有提示",
		s.Rows, s.New, s.Updated, s.Unchanged, s.Errors, s.Warnings)
}

// PlanMemberFile reads the member workbook at path and plans it against
// the register existing returns (nil: an empty one), reporting progress;
// it runs off the UI thread, inside RunWithProgress. Nothing is written.
func PlanMemberFile(path string, existing func() ([]store.Member, error), progress func(float64)) (*store.ImportPlan, error) {
	rows, err := xlsx.ReadMembersFile(path)
	if err != nil {
		return nil, err
	}
	progress(0.5)
	var ms []store.Member
	if existing != nil {
		if ms, err = existing(); err != nil {
			return nil, err
		}
	}
	progress(0.7)
	plan := store.PlanImport(ms, rows, time.Now())
	progress(1)
	return plan, nil
}
