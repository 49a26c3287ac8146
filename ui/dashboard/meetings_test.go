package dashboard

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestDashboardMeetings: 会议提示 lists a meeting coming soon with its
// replies still missing, and one held over a week ago without minutes;
// not a cancelled one, nor one whose minutes are written, nor one far
// ahead with every reply in.
func TestDashboardMeetings(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	ctx := context.Background()
	today := store.Today()
	wang := kittest.NewPerson(t, db, "王强", "潍坊职业学院", "院长")
	li := kittest.NewPerson(t, db, "李华", "寿光市职业教育中心学校", "校长")
	council := kittest.NewBodyWithTerm(t, db, "理事会", store.OrderRanked, today.AddDays(-800),
		map[string][]store.Person{"理事": {wang, li}})
	add := func(title string, d store.Date, change func(m *store.Meeting)) {
		m, err := db.CreateMeeting(ctx, store.Meeting{Title: title, Kind: "理事会", BodyID: council.ID, Date: d})
		if err != nil {
			t.Fatal(err)
		}
		if change != nil {
			change(&m)
			if _, err := db.UpdateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
	}
	add("下周的会议", today.AddDays(7), func(m *store.Meeting) { m.Invitees[0].Reply.State = store.ReplyAttend })
	add("上月的会议", today.AddDays(-20), nil)
	add("写了纪要的会议", today.AddDays(-20), func(m *store.Meeting) { m.Minutes = "会议听取了工作报告。" })
	add("取消的会议", today.AddDays(-20), func(m *store.Meeting) { m.Status = store.MeetingCancelled })
	add("下半年的会议", today.AddDays(120), func(m *store.Meeting) {
		for i := range m.Invitees {
			m.Invitees[i].Reply.State = store.ReplyLeave
		}
	})
	add("昨天的会议", today.AddDays(-1), nil) // minutes not due yet

	a := openDesk(t, db)
	a.Changed(store.KindMeeting, uuid.Nil)
	view := a.OpenSection("工作台")
	rows := tableRows(kittest.ObjectsOf[*widget.Table](view)[0])
	want := [][]string{
		{today.AddDays(7).String(), "下周的会议", "7 天后召开；回执未齐 1 份"},
		{today.AddDays(-20).String(), "上月的会议", "纪要未写（会后已过 20 天）"},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("meetings:\n got %v\nwant %v", rows, want)
	}
	if texts := kittest.ShownTexts(view); !slices.Contains(texts, "会议提示：30 天内召开 1 次 · 回执未齐 1 次 · 纪要未写 1 次") {
		t.Errorf("heading not shown: %q", texts)
	}
}
