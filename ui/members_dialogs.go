package ui

import (
	"net/mail"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// memberForm is the 新增/编辑 dialog: a unit's details and, for a new
// unit, its admission (or only its application).
type memberForm struct {
	view *membersView
	d    *formDialog
	self *store.Member // the unit being edited, nil for a new one

	name, code, reason, province, city, address *keyEntry
	contact, phone, email, note                 *keyEntry
	typ                                         *choiceSelect[store.UnitType]

	// 新增 only: how the unit enters the register.
	mode     *widget.RadioGroup
	date     *dateEntry
	dateItem *widget.FormItem
	tier     *choiceSelect[store.Tier]
	basis    *keyEntry
}

const (
	modeJoin  = "批准加入"
	modeApply = "仅登记申请"
)

// showAddMember opens 新增成员单位.
func (v *membersView) showAddMember() {
	f := &memberForm{view: v}
	f.d = v.app.newFormDialog("保存", f.create)
	f.addDetails(&store.Member{})
	f.d.newColumn()
	f.addOtherDetails(&store.Member{})
	f.addAdmission()
	f.d.show("新增成员单位")
}

// showEditMember opens 编辑 on the selected unit, as stored now.
func (v *membersView) showEditMember() {
	sel := v.selectedMember()
	if sel == nil {
		return
	}
	m, err := v.app.store.Member(sel.ID)
	if err != nil {
		v.app.showError(err)
		return
	}
	f := &memberForm{view: v, self: &m}
	f.d = v.app.newFormDialog("保存", f.update)
	f.addDetails(&m)
	f.d.newColumn()
	f.addOtherDetails(&m)
	f.d.show("编辑成员单位")
}

// addDetails adds the identifying fields: name, credit code, its note,
// type and place.
func (f *memberForm) addDetails(m *store.Member) {
	f.name = textEntry(m.Name, f.checkName)
	f.code = textEntry(m.CreditCode, f.checkCode)
	f.reason = textEntry(m.CodeReason, f.checkReason)
	f.code.OnChanged = func(string) { f.codeChanged() }
	f.reason.OnChanged = func(string) { f.code.Validate() }
	f.typ = newEnumSelect(store.UnitTypes, m.Type)
	f.typ.PlaceHolder = msg.T("请选择")
	f.typ.OnChanged = func(string) { f.d.updateSave() }
	f.province = textEntry(m.Province, nil)
	f.city = textEntry(m.City, nil)
	f.address = textEntry(m.Address, nil)
	f.d.valid = func() bool { return f.typ.value() != "" }

	f.d.addEntry("单位名称", store.FieldName, f.name)
	f.d.addEntry("统一社会信用代码", store.FieldCreditCode, f.code)
	f.d.addEntry("信用代码说明", store.FieldCodeReason, f.reason)
	f.d.addWidget("单位类型", f.typ.Select)
	f.d.addEntry("省份", store.FieldProvince, f.province)
	f.d.addEntry("城市", store.FieldCity, f.city)
	f.d.addEntry("地址", store.FieldAddress, f.address)
	f.reasonEnable()
}

// addOtherDetails adds the contact fields and the note.
func (f *memberForm) addOtherDetails(m *store.Member) {
	f.contact = textEntry(m.Contact, nil)
	f.phone = textEntry(m.Phone, nil)
	f.email = textEntry(m.Email, checkEmail)
	f.note = textEntry(m.Note, nil)
	f.d.addEntry("联系人", store.FieldContact, f.contact)
	f.d.addEntry("联系电话", store.FieldPhone, f.phone)
	f.d.addEntry("电子邮箱", store.FieldEmail, f.email)
	f.d.addEntry("备注", store.FieldNote, f.note)
}

// addAdmission adds 登记方式, the date, tier and 批准依据 of a new unit.
func (f *memberForm) addAdmission() {
	f.date = newDateEntry(store.Today(), true)
	f.date.Validator = checkEventDate
	f.tier = newEnumSelect(store.Tiers, store.Tiers[len(store.Tiers)-1])
	f.basis = textEntry("", nil)
	f.basis.SetPlaceHolder(msg.T("如：第三届理事会第二次会议"))
	f.mode = widget.NewRadioGroup([]string{msg.T(modeJoin), msg.T(modeApply)}, func(string) { f.modeChanged() })
	f.mode.Horizontal = true
	f.mode.Required = true
	f.mode.SetSelected(msg.T(modeJoin))

	f.d.addWidget("登记方式", f.mode)
	f.d.addDate("加入日期", store.FieldJoinDate, f.date)
	f.dateItem = f.d.lastItem()
	f.d.byField[store.FieldDate] = f.d.byField[store.FieldJoinDate]
	f.d.addWidget("会员类别", f.tier.Select)
	f.d.addEntry("批准依据", store.FieldBasis, f.basis)
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
	f.d.form().Refresh()
}

// textEntry is a one-line field holding text, validated by check if set.
func textEntry(text string, check func(string) error) *keyEntry {
	e := newKeyEntry()
	e.SetText(text)
	e.Validator = check
	return e
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
	m.Type = f.typ.value()
	m.Province, m.City, m.Address = f.province.Text, f.city.Text, f.address.Text
	m.Contact, m.Phone, m.Email, m.Note = f.contact.Text, f.phone.Text, f.email.Text, f.note.Text
	return m
}

// create saves a new unit with its admission or application.
func (f *memberForm) create() error {
	m := f.member()
	ev := store.Event{Kind: store.EventJoin, Date: f.date.date(), Tier: f.tier.value(), Basis: f.basis.Text}
	if f.applying() {
		ev = store.Event{Kind: store.EventApply, Date: f.date.date()}
	}
	m.Events = []store.Event{ev}
	saved, err := f.view.app.store.CreateMember(m)
	if err != nil {
		return err
	}
	f.view.afterChange(saved.ID, true)
	return nil
}

// update saves the edited details.
func (f *memberForm) update() error {
	saved, err := f.view.app.store.UpdateMember(f.member())
	if err != nil {
		return err
	}
	f.view.afterChange(saved.ID, false)
	return nil
}

// checkName: required, not too long, and not the name of another unit
// (compared as store.NameKey, as the store will).
func (f *memberForm) checkName(s string) error {
	name := store.CleanText(s)
	switch {
	case name == "":
		return fieldProblem(store.FieldName, store.ProblemRequired)
	case len([]rune(name)) > 100:
		return fieldProblem(store.FieldName, store.ProblemTooLong)
	}
	if dup := f.view.list.duplicateName(name, f.self); dup != nil {
		return fieldErrorText(store.DuplicateError(dup))
	}
	return nil
}

// checkCode: empty, or 18 characters that pass GB 32100, or any code with
// a 信用代码说明 (real registers hold codes that fail), and not another
// unit's code.
func (f *memberForm) checkCode(s string) error {
	code := store.CleanCreditCode(s)
	if code == "" {
		return nil
	}
	if dup := f.view.list.duplicateCode(code, f.self); dup != nil {
		return fieldErrorText(&store.FieldError{Field: store.FieldCreditCode, Problem: store.ProblemDuplicate, Detail: dup.Name})
	}
	if store.ValidCreditCode(code) || strings.TrimSpace(f.reason.Text) != "" {
		return nil
	}
	if !creditCodeShaped(code) {
		return fieldProblem(store.FieldCreditCode, store.ProblemCodeFormat)
	}
	return fieldProblem(store.FieldCreditCode, store.ProblemCodeNeedReason)
}

func creditCodeShaped(code string) bool {
	if len(code) != 18 {
		return false
	}
	for _, c := range code {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// codeInvalid reports a code typed that fails the check.
func (f *memberForm) codeInvalid() bool {
	code := store.CleanCreditCode(f.code.Text)
	return code != "" && !store.ValidCreditCode(code)
}

func (f *memberForm) checkReason(s string) error {
	if f.codeInvalid() && strings.TrimSpace(s) == "" {
		return fieldProblem(store.FieldCodeReason, store.ProblemRequired)
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

func checkEmail(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		return fieldProblem(store.FieldEmail, store.ProblemBadEmail)
	}
	return nil
}

// checkEventDate: required, a date, not later than today.
func checkEventDate(s string) error {
	d, err := parseDateField(s, true)
	if err != nil {
		return err
	}
	if d.After(store.Today()) {
		return fieldProblem(store.FieldDate, store.ProblemFutureDate)
	}
	return nil
}
