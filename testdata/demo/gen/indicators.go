package main

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// The indicators (指标报送): four years of the member units' returns. The
// 2023 group totals are the seed-000 work report's figures; each unit's
// later figures grow 5–10 % a year; 2023 and 2024 were filed in March of
// the next year, 2025 is collected but not yet filed, and the 2026 round
// was opened in October with two thirds of the units returned.

// share is how a 2023 total is split: the weight of each unit type (nil:
// byDefault), and at most k units with a share (0: every unit weighed).
type share struct {
	code  string
	total float64
	types map[string]float64
	k     int
}

var (
	colleges  = map[string]float64{"本科院校": 3, "高职院校": 3, "中职学校": 2, "技工院校": 2}
	companies = map[string]float64{"企业": 1}
	byDefault = map[string]float64{"本科院校": 3, "高职院校": 3, "中职学校": 2, "技工院校": 2, "企业": 1, "行业协会": 0.5, "科研院所": 0.5}
)

// shares2023 are the 2023 totals (seed 000; 参与制定标准 and the two
// 万元 figures are the demo's own). 其中国家级 is split among the units
// with a base (nationalBases).
var shares2023 = []share{
	{"training_bases", 32, nil, 22}, {"training_projects", 30, nil, 18}, {"training_person_days", 65324, nil, 0},
	{"skill_certification", 9500, map[string]float64{"高职院校": 3, "中职学校": 2, "技工院校": 2, "行业协会": 1}, 20},
	{"dual_teacher_training", 1500, colleges, 0}, {"company_teachers", 3512, companies, 30},
	{"part_time_hours", 34128, colleges, 0}, {"teacher_practice_months", 9614, colleges, 0},
	{"industry_colleges", 21, colleges, 14}, {"order_classes", 20, colleges, 14}, {"apprenticeship_classes", 12, colleges, 9},
	{"new_apprenticeship_classes", 10, companies, 8}, {"joint_students", 5400, colleges, 0},
	{"joint_courses", 52, nil, 25}, {"joint_textbooks", 38, nil, 20}, {"course_standards", 112, nil, 30},
	{"secondary_higher_students", 5745, map[string]float64{"中职学校": 3, "高职院校": 2, "技工院校": 1}, 0},
	{"higher_bachelor_students", 1200, map[string]float64{"高职院校": 2, "本科院校": 3}, 10},
	{"standards", 18, nil, 10}, {"contest_gold", 69, colleges, 24}, {"contest_silver", 132, colleges, 28},
	{"foreign_students", 232, map[string]float64{"本科院校": 3, "高职院校": 1}, 6},
	{"sino_foreign_students", 910, map[string]float64{"本科院校": 2, "高职院校": 1}, 5},
	{"exported_standards", 10, map[string]float64{"本科院校": 1, "高职院校": 1, "企业": 1}, 6},
	{"integration_companies", 2, companies, 2},
	{"donated_equipment", 1268.5, companies, 15}, {"tech_service_income", 3862.4, colleges, 0},
}

// seed2023 are the seed-000 figures the 2023 totals must equal.
var seed2023 = map[string]float64{"training_bases": 32, "training_bases_national": 10, "training_projects": 30,
	"training_person_days": 65324, "skill_certification": 9500, "dual_teacher_training": 1500, "company_teachers": 3512,
	"part_time_hours": 34128, "teacher_practice_months": 9614, "industry_colleges": 21, "order_classes": 20,
	"apprenticeship_classes": 12, "new_apprenticeship_classes": 10, "joint_students": 5400, "joint_courses": 52,
	"joint_textbooks": 38, "course_standards": 112, "secondary_higher_students": 5745, "higher_bachelor_students": 1200,
	"contest_gold": 69, "contest_silver": 132, "foreign_students": 232, "sino_foreign_students": 910,
	"exported_standards": 10, "integration_companies": 2}

// indicatorYears are the collections: year, round opened, filed.
var indicatorYears = []struct {
	year          int
	opened, filed string
}{
	{2023, "2024-01-08", "2024-03-15"}, {2024, "2025-01-10", "2025-03-14"}, {2025, "2026-01-09", ""}, {2026, "2026-10-12", ""},
}

// indicators makes the indicator file from the member file.
func indicators(f demo.Members) (demo.Indicators, error) {
	out := demo.Indicators{Note: "虚构的演示数据：2023年集团合计与2023年度工作报告一致，以后各年逐年增长。"}
	c := store.DefaultCatalogue(2023)
	ms := register(f)
	var last map[string]map[string]float64
	for _, iy := range indicatorYears {
		on := day(iy.opened)
		if iy.filed != "" || iy.year < 2026 {
			on = store.NewDate(iy.year, 12, 31)
		}
		units := activeOn(ms, on)
		vals := map[string]map[string]float64{}
		for _, m := range units {
			vals[m.Name] = unitFigures(&c, m, iy.year, last, units)
		}
		if iy.year == 2023 {
			split2023(&c, units, vals)
		}
		y := demo.IndicatorYear{Year: iy.year, Opened: day(iy.opened), Filed: day(iy.filed)}
		for _, m := range units {
			if iy.year == 2026 && hash(m.Name, "2026 returned")%3 == 0 {
				continue
			}
			y.Returns = append(y.Returns, demo.UnitReturn{Unit: m.Name,
				File: fmt.Sprintf("%d年指标填报表-%s.xlsx", iy.year, m.Name), Values: vals[m.Name]})
		}
		out.Years, last = append(out.Years, y), vals
	}
	return out, checkIndicators(&c, out)
}

