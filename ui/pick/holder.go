package pick

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Who holds a seat: a person, or a member unit (共同体 members, 理事单位)
// with the person who sits for it.
const (
	holderPerson = "个人"
	holderUnit   = "成员单位"
)

// HolderChooser is the part of a seat dialog that says who takes the
// seat: a person through the person picker, or a member unit through a
// searchable list with an optional representative.
type HolderChooser struct {
	kind   *widget.RadioGroup
	person *PersonPicker
	unit   *MemberChooser
	rep    *PersonPicker
	box    fyne.CanvasObject
}

// NewHolderChooser builds the chooser over members (as loaded, read-only);
// a person chosen (as holder or as representative) fills title with their
// current 职务 when it is empty, and changed runs after every choice so
// the dialog can enable 保存. unitFirst starts with 成员单位 chosen.
func NewHolderChooser(sh kit.Shell, members []store.Member, unitFirst bool, title *kit.KeyEntry, changed func()) *HolderChooser {
	h := &HolderChooser{}
	onPerson := func(p store.Person) {
		if strings.TrimSpace(title.Text) == "" {
			title.SetText(p.Title)
		}
		changed()
	}
	h.person = NewPersonPicker(sh, onPerson)
	h.rep = NewPersonPicker(sh, onPerson)
	h.unit = NewMemberChooser(members, func() { changed() })
	personBox := container.NewBorder(widget.NewLabel(msg.T("任职人员")), nil, nil, nil, h.person.Widget())
	unitBox := container.NewVBox(widget.NewLabel(msg.T("成员单位")), h.unit.box,
		widget.NewLabel(msg.T("代表人员（可不填）")), h.rep.Widget())
	h.kind = widget.NewRadioGroup([]string{msg.T(holderPerson), msg.T(holderUnit)}, func(string) {
		kit.ShowIf(personBox, !h.isUnit())
		kit.ShowIf(unitBox, h.isUnit())
		changed()
	})
	h.kind.Horizontal = true
	h.kind.Required = true
	h.box = container.NewStack(personBox, unitBox)
	if unitFirst {
		h.kind.SetSelected(msg.T(holderUnit))
	} else {
		h.kind.SetSelected(msg.T(holderPerson))
	}
	return h
}

// Kind is the choice between a person and a unit, for the dialog's 担任方式.
func (h *HolderChooser) Kind() fyne.CanvasObject { return h.kind }

// Widget is the part that changes with Kind, for the dialog's second column.
func (h *HolderChooser) Widget() fyne.CanvasObject { return h.box }

func (h *HolderChooser) isUnit() bool { return h.kind.Selected == msg.T(holderUnit) }

// Ready reports whether a holder is chosen.
func (h *HolderChooser) Ready() bool {
	if h.isUnit() {
		return h.unit.chosen != nil
	}
	_, ok := h.person.Selected()
	return ok
}

// Holder is the choice as the Body methods take it.
func (h *HolderChooser) Holder(title string) store.SeatHolder {
	s := store.SeatHolder{Title: title}
	if h.isUnit() {
		if h.unit.chosen != nil {
			s.MemberID = h.unit.chosen.ID
		}
		if p, ok := h.rep.Selected(); ok {
			s.RepID = p.ID
		}
		return s
	}
	if p, ok := h.person.Selected(); ok {
		s.PersonID = p.ID
	}
	return s
}

// Name is who was chosen, for the audit summary: 张三, or 某公司（代表 李四）.
func (h *HolderChooser) Name() string {
	if !h.isUnit() {
		p, _ := h.person.Selected()
		return p.Name
	}
	if h.unit.chosen == nil {
		return ""
	}
	if p, ok := h.rep.Selected(); ok {
		return h.unit.chosen.Name + "（代表 " + p.Name + "）"
	}
	return h.unit.chosen.Name
}

// MemberChooser finds a member unit as the clerk types part of its name.
// Units in the register today are listed first; a unit that left is
// marked, since it should seldom take a seat. Enter in the search field
// chooses the first unit listed.
type MemberChooser struct {
	all      []*store.Member
	matches  []*store.Member
	chosen   *store.Member
	search   *widget.Entry
	list     *widget.List
	status   *widget.Label
	box      fyne.CanvasObject
	onChosen func()
}

// NewMemberChooser lists members (as loaded, read-only); onChosen runs
// after each choice.
func NewMemberChooser(members []store.Member, onChosen func()) *MemberChooser {
	c := &MemberChooser{onChosen: onChosen}
	today := kit.Today()
	var left []*store.Member
	for i := range members {
		if members[i].StateOn(today).Status == store.StatusActive {
			c.all = append(c.all, &members[i])
		} else {
			left = append(left, &members[i])
		}
	}
	c.all = append(c.all, left...)
	c.search = widget.NewEntry()
	c.search.SetPlaceHolder(msg.T("输入单位名称查找"))
	c.search.OnChanged = func(string) { c.filter() }
	c.search.OnSubmitted = func(string) {
		if len(c.matches) > 0 {
			c.list.Select(0)
		}
	}
	c.list = widget.NewList(func() int { return len(c.matches) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(memberChoiceText(c.matches[id], today))
		})
	c.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(c.matches) {
			c.chosen = c.matches[id]
			c.status.SetText(msg.T("已选：") + c.chosen.Name)
			c.onChosen()
		}
	}
	c.status = widget.NewLabel("")
	c.status.Importance = widget.SuccessImportance
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(380, 4*c.list.MinSize().Height+3*theme.Padding()))
	c.box = container.NewBorder(c.search, c.status, nil, nil, container.NewStack(space, c.list))
	c.filter()
	return c
}

// filter lists the units whose name contains what was typed (compared as
// store.NameKey, so full-width characters and spaces do not matter).
func (c *MemberChooser) filter() {
	q := store.NameKey(c.search.Text)
	c.matches = c.matches[:0]
	for _, m := range c.all {
		if q == "" || strings.Contains(store.NameKey(m.Name), q) {
			c.matches = append(c.matches, m)
		}
	}
	c.list.UnselectAll()
	c.list.Refresh()
	c.list.ScrollToTop()
}

// Widget is the chooser to put in a form.
func (c *MemberChooser) Widget() fyne.CanvasObject { return c.box }

// Chosen is the unit chosen, or nil.
func (c *MemberChooser) Chosen() *store.Member { return c.chosen }

func memberChoiceText(m *store.Member, today store.Date) string {
	if m.StateOn(today).Status != store.StatusActive {
		return m.Name + msg.T("（不在册）")
	}
	return m.Name
}
