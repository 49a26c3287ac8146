package pick

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// personForm is the 新增人员/编辑人员 dialog. It is a kit.FormDialog like
// the member dialogs, so it validates while typing, shows the store's verdict
// (同一单位已有同名人员) next to the field, saves on Enter and cancels on
// Esc.
type personForm struct {
	sh   kit.Shell
	idx  *Index
	self *store.Person // the person being edited, nil for a new one
	d    *kit.FormDialog

	name, unit, title, mobile, phone, email, note *kit.KeyEntry
	gender                                        *widget.RadioGroup
	unitItem                                      *widget.FormItem
	onSaved                                       func(store.Person)
}

// ShowPersonForm opens the dialog for a new person (self nil, the name
// prefilled) or for editing self, checking duplicates against idx.
// onSaved runs on the UI thread with what the store kept, after the
// dialog closed; it announces the change (Shell.Changed).
func ShowPersonForm(sh kit.Shell, idx *Index, self *store.Person, name string, onSaved func(store.Person)) {
	f := &personForm{sh: sh, idx: idx, self: self, onSaved: onSaved}
	p := store.Person{Name: store.CleanName(name)}
	title := "新增人员"
	if self != nil {
		p, title = *self, "编辑人员"
	}
	f.d = kit.NewFormDialog(sh, "保存", f.save)
	f.addFields(&p)
	f.d.Show(title)
}

func (f *personForm) addFields(p *store.Person) {
	f.name = kit.TextEntry(p.Name, f.checkName)
	f.unit = kit.TextEntry(f.idx.UnitName(p), nil)
	f.unit.OnChanged = func(string) { f.unitChanged() }
	f.unit.SetPlaceHolder(msg.T("成员单位名称，或其他单位的名称"))
	pick := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), f.showMemberChoices)
	pick.Importance = widget.LowImportance
	f.unit.ActionItem = pick
	f.title = kit.TextEntry(p.Title, nil)
	f.mobile = kit.TextEntry(p.Mobile, nil)
	f.phone = kit.TextEntry(p.Phone, nil)
	f.email = kit.TextEntry(p.Email, kit.Check(store.CheckEmail))
	f.note = kit.TextEntry(p.Note, nil)
	f.gender = widget.NewRadioGroup([]string{msg.T("男"), msg.T("女")}, nil)
	f.gender.Horizontal = true
	if p.Gender != "" {
		f.gender.SetSelected(msg.T(p.Gender))
	}

	f.d.AddEntry("姓名", store.FieldPersonName, f.name)
	f.d.AddWidget("性别", f.gender)
	f.d.AddEntry("单位", store.FieldUnit, f.unit)
	f.unitItem = f.d.LastItem()
	f.d.AddEntry("职务", store.FieldTitle, f.title)
	f.d.AddEntry("手机", store.FieldMobile, f.mobile)
	f.d.AddEntry("电话", "", f.phone)
	f.d.AddEntry("电子邮箱", store.FieldEmail, f.email)
	f.d.AddEntry("备注", store.FieldNote, f.note)
	f.unitChanged()
}

// unitChanged says whether the unit typed is a member unit, and checks the
// name again: the same name is a duplicate only within one unit.
func (f *personForm) unitChanged() {
	hint := ""
	switch {
	case f.idx.MemberNamed(f.unit.Text) != nil:
		hint = msg.T("是成员单位")
	case store.CleanText(f.unit.Text) != "":
		hint = msg.T("不是成员单位，按填写的名称保存")
	}
	if f.unitItem != nil {
		f.unitItem.HintText = hint
		f.d.RefreshForm()
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
	if m := f.idx.MemberNamed(f.unit.Text); m != nil {
		p.MemberID, p.Unit = m.ID, ""
	}
	return p
}

// checkName is store.CheckPersonName (required, not too long), then not a
// second person of the same name in the same unit (compared as store.PersonKey, as the store will).
func (f *personForm) checkName(s string) error {
	if err := store.CheckPersonName(s); err != nil {
		return kit.StoreError(err)
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
	if dup := f.idx.DuplicateOf(&p, self); dup != nil {
		return kit.StoreError(store.PersonDuplicateError(dup))
	}
	return nil
}

// save creates or updates the person; a refusal keeps the dialog open.
func (f *personForm) save() (func() error, func(), error) {
	p, s, ctx := f.person(), f.sh.Store(), f.sh.Context()
	var saved store.Person
	write := func() (err error) {
		if f.self == nil {
			saved, err = s.CreatePerson(ctx, p)
		} else {
			saved, err = s.UpdatePerson(ctx, p)
		}
		return err
	}
	after := func() {
		if f.onSaved != nil {
			f.onSaved(saved)
		}
	}
	return write, after, nil
}
