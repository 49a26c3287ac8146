package xlsx

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// sendBack copies a template into dir under name, as a unit returns it,
// with text cells and number cells set.
func sendBack(t *testing.T, src, dir, name string, text map[string]string, nums map[string]float64) string {
	t.Helper()
	data, err := os.ReadFile(src)
	must(t, err)
	path := filepath.Join(dir, name)
	must(t, os.WriteFile(path, data, 0o644))
	if len(text) > 0 {
		xlsxtest.SetCells(t, path, IndicatorSheet, text)
	}
	if len(nums) > 0 {
		xlsxtest.SetNumbers(t, path, IndicatorSheet, nums)
	}
	return path
}

// changes are a plan file's changes as code=value.
func changes(pf store.ReturnPlanFile) map[string]float64 {
	out := map[string]float64{}
	for _, c := range pf.Changes {
		out[c.Code] = *c.To
	}
	return out
}

func TestReturnsRoundTrip(t *testing.T) {
	c := indCatalogue(t, 2026)
	sent := templates(t, c)
	dir := t.TempDir()
	// The college types numbers, pastes "1,500" and "30" as text; the
	// company fills two cells; the association writes 约30.
	sendBack(t, sent[0], dir, "潍坊职业学院.xlsx", map[string]string{"F8": "1,500", "F9": "30", "G8": "含线上"},
		map[string]float64{"F6": 15, "F7": 3, "F29": 420.75})
	sendBack(t, sent[1], dir, "化工.xlsx", nil, map[string]float64{"F6": 4, "F21": 120.5})
	sendBack(t, sent[2], dir, "协会.xlsx", map[string]string{"F6": "约30"}, map[string]float64{"F7": 1})
	must(t, os.WriteFile(filepath.Join(dir, "~$潍坊职业学院.xlsx"), []byte("lock"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "说明.docx"), []byte("x"), 0o644))
	must(t, os.Mkdir(filepath.Join(dir, "旧.xlsx"), 0o755))
	other, err := os.ReadFile(xlsxtest.WriteSheet(t, [][]string{{"序号", "指标名称", "数值"}, {"1", "实训基地", "3"}}))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dir, "汇总.xlsx"), other, 0o644))

	var calls [][2]int
	files, errs := ReadReturns(dir, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if len(errs) != 1 || !errors.Is(errs[0], ErrNotIndicatorTemplate) || errs[0].Error() != "「汇总.xlsx」不是本程序导出的指标填报表" {
		t.Errorf("errors %v", errs)
	}
	if want := [][2]int{{1, 4}, {2, 4}, {3, 4}, {4, 4}}; !slices.Equal(calls, want) {
		t.Errorf("progress %v, want %v", calls, want)
	}
	if len(files) != 3 {
		t.Fatalf("%d files", len(files))
	}
	// ReadDir's order: 化工, 协会, 潍坊 (by bytes)
	college := files[slices.IndexFunc(files, func(f store.ReturnFile) bool { return f.File == "潍坊职业学院.xlsx" })]
	if college.Year != 2026 || college.RoundID != indRound || college.MemberID != indCollege || college.Unit != "潍坊职业学院" ||
		len(college.Values) != 24 || college.Values["training_projects"] == nil || *college.Values["training_projects"] != 1500 ||
		college.Values["joint_courses"] != nil || len(college.Errors) != 0 {
		t.Errorf("college read as %+v", college)
	}
	p := store.PlanReturns(c, indRoundOf(c), indMembers(), nil, indLastYear(), files)
	want := map[string]map[string]float64{
		"潍坊职业学院.xlsx": {"training_bases": 15, "training_bases_national": 3, "training_projects": 1500,
			"training_person_days": 30, "tech_service_income": 420.75},
		"化工.xlsx": {"training_bases": 4, "donated_equipment": 120.5},
	}
	for _, pf := range p.Files {
		if w, ok := want[pf.File]; ok {
			if got := changes(pf); len(pf.Errors) > 0 || !mapsEqual(got, w) {
				t.Errorf("%s: %v %v, want %v", pf.File, got, pf.Errors, w)
			}
			continue
		}
		if len(pf.Errors) != 1 || pf.Errors[0].Problem != store.ProblemNotNumber || pf.Errors[0].Row != 6 ||
			!strings.HasPrefix(pf.Errors[0].Detail, "共建共享实训基地：约30（请填写确切数字") {
			t.Errorf("%s: %+v", pf.File, pf.Errors)
		}
	}
	if ok, bad, n := p.Counts(); ok != 2 || bad != 1 || n != 7 {
		t.Errorf("counts %d %d %d", ok, bad, n)
	}
}

