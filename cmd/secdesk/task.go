package main

import (
	"cmp"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// The supervision (督查督办) on the command line: each verb reads the tasks
// and writes through the same store methods and report builders the
// window calls, so a script's ledger is the window's ledger.

// taskVerbs are the task jobs, by the word after "tasks".
var taskVerbs = map[string]func(*cli, []string) error{
	"import":         (*cli).importTasks,
	"list":           (*cli).listTasks,
	"inspect":        (*cli).inspectTask,
	"overdue":        (*cli).overdueTasks,
	"ledger":         (*cli).taskLedger,
	"summary":        (*cli).taskSummary,
	"bulletin":       (*cli).taskBulletin,
	"reminders":      (*cli).taskReminders,
	"dispatch-table": (*cli).dispatchTable,
	"record-flags":   (*cli).recordFlags,
}

// tasks runs the task verb its first word names.
func (c *cli) tasks(args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("缺少任务命令（import、list、inspect、overdue、ledger、summary、bulletin、reminders、dispatch-table、record-flags）")
	}
	do, ok := taskVerbs[args[0]]
	if !ok {
		return usagef("未知的命令：%s", "tasks "+args[0])
	}
	return do(c, args[1:])
}

// taskData is what the reading verbs need: every task and the settings
// (the flag rules, the group's name).
type taskData struct {
	tasks []store.Task
	set   store.Settings
}

// loadTasks reads the tasks and the settings, and closes the data again.
func (c *cli) loadTasks(db string) (d taskData, err error) {
	s, err := openStore(c.ctx, db, true)
	if err != nil {
		return d, err
	}
	defer s.Close()
	return c.readTasks(s)
}

func (c *cli) readTasks(s store.Store) (d taskData, err error) {
	if d.tasks, err = s.Tasks(c.ctx); err != nil {
		return d, err
	}
	d.set, err = s.Settings(c.ctx)
	return d, err
}

// group is the group's name for the papers' titles.
func (d *taskData) group() string {
	return cmp.Or(store.CleanText(d.set.GroupName), store.DefaultGroupName)
}

// taskNumbered finds the task with 事项编号 number. An unknown number is
// told with where to find the numbers.
func taskNumbered(tasks []store.Task, number string) (*store.Task, error) {
	number = store.CleanText(number)
	if number == "" {
		return nil, usagef("缺少 --number 事项编号")
	}
	for i := range tasks {
		if tasks[i].Number == number {
			return &tasks[i], nil
		}
	}
	return nil, failf("找不到事项编号为 %s 的任务（secdesk tasks list 列出各任务的编号）", number)
}

// parseMonth reads --month: "2026-11" (or "2026年11月"). It is required.
func parseMonth(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", usagef("缺少 --month 督查月份（如 2026-11）")
	}
	round, err := store.ParseRound(s)
	if err != nil {
		return "", usagef("选项 --month 的月份无效：%s（应写作 YYYY-MM，如 2026-11）", s)
	}
	return round, nil
}

// roundText is a round as the reader writes it: 2026年11月.
func roundText(round string) string {
	d := store.RoundStart(round)
	return msg.Tf("%d年%d月", d.Year(), int(d.Month()))
}

// flagText is a flag in words; a task without one (not started in the
// round, or stopped) says so.
func flagText(f store.Flag) string {
	if f == store.FlagNone {
		return msg.T("无预警")
	}
	return msg.T(f.Word())
}

// unitNames are the units' names, for JSON ([] rather than null).
func unitNames(us []store.UnitRef) []string {
	out := make([]string, 0, len(us))
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}

// escalatedOn reports whether the task had been escalated (提级督办) by d:
// the step is dated, so a list as of an earlier day does not show it.
func escalatedOn(t *store.Task, d store.Date) bool {
	for _, e := range t.Events {
		if e.Step == store.StepEscalate && !e.Date.After(d) {
			return true
		}
	}
	return false
}
