package main

import (
	"cmp"
	"fmt"
	"os"
	"strconv"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/docx"
	"github.com/secdesk/secdesk/ui/msg"
)

// taskBulletin writes the month's 督查通报 from the same ledger and summary
// as `tasks ledger` and `tasks summary`, so its numbers are theirs.
func (c *cli) taskBulletin(args []string) error {
	fs, db := newFlags("tasks bulletin")
	month, out := fs.String("month", "", ""), fs.String("out", "", "")
	issueFlag, office := fs.String("issue", "", ""), fs.String("office", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	round, err := parseMonth(*month)
	if err != nil {
		return err
	}
	issue, err := issueNumber(*issueFlag, round)
	if err != nil {
		return err
	}
	if err := needOut(*out); err != nil {
		return err
	}
	d, err := c.loadTasks(*db)
	if err != nil {
		return err
	}
	today := store.Today()
	sum := store.BuildLedger(d.tasks, round, today, d.set.Flags).Summarize()
	b := store.NewBulletin(sum, issue, cmp.Or(store.CleanText(*office), d.group()+"秘书处"), today)
	if err := docx.WriteBulletin(*out, b, d.set); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已生成%s督查通报（%s，任务%d项，存在问题%d条）：%s", roundText(round), b.Issue, sum.Total,
		len(b.Problems), *out))
	return nil
}

// issueNumber reads --issue; without it the issue is the round's month,
// the usual numbering of a monthly bulletin.
func issueNumber(s, round string) (int, error) {
	if s == "" {
		return int(store.RoundStart(round).Month()), nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 999 {
		return 0, usagef("选项 --issue 应为期号（正整数）：%s", s)
	}
	return n, nil
}

// taskReminders writes one 催办单 per unit with open tasks on --as-of
// into the folder --out, from the ledger of that day's round.
func (c *cli) taskReminders(args []string) error {
	fs, db := newFlags("tasks reminders")
	asOfFlag, out := fs.String("as-of", "", ""), fs.String("out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	asOf, err := parseDate("as-of", *asOfFlag, store.Today())
	if err != nil {
		return err
	}
	if err := needOut(*out); err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return failf("--out 应是文件夹：%s", *out)
	}
	d, err := c.loadTasks(*db)
	if err != nil {
		return err
	}
	// The ledger as of asOf itself: BuildLedger stops at the earlier of
	// the round's end and its "today".
	l := store.BuildLedger(d.tasks, store.Round(asOf), asOf, d.set.Flags)
	files, err := docx.WriteReminders(*out, l.Reminders(d.set.Flags), l.AsOf, d.set)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已生成催办单%d份（截至%s）：%s", len(files), dateText(l.AsOf), *out))
	for _, f := range files {
		fmt.Fprintln(c.stdout, f)
	}
	return nil
}
