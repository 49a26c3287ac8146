package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// inspectArgs are the flags of `tasks inspect`.
type inspectArgs struct {
	db, number, month, progress, percent string
	problems, measures, fixBy, date      string
	inspector, milestone                 string
}

func parseInspectArgs(args []string) (a inspectArgs, err error) {
	fs, db := newFlags("tasks inspect")
	for _, f := range []struct {
		p    *string
		name string
	}{{&a.number, "number"}, {&a.month, "month"}, {&a.progress, "progress"}, {&a.percent, "percent"},
		{&a.problems, "problems"}, {&a.measures, "measures"}, {&a.fixBy, "fix-by"}, {&a.date, "date"},
		{&a.inspector, "inspector"}, {&a.milestone, "milestone"}} {
		fs.StringVar(f.p, f.name, "", "")
	}
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return a, err
	}
	a.db = *db
	return a, nil
}

// inspection builds the round's record from the flags: the date defaults
// to today, the percent to "not given" (-1). The store checks the rest
// (a percent out of range, empty progress) with the window's words.
func (a inspectArgs) inspection() (store.Inspection, error) {
	round, err := parseMonth(a.month)
	if err != nil {
		return store.Inspection{}, err
	}
	if strings.TrimSpace(a.progress) == "" {
		return store.Inspection{}, usagef("缺少 --progress 本月进展情况")
	}
	in := store.Inspection{Round: round, Progress: a.progress, Percent: -1, Problems: a.problems,
		Measures: a.measures, Inspector: a.inspector, Milestone: strings.TrimSpace(a.milestone)}
	if a.percent != "" {
		if in.Percent, err = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(a.percent), "%")); err != nil {
			return in, usagef("选项 --percent 应为0到100之间的整数：%s", a.percent)
		}
	}
	if in.FixBy, err = parseDate("fix-by", a.fixBy, store.Date{}); err != nil {
		return in, err
	}
	in.Date, err = parseDate("date", a.date, store.Today())
	return in, err
}

// inspectTask records one round's inspection of a task. The round's
// present record, if any, is what the clerk replaces (SaveInspection's
// from): the command line has no screen that could be stale, and saying
// "replaced" lets the clerk notice a month typed wrong.
func (c *cli) inspectTask(args []string) error {
	a, err := parseInspectArgs(args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(a.number) == "" {
		return usagef("缺少 --number 事项编号")
	}
	in, err := a.inspection()
	if err != nil {
		return err
	}
	s, err := openStore(c.ctx, a.db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := c.readTasks(s)
	if err != nil {
		return err
	}
	t, err := taskNumbered(d.tasks, a.number)
	if err != nil {
		return err
	}
	var from *store.Inspection
	if old := t.Inspection(in.Round); old != nil {
		copied := *old
		from = &copied
	}
	saved, err := s.SaveInspection(c.ctx, t.ID, from, in)
	if err != nil {
		return err
	}
	if from == nil {
		fmt.Fprintln(c.stdout, msg.Tf("已记录 %s %s督查记录（新增）", saved.Number, roundText(in.Round)))
	} else {
		fmt.Fprintln(c.stdout, msg.Tf("已记录 %s %s督查记录（替换原记录）", saved.Number, roundText(in.Round)))
	}
	f, _ := saved.RoundFlagOf(in.Round, store.Today(), d.set.Flags)
	fmt.Fprintln(c.stdout, msg.Tf("%s预警：%s", roundText(in.Round), flagText(f)))
	return nil
}

// recordFlags keeps the flag of an ended round on every task without one
// (store.RecordFlags), so later changes of the rules or the tasks leave
// the round's history as it was.
func (c *cli) recordFlags(args []string) error {
	fs, db := newFlags("tasks record-flags")
	month := fs.String("month", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	round, err := parseMonth(*month)
	if err != nil {
		return err
	}
	// Said here rather than by the store, whose words for this case are
	// those of a correction.
	if !store.RoundEnd(round).Before(store.Today()) {
		return failf("%s尚未结束，不能记录预警", roundText(round))
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.RecordFlags(c.ctx, round)
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(c.stdout, msg.Tf("%s的预警均已记录，没有新记录", roundText(round)))
		return nil
	}
	fmt.Fprintln(c.stdout, msg.Tf("已记录%s预警：%d项任务", roundText(round), n))
	return nil
}
