package meetings

import (
	"strconv"

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

// Invitee table columns.
const (
	colNo = iota
	colPosition
	colUnit
	colName
	colTitle2
	colPhone
	colReply
	colAttend
	numInviteeCols
)

var inviteeColumns = [numInviteeCols]kit.TextColumn{
	{Header: "序号", Width: 46}, {Header: "职位", Width: 96}, {Header: "单位", Width: 250},
	{Header: "姓名", Width: 80}, {Header: "职务", Width: 170}, {Header: "电话", Width: 116},
	{Header: "回执", Width: 120}, {Header: "出席情况", Width: 140},
}

// The two ways the keys tick: attendance at the door, or the replies
// before the meeting.
const (
	modeAttend = "签到"
	modeReply  = "回执"
)

// attendTab is 参会人员: the count line, the invitees with their replies
// and attendance, and the keys that tick them.
type attendTab struct {
	p       *meetingPage
	view    fyne.CanvasObject
	table   *tickTable
	mode    *widget.RadioGroup
	keys    *widget.Label // what each key does in the mode chosen
	count   *widget.Label
	problem *widget.Label // a refused tick
	remove  *widget.Button
	ticks   tickQueue
}

func newAttendTab(p *meetingPage) *attendTab {
	t := &attendTab{p: p}
	t.ticks.t = t
	t.table = t.newTable()
	t.mode = widget.NewRadioGroup([]string{msg.T(modeAttend), msg.T(modeReply)}, func(string) { t.modeChanged() })
	t.mode.Horizontal, t.mode.Required = true, true
	t.mode.SetSelected(msg.T(modeAttend))
	t.keys = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	t.count = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	t.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	t.problem.Hide()
	add := kit.IconButton("增加人员", theme.ContentAddIcon(), func() { t.showAdd(store.RoleExtra) })
	guest := kit.IconButton("增加列席", theme.ContentAddIcon(), func() { t.showAdd(store.RoleGuest) })
	t.remove = kit.IconButton("移除", theme.ContentRemoveIcon(), t.confirmRemove)
	details := kit.IconButton("详情…", theme.DocumentCreateIcon(), func() { t.showDetails(t.table.row) })
	tools := container.NewHBox(widget.NewLabel(msg.T("按键录入：")), t.mode, layout.NewSpacer(), details, add, guest, t.remove)
	top := container.NewVBox(tools, t.count, t.keys, t.problem)
	t.view = container.NewBorder(top, nil, nil, nil, t.table)
	t.modeChanged()
	return t
}

func (t *attendTab) newTable() *tickTable {
	tb := &tickTable{row: -1, rows: func() int { return len(t.p.m.Invitees) }}
	cols := make([]kit.TextColumn, numInviteeCols)
	for i, c := range inviteeColumns {
		cols[i] = kit.Col(msg.T(c.Header), c.Width)
	}
	kit.SetUpTextTable(&tb.Table, cols, tb.rows, t.cell)
	tb.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Importance = widget.MediumImportance
		if id.Col == colAttend && id.Row < len(t.p.m.Invitees) {
			l.Importance = attendImportance(t.p.m.Invitees[id.Row].Attend.State)
		}
		l.SetText(t.cell(id.Row, id.Col))
	}
	tb.OnSelected = func(id widget.TableCellID) { tb.row = id.Row; t.updateTools() }
	tb.OnUnselected = func(widget.TableCellID) { tb.row = -1; t.updateTools() }
	tb.onDigit = t.digit
	tb.onEnter = t.showDetails
	tb.ExtendBaseWidget(tb)
	return tb
}

