package members

import (
	"context"

	"slices"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// eventForm is a dialog that records one life-cycle step of the selected
// unit: the date always, then what the step needs.
type eventForm struct {
	view *Section
	d    *kit.FormDialog
	m    *store.Member
	date *kit.DateEntry
	// event builds the step from the fields.
	event func() store.Event
}

// newEventForm starts a dialog for m with its date field; dateField is the
// field the store names when it refuses the date.
func (v *Section) newEventForm(m *store.Member, dateLabel string, dateField store.Field) *eventForm {
	f := &eventForm{view: v, m: m}
	f.d = kit.NewFormDialog(v.sh, "保存", f.save)
	f.d.AddWidget("单位名称", kit.Bold(m.Name))
	f.date = kit.NewDateEntry(kit.Today(), true)
	f.date.Validator = kit.CheckEventDate
	f.d.AddDate(dateLabel, dateField, f.date)
	f.d.Alias(store.FieldDate, dateField)
	return f
}

func (f *eventForm) save() (func() error, func(), error) {
	id, e := f.m.ID, f.event()
	return f.view.saveMember(func(ctx context.Context, s store.Store) (store.Member, error) { return s.AddEvent(ctx, id, e) }, false)
}

// showTierChange asks the date, the new tier and 依据.
func (v *Section) showTierChange() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	cur := m.StateOn(kit.Today()).Tier
	others := slices.DeleteFunc(slices.Clone(store.Tiers), func(t store.Tier) bool { return t == cur })
	f := v.newEventForm(m, "变更日期", store.FieldDate)
	f.d.AddWidget("原类别", kit.Bold(msg.T(string(cur))))
	tier := kit.NewEnumSelect(others, "")
	tier.PlaceHolder = msg.T("请选择")
	tier.OnChanged = func(string) { f.d.UpdateSave() }
	f.d.AddWidget("新类别", tier.Select)
	basis := kit.TextEntry("", nil)
	basis.SetPlaceHolder(msg.T("如：第三届理事会第二次会议"))
	f.d.AddEntry("批准依据", store.FieldBasis, basis)
	f.d.SetValid(func() bool { return tier.Value() != "" })
	f.event = func() store.Event {
		return store.Event{Kind: store.EventTier, Date: f.date.Date(), Tier: tier.Value(), Basis: basis.Text}
	}
	f.d.Show("类别变更")
}

// showExit asks the date, 退出方式 and 原因.
func (v *Section) showExit() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	f := v.newEventForm(m, "退出日期", store.FieldExitDate)
	kind := kit.NewEnumSelect(store.ExitKinds, store.ExitKinds[0])
	f.d.AddWidget("退出方式", kind.Select)
	reason := kit.TextEntry("", nil)
	f.d.AddEntry("退出原因", store.FieldExitReason, reason)
	f.event = func() store.Event {
		return store.Event{Kind: store.EventExit, Date: f.date.Date(), ExitKind: kind.Value(), Reason: reason.Text}
	}
	f.d.Show("退出")
}

// showJoin admits the selected unit: an applicant for the first time, or
// a unit that left, again. It asks the date, the tier and 依据.
func (v *Section) showJoin() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	title := joinTitle(m)
	f := v.newEventForm(m, "加入日期", store.FieldJoinDate)
	tier := kit.NewEnumSelect(store.Tiers, lastTier(m))
	f.d.AddWidget("会员类别", tier.Select)
	basis := kit.TextEntry("", nil)
	basis.SetPlaceHolder(msg.T("如：第三届理事会第二次会议"))
	f.d.AddEntry("批准依据", store.FieldBasis, basis)
	f.event = func() store.Event {
		return store.Event{Kind: store.EventJoin, Date: f.date.Date(), Tier: tier.Value(), Basis: basis.Text}
	}
	f.d.Show(title)
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
func (v *Section) confirmDelete() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？\n删除后可在 系统 → 回收站 中恢复。", m.Name)
	v.sh.Confirm("删除成员单位", text, "删除", func() { v.deleteMember(m) })
}

func (v *Section) deleteMember(m *store.Member) {
	s, ctx, id := v.sh.Store(), v.sh.Context(), m.ID
	var err error
	v.sh.Background(func() { err = s.DeleteMember(ctx, id) }, func() {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.selected = uuid.Nil
		v.sh.Changed(store.KindMember, id)
	})
}
