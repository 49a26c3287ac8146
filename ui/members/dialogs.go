package members

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// memberForm is the 新增/编辑 dialog: a unit's details and, for a new
// unit, its admission (or only its application).
type memberForm struct {
	view *Section
	d    *kit.FormDialog
	self *store.Member // the unit being edited, nil for a new one

	name, code, reason, province, city, address *kit.KeyEntry
	contact, phone, email, note                 *kit.KeyEntry
	typ                                         *kit.EnumSelect[store.UnitType]

	// 新增 only: how the unit enters the register.
	mode     *widget.RadioGroup
	date     *kit.DateEntry
	dateItem *widget.FormItem
	tier     *kit.EnumSelect[store.Tier]
	basis    *kit.KeyEntry
}

const (
	modeJoin  = "批准加入"
	modeApply = "仅登记申请"
)

// showAddMember opens 新增成员单位.
func (v *Section) showAddMember() {
	f := &memberForm{view: v}
	f.d = kit.NewFormDialog(v.sh, "保存", f.create)
	f.addDetails(&store.Member{})
	f.d.NewColumn()
	f.addOtherDetails(&store.Member{})
	f.addAdmission()
	f.d.Show("新增成员单位")
}

// showEditMember opens 编辑 on the selected unit, as stored now (read off
// the UI thread), so the save starts from the latest Updated stamp.
func (v *Section) showEditMember() {
	sel := v.selectedMember()
	if sel == nil {
		return
	}
	s, ctx, id := v.sh.Store(), v.sh.Context(), sel.ID
	var m store.Member
	var err error
	v.sh.Background(func() { m, err = s.Member(ctx, id) }, func() {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.editMember(m)
	})
}

func (v *Section) editMember(m store.Member) {
	f := &memberForm{view: v, self: &m}
	f.d = kit.NewFormDialog(v.sh, "保存", f.update)
	f.addDetails(&m)
	f.d.NewColumn()
	f.addOtherDetails(&m)
	f.d.Show("编辑成员单位")
}

// addDetails adds the identifying fields: name, credit code, its note,
// type and place.
func (f *memberForm) addDetails(m *store.Member) {
	f.name = kit.TextEntry(m.Name, f.checkName)
	f.code = kit.TextEntry(m.CreditCode, f.checkCode)
	f.reason = kit.TextEntry(m.CodeReason, f.checkReason)
	f.code.OnChanged = func(string) { f.codeChanged() }
	f.reason.OnChanged = func(string) { f.code.Validate() }
	f.typ = kit.NewEnumSelect(store.UnitTypes, m.Type)
	f.typ.PlaceHolder = msg.T("请选择")
	f.typ.OnChanged = func(string) { f.d.UpdateSave() }
	f.province = kit.TextEntry(m.Province, nil)
	f.city = kit.TextEntry(m.City, nil)
	f.address = kit.TextEntry(m.Address, nil)
	f.d.SetValid(func() bool { return f.typ.Value() != "" })

	f.d.AddEntry("单位名称", store.FieldName, f.name)
	f.d.AddEntry("统一社会信用代码", store.FieldCreditCode, f.code)
	f.d.AddEntry("信用代码说明", store.FieldCodeReason, f.reason)
	f.d.AddWidget("单位类型", f.typ.Select)
	f.d.AddEntry("省份", store.FieldProvince, f.province)
	f.d.AddEntry("城市", store.FieldCity, f.city)
	f.d.AddEntry("地址", store.FieldAddress, f.address)
	f.reasonEnable()
}

// addOtherDetails adds the contact fields and the note.
func (f *memberForm) addOtherDetails(m *store.Member) {
	f.contact = kit.TextEntry(m.Contact, nil)
	f.phone = kit.TextEntry(m.Phone, nil)
	f.email = kit.TextEntry(m.Email, kit.Check(store.CheckEmail))
	f.note = kit.TextEntry(m.Note, nil)
	f.d.AddEntry("联系人", store.FieldContact, f.contact)
	f.d.AddEntry("联系电话", store.FieldPhone, f.phone)
	f.d.AddEntry("电子邮箱", store.FieldEmail, f.email)
	f.d.AddEntry("备注", store.FieldNote, f.note)
}

// addAdmission adds 登记方式, the date, tier and 批准依据 of a new unit.
func (f *memberForm) addAdmission() {
	f.date = kit.NewDateEntry(kit.Today(), true)
	f.date.Validator = kit.CheckEventDate
	f.tier = kit.NewEnumSelect(store.Tiers, store.Tiers[len(store.Tiers)-1])
	f.basis = kit.TextEntry("", nil)
	f.basis.SetPlaceHolder(msg.T("如：第三届理事会第二次会议"))
	f.mode = widget.NewRadioGroup([]string{msg.T(modeJoin), msg.T(modeApply)}, func(string) { f.modeChanged() })
	f.mode.Horizontal = true
	f.mode.Required = true
	f.mode.SetSelected(msg.T(modeJoin))

	f.d.AddWidget("登记方式", f.mode)
	f.d.AddDate("加入日期", store.FieldJoinDate, f.date)
	f.dateItem = f.d.LastItem()
	f.d.Alias(store.FieldDate, store.FieldJoinDate)
	f.d.AddWidget("会员类别", f.tier.Select)
	f.d.AddEntry("批准依据", store.FieldBasis, f.basis)
}

