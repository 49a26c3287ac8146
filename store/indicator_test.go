package store_test

import (
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// TestComputedIndicatorsEqualTheViews: the computed indicators of a year
// are the numbers `stats`, the meeting list and the 督查台账 give for 31
// December, and a past year's do not move when later records change.
func TestComputedIndicatorsEqualTheViews(t *testing.T) {
	members := storetest.SyntheticMembers(500, 3)
	meetings := storetest.SyntheticMeetings(200, 10, 3)
	tasks := storetest.SyntheticTasks(300, 5, 3)
	today := store.NewDate(2026, 11, 20)
	d := store.IndicatorData{Members: members, Meetings: meetings, Tasks: tasks}
	c := store.DefaultCatalogue(2023)
	got := store.ComputeIndicators(&c, d, today)

	end := store.NewDate(2023, 12, 31)
	st := store.ComputeStats(members, store.Date{}, end)
	held, council := 0, 0
	for _, m := range meetings {
		if m.Date.Year() == 2023 && m.Status == store.MeetingHeld {
			held++
			if m.Kind == "理事会" {
				council++
			}
		}
	}
	l := store.BuildLedger(tasks, "2023-12", today, store.FlagRules{})
	sum := l.Summarize()
	want := map[string]float64{
		"members_total": float64(st.Total), "members_company": float64(st.ByType["企业"]), "members_joined": float64(st.Joined),
		"members_left": float64(st.Left), "meetings_all": float64(held), "meetings_council": float64(council),
		"tasks_total": float64(len(l.Rows)), "tasks_closed": float64(sum.Buckets[store.BucketDone]), "tasks_overdue": float64(sum.Overdue),
	}
	for code, w := range want {
		if got[code] != w {
			t.Errorf("%s = %g, want %g", code, got[code], w)
		}
	}
	if got["members_total"] == 0 || got["meetings_all"] == 0 || got["tasks_total"] == 0 {
		t.Fatalf("a year without data: %v", got)
	}
	// Later records leave 2023 as it was.
	joined2025 := storetest.Weifang()
	joined2025.Events = []store.Event{{Kind: store.EventJoin, Date: store.NewDate(2025, 5, 1), Tier: "成员单位"}}
	later := store.IndicatorData{Members: append(members, joined2025), Meetings: append(meetings,
		store.Meeting{Title: "后来的会议", Kind: "理事会", Date: store.NewDate(2025, 3, 1), Status: store.MeetingHeld}), Tasks: tasks}
	again := store.ComputeIndicators(&c, later, today)
	for code, v := range got {
		if again[code] != v {
			t.Errorf("%s moved from %g to %g after later records", code, v, again[code])
		}
	}
}
