package tasks

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// List columns.
const (
	colNumber = iota
	colTitle
	colLead
	colPerson
	colDeadline
	colStatus
	colFlag
	colLast
	numCols
)

// listColumns fit a 1366-pixel screen beside the navigation.
var listColumns = [numCols]kit.TextColumn{
	{Header: "事项编号", Width: 110}, {Header: "任务事项", Width: 250}, {Header: "牵头单位", Width: 160},
	{Header: "责任人", Width: 70}, {Header: "完成时限", Width: 222}, {Header: "状态", Width: 70},
	{Header: "本月预警", Width: 76}, {Header: "最近督查", Width: 124},
}

// listTab is 任务清单: the filters, the table and the tools over it.
type listTab struct {
	v        *Section
	list     *taskList // the list as of the day chosen
	visible  []int     // indices into list.rows, in table order
	filter   taskFilter
	selected uuid.UUID
	loader   *kit.Loader[*taskList] // a new 截至日期

	table   *rowTable
	filters *listFilters
	asOf    *kit.DateEntry
	shown   *widget.Label
	open    *widget.Button
	del     *widget.Button
	view    fyne.CanvasObject
}

func newListTab(v *Section) *listTab {
	l := &listTab{v: v}
	l.loader = kit.NewLoader(v.sh, l.applyList)
	l.table = newRowTable(l.columns(), func() int { return len(l.visible) }, l.cell, func() { v.openTask(l.selected) })
	l.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(l.visible) {
			l.selected = l.list.rows[l.visible[id.Row]].t.ID
			l.updateTools()
		}
	}
	l.filters = l.newFilters()
	l.asOf = kit.NewDateEntry(kit.Today(), true)
	l.asOf.OnDate = func(store.Date) { l.reprepare() }
	today := widget.NewButton(msg.T("今天"), func() { l.asOf.SetDate(kit.Today()) })
	l.shown = widget.NewLabel("")
	add := kit.IconButton("新建任务", theme.ContentAddIcon(), func() { v.showTaskForm(nil) })
	add.Importance = widget.HighImportance
	l.open = kit.IconButton("打开", theme.FolderOpenIcon(), func() { v.openTask(l.selected) })
	l.del = kit.IconButton("删除", theme.DeleteIcon(), l.confirmDelete)
	imp := kit.IconButton("导入任务清单", theme.UploadIcon(), v.chooseImport)
	exp := kit.IconButton("导出任务清单", theme.DocumentSaveIcon(), l.chooseExport)
	asOf := container.NewHBox(widget.NewLabel(msg.T("截至日期")), sized(l.asOf, 150), today)
	tools := container.NewBorder(nil, nil, container.NewHBox(add, l.open, l.del), container.NewHBox(imp, exp))
	hint := &widget.Label{Text: msg.T("双击一行（或选中后按回车）打开任务；截至日期改为过去某天，清单即显示当天的状态、时限和预警。"),
		Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	top := container.NewVBox(tools, l.filters.bar, container.NewBorder(nil, nil, nil, container.NewHBox(asOf, l.shown), hint))
	l.view = container.NewBorder(top, nil, nil, nil, l.table)
	l.updateTools()
	return l
}

func (l *listTab) columns() []kit.TextColumn {
	cols := make([]kit.TextColumn, numCols)
	for i, c := range listColumns {
		cols[i] = kit.Col(msg.T(c.Header), c.Width)
	}
	return cols
}

// asOfDay is the day the list is to show: the one typed, else today.
func (l *listTab) asOfDay(today store.Date) store.Date {
	if l == nil {
		return today
	}
	if d := l.asOf.Date(); !d.IsZero() {
		return d
	}
	return today
}

func (l *listTab) apply(d *taskData) {
	l.filters.setChoices(d)
	l.applyList(d.list)
}

// reprepare builds the list again as of the day typed, off the UI thread.
func (l *listTab) reprepare() {
	d := l.v.data
	if d == nil {
		return
	}
	asOf := l.asOfDay(d.today)
	if l.list != nil && l.list.asOf.Equal(asOf) {
		return
	}
	l.loader.Load(func() (*taskList, error) { return newTaskList(d.tasks, asOf, d.rules), nil })
}

