package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// peopleView is the 人员 tab of 组织机构: every person as a table with
// search, the seats of the selected person across all bodies and terms,
// and the buttons that add, edit, delete and 调离 a person.
type peopleView struct {
	a *App

	idx     *personIndex // the latest load; nil until the first arrives
	seats   personSeats  // every seat of every body, by person
	visible []int        // indices into idx.people, in table order
	// selected is the person in the detail panel, or uuid.Nil; it survives
	// reloads and searches.
	selected uuid.UUID
	loadGen  int

	search *widget.Entry
	shown  *widget.Label
	table  *widget.Table
	detail *personDetail
	add    *widget.Button
	edit   *widget.Button
	del    *widget.Button
	leave  *widget.Button
}

// newPeopleTab builds the 人员 tab and starts its first load. The func
// returned reloads it; call it when the tab is shown and after changes
// made elsewhere (a seat added on a body changes the 任职 column).
func (a *App) newPeopleTab() (fyne.CanvasObject, func()) {
	v := &peopleView{a: a}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(msg.T("搜索姓名、单位、职务、电话"))
	v.search.OnChanged = func(string) { v.applyFilter() }
	v.shown = widget.NewLabel("")
	v.table = v.newTable()
	v.detail = newPersonDetail()
	bar := v.newToolbar()
	top := container.NewBorder(nil, nil, bar, v.shown, v.search)
	split := container.NewHSplit(v.table, v.detail.view)
	split.Offset = 0.7
	v.reload()
	return newViewPanel(v, container.NewBorder(top, nil, nil, nil, split)), v.reload
}

// reload reads people, members and bodies off the UI thread, indexes
// them there too, then shows the result.
func (v *peopleView) reload() {
	v.loadGen++
	gen := v.loadGen
	a := v.a
	a.background(func() {
		idx, seats, err := loadPeople(a.store)
		fyne.DoAndWait(func() {
			if err != nil {
				a.showError(err)
				return
			}
			if gen == v.loadGen {
				v.idx, v.seats = idx, seats
				v.applyFilter()
			}
		})
	})
}

func loadPeople(s store.Store) (*personIndex, personSeats, error) {
	people, err := s.People()
	if err != nil {
		return nil, nil, err
	}
	members, err := s.Members()
	if err != nil {
		return nil, nil, err
	}
	bodies, err := s.Bodies()
	if err != nil {
		return nil, nil, err
	}
	return newPersonIndex(people, members), seatsByPerson(bodies), nil
}

// applyFilter recomputes the visible rows after a keystroke or a load,
// and keeps the selected person highlighted if still listed.
func (v *peopleView) applyFilter() {
	if v.idx == nil {
		return
	}
	v.visible = v.idx.match(v.search.Text, v.visible)
	v.shown.SetText(msg.Tf("共 %d 人", len(v.visible)))
	v.table.UnselectAll()
	for row, i := range v.visible {
		if v.idx.people[i].ID == v.selected {
			v.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	v.table.Refresh()
	v.showSelected()
}

// selectedPerson is the selected person as last loaded, or nil.
func (v *peopleView) selectedPerson() *store.Person {
	if v.idx == nil || v.selected == uuid.Nil {
		return nil
	}
	if i := v.idx.find(v.selected); i >= 0 {
		return &v.idx.people[i]
	}
	return nil
}

func (v *peopleView) selectPerson(id uuid.UUID) {
	if v.selected != id {
		v.selected = id
		v.showSelected()
	}
}

// showSelected fills the detail panel and enables the buttons that need a
// person.
func (v *peopleView) showSelected() {
	p := v.selectedPerson()
	if p == nil {
		v.selected = uuid.Nil
		v.detail.show(nil, "", nil, nil)
	} else {
		v.detail.show(p, v.idx.unitName(p), v.seats[p.ID], v.idx.byID)
	}
	for _, b := range []*widget.Button{v.edit, v.del, v.leave} {
		if p == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// afterChange reloads every section after a change to person id and keeps
// that person selected, clearing a search that would hide them.
func (v *peopleView) afterChange(id uuid.UUID) {
	v.selected = id
	if v.search.Text != "" {
		v.search.SetText("")
	}
	v.reload()
	v.a.dataChanged()
}
