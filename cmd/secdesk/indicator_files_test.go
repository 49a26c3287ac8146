package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// notReturned2026 are units of the demo that returned 2025 but not yet
// the 2026 round, colleges (they answer dual_teacher_training) first.
func notReturned2026(t *testing.T) []string {
	t.Helper()
	done := rawReturns(t, 2026)
	var colleges, others []string
	for unit, vs := range rawReturns(t, 2025) {
		if done[unit] != nil {
			continue
		}
		if _, ok := vs["dual_teacher_training"]; ok {
			colleges = append(colleges, unit)
		} else {
			others = append(others, unit)
		}
	}
	slices.Sort(colleges)
	slices.Sort(others)
	if len(colleges) == 0 || len(others) < 2 {
		t.Fatalf("the demo's 2026 round: %d colleges, %d others not returned", len(colleges), len(others))
	}
	return append(colleges, others...)
}

// fill sends a unit's template back filled in as the unit would: the
// value cells (column F) of the codes given, found by the hidden code
// column H; other cells by their address.
func fill(t *testing.T, template, dir string, values map[string]string, cells map[string]string) {
	t.Helper()
	b, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, filepath.Base(template))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	set := map[string]string{}
	for i, row := range xlsxtest.ReadSheet(t, path, xlsx.IndicatorSheet) {
		if len(row) > 7 && values[row[7]] != "" {
			set["F"+strconv.Itoa(i+1)] = values[row[7]]
		}
	}
	if len(set) != len(values) {
		t.Fatalf("%s: found %v of %v", template, set, values)
	}
	for k, v := range cells {
		set[k] = v
	}
	xlsxtest.SetCells(t, path, xlsx.IndicatorSheet, set)
}

