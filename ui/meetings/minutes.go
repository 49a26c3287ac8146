package meetings

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// minutesTab is 纪要: the opening text, notes on each agenda item, and
// the agreed items (议定事项) with who leads them and by when.
type minutesTab struct {
	p     *meetingPage
	form  *pageForm
	view  fyne.CanvasObject
	box   *fyne.Container // everything above the save bar, rebuilt by fill
	text  *widget.Entry
	notes []agendaNote
	items []*itemEditor
	list  *fyne.Container // the item editors
}

// agendaNote is the notes entry of one agenda item, known by its text.
type agendaNote struct {
	text  string
	entry *widget.Entry
}

// itemEditor is one agreed item being edited. id and done are kept from
// the item as stored (a supervised task refers to the item by its ID).
type itemEditor struct {
	id     uuid.UUID
	done   store.Date
	taskID uuid.UUID // the supervised task the item became, kept on save
	text   *widget.Entry
	lead   *widget.SelectEntry
	units  *widget.Entry
	owner  *widget.Entry
	due    *kit.DateEntry
}

func newMinutesTab(p *meetingPage) *minutesTab {
	t := &minutesTab{p: p}
	t.form = newPageForm(p, t.fill, t.apply)
	t.box = container.NewVBox()
	t.view = container.NewBorder(nil, t.form.bar, nil, nil, container.NewVScroll(t.box))
	return t
}

func (t *minutesTab) changed(m *store.Meeting, prev int64, own bool) { t.form.changed(m, prev, own) }

func (t *minutesTab) multi(text string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetText(text)
	e.OnChanged = func(string) { t.form.edited() }
	return e
}

// fill shows the minutes of m.
func (t *minutesTab) fill(m *store.Meeting) {
	t.text = t.multi(m.Minutes, 3)
	t.text.SetPlaceHolder(msg.T("开头段落，如：2026年3月1日上午，集团理事会在……召开……"))
	objs := []fyne.CanvasObject{heading(msg.T("纪要正文")), t.text}
	t.notes = nil
	if len(m.Agenda) > 0 {
		objs = append(objs, heading(msg.T("各项议程")))
	}
	if bar := t.reportBar(m); bar != nil {
		objs = append(objs, bar)
	}
	for i, a := range m.Agenda {
		e := t.multi(a.Notes, 2)
		e.SetPlaceHolder(msg.T("本项议程的讨论情况"))
		t.notes = append(t.notes, agendaNote{a.Text, e})
		objs = append(objs, widget.NewLabel(msg.Tf("%d. %s", i+1, a.Text)), e)
	}
	t.items = nil
	for _, it := range m.Items {
		t.items = append(t.items, t.newItem(it))
	}
	t.list = container.NewVBox()
	add := kit.IconButton("增加议定事项", theme.ContentAddIcon(), t.addItem)
	objs = append(objs, widget.NewSeparator(), container.NewHBox(heading(msg.T("议定事项")), layout.NewSpacer(), add), t.list)
	t.box.Objects = objs
	t.layoutItems()
}

// unitNames are the names the 牵头单位 field offers: the member units in
// the register today, then the bodies.
func (t *minutesTab) unitNames() []string {
	var out []string
	if t.p.data == nil {
		return nil
	}
	today := kit.Today()
	for i := range t.p.data.Members {
		if m := &t.p.data.Members[i]; m.StateOn(today).Status == store.StatusActive {
			out = append(out, m.Name)
		}
	}
	for _, b := range t.p.data.Bodies {
		out = append(out, b.Name)
	}
	return out
}

func (t *minutesTab) newItem(it store.AgreedItem) *itemEditor {
	ed := func(string) { t.form.edited() }
	e := &itemEditor{id: it.ID, done: it.Done, taskID: it.TaskID, text: t.multi(it.Text, 2)}
	e.lead = widget.NewSelectEntry(t.unitNames())
	e.lead.SetText(it.Lead.Name)
	e.lead.OnChanged = ed
	names := make([]string, len(it.Units))
	for i, u := range it.Units {
		names[i] = u.Name
	}
	e.units = widget.NewEntry()
	e.units.SetText(strings.Join(names, "、"))
	e.units.SetPlaceHolder(msg.T("多个单位用顿号或逗号分隔"))
	e.units.OnChanged = ed
	e.owner = widget.NewEntry()
	e.owner.SetText(it.Owner)
	e.owner.OnChanged = ed
	e.due = kit.NewDateEntry(it.Due, false)
	e.due.OnChanged = chain(e.due.OnChanged, ed)
	return e
}