func (l *listTab) applyList(list *taskList) {
	l.list = list
	l.filters.setUnits(list)
	l.applyFilter()
}

// applyFilter recomputes the visible rows after a keystroke or a filter
// choice, keeping the selected task highlighted.
func (l *listTab) applyFilter() {
	if l.list == nil {
		return
	}
	l.visible = l.list.filter(l.filter, l.visible)
	l.shown.SetText(msg.Tf("共 %d 项任务", len(l.visible)))
	l.table.UnselectAll()
	for i, idx := range l.visible {
		if l.list.rows[idx].t.ID == l.selected {
			l.table.Select(widget.TableCellID{Row: i, Col: colTitle})
		}
	}
	l.table.Refresh()
	l.updateTools()
}

func (l *listTab) selectedRow() *taskRow {
	if l.list == nil {
		return nil
	}
	for i := range l.list.rows {
		if l.list.rows[i].t.ID == l.selected {
			return &l.list.rows[i]
		}
	}
	return nil
}

func (l *listTab) updateTools() {
	for _, b := range []*widget.Button{l.open, l.del} {
		if l.selectedRow() != nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// cell fills one cell: the text, and for 本月预警 the flag's colour.
func (l *listTab) cell(row, col int, o fyne.CanvasObject) {
	if row >= len(l.visible) {
		setColorCell(o, "", color.Transparent, widget.MediumImportance)
		return
	}
	r := &l.list.rows[l.visible[row]]
	bg, imp := color.Color(color.Transparent), widget.MediumImportance
	if col == colFlag {
		bg = flagColor(r.flag)
	}
	if col == colDeadline && r.state.Status.Open() && l.list.asOf.After(r.state.Deadline) {
		imp = widget.DangerImportance
	}
	setColorCell(o, rowText(r, col), bg, imp)
}

// rowText is the text of one cell of the list.
func rowText(r *taskRow, col int) string {
	t, s := r.t, r.state
	switch col {
	case colNumber:
		if t.Escalated {
			return t.Number + msg.T("·提级")
		}
		return t.Number
	case colTitle:
		return t.Title
	case colLead:
		return t.Lead.Name
	case colPerson:
		return t.Person
	case colDeadline:
		return deadlineText(s)
	case colStatus:
		return msg.T(s.Status.Word())
	case colFlag:
		if r.recorded && r.flag != store.FlagNone {
			return flagWord(r.flag) + recordedMark
		}
		return flagWord(r.flag)
	case colLast:
		return lastText(s.Last)
	}
	return ""
}

// deadlineText is the deadline in force, with the original after an
// extension: 2026-09-30（原定 2026-06-30）.
func deadlineText(s store.TaskState) string {
	if s.Extended() {
		return s.Deadline.String() + msg.Tf("（原定 %s）", s.Original.String())
	}
	return s.Deadline.String()
}

// lastText is the latest inspection in a cell: 2026-05 · 60%.
func lastText(in *store.Inspection) string {
	if in == nil {
		return "—"
	}
	if in.Percent >= 0 {
		return msg.Tf("%s · %d%%", in.Round, in.Percent)
	}
	return in.Round
}

// confirmDelete moves the selected task to the trash after asking.
func (l *listTab) confirmDelete() {
	r := l.selectedRow()
	if r == nil {
		return
	}
	text := msg.Tf("确定删除任务「%s %s」吗？办理过程、督查记录和预警一并删除。", r.t.Number, r.t.Title) + "\n" +
		msg.T("删除后可在 系统 → 回收站 中恢复。")
	sh, id := l.v.sh, r.t.ID
	s, ctx := sh.Store(), sh.Context()
	sh.Confirm("删除任务", text, "删除", func() {
		kit.Write(sh, func() error { return s.DeleteTask(ctx, id) }, func() {
			l.selected = uuid.Nil
			sh.Changed(store.KindTask, id)
			sh.Changed(store.KindMeeting, uuid.Nil) // its meeting item is free again
		})
	})
}

// sized gives o a width of its own in a row of buttons.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(width, o.MinSize().Height)), o)
}
