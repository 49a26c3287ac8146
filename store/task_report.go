package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The supervision's reports — 督查台账, 每月汇总, 督查通报, 催办单 — are all
// derived here from one ledger, so that the numbers in a bulletin's text
// equal the ledger's and the summary's.

// Bucket is how a task stands against its schedule (按序时进度).
type Bucket string

const (
	BucketAhead  Bucket = "ahead"  // 超进度
	BucketOn     Bucket = "on"     // 达进度
	BucketBehind Bucket = "behind" // 欠进度
	BucketDone   Bucket = "done"   // 已完成
)

// Buckets in the bulletin's order.
var Buckets = []Bucket{BucketOn, BucketAhead, BucketBehind, BucketDone}

// Word is the bucket in Chinese.
func (b Bucket) Word() string {
	return map[Bucket]string{BucketAhead: "超进度", BucketOn: "达进度", BucketBehind: "欠进度", BucketDone: "已完成"}[b]
}

// LedgerRow is one task in a round's ledger, as it stood on the ledger's
// day.
type LedgerRow struct {
	Task         *Task
	State        TaskState
	Flag         Flag
	FlagRecorded bool
	// Inspection is the round's inspection (nil: a gap, if Due).
	Inspection *Inspection
	Due        bool // the task was to report this round
	Target     string
	Bucket     Bucket
	Overdue    bool
}

// Units is every unit of the row's task: the lead, then the responsible
// and helping units, each once.
func (r *LedgerRow) Units() []string {
	var out []string
	for _, u := range slices.Concat([]UnitRef{r.Task.Lead}, r.Task.Units, r.Task.Helpers) {
		if u.Name != "" && !slices.Contains(out, u.Name) {
			out = append(out, u.Name)
		}
	}
	return out
}

// Ledger is a round's ledger: every task that existed on its day, in
// number order.
type Ledger struct {
	Round string
	AsOf  Date // the round's last day, or today for the current round
	Rows  []LedgerRow
}

// BuildLedger derives the ledger of round as it stood on the round's end
// (or today, for the round in progress): the year's list, as offices
// publish it ("确定事项22件，已办结6件") — every task open in the round's
// year or done in it; a task done in an earlier year, or stopped (中止,
// no longer supervised), is not on it.
func BuildLedger(tasks []Task, round string, today Date, rules FlagRules) Ledger {
	l := Ledger{Round: round, AsOf: RoundEnd(round)}
	if today.Before(l.AsOf) {
		l.AsOf = today
	}
	for i := range tasks {
		t := &tasks[i]
		s := t.StateOn(l.AsOf)
		if !s.Exists || s.Status == TaskStopped || !s.Status.Open() && s.StatusDate.Before(RoundStart(round).StartOfYear()) {
			continue
		}
		row := LedgerRow{Task: t, State: s, Inspection: t.Inspection(round), Due: t.DueInRound(round) && s.Status.Open()}
		row.Flag, row.FlagRecorded = t.RoundFlagOf(round, today, rules)
		row.Target = t.targetIn(round)
		row.Overdue = s.Status.Open() && l.AsOf.After(s.Deadline)
		row.Bucket = t.bucketOn(l.AsOf, s, row.Flag)
		l.Rows = append(l.Rows, row)
	}
	slices.SortStableFunc(l.Rows, func(a, b LedgerRow) int { return strings.Compare(a.Task.Number, b.Task.Number) })
	return l
}

// targetIn is the round's 本月目标/节点: the milestones falling in it, else
// the requirement's first line.
func (t *Task) targetIn(round string) string {
	var out []string
	for _, m := range t.Milestones {
		if Round(m.Date) == round {
			out = append(out, m.Date.Chinese()+" "+m.Expected)
		}
	}
	if len(out) == 0 {
		return firstLine(t.Requirement)
	}
	return strings.Join(out, "；")
}

