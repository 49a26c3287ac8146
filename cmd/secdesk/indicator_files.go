package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// yearFileVerb parses the --year, --out and --db of a verb that writes a
// file (or a folder) for a year, opens the data and runs fn.
func (c *cli) yearFileVerb(name string, args []string, fn func(s store.Store, y int, out string) error) error {
	fs, db := newFlags(name)
	year, out := yearFlag(fs), fs.String("out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	if err := needOut(*out); err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s, y, *out)
}

// indicatorTemplates writes a template (填报表) for each member unit in
// the year's register (registerDay), for the year's open round (one is opened if none
// is), with last year's values beside the cells.
func (c *cli) indicatorTemplates(args []string) error {
	return c.yearFileVerb("indicators template", args, func(s store.Store, y int, out string) error {
		cat, err := c.catalogueOf(s, y, true)
		if err != nil {
			return err
		}
		if err := notFiled(&cat); err != nil {
			return err
		}
		r, err := c.roundFor(s, y)
		if err != nil {
			return err
		}
		ms, err := s.Members(c.ctx)
		if err != nil {
			return err
		}
		last, err := s.UnitValues(c.ctx, y-1)
		if err != nil {
			return err
		}
		set, err := s.Settings(c.ctx)
		if err != nil {
			return err
		}
		paths, err := xlsx.WriteTemplates(out, &cat, &r, inRegister(ms, registerDay(y)), last, groupName(set))
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, msg.Tf("已生成%d年指标填报表%d份：%s", y, len(paths), out))
		return nil
	})
}

// roundFor is the year's latest open round, or a new one opened today.
func (c *cli) roundFor(s store.Store, year int) (store.CollectionRound, error) {
	rs, err := s.Rounds(c.ctx, year)
	if err != nil {
		return store.CollectionRound{}, err
	}
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Closed.IsZero() {
			return rs[i], nil
		}
	}
	r, err := s.OpenRound(c.ctx, year, store.Today())
	if err == nil {
		fmt.Fprintln(c.stderr, msg.Tf("已开始%d年指标填报（%s）", year, dateText(r.Opened)))
	}
	return r, err
}

// latestRound is the year's newest round, which returns are read for.
func (c *cli) latestRound(s store.Store, year int) (store.CollectionRound, error) {
	rs, err := s.Rounds(c.ctx, year)
	if err != nil || len(rs) == 0 {
		if err == nil {
			err = failf("%d年还没有开始指标填报（secdesk indicators template 生成填报表）", year)
		}
		return store.CollectionRound{}, err
	}
	return rs[len(rs)-1], nil
}

// registerDay is the day whose register answers for the year: today, or
// 31 December of a past year (a unit that joined since does not report
// the year before it joined).
func registerDay(year int) store.Date {
	today, end := store.Today(), store.NewDate(year, 12, 31)
	if end.Before(today) {
		return end
	}
	return today
}

// notFiled refuses a filed year: its figures are frozen.
func notFiled(cat *store.Catalogue) error {
	if cat.Filed.IsZero() {
		return nil
	}
	return failf("%d年指标已报送（%s），不能再填报；如需修改请先新建版本", cat.Year, dateText(cat.Filed))
}

// inRegister are the members in the register on day d.
func inRegister(ms []store.Member, d store.Date) []store.Member {
	var out []store.Member
	for i := range ms {
		if ms[i].StateOn(d).Status == store.StatusActive {
			out = append(out, ms[i])
		}
	}
	return out
}

func groupName(set store.Settings) string {
	if n := store.CleanText(set.GroupName); n != "" {
		return n
	}
	return store.DefaultGroupName
}

// exportIndicators writes the indicator book: the group's figures of the
// year and the two before (those with a catalogue), and the units' values
// of the year.
func (c *cli) exportIndicators(args []string) error {
	return c.yearFileVerb("indicators export", args, func(s store.Store, y int, out string) error {
		in, err := c.readIndicatorInputs(s, y)
		if err != nil {
			return err
		}
		group, err := c.groupYears(s, &in)
		if err != nil {
			return err
		}
		if err := xlsx.WriteIndicatorBook(out, &in.cat, group, in.values, in.data.Members, groupName(in.set)); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, msg.Tf("已导出%d年指标汇总表：%s（%d家单位的填报数）", y, out, len(in.values)))
		return nil
	})
}

// groupYears are the group's figures of in's year and the two before, each
// by its own catalogue; a year without one is left out.
func (c *cli) groupYears(s store.Store, in *indicatorInputs) (map[int]map[string]float64, error) {
	out := map[int]map[string]float64{in.cat.Year: in.group()}
	for y := in.cat.Year - 2; y < in.cat.Year; y++ {
		cat, err := s.Catalogue(c.ctx, y)
		if errors.Is(err, store.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		vs, err := s.UnitValues(c.ctx, y)
		if err != nil {
			return nil, err
		}
		prev := indicatorInputs{cat: cat, data: in.data, values: vs}
		out[y] = prev.group()
	}
	return out, nil
}

// unreturned are the members of the year's register (registerDay) that
// have not returned a template of round r; returned adds the units a
// preview would write.
func unreturned(ms []store.Member, vs []store.UnitValues, year int, r uuid.UUID, returned []uuid.UUID) []store.Member {
	done := map[uuid.UUID]bool{}
	for i := range vs {
		if vs[i].Returned(r) {
			done[vs[i].MemberID] = true
		}
	}
	var out []store.Member
	for _, m := range inRegister(ms, registerDay(year)) {
		if !done[m.ID] && !slices.Contains(returned, m.ID) {
			out = append(out, m)
		}
	}
	return out
}
