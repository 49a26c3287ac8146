package xlsx

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

const taskGroup = "潍海职业教育集团"

// wantLedgerRows are the fixture's ledger rows as the sheet shows them,
// by 事项编号.
var wantLedgerRows = map[string][]string{
	"2026-001": {"2026-001", "建设区域共享型化工实训基地", "会议议定事项：第四届理事会第二次会议（2026年2月20日）",
		"潍海化工职业学院", "临淄区职业教育中心\n配合：临淄区人社局", "张伟", "2026年12月31日\n原定 2026年11月30日",
		"完成实训楼主体工程", "主体工程封顶，设备招标挂网 (85%)", "部分设备到货推迟", "=协调供应商分批到货",
		"2026年12月15日", "黄（已更正）", "推进中（已提级）", "2026年11月22日"},
	"2026-002": {"2026-002", "修订集团章程", "计划清单：2026年工作要点", "临淄区教育局", "", "李明",
		"2026年12月31日\n原定 2026年6月30日", "提交理事会审议", "（本月未报）", "", "", "", "黄", "推进中", "2026年10月26日"},
	"2026-003": {"2026-003", "筹备2026年年会", "领导批示：理事长批示", "潍海化工职业学院", "齐鲁石化公司", "",
		"2026年11月25日", "", "年会已召开 (100%)", "", "", "", "绿", "已销号", "2026年11月18日"},
	"2026-004": {"2026-004", "开展企业新型学徒制试点", "其他", "齐鲁石化公司", "潍海化工职业学院", "王强",
		"2026年10月31日", "", "学徒培训进行中 (60%)", "", "", "", "红", "推进中", "2026年11月24日"},
	"2026-005": {"2026-005", "制定产教融合共同体建设方案", "文件：临教发〔2026〕12号（2026年8月28日）", "临淄区教育局", "", "",
		"2027年6月30日", "2026年11月15日 完成方案初稿", "", "", "", "", "绿", "推进中", "2026年9月28日"},
}

// wantLedger is the sheet of the given rows (by number) under title and
// note, with the count line.
func wantLedger(title, note string, numbers []string, count string) [][]string {
	out := [][]string{{title}, {note}, TaskLedgerHeaders}
	for i, n := range numbers {
		out = append(out, append([]string{string(rune('1' + i))}, wantLedgerRows[n]...))
	}
	return append(out, nil, []string{count})
}

func writeFixtureLedger(t *testing.T, f store.LedgerFilter) (*excelize.File, store.Ledger) {
	t.Helper()
	l := fixtureLedger()
	path := filepath.Join(t.TempDir(), "督查台账.xlsx")
	must(t, WriteTaskLedger(path, l, f, taskGroup))
	return book(t, path), l
}

func TestTaskLedger(t *testing.T) {
	x, l := writeFixtureLedger(t, store.LedgerFilter{})
	sh := TaskLedgerSheet
	if got := x.GetSheetList(); !slices.Equal(got, []string{sh}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := x.GetRows(sh)
	must(t, err)
	assertSheetRows(t, rows, wantLedger("潍海职业教育集团督查台账（2026年11月）", "截至2026年11月30日",
		[]string{"2026-001", "2026-002", "2026-003", "2026-004", "2026-005"},
		"共 5 项；其中红 1 项、黄 2 项、绿 2 项；本月未报 1 项。"))
	// The flag fills are the rows' flags', as store gave them.
	for i, r := range l.Rows {
		cell, _ := excelize.CoordinatesToCellName(ledgerFlagCol+1, 4+i)
		if s := cellStyle(t, x, sh, cell); len(s.Fill.Color) != 1 || s.Fill.Color[0] != FlagFills[r.Flag] {
			t.Errorf("%s %s fill %v, want %s for %s", r.Task.Number, cell, s.Fill.Color, FlagFills[r.Flag], r.Flag)
		}
	}
	if s := cellStyle(t, x, sh, "J5"); s.Font == nil || s.Font.Color != "C00000" {
		t.Errorf("the gap is not in red: %+v", s.Font)
	}
	if s := cellStyle(t, x, sh, "J4"); s.Font != nil && s.Font.Color == "C00000" {
		t.Error("a reported progress is in the gap's red")
	}
	assertGuarded(t, x, sh, "L4")
	for _, c := range []struct{ cell, raw string }{{"H7", "46326"}, {"M4", "46371"}, {"P8", "46293"}} {
		if raw, _ := x.GetCellValue(sh, c.cell, rawValue); raw != c.raw { // real dates
			t.Errorf("%s raw %q, want %q", c.cell, raw, c.raw)
		}
	}
	if p, err := x.GetPanes(sh); err != nil || !p.Freeze || p.YSplit != 3 {
		t.Errorf("panes %+v %v", p, err)
	}
	assertPrintSetup(t, x, sh, landscape, "$1:$3")
}

func TestTaskLedgerFilters(t *testing.T) {
	for _, c := range []struct {
		f       store.LedgerFilter
		note    string
		numbers []string
		count   string
	}{
		{store.LedgerFilter{Unit: "齐鲁石化公司"}, "截至2026年11月30日\u3000单位：齐鲁石化公司",
			[]string{"2026-003", "2026-004"}, "共 2 项；其中红 1 项、绿 1 项。"},
		{store.LedgerFilter{Status: store.TaskActive}, "截至2026年11月30日\u3000状态：推进中",
			[]string{"2026-001", "2026-002", "2026-004", "2026-005"}, "共 4 项；其中红 1 项、黄 2 项、绿 1 项；本月未报 1 项。"},
		{store.LedgerFilter{Flag: store.FlagYellow, Unit: "临淄区教育局"}, "截至2026年11月30日\u3000单位：临淄区教育局\u3000预警：黄",
			[]string{"2026-002"}, "共 1 项；其中黄 1 项；本月未报 1 项。"},
		{store.LedgerFilter{Flag: store.FlagOrange}, "截至2026年11月30日\u3000预警：橙", nil, "共 0 项。"},
	} {
		x, l := writeFixtureLedger(t, c.f)
		if n := len(l.Filter(c.f)); n != len(c.numbers) {
			t.Fatalf("%+v: store selects %d rows, the test expects %d", c.f, n, len(c.numbers))
		}
		rows, err := x.GetRows(TaskLedgerSheet)
		must(t, err)
		assertSheetRows(t, rows, wantLedger("潍海职业教育集团督查台账（2026年11月）", c.note, c.numbers, c.count))
	}
}

// TestTaskLedgerCurrentRound: a ledger of the round in progress stands on
// today, and a flag not recorded has no 已更正 mark even if another
// round's was corrected.
func TestTaskLedgerCurrentRound(t *testing.T) {
	l := store.BuildLedger(fixtureTasks(), "2026-12", taskToday, taskRules)
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	must(t, WriteTaskLedger(path, l, store.LedgerFilter{}, ""))
	x := book(t, path)
	if v := value(t, x, TaskLedgerSheet, "A1"); v != "职业教育集团督查台账（2026年12月）" {
		t.Errorf("title %q", v)
	}
	if v := value(t, x, TaskLedgerSheet, "A2"); v != "截至2026年12月3日" {
		t.Errorf("note %q", v)
	}
	rows, err := x.GetRows(TaskLedgerSheet)
	must(t, err)
	for _, r := range rows[3 : len(rows)-2] {
		if len(r) > ledgerFlagCol && r[ledgerFlagCol] != "" && slices.Contains([]string{"黄（已更正）", "红（已更正）"}, r[ledgerFlagCol]) {
			t.Errorf("row %q has a corrected mark in a round not recorded", r)
		}
	}
}
