package meetings

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// The meeting's link with the supervision: an agreed item becomes a
// supervised task (转为督办任务) and then shows the task's number and
// status; a new meeting takes the previous meeting's open items onto its
// agenda (每次例会听取上次会议落实情况汇报).

// reportAgenda is the agenda item the previous meeting's open items are
// reported under.
const reportAgenda = "听取上次会议议定事项落实情况汇报"

// taskNote is what an item made a task shows: 督办任务 2026-003 · 推进中.
func (p *meetingPage) taskNote(id uuid.UUID) string {
	t, ok := p.tasks[id]
	if !ok {
		return msg.T("已转为督办任务")
	}
	return msg.Tf("督办任务 %s · %s", t.Number, msg.T(t.StateOn(kit.Today()).Status.Word()))
}

// itemTaskBar is the line under an agreed item's fields: its task, or
// 转为督办任务 for an item saved and not yet a task.
func (t *minutesTab) itemTaskBar(e *itemEditor) fyne.CanvasObject {
	if e.taskID != uuid.Nil {
		return &widget.Label{Text: t.p.taskNote(e.taskID), Importance: widget.SuccessImportance}
	}
	b := kit.IconButton("转为督办任务", theme.ContentAddIcon(), func() { t.toTask(e.id) })
	if e.id == uuid.Nil {
		b.Disable() // the store knows the item once the minutes are saved
	}
	return container.NewHBox(b)
}

// toTask turns the stored item id into a supervised task, off the UI
// thread. The minutes must be saved first: the task is made from the
// item as stored.
func (t *minutesTab) toTask(id uuid.UUID) {
	p := t.p
	if t.form.dirty {
		t.form.problem.SetText(msg.T("纪要有未保存的修改，请先保存，再转为督办任务。"))
		return
	}
	s, ctx, meeting := p.v.sh.Store(), p.v.sh.Context(), p.id
	var task store.Task
	kit.Write(p.v.sh, func() (err error) { task, err = s.TaskFromItem(ctx, meeting, id); return err }, func() {
		p.v.sh.Changed(store.KindTask, task.ID)
		p.v.sh.Changed(store.KindMeeting, meeting) // the item names its task now
	})
}

// previousOpen is the previous meeting of the same body and its items
// not done, as the page last read them.
type previousOpen struct {
	m     *store.Meeting
	items []store.AgreedItem
}

// reportBar offers 列入上次会议未办结事项 while the previous meeting has
// open items and this meeting's agenda does not report on them yet.
func (t *minutesTab) reportBar(m *store.Meeting) fyne.CanvasObject {
	prev := t.p.prev
	if prev.m == nil || len(prev.items) == 0 || m.Status != store.MeetingPlanned ||
		slices.ContainsFunc(m.Agenda, func(a store.AgendaItem) bool { return a.Text == reportAgenda }) {
		return nil
	}
	b := kit.IconButton("列入上次会议未办结事项", theme.ContentAddIcon(), t.addPreviousItems)
	note := kit.Hint(msg.Tf("上次会议「%s」有 %d 项议定事项尚未办结。", prev.m.Title, len(prev.items)))
	return container.NewBorder(nil, nil, nil, b, note)
}

// addPreviousItems adds the agenda item 听取上次会议议定事项落实情况汇报
// with the open items' texts as its notes, and saves the meeting.
func (t *minutesTab) addPreviousItems() {
	p := t.p
	if t.form.dirty || p.info.form.dirty {
		t.form.problem.SetText(msg.T("基本信息或纪要有未保存的修改，请先保存。"))
		return
	}
	m := p.m.Clone()
	m.Agenda = append(m.Agenda, store.AgendaItem{Text: reportAgenda, Notes: openItemsNotes(p.prev.items)})
	p.update(m, nil)
}

// openItemsNotes lists the items one a line: 1. 建设实训基地（潍坊职业学院牵头，2026年6月30日前）.
func openItemsNotes(items []store.AgreedItem) string {
	lines := make([]string, len(items))
	for i, it := range items {
		text, _, _ := strings.Cut(strings.TrimSpace(it.Text), "\n")
		var about []string
		if it.Lead.Name != "" {
			about = append(about, it.Lead.Name+"牵头")
		}
		if !it.Due.IsZero() {
			about = append(about, it.Due.Chinese()+"前")
		}
		if len(about) > 0 {
			text += "（" + strings.Join(about, "，") + "）"
		}
		lines[i] = fmt.Sprintf("%d. %s", i+1, text)
	}
	return strings.Join(lines, "\n")
}

// tasksByID are the tasks loaded by their ID, for the items' notes.
func tasksByID(ts []store.Task) map[uuid.UUID]*store.Task {
	out := make(map[uuid.UUID]*store.Task, len(ts))
	for i := range ts {
		out[ts[i].ID] = &ts[i]
	}
	return out
}
