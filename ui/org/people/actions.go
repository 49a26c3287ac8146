package people

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
	"github.com/secdesk/secdesk/ui/pick"
)

// newToolbar makes 新增, 编辑, 删除 and 调离; the last three wait for a
// person to be selected.
func (v *Tab) newToolbar() fyne.CanvasObject {
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

func (v *Tab) showAdd() {
	if v.idx == nil {
		return
	}
	pick.ShowPersonForm(v.sh, v.idx, nil, "", func(p store.Person) { v.afterChange(p.ID) })
}

// showEdit opens the selected person as stored now, so the edit starts
// from the latest Updated stamp.
func (v *Tab) showEdit() {
	v.withStoredSelection(func(p store.Person) {
		pick.ShowPersonForm(v.sh, v.idx, &p, "", func(p store.Person) { v.afterChange(p.ID) })
	})
}

// withStoredSelection reads the selected person from the store off the UI
// thread and then calls open with them, so a dialog starts from the latest
// Updated stamp and the store does not refuse its save as a conflict.
func (v *Tab) withStoredSelection(open func(store.Person)) {
	sel := v.selectedPerson()
	if sel == nil {
		return
	}
	s, ctx, id := v.sh.Store(), v.sh.Context(), sel.ID
	var p store.Person
	var err error
	v.sh.Background(func() { p, err = s.Person(ctx, id) }, func() {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		open(p)
	})
}

// confirmDelete moves the selected person to the trash after asking.
func (v *Tab) confirmDelete() {
	p := v.selectedPerson()
	if p == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？\n删除后可在 系统 → 回收站 中恢复。", p.Name)
	v.sh.Confirm("删除人员", text, "删除", func() { v.deletePerson(*p) })
}

// deletePerson asks the store to delete p. The store refuses while p
// still holds a seat; the clerk is told on which body, and what to do.
func (v *Tab) deletePerson(p store.Person) {
	s, ctx := v.sh.Store(), v.sh.Context()
	var err error
	v.sh.Background(func() { err = s.DeletePerson(ctx, p.ID) }, func() {
		if fe, ok := store.AsFieldError(err); ok && fe.Problem == store.ProblemHoldsSeat {
			text := msg.Tf("无法删除「%s」：仍在「%s」任职。请先在组织机构中办理离任，再删除。", p.Name, fe.Detail)
			dialog.ShowInformation(msg.T("无法删除"), text, v.sh.Window())
			return
		}
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.selected = uuid.Nil
		v.sh.Changed(store.KindPerson, p.ID)
	})
}

// showLeave records that the selected person left their post (调离) on a
// date; an empty date withdraws it. The seats they still hold are not
// ended here: each body's roster warns until the clerk ends the seat,
// since a successor usually has to be named at the same time.
func (v *Tab) showLeave() { v.withStoredSelection(v.showLeaveOf) }

func (v *Tab) showLeaveOf(p store.Person) {
	start := p.LeftOn
	if start.IsZero() {
		start = kit.Today()
	}
	date := kit.NewDateEntry(start, false)
	s, ctx := v.sh.Store(), v.sh.Context()
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) {
		p.LeftOn = date.Date()
		var saved store.Person
		write := func() (err error) {
			saved, err = s.UpdatePerson(ctx, p)
			return err
		}
		return write, func() { v.afterChange(saved.ID) }, nil
	})
	d.AddDate("调离日期", store.FieldLeftOn, date)
	d.LastItem().HintText = msg.T("调离后仍担任的职位会在名单上提示；清空日期即撤销调离。")
	d.Show(msg.Tf("调离：%s", p.Name))
}
