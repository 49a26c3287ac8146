package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// AnnualReport is the data chapter of a year's work report (年度工作报告
// 数据篇): the paragraphs a clerk types by hand today, written from the
// year's figures, and the tables behind them. Every paragraph may be
// edited before it is printed; the wording lives here, once.
type AnnualReport struct {
	Year       int
	Title      string
	Paragraphs []ReportParagraph
	Tables     []ReportTable
}

// ReportParagraph is a heading and its text.
type ReportParagraph struct {
	Heading, Text string
}

// ReportTable is a table of the report: a title, a header row and rows.
type ReportTable struct {
	Title  string
	Header []string
	Rows   [][]string
}

// BuildAnnualReport writes the year's data chapter from the catalogue, the
// group's values (computed and summed, GroupValues) and the records: the
// member paragraph in the work report's own form, the meetings held, the
// tasks supervised and done, and one sentence per group of collected
// figures.
func BuildAnnualReport(c *Catalogue, group map[string]float64, d IndicatorData, s Settings) AnnualReport {
	r := AnnualReport{Year: c.Year, Title: fmt.Sprintf("%s%d年度工作报告（数据篇）", cmp.Or(CleanText(s.GroupName), DefaultGroupName), c.Year)}
	end := NewDate(c.Year, 12, 31)
	stats := ComputeStats(d.Members, Date{}, end)
	r.Paragraphs = append(r.Paragraphs, ReportParagraph{"成员单位", MemberParagraph(stats, d.Members, s)})
	// A year before the program recorded meetings and tasks has no
	// sentence of zeros.
	if group["meetings_all"] > 0 || group["tasks_total"] > 0 {
		r.Paragraphs = append(r.Paragraphs, ReportParagraph{"运行机制", meetingsParagraph(c.Year, group)})
	}
	for _, g := range collectedGroups(c) {
		if text := figuresSentence(c, g, group); text != "" {
			r.Paragraphs = append(r.Paragraphs, ReportParagraph{g.name, text})
		}
	}
	// Headings are numbered in order, whatever numbers the catalogue's
	// group names carry.
	for i := range r.Paragraphs {
		h := r.Paragraphs[i].Heading
		if _, name, ok := strings.Cut(h, "、"); ok {
			h = name
		}
		r.Paragraphs[i].Heading = ChineseNumber(i+1) + "、" + h
	}
	r.Tables = append(r.Tables, memberTable(stats), indicatorTable(c, group))
	return r
}

// MemberParagraph is the seed-000 sentence: "依据《章程》中关于会员加盟与退出
// 机制要求，新增成员单位3家，退出成员1家，现有成员单位81家，其中，政府部门1家、
// 企业单位47家、本科院校3所…。成员单位覆盖山东省潍坊、烟台、东营等10个地市和
// 河南、湖南等省市。"
func MemberParagraph(st Stats, members []Member, s Settings) string {
	var parts []string
	for _, t := range UnitTypes {
		if n := st.ByType[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d%s", unitTypeWord(t), n, unitTypeMeasure(t)))
		}
	}
	text := fmt.Sprintf("依据《%s章程》中关于会员加盟与退出机制要求，新增成员单位%d家，退出成员%d家，现有成员单位%d家",
		cmp.Or(CleanText(s.GroupName), DefaultGroupName), st.Joined, st.Left, st.Total)
	if len(parts) > 0 {
		text += "，其中，" + strings.Join(parts, "、")
	}
	text += "。"
	home, cities, others := places(members, st.AsOf)
	if len(cities) > 0 {
		text += fmt.Sprintf("成员单位覆盖%s%s等%d个地市", home, strings.Join(firstN(cities, 3), "、"), len(cities))
		if len(others) > 0 {
			text += "和" + strings.Join(firstN(others, 4), "、") + "等省市"
		}
		text += "。"
	}
	return text
}

// unitTypeWord is how the report names a type: 企业 as 企业单位.
func unitTypeWord(t UnitType) string {
	if t == "企业" {
		return "企业单位"
	}
	return string(t)
}

// unitTypeMeasure counts schools in 所, the others in 家.
func unitTypeMeasure(t UnitType) string {
	if strings.HasSuffix(string(t), "院校") || strings.HasSuffix(string(t), "学校") {
		return "所"
	}
	return "家"
}

