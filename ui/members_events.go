package ui

import (
	"slices"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// eventForm is a dialog that records one life-cycle step of the selected
// unit: the date always, then what the step needs.
type eventForm struct {
	view *membersView
	d    *formDialog
	m    *store.Member
	date *dateEntry
	// event builds the step from the fields.
	event func() store.Event
}

// newEventForm starts a dialog for m with its date field; dateField is the
// field the store names when it refuses the date.
func (v *membersView) newEventForm(m *store.Member, dateLabel string, dateField store.Field) *eventForm {
	f := &eventForm{view: v, m: m}
	f.d = v.app.newFormDialog("保存", f.save)
	f.d.addWidget("单位名称", boldLabel(m.Name))
	f.date = newDateEntry(store.Today(), true)
	f.date.Validator = checkEventDate
	f.d.addDate(dateLabel, dateField, f.date)
	f.d.byField[store.FieldDate] = f.d.byField[dateField]
	return f
}

func (f *eventForm) save() error {
	saved, err := f.view.app.store.AddEvent(f.m.ID, f.event())
	if err != nil {
		return err
	}
	f.view.afterChange(saved.ID, false)
	return nil
}

// showTierChange asks the date, the new tier and 依据.
func (v *membersView) showTierChange() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	cur := m.StateOn(store.Today()).Tier
	others := slices.DeleteFunc(slices.Clone(store.Tiers), func(t store.Tier) bool { return t == cur })
	f := v.newEventForm(m, "变更日期", store.FieldDate)
	f.d.addWidget("原类别", boldLabel(msg.T(string(cur))))
	tier := newEnumSelect(others, "")
	tier.PlaceHolder = msg.T("请选择")
	tier.OnChanged = func(string) { f.d.updateSave() }
	f.d.addWidget("新类别", tier.Select)
	basis := textEntry("", nil)
	basis.SetPlaceHolder(msg.T("如：第三届理事会第二次会议"))
	f.d.addEntry("批准依据", store.FieldBasis, basis)
	f.d.valid = func() bool { return tier.value() != "" }
	f.event = func() store.Event {
		return store.Event{Kind: store.EventTier, Date: f.date.date(), Tier: tier.value(), Basis: basis.Text}
	}
	f.d.show("类别变更")
}

// showExit asks the date, 退出方式 and 原因.
func (v *membersView) showExit() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	f := v.newEventForm(m, "退出日期", store.FieldExitDate)
	kind := newEnumSelect(store.ExitKinds, store.ExitKinds[0])
	f.d.addWidget("退出方式", kind.Select)
	reason := textEntry("", nil)
	f.d.addEntry("退出原因", store.FieldExitReason, reason)
	f.event = func() store.Event {
		return store.Event{Kind: store.EventExit, Date: f.date.date(), ExitKind: kind.value(), Reason: reason.Text}
	}
	f.d.show("退出")
}

// showJoin admits the selected unit: an applicant for the first time, or
// a unit that left, again. It asks the date, the tier and 依据.
func (v *membersView) showJoin() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	title := joinTitle(m)
	f := v.newEventForm(m, "加入日期", store.FieldJoinDate)
	tier := newEnumSelect(store.Tiers, lastTier(m))
	f.d.addWidget("会员类别", tier.Select)
	basis := textEntry("", nil)
	basis.SetPlaceHolder(msg.T("如：第三届理事会第二次会议"))
	f.d.addEntry("批准依据", store.FieldBasis, basis)
	f.event = func() store.Event {
		return store.Event{Kind: store.EventJoin, Date: f.date.date(), Tier: tier.value(), Basis: basis.Text}
	}
	f.d.show(title)
}

// joinTitle is 重新加入 for a unit that was a member before, else 批准加入.
func joinTitle(m *store.Member) string {
	for _, e := range m.Events {
		if e.Kind == store.EventJoin {
			return "重新加入"
		}
	}
	return "批准加入"
}

// lastTier is the tier the unit last held, 成员单位 if none: a unit that
// comes back usually comes back where it was.
func lastTier(m *store.Member) store.Tier {
	t := store.Tiers[len(store.Tiers)-1]
	for _, e := range m.Events {
		if (e.Kind == store.EventJoin || e.Kind == store.EventTier) && e.Tier != "" {
			t = e.Tier
		}
	}
	return t
}

// confirmDelete moves the selected unit to the trash after asking.
func (v *membersView) confirmDelete() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？\n删除后可在 系统 → 回收站 中恢复。", m.Name)
	v.app.confirm("删除成员单位", text, "删除", func() { v.deleteMember(m) })
}

func (v *membersView) deleteMember(m *store.Member) {
	if err := v.app.store.DeleteMember(m.ID); err != nil {
		v.app.showError(err)
		return
	}
	v.selected = uuid.Nil
	v.app.dataChanged()
}
