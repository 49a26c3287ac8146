package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/msg"
)

// stdin is where restore reads the clerk's answer; tests replace it.
var stdin io.Reader = os.Stdin

// backup is `secdesk backup --out DIR`: a consistent copy of the data in
// the folder DIR (a USB stick), verified by opening it and counting.
func (c *cli) backup(args []string) error {
	fs, db := newFlags("backup")
	out := fs.String("out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	if *out == "" {
		return usagef("缺少 --out 文件夹")
	}
	if fi, err := os.Stat(*out); err == nil && !fi.IsDir() {
		return usagef("--out 应是文件夹：%s", *out)
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := store.Backup(c.ctx, s, *out, store.BackupOptions{Files: bolt.Files{}, Manual: true})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.T("已备份到：")+rep.Path)
	fmt.Fprintln(c.stdout, msg.Tf("大小 %s；%s；已打开备份核对，数量一致。", msg.Size(rep.Size), msg.Counts(rep.Counts)))
	return nil
}

// restore is `secdesk restore FILE [--yes]`: shows what the backup holds
// beside the current data, asks, keeps the current data as a backup, and
// replaces it with the backup's.
func (c *cli) restore(args []string) error {
	fs, db := newFlags("restore")
	yes := fs.Bool("yes", false, "")
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	b, err := bolt.OpenReadOnly(files[0])
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return failf("备份文件不存在：%s", files[0])
		}
		return refusedBackup(err)
	}
	defer b.Close()
	bi, err := store.InfoOf(c.ctx, b)
	if err != nil {
		return refusedBackup(err)
	}
	s, err := openStore(c.ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	ci, err := store.InfoOf(c.ctx, engineOf(s))
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("备份：%s", msg.BackupInfo(bi)))
	fmt.Fprintln(c.stdout, msg.Tf("当前：%s（%s）", msg.BackupInfo(ci), where(s)))
	if !*yes {
		fmt.Fprint(c.stdout, msg.T("用备份替换当前数据？当前数据会先另存为备份。[y/N] "))
		line, _ := bufio.NewReader(stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" && a != "是" {
			fmt.Fprintln(c.stdout, msg.T("未恢复，数据没有改变。"))
			return nil
		}
	}
	rep, err := store.RestoreBackup(c.ctx, s, b, store.RestoreOptions{Files: bolt.Files{}, KeepDir: store.KeepDirFor(s, files[0])})
	if err != nil {
		return refusedBackup(err)
	}
	fmt.Fprintln(c.stdout, msg.T("恢复前的数据已另存为：")+rep.Kept.Path)
	fmt.Fprintln(c.stdout, msg.Tf("已从备份恢复：%s。", msg.Counts(rep.Counts)))
	return nil
}

// refusedBackup says why a backup cannot be restored.
func refusedBackup(err error) error {
	if errors.Is(err, store.ErrDamaged) {
		return failf("备份文件已损坏或不完整，不能恢复：%s", err.Error())
	}
	return err
}

// check is `secdesk check [--repair]`: the integrity check, one problem a
// line; --repair first moves records that do not decode to the quarantine.
func (c *cli) check(args []string) error {
	fs, db := newFlags("check")
	repair := fs.Bool("repair", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if *repair {
		moved, err := store.Repair(c.ctx, s)
		if err != nil {
			return err
		}
		for _, q := range moved {
			fmt.Fprintln(c.stdout, msg.Tf("已移入隔离区：%s %s（%s）", q.Collection, q.ID, q.Problem))
		}
		if len(moved) == 0 {
			fmt.Fprintln(c.stdout, msg.T("没有无法读取的记录，无需修复。"))
		}
	}
	problems := store.Problems(checkStore(c, s))
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(c.stdout, p.Error())
		}
		return failf("检查发现 %d 个问题", len(problems))
	}
	n, err := store.CountsOf(c.ctx, engineOf(s))
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("检查通过：%s。", msg.Counts(n)))
	return nil
}

func checkStore(c *cli, s store.Store) error {
	ch, ok := store.As[store.Checker](s)
	if !ok {
		return nil
	}
	return ch.Check(c.ctx)
}

// engineOf is the engine under a store made by store.New.
func engineOf(s store.Store) store.Engine {
	e, _ := store.As[store.Engine](s)
	return e
}