// applying reports whether only the application is being recorded.
func (f *memberForm) applying() bool { return f.mode.Selected == msg.T(modeApply) }

func (f *memberForm) modeChanged() {
	if f.tier == nil || f.dateItem == nil {
		return // still being built
	}
	label := "加入日期"
	if f.applying() {
		label = "申请日期"
		f.tier.Disable()
		f.basis.Disable()
	} else {
		f.tier.Enable()
		f.basis.Enable()
	}
	f.dateItem.Text = msg.T(label)
	f.d.RefreshForm()
}

// member is the unit as the form describes it: the edited unit with its
// history and Updated stamp, or a new one.
func (f *memberForm) member() store.Member {
	var m store.Member
	if f.self != nil {
		m = *f.self
	}
	m.Name, m.CreditCode = f.name.Text, store.CleanCreditCode(f.code.Text)
	m.CodeReason = ""
	if !store.ValidCreditCode(m.CreditCode) {
		m.CodeReason = f.reason.Text
	}
	m.Type = f.typ.Value()
	m.Province, m.City, m.Address = f.province.Text, f.city.Text, f.address.Text
	m.Contact, m.Phone, m.Email, m.Note = f.contact.Text, f.phone.Text, f.email.Text, f.note.Text
	return m
}

// create saves a new unit with its admission or application.
func (f *memberForm) create() (func() error, func(), error) {
	m := f.member()
	ev := store.Event{Kind: store.EventJoin, Date: f.date.Date(), Tier: f.tier.Value(), Basis: f.basis.Text}
	if f.applying() {
		ev = store.Event{Kind: store.EventApply, Date: f.date.Date()}
	}
	m.Events = []store.Event{ev}
	return f.view.saveMember(func(ctx context.Context, s store.Store) (store.Member, error) { return s.CreateMember(ctx, m) }, true)
}

// update saves the edited details.
func (f *memberForm) update() (func() error, func(), error) {
	m := f.member()
	return f.view.saveMember(func(ctx context.Context, s store.Store) (store.Member, error) { return s.UpdateMember(ctx, m) }, false)
}

// saveMember is a dialog's save: write runs the store call off the UI
// thread; afterwards the unit saved is selected (and, created, revealed).
func (v *Section) saveMember(call func(context.Context, store.Store) (store.Member, error), created bool) (func() error, func(), error) {
	s, ctx := v.sh.Store(), v.sh.Context()
	var saved store.Member
	write := func() (err error) {
		saved, err = call(ctx, s)
		return err
	}
	return write, func() { v.afterChange(saved.ID, created) }, nil
}

// checkName is store.CheckName (required, not too long), then not the
// name of another loaded unit (compared as store.NameKey, as the store
// will).
func (f *memberForm) checkName(s string) error {
	if err := store.CheckName(s); err != nil {
		return kit.StoreError(err)
	}
	if dup := f.view.list.duplicateName(s, f.self); dup != nil {
		return kit.StoreError(store.DuplicateError(dup))
	}
	return nil
}

// checkCode: not another unit's code, then store.CheckCreditCode: empty,
// or a code that passes GB 32100, or any code with a 信用代码说明 (real
// registers hold codes that fail).
func (f *memberForm) checkCode(s string) error {
	if dup := f.view.list.duplicateCode(s, f.self); dup != nil {
		return kit.StoreError(&store.FieldError{Field: store.FieldCreditCode, Problem: store.ProblemDuplicate, Detail: dup.Name})
	}
	return kit.StoreError(store.CheckCreditCode(s, f.reason.Text))
}

// codeInvalid reports a code typed that fails the check.
func (f *memberForm) codeInvalid() bool {
	code := store.CleanCreditCode(f.code.Text)
	return code != "" && !store.ValidCreditCode(code)
}

func (f *memberForm) checkReason(s string) error {
	if f.codeInvalid() && store.CleanText(s) == "" {
		return kit.FieldProblem(store.FieldCodeReason, store.ProblemRequired)
	}
	return nil
}

// codeChanged opens 信用代码说明 when the code fails the check, and asks
// for it once the whole code is typed.
func (f *memberForm) codeChanged() {
	f.reasonEnable()
	if f.codeInvalid() && len(store.CleanCreditCode(f.code.Text)) >= 18 {
		f.reason.Validate()
	}
}

func (f *memberForm) reasonEnable() {
	if f.codeInvalid() {
		f.reason.Enable()
	} else {
		f.reason.Disable()
	}
}
