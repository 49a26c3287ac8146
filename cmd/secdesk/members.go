package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// importMembers previews an xlsx file against the register, prints one
// line per row, and writes it only if no row has an error and this is not
// a dry run.
func (c *cli) importMembers(args []string) error {
	fs, db := newFlags("members import")
	dry := fs.Bool("dry-run", false, "")
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if _, err := os.Stat(files[0]); err != nil {
		return failf("无法打开文件：%s", files[0])
	}
	rows, err := xlsx.ReadMembersFile(files[0])
	if err != nil {
		return err
	}
	s, existing, err := c.openForImport(*db, *dry)
	if err != nil {
		return err
	}
	if s != nil {
		defer s.Close()
	}
	plan := store.PlanImport(existing, rows, time.Now())
	printPlan(c.stdout, plan)
	switch {
	case plan.HasErrors():
		return failf("文件中有错误，未导入任何数据")
	case *dry:
		fmt.Fprintln(c.stdout, msg.T("预览完成，未写入数据（--dry-run）"))
		return nil
	}
	sum, err := s.ApplyImport(c.ctx, plan)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导入：新增%d家，更新%d家，无变化%d家", sum.New, sum.Updated, sum.Unchanged))
	return nil
}

// openForImport opens the data file and reads its members. A dry run
// against a data file that does not exist yet previews against an empty
// register rather than create the file.
func (c *cli) openForImport(db string, dry bool) (store.Store, []store.Member, error) {
	if !isServerURL(db) {
		path, err := dbPath(db)
		if err != nil {
			return nil, nil, err
		}
		if _, err := os.Stat(path); dry && errors.Is(err, os.ErrNotExist) {
			return nil, nil, nil
		}
		db = path
	}
	s, err := openStore(c.ctx, db, false)
	if err != nil {
		return nil, nil, err
	}
	ms, err := s.Members(c.ctx)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, ms, nil
}

// printPlan is the preview: 第N行, what happens, the unit, then each error
// and warning of the row, then the totals.
func printPlan(w io.Writer, p *store.ImportPlan) {
	for _, r := range p.Rows {
		line := msg.Tf("第%d行", r.Row) + "\t" + msg.T(string(r.Action)) + "\t" + cmp.Or(r.Name, msg.T("（无名称）"))
		if len(r.Changed) > 0 {
			line += "\t" + changedFields(r.Changed)
		}
		fmt.Fprintln(w, line)
		for _, e := range r.Errors {
			fmt.Fprintln(w, "\t"+msg.T("错误")+colon()+msg.FieldError(e))
		}
		for _, e := range r.Warnings {
			fmt.Fprintln(w, "\t"+msg.T("警告")+colon()+msg.FieldError(e))
		}
	}
	sum := p.Summary()
	fmt.Fprintln(w, msg.Tf("共%d行：新增%d，更新%d，无变化%d，错误%d，有警告%d",
		sum.Rows, sum.New, sum.Updated, sum.Unchanged, sum.Errors, sum.Warnings))
}

func changedFields(fs []store.Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = msg.T(string(f))
	}
	return msg.Tf("（修改：%s）", strings.Join(names, listSep()))
}

// exportMembers writes the 成员单位名册 as of a day.
func (c *cli) exportMembers(args []string) error {
	fs, db := newFlags("members export")
	asOfFlag := fs.String("as-of", "", "")
	mask := fs.Bool("mask-phones", false, "")
	out := fs.String("out", "", "")
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
	group, members, err := c.loadRegister(*db)
	if err != nil {
		return err
	}
	entries := store.Register(members, asOf)
	err = xlsx.ExportRegister(*out, xlsx.RegisterExport{GroupName: group, AsOf: asOf, Entries: entries, MaskPhones: *mask})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出成员单位名册（截至%s，%d家）：%s", dateText(asOf), len(entries), *out))
	return nil
}

// template writes the import template. It needs no data file; a --db
// given anyway (as a script passes to every verb) is ignored.
func (c *cli) template(args []string) error {
	fs, _ := newFlags("members template")
	out := fs.String("out", "", "")
	files, err := parseArgs(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if len(files) == 1 && *out == "" { // `members template FILE.xlsx` is forgiven
		*out = files[0]
	}
	if err := needOut(*out); err != nil {
		return err
	}
	if err := xlsx.WriteTemplate(*out); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已生成导入模板：%s", *out))
	return nil
}

// loadRegister reads the group's name and every member of an existing
// data file, and closes it again: the read-only verbs hold it no longer
// than they must.
func (c *cli) loadRegister(db string) (string, []store.Member, error) {
	s, err := openStore(c.ctx, db, true)
	if err != nil {
		return "", nil, err
	}
	defer s.Close()
	set, err := s.Settings(c.ctx)
	if err != nil {
		return "", nil, err
	}
	ms, err := s.Members(c.ctx)
	return cmp.Or(set.GroupName, store.DefaultGroupName), ms, err
}