// places are the province most members are in, its cities by number of
// members (city names without 市), and the other provinces.
func places(members []Member, asOf Date) (home string, cities, others []string) {
	byProv, byCity := map[string]int{}, map[string]map[string]int{}
	for i := range members {
		m := &members[i]
		if m.StateOn(asOf).Status != StatusActive || m.Province == "" {
			continue
		}
		byProv[m.Province]++
		if byCity[m.Province] == nil {
			byCity[m.Province] = map[string]int{}
		}
		if m.City != "" {
			byCity[m.Province][strings.TrimSuffix(m.City, "市")]++
		}
	}
	provs := rankKeys(byProv)
	if len(provs) == 0 {
		return "", nil, nil
	}
	home = provs[0]
	return home, rankKeys(byCity[home]), trimProvinces(provs[1:])
}

func trimProvinces(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = strings.TrimSuffix(strings.TrimSuffix(p, "省"), "市")
	}
	return out
}

// rankKeys are the keys by count, most first, then by name.
func rankKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b)) })
	return keys
}

func firstN(s []string, n int) []string { return s[:min(n, len(s))] }

// meetingsParagraph says the year's meetings and supervision in figures.
func meetingsParagraph(year int, g map[string]float64) string {
	n := func(code string) string { return strconv.FormatFloat(g[code], 'f', -1, 64) }
	return fmt.Sprintf("%d年集团召开各类会议%s次，其中理事会%s次、常务理事会%s次、工作委员会会议%s次、联席会议%s次、季度调度会%s次；"+
		"会议形成议定事项%s项，已办结%s项。全年督查任务%s项，办结销号%s项，逾期未办结%s项，形成督查记录%s条。",
		year, n("meetings_all"), n("meetings_council"), n("meetings_standing"), n("meetings_committee"), n("meetings_joint"),
		n("meetings_dispatch"), n("agreed_items"), n("agreed_items_done"), n("tasks_total"), n("tasks_closed"),
		n("tasks_overdue"), n("inspections"))
}

type indicatorGroup struct {
	name  string
	codes []string
}

// collectedGroups are the catalogue's groups of collected indicators, in
// catalogue order.
func collectedGroups(c *Catalogue) []indicatorGroup {
	var out []indicatorGroup
	for _, ind := range c.Indicators {
		if ind.Source != SourceCollected {
			continue
		}
		if len(out) == 0 || out[len(out)-1].name != ind.Group {
			out = append(out, indicatorGroup{name: ind.Group})
		}
		out[len(out)-1].codes = append(out[len(out)-1].codes, ind.Code)
	}
	return out
}

// figuresSentence is one group's figures in the report's form: "2023年集团
// 共建共享实训基地32个（其中国家级10个），承接培养培训项目30个…。" Figures
// not collected are left out.
func figuresSentence(c *Catalogue, g indicatorGroup, values map[string]float64) string {
	var parts []string
	for _, code := range g.codes {
		ind := c.Indicator(code)
		v, ok := values[code]
		if !ok || ind.Of != "" {
			continue
		}
		part := figure(ind, v)
		for _, sub := range g.codes {
			if si := c.Indicator(sub); si.Of == code {
				if sv, ok := values[sub]; ok {
					part += "（" + figure(si, sv) + "）"
				}
			}
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%d年集团%s。", c.Year, strings.Join(parts, "，"))
}

func figure(ind *Indicator, v float64) string {
	name := strings.TrimPrefix(ind.Name, "其中：")
	if strings.HasPrefix(ind.Name, "其中：") {
		name = "其中" + name
	}
	return name + strconv.FormatFloat(v, 'f', -1, 64) + ind.Unit
}

func memberTable(st Stats) ReportTable {
	t := ReportTable{Title: "成员单位构成", Header: []string{"单位类型", "数量", "占比"}}
	for _, ut := range UnitTypes {
		if n := st.ByType[ut]; n > 0 {
			t.Rows = append(t.Rows, []string{unitTypeWord(ut), strconv.Itoa(n) + unitTypeMeasure(ut), share(n, st.Total)})
		}
	}
	t.Rows = append(t.Rows, []string{"合计", strconv.Itoa(st.Total) + "家", "100%"})
	return t
}

func share(n, total int) string {
	if total == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(n)*100/float64(total), 'f', 1, 64) + "%"
}

func indicatorTable(c *Catalogue, g map[string]float64) ReportTable {
	t := ReportTable{Title: "主要指标", Header: []string{"指标", "计量单位", "数值"}}
	for _, ind := range c.Indicators {
		if v, ok := g[ind.Code]; ok {
			t.Rows = append(t.Rows, []string{ind.Name, ind.Unit, strconv.FormatFloat(v, 'f', -1, 64)})
		}
	}
	return t
}
