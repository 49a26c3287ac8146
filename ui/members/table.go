package members

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Table columns. colMarker is the narrow ⚠ column for a failing credit
// code or recorded import warnings.
const (
	colMarker = iota
	colName
	colType
	colTier
	colStatus
	colCity
	colContact
	colPhone
	colJoined
	numCols
)

// memberColumns are the header texts and widths, sized so the table and
// the detail panel fit side by side at 1366×768.
var memberColumns = [numCols]struct {
	title string
	width float32
}{
	{"", 30},
	{"单位名称", 206},
	{"单位类型", 80},
	{"会员类别", 104},
	{"状态", 58},
	{"城市", 64},
	{"联系人", 66},
	{"联系电话", 112},
	{"加入日期", 94},
}

// tableSort is the column the rows are sorted by; the default, tier, is
// the order of the printed register (理事长单位 first, then by join date).
type tableSort struct {
	col  int
	desc bool
}

// newMembersTable builds the virtualised table over v.visible.
func (v *Section) newMembersTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(v.visible), numCols },
		func() fyne.CanvasObject {
			label := widget.NewLabel("")
			label.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(label, widget.NewIcon(nil))
		},
		v.updateCell)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	t.UpdateHeader = v.updateHeader
	for i, c := range memberColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.visible) {
			v.selectMember(v.list.rows[v.visible[id.Row]].m.ID)
		}
	}
	return t
}

// updateCell fills one table cell from the visible row it shows.
func (v *Section) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	label, icon := stack.Objects[0].(*widget.Label), stack.Objects[1].(*widget.Icon)
	if id.Row >= len(v.visible) {
		kit.SetCellText(label, "")
		kit.SetCellIcon(icon, nil)
		return
	}
	r := &v.list.rows[v.visible[id.Row]]
	if id.Col == colMarker {
		kit.SetCellText(label, "")
		var res fyne.Resource
		if r.flagged {
			res = theme.WarningIcon()
		}
		kit.SetCellIcon(icon, res)
		return
	}
	kit.SetCellIcon(icon, nil)
	kit.SetCellText(label, cellText(r, id.Col))
}

// cellText is the text of a column for one row, in the chosen language.
func cellText(r *memberRow, col int) string {
	m := r.m
	switch col {
	case colName:
		return m.Name
	case colType:
		return msg.T(string(m.Type))
	case colTier:
		return msg.T(string(r.state.Tier))
	case colStatus:
		return msg.T(string(r.state.Status))
	case colCity:
		return m.City
	case colContact:
		return m.Contact
	case colPhone:
		return m.Phone
	case colJoined:
		return r.state.JoinedOn.String()
	}
	return ""
}

// updateHeader shows a column's title with an arrow icon on the sort
// column (an icon, not ▲: the fonts the program carries have no ▲, and a
// Windows PC would show a box); tapping it sorts by that column, tapping
// again reverses the order.
func (v *Section) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= numCols {
		b.SetText("")
		b.SetIcon(nil)
		b.OnTapped = nil
		return
	}
	b.SetText(v.headerText(id.Col))
	b.SetIcon(v.headerIcon(id.Col))
	col := id.Col
	b.OnTapped = func() { v.sortBy(col) }
}

func (v *Section) headerText(col int) string {
	if col == colMarker {
		return "⚠"
	}
	return msg.T(memberColumns[col].title)
}

// headerIcon is the sort column's arrow: up for ascending.
func (v *Section) headerIcon(col int) fyne.Resource {
	switch {
	case col != v.sort.col:
		return nil
	case v.sort.desc:
		return theme.MenuDropDownIcon()
	}
	return theme.MenuDropUpIcon()
}

// sortBy sorts by col, or reverses the order if it is already the sort
// column.
func (v *Section) sortBy(col int) {
	if v.sort.col == col {
		v.sort.desc = !v.sort.desc
	} else {
		v.sort = tableSort{col: col}
	}
	if v.list != nil {
		v.list.sort(v.sort)
	}
	v.applyFilter()
	v.table.Refresh()
}

// rowOf returns the visible row showing member id, or -1.
func (v *Section) rowOf(m *store.Member) int {
	for i, idx := range v.visible {
		if v.list.rows[idx].m.ID == m.ID {
			return i
		}
	}
	return -1
}
