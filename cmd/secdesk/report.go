package main

import (
	"fmt"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/docx"
	"github.com/secdesk/secdesk/ui/msg"
)

// report runs the report verb its first word names: only "data", the data
// chapter of the year's work report.
func (c *cli) report(args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("缺少报告命令（data）")
	}
	if args[0] != "data" {
		return usagef("未知的命令：%s", "report "+args[0])
	}
	return c.reportData(args[1:])
}

// reportData writes the data chapter (年度工作报告数据篇) of --year from the
// group's figures, the same as `indicators values` gives.
func (c *cli) reportData(args []string) error {
	return c.yearFileVerb("report data", args, func(s store.Store, y int, out string) error {
		in, err := c.readIndicatorInputs(s, y)
		if err != nil {
			return err
		}
		r := store.BuildAnnualReport(&in.cat, in.group(), in.data, in.set)
		if err := docx.WriteReportData(out, r, in.set); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, msg.Tf("已生成%s：%s（%d段，%d张表）", r.Title, out, len(r.Paragraphs), len(r.Tables)))
		return nil
	})
}
