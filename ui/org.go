package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

func init() {
	registerSection(30, func(a *App) *section {
		v := &orgView{app: a}
		return &section{title: "组织机构", icon: theme.GridIcon(), build: v.build, refresh: v.refresh}
	})
}

// orgView is the 组织机构 section: the bodies and their terms on the left,
// the roster of the chosen body as of a day on the right, with the seat
// changes, exports and the roster import; and the 人员 tab beside it.
type orgView struct {
	app *App

	data    *orgData // the latest load; nil until the first arrives
	loadGen int      // numbers loads, so a late older one is dropped

	bodyID uuid.UUID // the body shown, or uuid.Nil
	asOf   store.Date
	roster store.Roster
	lines  []store.RosterLine // roster.Lines(), the table's rows
	seatID uuid.UUID          // the seat of the selected row, or uuid.Nil
	// reveal is a body to select when the next load arrives (one just
	// created).
	reveal uuid.UUID

	tree          *widget.Tree
	syncingTree   bool // the tree's selection is being set to match the roster
	bodyTools     *orgBodyTools
	rosterPane    *rosterPane
	peopleRefresh func()
	// preview is the roster import preview now open, if any.
	preview *rosterPreview
	// holder and rep are the choosers of the last seat dialog opened, for
	// tests.
	holder *holderChooser
	rep    *personPicker
}

// orgData is one load: everything a roster needs to name its holders.
type orgData struct {
	bodies  []store.Body
	people  []store.Person
	members []store.Member
	dir     store.Directory
	// children lists each body's sub-bodies by ID; uuid.Nil holds the top
	// level (and bodies whose parent is in the trash).
	children map[uuid.UUID][]uuid.UUID
}

func (v *orgView) build() fyne.CanvasObject {
	v.asOf = store.Today()
	v.tree = v.newTree()
	v.bodyTools = v.newBodyTools()
	v.rosterPane = v.newRosterPane()
	left := container.NewBorder(widget.NewLabelWithStyle(msg.T("机构与届次"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.bodyTools.box, nil, nil, v.tree)
	split := container.NewHSplit(left, v.rosterPane.box)
	split.Offset = 0.3
	people, refresh := v.app.newPeopleTab()
	v.peopleRefresh = refresh
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("机构名单"), theme.GridIcon(), split),
		container.NewTabItemWithIcon(msg.T("人员"), theme.AccountIcon(), people))
	v.reload()
	return newViewPanel(v, tabs)
}

// refresh is called when the section is shown again and after any change
// to the data: a person renamed in 人员 or a unit that left the register
// shows in the rosters.
func (v *orgView) refresh() {
	v.reload()
	if v.peopleRefresh != nil {
		v.peopleRefresh()
	}
}

// reload reads bodies, people and members off the UI thread, then shows
// them (fetch-then-apply).
func (v *orgView) reload() {
	v.loadGen++
	gen := v.loadGen
	a := v.app
	a.background(func() {
		d, err := loadOrgData(a.store, store.PositionsOf(a.settings))
		fyne.DoAndWait(func() {
			if err != nil {
				a.showError(err)
				return
			}
			if gen == v.loadGen {
				v.apply(d)
			}
		})
	})
}

func loadOrgData(s store.Store, positions []string) (*orgData, error) {
	bodies, err := s.Bodies()
	if err != nil {
		return nil, err
	}
	people, err := s.People()
	if err != nil {
		return nil, err
	}
	members, err := s.Members()
	if err != nil {
		return nil, err
	}
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
func (v *orgView) apply(d *orgData) {
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
func (v *orgView) body() *store.Body { return v.data.body(v.bodyID) }

// afterChange reloads every section after a change to body id, and keeps
// that body (and the day shown) on screen.
func (v *orgView) afterChange(id uuid.UUID) {
	v.reveal = id
	v.app.dataChanged()
}
