package people

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// personDetail is the panel beside the people table: the selected
// person's details and every seat they held on any body in any term.
type personDetail struct {
	view fyne.CanvasObject
	box  *fyne.Container
}

func newPersonDetail() *personDetail {
	d := &personDetail{box: container.NewVBox()}
	d.view = container.NewVScroll(d.box)
	return d
}

// show fills the panel for p (nil: a hint). unit is p's unit's name.
func (d *personDetail) show(p *store.Person, unit string, seats []store.HeldSeat, members map[uuid.UUID]*store.Member) {
	if p == nil {
		d.box.Objects = []fyne.CanvasObject{kit.Wrap(msg.T("在左侧列表中选择一个人员，这里显示其信息和在各机构的任职情况。"))}
		d.box.Refresh()
		return
	}
	title := kit.Bold(p.Name)
	title.SizeName = theme.SizeNameSubHeadingText
	objs := []fyne.CanvasObject{title, personFields(p, unit)}
	objs = append(objs, leftWarning(p, seats)...)
	objs = append(objs, widget.NewSeparator(), kit.Bold(msg.T("任职情况")), seatList(seats, members))
	d.box.Objects = objs
	// Wrapping labels measure their height from their width, which new
	// labels learn only in the first layout; the second one closes the
	// gaps the first one left.
	d.box.Refresh()
	d.box.Refresh()
}

func personFields(p *store.Person, unit string) fyne.CanvasObject {
	gender := ""
	if p.Gender != "" {
		gender = msg.T(p.Gender)
	}
	rows := []kit.LabelValue{{"性别", gender}, {"单位", unit}, {"职务", p.Title}, {"手机", p.Mobile},
		{"电话", p.Phone}, {"电子邮箱", p.Email}, {"备注", p.Note}}
	if !p.LeftOn.IsZero() {
		rows = append(rows, kit.LabelValue{"调离日期", p.LeftOn.String()})
	}
	return kit.DetailRows(rows)
}

// leftWarning says, for a person who has left their post, how many seats
// they still hold today: each shows as a warning on its roster until the
// seat is ended in 组织机构.
func leftWarning(p *store.Person, seats []store.HeldSeat) []fyne.CanvasObject {
	today := kit.Today()
	if !hasLeft(p, today) {
		return nil
	}
	n := heldOn(seats, today)
	if n == 0 {
		return nil
	}
	l := kit.Wrap("⚠ " + msg.Tf("已于%s调离，仍担任 %d 个职位，请在组织机构中办理离任。", p.LeftOn.String(), n))
	l.Importance = widget.WarningImportance
	return []fyne.CanvasObject{l}
}

// seatList lists the seats, each as 机构 届次 / 职位 · 职务 / 任职日期 —
// 离任日期: three short lines fit the narrow panel where five columns
// would break every word.
func seatList(seats []store.HeldSeat, members map[uuid.UUID]*store.Member) fyne.CanvasObject {
	if len(seats) == 0 {
		return widget.NewLabel(msg.T("没有任职记录"))
	}
	box := container.NewVBox()
	today := kit.Today()
	for i := range seats {
		s := &seats[i]
		head := kit.Bold(s.Body + " " + kit.TermName(s.Term))
		what := seatPosition(s, members)
		if s.Title != "" {
			what += " · " + s.Title
		}
		period := kit.Wrap(seatPeriod(s))
		if !s.ActiveOn(today) {
			period.Importance = widget.LowImportance
		}
		box.Add(container.NewVBox(head, kit.Wrap(what), period))
	}
	return box
}
