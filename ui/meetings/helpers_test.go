package meetings

import (
	"context"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	day       = kittest.Day
	newPerson = kittest.NewPerson
	tap       = kittest.Tap
	tableRows = kittest.TableRows
)

// openMeetings builds a desk on s with this section and shows it.
func openMeetings(t *testing.T, s store.Store) (*kittest.Desk, *Section) {
	t.Helper()
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section {
		v = New(sh)
		return []kit.Section{v}
	})
	a.OpenSection("会议")
	return a, v
}

// councilOf4 records 理事会 with four people on its roster from 2024:
// 王强 理事长, then 李华, 张敏, 赵刚 理事 (in stroke order).
func councilOf4(t *testing.T, s store.Store) store.Body {
	t.Helper()
	wang := newPerson(t, s, "王强", "潍坊职业学院", "院长")
	li := newPerson(t, s, "李华", "寿光市职业教育中心学校", "校长")
	zhang := newPerson(t, s, "张敏", "潍坊化工有限公司", "总经理")
	zhao := newPerson(t, s, "赵刚", "山东省化工行业协会", "秘书长")
	return kittest.NewBodyWithTerm(t, s, "理事会", store.OrderRanked, day(2024, 1, 1), map[string][]store.Person{
		"理事长": {wang}, "理事": {li, zhang, zhao}})
}

// newMeeting records a meeting of body on d through the store.
func newMeeting(t *testing.T, s store.Store, title string, body store.Body, d store.Date) store.Meeting {
	t.Helper()
	m, err := s.CreateMeeting(context.Background(), store.Meeting{Title: title, Kind: "理事会", BodyID: body.ID, Date: d})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// stored reads meeting id from the store.
func stored(t *testing.T, s store.Store, id uuid.UUID) store.Meeting {
	t.Helper()
	m, err := s.Meeting(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// press sends a key to what has the keyboard focus, as a clerk's key
// press does.
func press(t *testing.T, a *kittest.Desk, key fyne.KeyName) {
	t.Helper()
	f := a.Window().Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// typeKeys types characters into what has the keyboard focus.
func typeKeys(t *testing.T, a *kittest.Desk, chars string) {
	t.Helper()
	f := a.Window().Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	test.Type(f, chars)
}

// attendStates are the attendance of the stored meeting's invitees by
// name.
func attendStates(m store.Meeting) map[string]store.AttendState {
	out := map[string]store.AttendState{}
	for _, v := range m.Invitees {
		out[v.Name] = v.Attend.State
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
