package org

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
	"github.com/secdesk/secdesk/ui/pick"
)

// seatChange is what a change to a body did, for the audit log and for
// what the roster shows next.
type seatChange struct {
	change store.BodyChange // what the store writes in the audit log
	seat   uuid.UUID        // the seat to select afterwards, if any
	from   store.Date       // a change that takes effect after the day shown moves the roster to it
}

// changeBody applies change to a copy of a body as last loaded, as a
// dialog's save (kit.SaveFunc): write stores it off the UI thread, after
// shows the result. A refusal (by the Body method or the store) is
// returned for the dialog to show next to its field; nothing on screen
// changes then.
func (v *Section) changeBody(bodyID uuid.UUID, change func(b *store.Body) (seatChange, error)) (func() error, func(), error) {
	orig := v.data.body(bodyID)
	if orig == nil {
		return nil, nil, store.ErrNotFound
	}
	b := orig.Clone()
	c, err := change(&b)
	if err != nil {
		return nil, nil, err
	}
	s, ctx := v.sh.Store(), v.sh.Context()
	var saved store.Body
	write := func() (err error) {
		saved, err = s.SaveBody(ctx, b, c.change)
		return err
	}
	after := func() {
		if c.seat != uuid.Nil {
			v.seatID = c.seat
		}
		if c.from.After(v.asOf) {
			v.asOf = c.from
			v.rosterPane.setDate(v.asOf)
		}
		v.afterChange(saved.ID)
	}
	return write, after, nil
}

// changeBodyNow is changeBody for a change made without a dialog (上移,
// 删除席位): a refusal is shown in an error dialog.
func (v *Section) changeBodyNow(bodyID uuid.UUID, change func(b *store.Body) (seatChange, error)) {
	write, after, err := v.changeBody(bodyID, change)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	kit.Write(v.sh, write, after)
}

// changeDay is the default day of a change: today within the term shown,
// else the day shown.
func (v *Section) changeDay() store.Date {
	if today := kit.Today(); v.roster.Term != nil && v.roster.Term.ActiveOn(today) {
		return today
	}
	return v.asOf
}

// addSeatDay is the default start of a new seat: the term's first day
// while every seat of the term still starts then (the clerk is entering
// the roster as elected), else the change day (增补 within the term).
func (v *Section) addSeatDay() store.Date {
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
func (v *Section) showAddSeat() {
	b, t := v.body(), v.roster.Term
	if b == nil || t == nil {
		return
	}
	bodyID, termID := b.ID, t.ID
	pos := newPositionEntry(store.PositionsOf(v.sh.Settings()), "")
	title := kit.TextEntry("", nil)
	start := kit.NewDateEntry(v.addSeatDay(), true)
	var h *pick.HolderChooser
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			s, err := b.AddSeat(termID, pos.Text, h.Holder(title.Text), start.Date())
			if err != nil {
				return seatChange{}, err
			}
			ch := store.BodyChange{Op: store.SeatAdded, TermID: termID, SeatID: s.ID}
			return seatChange{change: ch, seat: s.ID, from: s.Start}, nil
		})
	})
	h = pick.NewHolderChooser(v.sh, v.data.members, false, title, func() { d.UpdateSave(); d.Fit() })
	d.AddWidget("机构", kit.Bold(b.Name+" · "+kit.TermName(t.Number)))
	d.AddEntry("职位", store.FieldPosition, pos)
	d.AddWidget("担任方式", h.Kind())
	d.AddEntry("职务", "", title)
	d.AddDate("任职日期", store.FieldSeatStart, start)
	d.AddWidget("", kit.Hint(msg.T("职务填写任职时的职务，如“区教体局党组书记、局长”；由成员单位担任时填写代表人员的职务。届中增补时，任职日期请填增补的日期。")))
	v.showWithHolder(d, h, "增加人员")
}

// showReplace opens 更换: from a day, another holder takes the same
// position at the same rank; the roster before that day is unchanged.
func (v *Section) showReplace() {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	bodyID, termID, seatID, position := v.bodyID, v.roster.Term.ID, s.ID, s.Position
	old := v.seatHolderName(s)
	title := kit.TextEntry("", nil)
	day := kit.NewDateEntry(v.changeDay(), true)
	var h *pick.HolderChooser
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			n, err := b.ReplaceHolder(termID, seatID, day.Date(), h.Holder(title.Text))
			if err != nil {
				return seatChange{}, err
			}
			ch := store.BodyChange{Op: store.SeatReplaced, TermID: termID, SeatID: n.ID, FromSeatID: seatID}
			return seatChange{change: ch, seat: n.ID, from: n.Start}, nil
		})
	})
	h = pick.NewHolderChooser(v.sh, v.data.members, s.MemberID != uuid.Nil, title, func() { d.UpdateSave(); d.Fit() })
	d.AddWidget("职位", kit.Bold(position))
	d.AddWidget("现任", kit.Bold(old))
	d.AddDate("更换日期", store.FieldSeatStart, day)
	d.AddWidget("担任方式", h.Kind())
	d.AddEntry("职务", "", title)
	d.AddWidget("", kit.Hint(msg.T("现任人员任职到更换日期的前一天，新任人员从更换日期起任职；更换日期以前的名单保持不变。")))
	v.showWithHolder(d, h, "更换")
}

