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

// meetingPage is one meeting, shown over the list: 基本信息, 参会人员 and
// 纪要 as tabs under a header with the papers to print.
//
// m is the meeting as last read or written. The two forms (基本信息, 纪要)
// each remember the Rev their fields started from: a save sends that Rev,
// so an edit made over another clerk's newer change is refused and the
// clerk reloads, while this window's own ticks and saves move it on.
type meetingPage struct {
	v      *Section
	id     uuid.UUID
	loader *kit.Loader[pageData]
	loaded bool
	m      store.Meeting
	body   *store.Body               // the meeting's body as loaded, or nil
	data   *kit.Snapshot             // members and bodies, for the unit names of the minutes
	st     store.Settings            // as when the page was opened
	tasks  map[uuid.UUID]*store.Task // the supervised tasks, for the items made tasks
	prev   previousOpen              // the previous meeting's open items
	view   fyne.CanvasObject

	title *widget.Label
	tabs  *container.AppTabs
	info  *infoTab
	att   *attendTab
	mins  *minutesTab
}

// pageData is one read of the meeting with what its page needs.
type pageData struct {
	m     store.Meeting
	snap  *kit.Snapshot
	tasks map[uuid.UUID]*store.Task
	prev  previousOpen
}

func newMeetingPage(v *Section, id uuid.UUID) *meetingPage {
	p := &meetingPage{v: v, id: id, st: v.sh.Settings()}
	p.loader = kit.NewLoader(v.sh, p.apply)
	back := kit.IconButton("返回列表", theme.NavigateBackIcon(), p.leave)
	p.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText,
		Truncation: fyne.TextTruncateEllipsis}
	p.info = newInfoTab(p)
	p.att = newAttendTab(p)
	p.mins = newMinutesTab(p)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("基本信息"), theme.InfoIcon(), p.info.view),
		container.NewTabItemWithIcon(msg.T("参会人员"), theme.AccountIcon(), p.att.view),
		container.NewTabItemWithIcon(msg.T("纪要"), theme.DocumentIcon(), p.mins.view))
	p.tabs.OnSelected = func(*container.TabItem) {
		if p.tabs.SelectedIndex() == tabAttend {
			p.att.focus()
		}
	}
	head := container.NewBorder(nil, nil, back, p.exportBar(), p.title)
	p.view = container.NewBorder(head, nil, nil, nil, p.tabs)
	return p
}

// The page's tabs.
const (
	tabInfo = iota
	tabAttend
	tabMinutes
)

// reload reads the meeting as stored, off the UI thread.
func (p *meetingPage) reload() {
	s, ctx, data, id := p.v.sh.Store(), p.v.sh.Context(), p.v.sh.Data(), p.id
	p.loader.Load(func() (pageData, error) {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			return pageData{}, err
		}
		snap, err := data.Snapshot()
		if err != nil {
			return pageData{}, err
		}
		ts, err := data.Tasks()
		if err != nil {
			return pageData{}, err
		}
		ms, err := data.Meetings()
		if err != nil {
			return pageData{}, err
		}
		d := pageData{m: m, snap: snap, tasks: tasksByID(ts)}
		d.prev.m, d.prev.items = store.PreviousOpenItems(ms, &m)
		return d, nil
	})
}

// apply shows a read of the meeting. While ticks are being written their
// results will follow, so a read that overtook them is not shown over the
// ticks on screen.
func (p *meetingPage) apply(d pageData) {
	p.data, p.tasks, p.prev = d.snap, d.tasks, d.prev
	p.body = nil
	for i := range d.snap.Bodies {
		if d.snap.Bodies[i].ID == d.m.BodyID {
			p.body = &d.snap.Bodies[i]
		}
	}
	if p.loaded && p.att.busy() {
		return
	}
	p.loaded = true
	p.changed(d.m, false)
}

// changed takes m, a newer state of the meeting: written by this window
// (own: the forms' Revs move on with it) or read after another clerk's
// change. A form without unsaved edits shows m; one with edits keeps them.
func (p *meetingPage) changed(m store.Meeting, own bool) {
	prev := p.m.Rev
	p.m = m
	p.title.SetText(m.Title + "  " + msg.Date(m.Date) + " " + m.Time)
	p.info.changed(&m, prev, own)
	p.mins.changed(&m, prev, own)
	p.att.show()
}

// quorum is the rule the meeting counts by: its body's.
func (p *meetingPage) quorum() store.Quorum { return quorumOf(p.body) }

// written shows a meeting this window just wrote and announces it.
func (p *meetingPage) written(m store.Meeting) {
	p.changed(m, true)
	p.v.sh.Changed(store.KindMeeting, m.ID)
}

// update writes m whole (invitees added or removed) off the UI thread,
// then shows it; a refusal is shown and the page reloaded.
func (p *meetingPage) update(m store.Meeting, after func()) {
	s, ctx := p.v.sh.Store(), p.v.sh.Context()
	var saved store.Meeting
	var err error
	p.v.sh.Background(func() { saved, err = s.UpdateMeeting(ctx, m) }, func() {
		if err != nil {
			p.v.sh.ShowError(err)
			p.reload()
			return
		}
		p.written(saved)
		if after != nil {
			after()
		}
	})
}

// leave goes back to the list, after asking if a form has edits not
// saved: they would be lost without a word.
func (p *meetingPage) leave() {
	if !p.info.form.dirty && !p.mins.form.dirty {
		p.v.closePage()
		return
	}
	p.v.sh.Confirm("返回列表", msg.T("基本信息或纪要有未保存的修改，返回列表将放弃这些修改。"), "放弃修改", p.v.closePage)
}
