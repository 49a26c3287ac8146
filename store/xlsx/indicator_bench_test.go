package xlsx

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// BenchmarkTemplates100 writes the templates of 100 units; the target is
// 2 s an op.
func BenchmarkTemplates100(b *testing.B) {
	c := indCatalogue(b, 2026)
	members, last := benchUnits(c, 100)
	dir := b.TempDir()
	for b.Loop() {
		if _, err := WriteTemplates(dir, c, indRoundOf(c), members, last, indGroup); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadReturns100 reads 100 returned templates, every cell
// filled, and plans them; the target is 5 s an op.
func BenchmarkReadReturns100(b *testing.B) {
	c := indCatalogue(b, 2026)
	members, values := benchUnits(c, 100)
	dir := b.TempDir()
	if _, err := WriteTemplates(dir, c, indRoundOf(c), members, values, indGroup); err != nil {
		b.Fatal(err)
	}
	fillAll(b, dir, c, members)
	for b.Loop() {
		files, errs := ReadReturns(dir, func(int, int) {})
		if len(errs) > 0 || len(files) != 100 {
			b.Fatalf("%d files, %v", len(files), errs)
		}
		p := store.PlanReturns(c, indRoundOf(c), members, nil, values, files)
		if ok, bad, _ := p.Counts(); ok != 100 || bad != 0 {
			b.Fatalf("%d ok, %d bad", ok, bad)
		}
	}
}

// fillAll fills every 本年数值 of every template in dir.
func fillAll(b *testing.B, dir string, c *store.Catalogue, members []store.Member) {
	for i := range members {
		cells := map[string]float64{}
		for j := range answered(c, members[i].Type) {
			cells["F"+itoa(indHeaderRow+1+j)] = float64(i + j)
		}
		path := filepath.Join(dir, IndicatorFileName(c.Year, members[i].Name))
		if _, err := os.Stat(path); err != nil {
			b.Fatal(err)
		}
		setNumbers(b, path, cells)
	}
}

// BenchmarkIndicatorBook writes the 年度指标表 of 100 units; the target is
// 1 s an op.
func BenchmarkIndicatorBook(b *testing.B) {
	c := indCatalogue(b, 2026)
	members, values := benchUnits(c, 100)
	group := map[int]map[string]float64{c.Year: store.GroupValues(c, map[string]float64{"members_total": 100}, values),
		c.Year - 1: store.GroupValues(c, nil, values)}
	path := filepath.Join(b.TempDir(), "年度指标表.xlsx")
	for b.Loop() {
		if err := WriteIndicatorBook(path, c, group, values, members, indGroup); err != nil {
			b.Fatal(err)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func setNumbers(b *testing.B, path string, cells map[string]float64) {
	xlsxtest.SetNumbers(b, path, IndicatorSheet, cells)
}
