package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/secdesk/secdesk/store"
)

// SyntheticMeetings returns n fictitious meetings of no body, the same for
// the same n and seed, each with invitees invitees (a tenth of them units
// with a representative), attendance ticked for the past ones, an agenda
// and agreed items: the shape of real meetings, at the scale DESIGN.md §4
// asks the program to stay fast at (5,000 meetings). Dates run from 2016
// into 2027; IDs are left for the store to give.
func SyntheticMeetings(n, invitees int, seed int64) []store.Meeting {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x3ee7))
	kinds := store.DefaultMeetingKinds
	states := []store.AttendState{store.AttendPresent, store.AttendPresent, store.AttendPresent, store.AttendPresent,
		store.AttendLeave, store.AttendAbsent}
	out := make([]store.Meeting, n)
	for i := range out {
		day := store.NewDate(2016, time.January, 4).AddDays(rng.IntN(11 * 365))
		m := store.Meeting{
			Title: fmt.Sprintf("%s%d年第%d次会议", kinds[i%len(kinds)], day.Year(), i%12+1), Kind: kinds[i%len(kinds)],
			Date: day, Time: fmt.Sprintf("%02d:30", 8+rng.IntN(8)), Place: "集团会议室" + fmt.Sprint(rng.IntN(5)+1),
			Host: "张成刚", Recorder: "李华", Status: store.MeetingPlanned,
			Agenda: []store.AgendaItem{{Text: "听取秘书处工作报告"}, {Text: "审议年度工作计划"}},
		}
		past := day.Before(store.NewDate(2026, time.November, 1))
		if past {
			m.Status = store.MeetingHeld
			m.Items = []store.AgreedItem{{Text: "修订人才培养方案", Lead: store.UnitRef{Name: "秘书处"}, Due: day.AddDays(60)}}
		}
		for j := range invitees {
			v := store.Invitee{Role: store.RoleExtra, Name: fmt.Sprintf("参会人%04d", j), Unit: fmt.Sprintf("成员单位%04d", j%97),
				Title: "主任", Phone: fmt.Sprintf("1380536%04d", j)}
			if j%10 == 0 {
				v.IsUnit = true
			}
			if past {
				v.Attend.State = states[rng.IntN(len(states))]
			}
			m.Invitees = append(m.Invitees, v)
		}
		out[i] = m
	}
	return out
}
