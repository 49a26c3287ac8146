package dashboard

import (
	"cmp"
	"slices"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// upcomingDays is how far ahead the dashboard lists meetings: a month
// leaves time to send the notice and collect the replies.
const upcomingDays = 30

// minutesDueDays is how long after a meeting its minutes are expected.
const minutesDueDays = 7

// meetingAlert is one meeting that needs seeing to: soon, with replies
// still missing, or held a week ago without minutes.
type meetingAlert struct {
	m *store.Meeting
	// soon: within upcomingDays from today; unreplied counts the
	// invitees without a reply of a meeting in preparation still ahead;
	// noMinutes marks a meeting past minutesDueDays without minutes.
	soon      bool
	unreplied int
	noMinutes bool
}

// meetingCounts are the three numbers of the heading.
type meetingCounts struct{ soon, unreplied, noMinutes int }

// meetingAlerts picks the meetings to list from ms as of today: those
// ahead first, soonest first, then the past ones newest first. A
// cancelled meeting needs nothing.
func meetingAlerts(ms []store.Meeting, today store.Date) ([]meetingAlert, meetingCounts) {
	var out []meetingAlert
	var n meetingCounts
	for i := range ms {
		m := &ms[i]
		if m.Status == store.MeetingCancelled {
			continue
		}
		a := meetingAlert{m: m}
		ahead := !m.Date.Before(today)
		a.soon = ahead && !m.Date.After(today.AddDays(upcomingDays))
		if ahead && m.Status == store.MeetingPlanned {
			for _, v := range m.Invitees {
				if v.Counted() && v.Reply.State == store.ReplyNone {
					a.unreplied++
				}
			}
		}
		a.noMinutes = !m.Date.AddDays(minutesDueDays).After(today) && !m.HasMinutes()
		if !a.soon && a.unreplied == 0 && !a.noMinutes {
			continue
		}
		n.soon += b2i(a.soon)
		n.unreplied += b2i(a.unreplied > 0)
		n.noMinutes += b2i(a.noMinutes)
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(a, b meetingAlert) int {
		aPast, bPast := a.m.Date.Before(today), b.m.Date.Before(today)
		switch {
		case aPast != bPast && aPast:
			return 1
		case aPast != bPast:
			return -1
		case aPast:
			return b.m.Date.Compare(a.m.Date)
		}
		return cmp.Or(a.m.Date.Compare(b.m.Date), cmp.Compare(a.m.Time, b.m.Time))
	})
	return out, n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// meetingAlertText says what the meeting needs: 3 天后召开；回执未齐 5 份,
// 纪要未写（已过 12 天）.
func meetingAlertText(a meetingAlert, today store.Date) string {
	var parts []string
	if a.soon {
		switch days := int(a.m.Date.Time().Sub(today.Time()).Hours() / 24); days {
		case 0:
			parts = append(parts, msg.T("今天召开"))
		case 1:
			parts = append(parts, msg.T("明天召开"))
		default:
			parts = append(parts, msg.Tf("%d 天后召开", days))
		}
	}
	if a.unreplied > 0 {
		parts = append(parts, msg.Tf("回执未齐 %d 份", a.unreplied))
	}
	if a.noMinutes {
		days := int(today.Time().Sub(a.m.Date.Time()).Hours() / 24)
		parts = append(parts, msg.Tf("纪要未写（会后已过 %d 天）", days))
	}
	return strings.Join(parts, msg.T("；"))
}

// meetingsHeading is the panel's heading with its counts.
func meetingsHeading(n meetingCounts) string {
	return msg.Tf("会议提示：%d 天内召开 %d 次 · 回执未齐 %d 次 · 纪要未写 %d 次", upcomingDays, n.soon, n.unreplied, n.noMinutes)
}
