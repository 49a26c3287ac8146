package ui

import (
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// seatChange is what a change to a body did, for the audit log and for
// what the roster shows next.
type seatChange struct {
	summary string     // in Chinese, as every audit entry is stored
	seat    uuid.UUID  // the seat to select afterwards, if any
	from    store.Date // a change that takes effect after the day shown moves the roster to it
}

// changeBody applies change to a copy of a body as last loaded and saves
// it. A refusal (by the Body method or the store) is returned for the
// dialog to show next to its field; nothing on screen changes then.
func (v *orgView) changeBody(bodyID uuid.UUID, change func(b *store.Body) (seatChange, error)) error {
	orig := v.data.body(bodyID)
	if orig == nil {
		return store.ErrNotFound
	}
	b := orig.Clone()
	c, err := change(&b)
	if err != nil {
		return err
	}
	saved, err := v.app.store.SaveBody(b, c.summary)
	if err != nil {
		return err
	}
	if c.seat != uuid.Nil {
		v.seatID = c.seat
	}
	if c.from.After(v.asOf) {
		v.asOf = c.from
		v.rosterPane.setDate(v.asOf)
	}
	v.afterChange(saved.ID)
	return nil
}

// changeDay is the default day of a change: today within the term shown,
// else the day shown.
func (v *orgView) changeDay() store.Date {
	if today := store.Today(); v.roster.Term != nil && v.roster.Term.ActiveOn(today) {
		return today
	}
	return v.asOf
}

// addSeatDay is the default start of a new seat: the term's first day
// while every seat of the term still starts then (the clerk is entering
// the roster as elected), else the change day (增补 within the term).
func (v *orgView) addSeatDay() store.Date {
	t := v.roster.Term
	if t == nil {
		return v.changeDay()
	}
	for _, s := range t.Seats {
		if !s.Start.Equal(t.Start) {
			return v.changeDay()
		}
	}
	return t.Start
}

// showAddSeat opens 增加人员: position, holder (a person, or a member unit
// with its representative), title and start date.
func (v *orgView) showAddSeat() {
	b, t := v.body(), v.roster.Term
	if b == nil || t == nil {
		return
	}
	bodyID, termID := b.ID, t.ID
	pos := newPositionEntry(store.PositionsOf(v.app.settings), "")
	title := textEntry("", nil)
	start := newDateEntry(v.addSeatDay(), true)
	var h *holderChooser
	d := v.app.newFormDialog("保存", func() error {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			s, err := b.AddSeat(termID, pos.Text, h.holder(title.Text), start.date())
			if err != nil {
				return seatChange{}, err
			}
			return seatChange{summary: s.Position + " " + h.name() + " 任职", seat: s.ID, from: s.Start}, nil
		})
	})
	h = v.newHolderChooser(false, title, func() { d.updateSave(); d.fit() })
	d.addWidget("机构", boldLabel(b.Name+" · "+termName(t.Number)))
	d.addEntry("职位", store.FieldPosition, pos)
	d.addWidget("担任方式", h.kind)
	d.addEntry("职务", "", title)
	d.addDate("任职日期", store.FieldSeatStart, start)
	d.addWidget("", hintLabel(msg.T("职务填写任职时的职务，如“区教体局党组书记、局长”；由成员单位担任时填写代表人员的职务。届中增补时，任职日期请填增补的日期。")))
	v.showWithHolder(d, h, "增加人员")
}

// showReplace opens 更换: from a day, another holder takes the same
// position at the same rank; the roster before that day is unchanged.
func (v *orgView) showReplace() {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	bodyID, termID, seatID, position := v.bodyID, v.roster.Term.ID, s.ID, s.Position
	old := v.seatHolderName(s)
	title := textEntry("", nil)
	day := newDateEntry(v.changeDay(), true)
	var h *holderChooser
	d := v.app.newFormDialog("保存", func() error {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			n, err := b.ReplaceHolder(termID, seatID, day.date(), h.holder(title.Text))
			if err != nil {
				return seatChange{}, err
			}
			return seatChange{summary: position + " " + old + " → " + h.name(), seat: n.ID, from: n.Start}, nil
		})
	})
	h = v.newHolderChooser(s.MemberID != uuid.Nil, title, func() { d.updateSave(); d.fit() })
	d.addWidget("职位", boldLabel(position))
	d.addWidget("现任", boldLabel(old))
	d.addDate("更换日期", store.FieldSeatStart, day)
	d.addWidget("担任方式", h.kind)
	d.addEntry("职务", "", title)
	d.addWidget("", hintLabel(msg.T("现任人员任职到更换日期的前一天，新任人员从更换日期起任职；更换日期以前的名单保持不变。")))
	v.showWithHolder(d, h, "更换")
}

