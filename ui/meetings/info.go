package meetings

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// infoTab is 基本信息: the meeting's own fields and status on the left,
// the agenda and the notice's fields on the right.
type infoTab struct {
	p    *meetingPage
	form *pageForm
	view fyne.CanvasObject

	title, time, place, host, recorder, organiser *widget.Entry
	to, purpose, contact, signer                  *widget.Entry
	agenda, requirements                          *widget.Entry
	kind, body                                    *widget.Select
	status                                        *widget.Select
	date, replyBy, noticeDate                     *kit.DateEntry
	kinds                                         []string
	bodies                                        []uuid.UUID // the choices after （无）
	left, right                                   *widget.Form
}

func newInfoTab(p *meetingPage) *infoTab {
	t := &infoTab{p: p, kinds: store.MeetingKindsOf(p.st)}
	t.form = newPageForm(p, t.fill, t.apply)
	t.form.after = t.saved
	ed := func(string) { t.form.edited() }
	entry := func(multi bool) *widget.Entry {
		e := widget.NewEntry()
		if multi {
			e = widget.NewMultiLineEntry()
			e.SetMinRowsVisible(4)
			e.Wrapping = fyne.TextWrapWord
		}
		e.OnChanged = ed
		return e
	}
	t.title, t.time, t.place, t.host, t.recorder, t.organiser = entry(false), entry(false), entry(false), entry(false), entry(false), entry(false)
	t.title.Validator, t.time.Validator = checkTitle, checkTime
	t.to, t.purpose, t.contact, t.signer = entry(false), entry(false), entry(false), entry(false)
	t.agenda, t.requirements = entry(true), entry(true)
	t.agenda.SetPlaceHolder(msg.T("每行一项议程"))
	t.requirements.SetPlaceHolder(msg.T("每行一段，如：请各单位于回执截止日前报送参会回执。"))
	t.purpose.SetPlaceHolder(msg.T("如：为总结本年度工作，部署下一年度重点任务"))
	t.contact.SetPlaceHolder(msg.T("如：张明，0536-8888888"))
	t.kind = widget.NewSelect(translated(t.kinds), ed)
	t.status = widget.NewSelect(statusNames(), ed)
	t.body = widget.NewSelect(nil, ed)
	t.date, t.replyBy, t.noticeDate = kit.NewDateEntry(store.Date{}, true), kit.NewDateEntry(store.Date{}, false), kit.NewDateEntry(store.Date{}, false)
	t.replyBy.SetPlaceHolder(msg.T("可不填"))
	t.noticeDate.SetPlaceHolder(msg.T("可不填"))
	for _, d := range []*kit.DateEntry{t.date, t.replyBy, t.noticeDate} {
		d.OnChanged = chain(d.OnChanged, ed)
	}
	t.build()
	return t
}

// chain calls a, then b.
func chain(a, b func(string)) func(string) {
	return func(s string) {
		if a != nil {
			a(s)
		}
		b(s)
	}
}

func (t *infoTab) build() {
	item := func(label string, w fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(msg.T(label), w) }
	t.left = widget.NewForm(item("会议名称", t.title), item("会议类型", t.kind), item("所属机构", t.body),
		item("会议日期", t.date), item("会议时间", t.time), item("会议地点", t.place), item("主持人", t.host),
		item("记录", t.recorder), item("承办", t.organiser), item("会议状态", t.status), item("议程", t.agenda))
	t.right = widget.NewForm(item("主送", t.to), item("会议目的", t.purpose), item("回执截止", t.replyBy),
		item("联系人及电话", t.contact), item("有关要求", t.requirements), item("落款", t.signer), item("成文日期", t.noticeDate))
	t.right.Items[0].HintText = msg.T("留空则按所属机构写，如“各理事会成员”")
	t.right.Items[5].HintText = msg.T("留空则为集团名称加“秘书处”")
	t.right.Items[6].HintText = msg.T("留空则为打印通知当天")
	notice := container.NewBorder(heading(msg.T("会议通知")), nil, nil, nil, t.right)
	cols := container.NewGridWithColumns(2, t.left, notice)
	t.view = container.NewBorder(nil, t.form.bar, nil, nil, container.NewVScroll(cols))
}

func statusNames() []string {
	out := make([]string, len(store.MeetingStatuses))
	for i, s := range store.MeetingStatuses {
		out[i] = msg.T(s.Word())
	}
	return out
}

