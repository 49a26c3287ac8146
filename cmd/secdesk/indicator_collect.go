package main

import (
	"fmt"
	"io"
	"os"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// collectReturns reads the returned templates in a folder, previews each
// file, and writes those without errors (unless --dry-run); the files
// with errors are not written, and make the exit 1 once the good ones
// are in. Then it lists the units of the round yet to return (催报).
func (c *cli) collectReturns(args []string) error {
	fs, db := newFlags("indicators collect")
	year, dry := yearFlag(fs), fs.Bool("dry-run", false, "")
	dirs, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(dirs[0]); err != nil || !fi.IsDir() {
		return failf("找不到文件夹：%s", dirs[0])
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	cat, err := c.catalogueOf(s, y, false)
	if err != nil {
		return err
	}
	if err := notFiled(&cat); err != nil {
		return err
	}
	r, err := c.latestRound(s, y)
	if err != nil {
		return err
	}
	files, unread := xlsx.ReadReturns(dirs[0], func(done, total int) {
		fmt.Fprintf(c.stderr, "\r%s", msg.Tf("读取填报表：%d/%d", done, total))
		if done == total {
			fmt.Fprintln(c.stderr)
		}
	})
	ms, err := s.Members(c.ctx)
	if err != nil {
		return err
	}
	now, last, err := c.yearValues(s, y)
	if err != nil {
		return err
	}
	plan := store.PlanReturns(&cat, &r, ms, now, last, files)
	printReturnPlan(c.stdout, plan, unread)
	return c.applyReturns(s, plan, ms, len(unread), *dry)
}

func (c *cli) yearValues(s store.Store, y int) (now, last []store.UnitValues, err error) {
	if now, err = s.UnitValues(c.ctx, y); err != nil {
		return nil, nil, err
	}
	last, err = s.UnitValues(c.ctx, y-1)
	return now, last, err
}

// applyReturns writes the plan's good files (not in a dry run), lists
// the units yet to return, and fails if any file had errors.
func (c *cli) applyReturns(s store.Store, plan *store.ReturnPlan, ms []store.Member, unread int, dry bool) error {
	ok, bad, values := plan.Counts()
	var pending []uuid.UUID
	switch {
	case dry:
		fmt.Fprintln(c.stdout, msg.Tf("预览：%d份可导入（%d项数值），%d份有错误；未写入数据（--dry-run）", ok, values, bad+unread))
		for _, f := range plan.Files {
			if len(f.Errors) == 0 {
				pending = append(pending, f.MemberID)
			}
		}
	case ok > 0:
		n, err := s.ApplyReturns(c.ctx, plan)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, msg.Tf("已导入%d份填报表，共%d项数值", n, values))
	}
	vs, err := s.UnitValues(c.ctx, plan.Year)
	if err != nil {
		return err
	}
	printUnreturned(c.stdout, unreturned(ms, vs, plan.Year, plan.Round, pending))
	if bad+unread > 0 {
		return failf("%d份填报表有错误，没有导入；请改正后重新导入这些文件", bad+unread)
	}
	return nil
}

// printReturnPlan prints each file's preview: its unit, the new and
// changed values, then its warnings and errors; files the reader could not
// read come first.
func printReturnPlan(w io.Writer, p *store.ReturnPlan, unread []error) {
	for _, err := range unread {
		fmt.Fprintln(w, msg.T("错误：")+msg.Error(err))
	}
	for _, f := range p.Files {
		added, changed := 0, 0
		for _, ch := range f.Changes {
			if ch.From == nil {
				added++
			} else {
				changed++
			}
		}
		state := msg.Tf("新填%d项，修改%d项", added, changed)
		if len(f.Errors) > 0 {
			state = msg.Tf("有%d处错误，不导入", len(f.Errors))
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", f.File, f.Unit, state)
		for _, fe := range f.Warnings {
			fmt.Fprintln(w, "  "+msg.T("提示：")+msg.FieldError(fe))
		}
		for _, fe := range f.Errors {
			fmt.Fprintln(w, "  "+msg.T("错误：")+msg.FieldError(fe))
		}
	}
}

// printUnreturned is the 催报 list: the units yet to return, with whom to
// call.
func printUnreturned(w io.Writer, ms []store.Member) {
	if len(ms) == 0 {
		fmt.Fprintln(w, msg.T("各成员单位均已报送"))
		return
	}
	fmt.Fprintln(w, msg.Tf("尚未报送的单位（%d家），请催报：", len(ms)))
	for _, m := range ms {
		fmt.Fprintf(w, "%s\t%s\t%s\n", m.Name, m.Contact, m.Phone)
	}
}
