package xlsx

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
)

func TestDispatchTable(t *testing.T) {
	tasks := fixtureTasks()
	path := filepath.Join(t.TempDir(), "季度调度.xlsx")
	must(t, WriteDispatchTable(path, tasks, "2026-Q4", taskToday, taskRules, taskGroup))
	x := book(t, path)
	sh := DispatchSheet
	rows, err := x.GetRows(sh)
	must(t, err)
	assertSheetRows(t, rows, [][]string{
		{"潍海职业教育集团季度调度表（2026年第四季度）"},
		{"截至2026年12月3日在办任务 4 项。“调度意见”请选择：继续推进、调整时限、提级督办、办结销号、中止；需要时在“新要求”中写明新的要求或时限。"},
		DispatchHeaders,
		// 003 closed, 006 stopped, 2027-001 not started: not listed.
		{"1", "2026-001", "建设区域共享型化工实训基地", "潍海化工职业学院", "2026年12月31日\n原定 2026年11月30日",
			"2026-11：主体工程封顶，设备招标挂网 (85%)", "2026-10：推进主体工程第四阶段 (70%)", "2026-09：推进主体工程第三阶段 (60%)", "绿"},
		{"2", "2026-002", "修订集团章程", "临淄区教育局", "2026年12月31日\n原定 2026年6月30日",
			"2026-10：形成送审稿 (70%)", "2026-09：征求意见", "", "绿"},
		{"3", "2026-004", "开展企业新型学徒制试点", "齐鲁石化公司", "2026年10月31日",
			"2026-11：学徒培训进行中 (60%)", "2026-10：招收学徒30人 (50%)", "", "红"},
		{"4", "2026-005", "制定产教融合共同体建设方案", "临淄区教育局", "2027年6月30日", "2026-09：成立工作专班 (10%)", "", "", "绿"},
	})
	// The flags are store's for the round of the table's day.
	for i, n := range []int{3, 1, 0, 5} {
		want, _ := tasks[n].RoundFlagOf("2026-12", taskToday, taskRules)
		if got := rows[3+i][8]; got != want.Word() {
			t.Errorf("%s flag %q, store says %q", tasks[n].Number, got, want.Word())
		}
	}
	dvs, err := x.GetDataValidations(sh)
	must(t, err)
	if len(dvs) != 1 || dvs[0].Sqref != "J4:J7" || dvs[0].Type != "list" ||
		dvs[0].Formula1 != `"继续推进,调整时限,提级督办,办结销号,中止"` {
		t.Fatalf("validations %+v", dvs)
	}
	var words []string
	for _, c := range store.DispatchCodes {
		words = append(words, c.Word())
	}
	if !slices.Equal(DispatchChoices(), words) || !strings.Contains(dvs[0].Formula1, strings.Join(words, ",")) {
		t.Errorf("choices %q, store's %q", DispatchChoices(), words)
	}
	if s := cellStyle(t, x, sh, "K7"); len(s.Fill.Color) != 1 || s.Protection != nil && s.Protection.Locked {
		t.Errorf("新要求 is not an input cell: %+v", s)
	}
	assertPrintSetup(t, x, sh, landscape, "$1:$3")
}

// TestDispatchPastQuarter: a past quarter's table stands on its last day:
// what was open then, and only the inspections made by then.
func TestDispatchPastQuarter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "季度调度.xlsx")
	must(t, WriteDispatchTable(path, fixtureTasks(), "2026-Q3", taskToday, taskRules, ""))
	rows, err := book(t, path).GetRows(DispatchSheet)
	must(t, err)
	var numbers []string
	for _, r := range rows[3:] {
		numbers = append(numbers, r[1])
	}
	if !slices.Equal(numbers, []string{"2026-001", "2026-002", "2026-004", "2026-005"}) {
		t.Errorf("open on 2026-09-30: %q", numbers)
	}
	if got := rows[3][dispatchFirstInspection:8]; !slices.Equal(got, []string{"2026-09：推进主体工程第三阶段 (60%)",
		"2026-08：推进主体工程第二阶段 (50%)", "2026-07：推进主体工程第一阶段 (40%)"}) {
		t.Errorf("last three on 2026-09-30: %q", got)
	}
	if rows[0][0] != "职业教育集团季度调度表（2026年第三季度）" || !strings.HasPrefix(rows[1][0], "截至2026年9月30日在办任务 4 项") {
		t.Errorf("head %q", rows[:2])
	}
	if err := WriteDispatchTable(path, nil, "2026-Q5", taskToday, taskRules, ""); err == nil {
		t.Error("a fifth quarter is accepted")
	}
}
