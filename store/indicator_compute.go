package store

import (
	"cmp"
	"math"
)

// IndicatorData is what the computed indicators are computed from: every
// record of the kinds they count, as the store returns them.
type IndicatorData struct {
	Members  []Member
	Meetings []Meeting
	Tasks    []Task
}

// computeRules are the computed indicators by code. Each reads the data as
// of 31 December of the year from their dated histories, so a past year's
// figures do not move when later years change the records; and each uses
// the rule the program's own views use (ComputeStats, the meeting list,
// the 督查台账), so the figures equal what `secdesk stats`, the meeting
// ledger and the task ledger give for that date.
var computeRules = map[string]func(d *yearData) float64{}

func init() {
	byType := func(t UnitType) func(d *yearData) float64 {
		return func(d *yearData) float64 { return float64(d.stats.ByType[t]) }
	}
	for code, t := range map[string]UnitType{"members_government": "政府部门", "members_company": "企业",
		"members_university": "本科院校", "members_higher_vocational": "高职院校", "members_secondary_vocational": "中职学校",
		"members_technician": "技工院校", "members_association": "行业协会", "members_research": "科研院所", "members_other": "其他"} {
		computeRules[code] = byType(t)
	}
	computeRules["members_total"] = func(d *yearData) float64 { return float64(d.stats.Total) }
	computeRules["members_joined"] = func(d *yearData) float64 { return float64(d.stats.Joined) }
	computeRules["members_left"] = func(d *yearData) float64 { return float64(d.stats.Left) }
	computeRules["company_share"] = func(d *yearData) float64 {
		if d.stats.Total == 0 {
			return 0
		}
		return math.Round(float64(d.stats.ByType["企业"])*1000/float64(d.stats.Total)) / 10
	}
	computeRules["vocational_colleges"] = func(d *yearData) float64 {
		s := d.stats.ByType
		return float64(s["高职院校"] + s["中职学校"] + s["技工院校"])
	}
	computeRules["cities"] = func(d *yearData) float64 { return float64(len(d.places(func(m *Member) string { return m.City }))) }
	computeRules["provinces"] = func(d *yearData) float64 {
		return float64(len(d.places(func(m *Member) string { return m.Province })))
	}
	for code, kind := range map[string]string{"meetings_council": "理事会", "meetings_standing": "常务理事会",
		"meetings_committee": "工作委员会会议", "meetings_joint": "联席会议", "meetings_dispatch": "季度调度会", "meetings_all": ""} {
		computeRules[code] = func(d *yearData) float64 { return float64(d.heldMeetings(kind)) }
	}
	computeRules["agreed_items"] = func(d *yearData) float64 { n, _ := d.items(); return float64(n) }
	computeRules["agreed_items_done"] = func(d *yearData) float64 { _, done := d.items(); return float64(done) }
	computeRules["tasks_total"] = func(d *yearData) float64 { return float64(len(d.ledger.Rows)) }
	computeRules["tasks_closed"] = func(d *yearData) float64 { return float64(d.ledger.Summarize().Buckets[BucketDone]) }
	computeRules["tasks_overdue"] = func(d *yearData) float64 { return float64(d.ledger.Summarize().Overdue) }
	computeRules["inspections"] = func(d *yearData) float64 {
		n := 0
		for i := range d.Tasks {
			for _, in := range d.Tasks[i].Inspections {
				if RoundStart(in.Round).Year() == d.year {
					n++
				}
			}
		}
		return float64(n)
	}
}

// ComputedCodes are the codes the program can compute.
func ComputedCodes() []string {
	var out []string
	for _, ind := range DefaultCatalogue(2000).Indicators {
		if ind.Source == SourceComputed {
			out = append(out, ind.Code)
		}
	}
	return out
}

// yearData is IndicatorData with the year's derived views made once.
type yearData struct {
	IndicatorData
	year   int
	end    Date
	stats  Stats
	ledger Ledger
}

// ComputeIndicators computes every computed indicator of the catalogue for
// its year, as of 31 December; today bounds the task ledger for the year
// in progress.
func ComputeIndicators(c *Catalogue, d IndicatorData, today Date) map[string]float64 {
	end := NewDate(c.Year, 12, 31)
	yd := &yearData{IndicatorData: d, year: c.Year, end: end, stats: ComputeStats(d.Members, Date{}, end),
		ledger: BuildLedger(d.Tasks, Round(end), today, FlagRules{})}
	out := map[string]float64{}
	for _, ind := range c.Indicators {
		if rule := computeRules[ind.Code]; ind.Source == SourceComputed && rule != nil {
			out[ind.Code] = rule(yd)
		}
	}
	return out
}

// places are the distinct cities (or provinces) of the members in the
// register at the year's end; a member without one is not counted.
func (d *yearData) places(of func(*Member) string) map[string]bool {
	out := map[string]bool{}
	for i := range d.Members {
		if m := &d.Members[i]; m.StateOn(d.end).Status == StatusActive && of(m) != "" {
			out[of(m)] = true
		}
	}
	return out
}

// heldMeetings counts the meetings of kind ("" every kind) held in the
// year (not cancelled, dated in it, by today).
func (d *yearData) heldMeetings(kind string) int {
	n := 0
	for i := range d.Meetings {
		m := &d.Meetings[i]
		if m.Date.Year() == d.year && m.Status == MeetingHeld && cmp.Or(kind, m.Kind) == m.Kind {
			n++
		}
	}
	return n
}

// items counts the agreed items of the year's held meetings, and those
// done by the year's end.
func (d *yearData) items() (n, done int) {
	for i := range d.Meetings {
		m := &d.Meetings[i]
		if m.Date.Year() != d.year || m.Status != MeetingHeld {
			continue
		}
		for _, it := range m.Items {
			n++
			if !it.Done.IsZero() && !it.Done.After(d.end) {
				done++
			}
		}
	}
	return n, done
}
