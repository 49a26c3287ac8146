// Package members is the 成员单位 section: the register of member units.
package members

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
)

// Section is 成员单位: the register as a table with search and filters, a
// detail panel for the selected unit, and the toolbar that admits,
// changes, lets go of, imports and exports members.
type Section struct {
	sh     kit.Shell
	loader *kit.Loader[*memberList]

	list    *memberList // the latest load; nil until the first arrives
	visible []int       // indices into list.rows, in table order
	filter  memberFilter
	sort    tableSort
	asOf    store.Date

	selected uuid.UUID // the unit in the detail panel, or uuid.Nil
	// reveal is a unit to select when the next load arrives (one just
	// created or changed), made visible if the filters hide it.
	reveal uuid.UUID

	table   *widget.Table
	filters *memberFilters
	counts  *widget.Label
	shown   *widget.Label
	detail  *memberDetail
	tools   *memberToolbar
	// preview is the import preview now open, if any.
	preview *kit.MemberImport
	// maskPhones is the last choice of 手机号打码, offered again next time.
	maskPhones bool
}

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section {
	v := &Section{sh: sh, sort: tableSort{col: colTier}}
	v.loader = kit.NewLoader(sh, v.apply)
	return v
}

func (v *Section) Title() string         { return "成员单位" }
func (v *Section) Icon() fyne.Resource   { return theme.AccountIcon() }
func (v *Section) Watches() []store.Kind { return []store.Kind{store.KindMember} }

// Build makes the section's view and starts the first load.
func (v *Section) Build() fyne.CanvasObject {
	v.asOf = kit.Today()
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
	v.Refresh()
	return container.NewBorder(top, nil, nil, nil, split)
}

// Refresh fetches the members off the UI thread (from the shared data),
// prepares their keys there too, and then applies the result to the
// widgets, so a register of 10,000 units never freezes the window.
func (v *Section) Refresh() {
	data, prev := v.sh.Data(), v.list
	v.loader.Load(func() (*memberList, error) {
		ms, err := data.Members()
		if err != nil {
			return nil, err
		}
		return newMemberList(ms, prev), nil
	})
}

// apply shows a new load: states as of the chosen day, filters, counts,
// the selection and the detail panel.
func (v *Section) apply(l *memberList) {
	v.list = l
	l.setAsOf(v.asOf, v.sort)
	v.filters.setCities(l.cities)
	v.updateCounts()
	if v.reveal != uuid.Nil {
		v.selected, v.reveal = v.reveal, uuid.Nil
		v.revealSelected()
	}
	v.applyFilter() // refreshes the table
	v.showSelected()
}

// applyFilter recomputes the visible rows after a keystroke or a filter
// choice, and keeps the table's highlight on the selected unit.
func (v *Section) applyFilter() {
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
func (v *Section) setAsOf(d store.Date) {
	v.asOf = d
	if v.list == nil {
		return
	}
	v.list.setAsOf(d, v.sort)
	v.updateCounts()
	v.applyFilter()
}

// selectMember shows a unit in the detail panel and sets the toolbar for it.
func (v *Section) selectMember(id uuid.UUID) {
	if v.selected == id {
		return
	}
	v.selected = id
	v.showSelected()
}

// selectedMember is the selected unit as last loaded, or nil.
func (v *Section) selectedMember() *store.Member {
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

func (v *Section) showSelected() {
	m := v.selectedMember()
	if m == nil {
		v.selected = uuid.Nil
	}
	v.detail.show(m, v.asOf)
	v.tools.update(m)
}

// revealSelected clears the search and filters (and, if need be, goes back
// to today) when they would hide the unit the clerk just saved.
func (v *Section) revealSelected() {
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
	if today := kit.Today(); !v.asOf.Equal(today) && !v.filter.matches(r) {
		v.filters.setDate(today)
	}
}

// afterChange announces a change to member id (the register reloads, as
// does every section that shows members), and keeps that member selected. A unit just created is also made visible
// (filters cleared if they hide it), or the clerk would think it lost; a
// unit that just left the register is not, so the list the clerk chose
// stays as it was, with the unit still in the detail panel.
func (v *Section) afterChange(id uuid.UUID, created bool) {
	v.selected = id
	if created {
		v.reveal = id
	}
	v.sh.Changed(store.KindMember, id)
}
