package meetings

import (
	"fmt"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// syntheticMeetings are n meetings of 40 invitees each over ten years.
func syntheticMeetings(n int, today store.Date) []store.Meeting {
	out := make([]store.Meeting, n)
	for i := range out {
		m := store.Meeting{ID: store.NewID(), Title: fmt.Sprintf("理事会第%d次会议", i), Kind: "理事会",
			Date: today.AddDays(i%3650 - 3000), Place: "集团会议室", Status: store.MeetingHeld}
		for j := range 40 {
			m.Invitees = append(m.Invitees, store.Invitee{ID: store.NewID(), Role: store.RoleSeat, Name: fmt.Sprintf("人员%d", j),
				Attend: store.Attend{State: store.AttendStates[j%3]}})
		}
		out[i] = m
	}
	return out
}

// BenchmarkMeetingList prepares 5,000 meetings for the list (off the UI
// thread, once per load).
func BenchmarkMeetingList(b *testing.B) {
	today := store.Today()
	ms := syntheticMeetings(5000, today)
	for b.Loop() {
		newMeetingList(ms, nil, store.DefaultMeetingKinds, today)
	}
}

// BenchmarkMeetingFilter is one keystroke in the search box over 5,000
// meetings (on the UI thread).
func BenchmarkMeetingFilter(b *testing.B) {
	today := store.Today()
	l := newMeetingList(syntheticMeetings(5000, today), nil, store.DefaultMeetingKinds, today)
	var f meetingFilter
	f.setQuery("第12")
	var out []int
	for b.Loop() {
		out = l.filter(f, out)
	}
}