// showWithHolder opens a seat dialog whose holder is chosen with h, in
// a second column beside the fields; 保存 waits for a holder.
func (v *orgView) showWithHolder(d *formDialog, h *holderChooser, title string) {
	v.holder = h // for tests
	d.valid = h.ready
	d.newColumn()
	d.addWidget("", h.box)
	d.show(title)
	d.fit()
}

// showEndSeat opens 离任: the holder leaves the seat on a day, and the
// seat stays in the rosters before it.
func (v *orgView) showEndSeat() {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	bodyID, termID, seatID, position := v.bodyID, v.roster.Term.ID, s.ID, s.Position
	old := v.seatHolderName(s)
	day := newDateEntry(v.changeDay(), true)
	d := v.app.newFormDialog("保存", func() error {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			if err := b.EndSeat(termID, seatID, day.date()); err != nil {
				return seatChange{}, err
			}
			return seatChange{summary: position + " " + old + " 离任"}, nil
		})
	})
	d.addWidget("职位", boldLabel(position))
	d.addWidget("任职人员", boldLabel(old))
	d.addDate("离任日期", store.FieldSeatEnd, day)
	d.addWidget("", hintLabel(msg.T("从离任日期起不再列入名单；此前的名单保持不变。")))
	d.show("离任")
	d.fit()
}

// showChangeRep opens 更换代表 for a unit's seat: from a day another
// person sits for the unit.
func (v *orgView) showChangeRep() {
	s := v.selectedSeat()
	if s == nil || s.MemberID == uuid.Nil {
		return
	}
	bodyID, termID, seatID, position := v.bodyID, v.roster.Term.ID, s.ID, s.Position
	unit := v.seatHolderName(s)
	current := msg.T("（未指定代表）")
	if row := v.lineOf(seatID); row >= 0 && v.lines[row].Name != "" {
		current = v.lines[row].Name
	}
	title := textEntry("", nil)
	day := newDateEntry(v.changeDay(), true)
	var rep *personPicker
	d := v.app.newFormDialog("保存", func() error {
		p, _ := rep.Selected()
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			if err := b.ChangeRep(termID, seatID, day.date(), p.ID, title.Text); err != nil {
				return seatChange{}, err
			}
			return seatChange{summary: position + " " + unit + " 代表改为 " + p.Name, seat: seatID, from: day.date()}, nil
		})
	})
	rep = newPersonPicker(v.app, func(p store.Person) {
		if title.Text == "" {
			title.SetText(p.Title)
		}
		d.updateSave()
	})
	d.addWidget("职位", boldLabel(position))
	d.addWidget("成员单位", boldLabel(unit))
	d.addWidget("现任代表", boldLabel(current))
	d.addDate("更换日期", store.FieldSeatStart, day)
	d.addEntry("职务", "", title)
	d.addWidget("新代表", rep.Widget())
	v.rep = rep
	d.valid = func() bool { _, ok := rep.Selected(); return ok }
	d.show("更换代表")
	d.fit()
}

// moveSeat moves the selected seat one place up (-1) or down (+1) within
// its position, for a body ranked explicitly.
func (v *orgView) moveSeat(delta int) {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	termID, seatID := v.roster.Term.ID, s.ID
	summary := s.Position + " " + v.seatHolderName(s) + " 上移"
	if delta > 0 {
		summary = s.Position + " " + v.seatHolderName(s) + " 下移"
	}
	err := v.changeBody(v.bodyID, func(b *store.Body) (seatChange, error) {
		return seatChange{summary: summary, seat: seatID}, b.MoveSeat(termID, seatID, delta)
	})
	v.app.showError(err)
}

// hintLabel is a short explanation under a form's fields.
func hintLabel(text string) *widget.Label {
	l := wrapLabel(text)
	l.Importance = widget.LowImportance
	return l
}
