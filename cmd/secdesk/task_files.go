package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// The supervision's workbooks. The ledger, the summary and the bulletin
// of a month are all made from one store.BuildLedger, so their numbers
// agree whichever the clerk prints.

// monthArgs are the flags of a month's workbook.
type monthArgs struct {
	db, round, out string
}

// parseMonthOut reads --month and --out, and the verb's own flags that
// extra sets on the flag set.
func parseMonthOut(name string, args []string, extra func(*flag.FlagSet)) (a monthArgs, err error) {
	fs, db := newFlags(name)
	month, out := fs.String("month", "", ""), fs.String("out", "", "")
	if extra != nil {
		extra(fs)
	}
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return a, err
	}
	a.db, a.out = *db, *out
	if a.round, err = parseMonth(*month); err != nil {
		return a, err
	}
	return a, needOut(a.out)
}

// taskLedger writes a month's 督查台账, optionally only the rows of a
// unit, a status or a flag.
func (c *cli) taskLedger(args []string) error {
	var unit, status, color *string
	a, err := parseMonthOut("tasks ledger", args, func(fs *flag.FlagSet) {
		unit, status, color = fs.String("unit", "", ""), fs.String("status", "", ""), fs.String("flag", "", "")
	})
	if err != nil {
		return err
	}
	f := store.LedgerFilter{Unit: store.CleanText(*unit)}
	if f.Status, err = parseStatus(*status); err != nil {
		return err
	}
	if f.Flag, err = parseFlag(*color); err != nil {
		return err
	}
	d, err := c.loadTasks(a.db)
	if err != nil {
		return err
	}
	l := store.BuildLedger(d.tasks, a.round, store.Today(), d.set.Flags)
	if err := xlsx.WriteTaskLedger(a.out, l, f, d.group()); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出%s督查台账（%d项任务，截至%s）：%s", roundText(a.round), len(l.Filter(f)),
		dateText(l.AsOf), a.out))
	return nil
}

// parseStatus reads --status as the code or its Chinese word.
func parseStatus(s string) (store.TaskStatus, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, st := range store.TaskStatuses {
		if s == string(st) || s == st.Word() {
			return st, nil
		}
	}
	return "", usagef("选项 --status 的值无效：%s（可选：未开始、推进中、已完成、已销号、已中止）", s)
}

// parseFlag reads --flag as the code or its colour: 绿 黄 橙 红, or with 灯.
func parseFlag(s string) (store.Flag, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "灯")
	if s == "" {
		return "", nil
	}
	for _, f := range store.Flags {
		if s == string(f) || s == f.Word() || s == f.Word()+"色" {
			return f, nil
		}
	}
	return "", usagef("选项 --flag 的值无效：%s（可选：绿、黄、橙、红）", s)
}

// taskSummary writes a month's 每月汇总.
func (c *cli) taskSummary(args []string) error {
	a, err := parseMonthOut("tasks summary", args, nil)
	if err != nil {
		return err
	}
	d, err := c.loadTasks(a.db)
	if err != nil {
		return err
	}
	s := store.BuildLedger(d.tasks, a.round, store.Today(), d.set.Flags).Summarize()
	if err := xlsx.WriteMonthSummary(a.out, s, d.group()); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出%s督查汇总（任务%d项：新增%d项，推进落实%d项，已办结销号%d项）：%s", roundText(a.round),
		s.Total, len(s.New), len(s.Active), len(s.Ended), a.out))
	return nil
}

// dispatchTable writes a quarter's 季度调度表 for the 调度会 to fill in.
func (c *cli) dispatchTable(args []string) error {
	fs, db := newFlags("tasks dispatch-table")
	quarter, out := fs.String("quarter", "", ""), fs.String("out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	q := strings.ToUpper(strings.TrimSpace(*quarter))
	if q == "" {
		return usagef("缺少 --quarter 季度（如 2026-Q4）")
	}
	rounds, err := store.QuarterRounds(q)
	if err != nil {
		return usagef("选项 --quarter 的季度无效：%s（应写作 年-Q季度，如 2026-Q4）", *quarter)
	}
	if err := needOut(*out); err != nil {
		return err
	}
	d, err := c.loadTasks(*db)
	if err != nil {
		return err
	}
	today := store.Today()
	if err := xlsx.WriteDispatchTable(*out, d.tasks, q, today, d.set.Flags, d.group()); err != nil {
		return err
	}
	day := xlsx.DispatchDay(rounds, today)
	n := 0
	for i := range d.tasks {
		if s := d.tasks[i].StateOn(day); s.Exists && s.Status.Open() {
			n++
		}
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出%s季度调度表（在办任务%d项，截至%s）：%s", q, n, dateText(day), *out))
	return nil
}
