// Package people is the 人员 tab of 组织机构: every person recorded, with
// the seats each holds on any body. The org section embeds it (New, then
// View and Refresh); it is not a section of its own.
package people

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
	"github.com/secdesk/secdesk/ui/pick"
)

// Tab is the 人员 tab: every person as a table with search, the seats of
// the selected person across all bodies and terms, and the buttons that
// add, edit, delete and 调离 a person.
type Tab struct {
	sh     kit.Shell
	loader *kit.Loader[peopleLoad]
	view   fyne.CanvasObject

	idx     *pick.Index                    // the latest load; nil until the first arrives
	seats   map[uuid.UUID][]store.HeldSeat // every seat of every body, by person
	visible []int                          // indices into idx.People, in table order
	// selected is the person in the detail panel, or uuid.Nil; it survives
	// reloads and searches.
	selected uuid.UUID

	search *widget.Entry
	shown  *widget.Label
	table  *widget.Table
	detail *personDetail
	add    *widget.Button
	edit   *widget.Button
	del    *widget.Button
	leave  *widget.Button
}

// peopleLoad is one load: the people indexed, and their seats.
type peopleLoad struct {
	idx   *pick.Index
	seats map[uuid.UUID][]store.HeldSeat
}

// Kinds are the changes the tab shows: a seat added on a body changes the
// 任职 column, a unit renamed the 单位 column.
var Kinds = []store.Kind{store.KindPerson, store.KindMember, store.KindBody}

// New builds the 人员 tab and starts its first load. Call Refresh after a
// change of one of Kinds made elsewhere.
func New(sh kit.Shell) *Tab {
	v := &Tab{sh: sh}
	v.loader = kit.NewLoader(sh, func(l peopleLoad) {
		v.idx, v.seats = l.idx, l.seats
		v.applyFilter()
	})
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
	v.view = container.NewBorder(top, nil, nil, nil, split)
	v.Refresh()
	return v
}

// View is the tab's content.
func (v *Tab) View() fyne.CanvasObject { return v.view }

// Refresh reads people, members and bodies off the UI thread (from the
// shared data), indexes them there too, then shows the result.
func (v *Tab) Refresh() {
	data := v.sh.Data()
	v.loader.Load(func() (peopleLoad, error) {
		snap, err := data.Snapshot()
		if err != nil {
			return peopleLoad{}, err
		}
		return peopleLoad{pick.NewIndex(snap.People, snap.Members), store.SeatsByPerson(snap.Bodies)}, nil
	})
}

// applyFilter recomputes the visible rows after a keystroke or a load,
// and keeps the selected person highlighted if still listed.
func (v *Tab) applyFilter() {
	if v.idx == nil {
		return
	}
	v.visible = v.idx.Match(v.search.Text, v.visible)
	v.shown.SetText(msg.Tf("共 %d 人", len(v.visible)))
	v.table.UnselectAll()
	for row, i := range v.visible {
		if v.idx.People[i].ID == v.selected {
			v.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	v.table.Refresh()
	v.showSelected()
}

// selectedPerson is the selected person as last loaded, or nil.
func (v *Tab) selectedPerson() *store.Person {
	if v.idx == nil || v.selected == uuid.Nil {
		return nil
	}
	if i := v.idx.Find(v.selected); i >= 0 {
		return &v.idx.People[i]
	}
	return nil
}

func (v *Tab) selectPerson(id uuid.UUID) {
	if v.selected != id {
		v.selected = id
		v.showSelected()
	}
}

// showSelected fills the detail panel and enables the buttons that need a
// person.
func (v *Tab) showSelected() {
	p := v.selectedPerson()
	if p == nil {
		v.selected = uuid.Nil
		v.detail.show(nil, "", nil, nil)
	} else {
		v.detail.show(p, v.idx.UnitName(p), v.seats[p.ID], v.idx.ByID)
	}
	for _, b := range []*widget.Button{v.edit, v.del, v.leave} {
		if p == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// afterChange announces a change to person id (the tab reloads with the
// section around it) and keeps that person selected, clearing a search
// that would hide them.
func (v *Tab) afterChange(id uuid.UUID) {
	v.selected = id
	if v.search.Text != "" {
		v.search.SetText("")
	}
	v.sh.Changed(store.KindPerson, id)
}
