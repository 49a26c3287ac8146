package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// newToolbar makes 新增, 编辑, 删除 and 调离; the last three wait for a
// person to be selected.
func (v *peopleView) newToolbar() fyne.CanvasObject {
	v.add = widget.NewButtonWithIcon(msg.T("新增"), theme.ContentAddIcon(), v.showAdd)
	v.add.Importance = widget.HighImportance
	v.edit = widget.NewButtonWithIcon(msg.T("编辑"), theme.DocumentCreateIcon(), v.showEdit)
	v.del = widget.NewButtonWithIcon(msg.T("删除"), theme.DeleteIcon(), v.confirmDelete)
	v.leave = widget.NewButtonWithIcon(msg.T("调离"), theme.LogoutIcon(), v.showLeave)
	for _, b := range []*widget.Button{v.edit, v.del, v.leave} {
		b.Disable()
	}
	return container.NewHBox(v.add, v.edit, v.del, v.leave)
}

func (v *peopleView) showAdd() {
	if v.idx == nil {
		return
	}
	v.a.showPersonForm(v.idx, nil, "", func(p store.Person) { v.afterChange(p.ID) })
}

// showEdit opens the selected person as stored now, so the edit starts
// from the latest Updated stamp.
func (v *peopleView) showEdit() {
	if p, ok := v.storedSelection(); ok {
		v.a.showPersonForm(v.idx, &p, "", func(p store.Person) { v.afterChange(p.ID) })
	}
}

// storedSelection reads the selected person from the store, so a dialog
// starts from the latest Updated stamp and the store does not refuse its
// save as a conflict.
func (v *peopleView) storedSelection() (store.Person, bool) {
	sel := v.selectedPerson()
	if sel == nil {
		return store.Person{}, false
	}
	p, err := v.a.store.Person(sel.ID)
	if err != nil {
		v.a.showError(err)
		return store.Person{}, false
	}
	return p, true
}

// confirmDelete moves the selected person to the trash after asking.
func (v *peopleView) confirmDelete() {
	p := v.selectedPerson()
	if p == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？\n删除后可在 系统 → 回收站 中恢复。", p.Name)
	v.a.confirm("删除人员", text, "删除", func() { v.deletePerson(*p) })
}

// deletePerson asks the store to delete p. The store refuses while p
// still holds a seat; the clerk is told on which body, and what to do.
func (v *peopleView) deletePerson(p store.Person) {
	err := v.a.store.DeletePerson(p.ID)
	if fe, ok := store.AsFieldError(err); ok && fe.Problem == store.ProblemHoldsSeat {
		err = errors.New(msg.Tf("无法删除「%s」：仍在「%s」任职。请先在组织机构中办理离任，再删除。", p.Name, fe.Detail))
		dialog.ShowInformation(msg.T("无法删除"), err.Error(), v.a.win)
		return
	}
	if err != nil {
		v.a.showError(err)
		return
	}
	v.selected = uuid.Nil
	v.reload()
	v.a.dataChanged()
}

// showLeave records that the selected person left their post (调离) on a
// date; an empty date withdraws it. The seats they still hold are not
// ended here: each body's roster warns until the clerk ends the seat,
// since a successor usually has to be named at the same time.
func (v *peopleView) showLeave() {
	p, ok := v.storedSelection()
	if !ok {
		return
	}
	start := p.LeftOn
	if start.IsZero() {
		start = store.Today()
	}
	date := newDateEntry(start, false)
	d := v.a.newFormDialog("保存", func() error {
		p.LeftOn = date.date()
		saved, err := v.a.store.UpdatePerson(p)
		if err == nil {
			v.afterChange(saved.ID)
		}
		return err
	})
	d.addDate("调离日期", store.FieldLeftOn, date)
	d.lastItem().HintText = msg.T("调离后仍担任的职位会在名单上提示；清空日期即撤销调离。")
	d.show(msg.Tf("调离：%s", p.Name))
}
