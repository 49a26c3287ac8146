package dashboard

import (
	"cmp"
	"slices"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// fixDueDays is how far ahead a rectification deadline (整改时限) is due
// "this week".
const fixDueDays = 7

// maxTaskAlerts is how many tasks the panel lists; the heading counts all
// of them, and 督查督办 lists every one.
const maxTaskAlerts = 200

// taskAlert is one supervised task that needs seeing to today: past its
// deadline, a rectification due within the week, or this month's
// inspection not yet reported.
type taskAlert struct {
	t        *store.Task
	deadline store.Date // in force today
	overdue  bool
	fixBy    store.Date // the last inspection's, when due this week
	missing  bool
}

// taskCounts are the three numbers of the heading.
type taskCounts struct{ overdue, fixDue, missing int }

// taskAlerts picks the open tasks to list as of today: the overdue first
// (longest overdue first), then the rectifications soonest due, then the
// inspections missing, by number.
func taskAlerts(tasks []store.Task, today store.Date) ([]taskAlert, taskCounts) {
	var out []taskAlert
	var n taskCounts
	round := store.Round(today)
	for i := range tasks {
		t := &tasks[i]
		s := t.StateOn(today)
		if !s.Exists || !s.Status.Open() {
			continue
		}
		a := taskAlert{t: t, deadline: s.Deadline, overdue: today.After(s.Deadline)}
		if s.Last != nil && !s.Last.FixBy.IsZero() && !s.Last.FixBy.Before(today) && today.DaysUntil(s.Last.FixBy) <= fixDueDays {
			a.fixBy = s.Last.FixBy
		}
		a.missing = t.DueInRound(round) && t.Inspection(round) == nil
		if !a.overdue && a.fixBy.IsZero() && !a.missing {
			continue
		}
		n.overdue += b2i(a.overdue)
		n.fixDue += b2i(!a.fixBy.IsZero())
		n.missing += b2i(a.missing)
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(a, b taskAlert) int {
		if c := cmp.Compare(a.rank(), b.rank()); c != 0 {
			return c
		}
		switch {
		case a.overdue:
			return a.deadline.Compare(b.deadline)
		case !a.fixBy.IsZero():
			return a.fixBy.Compare(b.fixBy)
		}
		return strings.Compare(a.t.Number, b.t.Number)
	})
	if len(out) > maxTaskAlerts {
		out = out[:maxTaskAlerts]
	}
	return out, n
}

// rank orders the kinds of alert: overdue, rectification, missing.
func (a taskAlert) rank() int {
	switch {
	case a.overdue:
		return 0
	case !a.fixBy.IsZero():
		return 1
	}
	return 2
}

// taskAlertText says what the task needs: 逾期 12 天；整改 3 天后到期；本月未报督查.
func taskAlertText(a taskAlert, today store.Date) string {
	var parts []string
	if a.overdue {
		parts = append(parts, msg.Tf("逾期 %d 天", a.deadline.DaysUntil(today)))
	}
	if !a.fixBy.IsZero() {
		if days := today.DaysUntil(a.fixBy); days == 0 {
			parts = append(parts, msg.T("整改今天到期"))
		} else {
			parts = append(parts, msg.Tf("整改 %d 天后到期", days))
		}
	}
	if a.missing {
		parts = append(parts, msg.T("本月未报督查"))
	}
	return strings.Join(parts, msg.T("；"))
}

// tasksHeading is the panel's heading with its counts.
func tasksHeading(n taskCounts) string {
	return msg.Tf("督办提示：逾期 %d 项 · 本周整改到期 %d 项 · 本月未报督查 %d 项", n.overdue, n.fixDue, n.missing)
}