// attendImportance colours an attendance by its state, so the clerk
// sees at a glance who is still to come.
func attendImportance(s store.AttendState) widget.Importance {
	switch s {
	case store.AttendPresent, store.AttendProxy, store.AttendGuest:
		return widget.SuccessImportance
	case store.AttendLeave:
		return widget.WarningImportance
	case store.AttendAbsent:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// cell is the text of one cell of the invitee table.
func (t *attendTab) cell(row, col int) string {
	if row >= len(t.p.m.Invitees) {
		return ""
	}
	v := &t.p.m.Invitees[row]
	switch col {
	case colNo:
		return strconv.Itoa(row + 1)
	case colPosition:
		if v.Role != store.RoleSeat {
			return msg.T(v.Role.Word())
		}
		return msg.T(v.Position)
	case colUnit:
		return v.Unit
	case colName:
		return v.Name
	case colTitle2:
		return v.Title
	case colPhone:
		return v.Phone
	case colReply:
		return replyText(v.Reply)
	case colAttend:
		return attendText(v.Attend)
	}
	return ""
}

// replyText is a reply as the table shows it: 拟出席（张三）, 委托（李四）.
func replyText(r store.Reply) string {
	s := msg.T(r.State.Word())
	switch {
	case r.State == store.ReplyAttend && r.Person != "":
		s += "（" + r.Person + "）"
	case r.State == store.ReplyProxy && r.Proxy != "":
		s += "（" + r.Proxy + "）"
	}
	return s
}

// attendText is an attendance as the table shows it: 委托（李四）.
func attendText(a store.Attend) string {
	s := msg.T(a.State.Word())
	if a.State == store.AttendProxy && a.Proxy != "" {
		s += "（" + a.Proxy + "）"
	}
	return s
}

// replying reports whether the keys record replies rather than
// attendance.
func (t *attendTab) replying() bool { return t.mode.Selected == msg.T(modeReply) }

func (t *attendTab) modeChanged() {
	if t.keys == nil {
		return // still being built
	}
	if t.replying() {
		t.keys.SetText(msg.T("选中一行后按键：1 拟出席　2 请假　3 委托　0 清除；↑↓ 换行；回车填写回执详情"))
	} else {
		t.keys.SetText(msg.T("选中一行后按键：1 出席　2 请假　3 缺席　4 列席　5 委托　0 清除；↑↓ 换行；回车填写详情"))
	}
	t.focus()
}

// focus gives the keys to the table, with a row selected.
func (t *attendTab) focus() {
	t.p.v.sh.Window().Canvas().Focus(t.table)
	if t.table.row < 0 && len(t.p.m.Invitees) > 0 {
		t.table.selectRow(0)
	}
}

// show redraws the table and the count after the meeting changed.
func (t *attendTab) show() {
	if t.table.row >= len(t.p.m.Invitees) {
		t.table.UnselectAll()
	}
	t.table.Refresh()
	t.count.SetText(countText(store.CountAttendance(&t.p.m, t.p.quorum())))
	t.updateTools()
}

// countText is the count line: 应到 N 实到 N … — 已达到法定人数（过半数）.
func countText(a store.Attendance) string {
	s := msg.Tf("应到 %d　实到 %d　请假 %d　委托 %d　缺席 %d　未签到 %d", a.Expected, a.Present, a.Leave, a.Proxy, a.Absent, a.Unticked)
	if a.Guests > 0 {
		s += msg.Tf("　列席 %d", a.Guests)
	}
	rule := msg.T(a.Rule.Rule.Word())
	if a.Met() {
		s += " — " + msg.Tf("已达到法定人数（%s）", rule)
	} else {
		s += " — " + msg.Tf("未达到法定人数（%s，需实到 %d）", rule, a.Needed())
	}
	if a.Rule.ProxyNotPresent {
		s += msg.T("；委托不计入实到")
	}
	return s
}

// selected is the invitee of the selected row, or nil.
func (t *attendTab) selected() *store.Invitee {
	if r := t.table.row; r >= 0 && r < len(t.p.m.Invitees) {
		return &t.p.m.Invitees[r]
	}
	return nil
}

// updateTools lets 移除 take only those added by hand: the roster's own
// come back with the roster (重新生成).
func (t *attendTab) updateTools() {
	if v := t.selected(); v != nil && v.Role != store.RoleSeat {
		t.remove.Enable()
	} else {
		t.remove.Disable()
	}
}

// busy reports whether ticks are still being written.
func (t *attendTab) busy() bool { return t.ticks.busy }

// invitee is the meeting's invitee id as shown, or nil.
func (t *attendTab) invitee(id uuid.UUID) *store.Invitee { return t.p.m.Invitee(id) }
