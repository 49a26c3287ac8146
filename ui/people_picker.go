package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// personPicker chooses a person for a seat: the clerk types part of a
// name, unit or title and picks from a short list, or creates the person
// on the spot when they are not recorded yet. Enter in the search field
// picks the first person listed; Esc closes the dialog around it.
//
// In tests: test.Type(p.search, "张三"), then p.list.Select(i) (or
// Enter: p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})), or
// test.Tap(p.create) and save p.form.
type personPicker struct {
	a        *App
	onChosen func(store.Person)

	idx      *personIndex // nil until the people are loaded
	hits     []int        // indices into idx.people, in list order
	selected store.Person
	chosen   bool

	search *keyEntry
	list   *widget.List
	create *widget.Button
	status *widget.Label // what is chosen, or that nothing matches
	view   fyne.CanvasObject
	// form is the 新建人员 dialog last opened, for tests.
	form *personForm
}

// newPersonPicker builds the picker and loads the people off the UI
// thread. onChosen (may be nil) runs on the UI thread after each pick.
func newPersonPicker(a *App, onChosen func(store.Person)) *personPicker {
	p := &personPicker{a: a, onChosen: onChosen}
	p.search = newKeyEntry()
	p.search.onEscape = p.escape
	p.search.SetPlaceHolder(msg.T("输入姓名、单位或职务查找"))
	p.search.OnChanged = func(string) { p.filter() }
	p.search.OnSubmitted = func(string) { p.pickFirst() }
	p.list = widget.NewList(func() int { return len(p.hits) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		p.updateItem)
	p.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(p.hits) {
			p.choose(p.idx.people[p.hits[id]])
		}
	}
	p.create = widget.NewButtonWithIcon(msg.T("新建人员…"), theme.ContentAddIcon(), p.showCreate)
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	// A list has no height of its own; five rows are enough to choose from
	// and keep a seat dialog within a 768-pixel screen.
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(380, 5*p.list.MinSize().Height+4*theme.Padding()))
	p.view = container.NewBorder(
		container.NewBorder(nil, nil, nil, p.create, p.search),
		p.status, nil, nil, container.NewStack(space, p.list))
	p.load()
	return p
}

// Widget is the picker to put in a form.
func (p *personPicker) Widget() fyne.CanvasObject { return p.view }

// Selected is the person chosen, if any.
func (p *personPicker) Selected() (store.Person, bool) { return p.selected, p.chosen }

// Reset clears the search and the choice, for the next seat.
func (p *personPicker) Reset() {
	p.selected, p.chosen = store.Person{}, false
	p.search.SetText("")
	p.list.UnselectAll()
	p.showStatus()
}

// escape hands Esc to the window: an Entry keeps the key to itself, and
// the dialog around the picker (a formDialog) closes on the window's Esc.
func (p *personPicker) escape() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p.search)
	if c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
}

// load reads the people and members off the UI thread.
func (p *personPicker) load() {
	a := p.a
	a.background(func() {
		people, err := a.store.People()
		var members []store.Member
		if err == nil {
			members, err = a.store.Members()
		}
		fyne.DoAndWait(func() {
			if err != nil {
				a.showError(err)
				return
			}
			p.idx = newPersonIndex(people, members)
			p.filter()
		})
	})
}

// filter lists the people the search finds.
func (p *personPicker) filter() {
	if p.idx == nil {
		return
	}
	p.hits = p.idx.match(p.search.Text, p.hits)
	p.list.UnselectAll()
	p.list.Refresh()
	p.list.ScrollToTop()
	p.showStatus()
}

func (p *personPicker) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(p.hits) {
		o.(*widget.Label).SetText(p.idx.line(&p.idx.people[p.hits[id]]))
	}
}

func (p *personPicker) pickFirst() {
	if len(p.hits) > 0 {
		p.list.Select(0)
	}
}

// choose makes person the selection and tells the owner.
func (p *personPicker) choose(person store.Person) {
	p.selected, p.chosen = person, true
	p.showStatus()
	if p.onChosen != nil {
		p.onChosen(person)
	}
}

// showStatus says who is chosen; with nothing chosen and nothing found it
// points to 新建人员.
func (p *personPicker) showStatus() {
	switch {
	case p.chosen && p.idx != nil:
		p.status.SetText(msg.T("已选：") + p.idx.line(&p.selected))
		p.status.Importance = widget.SuccessImportance
	case p.idx != nil && len(p.hits) == 0 && p.search.Text != "":
		p.status.SetText(msg.T("没有找到，可点“新建人员…”添加。"))
		p.status.Importance = widget.WarningImportance
	default:
		p.status.SetText("")
	}
	p.status.Refresh()
}

// showCreate opens the person dialog with the typed text as the name;
// the person saved is added to the list and chosen.
func (p *personPicker) showCreate() {
	if p.idx == nil {
		return
	}
	p.form = p.a.showPersonForm(p.idx, nil, p.search.Text, func(saved store.Person) {
		p.idx.add(saved)
		p.search.SetText(saved.Name) // lists the new person, whatever was typed
		p.filter()                   // also when the text was already the name
		if row := p.rowOf(saved); row >= 0 {
			p.list.Select(row) // chooses it, through OnSelected
		} else {
			p.choose(saved)
		}
		p.a.dataChanged()
	})
}

// rowOf is person's row in the list, or -1.
func (p *personPicker) rowOf(person store.Person) int {
	for row, h := range p.hits {
		if p.idx.people[h].ID == person.ID {
			return row
		}
	}
	return -1
}
