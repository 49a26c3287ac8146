package dashboard

import (
	"fmt"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// recentDays is how far back the dashboard lists admissions and exits: a
// quarter, the rhythm of the group's dispatch meetings (每季度一调度).
const recentDays = 90

// dashboardAuditRows is how many of the latest changes the dashboard shows;
// the whole log is under 系统 → 操作日志.
const dashboardAuditRows = 15

// unitTypeShort are the short forms of the unit types used on the
// dashboard, where the full names would not fit on one card.
var unitTypeShort = map[store.UnitType]string{
	"政府部门": "政府", "企业": "企业", "本科院校": "本科", "高职院校": "高职", "中职学校": "中职",
	"技工院校": "技工", "普通学校": "普校", "行业协会": "协会", "科研院所": "科研", "其他": "其他",
}

// dashboardData is everything the dashboard shows, computed off the UI
// thread in one go from the shared data and the store.
type dashboardData struct {
	today   store.Date
	stats   store.Stats
	applied int // units whose application awaits approval
	changes []store.MemberChange
	audit   []store.AuditEntry
	alerts  []rosterAlert
	// backup is the last backup to another place (the reminder).
	backup store.BackupLog
	// meetings are the meetings that need seeing to, with their counts.
	meetings      []meetingAlert
	meetingCounts meetingCounts
	// tasks are the supervised tasks that need seeing to, with their counts.
	tasks      []taskAlert
	taskCounts taskCounts
	// collection is the open indicator round's progress, if one is open.
	collection     collection
	collectionOpen bool
}

// rosterAlert is a warning on one body's roster as of today: a seat still
// held by a person who has left or by a unit no longer in the register.
type rosterAlert struct {
	body    string
	warning store.SeatWarning
}

// loadDashboard computes the dashboard as of today, off the UI thread:
// the records from the shared data (read once for every section), the
// latest audit entries from the store. The members serve both the counts
// and the rosters' directory.
func loadDashboard(data *kit.Data, s store.Store, positions []string, today store.Date) (dashboardData, error) {
	snap, err := data.Snapshot()
	if err != nil {
		return dashboardData{}, err
	}
	audit, err := s.Audit(data.Context(), store.AuditQuery{Limit: dashboardAuditRows})
	if err != nil {
		return dashboardData{}, err
	}
	d := summariseMembers(snap.Members, today)
	d.audit = audit
	if d.backup, err = s.LastBackup(data.Context()); err != nil {
		return dashboardData{}, err
	}
	d.alerts = rosterAlerts(snap.Bodies, store.NewDirectory(snap.People, snap.Members, positions), today)
	ms, err := data.Meetings()
	if err != nil {
		return dashboardData{}, err
	}
	d.meetings, d.meetingCounts = meetingAlerts(ms, today)
	ts, err := data.Tasks()
	if err != nil {
		return dashboardData{}, err
	}
	d.tasks, d.taskCounts = taskAlerts(ts, today)
	if d.collection, d.collectionOpen, err = openCollection(data.Context(), s, snap.Members, today); err != nil {
		return dashboardData{}, err
	}
	return d, nil
}

// rosterAlerts are the warnings of every body's roster as of today, body
// by body in the store's order. A group has a handful of bodies, so
// deriving each roster on every refresh costs next to nothing.
func rosterAlerts(bodies []store.Body, dir store.Directory, today store.Date) []rosterAlert {
	var out []rosterAlert
	for i := range bodies {
		r := store.BuildRoster(&bodies[i], today, dir)
		for _, w := range r.Warnings {
			out = append(out, rosterAlert{body: bodies[i].Name, warning: w})
		}
	}
	return out
}

// maxAlertLines is how many roster warnings the dashboard lists; more
// would push the recent changes off a 768-pixel screen. The rest are
// counted, and each body's are on its roster under 组织机构.
const maxAlertLines = 5

// alertsText is the warnings one a line, the ones past maxAlertLines
// counted on the last.
func alertsText(alerts []rosterAlert) string {
	var lines []string
	for i, a := range alerts {
		if i == maxAlertLines {
			lines = append(lines, msg.Tf("另有 %d 条，请在「组织机构」中查看各机构名单", len(alerts)-i))
			break
		}
		lines = append(lines, alertText(a))
	}
	return strings.Join(lines, "\n")
}

// alertText is one line of 名单提示: the body, then the warning.
func alertText(a rosterAlert) string {
	return a.body + msg.T("：") + msg.SeatWarning(a.warning)
}

// summariseMembers computes the cards and the recent changes. It walks the
// members once for the counts, once for the applicants and once for the
// changes, so 10,000 units with their histories take a few milliseconds.
func summariseMembers(members []store.Member, today store.Date) dashboardData {
	return dashboardData{
		today:   today,
		stats:   store.ComputeStats(members, store.Date{}, today),
		applied: store.CountApplied(members, today),
		changes: store.RecentChanges(members, today.AddDays(-recentDays), today),
	}
}

// changeText says what happened, with the detail a clerk asks about next:
// 加入（理事单位）, 退出（自愿退出）, 类别变更（理事单位 → 常务理事单位）.
func changeText(c store.MemberChange) string {
	e := c.Event
	switch e.Kind {
	case store.EventJoin:
		return msg.Tf("加入（%s）", msg.T(string(e.Tier)))
	case store.EventExit:
		return msg.Tf("退出（%s）", msg.T(string(e.ExitKind)))
	case store.EventTier:
		return msg.Tf("类别变更（%s → %s）", msg.T(string(e.FromTier)), msg.T(string(e.Tier)))
	}
	return msg.T(string(e.Kind))
}

// typeBreakdown is the 其中… part of the seed's paragraph in short form:
// "政府 1 · 企业 47 · 高职 17", types with no member left out
// (Stats.HeldTypeCounts); a type without a short form keeps its name.
func typeBreakdown(st store.Stats) string {
	var parts []string
	for _, c := range st.HeldTypeCounts() {
		name, ok := unitTypeShort[c.Type]
		if !ok {
			name = string(c.Type)
		}
		parts = append(parts, fmt.Sprintf("%s %d", msg.T(name), c.N))
	}
	return strings.Join(parts, " · ")
}

// unitCount is a count of units as the card shows it: "81 家".
func unitCount(n int) string { return msg.Tf("%d 家", n) }