// The 2026 round: templates for the register, two returns (one good, one
// with its unit renamed, one with 约30), the good one written, the others
// refused with exit 1, and the 催报 list.
func TestIndicatorCollect(t *testing.T) {
	fixToday(t, store.NewDate(2026, 11, 2))
	db := demoDB(t)
	sent, back := t.TempDir(), t.TempDir()
	r := mustRun(t, "indicators", "template", "--year", "2026", "--out", sent, "--db", db)
	entries, _ := os.ReadDir(sent)
	if !strings.Contains(r.stdout, "已生成2026年指标填报表"+strconv.Itoa(len(entries))+"份") || len(entries) < 70 || r.stderr != "" {
		t.Fatalf("template: %q %q, %d files", r.stdout, r.stderr, len(entries))
	}
	units := notReturned2026(t)
	good, renamed, vague := units[0], units[len(units)-1], units[len(units)-2]
	tpl := func(unit string) string { return filepath.Join(sent, xlsx.IndicatorFileName(2026, unit)) }
	fill(t, tpl(good), back, map[string]string{"dual_teacher_training": "88", "training_bases": "2"}, nil)
	fill(t, tpl(renamed), back, map[string]string{"training_bases": "1"}, map[string]string{"C2": renamed + "（新）"})
	fill(t, tpl(vague), back, map[string]string{"training_bases": "约30"}, nil)
	before := valuesJSON(t, db, 2026)

	dry := runCLI(t, "indicators", "collect", "--year", "2026", back, "--dry-run", "--db", db)
	if dry.code != 1 || !strings.Contains(dry.stdout, good+"\t新填2项，修改0项") || !strings.Contains(dry.stdout, "未写入数据（--dry-run）") ||
		!strings.Contains(dry.stderr, "读取填报表：3/3") || !strings.Contains(dry.stderr, "2份填报表有错误") {
		t.Errorf("dry run: exit %d\n%s\n%s", dry.code, dry.stdout, dry.stderr)
	}
	if got := valuesJSON(t, db, 2026); got["dual_teacher_training"] != before["dual_teacher_training"] {
		t.Errorf("the dry run wrote: %v", got["dual_teacher_training"])
	}

	res := runCLI(t, "indicators", "collect", "--year", "2026", back, "--db", db)
	if res.code != 1 || !strings.Contains(res.stdout, "已导入1份填报表，共2项数值") || !strings.Contains(res.stderr, "2份填报表有错误，没有导入") ||
		!strings.Contains(res.stdout, "单位名称") || !strings.Contains(res.stdout, "约30") {
		t.Errorf("collect: exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	pending := res.stdout[strings.Index(res.stdout, "尚未报送的单位"):]
	if strings.Contains(pending, good+"\t") || !strings.Contains(pending, renamed+"\t") || !strings.Contains(pending, vague+"\t") {
		t.Errorf("催报 list:\n%s", pending)
	}
	if n := strings.Count(pending, "\n") - 1; n < len(units)-1 || !strings.HasPrefix(pending, "尚未报送的单位（"+strconv.Itoa(n)+"家）") {
		t.Errorf("%d units to remind, of them %d of 2025:\n%s", n, len(units)-1, pending)
	}
	after := valuesJSON(t, db, 2026)
	if after["dual_teacher_training"] != before["dual_teacher_training"]+88 || after["training_bases"] != before["training_bases"]+2 {
		t.Errorf("after the import: %v %v, before %v %v", after["dual_teacher_training"], after["training_bases"],
			before["dual_teacher_training"], before["training_bases"])
	}
}

// A year without a catalogue or a round gets both; collecting a year
// without a round says how to start one.
func TestIndicatorTemplateStartsTheYear(t *testing.T) {
	fixToday(t, store.NewDate(2026, 11, 2))
	db := demoDB(t)
	if r := runCLI(t, "indicators", "collect", "--year", "2025", t.TempDir(), "--db", db); r.code != 0 || !strings.Contains(r.stdout, "各成员单位均已报送") {
		t.Errorf("collect an empty folder for 2025: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "indicators", "collect", "--year", "2025", filepath.Join(t.TempDir(), "没有"), "--db", db); r.code != 1 || !strings.Contains(r.stderr, "找不到文件夹") {
		t.Errorf("collect a missing folder: exit %d %q", r.code, r.stderr)
	}
	mustRun(t, "indicators", "catalogue", "--year", "2027", "--db", db)
	if r := runCLI(t, "indicators", "collect", "--year", "2027", t.TempDir(), "--db", db); r.code != 1 || !strings.Contains(r.stderr, "2027年还没有开始指标填报") {
		t.Errorf("collect without a round: exit %d %q", r.code, r.stderr)
	}
	r := mustRun(t, "indicators", "template", "--year", "2028", "--out", t.TempDir(), "--db", db)
	if !strings.Contains(r.stderr, "2028年还没有指标目录，已新建") || !strings.Contains(r.stderr, "已开始2028年指标填报（2026年11月2日）") {
		t.Errorf("template 2028: %q", r.stderr)
	}
	for _, verb := range []string{"template", "collect"} {
		args := []string{"indicators", verb, "--year", "2023", "--db", db, t.TempDir()}
		if verb == "template" {
			args[len(args)-1] = "--out=" + t.TempDir()
		}
		if r := runCLI(t, args...); r.code != 1 || !strings.Contains(r.stderr, "2023年指标已报送（2024年3月15日）") {
			t.Errorf("%s of a filed year: exit %d %q", verb, r.code, r.stderr)
		}
	}
}

func TestIndicatorExport(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "指标.xlsx")
	r := mustRun(t, "indicators", "export", "--year", "2025", "--out", out, "--db", db)
	if !strings.Contains(r.stdout, out) {
		t.Errorf("export printed %q", r.stdout)
	}
	if names := xlsxtest.SheetNames(t, out); !slices.Equal(names, []string{xlsx.GroupSheet, xlsx.UnitsSheet, xlsx.CompareSheet}) {
		t.Errorf("sheets %v", names)
	}
	compare := xlsxtest.ReadSheet(t, out, xlsx.CompareSheet)
	found := false
	for _, row := range compare {
		found = found || slices.Contains(row, "65324")
	}
	if !found {
		t.Errorf("三年对比 has no 2023 figure 65324:\n%v", compare)
	}
	if r := runCLI(t, "indicators", "export", "--year", "2030", "--out", out, "--db", db); r.code != 1 {
		t.Errorf("export without catalogue: exit %d", r.code)
	}
}
