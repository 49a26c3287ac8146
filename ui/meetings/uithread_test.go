package meetings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestMeetingsNoStoreWorkOnUIThread: the list, a meeting's page, ticking
// by keyboard, saving 基本信息 and 纪要, adding an invitee and creating a
// meeting read and write the store only in background work, never on
// the UI thread.
func TestMeetingsNoStoreWorkOnUIThread(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	council := councilOf4(t, s)
	m := newMeeting(t, s, "理事会第一次会议", council, store.Today())
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section { v = New(sh); return []kit.Section{v} })
	g.Arm(t)
	g.Doing("opening 会议")
	a.OpenSection("会议")
	g.Doing("opening the meeting")
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p := v.page
	if p == nil || p.m.ID != m.ID {
		t.Fatal("Enter did not open the meeting")
	}
	g.Doing("ticking by keyboard")
	p.tabs.SelectIndex(tabAttend)
	typeKeys(t, a, "1")
	press(t, a, fyne.KeyDown)
	typeKeys(t, a, "2")
	g.Doing("saving 基本信息")
	p.tabs.SelectIndex(tabInfo)
	p.info.place.SetText("集团会议室")
	tap(t, p.info.form.save)
	g.Doing("saving 纪要")
	p.tabs.SelectIndex(tabMinutes)
	tap(t, kittest.Button(t, p.mins.view, "增加议定事项"))
	p.mins.items[0].text.SetText("审议通过年度工作报告")
	tap(t, p.mins.form.save)
	g.Doing("adding an invitee")
	p.tabs.SelectIndex(tabAttend)
	tap(t, kittest.Button(t, p.att.view, "增加人员"))
	d := a.Dialog()
	kittest.TypeInto(t, d, store.FieldInvitee, "刘洋")
	kittest.Save(t, d)
	g.Doing("creating a meeting")
	tap(t, kittest.Button(t, p.view, "返回列表"))
	tap(t, kittest.Button(t, a.Window().Canvas().Content(), "新建会议"))
	d = a.Dialog()
	kittest.ChooseIn(t, d, "所属机构", "理事会")
	kittest.Save(t, d)
	g.Check(t)
	got := stored(t, s, m.ID)
	if got.Place != "集团会议室" || len(got.Items) != 1 || len(got.Invitees) != 5 ||
		got.Invitees[0].Attend.State != store.AttendPresent || got.Invitees[1].Attend.State != store.AttendLeave {
		t.Errorf("stored meeting = %+v", got)
	}
}
