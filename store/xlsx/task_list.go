package xlsx

import (
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// TaskListSheet is the sheet name of the task list (督查任务清单).
const TaskListSheet = "任务清单"

// TaskListHeaders are the task list's columns, each one that ReadTaskList
// knows by the same title.
var TaskListHeaders = []string{"序号", "事项编号", "任务事项", "工作要求", "牵头单位", "责任单位", "配合单位",
	"责任人", "开始日期", "完成时限", "类别", "来源"}

var taskListWidths = []float64{5, 10, 26, 34, 14, 16, 16, 8, 15, 15, 10, 16}

// TaskListTitle is "<集团名称>督查任务清单".
func TaskListTitle(group string) string { return groupName(group) + "督查任务清单" }

// WriteTaskList writes tasks as a task list in the layout ReadTaskList
// reads, so a list sent out to be checked and returned reads back as it
// went. The 完成时限 is the task's own (原定) deadline, not one an
// extension set: it is the field an import writes, and the extensions
// stay on record beside it.
func WriteTaskList(path string, tasks []store.Task, groupName string) error {
	return exportBook(path, "任务清单", func(f *excelize.File) error { return writeTaskList(f, tasks, groupName) })
}

func writeTaskList(f *excelize.File, tasks []store.Task, group string) error {
	w, err := startTaskSheet(f, TaskListSheet, landscape, 2)
	if err != nil {
		return err
	}
	w.stream(f, TaskListSheet)
	w.head(TaskListTitle(group), nil, TaskListHeaders, taskListWidths)
	for i := range tasks {
		w.taskListRow(i+1, &tasks[i])
	}
	return w.flush()
}

// taskListRow writes one task. The text is written exactly as stored,
// without PrintText: a list read back must compare equal to the tasks it
// came from (store.PlanTaskImport's RowUnchanged).
func (w *taskSheet) taskListRow(n int, t *store.Task) {
	st := w.st
	texts := []string{"", t.Number, t.Title, t.Requirement, t.Lead.Name, unitNames(t.Units), unitNames(t.Helpers),
		t.Person, "", "", t.Category, t.Source.Text}
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}}
	for i := 1; i < len(texts); i++ {
		switch i {
		case 8:
			cells = append(cells, st.dateCell(t.Start))
		case 9:
			cells = append(cells, st.dateCell(t.Deadline))
		default:
			cells = append(cells, st.textCell(texts[i]))
		}
	}
	w.put(cells, max(22, textHeight(texts, taskListWidths)))
}