// bucketOn compares the last reported percent with the share of the time
// gone by d: ten points ahead is 超进度, ten behind (or overdue, or 红)
// 欠进度. A task without a percent is 达进度 while its flag is 绿.
func (t *Task) bucketOn(d Date, s TaskState, f Flag) Bucket {
	if s.Status == TaskDone || s.Status == TaskClosed {
		return BucketDone
	}
	if f == FlagRed || d.After(s.Deadline) {
		return BucketBehind
	}
	total := t.Start.DaysUntil(s.Deadline)
	if s.Last == nil || s.Last.Percent < 0 || total <= 0 {
		if f == FlagGreen || f == FlagNone {
			return BucketOn
		}
		return BucketBehind
	}
	expected := t.Start.DaysUntil(d) * 100 / total
	switch {
	case s.Last.Percent >= expected+10:
		return BucketAhead
	case s.Last.Percent < expected-10:
		return BucketBehind
	}
	return BucketOn
}

// LedgerFilter selects rows; zero fields do not filter.
type LedgerFilter struct {
	Unit   string // a lead, responsible or helping unit, by name
	Status TaskStatus
	Flag   Flag
}

// Filter returns the rows f selects.
func (l Ledger) Filter(f LedgerFilter) []LedgerRow {
	var out []LedgerRow
	for _, r := range l.Rows {
		if (f.Unit == "" || slices.ContainsFunc(r.Units(), func(u string) bool { return NameKey(u) == NameKey(f.Unit) })) &&
			(f.Status == "" || r.State.Status == f.Status) &&
			(f.Flag == "" || r.Flag == f.Flag) {
			out = append(out, r)
		}
	}
	return out
}

// UnitSummary is one 牵头/责任单位's line of the monthly summary.
type UnitSummary struct {
	Unit                                  string
	Open, DoneThisMonth, Overdue, Missing int
}

// MonthSummary is the 每月汇总 of a ledger: the three lists — 新增 (started
// this round), 推进落实 (open), 已办结销号 (done or closed this round) —
// the buckets, and the lines per unit.
type MonthSummary struct {
	Ledger             Ledger
	New, Active, Ended []*LedgerRow
	Buckets            map[Bucket]int
	Total, Overdue     int
	Missing            int // inspections due this round and not made
	Units              []UnitSummary
}