// layoutItems shows the item editors in order, each with its number and
// the buttons that move or delete it.
func (t *minutesTab) layoutItems() {
	t.list.Objects = nil
	for i, e := range t.items {
		i := i
		up := widget.NewButtonWithIcon(msg.T("上移"), theme.MoveUpIcon(), func() { t.moveItem(i, -1) })
		down := widget.NewButtonWithIcon(msg.T("下移"), theme.MoveDownIcon(), func() { t.moveItem(i, 1) })
		del := widget.NewButtonWithIcon(msg.T("删除"), theme.DeleteIcon(), func() { t.deleteItem(i) })
		if i == 0 {
			up.Disable()
		}
		if i == len(t.items)-1 {
			down.Disable()
		}
		item := func(label string, w fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(msg.T(label), w) }
		form := widget.NewForm(item("事项内容", e.text), item("牵头单位", e.lead), item("责任单位", e.units),
			item("责任人", e.owner), item("完成时限", e.due))
		head := container.NewHBox(heading(msg.Tf("议定事项 %d", i+1)), layout.NewSpacer(), up, down, del)
		t.list.Add(container.NewVBox(head, form, t.itemTaskBar(e), widget.NewSeparator()))
	}
	if len(t.items) == 0 {
		t.list.Add(&widget.Label{Text: msg.T("还没有议定事项。"), Importance: widget.LowImportance})
	}
	t.list.Refresh()
	t.box.Refresh()
}

func (t *minutesTab) addItem() {
	t.items = append(t.items, t.newItem(store.AgreedItem{}))
	t.form.edited()
	t.layoutItems()
	t.p.v.sh.Window().Canvas().Focus(t.items[len(t.items)-1].text)
}

func (t *minutesTab) moveItem(i, delta int) {
	j := i + delta
	if j < 0 || j >= len(t.items) {
		return
	}
	t.items[i], t.items[j] = t.items[j], t.items[i]
	t.form.edited()
	t.layoutItems()
}

func (t *minutesTab) deleteItem(i int) {
	t.items = append(t.items[:i:i], t.items[i+1:]...)
	t.form.edited()
	t.layoutItems()
}

// apply puts the minutes into m: the text, each agenda item's notes (by
// its text, should the agenda have changed meanwhile) and the items.
func (t *minutesTab) apply(m *store.Meeting) error {
	m.Minutes = t.text.Text
	for i := range m.Agenda {
		for _, n := range t.notes {
			if n.text == m.Agenda[i].Text {
				m.Agenda[i].Notes = n.entry.Text
			}
		}
	}
	m.Items = nil
	for _, e := range t.items {
		if _, err := kit.ParseDateField(e.due.Text, false); err != nil {
			return &store.FieldError{Field: store.FieldItemDue, Problem: store.ProblemBadDate, Detail: e.due.Text}
		}
		m.Items = append(m.Items, store.AgreedItem{ID: e.id, Done: e.done, TaskID: e.taskID, Text: e.text.Text,
			Lead: t.unitRef(e.lead.Text), Units: t.unitRefs(e.units.Text), Owner: e.owner.Text, Due: e.due.Date()})
	}
	return nil
}

// unitRef names a unit as typed: a member unit or a body of that name is
// referred to by its ID too, so a task can follow it; other names stay
// as written.
func (t *minutesTab) unitRef(name string) store.UnitRef {
	r := store.UnitRef{Name: store.CleanText(name)}
	if r.Name == "" || t.p.data == nil {
		return r
	}
	key := store.NameKey(r.Name)
	for i := range t.p.data.Members {
		if store.NameKey(t.p.data.Members[i].Name) == key {
			r.MemberID = t.p.data.Members[i].ID
			return r
		}
	}
	for i := range t.p.data.Bodies {
		if store.NameKey(t.p.data.Bodies[i].Name) == key {
			r.BodyID = t.p.data.Bodies[i].ID
		}
	}
	return r
}

// unitRefs splits a list of units typed with 、，, or ; between them.
func (t *minutesTab) unitRefs(text string) []store.UnitRef {
	var out []store.UnitRef
	for _, name := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("、，,;；\n", r) }) {
		if r := t.unitRef(name); r.Name != "" {
			out = append(out, r)
		}
	}
	return out
}

// heading is a bold one-line label: a wrapping one in a row of buttons
// would be given the width of one character.
func heading(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}
