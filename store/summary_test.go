package store

import (
	"slices"
	"testing"
	"time"
)

// seedStats are the figures of the seed-000 report, with a type the list
// does not know (an old file's) and cities.
func seedStats() Stats {
	return Stats{AsOf: NewDate(2023, 11, 28), Since: NewDate(2023, 1, 1), Total: 82, Joined: 3, Left: 1,
		ByType: map[UnitType]int{"政府部门": 1, "企业": 47, "本科院校": 3, "高职院校": 17, "中职学校": 10, "行业协会": 2, "科研院所": 1, "事业单位": 1},
		ByCity: map[string]int{"潍坊": 60, "烟台": 8, "东营": 8, NoCity: 6}}
}

func TestTypeCounts(t *testing.T) {
	got := seedStats().TypeCounts()
	want := []TypeCount{
		{"政府部门", 1, "家"}, {"企业", 47, "家"}, {"本科院校", 3, "所"}, {"高职院校", 17, "所"}, {"中职学校", 10, "所"},
		{"技工院校", 0, "所"}, {"普通学校", 0, "所"}, {"行业协会", 2, "家"}, {"科研院所", 1, "家"}, {"其他", 0, "家"},
		{"事业单位", 1, "家"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("TypeCounts\n got %v\nwant %v", got, want)
	}
	held := seedStats().HeldTypeCounts()
	if len(held) != 8 || held[5] != (TypeCount{"行业协会", 2, "家"}) || held[7].Type != "事业单位" {
		t.Errorf("HeldTypeCounts %v", held)
	}
	if got := (Stats{}).TypeCounts(); len(got) != len(UnitTypes) || got[0] != (TypeCount{"政府部门", 0, "家"}) {
		t.Errorf("empty TypeCounts %v", got)
	}
}

func TestCityCounts(t *testing.T) {
	got := seedStats().CityCounts()
	want := []CityCount{{"潍坊", 60}, {"东营", 8}, {"烟台", 8}, {NoCity, 6}}
	if !slices.Equal(got, want) {
		t.Errorf("CityCounts %v, want %v", got, want)
	}
}

func TestStatsSentence(t *testing.T) {
	s := seedStats()
	wantStructure := "现有成员单位 82 家，其中政府部门 1 家、企业 47 家、本科院校 3 所、高职院校 17 所、中职学校 10 所、" +
		"行业协会 2 家、科研院所 1 家、事业单位 1 家"
	if got := s.Structure(); got != wantStructure {
		t.Errorf("Structure\n got %q\nwant %q", got, wantStructure)
	}
	want := "统计期间 2023年1月1日至2023年11月28日，新增成员单位 3 家，退出成员 1 家，" + wantStructure + "。"
	if got := s.Sentence(); got != want {
		t.Errorf("Sentence\n got %q\nwant %q", got, want)
	}
	empty := ComputeStats(nil, Date{}, NewDate(2024, 3, 1))
	want = "统计期间 2024年1月1日至2024年3月1日，新增成员单位 0 家，退出成员 0 家，现有成员单位 0 家。"
	if got := empty.Sentence(); got != want {
		t.Errorf("empty Sentence %q", got)
	}
}

func TestMeasureWord(t *testing.T) {
	for typ, want := range map[UnitType]string{"本科院校": "所", "技工院校": "所", "中职学校": "所", "普通学校": "所",
		"企业": "家", "科研院所": "家", "政府部门": "家", "": "家"} {
		if got := MeasureWord(typ); got != want {
			t.Errorf("MeasureWord(%q) = %q, want %q", typ, got, want)
		}
	}
}

func TestDashboardCounts(t *testing.T) {
	ms := smallGroup(t)
	if n := CountApplied(ms, d("2024-02-01")); n != 1 {
		t.Errorf("applied on 2024-02-01: %d", n)
	}
	if n := CountApplied(ms, d("2024-01-31")); n != 0 {
		t.Errorf("applied on 2024-01-31: %d", n)
	}
	// 丁协会's application on 2024-02-01 is not a change.
	got := RecentChanges(ms, d("2023-04-01"), d("2024-02-01"))
	var lines []string
	for _, c := range got {
		lines = append(lines, c.Unit+" "+string(c.Event.Kind)+" "+c.Event.Date.String())
	}
	want := []string{"丙化工有限公司 类别变更 2024-01-10", "丙化工有限公司 批准加入 2023-06-01", "乙化工有限公司 退出 2023-04-01"}
	if !slices.Equal(lines, want) {
		t.Errorf("RecentChanges\n got %q\nwant %q", lines, want)
	}
	if got[0].MemberID != ms[2].ID {
		t.Errorf("change names member %v, want %v", got[0].MemberID, ms[2].ID)
	}
	// Two changes on one day: the one recorded last first, then by name.
	a, b := Member{Name: "甲"}, Member{Name: "乙"}
	now := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	mustAddAt(t, &a, Event{Kind: EventJoin, Date: d("2024-05-01"), Tier: "成员单位"}, now)
	mustAddAt(t, &b, Event{Kind: EventJoin, Date: d("2024-05-01"), Tier: "成员单位"}, now.Add(time.Minute))
	got = RecentChanges([]Member{a, b}, d("2024-05-01"), d("2024-05-01"))
	if len(got) != 2 || got[0].Unit != "乙" || got[1].Unit != "甲" {
		t.Errorf("same day: %+v", got)
	}
}

func mustAddAt(t *testing.T, m *Member, e Event, now time.Time) {
	t.Helper()
	if err := m.AddEvent(e, now); err != nil {
		t.Fatal(err)
	}
}

func TestImportSummary(t *testing.T) {
	existing := smallGroup(t)
	existing[0].CreditCode = "91512081MA62K0260E"
	good := row(2, "新单位有限公司", "", "企业")
	good.Member.Phone = "12345" // a warning
	rows := []ImportRow{
		good,
		row(3, "乙化工 有限公司", "", "企业"),
		row(4, "甲职业学院（更名）", "91512081MA62K0260E", "高职院校"),
		row(5, "", "", "企业"),
		row(6, "新单位 有限公司", "", "企业"),
	}
	got := PlanImport(existing, rows, testNow).Summary()
	want := ImportSummary{Rows: 5, New: 1, Updated: 1, Unchanged: 1, Warnings: 1, Errors: 2}
	if got != want {
		t.Errorf("Summary %+v, want %+v", got, want)
	}
}

func TestRosterPlanSummary(t *testing.T) {
	f := newCouncil(t)
	rows := []RosterImportRow{
		{Row: 3, Position: "副理事长", Name: "李建华", Unit: "区委宣传部", Title: "部长"},
		{Row: 4, Position: "副理事长", Name: "赵立成", Unit: "甲 职业学院", Title: "党委书记"},
		{Row: 6, Position: "理事长", Name: "张 成刚", Unit: "甲职业学院", Title: "副校长"},
		{Row: 7, Position: "顾问", Name: "韩峰", Unit: "中国石油化工集团有限公司齐鲁分公司"},
		{Row: 8, Position: "理事", Name: " ", Unit: "某公司"},
		{Row: 13, Position: "", Name: "孙贤才"},
	}
	got := PlanRosterImport(f.body, f.people(), f.members(), rows, DefaultPositions, rosterNow).Summary()
	want := RosterPlanSummary{Rows: 6, Seats: 3, Unchanged: 1, Errors: 2, Warned: 1, NewPeople: 2}
	if got != want {
		t.Errorf("Summary %+v, want %+v", got, want)
	}
}

func TestRosterHasUnitSeats(t *testing.T) {
	f := newCouncil(t)
	r := BuildRoster(&f.body, d("2020-06-01"), f.dir())
	if !r.HasUnitSeats() {
		t.Error("the council has 乙's seat")
	}
	r = BuildRoster(&f.body, d("2020-02-01"), f.dir()) // before 乙's seat began
	if r.HasUnitSeats() || len(r.Lines()) != 1 {
		t.Errorf("only the chair on 2020-02-01: %v", rosterText(r))
	}
}
