package meetings

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestCreateAndTickByKeyboard: a clerk creates a meeting of 理事会 (type
// and title suggested from the body), the roster of the day is invited,
// and the attendance is ticked from the keyboard at the door; the store
// keeps every tick and the count line follows.
func TestCreateAndTickByKeyboard(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	a, v := openMeetings(t, db)

	tap(t, kittest.Button(t, a.Window().Canvas().Content(), "新建会议"))
	d := a.Dialog()
	kittest.ChooseIn(t, d, "所属机构", "理事会")
	if got := kittest.FormWidget[*widget.Select](t, d, "会议类型").Selected; got != "理事会" {
		t.Errorf("type suggested = %q", got)
	}
	title := d.Field(store.FieldMeetingTitle).Text
	if want := "理事会" + itoa(store.Today().Year()) + "年第1次会议"; title != want {
		t.Errorf("title suggested = %q, want %q", title, want)
	}
	kittest.TypeInto(t, d, store.FieldMeetingPlace, "集团会议室")
	kittest.Save(t, d)

	p := v.page
	if p == nil {
		t.Fatal("the new meeting's page is not shown")
	}
	ms, _ := db.Meetings(context.Background(), store.MeetingFilter{})
	if len(ms) != 1 || ms[0].BodyID != council.ID || len(ms[0].Invitees) != 4 {
		t.Fatalf("stored meetings = %+v", ms)
	}
	id := ms[0].ID

	p.tabs.SelectIndex(tabAttend)
	if a.Window().Canvas().Focused() != p.att.table {
		t.Fatal("the invitee table does not have the keys")
	}
	typeKeys(t, a, "1") // the first row is selected when the tab opens
	press(t, a, fyne.KeyDown)
	typeKeys(t, a, "2")
	press(t, a, fyne.KeyDown)
	typeKeys(t, a, "5") // 委托: asks whom
	if askedProxy == nil || a.Window().Canvas().Focused() != askedProxy {
		t.Fatal("委托 did not ask whom")
	}
	test.Type(askedProxy, "刘洋")
	askedProxy.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	press(t, a, fyne.KeyDown)
	typeKeys(t, a, "3")
	press(t, a, fyne.KeyUp)
	press(t, a, fyne.KeyUp)
	press(t, a, fyne.KeyUp)
	typeKeys(t, a, "0") // back on 王强: cleared
	typeKeys(t, a, "1")

	m := stored(t, db, id)
	want := map[string]store.AttendState{"王强": store.AttendPresent, "李华": store.AttendLeave,
		"张敏": store.AttendProxy, "赵刚": store.AttendAbsent}
	if got := attendStates(m); !mapsEqual(got, want) {
		t.Errorf("stored attendance = %v, want %v", got, want)
	}
	if v := m.Invitees[2]; v.Attend.Proxy != "刘洋" {
		t.Errorf("proxy = %q", v.Attend.Proxy)
	}
	wantCount := "应到 4　实到 2　请假 1　委托 1　缺席 1　未签到 0 — 未达到法定人数（过半数，需实到 3）"
	if got := p.att.count.Text; got != wantCount {
		t.Errorf("count line = %q\nwant %q", got, wantCount)
	}
	rows := tableRows(&p.att.table.Table)
	if rows[2][colAttend] != "委托（刘洋）" || rows[0][colName] != "王强" {
		t.Errorf("rows = %q", rows)
	}
	// The list counts the meeting too, once back on it.
	tap(t, kittest.Button(t, p.view, "返回列表"))
	if got := tableRows(&v.table.Table)[0][colCount]; got != "4/2" {
		t.Errorf("list 应到/实到 = %q", got)
	}
}

// TestTickConflict: another clerk ticks the same invitee between; this
// window's tick is refused with the store's message, not written over
// theirs, and the row shows what they ticked.
func TestTickConflict(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	m := newMeeting(t, db, "理事会第一次会议", council, store.Today())
	a, v := openMeetings(t, db)
	v.openMeeting(m.ID)
	p := v.page
	p.tabs.SelectIndex(tabAttend)

	// At the other door, 王强 was ticked 请假 meanwhile.
	if _, err := db.SetAttend(context.Background(), m.ID, m.Invitees[0].ID, store.Attend{}, store.Attend{State: store.AttendLeave}); err != nil {
		t.Fatal(err)
	}
	typeKeys(t, a, "1")
	if got := p.att.problem.Text; !p.att.problem.Visible() || !strings.Contains(got, "已被") || !strings.Contains(got, "王强") {
		t.Errorf("conflict shown = %q (visible %v)", got, p.att.problem.Visible())
	}
	if got := stored(t, db, m.ID).Invitees[0].Attend.State; got != store.AttendLeave {
		t.Errorf("stored = %q, want the other clerk's 请假", got)
	}
	if got := tableRows(&p.att.table.Table)[0][colAttend]; got != "请假" {
		t.Errorf("row after the refusal = %q, want it reloaded", got)
	}
	// The next tick goes from what is shown now, and is written.
	typeKeys(t, a, "1")
	if got := stored(t, db, m.ID).Invitees[0].Attend.State; got != store.AttendPresent {
		t.Errorf("stored after the second tick = %q", got)
	}
	if p.att.problem.Visible() {
		t.Error("the refusal is still shown after a tick that worked")
	}
}

// TestListOrderAndFilters: upcoming meetings first in date order, then the
// past ones newest first; the search and the year filter work in memory.
func TestListOrderAndFilters(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	today := store.Today()
	newMeeting(t, db, "去年的会议", council, today.AddDays(-400))
	newMeeting(t, db, "上周的会议", council, today.AddDays(-7))
	newMeeting(t, db, "下月的会议", council, today.AddDays(30))
	newMeeting(t, db, "明天的会议", council, today.AddDays(1))
	_, v := openMeetings(t, db)
	titles := func() []string {
		var out []string
		for _, r := range tableRows(&v.table.Table) {
			out = append(out, r[colTitle])
		}
		return out
	}
	if got, want := titles(), []string{"明天的会议", "下月的会议", "上周的会议", "去年的会议"}; !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
	test.Type(v.filters.search, "上周")
	if got := titles(); !slices.Equal(got, []string{"上周的会议"}) {
		t.Errorf("search = %q", got)
	}
	v.filters.search.SetText("")
	v.filters.year.SetSelected(itoa(today.AddDays(-400).Year()) + "年")
	if got := titles(); !slices.Contains(got, "去年的会议") || len(got) > 3 {
		t.Errorf("year filter = %q", got)
	}
}

// TestDeleteMovesToTrash: 删除 asks, then the meeting goes to the trash.
func TestDeleteMovesToTrash(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	newMeeting(t, db, "理事会第一次会议", council, store.Today())
	a, v := openMeetings(t, db)
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	tap(t, v.del)
	confirm := kittest.Button(t, a.Overlay(), "删除")
	test.Tap(confirm)
	if ms, _ := db.Meetings(context.Background(), store.MeetingFilter{}); len(ms) != 0 {
		t.Errorf("meetings left = %d", len(ms))
	}
	if trash, _ := db.Trash(context.Background()); len(trash) != 1 || trash[0].Kind != store.KindMeeting {
		t.Errorf("trash = %+v", trash)
	}
	if n, _ := v.table.Length(); n != 0 {
		t.Errorf("list rows = %d", n)
	}
}

func mapsEqual[K, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestInfoSaveConflict: 基本信息 saved over another clerk's newer change
// is refused with the store's words and 重新载入, which shows their
// change; the window's own ticks meanwhile do not count as a conflict.
func TestInfoSaveConflict(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := councilOf4(t, db)
	m := newMeeting(t, db, "理事会第一次会议", council, store.Today())
	a, v := openMeetings(t, db)
	v.openMeeting(m.ID)
	p := v.page
	p.info.place.SetText("集团会议室")
	p.tabs.SelectIndex(tabAttend)
	typeKeys(t, a, "1") // an own tick between: not a conflict
	tap(t, p.info.form.save)
	if got := stored(t, db, m.ID); got.Place != "集团会议室" || p.info.form.problem.Text != "" {
		t.Fatalf("saved place %q, problem %q", got.Place, p.info.form.problem.Text)
	}

	other := stored(t, db, m.ID)
	other.Title = "集团理事会第一次全体会议"
	if _, err := db.UpdateMeeting(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	p.info.host.SetText("王强")
	tap(t, p.info.form.save)
	if got := p.info.form.problem.Text; !strings.Contains(got, "已被") || !p.info.form.reload.Visible() {
		t.Errorf("conflict shown = %q, 重新载入 visible %v", got, p.info.form.reload.Visible())
	}
	if got := stored(t, db, m.ID); got.Host != "" || got.Title != other.Title {
		t.Errorf("the other clerk's change was overwritten: %+v", got)
	}
	tap(t, p.info.form.reload)
	if p.info.title.Text != other.Title || p.info.host.Text != "" {
		t.Errorf("after 重新载入: title %q host %q", p.info.title.Text, p.info.host.Text)
	}
}
