package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// StatsSheet is the sheet name of the exported statistics.
const StatsSheet = "成员结构统计表"

// StatsExport is what ExportStats prints.
type StatsExport struct {
	GroupName string
	Stats     store.Stats
	// ByTier is store.CountByTier for the same day.
	ByTier map[store.Tier]int
}

// StatsTitle is the title printed above the statistics.
func StatsTitle(group string, asOf store.Date) string {
	return fmt.Sprintf("%s成员结构统计表（截至%s）", groupName(group), asOf.Chinese())
}

// statLine is one row of a count table.
type statLine struct {
	label string
	n     int
}

// statsTables are the tables of the sheet: by type and by tier in their
// fixed order with zero rows included (a reader checks the list is
// complete), by city from the most members down.
func statsTables(s *StatsExport) (titles, heads []string, tables [][]statLine) {
	var byType, byTier, byCity []statLine
	for _, c := range s.Stats.TypeCounts() {
		byType = append(byType, statLine{string(c.Type), c.N})
	}
	for _, t := range store.Tiers {
		byTier = append(byTier, statLine{string(t), s.ByTier[t]})
	}
	for _, c := range s.Stats.CityCounts() {
		byCity = append(byCity, statLine{c.City, c.N})
	}
	return []string{"一、按单位类型统计", "二、按会员类别统计", "三、按城市统计"},
		[]string{"单位类型", "会员类别", "城市"},
		[][]statLine{byType, byTier, byCity}
}

// ExportStats writes the print-ready 成员结构统计表 to path.
func ExportStats(path string, s StatsExport) error {
	return exportBook(path, "成员结构统计表", func(f *excelize.File) error { return writeStats(f, &s) })
}

// statsWriter fills the sheet row by row.
type statsWriter struct {
	f   *excelize.File
	st  *sheetStyles
	row int
	err error // the first error; later calls do nothing
}

// do runs one excelize call unless an earlier one failed, so the row
// helpers read straight through and writeStats checks once at the end.
func (w *statsWriter) do(call func() error) {
	if w.err == nil {
		w.err = call()
	}
}

func writeStats(f *excelize.File, s *StatsExport) error {
	if err := f.SetSheetName(f.GetSheetName(0), StatsSheet); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	if err := printSetup(f, StatsSheet, portrait, "$1:$1"); err != nil {
		return err
	}
	for i, w := range []float64{44, 20, 20} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(StatsSheet, col, col, w); err != nil {
			return err
		}
	}
	sw := &statsWriter{f: f, st: st, row: 1}
	// The title is long for a portrait page: it wraps onto two lines.
	sw.merged(StatsTitle(s.GroupName, s.Stats.AsOf), st.title, 52)
	sentence := s.Stats.Sentence()
	sw.merged(sentence, st.note, wrappedHeight(sentence, 84))
	titles, heads, tables := statsTables(s)
	for i := range tables {
		sw.row++ // a blank line between tables
		sw.merged(titles[i], st.section, 22)
		sw.table(heads[i], tables[i], s.Stats.Total)
	}
	sw.row++
	sw.merged("四、成员变动", st.section, 22)
	sw.cells(st.header, "项目", "数量")
	sw.cells(0, st.textCell("期间新增成员单位"), excelize.Cell{StyleID: st.count, Value: s.Stats.Joined})
	sw.cells(0, st.textCell("期间退出成员单位"), excelize.Cell{StyleID: st.count, Value: s.Stats.Left})
	sw.cells(0, excelize.Cell{StyleID: st.totalLabel, Value: "现有成员单位"}, excelize.Cell{StyleID: st.totalCount, Value: s.Stats.Total})
	return sw.err
}

// wrappedHeight is the row height in points that shows text wrapped in
// a merged cell width characters wide: Excel does not grow merged rows by
// itself. A Chinese character takes two width units at 11 points.
func wrappedHeight(text string, width int) float64 {
	units := 0
	for _, r := range text {
		units++
		if r > 0x2E80 {
			units++
		}
	}
	lines := (units + width - 3) / (width - 2) // a little margin per line
	return float64(max(lines, 1))*15 + 6
}

// merged writes text across the three columns of one row.
func (w *statsWriter) merged(text string, style int, height float64) {
	a, c := fmt.Sprintf("A%d", w.row), fmt.Sprintf("C%d", w.row)
	w.do(func() error { return w.f.MergeCell(StatsSheet, a, c) })
	w.do(func() error { return w.f.SetCellStr(StatsSheet, a, text) })
	w.do(func() error { return w.f.SetCellStyle(StatsSheet, a, c, style) })
	w.do(func() error { return w.f.SetRowHeight(StatsSheet, w.row, height) })
	w.row++
}

// cells writes one row; plain strings get style, excelize.Cells their own.
// Strings are set as strings, so a value like "=1+1" stays text.
func (w *statsWriter) cells(style int, vals ...any) {
	for i, v := range vals {
		ref, _ := excelize.CoordinatesToCellName(i+1, w.row)
		s := style
		if c, ok := v.(excelize.Cell); ok {
			v, s = c.Value, c.StyleID
		}
		if str, ok := v.(string); ok {
			w.do(func() error { return w.f.SetCellStr(StatsSheet, ref, str) })
		} else {
			w.do(func() error { return w.f.SetCellValue(StatsSheet, ref, v) })
		}
		w.do(func() error { return w.f.SetCellStyle(StatsSheet, ref, ref, s) })
	}
	w.row++
}

// table writes a header, one row per line with its share of total, and a
// 合计 row. The shares are numbers formatted 0.0%, so they can be summed.
func (w *statsWriter) table(head string, lines []statLine, total int) {
	st := w.st
	share := func(n int) float64 {
		if total == 0 {
			return 0
		}
		return float64(n) / float64(total)
	}
	w.cells(st.header, head, "数量", "占比")
	sum := 0
	for _, l := range lines {
		sum += l.n
		w.cells(0, st.textCell(l.label), excelize.Cell{StyleID: st.count, Value: l.n},
			excelize.Cell{StyleID: st.percent, Value: share(l.n)})
	}
	w.cells(0, excelize.Cell{StyleID: st.totalLabel, Value: "合计"},
		excelize.Cell{StyleID: st.totalCount, Value: sum},
		excelize.Cell{StyleID: st.totalPercent, Value: share(sum)})
}
