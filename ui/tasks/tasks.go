// Package tasks is the 督查督办 section: the supervised task list (as it
// stands today or stood on any past day), each task's page with its
// process, extensions, inspections and flags, the monthly round typed
// through from the keyboard, the round grid of a year, the quarterly
// dispatch and the reports printed from the ledger.
package tasks

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Section is 督查督办: tabs, or one task's page in their place.
type Section struct {
	sh     kit.Shell
	loader *kit.Loader[*taskData]
	data   *taskData // the latest load; nil until the first arrives

	tabs    *container.AppTabs
	list    *listTab
	round   *roundTab
	grid    *gridTab
	disp    *dispatchTab
	reports *reportsTab

	view     *fyne.Container // the tabs, or the page of a task
	tabsView fyne.CanvasObject
	page     *taskPage // nil while the tabs are shown
}

// The section's tabs.
const (
	tabList = iota
	tabRound
	tabGrid
	tabDispatch
	tabReports
)

// taskData is one load of what the section shows: the tasks with the
// register's units and the meetings they name, the dispatches, the rules
// of the day, and the list prepared as of the day the list tab asked for.
// Shared and read-only.
type taskData struct {
	tasks      []store.Task
	members    []store.Member
	bodies     []store.Body
	meetings   []store.Meeting
	dispatches []store.Dispatch
	today      store.Date
	rules      store.FlagRules
	categories []string // the clerk's list (settings), then others in use
	list       *taskList
}

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section {
	v := &Section{sh: sh}
	v.loader = kit.NewLoader(sh, v.apply)
	return v
}

func (v *Section) Title() string       { return "督查督办" }
func (v *Section) Icon() fyne.Resource { return theme.ListIcon() }

// Watches: units and meetings are named on the tasks; the warning rules
// and the categories are settings.
func (v *Section) Watches() []store.Kind {
	return []store.Kind{store.KindTask, store.KindDispatch, store.KindMeeting, store.KindMember, store.KindBody,
		store.KindSettings}
}

func (v *Section) Build() fyne.CanvasObject {
	v.list = newListTab(v)
	v.round = newRoundTab(v)
	v.grid = newGridTab(v)
	v.disp = newDispatchTab(v)
	v.reports = newReportsTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("任务清单"), theme.ListIcon(), v.list.view),
		container.NewTabItemWithIcon(msg.T("本月督查"), theme.DocumentCreateIcon(), v.round.view),
		container.NewTabItemWithIcon(msg.T("督查轮次"), theme.GridIcon(), v.grid.view),
		container.NewTabItemWithIcon(msg.T("季度调度"), theme.CalendarIcon(), v.disp.view),
		container.NewTabItemWithIcon(msg.T("报表"), theme.DocumentPrintIcon(), v.reports.view))
	v.tabs.OnSelected = func(*container.TabItem) {
		if v.tabs.SelectedIndex() == tabRound {
			v.round.focus()
		}
	}
	v.tabsView = v.tabs
	v.view = container.NewStack(v.tabsView)
	v.Refresh()
	return v.view
}

// Refresh reloads everything off the UI thread (the tasks from the shared
// data), and the page of the task shown, if any.
func (v *Section) Refresh() {
	data, st, today := v.sh.Data(), v.sh.Settings(), kit.Today()
	s, ctx := v.sh.Store(), v.sh.Context()
	asOf := v.list.asOfDay(today)
	v.loader.Load(func() (*taskData, error) { return loadTaskData(data, s, ctx, st, today, asOf) })
	if v.page != nil {
		v.page.reload()
	}
}

func (v *Section) apply(d *taskData) {
	v.data = d
	v.list.apply(d)
	v.round.apply(d)
	v.grid.apply(d)
	v.disp.apply(d)
	v.reports.apply(d)
}

// categoriesOf is the clerk's list of categories, then the others in use
// on tasks, each once.
func categoriesOf(st store.Settings, tasks []store.Task) []string {
	out := slices.Clone(st.TaskCategories)
	for i := range tasks {
		if c := tasks[i].Category; c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// task is the loaded task with id, or nil.
func (d *taskData) task(id uuid.UUID) *store.Task {
	if d == nil {
		return nil
	}
	for i := range d.tasks {
		if d.tasks[i].ID == id {
			return &d.tasks[i]
		}
	}
	return nil
}

// meeting is the loaded meeting with id, or nil.
func (d *taskData) meeting(id uuid.UUID) *store.Meeting {
	if d == nil || id == uuid.Nil {
		return nil
	}
	for i := range d.meetings {
		if d.meetings[i].ID == id {
			return &d.meetings[i]
		}
	}
	return nil
}

// unitNames are the names a unit field offers: the member units in the
// register today, then the bodies.
func (d *taskData) unitNames() []string {
	if d == nil {
		return nil
	}
	var out []string
	for i := range d.members {
		if m := &d.members[i]; m.StateOn(d.today).Status == store.StatusActive {
			out = append(out, m.Name)
		}
	}
	for i := range d.bodies {
		out = append(out, d.bodies[i].Name)
	}
	return out
}

// unitRef names a unit as typed: a member unit or a body of that name is
// referred to by its ID too; other names stay as written.
func (d *taskData) unitRef(name string) store.UnitRef {
	r := store.UnitRef{Name: store.CleanText(name)}
	if r.Name == "" || d == nil {
		return r
	}
	key := store.NameKey(r.Name)
	for i := range d.members {
		if store.NameKey(d.members[i].Name) == key {
			r.MemberID, r.Name = d.members[i].ID, d.members[i].Name
			return r
		}
	}
	for i := range d.bodies {
		if store.NameKey(d.bodies[i].Name) == key {
			r.BodyID, r.Name = d.bodies[i].ID, d.bodies[i].Name
		}
	}
	return r
}

// unitRefs splits units typed with 、，, or ; between them.
func (d *taskData) unitRefs(text string) []store.UnitRef {
	var out []store.UnitRef
	for _, name := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("、，,;；\n", r) }) {
		if r := d.unitRef(name); r.Name != "" {
			out = append(out, r)
		}
	}
	return out
}

// unitNamesOf joins the names of units with 、.
func unitNamesOf(us []store.UnitRef) string {
	names := make([]string, 0, len(us))
	for _, u := range us {
		names = append(names, u.Name)
	}
	return strings.Join(names, "、")
}

// openTask shows the page of task id in place of the tabs.
func (v *Section) openTask(id uuid.UUID) {
	if id == uuid.Nil {
		return
	}
	v.page = newTaskPage(v, id)
	v.view.Objects = []fyne.CanvasObject{v.page.view}
	v.view.Refresh()
	v.page.reload()
}

// closePage goes back to the tabs.
func (v *Section) closePage() {
	v.page = nil
	v.view.Objects = []fyne.CanvasObject{v.tabsView}
	v.view.Refresh()
}

// written announces a task this window just wrote: every tab derives
// from the tasks, so all are reloaded.
func (v *Section) written(id uuid.UUID) { v.sh.Changed(store.KindTask, id) }
