package pick

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// PersonPicker chooses a person for a seat: the clerk types part of a
// name, unit or title and picks from a short list, or creates the person
// on the spot when they are not recorded yet. Enter in the search field
// picks the first person listed; Esc closes the dialog around it.
type PersonPicker struct {
	sh       kit.Shell
	onChosen func(store.Person)
	loader   *kit.Loader[*Index]

	idx      *Index // nil until the people are loaded
	hits     []int  // indices into idx.people, in list order
	selected store.Person
	chosen   bool

	search *kit.KeyEntry
	list   *widget.List
	create *widget.Button
	status *widget.Label // what is chosen, or that nothing matches
	view   fyne.CanvasObject
}

// NewPersonPicker builds the picker and loads the people off the UI
// thread (from the shared data). onChosen (may be nil) runs on the UI
// thread after each pick.
func NewPersonPicker(sh kit.Shell, onChosen func(store.Person)) *PersonPicker {
	p := &PersonPicker{sh: sh, onChosen: onChosen}
	p.loader = kit.NewLoader(sh, func(idx *Index) { p.idx = idx; p.filter() })
	p.search = kit.NewKeyEntry()
	p.search.OnEscape = p.escape
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
			p.choose(p.idx.People[p.hits[id]])
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
func (p *PersonPicker) Widget() fyne.CanvasObject { return p.view }

// Selected is the person chosen, if any.
func (p *PersonPicker) Selected() (store.Person, bool) { return p.selected, p.chosen }

// Reset clears the search and the choice, for the next seat.
func (p *PersonPicker) Reset() {
	p.selected, p.chosen = store.Person{}, false
	p.search.SetText("")
	p.list.UnselectAll()
	p.showStatus()
}

// escape hands Esc to the window: an Entry keeps the key to itself, and
// the dialog around the picker (a kit.FormDialog) closes on the window's Esc.
func (p *PersonPicker) escape() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p.search)
	if c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
}

// load indexes the people and members off the UI thread.
func (p *PersonPicker) load() {
	data := p.sh.Data()
	p.loader.Load(func() (*Index, error) {
		people, err := data.People()
		if err != nil {
			return nil, err
		}
		members, err := data.Members()
		if err != nil {
			return nil, err
		}
		return NewIndex(people, members), nil
	})
}

// filter lists the people the search finds.
func (p *PersonPicker) filter() {
	if p.idx == nil {
		return
	}
	p.hits = p.idx.Match(p.search.Text, p.hits)
	p.list.UnselectAll()
	p.list.Refresh()
	p.list.ScrollToTop()
	p.showStatus()
}

func (p *PersonPicker) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(p.hits) {
		o.(*widget.Label).SetText(p.idx.Line(&p.idx.People[p.hits[id]]))
	}
}

func (p *PersonPicker) pickFirst() {
	if len(p.hits) > 0 {
		p.list.Select(0)
	}
}

// choose makes person the selection and tells the owner.
func (p *PersonPicker) choose(person store.Person) {
	p.selected, p.chosen = person, true
	p.showStatus()
	if p.onChosen != nil {
		p.onChosen(person)
	}
}

// showStatus says who is chosen; with nothing chosen and nothing found it
// points to 新建人员.
func (p *PersonPicker) showStatus() {
	switch {
	case p.chosen && p.idx != nil:
		p.status.SetText(msg.T("已选：") + p.idx.Line(&p.selected))
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
func (p *PersonPicker) showCreate() {
	if p.idx == nil {
		return
	}
	ShowPersonForm(p.sh, p.idx, nil, p.search.Text, func(saved store.Person) {
		p.idx.Add(saved)
		p.search.SetText(saved.Name) // lists the new person, whatever was typed
		p.filter()                   // also when the text was already the name
		if row := p.rowOf(saved); row >= 0 {
			p.list.Select(row) // chooses it, through OnSelected
		} else {
			p.choose(saved)
		}
		p.sh.Changed(store.KindPerson, saved.ID)
	})
}

// rowOf is person's row in the list, or -1.
func (p *PersonPicker) rowOf(person store.Person) int {
	for row, h := range p.hits {
		if p.idx.People[h].ID == person.ID {
			return row
		}
	}
	return -1
}
