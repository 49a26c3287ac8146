// Package meetings is the 会议 section: the list of the group's meetings,
// and each meeting's page — its details and notice, who is invited with
// their replies and attendance (ticked from the keyboard at the door),
// the minutes with the agreed items, and the papers printed for it.
package meetings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Section is 会议: the list, or one meeting's page in its place.
type Section struct {
	sh     kit.Shell
	loader *kit.Loader[*meetingList]

	list     *meetingList // the latest load; nil until the first arrives
	visible  []int        // indices into list.rows, in table order
	filter   meetingFilter
	selected uuid.UUID // the meeting selected in the list

	table   *listTable
	filters *listFilters
	shown   *widget.Label
	open    *widget.Button
	del     *widget.Button

	// view holds the list, or the page of the meeting opened over it.
	view     *fyne.Container
	listView fyne.CanvasObject
	page     *meetingPage // nil while the list is shown
}

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section {
	v := &Section{sh: sh}
	v.loader = kit.NewLoader(sh, v.apply)
	return v
}

func (v *Section) Title() string       { return "会议" }
func (v *Section) Icon() fyne.Resource { return theme.CalendarIcon() }

// Watches: a body's name and quorum rule show in the list; the meeting
// types are settings; an agreed item made a task shows the task's status.
func (v *Section) Watches() []store.Kind {
	return []store.Kind{store.KindMeeting, store.KindBody, store.KindSettings, store.KindTask}
}

func (v *Section) Build() fyne.CanvasObject {
	v.table = v.newListTable()
	v.filters = v.newFilters()
	v.shown = widget.NewLabel("")
	add := kit.IconButton("新建会议", theme.ContentAddIcon(), v.showCreate)
	add.Importance = widget.HighImportance
	v.open = kit.IconButton("打开", theme.FolderOpenIcon(), func() { v.openMeeting(v.selected) })
	v.del = kit.IconButton("删除", theme.DeleteIcon(), v.confirmDelete)
	ledger := kit.IconButton("会议台账", theme.DocumentSaveIcon(), v.showLedger)
	tools := container.NewBorder(nil, nil, container.NewHBox(add, v.open, v.del), ledger)
	hint := &widget.Label{Text: msg.T("双击一行（或选中后按回车、点“打开”）进入会议：基本信息、参会人员与签到、纪要。"), Importance: widget.LowImportance,
		Truncation: fyne.TextTruncateEllipsis}
	top := container.NewVBox(tools, v.filters.bar, container.NewBorder(nil, nil, nil, v.shown, hint))
	v.listView = container.NewBorder(top, nil, nil, nil, v.table)
	v.view = container.NewStack(v.listView)
	v.updateTools()
	v.Refresh()
	return v.view
}

// Refresh reloads the list off the UI thread (from the shared data), and
// the page of the meeting shown, if any.
func (v *Section) Refresh() {
	data, kinds, today := v.sh.Data(), store.MeetingKindsOf(v.sh.Settings()), kit.Today()
	v.loader.Load(func() (*meetingList, error) {
		ms, err := data.Meetings()
		if err != nil {
			return nil, err
		}
		bodies, err := data.Bodies()
		if err != nil {
			return nil, err
		}
		return newMeetingList(ms, bodies, kinds, today), nil
	})
	if v.page != nil {
		v.page.reload()
	}
}

func (v *Section) apply(l *meetingList) {
	v.list = l
	v.filters.setChoices(l)
	v.applyFilter()
}

// applyFilter recomputes the visible rows after a keystroke or a filter
// choice, keeping the selected meeting highlighted.
func (v *Section) applyFilter() {
	if v.list == nil {
		return
	}
	v.visible = v.list.filter(v.filter, v.visible)
	v.shown.SetText(msg.Tf("共 %d 次会议", len(v.visible)))
	v.table.UnselectAll()
	for i, idx := range v.visible {
		if v.list.rows[idx].m.ID == v.selected {
			v.table.Select(widget.TableCellID{Row: i, Col: colTitle})
		}
	}
	v.table.Refresh()
	v.updateTools()
}

func (v *Section) updateTools() {
	for _, b := range []*widget.Button{v.open, v.del} {
		if v.list.find(v.selected) != nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// confirmDelete moves the selected meeting to the trash after asking.
func (v *Section) confirmDelete() {
	r := v.list.find(v.selected)
	if r == nil {
		return
	}
	text := msg.Tf("确定删除会议「%s」吗？参会人员、签到和纪要一并删除。", r.m.Title) + "\n" + msg.T("删除后可在 系统 → 回收站 中恢复。")
	s, ctx, id := v.sh.Store(), v.sh.Context(), r.m.ID
	v.sh.Confirm("删除会议", text, "删除", func() {
		kit.Write(v.sh, func() error { return s.DeleteMeeting(ctx, id) }, func() {
			v.selected = uuid.Nil
			v.sh.Changed(store.KindMeeting, id)
		})
	})
}

// openMeeting shows the page of meeting id in place of the list.
func (v *Section) openMeeting(id uuid.UUID) {
	if id == uuid.Nil {
		return
	}
	v.selected = id
	v.page = newMeetingPage(v, id)
	v.view.Objects = []fyne.CanvasObject{v.page.view}
	v.view.Refresh()
	v.page.reload()
}

// closePage goes back to the list.
func (v *Section) closePage() {
	v.page = nil
	v.view.Objects = []fyne.CanvasObject{v.listView}
	v.view.Refresh()
	v.applyFilter()
}
