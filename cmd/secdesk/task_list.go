package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// taskRow is one task of `tasks list --json` as it stood on the list's
// day: codes as stored (status, flag, source), dates ISO ("" for none).
type taskRow struct {
	Number           string   `json:"number"`
	Title            string   `json:"title"`
	Lead             string   `json:"lead"`
	Units            []string `json:"units"`
	Helpers          []string `json:"helpers"`
	Person           string   `json:"person"`
	Start            string   `json:"start"`
	Deadline         string   `json:"deadline"` // in force on the day
	OriginalDeadline string   `json:"original_deadline"`
	Status           string   `json:"status"`
	Flag             string   `json:"flag"` // the round's: recorded, or the rules' at its end (today for the current one)
	FlagRecorded     bool     `json:"flag_recorded"`
	Source           string   `json:"source"`
	SourceText       string   `json:"source_text"`
	LastInspection   string   `json:"last_inspection"`
	Percent          int      `json:"percent"` // of the last inspection; -1 for none
	Overdue          bool     `json:"overdue"`
	Escalated        bool     `json:"escalated"`
}

// listTasks prints every task that existed on --as-of (default today)
// with its state that day: a tab-separated table, or JSON for scripts.
func (c *cli) listTasks(args []string) error {
	fs, db := newFlags("tasks list")
	asOfFlag := fs.String("as-of", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	today := store.Today()
	asOf, err := parseDate("as-of", *asOfFlag, today)
	if err != nil {
		return err
	}
	d, err := c.loadTasks(*db)
	if err != nil {
		return err
	}
	rows := taskRows(d, asOf, today)
	if *asJSON {
		return writeJSON(c.stdout, rows)
	}
	printTasks(c.stdout, rows)
	return nil
}

// taskRows are the tasks existing on asOf, in number order as the ledger
// has them.
func taskRows(d taskData, asOf, today store.Date) []taskRow {
	rows := make([]taskRow, 0, len(d.tasks)) // [] rather than null for none
	for i := range d.tasks {
		if t := &d.tasks[i]; t.StateOn(asOf).Exists {
			rows = append(rows, taskRowOf(t, asOf, today, d.set.Flags))
		}
	}
	slices.SortStableFunc(rows, func(a, b taskRow) int { return cmp.Compare(a.Number, b.Number) })
	return rows
}

func taskRowOf(t *store.Task, asOf, today store.Date, rules store.FlagRules) taskRow {
	s := t.StateOn(asOf)
	f, recorded := t.RoundFlagOf(store.Round(asOf), today, rules)
	r := taskRow{Number: t.Number, Title: t.Title, Lead: t.Lead.Name, Units: unitNames(t.Units), Helpers: unitNames(t.Helpers),
		Person: t.Person, Start: t.Start.String(), Deadline: s.Deadline.String(), OriginalDeadline: s.Original.String(),
		Status: string(s.Status), Flag: string(f), FlagRecorded: recorded, Source: string(t.Source.Kind),
		SourceText: t.Source.Label(), Percent: -1, Overdue: s.Status.Open() && asOf.After(s.Deadline),
		Escalated: escalatedOn(t, asOf)}
	if s.Last != nil {
		r.LastInspection, r.Percent = s.Last.Date.String(), s.Last.Percent
	}
	return r
}

// printTasks writes the table: one tab-separated line per task.
func printTasks(w io.Writer, rows []taskRow) {
	fmt.Fprintln(w, msg.T("事项编号\t任务事项\t牵头单位\t完成时限\t状态\t预警\t最近督查\t进度"))
	for _, r := range rows {
		deadline := r.Deadline
		if r.Deadline != r.OriginalDeadline {
			deadline += msg.Tf("（原定%s）", r.OriginalDeadline)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Number, r.Title, r.Lead, deadline,
			msg.T(store.TaskStatus(r.Status).Word()), flagText(store.Flag(r.Flag)), r.LastInspection, percentText(r.Percent))
	}
}

// percentText is "60%", or "" when not given.
func percentText(p int) string {
	if p < 0 {
		return ""
	}
	return strconv.Itoa(p) + "%"
}

// overdueRow is one task of `tasks overdue --json`.
type overdueRow struct {
	Number           string `json:"number"`
	Title            string `json:"title"`
	Lead             string `json:"lead"`
	Person           string `json:"person"`
	Deadline         string `json:"deadline"`
	OriginalDeadline string `json:"original_deadline"`
	DaysOverdue      int    `json:"days_overdue"`
	Status           string `json:"status"`
	Escalated        bool   `json:"escalated"`
}

// overdueTasks prints the tasks still open on --as-of (default today)
// past the deadline then in force, the longest overdue first.
func (c *cli) overdueTasks(args []string) error {
	fs, db := newFlags("tasks overdue")
	asOfFlag := fs.String("as-of", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	asOf, err := parseDate("as-of", *asOfFlag, store.Today())
	if err != nil {
		return err
	}
	d, err := c.loadTasks(*db)
	if err != nil {
		return err
	}
	rows := overdueRows(d.tasks, asOf)
	if *asJSON {
		return writeJSON(c.stdout, rows)
	}
	fmt.Fprintln(c.stdout, msg.Tf("截至%s，逾期未办结的任务%d项", dateText(asOf), len(rows)))
	for _, r := range rows {
		fmt.Fprintln(c.stdout, r.Number+"\t"+r.Title+"\t"+r.Lead+"\t"+msg.Tf("完成时限%s", r.Deadline)+"\t"+
			msg.Tf("逾期%d天", r.DaysOverdue))
	}
	return nil
}

func overdueRows(tasks []store.Task, asOf store.Date) []overdueRow {
	rows := make([]overdueRow, 0)
	for i := range tasks {
		t := &tasks[i]
		s := t.StateOn(asOf)
		if !s.Exists || !s.Status.Open() || !asOf.After(s.Deadline) {
			continue
		}
		rows = append(rows, overdueRow{Number: t.Number, Title: t.Title, Lead: t.Lead.Name, Person: t.Person,
			Deadline: s.Deadline.String(), OriginalDeadline: s.Original.String(), DaysOverdue: s.Deadline.DaysUntil(asOf),
			Status: string(s.Status), Escalated: escalatedOn(t, asOf)})
	}
	slices.SortStableFunc(rows, func(a, b overdueRow) int {
		return cmp.Or(cmp.Compare(b.DaysOverdue, a.DaysOverdue), cmp.Compare(a.Number, b.Number))
	})
	return rows
}

// writeJSON prints v indented, Chinese as written.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
