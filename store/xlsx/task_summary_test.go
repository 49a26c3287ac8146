package xlsx

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

func TestMonthSummary(t *testing.T) {
	s := fixtureLedger().Summarize()
	path := filepath.Join(t.TempDir(), "每月汇总.xlsx")
	must(t, WriteMonthSummary(path, s, taskGroup))
	x := book(t, path)
	rows, err := x.GetRows(SummarySheet)
	must(t, err)
	task := func(n int, number, title, lead, deadline, flag, status string) []string {
		return []string{strconv.Itoa(n), number, title, lead, deadline, flag, status}
	}
	t1 := func(n int) []string {
		return task(n, "2026-001", "建设区域共享型化工实训基地", "潍海化工职业学院", "2026年12月31日\n原定 2026年11月30日", "黄（已更正）", "推进中（已提级）")
	}
	t3 := task(1, "2026-003", "筹备2026年年会", "潍海化工职业学院", "2026年11月25日", "绿", "已销号")
	want := [][]string{
		{"潍海职业教育集团督查任务每月汇总（2026年11月）"},
		{"截至2026年11月30日，共督查任务 5 项：达进度 1 项、超进度 0 项、欠进度 3 项、已完成 1 项；逾期 1 项；本月应报未报督查记录 1 项。"},
		nil, {"一、新增任务（1 项）"}, SummaryTaskHeaders, t3,
		nil, {"二、推进落实（4 项）"}, SummaryTaskHeaders, t1(1),
		task(2, "2026-002", "修订集团章程", "临淄区教育局", "2026年12月31日\n原定 2026年6月30日", "黄", "推进中"),
		task(3, "2026-004", "开展企业新型学徒制试点", "齐鲁石化公司", "2026年10月31日", "红", "推进中"),
		task(4, "2026-005", "制定产教融合共同体建设方案", "临淄区教育局", "2027年6月30日", "绿", "推进中"),
		nil, {"三、已办结销号（1 项）"}, SummaryTaskHeaders, t3,
		nil, {"四、各单位情况"}, {"单位", "", "", "在办", "本月办结", "逾期", "未报督查记录"},
	}
	// The unit lines are store's, in its order; the test's own figures
	// check the totals.
	for _, u := range s.Units {
		want = append(want, []string{u.Unit, "", "", strconv.Itoa(u.Open), strconv.Itoa(u.DoneThisMonth),
			strconv.Itoa(u.Overdue), strconv.Itoa(u.Missing)})
	}
	want = append(want, []string{"合计", "", "", "7", "2", "2", "1"})
	assertSheetRows(t, rows, want)
	if len(s.Units) != 5 || s.Units[0].Unit != "潍海化工职业学院" || s.Units[0].Open != 2 {
		t.Errorf("the fixture's units changed: %+v", s.Units)
	}
	if st := cellStyle(t, x, SummarySheet, "F11"); len(st.Fill.Color) != 1 || st.Fill.Color[0] != FlagFills[store.FlagYellow] {
		t.Errorf("flag fill %v", st.Fill.Color)
	}
	if st := cellStyle(t, x, SummarySheet, "C20"); len(st.Border) != 4 {
		t.Error("the merged 单位 header has no border on its last cell")
	}
	merged, err := x.GetMergeCells(SummarySheet)
	must(t, err)
	if !hasMerge(merged, "A21", "C21") {
		t.Error("a unit's name does not span the first three columns")
	}
	assertPrintSetup(t, x, SummarySheet, portrait, "$1:$2")
}

func TestMonthSummaryEmpty(t *testing.T) {
	s := store.BuildLedger(nil, taskRound, taskToday, taskRules).Summarize()
	path := filepath.Join(t.TempDir(), "每月汇总.xlsx")
	must(t, WriteMonthSummary(path, s, ""))
	rows, err := book(t, path).GetRows(SummarySheet)
	must(t, err)
	none := []string{NoneText} // a band: the merged cells after it read as nothing
	assertSheetRows(t, rows, [][]string{
		{"职业教育集团督查任务每月汇总（2026年11月）"},
		{"截至2026年11月30日，共督查任务 0 项：达进度 0 项、超进度 0 项、欠进度 0 项、已完成 0 项；逾期 0 项；本月应报未报督查记录 0 项。"},
		nil, {"一、新增任务（0 项）"}, SummaryTaskHeaders, none,
		nil, {"二、推进落实（0 项）"}, SummaryTaskHeaders, none,
		nil, {"三、已办结销号（0 项）"}, SummaryTaskHeaders, none,
		nil, {"四、各单位情况"}, {"单位", "", "", "在办", "本月办结", "逾期", "未报督查记录"}, none,
		{"合计", "", "", "0", "0", "0", "0"},
	})
}

// hasMerge reports a merged range from a to b.
func hasMerge(ms []excelize.MergeCell, a, b string) bool {
	for _, m := range ms {
		if m.GetStartAxis() == a && m.GetEndAxis() == b {
			return true
		}
	}
	return false
}
