package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// stats prints the member structure as of a day: the seed-000 sentence, or
// JSON for scripts, and with --out also the 成员结构统计表.
func (c *cli) stats(args []string) error {
	a, err := parseStatsArgs(args)
	if err != nil {
		return err
	}
	group, members, err := c.loadRegister(a.db)
	if err != nil {
		return err
	}
	st := store.ComputeStats(members, a.since, a.asOf)
	if a.json {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return err
		}
	} else {
		printStats(c.stdout, st)
	}
	if a.out == "" {
		return nil
	}
	err = xlsx.ExportStats(a.out, xlsx.StatsExport{GroupName: group, Stats: st, ByTier: store.CountByTier(members, a.asOf)})
	if err != nil {
		return err
	}
	note := c.stdout
	if a.json { // stdout is JSON for a script: the note goes beside it
		note = c.stderr
	}
	fmt.Fprintln(note, msg.Tf("已导出成员结构统计表：%s", a.out))
	return nil
}

type statsArgs struct {
	db, out     string
	asOf, since store.Date
	json        bool
}

// parseStatsArgs reads stats' flags: --as-of defaults to today, --since to
// 1 January of the as-of year.
func parseStatsArgs(args []string) (a statsArgs, err error) {
	fs, db := newFlags("stats")
	asOf := fs.String("as-of", "", "")
	since := fs.String("since", "", "")
	fs.BoolVar(&a.json, "json", false, "")
	fs.StringVar(&a.out, "out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return a, err
	}
	a.db = *db
	if a.asOf, err = parseDate("as-of", *asOf, store.Today()); err != nil {
		return a, err
	}
	if a.since, err = parseDate("since", *since, a.asOf.StartOfYear()); err != nil {
		return a, err
	}
	if a.since.After(a.asOf) {
		return a, usagef("--since 不能晚于 --as-of")
	}
	return a, nil
}

// printStats writes the work report's sentence (seed 000) and the cities:
// 截至2023年11月28日，现有成员单位81家，其中政府部门1家、企业47家、本科院校3所…；
// 2023年1月1日以来新增3家、退出1家。
func printStats(w io.Writer, st store.Stats) {
	if st.Total == 0 {
		fmt.Fprintln(w, msg.Tf("截至%s，现有成员单位0家；%s以来新增%d家、退出%d家。",
			dateText(st.AsOf), dateText(st.Since), st.Joined, st.Left))
		return
	}
	var types []string
	for _, c := range st.HeldTypeCounts() {
		types = append(types, count(string(c.Type), c.N, c.Measure))
	}
	fmt.Fprintln(w, msg.Tf("截至%s，现有成员单位%d家，其中%s；%s以来新增%d家、退出%d家。",
		dateText(st.AsOf), st.Total, strings.Join(types, listSep()), dateText(st.Since), st.Joined, st.Left))
	var cities []string
	for _, c := range st.CityCounts() {
		cities = append(cities, count(c.City, c.N, "家"))
	}
	fmt.Fprintln(w, msg.Tf("按城市：%s。", strings.Join(cities, listSep())))
}

// count is "企业47家", "高职院校17所" as the work report writes them; in
// English "企业" is translated and the count follows.
func count(label string, n int, measure string) string {
	if msg.LanguageIsEnglish() {
		return fmt.Sprintf("%s %d", msg.T(label), n)
	}
	return label + strconv.Itoa(n) + measure
}
