package main

import (
	"fmt"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// copyData is `secdesk copy --from A --to B [--replace]`: the whole data
// set from one place to another (a file onto a server, a server into a
// file), checked by counting the target again and running its check.
func (c *cli) copyData(args []string) error {
	fs, _ := newFlags("copy")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	replace := fs.Bool("replace", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return usagef("copy 需要 --from 和 --to")
	}
	if *from == *to {
		return usagef("--from 和 --to 是同一处数据")
	}
	src, err := openEngine(c.ctx, *from, true)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openEngine(c.ctx, *to, false)
	if err != nil {
		return err
	}
	defer dst.Close()
	rep, err := store.Copy(c.ctx, src, dst, store.CopyOptions{Replace: *replace})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已复制：%s；复制后的数据检查通过。",
		msg.Counts(rep)))
	return nil
}