// fill shows m in the fields.
func (t *infoTab) fill(m *store.Meeting) {
	t.title.SetText(m.Title)
	t.kinds = store.MeetingKindsOf(t.p.st)
	if m.Kind != "" && !slices.Contains(t.kinds, m.Kind) {
		t.kinds = append(slices.Clone(t.kinds), m.Kind) // a type since taken off the list
	}
	t.kind.Options = translated(t.kinds)
	t.kind.SetSelectedIndex(slices.Index(t.kinds, m.Kind))
	t.fillBodies(m.BodyID)
	t.date.SetDate(m.Date)
	t.time.SetText(m.Time)
	t.place.SetText(m.Place)
	t.host.SetText(m.Host)
	t.recorder.SetText(m.Recorder)
	t.organiser.SetText(m.Organiser)
	t.status.SetSelectedIndex(slices.Index(store.MeetingStatuses, m.Status))
	lines := make([]string, len(m.Agenda))
	for i, a := range m.Agenda {
		lines[i] = a.Text
	}
	t.agenda.SetText(strings.Join(lines, "\n"))
	n := m.Notice
	t.to.SetText(n.To)
	t.purpose.SetText(n.Purpose)
	t.replyBy.SetDate(n.ReplyBy)
	t.contact.SetText(n.Contact)
	t.requirements.SetText(n.Requirements)
	t.signer.SetText(n.Signer)
	t.noticeDate.SetDate(n.Date)
}

func (t *infoTab) fillBodies(id uuid.UUID) {
	names := []string{msg.T("（无）")}
	t.bodies = nil
	if t.p.data != nil {
		for _, b := range t.p.data.Bodies {
			t.bodies, names = append(t.bodies, b.ID), append(names, b.Name)
		}
	}
	t.body.Options = names
	t.body.SetSelectedIndex(slices.Index(t.bodies, id) + 1)
}

// apply puts the fields into m. The agenda keeps each item's notes.
func (t *infoTab) apply(m *store.Meeting) error {
	m.Title, m.Time, m.Place = t.title.Text, t.time.Text, t.place.Text
	m.Host, m.Recorder, m.Organiser = t.host.Text, t.recorder.Text, t.organiser.Text
	if i := t.kind.SelectedIndex(); i >= 0 {
		m.Kind = t.kinds[i]
	}
	m.BodyID = uuid.Nil
	if i := t.body.SelectedIndex(); i > 0 {
		m.BodyID = t.bodies[i-1]
	}
	m.Date = t.date.Date()
	if i := t.status.SelectedIndex(); i >= 0 {
		m.Status = store.MeetingStatuses[i]
	}
	m.Agenda = agendaOf(t.agenda.Text, m.Agenda)
	m.Notice = store.Notice{To: t.to.Text, Purpose: t.purpose.Text, ReplyBy: t.replyBy.Date(),
		Contact: t.contact.Text, Requirements: t.requirements.Text, Signer: t.signer.Text, Date: t.noticeDate.Date()}
	if _, err := kit.ParseDateField(t.date.Text, true); err != nil {
		return &store.FieldError{Field: store.FieldMeetingDate, Problem: store.ProblemBadDate}
	}
	return nil
}

// agendaOf is the agenda typed one item a line. An item keeps the notes
// the minutes have on it: found by its text, or, if it was reworded, by
// its place when the old text is gone.
func agendaOf(text string, old []store.AgendaItem) []store.AgendaItem {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	out := make([]store.AgendaItem, len(lines))
	used := make([]bool, len(old))
	for i, l := range lines {
		out[i].Text = l
		if j := slices.IndexFunc(old, func(a store.AgendaItem) bool { return a.Text == l }); j >= 0 && !used[j] {
			out[i].Notes, used[j] = old[j].Notes, true
		}
	}
	for i := range out {
		if out[i].Notes == "" && i < len(old) && !used[i] && !slices.Contains(lines, old[i].Text) {
			out[i].Notes, used[i] = old[i].Notes, true
		}
	}
	return out
}

// saved offers to invite the roster again when the body or the date of
// a meeting in preparation changed: the store keeps the invitees as they
// were, so replies already recorded are not lost by a slip of the date.
func (t *infoTab) saved(old, m *store.Meeting) {
	if m.Status != store.MeetingPlanned || (old.BodyID == m.BodyID && old.Date.Equal(m.Date)) {
		return
	}
	t.p.v.sh.Confirm("按名单重新生成参会人员",
		msg.T("所属机构或会议日期已改变。要按新的机构名单（会议日期当天）重新生成参会人员吗？已记录的回执和签到会保留，手工增加的人员和列席人员不变。"),
		"重新生成", t.p.regenerate)
}

// regenerate invites the body's roster as of the meeting's date again,
// keeping what is known of those still invited (Meeting.MergeInvitees).
func (p *meetingPage) regenerate() {
	s, ctx, id := p.v.sh.Store(), p.v.sh.Context(), p.id
	var saved store.Meeting
	kit.Write(p.v.sh, func() error {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			return err
		}
		var fresh []store.Invitee
		if m.BodyID != uuid.Nil {
			if fresh, err = s.RosterInvitees(ctx, m.BodyID, m.Date); err != nil {
				return err
			}
		}
		m.MergeInvitees(fresh)
		saved, err = s.UpdateMeeting(ctx, m)
		return err
	}, func() { p.written(saved) })
}

func (t *infoTab) changed(m *store.Meeting, prev int64, own bool) { t.form.changed(m, prev, own) }
