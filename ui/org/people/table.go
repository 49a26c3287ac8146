package people

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Columns of the people table.
const (
	pcolName = iota
	pcolGender
	pcolUnit
	pcolTitle
	pcolMobile
	pcolPhone
	pcolEmail
	pcolSeats
	numPeopleCols
)

// peopleColumns are the header texts and widths, sized so the table and
// the detail panel fit side by side at 1366×768.
var peopleColumns = [numPeopleCols]struct {
	title string
	width float32
}{
	{"姓名", 76},
	{"性别", 44},
	{"单位", 176},
	{"职务", 104},
	{"手机", 106},
	{"电话", 100},
	{"电子邮箱", 130},
	{"任职", 48},
}

// newTable builds the virtualised table over v.visible. Cells are plain
// labels; the header names the columns.
func (v *Tab) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(v.visible), numPeopleCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { kit.SetCellText(o.(*widget.Label), v.cellText(id)) })
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < numPeopleCols {
			o.(*widget.Label).SetText(msg.T(peopleColumns[id.Col].title))
		}
	}
	for i, c := range peopleColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.visible) {
			v.selectPerson(v.idx.People[v.visible[id.Row]].ID)
		}
	}
	return t
}

// cellText is one cell of the table. The 任职 column counts the seats
// held today, marked ⚠ when the person has left their post (调离) and
// still holds them — the case the rosters warn about.
func (v *Tab) cellText(id widget.TableCellID) string {
	if id.Row < 0 || id.Row >= len(v.visible) {
		return ""
	}
	p := &v.idx.People[v.visible[id.Row]]
	switch id.Col {
	case pcolName:
		return p.Name
	case pcolGender:
		if p.Gender == "" {
			return ""
		}
		return msg.T(p.Gender)
	case pcolUnit:
		return v.idx.UnitName(p)
	case pcolTitle:
		return p.Title
	case pcolMobile:
		return p.Mobile
	case pcolPhone:
		return p.Phone
	case pcolEmail:
		return p.Email
	case pcolSeats:
		today := kit.Today()
		n := heldOn(v.seats[p.ID], today)
		s := strconv.Itoa(n)
		if n > 0 && hasLeft(p, today) {
			s += " ⚠"
		}
		return s
	}
	return ""
}

// hasLeft reports whether p has left their post (调离) by day d.
func hasLeft(p *store.Person, d store.Date) bool {
	return !p.LeftOn.IsZero() && !d.Before(p.LeftOn)
}
