package meetings

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestItemToTask: an agreed item saved in the 纪要 is made a supervised
// task with 转为督办任务; the item then shows the task's number and
// status, and a later save of the minutes keeps the link.
func TestItemToTask(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	m := newMeeting(t, db, "理事会第一次会议", council, store.Today())
	a, v := openMeetings(t, db)
	v.openMeeting(m.ID)
	p := v.page
	p.tabs.SelectIndex(tabMinutes)
	tap(t, kittest.Button(t, p.mins.view, "增加议定事项"))
	if b := kittest.Button(t, p.mins.view, "转为督办任务"); !b.Disabled() {
		t.Error("an item not yet saved can be made a task")
	}
	p.mins.items[0].text.SetText("建设实训基地\n年内完成主体工程")
	p.mins.items[0].lead.SetText("潍坊职业学院")
	p.mins.items[0].due.SetDate(store.Today().AddMonths(6))
	tap(t, p.mins.form.save)
	tap(t, kittest.Button(t, p.mins.view, "转为督办任务"))

	ts, _ := db.Tasks(context.Background())
	if len(ts) != 1 || ts[0].Title != "建设实训基地" || ts[0].Source.MeetingID != m.ID || ts[0].Lead.Name != "潍坊职业学院" {
		t.Fatalf("tasks = %+v", ts)
	}
	note := "督办任务 " + ts[0].Number + " · 未开始"
	if !slices.Contains(kittest.ShownTexts(p.mins.view), note) {
		t.Errorf("item texts = %q, want %q", kittest.ShownTexts(p.mins.view), note)
	}
	// The task is assigned elsewhere: the item follows its status.
	if _, err := db.AddTaskStep(context.Background(), ts[0].ID, store.TaskEvent{Step: store.StepAssign, Date: store.Today()}); err != nil {
		t.Fatal(err)
	}
	a.Changed(store.KindTask, ts[0].ID)
	if want := "督办任务 " + ts[0].Number + " · 推进中"; !slices.Contains(kittest.ShownTexts(p.mins.view), want) {
		t.Errorf("after 交办: %q", kittest.ShownTexts(p.mins.view))
	}
	p.mins.text.SetText("会议审议通过年度工作要点。")
	tap(t, p.mins.form.save)
	if got := stored(t, db, m.ID).Items[0].TaskID; got != ts[0].ID {
		t.Errorf("the minutes' save dropped the item's task: %v", got)
	}
}

// TestPreviousOpenItems: a new meeting of the same body takes the previous
// meeting's open items onto its agenda, under 听取上次会议议定事项落实情况汇报.
func TestPreviousOpenItems(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	prev := newMeeting(t, db, "理事会第一次会议", council, store.Today().AddMonths(-3))
	prev.Items = []store.AgreedItem{{Text: "建设实训基地", Lead: store.UnitRef{Name: "潍坊职业学院"}},
		{Text: "修订章程", Done: store.Today().AddMonths(-1)}}
	if _, err := db.UpdateMeeting(context.Background(), prev); err != nil {
		t.Fatal(err)
	}
	m := newMeeting(t, db, "理事会第二次会议", council, store.Today().AddDays(10))
	_, v := openMeetings(t, db)
	v.openMeeting(m.ID)
	p := v.page
	p.tabs.SelectIndex(tabMinutes)
	tap(t, kittest.Button(t, p.mins.view, "列入上次会议未办结事项"))
	got := stored(t, db, m.ID)
	if len(got.Agenda) != 1 || got.Agenda[0].Text != reportAgenda || !strings.Contains(got.Agenda[0].Notes, "建设实训基地（潍坊职业学院牵头）") ||
		strings.Contains(got.Agenda[0].Notes, "修订章程") {
		t.Fatalf("agenda = %+v", got.Agenda)
	}
	for _, b := range kittest.ShownOf[*widget.Button](p.mins.view) {
		if b.Text == "列入上次会议未办结事项" {
			t.Error("still offered once on the agenda")
		}
	}
}
