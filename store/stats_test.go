package store

import "testing"

// smallGroup is four units with a few years of history.
func smallGroup(t *testing.T) []Member {
	t.Helper()
	a := Member{Name: "甲职业学院", Type: "高职院校", City: "潍坊"}
	mustAdd(t, &a, Event{Kind: EventJoin, Date: d("2018-03-01"), Tier: "理事长单位"})
	b := Member{Name: "乙化工有限公司", Type: "企业", City: "东营"}
	mustAdd(t, &b, Event{Kind: EventJoin, Date: d("2019-05-01"), Tier: "理事单位"})
	mustAdd(t, &b, Event{Kind: EventExit, Date: d("2023-04-01"), ExitKind: "自愿退出"})
	c := Member{Name: "丙化工有限公司", Type: "企业", City: "潍坊"}
	mustAdd(t, &c, Event{Kind: EventJoin, Date: d("2023-06-01"), Tier: "成员单位"})
	mustAdd(t, &c, Event{Kind: EventTier, Date: d("2024-01-10"), Tier: "理事单位"})
	e := Member{Name: "丁协会", Type: "行业协会"}
	mustAdd(t, &e, Event{Kind: EventApply, Date: d("2024-02-01")})
	return []Member{a, b, c, e}
}

func TestComputeStats(t *testing.T) {
	ms := smallGroup(t)
	s := ComputeStats(ms, Date{}, d("2023-12-31"))
	if s.Since.String() != "2023-01-01" || s.Total != 2 || s.Joined != 1 || s.Left != 1 {
		t.Fatalf("2023: %+v", s)
	}
	if s.ByType["企业"] != 1 || s.ByType["高职院校"] != 1 || len(s.ByType) != 2 {
		t.Errorf("by type %v", s.ByType)
	}
	if s.ByCity["潍坊"] != 2 || len(s.ByCity) != 1 {
		t.Errorf("by city %v", s.ByCity)
	}
	past := ComputeStats(ms, d("2019-01-01"), d("2020-01-01"))
	if past.Total != 2 || past.Joined != 1 || past.Left != 0 || past.ByType["企业"] != 1 {
		t.Errorf("2019: %+v", past)
	}
	if tiers := CountByTier(ms, d("2024-06-01")); tiers["理事单位"] != 1 || tiers["理事长单位"] != 1 || len(tiers) != 2 {
		t.Errorf("tiers %v", tiers)
	}
}

func TestRegisterOrderAndDate(t *testing.T) {
	ms := smallGroup(t)
	reg := Register(ms, d("2023-12-31"))
	if len(reg) != 2 || reg[0].Member.Name != "甲职业学院" || reg[1].Member.Name != "丙化工有限公司" {
		t.Fatalf("register %v", names(reg))
	}
	if reg[1].State.Tier != "成员单位" {
		t.Errorf("tier as of 2023 is %s", reg[1].State.Tier)
	}
	if reg := Register(ms, d("2024-06-01")); reg[1].State.Tier != "理事单位" {
		t.Errorf("tier after change is %s", reg[1].State.Tier)
	}
}

func names(reg []RegisterEntry) []string {
	var out []string
	for _, e := range reg {
		out = append(out, e.Member.Name)
	}
	return out
}
