package org

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
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// orgBodyTools are the buttons under the tree: bodies and their terms.
type orgBodyTools struct {
	box                  fyne.CanvasObject
	add, edit, del, term *widget.Button
}

func (v *Section) newBodyTools() *orgBodyTools {
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
func (t *orgBodyTools) update(v *Section) {
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
	v       *Section
	d       *kit.FormDialog
	self    *store.Body // the body being edited, nil for a new one
	name    *kit.KeyEntry
	note    *kit.KeyEntry
	typ     *kit.EnumSelect[store.BodyType]
	order   *kit.EnumSelect[store.Ordering]
	parent  *widget.Select
	parents []uuid.UUID // the parent choices after （无）
	// quorum and proxy are how the body's meetings count a quorum.
	quorum *widget.Select
	proxy  *widget.Check
}

func (v *Section) showAddBody() {
	f := &bodyForm{v: v}
	f.d = kit.NewFormDialog(v.sh, "保存", f.save)
	f.addFields(&store.Body{Ordering: store.OrderStrokes})
	f.d.Show("新建机构")
	f.d.Fit()
}

func (v *Section) showEditBody() {
	b := v.body()
	if b == nil {
		return
	}
	f := &bodyForm{v: v, self: b}
	f.d = kit.NewFormDialog(v.sh, "保存", f.save)
	f.addFields(b)
	f.d.Show("编辑机构")
	f.d.Fit()
}

func (f *bodyForm) addFields(b *store.Body) {
	f.name = kit.TextEntry(b.Name, f.checkName)
	f.typ = kit.NewEnumSelect(store.BodyTypes, b.Type)
	f.typ.PlaceHolder = msg.T("请选择")
	f.typ.OnChanged = func(string) { f.d.UpdateSave() }
	f.order = kit.NewEnumSelect(store.Orderings, b.Ordering)
	f.parent = f.parentSelect(b)
	f.note = kit.TextEntry(b.Note, nil)
	f.d.SetValid(func() bool { return f.typ.Value() != "" })
	f.d.AddEntry("机构名称", store.FieldBodyName, f.name)
	f.d.AddWidget("机构类型", f.typ.Select)
	f.d.AddWidget("上级机构", f.parent)
	f.d.AddWidget("排序方式", f.order.Select)
	f.addQuorum(b.Quorum)
	f.d.AddEntry("备注", store.FieldNote, f.note)
	hint := kit.Wrap(msg.T("按姓氏笔画：同一职位内按姓名（单位按名称）笔画排列，打印“排名不分先后”；按指定顺序：用上移、下移排定。"))
	hint.Importance = widget.LowImportance
	f.d.AddWidget("", hint)
}

// addQuorum adds the body's quorum rule: 过半数 or 三分之二以上 of 应到
// present, and whether a unit that sends someone (委托) counts as
// present, which most councils' charters allow.
func (f *bodyForm) addQuorum(q store.Quorum) {
	names := make([]string, len(store.QuorumRules))
	for i, r := range store.QuorumRules {
		names[i] = msg.T(r.Word())
	}
	f.quorum = widget.NewSelect(names, nil)
	f.quorum.SetSelectedIndex(max(0, slices.Index(store.QuorumRules, q.Rule)))
	f.proxy = widget.NewCheck(msg.T("委托不计入实到"), nil)
	f.proxy.SetChecked(q.ProxyNotPresent)
	f.d.AddWidget("会议法定人数", container.NewHBox(f.quorum, f.proxy))
}

// parentSelect offers every body that store.CheckParent accepts as b's
// parent: not b itself nor one under it, so the tree can never loop.
func (f *bodyForm) parentSelect(b *store.Body) *widget.Select {
	names := []string{msg.T("（无）")}
	f.parents = nil
	lookup := store.BodyLookup(f.v.data.bodies)
	for _, o := range f.v.data.bodies {
		if f.self != nil {
			moved := *f.self
			moved.ParentID = o.ID
			if store.CheckParent(&moved, lookup) != nil {
				continue
			}
		}
		f.parents = append(f.parents, o.ID)
		names = append(names, o.Name)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(slices.Index(f.parents, b.ParentID) + 1)
	return sel
}

// checkName is store.CheckBodyName (required), then not the name of
// another body (store.FindBody, which compares as the store will).
func (f *bodyForm) checkName(s string) error {
	if err := store.CheckBodyName(s); err != nil {
		return kit.StoreError(err)
	}
	if o := store.FindBody(f.v.data.bodies, s); o != nil && (f.self == nil || o.ID != f.self.ID) {
		return kit.StoreError(store.BodyDuplicateError(o))
	}
	return nil
}

func (f *bodyForm) save() (func() error, func(), error) {
	var b store.Body
	if f.self != nil {
		b = f.self.Clone()
	}
	b.Name, b.Type, b.Ordering, b.Note = f.name.Text, f.typ.Value(), f.order.Value(), f.note.Text
	b.ParentID = uuid.Nil
	if i := f.parent.SelectedIndex(); i > 0 {
		b.ParentID = f.parents[i-1]
	}
	b.Quorum = store.Quorum{Rule: store.QuorumRules[max(0, f.quorum.SelectedIndex())], ProxyNotPresent: f.proxy.Checked}
	s, ctx, created := f.v.sh.Store(), f.v.sh.Context(), f.self == nil
	var saved store.Body
	write := func() (err error) {
		if created {
			saved, err = s.CreateBody(ctx, b)
		} else {
			saved, err = s.SaveBody(ctx, b, store.BodyChange{Op: store.BodyEdited})
		}
		return err
	}
	after := func() {
		if created {
			f.v.asOf = kit.Today()
			f.v.rosterPane.setDate(f.v.asOf)
		}
		f.v.afterChange(saved.ID)
	}
	return write, after, nil
}

// confirmDeleteBody moves the body shown to the trash after asking.
func (v *Section) confirmDeleteBody() {
	b := v.body()
	if b == nil {
		return
	}
	text := msg.Tf("确定删除「%s」吗？它的各届名单一并删除。", b.Name)
	if kids := v.data.children[b.ID]; len(kids) > 0 {
		text += "\n" + msg.T("其下级机构会移到最上层。")
	}
	text += "\n" + msg.T("删除后可在 系统 → 回收站 中恢复。")
	s, ctx, id := v.sh.Store(), v.sh.Context(), b.ID
	v.sh.Confirm("删除机构", text, "删除", func() {
		kit.Write(v.sh, func() error { return s.DeleteBody(ctx, id) }, func() {
			v.bodyID = uuid.Nil
			v.sh.Changed(store.KindBody, id)
		})
	})
}

// showNewTerm opens 新建一届 (a body's first term) or 换届.
func (v *Section) showNewTerm() {
	b := v.body()
	if b == nil {
		return
	}
	cur := b.CurrentTerm()
	number := 1
	if cur != nil {
		number = cur.Number + 1
	}
	no := kit.TextEntry(strconv.Itoa(number), checkTermNumber)
	start := kit.NewDateEntry(kit.Today(), true)
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) { return v.saveNewTerm(b, no.Text, start.Date()) })
	d.AddWidget("机构名称", kit.Bold(b.Name))
	d.AddEntry("届次", store.FieldTermNo, no)
	d.AddDate("开始日期", store.FieldTermStart, start)
	if cur != nil {
		d.AddWidget("", kit.Wrap(msg.Tf("换届后，%s在新一届开始日期的前一天结束，它的名单保持原样，随时可以查看和打印。"+
			"届满时在任的人员会复制到新一届，请再逐一更换、离任或增加人员。", kit.TermName(cur.Number))))
	}
	d.Show(termButtonText(b))
	d.Fit()
}

// checkTermNumber: a whole number from 1.
func checkTermNumber(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return kit.FieldProblem(store.FieldTermNo, store.ProblemRequired)
	}
	if n, err := strconv.Atoi(s); err != nil || n <= 0 {
		return errors.New(msg.T("「届次」应为正整数"))
	}
	return nil
}

func (v *Section) saveNewTerm(orig *store.Body, number string, start store.Date) (func() error, func(), error) {
	n, _ := strconv.Atoi(strings.TrimSpace(number))
	b := orig.Clone()
	t, err := b.NewTerm(n, start)
	if err != nil {
		return nil, nil, err
	}
	s, ctx := v.sh.Store(), v.sh.Context()
	var saved store.Body
	write := func() (err error) {
		saved, err = s.SaveBody(ctx, b, store.BodyChange{Op: store.TermStarted, TermID: t.ID})
		return err
	}
	after := func() {
		v.asOf = defaultAsOf(&saved, t)
		v.rosterPane.setDate(v.asOf)
		v.afterChange(saved.ID)
	}
	return write, after, nil
}
