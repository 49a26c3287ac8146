package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

func init() {
	registerSection(20, func(a *App) *section {
		v := &membersView{app: a, sort: tableSort{col: colTier}}
		return &section{title: "成员单位", icon: theme.AccountIcon(), build: v.build, refresh: v.reload}
	})
}

// membersView is the 成员单位 section: the register as a table with search
// and filters, a detail panel for the selected unit, and the toolbar that
// admits, changes, lets go of, imports and exports members.
type membersView struct {
	app *App

	list    *memberList // the latest load; nil until the first arrives
	visible []int       // indices into list.rows, in table order
	filter  memberFilter
	sort    tableSort
	asOf    store.Date

	selected uuid.UUID // the unit in the detail panel, or uuid.Nil
	// reveal is a unit to select when the next load arrives (one just
	// created or changed), made visible if the filters hide it.
	reveal uuid.UUID
	// loadGen numbers loads, so an older one finishing late is dropped.
	loadGen int

	table   *widget.Table
	filters *memberFilters
	counts  *widget.Label
	shown   *widget.Label
	detail  *memberDetail
	tools   *memberToolbar
	// preview is the import preview now open, if any.
	preview *importPreview
	// maskPhones is the last choice of 手机号打码, offered again next time.
	maskPhones bool
}

// build makes the section's view and starts the first load.
func (v *membersView) build() fyne.CanvasObject {
	v.asOf = store.Today()
	v.table = v.newMembersTable()
	v.filters = v.newFilters()
	v.counts = widget.NewLabel("")
	v.counts.Wrapping = fyne.TextWrapWord
	v.shown = widget.NewLabel("")
	v.detail = newMemberDetail()
	v.tools = v.newToolbar()
	top := container.NewVBox(v.tools.bar, v.filters.bar,
		container.NewBorder(nil, nil, nil, v.shown, v.counts))
	split := container.NewHSplit(v.table, v.detail.view)
	split.Offset = 0.74
	v.reload()
	return newViewPanel(v, container.NewBorder(top, nil, nil, nil, split))
}

// reload fetches the members off the UI thread, prepares their keys there
// too, and then applies the result to the widgets (fetch-then-apply), so
// a register of 10,000 units never freezes the window.
func (v *membersView) reload() {
	v.loadGen++
	gen := v.loadGen
	a := v.app
	a.background(func() {
		ms, err := a.store.Members()
		var l *memberList
		if err == nil {
			l = newMemberList(ms)
		}
		fyne.DoAndWait(func() {
			if err != nil {
				a.showError(err)
				return
			}
			if gen == v.loadGen {
				v.apply(l)
			}
		})
	})
}

// apply shows a new load: states as of the chosen day, filters, counts,
// the selection and the detail panel.
func (v *membersView) apply(l *memberList) {
	v.list = l
	l.setAsOf(v.asOf, v.sort)
	v.filters.setCities(l.cities)
	v.updateCounts()
	if v.reveal != uuid.Nil {
		v.selected, v.reveal = v.reveal, uuid.Nil
		v.revealSelected()
	}
	v.applyFilter()
	v.table.Refresh()
	v.showSelected()
}

// applyFilter recomputes the visible rows after a keystroke or a filter
// choice, and keeps the table's highlight on the selected unit.
func (v *membersView) applyFilter() {
	if v.list == nil {
		return
	}
	v.visible = v.list.filter(v.filter, v.visible)
	v.shown.SetText(msgShown(len(v.visible)))
	v.table.UnselectAll()
	if m := v.selectedMember(); m != nil {
		if row := v.rowOf(m); row >= 0 {
			v.table.Select(widget.TableCellID{Row: row, Col: colName})
		}
	}
	v.table.Refresh()
}

// setAsOf shows the register and counts as of day d.
func (v *membersView) setAsOf(d store.Date) {
	v.asOf = d
	if v.list == nil {
		return
	}
	v.list.setAsOf(d, v.sort)
	v.updateCounts()
	v.applyFilter()
}

// selectMember shows a unit in the detail panel and sets the toolbar for it.
func (v *membersView) selectMember(id uuid.UUID) {
	if v.selected == id {
		return
	}
	v.selected = id
	v.showSelected()
}

// selectedMember is the selected unit as last loaded, or nil.
func (v *membersView) selectedMember() *store.Member {
	if v.list == nil || v.selected == uuid.Nil {
		return nil
	}
	for i := range v.list.members {
		if v.list.members[i].ID == v.selected {
			return &v.list.members[i]
		}
	}
	return nil
}

func (v *membersView) showSelected() {
	m := v.selectedMember()
	if m == nil {
		v.selected = uuid.Nil
	}
	v.detail.show(m, v.asOf)
	v.tools.update(m)
}

// revealSelected clears the search and filters (and, if need be, goes back
// to today) when they would hide the unit the clerk just saved.
func (v *membersView) revealSelected() {
	m := v.selectedMember()
	if m == nil {
		return
	}
	r := &v.list.rows[0]
	for i := range v.list.rows {
		if v.list.rows[i].m == m {
			r = &v.list.rows[i]
		}
	}
	if v.filter.matches(r) {
		return
	}
	v.filters.reset()
	if today := store.Today(); !v.asOf.Equal(today) && !v.filter.matches(r) {
		v.filters.setDate(today)
	}
}

// afterChange reloads every section after a change to member id, and
// keeps that member selected. A unit just created is also made visible
// (filters cleared if they hide it), or the clerk would think it lost; a
// unit that just left the register is not, so the list the clerk chose
// stays as it was, with the unit still in the detail panel.
func (v *membersView) afterChange(id uuid.UUID, created bool) {
	v.selected = id
	if created {
		v.reveal = id
	}
	v.app.dataChanged()
}
