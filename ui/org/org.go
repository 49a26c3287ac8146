// Package org is the 组织机构 section: the bodies (理事会, 共同体 …), their
// terms and seats, each roster as of any day, and the 人员 tab.
package org

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
	"github.com/secdesk/secdesk/ui/org/people"
)

// Section is 组织机构: the bodies and their terms on the left, the roster
// of the chosen body as of a day on the right, with the seat changes,
// exports and the roster import; and the 人员 tab beside it.
type Section struct {
	sh     kit.Shell
	loader *kit.Loader[*orgData]

	data *orgData // the latest load; nil until the first arrives

	bodyID uuid.UUID // the body shown, or uuid.Nil
	asOf   store.Date
	roster store.Roster
	lines  []store.RosterLine // roster.Lines(), the table's rows
	seatID uuid.UUID          // the seat of the selected row, or uuid.Nil
	// reveal is a body to select when the next load arrives (one just
	// created).
	reveal uuid.UUID

	tree        *widget.Tree
	syncingTree bool // the tree's selection is being set to match the roster
	bodyTools   *orgBodyTools
	rosterPane  *rosterPane
	people      *people.Tab
	// preview is the roster import preview now open, if any.
	preview *rosterPreview
}

// orgData is one load: everything a roster needs to name its holders.
// The records are the shared data's: clone a body before changing it.
type orgData struct {
	bodies  []store.Body
	people  []store.Person
	members []store.Member
	dir     store.Directory
	// children lists each body's sub-bodies by ID; uuid.Nil holds the top
	// level (and bodies whose parent is in the trash).
	children map[uuid.UUID][]uuid.UUID
}

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section {
	v := &Section{sh: sh}
	v.loader = kit.NewLoader(sh, v.apply)
	return v
}

func (v *Section) Title() string       { return "组织机构" }
func (v *Section) Icon() fyne.Resource { return theme.GridIcon() }

// Watches: a person renamed in 人员 or a unit that left the register shows
// in the rosters; the positions (settings) order them.
func (v *Section) Watches() []store.Kind {
	return []store.Kind{store.KindBody, store.KindPerson, store.KindMember, store.KindSettings}
}

func (v *Section) Build() fyne.CanvasObject {
	v.asOf = kit.Today()
	v.tree = v.newTree()
	v.bodyTools = v.newBodyTools()
	v.rosterPane = v.newRosterPane()
	left := container.NewBorder(widget.NewLabelWithStyle(msg.T("机构与届次"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.bodyTools.box, nil, nil, v.tree)
	split := container.NewHSplit(left, v.rosterPane.box)
	split.Offset = 0.3
	v.people = people.New(v.sh)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("机构名单"), theme.GridIcon(), split),
		container.NewTabItemWithIcon(msg.T("人员"), theme.AccountIcon(), v.people.View()))
	v.reload()
	return tabs
}

// Refresh reloads the rosters and the 人员 tab.
func (v *Section) Refresh() {
	v.reload()
	v.people.Refresh()
}

// reload reads bodies, people and members off the UI thread (from the
// shared data), then shows them (fetch-then-apply). The positions are
// taken from the settings here, on the UI thread.
func (v *Section) reload() {
	data, positions := v.sh.Data(), store.PositionsOf(v.sh.Settings())
	v.loader.Load(func() (*orgData, error) { return loadOrgData(data, positions) })
}

func loadOrgData(data *kit.Data, positions []string) (*orgData, error) {
	snap, err := data.Snapshot()
	if err != nil {
		return nil, err
	}
	bodies, people, members := snap.Bodies, snap.People, snap.Members
	d := &orgData{bodies: bodies, people: people, members: members,
		dir: store.NewDirectory(people, members, positions), children: map[uuid.UUID][]uuid.UUID{}}
	for _, b := range bodies {
		parent := b.ParentID
		if d.body(parent) == nil {
			parent = uuid.Nil
		}
		d.children[parent] = append(d.children[parent], b.ID)
	}
	return d, nil
}

// body is the body with the given ID as loaded, or nil.
func (d *orgData) body(id uuid.UUID) *store.Body {
	if d == nil || id == uuid.Nil {
		return nil
	}
	for i := range d.bodies {
		if d.bodies[i].ID == id {
			return &d.bodies[i]
		}
	}
	return nil
}

// apply shows a new load: the tree, then the chosen body's roster.
func (v *Section) apply(d *orgData) {
	first := v.data == nil
	v.data = d
	if v.reveal != uuid.Nil {
		v.bodyID, v.reveal = v.reveal, uuid.Nil
	}
	if d.body(v.bodyID) == nil {
		v.bodyID = uuid.Nil
		if len(d.bodies) > 0 {
			v.bodyID = d.bodies[0].ID
		}
	}
	v.tree.Refresh()
	if first {
		v.tree.OpenAllBranches()
	}
	v.selectInTree()
	v.showRoster()
}

// body is the body shown, as last loaded, or nil.
func (v *Section) body() *store.Body { return v.data.body(v.bodyID) }

// afterChange announces a change to body id, and keeps that body (and the
// day shown) on screen when the section reloads.
func (v *Section) afterChange(id uuid.UUID) {
	v.reveal = id
	v.sh.Changed(store.KindBody, id)
}
