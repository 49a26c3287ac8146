package meetings

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// showAdd opens 增加人员 (role RoleExtra: counts toward 应到) or 增加列席
// (RoleGuest): a person or a unit typed by hand.
func (t *attendTab) showAdd(role store.InviteeRole) {
	name, unit, title, phone := kit.TextEntry("", nil), kit.TextEntry("", nil), kit.TextEntry("", nil), kit.TextEntry("", nil)
	position := kit.TextEntry("", nil)
	isUnit := widget.NewCheck(msg.T("以单位身份参会（姓名填出席人，可空）"), nil)
	var d *kit.FormDialog
	d = kit.NewFormDialog(t.p.v.sh, "保存", func() (func() error, func(), error) {
		v := store.Invitee{ID: store.NewID(), Role: role, Name: name.Text, Unit: unit.Text, Title: title.Text,
			Phone: phone.Text, Position: position.Text, IsUnit: isUnit.Checked}
		return t.writeInvitees(func(m *store.Meeting) { m.Invitees = append(m.Invitees, v) })
	})
	d.AddEntry("姓名", store.FieldInvitee, name)
	d.AddEntry("单位", "", unit)
	d.AddWidget("", isUnit)
	d.AddEntry("职务", "", title)
	d.AddEntry("电话", "", phone)
	d.AddEntry("职位", "", position)
	d.SetValid(func() bool { return store.CleanText(name.Text) != "" || store.CleanText(unit.Text) != "" })
	if role == store.RoleGuest {
		d.AddWidget("", kit.Hint(msg.T("列席人员不计入应到人数，签到时记为列席或缺席。")))
		d.Show("增加列席人员")
	} else {
		d.AddWidget("", kit.Hint(msg.T("增加的人员计入应到人数。名单内的人员请在“组织机构”中调整后重新生成。")))
		d.Show("增加参会人员")
	}
	d.Fit()
}

// writeInvitees is a form dialog's save that changes the invitees of the
// meeting as last known (change) and writes it whole, with its Rev: a
// refusal (another clerk's change) stays in the dialog, with 重新载入.
func (t *attendTab) writeInvitees(change func(m *store.Meeting)) (func() error, func(), error) {
	m := t.p.m.Clone()
	change(&m)
	s, ctx := t.p.v.sh.Store(), t.p.v.sh.Context()
	var saved store.Meeting
	write := func() (err error) {
		saved, err = s.UpdateMeeting(ctx, m)
		return err
	}
	after := func() {
		t.p.written(saved)
		t.focus()
	}
	return write, after, nil
}

// confirmRemove takes the selected invitee added by hand off the list.
func (t *attendTab) confirmRemove() {
	v := t.selected()
	if v == nil || v.Role == store.RoleSeat {
		return
	}
	id := v.ID
	t.p.v.sh.Confirm("移除参会人员", msg.Tf("确定从本次会议的参会人员中移除「%s」吗？", v.Label()), "移除", func() {
		m := t.p.m.Clone()
		m.Invitees = slices.DeleteFunc(m.Invitees, func(x store.Invitee) bool { return x.ID == id })
		t.table.UnselectAll()
		t.p.update(m, t.focus)
	})
}

// showDetails opens the reply (in 回执 mode) or the attendance of row
// with all its fields: who comes instead, the reason of a leave, whom a
// unit sends.
func (t *attendTab) showDetails(row int) {
	if row < 0 || row >= len(t.p.m.Invitees) || t.busy() {
		return
	}
	v := t.p.m.Invitees[row]
	if t.replying() {
		t.showReply(v)
	} else {
		t.showAttend(v)
	}
}

func (t *attendTab) showReply(v store.Invitee) {
	r := v.Reply
	state := widget.NewSelect(replyWords(), nil)
	state.SetSelectedIndex(slices.Index(store.ReplyStates, r.State))
	person, title, phone := kit.TextEntry(r.Person, nil), kit.TextEntry(r.Title, nil), kit.TextEntry(r.Phone, nil)
	reason, proxy := kit.TextEntry(r.Reason, nil), kit.TextEntry(r.Proxy, nil)
	s, ctx, id := t.p.v.sh.Store(), t.p.v.sh.Context(), t.p.id
	d := kit.NewFormDialog(t.p.v.sh, "保存", func() (func() error, func(), error) {
		to := store.Reply{State: store.ReplyStates[max(0, state.SelectedIndex())], Person: person.Text, Title: title.Text,
			Phone: phone.Text, Reason: reason.Text, Proxy: proxy.Text}
		return t.writeOne(func() (store.Meeting, error) { return s.SetReply(ctx, id, v.ID, r, to) })
	})
	d.AddWidget("参会人员", kit.Bold(v.Label()))
	d.AddWidget("回执", state)
	d.AddEntry("拟参会人", "", person)
	d.AddEntry("职务", "", title)
	d.AddEntry("联系电话", "", phone)
	d.AddEntry("请假事由", "", reason)
	d.AddEntry("委托人", store.FieldProxy, proxy)
	d.Show("回执")
	d.Fit()
}

func (t *attendTab) showAttend(v store.Invitee) {
	a := v.Attend
	states := append([]store.AttendState{store.AttendNone}, store.AttendStates...)
	state := widget.NewSelect(attendWords(states), nil)
	state.SetSelectedIndex(slices.Index(states, a.State))
	reason, proxy := kit.TextEntry(a.Reason, nil), kit.TextEntry(a.Proxy, nil)
	s, ctx, id := t.p.v.sh.Store(), t.p.v.sh.Context(), t.p.id
	d := kit.NewFormDialog(t.p.v.sh, "保存", func() (func() error, func(), error) {
		to := store.Attend{State: states[max(0, state.SelectedIndex())], Reason: reason.Text, Proxy: proxy.Text}
		return t.writeOne(func() (store.Meeting, error) { return s.SetAttend(ctx, id, v.ID, a, to) })
	})
	d.AddWidget("参会人员", kit.Bold(v.Label()))
	d.AddWidget("出席情况", state)
	d.AddEntry("请假事由", "", reason)
	d.AddEntry("委托人", store.FieldProxy, proxy)
	d.Show("出席情况")
	d.Fit()
}

// writeOne is a details dialog's save: write in the background, then show
// the meeting as stored and give the keys back to the table.
func (t *attendTab) writeOne(write func() (store.Meeting, error)) (func() error, func(), error) {
	var saved store.Meeting
	return func() (err error) {
			saved, err = write()
			return err
		}, func() {
			t.p.written(saved)
			t.focus()
		}, nil
}

func replyWords() []string {
	out := make([]string, len(store.ReplyStates))
	for i, s := range store.ReplyStates {
		out[i] = msg.T(s.Word())
	}
	return out
}

func attendWords(states []store.AttendState) []string {
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = msg.T(s.Word())
	}
	return out
}
