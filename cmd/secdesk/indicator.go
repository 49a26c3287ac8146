package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// The indicators (指标报送) on the command line: the year's catalogue, the
// group's figures (computed from the records and summed from the units'
// returns, as the window and the report give them), the units' templates
// and returns, the indicator book, and the filing.

// indicatorVerbs are the indicator jobs, by the word after "indicators".
var indicatorVerbs = map[string]func(*cli, []string) error{
	"catalogue":   (*cli).indicatorCatalogue,
	"values":      (*cli).indicatorValues,
	"set":         (*cli).setIndicator,
	"template":    (*cli).indicatorTemplates,
	"collect":     (*cli).collectReturns,
	"export":      (*cli).exportIndicators,
	"file":        (*cli).fileIndicators,
	"close-round": (*cli).closeRound,
}

// indicators runs the indicator verb its first word names.
func (c *cli) indicators(args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("缺少指标命令（catalogue、values、set、template、collect、export、file、close-round）")
	}
	do, ok := indicatorVerbs[args[0]]
	if !ok {
		return usagef("未知的命令：%s", "indicators "+args[0])
	}
	return do(c, args[1:])
}

// yearFlag adds the --year flag every indicator verb takes.
func yearFlag(fs *flag.FlagSet) *string { return fs.String("year", "", "") }

// parseYear reads --year: required, a year the catalogue allows.
func parseYear(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, usagef("缺少 --year 年度（如 2025）")
	}
	y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "年"))
	if err != nil || y < 2000 || y > 2100 {
		return 0, usagef("选项 --year 的年度无效：%s（应写作四位数字，如 2025）", s)
	}
	return y, nil
}

// catalogueOf is the year's newest catalogue. With start, a year without
// one gets StartCatalogue's (said on stderr); without, that is a failure
// that says how to start one.
func (c *cli) catalogueOf(s store.Store, year int, start bool) (store.Catalogue, error) {
	cat, err := s.Catalogue(c.ctx, year)
	switch {
	case err == nil:
		return cat, nil
	case !errors.Is(err, store.ErrNotFound):
		return cat, err
	case !start:
		return cat, failf("%d年还没有指标目录（secdesk indicators catalogue --year %d 新建）", year, year)
	}
	if cat, err = s.StartCatalogue(c.ctx, year); err != nil {
		return cat, err
	}
	fmt.Fprintln(c.stderr, msg.Tf("%d年还没有指标目录，已新建（%d项，沿用上一年度的目录或默认目录）", year, len(cat.Indicators)))
	return cat, nil
}

// catalogueState says a catalogue's version and whether it is filed.
func catalogueState(cat *store.Catalogue) string {
	if cat.Filed.IsZero() {
		return msg.Tf("%d年指标目录第%d版，%d项，未报送", cat.Year, cat.Version, len(cat.Indicators))
	}
	return msg.Tf("%d年指标目录第%d版，%d项，已于%s报送", cat.Year, cat.Version, len(cat.Indicators), dateText(cat.Filed))
}

// memberNamed finds the member unit by its name (as NameKey compares).
func memberNamed(ms []store.Member, name string) (*store.Member, error) {
	name = store.CleanText(name)
	if name == "" {
		return nil, usagef("缺少 --unit 成员单位名称")
	}
	for i := range ms {
		if store.NameKey(ms[i].Name) == store.NameKey(name) {
			return &ms[i], nil
		}
	}
	return nil, failf("找不到成员单位：%s", name)
}

// valueText is a value as the tables print it: digits as typed, empty for
// none.
func valueText(v float64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// yearDateVerb parses the --year, --date (default today) and --db of a
// verb that changes a year's indicators, opens the data and runs fn.
func (c *cli) yearDateVerb(name string, args []string, fn func(s store.Store, y int, d store.Date) error) error {
	fs, db := newFlags(name)
	year, date := yearFlag(fs), fs.String("date", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	d, err := parseDate("date", *date, store.Today())
	if err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s, y, d)
}

// fileIndicators marks the year's catalogue filed (报送) on --date, by
// default today: frozen from then on.
func (c *cli) fileIndicators(args []string) error {
	return c.yearDateVerb("indicators file", args, func(s store.Store, y int, d store.Date) error {
		if _, err := c.catalogueOf(s, y, false); err != nil {
			return err
		}
		cat, err := s.FileCatalogue(c.ctx, y, d)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, catalogueState(&cat))
		fmt.Fprintln(c.stdout, msg.T("报送后该年度的指标和数值不能再修改；如需修改请新建版本"))
		return nil
	})
}

// closeRound ends the year's open collection rounds on --date, by default
// today: returns are no longer imported for them.
func (c *cli) closeRound(args []string) error {
	return c.yearDateVerb("indicators close-round", args, func(s store.Store, y int, d store.Date) error {
		n, err := s.CloseRound(c.ctx, y, d)
		if err != nil {
			return err
		}
		if n == 0 {
			return failf("%d年没有进行中的指标填报", y)
		}
		fmt.Fprintln(c.stdout, msg.Tf("已结束%d年的%d轮指标填报（%s）", y, n, msg.Date(d)))
		return nil
	})
}
