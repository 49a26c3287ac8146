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
	f := v.a.showPersonForm(v.idx, nil, "", func(p store.Person) { v.afterChange(p.ID) })
	v.dialog = f.d
}

// showEdit opens the selected person as stored now, so the edit starts
// from the latest Updated stamp.
func (v *peopleView) showEdit() {
	sel := v.selectedPerson()
	if sel == nil {
		return
	}
	p, err := v.a.store.Person(sel.ID)
	if err != nil {
		v.a.showError(err)
		return
	}
	f := v.a.showPersonForm(v.idx, &p, "", func(p store.Person) { v.afterChange(p.ID) })
	v.dialog = f.d
}

// confirmDelete moves the selected person to the trash after asking.
func (v *peopleView) confirmDelete() {
	p := v.selectedPerson()
	if p == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？\n删除后可在 系统 → 回收站 中恢复。", p.Name)
	d := dialog.NewConfirm(msg.T("删除人员"), text, func(ok bool) {
		if ok {
			v.deletePerson(*p)
		}
	}, v.a.win)
	d.SetConfirmText(msg.T("删除"))
	d.SetDismissText(msg.T("取消"))
	d.Show()
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
	sel := v.selectedPerson()
	if sel == nil {
		return
	}
	p, err := v.a.store.Person(sel.ID)
	if err != nil {
		v.a.showError(err)
		return
	}
	start := p.LeftOn
	if start.IsZero() {
		start = store.Today()
	}
	date := newDateEntry(start, false)
	d := (&membersView{app: v.a}).newFormDialog("保存", func() error {
		p.LeftOn = date.date()
		saved, err := v.a.store.UpdatePerson(p)
		if err == nil {
			v.afterChange(saved.ID)
		}
		return err
	})
	d.addDate("调离日期", store.FieldLeftOn, date)
	d.lastItem().HintText = msg.T("调离后仍担任的职位会在名单上提示；清空日期即撤销调离。")
	v.dialog = d
	d.show(msg.Tf("调离：%s", p.Name))
}

// dialogOpen reports whether a form dialog is still on screen.
func dialogOpen(d *formDialog) bool { return d != nil && d.view.dialog == d }