// register replays the member file into members with their histories.
func register(f demo.Members) []store.Member {
	now := time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC)
	var ms []store.Member
	for _, dm := range f.Members {
		m := store.Member{Name: dm.Name, Type: store.UnitType(dm.Type)}
		for _, de := range dm.Events {
			e := store.Event{Kind: store.EventKind(de.Kind), Date: de.Date, Tier: store.Tier(de.Tier),
				Basis: de.Basis, ExitKind: store.ExitKind(de.ExitKind), Reason: de.Reason}
			if err := m.AddEvent(e, now); err != nil {
				panic(err)
			}
		}
		ms = append(ms, m)
	}
	return ms
}

func activeOn(ms []store.Member, d store.Date) []*store.Member {
	var out []*store.Member
	for i := range ms {
		if ms[i].StateOn(d).Status == store.StatusActive {
			out = append(out, &ms[i])
		}
	}
	return out
}

// unitFigures are a unit's figures of the year: zeros in 2023 (split2023
// fills them), else last year's grown 5–10 %; a unit new in the year
// starts at half of another unit of its type.
func unitFigures(c *store.Catalogue, m *store.Member, year int, last map[string]map[string]float64, units []*store.Member) map[string]float64 {
	out := map[string]float64{}
	prev, factor := last[m.Name], 1.0
	if prev == nil && last != nil {
		var same []string
		for _, u := range units {
			if u.Type == m.Type && last[u.Name] != nil {
				same = append(same, u.Name)
			}
		}
		if len(same) > 0 {
			prev, factor = last[pick(same, m.Name, "like")], 0.5
		}
	}
	for _, ind := range c.Indicators {
		if !ind.AnsweredBy(m.Type) {
			continue
		}
		v := 0.0
		if prev != nil {
			f := factor * (1.05 + float64(hash(m.Name, ind.Code, fmt.Sprint(year))%6)/100)
			v = grow(prev[ind.Code], f, float64(hash(m.Name, ind.Code, fmt.Sprint(year), "u")%100)/100, ind.Kind)
		}
		out[ind.Code] = v
	}
	if n, ok := out["training_bases_national"]; ok {
		out["training_bases_national"] = math.Min(n, out["training_bases"])
	}
	return out
}

// grow is v times f, rounded up with probability u's complement: the
// group's small counts grow too, on average by f.
func grow(v, f, u float64, k store.ValueKind) float64 {
	if k == store.KindDecimal {
		return math.Floor(v*f*10+u) / 10
	}
	return math.Floor(v*f + u)
}

// split2023 splits each 2023 total among the units that answer it, by
// their type's weight, exactly (largest remainder); then one national base
// each to ten units with a base.
func split2023(c *store.Catalogue, units []*store.Member, vals map[string]map[string]float64) {
	for _, s := range shares2023 {
		ind := c.Indicator(s.code)
		scale := 1.0
		if ind.Kind == store.KindDecimal {
			scale = 10
		}
		types := s.types
		if types == nil {
			types = byDefault
		}
		var got []*store.Member
		for _, m := range units {
			if ind.AnsweredBy(m.Type) && types[string(m.Type)] > 0 {
				got = append(got, m)
			}
		}
		slices.SortStableFunc(got, func(a, b *store.Member) int { return cmpHash(a.Name, b.Name, s.code) })
		if s.k > 0 && len(got) > s.k {
			got = got[:s.k]
		}
		w := make([]float64, len(got))
		for i, m := range got {
			w[i] = types[string(m.Type)] * (1 + float64(hash(m.Name, s.code, "w")%100)/100)
		}
		for i, n := range largestRemainder(int(math.Round(s.total*scale)), w) {
			vals[got[i].Name][s.code] = float64(n) / scale
		}
	}
	var based []*store.Member
	for _, m := range units {
		if vals[m.Name]["training_bases"] >= 1 {
			based = append(based, m)
		}
	}
	slices.SortStableFunc(based, func(a, b *store.Member) int { return cmpHash(a.Name, b.Name, "national") })
	for _, m := range based[:10] {
		vals[m.Name]["training_bases_national"] = 1
	}
}

func cmpHash(a, b, key string) int {
	ha, hb := hash(a, key), hash(b, key)
	switch {
	case ha < hb:
		return -1
	case ha > hb:
		return 1
	}
	return 0
}

// largestRemainder splits total in proportion to w, in whole numbers
// that add up to it.
func largestRemainder(total int, w []float64) []int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	out, rest, given := make([]int, len(w)), make([]float64, len(w)), 0
	for i, x := range w {
		q := float64(total) * x / sum
		out[i], rest[i] = int(q), q-math.Floor(q)
		given += out[i]
	}
	order := make([]int, len(w))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rest[a] > rest[b]:
			return -1
		case rest[a] < rest[b]:
			return 1
		}
		return 0
	})
	for i := 0; given < total; i++ {
		out[order[i%len(order)]]++
		given++
	}
	return out
}

// checkIndicators checks every value against the catalogue as the
// program will, and the 2023 totals against seed 000.
func checkIndicators(c *store.Catalogue, f demo.Indicators) error {
	for _, y := range f.Years {
		for _, r := range y.Returns {
			for code, v := range r.Values {
				ind := c.Indicator(code)
				if ind == nil || ind.CheckValue(v) != nil {
					return fmt.Errorf("%d %s: %s = %v", y.Year, r.Unit, code, v)
				}
			}
			if r.Values["training_bases_national"] > r.Values["training_bases"] {
				return fmt.Errorf("%d %s: more national bases than bases", y.Year, r.Unit)
			}
		}
	}
	var uvs []store.UnitValues
	for _, r := range f.Years[0].Returns {
		uvs = append(uvs, store.UnitValues{Values: r.Values})
	}
	got := store.GroupValues(c, nil, uvs)
	for code, want := range seed2023 {
		if got[code] != want {
			return fmt.Errorf("2023 %s: %v, seed 000 says %v", code, got[code], want)
		}
	}
	return nil
}
