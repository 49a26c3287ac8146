package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// orgBodyTools are the buttons under the tree: bodies and their terms.
type orgBodyTools struct {
	box                  fyne.CanvasObject
	add, edit, del, term *widget.Button
}

func (v *orgView) newBodyTools() *orgBodyTools {
	t := &orgBodyTools{
		add:  widget.NewButtonWithIcon(msg.T("新建机构"), theme.ContentAddIcon(), v.showAddBody),
		edit: widget.NewButtonWithIcon(msg.T("编辑机构"), theme.DocumentCreateIcon(), v.showEditBody),
		del:  widget.NewButtonWithIcon(msg.T("删除机构"), theme.DeleteIcon(), v.confirmDeleteBody),
		term: widget.NewButtonWithIcon(msg.T("换届"), theme.HistoryIcon(), v.showNewTerm),
	}
	t.box = container.NewGridWithColumns(2, t.add, t.edit, t.term, t.del)
	return t
}

// update names the term button for the body shown: 新建一届 for a body
// without terms, else 换届.
func (t *orgBodyTools) update(v *orgView) {
	b := v.body()
	for _, btn := range []*widget.Button{t.edit, t.del, t.term} {
		btn.Disable()
	}
	if b == nil {
		return
	}
	t.edit.Enable()
	t.del.Enable()
	t.term.Enable()
	t.term.SetText(msg.T(termButtonText(b)))
}

func termButtonText(b *store.Body) string {
	if len(b.Terms) == 0 {
		return "新建一届"
	}
	return "换届"
}

// bodyForm is 新建机构 / 编辑机构.
type bodyForm struct {
	v       *orgView
	d       *formDialog
	self    *store.Body // the body being edited, nil for a new one
	name    *keyEntry
	note    *keyEntry
	typ     *choiceSelect[store.BodyType]
	order   *choiceSelect[store.Ordering]
	parent  *widget.Select
	parents []uuid.UUID // the parent choices after （无）
}

func (v *orgView) showAddBody() {
	f := &bodyForm{v: v}
	f.d = v.app.newFormDialog("保存", f.save)
	f.addFields(&store.Body{Ordering: store.OrderStrokes})
	f.d.show("新建机构")
	f.d.fit()
}

func (v *orgView) showEditBody() {
	b := v.body()
	if b == nil {
		return
	}
	f := &bodyForm{v: v, self: b}
	f.d = v.app.newFormDialog("保存", f.save)
	f.addFields(b)
	f.d.show("编辑机构")
	f.d.fit()
}

func (f *bodyForm) addFields(b *store.Body) {
	f.name = textEntry(b.Name, f.checkName)
	f.typ = newEnumSelect(store.BodyTypes, b.Type)
	f.typ.PlaceHolder = msg.T("请选择")
	f.typ.OnChanged = func(string) { f.d.updateSave() }
	f.order = newEnumSelect(store.Orderings, b.Ordering)
	f.parent = f.parentSelect(b)
	f.note = textEntry(b.Note, nil)
	f.d.valid = func() bool { return f.typ.value() != "" }
	f.d.addEntry("机构名称", store.FieldBodyName, f.name)
	f.d.addWidget("机构类型", f.typ.Select)
	f.d.addWidget("上级机构", f.parent)
	f.d.addWidget("排序方式", f.order.Select)
	f.d.addEntry("备注", store.FieldNote, f.note)
	hint := wrapLabel(msg.T("按姓氏笔画：同一职位内按姓名（单位按名称）笔画排列，打印“排名不分先后”；按指定顺序：用上移、下移排定。"))
	hint.Importance = widget.LowImportance
	f.d.addWidget("", hint)
}