// Summarize sums up the ledger.
func (l Ledger) Summarize() MonthSummary {
	s := MonthSummary{Ledger: l, Buckets: map[Bucket]int{}, Total: len(l.Rows)}
	byUnit := map[string]*UnitSummary{}
	var order []string
	start := RoundStart(l.Round)
	for i := range l.Rows {
		r := &l.Rows[i]
		st := r.State
		endedNow := !st.Status.Open() && !st.StatusDate.Before(start)
		switch {
		case !r.Task.Start.Before(start):
			s.New = append(s.New, r)
		}
		if st.Status.Open() {
			s.Active = append(s.Active, r)
		} else if endedNow {
			s.Ended = append(s.Ended, r)
		}
		s.Buckets[r.Bucket]++
		missing := r.Due && r.Inspection == nil
		if r.Overdue {
			s.Overdue++
		}
		if missing {
			s.Missing++
		}
		for _, u := range r.Units() {
			us := byUnit[u]
			if us == nil {
				us = &UnitSummary{Unit: u}
				byUnit[u] = us
				order = append(order, u)
			}
			us.Open += b2i(st.Status.Open())
			us.DoneThisMonth += b2i(endedNow && st.Status != TaskStopped)
			us.Overdue += b2i(r.Overdue)
			us.Missing += b2i(missing)
		}
	}
	for _, u := range order {
		s.Units = append(s.Units, *byUnit[u])
	}
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Share is n of the total as the bulletin writes it: "27%" (one decimal
// when not whole: "33.3%").
func (s MonthSummary) Share(n int) string {
	if s.Total == 0 {
		return "0%"
	}
	p := float64(n) * 100 / float64(s.Total)
	if p == float64(int(p)) {
		return fmt.Sprintf("%d%%", int(p))
	}
	return fmt.Sprintf("%.1f%%", p)
}

// Bulletin is a 督查通报 before it is printed: the clerk may edit every
// text the program wrote.
type Bulletin struct {
	Title        string // "督查通报"
	Issue        string // 期号: "第11期"
	Office       string // issuing office
	Date         Date
	Overview     string   // 一、总体情况
	Problems     []string // 二、存在问题, one paragraph each
	Requirements string   // 三、工作要求
	Summary      MonthSummary
}

// NewBulletin writes a bulletin from a month's summary: the overview from
// the figures, a problem paragraph per lagging or overdue task naming its
// unit and 事项编号, and the usual requirements.
func NewBulletin(s MonthSummary, issue int, office string, date Date) Bulletin {
	y, m := RoundStart(s.Ledger.Round).Year(), int(RoundStart(s.Ledger.Round).Month())
	b := Bulletin{Title: "督查通报", Issue: fmt.Sprintf("第%d期", issue), Office: office, Date: date, Summary: s}
	done := s.Buckets[BucketDone]
	b.Overview = fmt.Sprintf("%d年%d月，共督查任务%d项。截至%d月%d日，已办结%d项，占比%s；正在办理%d项，占比%s。"+
		"其中达进度%d项，占比%s；超进度%d项，占比%s；欠进度%d项，占比%s；逾期%d项；本月应报未报督查记录%d项。",
		y, m, s.Total, int(s.Ledger.AsOf.Month()), s.Ledger.AsOf.Day(), done, s.Share(done), s.Total-done, s.Share(s.Total-done),
		s.Buckets[BucketOn], s.Share(s.Buckets[BucketOn]), s.Buckets[BucketAhead], s.Share(s.Buckets[BucketAhead]),
		s.Buckets[BucketBehind], s.Share(s.Buckets[BucketBehind]), s.Overdue, s.Missing)
	for _, r := range s.Ledger.Rows {
		if r.Bucket != BucketBehind && !(r.Due && r.Inspection == nil) {
			continue
		}
		b.Problems = append(b.Problems, problemLine(&r))
	}
	b.Requirements = "各牵头单位要对照完成时限，倒排工期、挂图作战；对欠进度和逾期事项，要分析原因、制定整改措施，限期整改到位；" +
		"请各责任单位于每月25日前报送督查记录。"
	return b
}

// problemLine names a lagging task: "事项2026-003（潍海职业学院牵头）…：已逾期，原定2026年6月30日完成。"
func problemLine(r *LedgerRow) string {
	t := r.Task
	var why []string
	switch {
	case r.Overdue:
		why = append(why, "已逾期，完成时限"+r.State.Deadline.Chinese())
	case r.Bucket == BucketBehind:
		why = append(why, "进度滞后")
	}
	if r.Due && r.Inspection == nil {
		why = append(why, "本月未报送督查记录")
	}
	if r.State.Last != nil && r.State.Last.Problems != "" {
		why = append(why, "存在问题："+strings.TrimRight(firstLine(r.State.Last.Problems), "。；"))
	}
	return fmt.Sprintf("事项%s“%s”（%s牵头）：%s。", t.Number, t.Title, cmp.Or(t.Lead.Name, "—"), strings.Join(why, "；"))
}

// UnitReminder is a 催办单 for one unit: its open tasks due soon or overdue,
// and the others still open.
type UnitReminder struct {
	Unit                   string
	Overdue, DueSoon, Open []*LedgerRow
}

// Reminders are the 催办单 of every unit with open tasks on the ledger's
// day, a unit once for each task it leads or is responsible for; due soon
// is within the rules' yellow days.
func (l Ledger) Reminders(rules FlagRules) []UnitReminder {
	rules = rules.Of()
	byUnit := map[string]*UnitReminder{}
	var order []string
	for i := range l.Rows {
		r := &l.Rows[i]
		if !r.State.Status.Open() {
			continue
		}
		for _, u := range r.Units() {
			ur := byUnit[u]
			if ur == nil {
				ur = &UnitReminder{Unit: u}
				byUnit[u] = ur
				order = append(order, u)
			}
			switch {
			case r.Overdue:
				ur.Overdue = append(ur.Overdue, r)
			case l.AsOf.DaysUntil(r.State.Deadline) <= rules.YellowDays:
				ur.DueSoon = append(ur.DueSoon, r)
			default:
				ur.Open = append(ur.Open, r)
			}
		}
	}
	out := make([]UnitReminder, 0, len(order))
	for _, u := range order {
		out = append(out, *byUnit[u])
	}
	return out
}