func mapsEqual(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestReturnsRefused checks what PlanReturns refuses from the ids and
// locked cells the reader hands it.
func TestReturnsRefused(t *testing.T) {
	c := indCatalogue(t, 2026)
	sent := templates(t, c)
	lastYears := templates(t, indCatalogue(t, 2025)) // the same round, last year's catalogue
	dir := t.TempDir()
	sendBack(t, sent[0], dir, "a.xlsx", nil, map[string]float64{"F6": 15})
	sendBack(t, sent[0], dir, "b.xlsx", nil, map[string]float64{"F6": 16}) // the college again
	sendBack(t, sent[1], dir, "c.xlsx", map[string]string{"C2": "某某化工有限公司"}, map[string]float64{"F6": 4})
	sendBack(t, lastYears[2], dir, "d.xlsx", nil, map[string]float64{"F6": 2})
	files, errs := ReadReturns(dir, nil)
	if len(errs) != 0 || len(files) != 4 {
		t.Fatalf("%d files, errors %v", len(files), errs)
	}
	p := store.PlanReturns(c, indRoundOf(c), indMembers(), nil, nil, files)
	var got []string
	for _, pf := range p.Files {
		s := pf.File
		for _, e := range pf.Errors {
			s += " " + string(e.Problem)
		}
		got = append(got, s)
	}
	want := []string{"a.xlsx", "b.xlsx " + string(store.ProblemReturnedTwice), "c.xlsx " + string(store.ProblemProtectedEdited),
		"d.xlsx " + string(store.ProblemOtherRound)}
	if !slices.Equal(got, want) {
		t.Errorf("plan %q, want %q", got, want)
	}
}

func TestReturnTampered(t *testing.T) {
	c := indCatalogue(t, 2026)
	src := templates(t, c)[0]
	dir := t.TempDir()
	for name, cells := range map[string]map[string]string{
		"轮次.xlsx": {"H3": "0190f000-xx"},
		"单位.xlsx": {"H4": ""},
		"年度.xlsx": {"H2": "二〇二六"},
		"标记.xlsx": {"H1": "secdesk-reply:"},
	} {
		_, err := ReadReturn(sendBack(t, src, dir, name, cells, nil))
		if !errors.Is(err, ErrNotIndicatorTemplate) || err.Error() != "「"+name+"」不是本程序导出的指标填报表" {
			t.Errorf("%s: %v", name, err)
		}
	}
	rf, err := ReadReturn(sendBack(t, src, dir, "代码.xlsx", map[string]string{"H7": "", "F7": "3", "F8": "三十"}, nil))
	must(t, err)
	var got []string
	for _, e := range rf.Errors {
		got = append(got, e.Error())
	}
	want := []string{"第7行 「指标代码」指标编号无法识别，请勿修改隐藏列：其中：国家级",
		"第8行 「指标值」应为数字：承接培养培训项目：三十（请只填阿拉伯数字，如 1500）"}
	if !slices.Equal(got, want) {
		t.Errorf("errors %q, want %q", got, want)
	}
	junk := filepath.Join(dir, "坏.xlsx")
	must(t, os.WriteFile(junk, []byte("not a zip"), 0o644))
	if _, err := ReadReturn(junk); !errors.Is(err, ErrNotWorkbook) || !strings.HasPrefix(err.Error(), "「坏.xlsx」") {
		t.Errorf("not a workbook: %v", err)
	}
}

func TestIndicatorNumber(t *testing.T) {
	for raw, want := range map[string]string{
		"": "nil", "30": "30", " 30 ": "30", "３０": "30", "1,500": "1500", "12,345.5": "12345.5", "356.50": "356.5",
		"1.5E+3": "1500", "-2": "-2", "30个": "30", "1,500个": "1500",
		"1500余": "余", "约30": "余", "30多": "余", "1,50": "数字", "三十": "数字", "30人": "数字", "N/A": "数字", "Inf": "数字",
		"1e999": "数字", "0x10": "数字",
	} {
		v, hint, ok := indicatorNumber(raw, "个")
		got := "nil"
		switch {
		case !ok && strings.Contains(hint, "“余”"):
			got = "余"
		case !ok && strings.Contains(hint, "阿拉伯数字"):
			got = "数字"
		case !ok:
			got = "no hint"
		case v != nil:
			got = strings.TrimSuffix(strings.TrimRight(strings.TrimRight(strconvF(*v), "0"), "."), ".")
		}
		if got != want {
			t.Errorf("%q: %s, want %s", raw, got, want)
		}
	}
	if v, _, ok := indicatorNumber("35.5%", "%"); !ok || *v != 35.5 {
		t.Errorf("35.5%% read as %v %v", v, ok)
	}
}

func strconvF(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }
