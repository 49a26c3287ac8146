package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// importTasks previews a task list (a plan's 项目清单) row by row and
// imports it only if no row has an error and this is not a dry run: every
// unit must be a member unit or a body, as the window's import asks.
func (c *cli) importTasks(args []string) error {
	fs, db := newFlags("tasks import")
	dry := fs.Bool("dry-run", false, "")
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if err := needFiles(files); err != nil {
		return err
	}
	rows, err := xlsx.ReadTaskList(files[0])
	if errors.Is(err, xlsx.ErrNoTaskHeader) { // its text names the file; say it in the reader's language
		return failf("%s：%s", files[0], msg.T(xlsx.ErrNoTaskHeader.Error()))
	} else if err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	plan, err := c.planTasks(s, rows)
	if err != nil {
		return err
	}
	printTaskPlan(c.stdout, plan)
	added, updated, _, bad := plan.Counts()
	switch {
	case bad > 0:
		return failf("任务清单中有错误，未导入任何任务")
	case *dry:
		fmt.Fprintln(c.stdout, msg.T("预览完成，未写入数据（--dry-run）"))
		return nil
	}
	n, err := s.ApplyTaskImport(c.ctx, plan)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导入任务清单：%d项（新增%d，更新%d）", n, added, updated))
	return nil
}

// planTasks plans the rows against the stored tasks and the register.
func (c *cli) planTasks(s store.Store, rows []store.TaskRow) (*store.TaskPlan, error) {
	tasks, err := s.Tasks(c.ctx)
	if err != nil {
		return nil, err
	}
	members, err := s.Members(c.ctx)
	if err != nil {
		return nil, err
	}
	bodies, err := s.Bodies(c.ctx)
	if err != nil {
		return nil, err
	}
	return store.PlanTaskImport(tasks, members, bodies, rows, store.Today()), nil
}

// printTaskPlan is the preview: one line per row (第N行, what it does,
// 事项编号, 任务事项), each of its errors under it with row, field and
// problem, then the totals.
func printTaskPlan(w io.Writer, p *store.TaskPlan) {
	for _, r := range p.Rows {
		number := cmp.Or(r.Task.Number, msg.T("（导入时编号）"))
		fmt.Fprintln(w, msg.Tf("第%d行", r.Row)+"\t"+msg.T(string(r.Action))+"\t"+number+"\t"+r.Task.Title)
		for _, e := range r.Errors {
			fmt.Fprintln(w, "\t"+msg.T("错误")+colon()+msg.FieldError(e))
		}
	}
	added, updated, unchanged, bad := p.Counts()
	fmt.Fprintln(w, msg.Tf("共%d行：新增%d，更新%d，无变化%d，错误%d", len(p.Rows), added, updated, unchanged, bad))
}
