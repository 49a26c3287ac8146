package main

import (
	"flag"
	"io"
	"strings"

	"github.com/secdesk/secdesk/store"
)

// newFlags makes a verb's flag set with the --db flag every verb takes.
// Package flag's own messages are English and it stops at the first file
// argument, so parseArgs does the reporting and the splitting.
func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs, fs.String("db", "", "")
}

// parseArgs reads flags placed anywhere among the file arguments (--x=v,
// --x v, -x v) and returns the file arguments, of which there must be
// between min and max.
func parseArgs(fs *flag.FlagSet, args []string, min, max int) ([]string, error) {
	var flags, files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			files = append(files, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			files = append(files, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			return nil, errHelp
		}
		f := fs.Lookup(name)
		if f == nil {
			return nil, usagef("未知的选项：%s", a)
		}
		flags = append(flags, a)
		if !hasValue && !isBool(f) {
			if i+1 >= len(args) {
				return nil, usagef("选项 %s 缺少值", a)
			}
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, usagef("选项值无效：%s", err.Error())
	}
	switch {
	case len(files) < min:
		return nil, usagef("缺少文件名")
	case len(files) > max:
		return nil, usagef("多余的参数：%s", strings.Join(files[max:], " "))
	}
	return files, nil
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseDate reads a date flag; empty gives def.
func parseDate(flagName, s string, def store.Date) (store.Date, error) {
	if s == "" {
		return def, nil
	}
	d, err := store.ParseDate(s)
	if err != nil {
		return store.Date{}, usagef("选项 --%s 的日期无效：%s（应写作 YYYY-MM-DD）", flagName, s)
	}
	return d, nil
}

// needOut checks that --out was given.
func needOut(out string) error {
	if out == "" {
		return usagef("缺少 --out 文件名")
	}
	return nil
}
