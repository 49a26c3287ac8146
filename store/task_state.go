package store

import "slices"

// FlagRules are the warning rules' settings (Settings.Flags); zero fields
// are the defaults.
type FlagRules struct {
	// YellowDays: a task this many days or fewer before its deadline, or
	// before a rectification deadline, is 黄 (default 7).
	YellowDays int `json:"yellow_days,omitempty"`
	// MissingAfterDay: after this day of the month a task due to report
	// this round and without an inspection is 黄 (default 25).
	MissingAfterDay int `json:"missing_after_day,omitempty"`
	// Orange uses 橙 between 黄 and 红: a task in the last 15 % of its
	// time, or still without an inspection after a 黄 round.
	Orange bool `json:"orange,omitempty"`
}

// Of fills the defaults.
func (r FlagRules) Of() FlagRules {
	if r.YellowDays <= 0 {
		r.YellowDays = 7
	}
	if r.MissingAfterDay <= 0 || r.MissingAfterDay > 28 {
		r.MissingAfterDay = 25
	}
	return r
}

// TaskState is a task as it stood on a day: whether it existed, its
// status, its deadline then (after the extensions approved by then) and
// its latest inspection.
type TaskState struct {
	Exists     bool
	Status     TaskStatus
	StatusDate Date
	Deadline   Date // in force on the day
	Original   Date // 原定时限
	Last       *Inspection
}

// Extended reports whether the deadline in force is not the original.
func (s TaskState) Extended() bool { return !s.Deadline.Equal(s.Original) }

// StateOn derives the task's state on day d from its dated history.
func (t *Task) StateOn(d Date) TaskState {
	s := TaskState{Exists: !d.Before(t.Start), Status: TaskNotStarted, StatusDate: t.Start,
		Deadline: t.Deadline, Original: t.Deadline}
	for _, e := range t.Events {
		if st := e.Step.statusAfter(); st != "" && !e.Date.After(d) {
			s.Status, s.StatusDate = st, e.Date
		}
	}
	s.Deadline = t.DeadlineOn(d)
	for i := range t.Inspections {
		in := &t.Inspections[i]
		if !in.Date.After(d) && (s.Last == nil || !in.Date.Before(s.Last.Date)) {
			s.Last = in
		}
	}
	return s
}

// DeadlineOn is the deadline in force on day d: the original, then each
// extension approved by d.
func (t *Task) DeadlineOn(d Date) Date {
	dl := t.Deadline
	for _, x := range t.Extensions {
		if x.Decision == ExtApproved && !x.Decided.After(d) {
			dl = x.NewDeadline
		}
	}
	return dl
}

// CurrentDeadline is the deadline after every extension approved so far.
func (t *Task) CurrentDeadline() Date { return t.DeadlineOn(farFuture) }

// Inspection returns the round's inspection, or nil: a missing one is a
// gap the lists show.
func (t *Task) Inspection(round string) *Inspection {
	for i := range t.Inspections {
		if t.Inspections[i].Round == round {
			return &t.Inspections[i]
		}
	}
	return nil
}

// DueInRound reports whether the task is to report in round: from the
// round it started in, every Frequency.Months months (monthly by
// default), or in every round that one of its every-N-weeks days falls
// in.
func (t *Task) DueInRound(round string) bool {
	start, end := RoundStart(round), RoundEnd(round)
	if end.Before(t.Start) {
		return false
	}
	if w := t.Frequency.Weeks; w > 0 {
		for d := t.Start; !d.After(end); d = d.AddDays(7 * w) {
			if !d.Before(start) {
				return true
			}
		}
		return false
	}
	m := max(t.Frequency.Months, 1)
	months := (start.Year()-t.Start.Year())*12 + int(start.Month()) - int(t.Start.Month())
	return months%m == 0
}

// FlagOn is the flag the rules give the task on day d (not a recorded
// one): none before it starts and once stopped; 绿 when done; 红 past the
// deadline; 黄 near the deadline or a rectification deadline, after a
// missed milestone, or without this round's inspection late in the month;
// 橙 (when used) in the last 15 % of the time or for a 黄 round not
// answered.
func (t *Task) FlagOn(d Date, rules FlagRules) Flag {
	rules = rules.Of()
	s := t.StateOn(d)
	switch {
	case !s.Exists || s.Status == TaskStopped:
		return FlagNone
	case !s.Status.Open():
		return FlagGreen
	case d.After(s.Deadline):
		return FlagRed
	}
	yellow := d.DaysUntil(s.Deadline) <= rules.YellowDays || fixDue(s.Last, d, rules.YellowDays) ||
		t.milestoneMissed(d)
	missing := t.DueInRound(Round(d)) && t.Inspection(Round(d)) == nil && d.Day() > rules.MissingAfterDay
	if rules.Orange {
		total := t.Start.DaysUntil(s.Deadline)
		late := total > 0 && d.DaysUntil(s.Deadline)*100 <= total*15
		prev := Round(RoundStart(Round(d)).AddDays(-1))
		if late || missing && t.recordedFlag(prev) == FlagYellow {
			return FlagOrange
		}
	}
	if yellow || missing {
		return FlagYellow
	}
	return FlagGreen
}

// fixDue reports a rectification deadline (整改时限) of last, the latest
// inspection by d, that is within days of d, or passed with no inspection
// since.
func fixDue(last *Inspection, d Date, days int) bool {
	return last != nil && !last.FixBy.IsZero() && d.DaysUntil(last.FixBy) <= days
}

// milestoneMissed reports a milestone whose day has passed by d without
// being reached by then.
func (t *Task) milestoneMissed(d Date) bool {
	for _, m := range t.Milestones {
		if m.Date.Before(d) && (m.Reached.IsZero() || m.Reached.After(d)) {
			return true
		}
	}
	return false
}

// recordedFlag is the flag recorded for round, or none.
func (t *Task) recordedFlag(round string) Flag {
	for _, f := range t.Flags {
		if f.Round == round {
			return f.Flag
		}
	}
	return FlagNone
}

// RoundFlagOf is the task's flag for round as of today: the recorded one
// (corrected or not) of a past round, else what the rules give at the
// round's end, or today for the current round. recorded says which.
func (t *Task) RoundFlagOf(round string, today Date, rules FlagRules) (f Flag, recorded bool) {
	for _, rf := range t.Flags {
		if rf.Round == round {
			return rf.Flag, true
		}
	}
	day := RoundEnd(round)
	if today.Before(day) {
		day = today
	}
	return t.FlagOn(day, rules), false
}

// Rounds are the rounds from the task's start to today's, in order.
func (t *Task) Rounds(today Date) []string {
	var out []string
	for r := Round(t.Start); r <= Round(today); r = NextRound(r) {
		out = append(out, r)
	}
	return out
}

// sortEvents keeps the process in date order (entry order within a day).
func (t *Task) sortEvents() {
	slices.SortStableFunc(t.Events, func(a, b TaskEvent) int { return a.Date.Compare(b.Date) })
}
