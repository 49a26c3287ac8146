package tasks

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// taskPage is one task, shown over the tabs: its fields, the process
// line with each step's day, the extensions with the original deadline,
// the inspections and the flag of every round so far.
type taskPage struct {
	v      *Section
	id     uuid.UUID
	loader *kit.Loader[store.Task]
	t      store.Task // as last read or written
	loaded bool
	view   fyne.CanvasObject

	title       *widget.Label
	info        *fyne.Container
	process     *fyne.Container
	events      *fyne.Container
	extensions  *fyne.Container
	inspections *widget.Table
	flags       *fyne.Container
	edit        *widget.Button
}

func newTaskPage(v *Section, id uuid.UUID) *taskPage {
	p := &taskPage{v: v, id: id}
	p.loader = kit.NewLoader(v.sh, p.show)
	back := kit.IconButton("返回列表", theme.NavigateBackIcon(), v.closePage)
	p.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText,
		Truncation: fyne.TextTruncateEllipsis}
	p.edit = kit.IconButton("修改", theme.DocumentCreateIcon(), func() { v.showTaskForm(&p.t) })
	inspect := kit.IconButton("录入督查", theme.ContentAddIcon(), func() { p.showInspection(store.Round(kit.Today())) })
	head := container.NewBorder(nil, nil, back, container.NewHBox(p.edit, inspect), p.title)

	p.info = container.NewStack()
	p.process = container.NewHBox()
	p.events = container.NewVBox()
	p.extensions = container.NewVBox()
	p.flags = container.NewHBox()
	p.inspections = kit.NewTextTable(inspectionColumns(), func() int { return len(p.t.Inspections) }, p.inspectionCell)
	step := kit.IconButton("登记办理环节", theme.ContentAddIcon(), p.showStep)
	extend := kit.IconButton("申请延期", theme.HistoryIcon(), p.showExtension)

	left := container.NewVBox(heading(msg.T("基本信息")), p.info)
	right := container.NewVBox(
		// The process line scrolls: as one row it is wider than half a
		// 1366-pixel window, and would widen the whole page.
		container.NewBorder(nil, nil, heading(msg.T("办理流程")), step), container.NewHScroll(p.process), p.events, widget.NewSeparator(),
		container.NewBorder(nil, nil, heading(msg.T("延期")), extend), p.extensions, widget.NewSeparator(),
		heading(msg.T("各月预警")), kit.Hint(msg.T("● 为已记录的预警；点击已记录的月份可更正预警。")),
		container.NewHScroll(p.flags))
	top := container.NewGridWithColumns(2, left, right)
	body := container.NewVBox(top, widget.NewSeparator(), heading(msg.T("督查记录")),
		withHeight(p.inspections, 200))
	p.view = container.NewBorder(head, nil, nil, nil, container.NewVScroll(body))
	return p
}

// reload reads the task as stored, off the UI thread.
func (p *taskPage) reload() {
	s, ctx, id := p.v.sh.Store(), p.v.sh.Context(), p.id
	p.loader.Load(func() (store.Task, error) { return s.Task(ctx, id) })
}

// written shows a task this window just wrote and announces it.
func (p *taskPage) written(t store.Task) {
	p.show(t)
	p.v.written(t.ID)
}

// show fills the page with t.
func (p *taskPage) show(t store.Task) {
	p.t, p.loaded = t, true
	today := kit.Today()
	s := t.StateOn(today)
	p.title.SetText(t.Number + "  " + t.Title + "  ·  " + msg.T(s.Status.Word()))
	p.showInfo(&t, s)
	p.showProcess(&t)
	p.showExtensions(&t, s)
	p.showFlags(&t, today)
	p.inspections.Refresh()
}

func (p *taskPage) showInfo(t *store.Task, s store.TaskState) {
	deadline := s.Deadline.String()
	if s.Extended() {
		deadline += msg.Tf("（原定 %s）", s.Original.String())
	}
	rows := []kit.LabelValue{
		{Label: "事项编号", Value: t.Number}, {Label: "任务事项", Value: t.Title},
		{Label: "工作要求", Value: t.Requirement}, {Label: "来源", Value: p.sourceText(t)},
		{Label: "类别", Value: t.Category}, {Label: "牵头单位", Value: t.Lead.Name},
		{Label: "责任单位", Value: unitNamesOf(t.Units)}, {Label: "配合单位", Value: unitNamesOf(t.Helpers)},
		{Label: "责任人", Value: t.Person}, {Label: "立项日期", Value: t.Start.String()},
		{Label: "完成时限", Value: deadline}, {Label: "反馈频次", Value: frequencyText(t.Frequency)},
		{Label: "节点", Value: milestonesShown(t.Milestones)},
	}
	p.info.Objects = []fyne.CanvasObject{kit.DetailRows(rows)}
	p.info.Refresh()
}

// sourceText is the 来源; a meeting's is its title as it is now.
func (p *taskPage) sourceText(t *store.Task) string {
	src := t.Source
	if m := p.v.data.meeting(src.MeetingID); m != nil {
		src.Text, src.Date = m.Title, m.Date
	}
	out := msg.T(src.Kind.Word())
	if src.Text != "" {
		out += "：" + src.Text
	}
	if !src.Date.IsZero() {
		out += "（" + msg.Date(src.Date) + "）"
	}
	return out
}

// frequencyText is the 反馈频次 in words.
func frequencyText(f store.Frequency) string {
	if f.Weeks > 0 {
		return msg.Tf("每%d周", f.Weeks)
	}
	for _, x := range frequencies {
		if x.months == max(f.Months, 1) {
			return msg.T(x.word)
		}
	}
	return msg.Tf("每%d个月", f.Months)
}

// milestonesShown lists the milestones, each reached one with its day.
func milestonesShown(ms []store.Milestone) string {
	lines := make([]string, len(ms))
	for i, m := range ms {
		lines[i] = m.Date.String() + " " + m.Expected
		if !m.Reached.IsZero() {
			lines[i] += msg.Tf("（%s 达成）", m.Reached.String())
		}
	}
	return strings.Join(lines, "\n")
}

// The inspection table's columns.
func inspectionColumns() []kit.TextColumn {
	return []kit.TextColumn{kit.Col(msg.T("督查月份"), 76), kit.Col(msg.T("督查日期"), 96), kit.Col(msg.T("进展情况"), 300),
		kit.Col(msg.T("完成进度"), 70), kit.Col(msg.T("存在问题"), 180), kit.Col(msg.T("整改措施"), 180),
		kit.Col(msg.T("整改时限"), 96), kit.Col(msg.T("督查人"), 80)}
}

// inspectionCell is one cell of the inspections, newest first.
func (p *taskPage) inspectionCell(row, col int) string {
	n := len(p.t.Inspections)
	if row >= n {
		return ""
	}
	in := &p.t.Inspections[n-1-row]
	switch col {
	case 0:
		return in.Round
	case 1:
		return in.Date.String()
	case 2:
		return oneLine(in.Progress)
	case 3:
		return percentText(in.Percent)
	case 4:
		return oneLine(in.Problems)
	case 5:
		return oneLine(in.Measures)
	case 6:
		return dateText(in.FixBy)
	}
	return in.Inspector
}

func percentText(p int) string {
	if p < 0 {
		return ""
	}
	return strconv.Itoa(p) + "%"
}

func dateText(d store.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// heading is a bold one-line label.
func heading(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}

// withHeight gives o (a table) a height of its own inside a VBox.
func withHeight(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(10, h))
	return container.NewStack(space, o)
}
