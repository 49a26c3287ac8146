package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// personForm is the 新增人员/编辑人员 dialog. It is a formDialog like the
// member dialogs, so it validates while typing, shows the store's verdict
// (同一单位已有同名人员) next to the field, saves on Enter and cancels on
// Esc.
type personForm struct {
	a    *App
	idx  *personIndex
	self *store.Person // the person being edited, nil for a new one
	d    *formDialog

	name, unit, title, mobile, phone, email, note *keyEntry
	gender                                        *widget.RadioGroup
	unitItem                                      *widget.FormItem
	onSaved                                       func(store.Person)
}

// showPersonForm opens the dialog for a new person (self nil, the name
// prefilled) or for editing self. onSaved runs on the UI thread with
// what the store kept.
func (a *App) showPersonForm(idx *personIndex, self *store.Person, name string, onSaved func(store.Person)) *personForm {
	f := &personForm{a: a, idx: idx, self: self, onSaved: onSaved}
	p := store.Person{Name: store.CleanName(name)}
	title := "新增人员"
	if self != nil {
		p, title = *self, "编辑人员"
	}
	f.d = a.newFormDialog("保存", f.save)
	f.addFields(&p)
	f.d.show(title)
	return f
}

func (f *personForm) addFields(p *store.Person) {
	f.name = textEntry(p.Name, f.checkName)
	f.unit = textEntry(f.idx.unitName(p), nil)
	f.unit.OnChanged = func(string) { f.unitChanged() }
	f.unit.SetPlaceHolder(msg.T("成员单位名称，或其他单位的名称"))
	pick := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), f.showMemberChoices)
	pick.Importance = widget.LowImportance
	f.unit.ActionItem = pick
	f.title = textEntry(p.Title, nil)
	f.mobile = textEntry(p.Mobile, nil)
	f.phone = textEntry(p.Phone, nil)
	f.email = textEntry(p.Email, checkEmail)
	f.note = textEntry(p.Note, nil)
	f.gender = widget.NewRadioGroup([]string{msg.T("男"), msg.T("女")}, nil)
	f.gender.Horizontal = true
	if p.Gender != "" {
		f.gender.SetSelected(msg.T(p.Gender))
	}

	f.d.addEntry("姓名", store.FieldPersonName, f.name)
	f.d.addWidget("性别", f.gender)
	f.d.addEntry("单位", store.FieldUnit, f.unit)
	f.unitItem = f.d.lastItem()
	f.d.addEntry("职务", store.FieldTitle, f.title)
	f.d.addEntry("手机", store.FieldMobile, f.mobile)
	f.d.addEntry("电话", "", f.phone)
	f.d.addEntry("电子邮箱", store.FieldEmail, f.email)
	f.d.addEntry("备注", store.FieldNote, f.note)
	f.unitChanged()
}

// unitChanged says whether the unit typed is a member unit, and checks the
// name again: the same name is a duplicate only within one unit.
func (f *personForm) unitChanged() {
	hint := ""
	switch {
	case f.idx.memberNamed(f.unit.Text) != nil:
		hint = msg.T("是成员单位")
	case store.CleanText(f.unit.Text) != "":
		hint = msg.T("不是成员单位，按填写的名称保存")
	}
	if f.unitItem != nil {
		f.unitItem.HintText = hint
		f.d.form().Refresh()
	}
	if f.name != nil && f.name.Text != "" {
		f.name.Validate()
	}
}

// showMemberChoices drops down the member units whose name contains what
// is typed, so a member is chosen rather than retyped.
func (f *personForm) showMemberChoices() {
	names := f.idx.membersMatching(f.unit.Text, 30)
	if len(names) == 0 {
		names = f.idx.membersMatching("", 30)
	}
	items := make([]*fyne.MenuItem, len(names))
	for i, n := range names {
		items[i] = fyne.NewMenuItem(n, func() { f.unit.SetText(n) })
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(f.unit)
	if c == nil || len(items) == 0 {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.unit)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(0, f.unit.Size().Height)))
}

// person is the person as the form describes it, keeping the edited
// person's ID, 调离 date and Updated stamp.
func (f *personForm) person() store.Person {
	var p store.Person
	if f.self != nil {
		p = *f.self
	}
	p.Name, p.Title, p.Mobile, p.Phone = f.name.Text, f.title.Text, f.mobile.Text, f.phone.Text
	p.Email, p.Note, p.Gender = f.email.Text, f.note.Text, ""
	for _, g := range store.Genders {
		if f.gender.Selected == msg.T(g) {
			p.Gender = g
		}
	}
	p.MemberID, p.Unit = uuid.Nil, f.unit.Text
	if m := f.idx.memberNamed(f.unit.Text); m != nil {
		p.MemberID, p.Unit = m.ID, ""
	}
	return p
}

// checkName: required, not too long, and not a second person of the same
// name in the same unit (compared as store.PersonKey, as the store will).
func (f *personForm) checkName(s string) error {
	name := store.CleanName(s)
	switch {
	case name == "":
		return fieldProblem(store.FieldPersonName, store.ProblemRequired)
	case len([]rune(name)) > 40:
		return fieldProblem(store.FieldPersonName, store.ProblemTooLong)
	}
	if f.unit == nil {
		return nil // still being built
	}
	p := f.person()
	p.Clean()
	var self uuid.UUID
	if f.self != nil {
		self = f.self.ID
	}
	if dup := f.idx.duplicateOf(&p, self); dup != nil {
		return fieldErrorText(store.PersonDuplicateError(dup))
	}
	return nil
}

// save creates or updates the person; a refusal keeps the dialog open.
func (f *personForm) save() error {
	var saved store.Person
	var err error
	if f.self == nil {
		saved, err = f.a.store.CreatePerson(f.person())
	} else {
		saved, err = f.a.store.UpdatePerson(f.person())
	}
	if err != nil {
		return err
	}
	if f.onSaved != nil {
		f.onSaved(saved)
	}
	return nil
}

// open reports whether the dialog is still on screen.
func (f *personForm) open() bool { return f.d.isOpen() }
