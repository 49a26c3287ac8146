package tasks

import (
	"strconv"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// importColumns are the preview's columns.
var importColumns = []kit.TextColumn{kit.Col("行号", 50), kit.Col("操作", 60), kit.Col("事项编号", 90),
	kit.Col("任务事项", 280), kit.Col("牵头单位", 170), kit.Col("完成时限", 96), kit.Col("错误与提示", 200)}

// chooseImport asks for a task list (a plan's 项目清单) to import.
func (v *Section) chooseImport() { kit.ChooseOpenFile(v.sh, v.importTasks) }

// importTasks reads the file and plans it against the tasks and the
// register as they are now, off the UI thread; the preview writes
// nothing until the clerk confirms, and nothing at all while a row has
// an error.
func (v *Section) importTasks(path string) {
	data, today := v.sh.Data(), kit.Today()
	var plan *store.TaskPlan
	v.sh.RunWithProgress("正在读取任务清单", func(progress func(float64)) error {
		rows, err := xlsx.ReadTaskList(path)
		if err != nil {
			return err
		}
		progress(0.5)
		tasks, err := data.Tasks()
		if err != nil {
			return err
		}
		snap, err := data.Snapshot()
		if err != nil {
			return err
		}
		plan = store.PlanTaskImport(tasks, snap.Members, snap.Bodies, rows, today)
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

func (v *Section) showImportPreview(path string, plan *store.TaskPlan) {
	f := kit.NewPreviewFrame(kit.PreviewRows{
		Columns: importColumns,
		Count:   func() int { return len(plan.Rows) },
		Cell:    func(row, col int) string { return importCell(&plan.Rows[row], col) },
		About: func(row int) (int, string, string, widget.Importance) {
			r := &plan.Rows[row]
			return r.Row, r.Task.Title, kit.ProblemsText(r.Errors, nil), kit.ProblemLevel(len(r.Errors), 0)
		},
	}, importSummary(plan), func() {})
	added, updated, _, _ := plan.Counts()
	if plan.FirstError() != nil {
		f.Refuse()
	} else {
		f.Offer(msg.Tf("确认后新增 %d 项、更新 %d 项任务。", added, updated), added+updated > 0, func() { v.applyImport(plan) })
	}
	f.Show(v.sh.Window(), path, nil)
	importPreview = f
}

// importPreview is the last task-list preview shown, for tests.
var importPreview *kit.PreviewFrame

func importCell(r *store.TaskPlanRow, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(r.Row)
	case 1:
		return msg.T(string(r.Action))
	case 2:
		return r.Task.Number
	case 3:
		return r.Task.Title
	case 4:
		return r.Task.Lead.Name
	case 5:
		return dateText(r.Task.Deadline)
	}
	return kit.ProblemsText(r.Errors, nil)
}

// importSummary: 共 12 行：新增 8、更新 2、无变化 1、错误 1.
func importSummary(p *store.TaskPlan) string {
	a, u, n, e := p.Counts()
	return msg.Tf("共 %d 行：新增 %d、更新 %d、无变化 %d、错误 %d", len(p.Rows), a, u, n, e)
}

func (v *Section) applyImport(plan *store.TaskPlan) {
	s, ctx := v.sh.Store(), v.sh.Context()
	var n int
	v.sh.RunWithProgress("正在导入", func(progress func(float64)) (err error) {
		n, err = s.ApplyTaskImport(ctx, plan)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.sh.Changed(store.KindTask, uuid.Nil)
		dialog.ShowInformation(msg.T("导入完成"), msg.Tf("已导入 %d 项任务。", n), v.sh.Window())
	})
}

// chooseExport writes the tasks listed (as filtered, in the table's
// order) as a task list that reads back in.
func (l *listTab) chooseExport() {
	if l.list == nil {
		return
	}
	tasks := make([]store.Task, len(l.visible))
	for i, idx := range l.visible {
		tasks[i] = *l.list.rows[idx].t // shared and read-only: the writer only reads
	}
	group := l.v.sh.Settings().GroupName
	kit.ChooseSaveFile(l.v.sh, xlsx.TaskListTitle(group)+".xlsx", func(path string) {
		kit.ExportInBackground(l.v.sh, "正在导出任务清单", path, func() error { return xlsx.WriteTaskList(path, tasks, group) })
	})
}
