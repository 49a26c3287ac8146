package meetings

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// List columns.
const (
	colDate = iota
	colTime
	colTitle
	colKind
	colBody
	colStatus
	colCount
	colMinutes
	numCols
)

// listColumns are sized so the whole list fits a 1366-pixel screen beside
// the navigation.
var listColumns = [numCols]kit.TextColumn{
	{Header: "日期", Width: 100}, {Header: "时间", Width: 56}, {Header: "会议名称", Width: 360},
	{Header: "类型", Width: 120}, {Header: "所属机构", Width: 220}, {Header: "状态", Width: 70},
	{Header: "应到/实到", Width: 80}, {Header: "纪要", Width: 56},
}

// listTable is the list: a virtualised table that also opens the meeting
// of a row on a double click or on Enter.
type listTable struct {
	widget.Table
	open func()
}

// DoubleTapped selects the row under the pointer (a double tap is not
// also a tap), then opens its meeting.
func (t *listTable) DoubleTapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	t.open()
}

func (t *listTable) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		t.open()
		return
	}
	t.Table.TypedKey(k)
}

func (v *Section) newListTable() *listTable {
	cols := make([]kit.TextColumn, numCols)
	for i, c := range listColumns {
		cols[i] = kit.Col(msg.T(c.Header), c.Width)
	}
	t := &listTable{open: func() { v.openMeeting(v.selected) }}
	kit.SetUpTextTable(&t.Table, cols, func() int { return len(v.visible) }, v.cell)
	t.ExtendBaseWidget(t)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.visible) {
			v.selected = v.list.rows[v.visible[id.Row]].m.ID
			v.updateTools()
		}
	}
	return t
}

// cell is the text of one cell of the list.
func (v *Section) cell(row, col int) string {
	if row >= len(v.visible) {
		return ""
	}
	r := &v.list.rows[v.visible[row]]
	m := r.m
	switch col {
	case colDate:
		return m.Date.String()
	case colTime:
		return m.Time
	case colTitle:
		return m.Title
	case colKind:
		return msg.T(m.Kind)
	case colBody:
		if r.body != nil {
			return r.body.Name
		}
		return ""
	case colStatus:
		return msg.T(m.Status.Word())
	case colCount:
		return strconv.Itoa(r.att.Expected) + "/" + strconv.Itoa(r.att.Present)
	case colMinutes:
		if m.HasMinutes() {
			return msg.T("已写")
		}
		return msg.T("未写")
	}
	return ""
}

// listFilters is the bar above the list: search, type, body and year.
type listFilters struct {
	bar    fyne.CanvasObject
	search *widget.Entry
	kind   *widget.Select
	body   *widget.Select
	year   *widget.Select
	// The choices after 全部… of each select, as last offered.
	kinds  []string
	bodies []uuid.UUID // uuid.Nil stands for （无所属机构）
	years  []int
}

func (v *Section) newFilters() *listFilters {
	f := &listFilters{}
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder(msg.T("搜索会议名称、地点"))
	f.search.OnChanged = func(s string) { v.filter.setQuery(s); v.applyFilter() }
	f.kind = widget.NewSelect(nil, nil)
	f.body = widget.NewSelect(nil, nil)
	f.year = widget.NewSelect(nil, nil)
	f.setChoices(&meetingList{})
	f.kind.OnChanged = func(string) {
		v.filter.kind = ""
		if i := f.kind.SelectedIndex(); i > 0 {
			v.filter.kind = f.kinds[i-1]
		}
		v.applyFilter()
	}
	f.body.OnChanged = func(string) {
		v.filter.body, v.filter.noBody = uuid.Nil, false
		if i := f.body.SelectedIndex(); i > 0 {
			v.filter.body = f.bodies[i-1]
			v.filter.noBody = f.bodies[i-1] == uuid.Nil
		}
		v.applyFilter()
	}
	f.year.OnChanged = func(string) {
		v.filter.year = 0
		if i := f.year.SelectedIndex(); i > 0 {
			v.filter.year = f.years[i-1]
		}
		v.applyFilter()
	}
	f.bar = container.NewBorder(nil, nil, nil,
		container.NewHBox(f.kind, f.body, f.year, layout.NewSpacer()), f.search)
	return f
}

// setChoices offers the types, bodies and years of the latest load,
// keeping what is chosen. The filter is re-applied by the caller.
func (f *listFilters) setChoices(l *meetingList) {
	kindNames := []string{msg.T("全部类型")}
	for _, k := range l.kinds {
		kindNames = append(kindNames, msg.T(k))
	}
	bodyNames := []string{msg.T("全部机构")}
	bodies := []uuid.UUID{}
	for _, b := range l.bodies {
		bodyNames, bodies = append(bodyNames, b.Name), append(bodies, b.ID)
	}
	bodyNames, bodies = append(bodyNames, msg.T("（无所属机构）")), append(bodies, uuid.Nil)
	yearNames := []string{msg.T("全部年份")}
	for _, y := range l.years {
		yearNames = append(yearNames, msg.Tf("%d年", y))
	}
	kit.SetOptions(f.kind, kindNames, kit.SelectedIn(f.kinds, f.kind, l.kinds))
	kit.SetOptions(f.body, bodyNames, kit.SelectedIn(f.bodies, f.body, bodies))
	kit.SetOptions(f.year, yearNames, kit.SelectedIn(f.years, f.year, l.years))
	f.kinds, f.bodies, f.years = l.kinds, bodies, l.years
}

// bodyName is the name of b, or （无） for a meeting of no body.
func bodyName(b *store.Body) string {
	if b == nil {
		return msg.T("（无）")
	}
	return b.Name
}
