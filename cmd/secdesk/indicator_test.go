package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// rawReturns are the demo's returns of a year by unit, as the tests read
// the indicator file without package store/demo.
func rawReturns(t *testing.T, year int) map[string]map[string]float64 {
	t.Helper()
	b, err := os.ReadFile("../../testdata/demo/indicators.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Years []struct {
			Year    int `json:"year"`
			Returns []struct {
				Unit   string             `json:"unit"`
				Values map[string]float64 `json:"values"`
			} `json:"returns"`
		} `json:"years"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]float64{}
	for _, y := range f.Years {
		for _, r := range y.Returns {
			if y.Year == year {
				out[r.Unit] = r.Values
			}
		}
	}
	return out
}

// aCollege is a unit of the demo's returns of year that answers
// dual_teacher_training (the colleges do).
func aCollege(t *testing.T, year int) (string, float64) {
	t.Helper()
	best := ""
	for unit, vs := range rawReturns(t, year) {
		if _, ok := vs["dual_teacher_training"]; ok && (best == "" || unit < best) {
			best = unit
		}
	}
	if best == "" {
		t.Fatal("no college in the demo's returns")
	}
	return best, rawReturns(t, year)[best]["dual_teacher_training"]
}

func valuesJSON(t *testing.T, db string, year int) map[string]float64 {
	t.Helper()
	r := mustRun(t, "indicators", "values", "--year", strconv.Itoa(year), "--json", "--db", db)
	var got map[string]float64
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("indicators values --json printed %q: %v", r.stdout, err)
	}
	return got
}

// The 2023 figures are the seed-000 report's; the computed ones equal
// `stats` as of 31 December.
func TestIndicatorValues2023(t *testing.T) {
	db := demoDB(t)
	got := valuesJSON(t, db, 2023)
	for code, want := range map[string]float64{"training_bases": 32, "training_bases_national": 10, "training_person_days": 65324,
		"skill_certification": 9500, "part_time_hours": 34128, "contest_gold": 69, "contest_silver": 132,
		"foreign_students": 232, "integration_companies": 2, "joint_students": 5400} {
		if got[code] != want {
			t.Errorf("2023 %s = %v, the report says %v", code, got[code], want)
		}
	}
	st := statsJSON(t, db, "--as-of", "2023-12-31")
	if got["members_total"] != st["total"].(float64) {
		t.Errorf("members_total %v, stats says %v", got["members_total"], st["total"])
	}
	table := mustRun(t, "indicators", "values", "--year", "2023", "--db", db).stdout
	if !strings.Contains(table, "training_person_days\t培养师生和企业职工\t65324\t人日\t成员单位填报\n") || !strings.Contains(table, "已于2024年3月15日报送") {
		t.Errorf("values table:\n%s", table)
	}
}

func TestIndicatorCatalogue(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "indicators", "catalogue", "--year", "2025", "--json", "--db", db)
	var cat struct {
		Year, Version int
		Filed         string
		Indicators    []struct {
			Code, Name, Unit, Source, Kind, Group string
			Answer                                []string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &cat); err != nil || r.stderr != "" {
		t.Fatalf("catalogue --json %q, stderr %q: %v", r.stdout, r.stderr, err)
	}
	if cat.Year != 2025 || cat.Version != 1 || cat.Filed != "" || len(cat.Indicators) < 50 {
		t.Errorf("2025 catalogue %d v%d filed %q, %d indicators", cat.Year, cat.Version, cat.Filed, len(cat.Indicators))
	}
	for _, ind := range cat.Indicators {
		if ind.Code == "dual_teacher_training" && (ind.Source != "collected" || ind.Unit != "人次" || len(ind.Answer) != 4) ||
			ind.Code == "members_total" && (ind.Source != "computed" || len(ind.Answer) != 0 || ind.Group != "一、成员单位") {
			t.Errorf("%+v", ind)
		}
	}
	if r := mustRun(t, "indicators", "catalogue", "--year", "2023", "--db", db); !strings.Contains(r.stdout, "已于2024年3月15日报送") ||
		!strings.Contains(r.stdout, "dual_teacher_training\t双师培训\t人次\t成员单位填报\t本科院校、高职院校、中职学校、技工院校\n") ||
		!strings.Contains(r.stdout, "training_bases\t共建共享实训基地\t个\t成员单位填报\t全部\n") {
		t.Errorf("2023 catalogue:\n%s", r.stdout)
	}
	first := mustRun(t, "indicators", "catalogue", "--year", "2027", "--db", db)
	again := mustRun(t, "indicators", "catalogue", "--year", "2027", "--db", db)
	if !strings.Contains(first.stderr, "2027年还没有指标目录，已新建") || again.stderr != "" || first.stdout != again.stdout {
		t.Errorf("2027 started: %q, then %q", first.stderr, again.stderr)
	}
}

// A typed value changes the group's sum, kept on reopening; "" clears
// it; a filed year refuses.
func TestIndicatorSet(t *testing.T) {
	db := demoDB(t)
	unit, was := aCollege(t, 2025)
	before := valuesJSON(t, db, 2025)["dual_teacher_training"]
	r := mustRun(t, "indicators", "set", "--year", "2025", "--unit", unit, "--code", "dual_teacher_training", "--value", strconv.FormatFloat(was+7, 'f', -1, 64), "--db", db)
	if !strings.Contains(r.stdout, unit) {
		t.Errorf("set printed %q", r.stdout)
	}
	if got := valuesJSON(t, db, 2025)["dual_teacher_training"]; got != before+7 {
		t.Errorf("after +7: %v, before %v", got, before)
	}
	mustRun(t, "indicators", "set", "--year", "2025", "--unit", unit, "--code", "dual_teacher_training", "--value", "", "--db", db)
	if got := valuesJSON(t, db, 2025)["dual_teacher_training"]; got != before-was {
		t.Errorf("after clearing: %v, want %v", got, before-was)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--year", "2023", "--unit", unit, "--code", "dual_teacher_training", "--value", "1"}, 1, "已报送"},
		{[]string{"--year", "2025", "--unit", "没有这个单位", "--code", "dual_teacher_training", "--value", "1"}, 1, "找不到成员单位"},
		{[]string{"--year", "2025", "--unit", unit, "--code", "company_teachers", "--value", "1"}, 1, "该单位不填报此项指标"},
		{[]string{"--year", "2025", "--unit", unit, "--code", "dual_teacher_training", "--value", "1.5"}, 1, "应为整数"},
		{[]string{"--year", "2025", "--unit", unit, "--code", "dual_teacher_training", "--value", "1500余"}, 2, "应为数字"},
		{[]string{"--year", "2025", "--unit", unit, "--code", "dual_teacher_training"}, 2, "缺少 --value"},
		{[]string{"--unit", unit, "--code", "dual_teacher_training", "--value", "1"}, 2, "缺少 --year"},
	} {
		r := runCLI(t, append(append([]string{"indicators", "set"}, c.args...), "--db", db)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, r.code, r.stderr)
		}
	}
}

// Filing freezes the year: set is refused after it.
func TestIndicatorFile(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "indicators", "file", "--year", "2025", "--date", "2026-03-20", "--db", db)
	if !strings.Contains(r.stdout, "已于2026年3月20日报送") {
		t.Errorf("file printed %q", r.stdout)
	}
	unit, _ := aCollege(t, 2025)
	if r := runCLI(t, "indicators", "set", "--year", "2025", "--unit", unit, "--code", "dual_teacher_training", "--value", "1", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "已报送") {
		t.Errorf("set after filing: exit %d, %q", r.code, r.stderr)
	}
	if r := runCLI(t, "indicators", "file", "--year", "2025", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "已报送") {
		t.Errorf("filed twice: exit %d, %q", r.code, r.stderr)
	}
	if r := runCLI(t, "indicators", "file", "--year", "2030", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "2030年还没有指标目录") {
		t.Errorf("file without catalogue: exit %d, %q", r.code, r.stderr)
	}
}

func TestReportData(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "数据篇.docx")
	r := mustRun(t, "report", "data", "--year", "2023", "--out", out, "--db", db)
	if !strings.Contains(r.stdout, out) {
		t.Errorf("report data printed %q", r.stdout)
	}
	text := docText(t, out)
	for _, want := range []string{"潍海市化工职业教育集团2023年度工作报告（数据篇）", "现有成员单位81家", "65324", "9500"} {
		if !strings.Contains(text, want) {
			t.Errorf("the data chapter has no %q", want)
		}
	}
	for _, c := range [][]string{{"report"}, {"report", "nope"}, {"report", "data", "--year", "2023"}} {
		if r := runCLI(t, append(c, "--db", db)...); r.code != 2 {
			t.Errorf("%v: exit %d", c, r.code)
		}
	}
}

// TestIndicatorCloseRound: close-round ends the demo's open 2026 round;
// a second run has nothing to end and says so.
func TestIndicatorCloseRound(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "indicators", "close-round", "--year", "2026", "--date", "2026-12-01", "--db", db)
	if !strings.Contains(r.stdout, "已结束2026年的1轮指标填报（2026年12月1日）") {
		t.Fatalf("stdout %q", r.stdout)
	}
	r = runCLI(t, "indicators", "close-round", "--year", "2026", "--db", db)
	if r.code != exitFailed || !strings.Contains(r.stderr, "2026年没有进行中的指标填报") {
		t.Fatalf("second close: %d %q", r.code, r.stderr)
	}
}