// showWithHolder opens a seat dialog whose holder is chosen with h, in
// a second column beside the fields; 保存 waits for a holder.
func (v *Section) showWithHolder(d *kit.FormDialog, h *pick.HolderChooser, title string) {
	d.SetValid(h.Ready)
	d.NewColumn()
	d.AddWidget("", h.Widget())
	d.Show(title)
	d.Fit()
}

// showEndSeat opens 离任: the holder leaves the seat on a day, and the
// seat stays in the rosters before it.
func (v *Section) showEndSeat() {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	bodyID, termID, seatID, position := v.bodyID, v.roster.Term.ID, s.ID, s.Position
	old := v.seatHolderName(s)
	day := kit.NewDateEntry(v.changeDay(), true)
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			if err := b.EndSeat(termID, seatID, day.Date()); err != nil {
				return seatChange{}, err
			}
			return seatChange{change: store.BodyChange{Op: store.SeatEnded, TermID: termID, SeatID: seatID}}, nil
		})
	})
	d.AddWidget("职位", kit.Bold(position))
	d.AddWidget("任职人员", kit.Bold(old))
	d.AddDate("离任日期", store.FieldSeatEnd, day)
	d.AddWidget("", kit.Hint(msg.T("从离任日期起不再列入名单；此前的名单保持不变。")))
	d.Show("离任")
	d.Fit()
}

// showChangeRep opens 更换代表 for a unit's seat: from a day another
// person sits for the unit.
func (v *Section) showChangeRep() {
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
	title := kit.TextEntry("", nil)
	day := kit.NewDateEntry(v.changeDay(), true)
	var rep *pick.PersonPicker
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) {
		p, _ := rep.Selected()
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			if err := b.ChangeRep(termID, seatID, day.Date(), p.ID, title.Text); err != nil {
				return seatChange{}, err
			}
			ch := store.BodyChange{Op: store.RepChanged, TermID: termID, SeatID: seatID}
			return seatChange{change: ch, seat: seatID, from: day.Date()}, nil
		})
	})
	rep = pick.NewPersonPicker(v.sh, func(p store.Person) {
		if title.Text == "" {
			title.SetText(p.Title)
		}
		d.UpdateSave()
	})
	d.AddWidget("职位", kit.Bold(position))
	d.AddWidget("成员单位", kit.Bold(unit))
	d.AddWidget("现任代表", kit.Bold(current))
	d.AddDate("更换日期", store.FieldSeatStart, day)
	d.AddEntry("职务", "", title)
	d.AddWidget("新代表", rep.Widget())
	d.SetValid(func() bool { _, ok := rep.Selected(); return ok })
	d.Show("更换代表")
	d.Fit()
}

// moveSeat moves the selected seat one place up (-1) or down (+1) within
// its position, for a body ranked explicitly.
func (v *Section) moveSeat(delta int) {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	termID, seatID := v.roster.Term.ID, s.ID
	ch := store.BodyChange{Op: store.SeatMoved, TermID: termID, SeatID: seatID, Delta: delta}
	v.changeBodyNow(v.bodyID, func(b *store.Body) (seatChange, error) {
		return seatChange{change: ch, seat: seatID}, b.MoveSeat(termID, seatID, delta)
	})
}

// newPositionEntry is the 职位 field: a free text entry whose button
// offers the positions of the settings (系统 → 设置), in rank order.
func newPositionEntry(positions []string, initial string) *kit.KeyEntry {
	e := kit.NewKeyEntry()
	pick := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() {
		items := make([]*fyne.MenuItem, len(positions))
		for i, p := range positions {
			items[i] = fyne.NewMenuItem(p, func() { e.SetText(p) })
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(e)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(0, e.Size().Height)))
	})
	pick.Importance = widget.LowImportance
	e.ActionItem = pick // before the text: the entry draws its button when first rendered
	e.SetText(initial)
	e.SetPlaceHolder(msg.T("选择或输入职位"))
	e.Validator = func(s string) error {
		if store.CleanText(s) == "" {
			return kit.FieldProblem(store.FieldPosition, store.ProblemRequired)
		}
		return nil
	}
	return e
}

// seatHolderName names the holder of seat s from the loaded directory,
// for audit summaries: 张三, or 某公司.
func (v *Section) seatHolderName(s *store.Seat) string {
	if s.MemberID != uuid.Nil {
		if m := v.data.dir.Members[s.MemberID]; m != nil {
			return m.Name
		}
		return ""
	}
	if p := v.data.dir.People[s.PersonID]; p != nil {
		return p.Name
	}
	return ""
}
