package main

import (
	"fmt"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store/demo"
	"github.com/secdesk/secdesk/ui/msg"
)

// demo fills a new data file with the sample group (store/demo). A file
// that already has members is refused: the demo must never mix with a
// real register.
func (c *cli) demo(args []string) error {
	fs, db := newFlags("demo")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	d, err := demo.ParseData(assets.DemoGroup, assets.DemoRosters, assets.DemoMeetings, assets.DemoTasks, assets.DemoIndicators)
	if err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if ms, err := s.Members(c.ctx); err != nil {
		return err
	} else if len(ms) > 0 {
		return failf("数据文件中已有%d家成员单位，演示数据只能装入新的数据文件：%s", len(ms), where(s))
	}
	if err := demo.LoadData(c.ctx, s, d, nil); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已装入演示数据：%s，%d家单位，数据文件 %s", d.Members.GroupName, len(d.Members.Members), where(s)))
	fmt.Fprintln(c.stdout, msg.Tf("演示名单：%d人，%d个机构", len(d.Rosters.People), len(d.Rosters.Bodies)))
	fmt.Fprintln(c.stdout, msg.Tf("演示会议：%d次", len(d.Meetings.Meetings)))
	fmt.Fprintln(c.stdout, msg.Tf("演示督办任务：%d项，季度调度%d次", len(d.Tasks.Tasks), len(d.Tasks.Dispatches)))
	if n := len(d.Indicators.Years); n > 0 {
		fmt.Fprintln(c.stdout, msg.Tf("演示指标：%d—%d年各成员单位填报数据", d.Indicators.Years[0].Year, d.Indicators.Years[n-1].Year))
	}
	return nil
}