// parentSelect offers every body but b itself and those under it, so the
// tree can never loop.
func (f *bodyForm) parentSelect(b *store.Body) *widget.Select {
	names := []string{msg.T("（无）")}
	f.parents = nil
	for _, o := range f.v.data.bodies {
		if f.self != nil && f.v.data.isUnder(o.ID, f.self.ID) {
			continue
		}
		f.parents = append(f.parents, o.ID)
		names = append(names, o.Name)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(slices.Index(f.parents, b.ParentID) + 1)
	return sel
}

// isUnder reports whether body id is top itself or below it.
func (d *orgData) isUnder(id, top uuid.UUID) bool {
	for n := 0; id != uuid.Nil && n <= len(d.bodies); n++ {
		if id == top {
			return true
		}
		b := d.body(id)
		if b == nil {
			return false
		}
		id = b.ParentID
	}
	return false
}

// checkName: required, and not the name of another body.
func (f *bodyForm) checkName(s string) error {
	name := store.CleanText(s)
	if name == "" {
		return fieldProblem(store.FieldBodyName, store.ProblemRequired)
	}
	for _, o := range f.v.data.bodies {
		if (f.self == nil || o.ID != f.self.ID) && store.NameKey(o.Name) == store.NameKey(name) {
			return fieldErrorText(&store.FieldError{Field: store.FieldBodyName, Problem: store.ProblemBodyDuplicate, Detail: o.Name})
		}
	}
	return nil
}

func (f *bodyForm) save() error {
	var b store.Body
	if f.self != nil {
		b = f.self.Clone()
	}
	b.Name, b.Type, b.Ordering, b.Note = f.name.Text, f.typ.value(), f.order.value(), f.note.Text
	b.ParentID = uuid.Nil
	if i := f.parent.SelectedIndex(); i > 0 {
		b.ParentID = f.parents[i-1]
	}
	var saved store.Body
	var err error
	if f.self == nil {
		saved, err = f.v.app.store.CreateBody(b)
	} else {
		saved, err = f.v.app.store.SaveBody(b, "修改机构："+store.CleanText(b.Name))
	}
	if err != nil {
		return err
	}
	if f.self == nil {
		f.v.asOf = store.Today()
		f.v.rosterPane.setDate(f.v.asOf)
	}
	f.v.afterChange(saved.ID)
	return nil
}

// confirmDeleteBody moves the body shown to the trash after asking.
func (v *orgView) confirmDeleteBody() {
	b := v.body()
	if b == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？它的各届名单一并删除。", b.Name)
	if kids := v.data.children[b.ID]; len(kids) > 0 {
		text += "\n" + msg.T("其下级机构会移到最上层。")
	}
	text += "\n" + msg.T("删除后可在 系统 → 回收站 中恢复。")
	v.app.confirm("删除机构", text, "删除", func() {
		if err := v.app.store.DeleteBody(b.ID); err != nil {
			v.app.showError(err)
			return
		}
		v.bodyID = uuid.Nil
		v.app.dataChanged()
	})
}

// showNewTerm opens 新建一届 (a body's first term) or 换届.
func (v *orgView) showNewTerm() {
	b := v.body()
	if b == nil {
		return
	}
	cur := b.CurrentTerm()
	number := 1
	if cur != nil {
		number = cur.Number + 1
	}
	no := textEntry(strconv.Itoa(number), checkTermNumber)
	start := newDateEntry(store.Today(), true)
	var d *formDialog
	d = v.app.newFormDialog("保存", func() error { return v.saveNewTerm(b, no.Text, start.date()) })
	d.addWidget("机构名称", boldLabel(b.Name))
	d.addEntry("届次", store.FieldTermNo, no)
	d.addDate("开始日期", store.FieldTermStart, start)
	if cur != nil {
		d.addWidget("", wrapLabel(msg.Tf("换届后，%s在新一届开始日期的前一天结束，它的名单保持原样，随时可以查看和打印。"+
			"届满时在任的人员会复制到新一届，请再逐一更换、离任或增加人员。", termName(cur.Number))))
	}
	d.show(termButtonText(b))
	d.fit()
}

// checkTermNumber: a whole number from 1.
func checkTermNumber(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return fieldProblem(store.FieldTermNo, store.ProblemRequired)
	}
	if n, err := strconv.Atoi(s); err != nil || n <= 0 {
		return errors.New(msg.T("「届次」应为正整数"))
	}
	return nil
}

func (v *orgView) saveNewTerm(orig *store.Body, number string, start store.Date) error {
	n, _ := strconv.Atoi(strings.TrimSpace(number))
	b := orig.Clone()
	// The audit summary is stored in Chinese whatever the interface
	// language, like every record.
	change := "换届：第" + xlsx.ChineseNumber(n) + "届"
	if len(b.Terms) == 0 {
		change = "新建一届：第" + xlsx.ChineseNumber(n) + "届"
	}
	t, err := b.NewTerm(n, start)
	if err != nil {
		return err
	}
	saved, err := v.app.store.SaveBody(b, change)
	if err != nil {
		return err
	}
	v.asOf = defaultAsOf(&saved, t)
	v.rosterPane.setDate(v.asOf)
	v.afterChange(saved.ID)
	return nil
}
