package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// catalogueJSON is `indicators catalogue --json`: codes as stored.
type catalogueJSON struct {
	Year       int             `json:"year"`
	Version    int             `json:"version"`
	Filed      string          `json:"filed"` // "" when not filed
	Indicators []indicatorJSON `json:"indicators"`
}

// indicatorJSON is one line of the catalogue; Answer [] is every unit
// (a computed indicator is answered by none).
type indicatorJSON struct {
	Code   string   `json:"code"`
	Name   string   `json:"name"`
	Unit   string   `json:"unit"`
	Source string   `json:"source"`
	Kind   string   `json:"kind"`
	Group  string   `json:"group"`
	Of     string   `json:"of,omitempty"`
	Answer []string `json:"answer"`
	Min    float64  `json:"min"`
	Max    float64  `json:"max,omitempty"`
}

// indicatorCatalogue prints the year's catalogue, started if the year has
// none.
func (c *cli) indicatorCatalogue(args []string) error {
	fs, db := newFlags("indicators catalogue")
	year, asJSON := yearFlag(fs), fs.Bool("json", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	cat, err := c.catalogueOf(s, y, true)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.stdout, catalogueOut(&cat))
	}
	fmt.Fprintln(c.stdout, catalogueState(&cat))
	fmt.Fprintln(c.stdout, msg.T("代码\t名称\t单位\t来源\t填报单位"))
	for _, ind := range cat.Indicators {
		fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\n", ind.Code, ind.Name, ind.Unit, sourceWord(&ind), answerWord(&ind))
	}
	return nil
}

func catalogueOut(cat *store.Catalogue) catalogueJSON {
	out := catalogueJSON{Year: cat.Year, Version: cat.Version, Filed: cat.Filed.String(), Indicators: []indicatorJSON{}}
	for _, ind := range cat.Indicators {
		answer := []string{}
		for _, t := range ind.Answer {
			answer = append(answer, string(t))
		}
		out.Indicators = append(out.Indicators, indicatorJSON{Code: ind.Code, Name: ind.Name, Unit: ind.Unit,
			Source: string(ind.Source), Kind: string(ind.Kind), Group: ind.Group, Of: ind.Of, Answer: answer,
			Min: ind.Min, Max: ind.Max})
	}
	return out
}

func sourceWord(ind *store.Indicator) string {
	if ind.Source == store.SourceComputed {
		return msg.T("程序计算")
	}
	return msg.T("成员单位填报")
}

// answerWord is who answers a collected indicator: 全部, or the types.
func answerWord(ind *store.Indicator) string {
	switch {
	case ind.Source == store.SourceComputed:
		return ""
	case len(ind.Answer) == 0:
		return msg.T("全部")
	}
	var ts []string
	for _, t := range ind.Answer {
		ts = append(ts, msg.T(string(t)))
	}
	return strings.Join(ts, listSep())
}

// indicatorInputs is what the group's figures are made of: the catalogue,
// the records the computed ones count, the units' values of the year.
type indicatorInputs struct {
	cat    store.Catalogue
	data   store.IndicatorData
	values []store.UnitValues
	set    store.Settings
}

// readIndicatorInputs reads the year's inputs; the year must have a
// catalogue.
func (c *cli) readIndicatorInputs(s store.Store, year int) (in indicatorInputs, err error) {
	if in.cat, err = c.catalogueOf(s, year, false); err != nil {
		return in, err
	}
	if in.data.Members, err = s.Members(c.ctx); err != nil {
		return in, err
	}
	if in.data.Meetings, err = s.Meetings(c.ctx, store.MeetingFilter{}); err != nil {
		return in, err
	}
	if in.data.Tasks, err = s.Tasks(c.ctx); err != nil {
		return in, err
	}
	if in.values, err = s.UnitValues(c.ctx, year); err != nil {
		return in, err
	}
	in.set, err = s.Settings(c.ctx)
	return in, err
}

// group is the group's sheet: computed as of 31 December, collected
// summed over the units.
func (in *indicatorInputs) group() map[string]float64 {
	computed := store.ComputeIndicators(&in.cat, in.data, store.Today())
	return store.GroupValues(&in.cat, computed, in.values)
}

// indicatorValues prints the group's figures of the year.
func (c *cli) indicatorValues(args []string) error {
	fs, db := newFlags("indicators values")
	year, asJSON := yearFlag(fs), fs.Bool("json", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := c.readIndicatorInputs(s, y)
	if err != nil {
		return err
	}
	group := in.group()
	if *asJSON {
		return writeJSON(c.stdout, group)
	}
	fmt.Fprintln(c.stdout, catalogueState(&in.cat))
	fmt.Fprintln(c.stdout, msg.T("代码\t名称\t数值\t单位\t来源"))
	for _, ind := range in.cat.Indicators {
		v, ok := group[ind.Code]
		fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\n", ind.Code, ind.Name, valueText(v, ok), ind.Unit, sourceWord(&ind))
	}
	return nil
}

// setIndicator types one unit's value, from the value stored now; --value
// "" clears it.
func (c *cli) setIndicator(args []string) error {
	fs, db := newFlags("indicators set")
	year, unit, code, value := yearFlag(fs), fs.String("unit", "", ""), fs.String("code", "", ""), fs.String("value", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	y, err := parseYear(*year)
	if err != nil {
		return err
	}
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "value" })
	to, err := parseValue(*value, given)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*code) == "" {
		return usagef("缺少 --code 指标代码")
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	return c.setValue(s, y, *unit, strings.TrimSpace(*code), to)
}

// parseValue reads --value: a number, or "" to clear.
func parseValue(s string, given bool) (*float64, error) {
	s = strings.TrimSpace(s)
	switch {
	case !given:
		return nil, usagef("缺少 --value 数值（--value \"\" 清空）")
	case s == "":
		return nil, nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return nil, usagef("选项 --value 应为数字：%s", s)
	}
	return &v, nil
}

func (c *cli) setValue(s store.Store, year int, unit, code string, to *float64) error {
	ms, err := s.Members(c.ctx)
	if err != nil {
		return err
	}
	m, err := memberNamed(ms, unit)
	if err != nil {
		return err
	}
	vs, err := s.UnitValues(c.ctx, year)
	if err != nil {
		return err
	}
	var from *float64
	for i := range vs {
		if x, ok := vs[i].Value(code); ok && vs[i].MemberID == m.ID {
			from = &x
		}
	}
	v, err := s.SetValue(c.ctx, year, m.ID, code, from, to)
	if err != nil {
		return err
	}
	now, ok := v.Value(code)
	fmt.Fprintln(c.stdout, msg.Tf("%d年 %s %s：%s → %s", year, m.Name, code, valueText(deref(from)), cmpText(valueText(now, ok))))
	return nil
}

func deref(p *float64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}

// cmpText is a value, or 空 for none.
func cmpText(s string) string {
	if s == "" {
		return msg.T("（空）")
	}
	return s
}
