package xlsx

// This file writes testdata/tasks/plan.xlsx: a plan's 项目清单 as offices
// send them — an explanatory sheet first, a 附件 line and a merged title
// above the header, section rows, a 牵头单位 merged over three tasks,
// dates as date cells and as the text plans write, an unknown column,
// errors, a blank line and a 合计 row. It is committed, and the test
// reads the committed file. Rewrite it with
//
//	go test ./store/xlsx/ -run TestTaskPlanFile -update-tasks

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

var updateTasks = flag.Bool("update-tasks", false, "rewrite the files in testdata/tasks")

var tasksDir = filepath.Join("..", "..", "testdata", "tasks")

// planSheet is the 项目清单: A..J, header on row 3.
var planSheet = [][]any{
	{"附件1"},
	{"潍海职业教育集团2026年重点工作任务清单"},
	{"序号", "重点任务", "具体要求", "牵头单位", "责任单位", "协办单位", "责任人", "完成时间（年月）", "备注", "任务来源"},
	{"一、产教融合（3项）"},
	{1, "建设区域共享型化工实训基地", "1.完成实训楼主体工程\n2.完成设备招标", "潍海化工职业学院", "临淄区职业教育中心、齐鲁石化公司",
		"临淄区人社局", "张伟", d(2026, 12, 31).Time(), "列入市重点项目", "2026年工作要点"},
	{2, "开展企业新型学徒制试点", "招收学徒不少于50人", nil, "齐鲁石化公司", nil, "王强", "2026年6月底"},
	{3, "共建现代产业学院", "完成共建协议签订", nil, "临淄区职业教育中心；潍海化工职业学院", nil, nil, "2026年10月"},
	{"二、制度建设（4项）"},
	{4, "修订集团章程", "提交理事会审议", "临淄区教育局", nil, nil, "李明", "2026.9.30"},
	{5, nil, "建立成员单位年报制度", "临淄区教育局", nil, nil, nil, "2026年12月31日前"},
	{6, "建立督查通报制度", nil, "临淄区教育局", nil, nil, nil, "长期"},
	{7, "举办职业技能大赛", nil, "潍海化工职业学院", nil, nil, nil, "明年上半年"},
	{},
	{"合计", "共7项"},
}

func writeTaskFiles(t *testing.T) {
	must(t, os.MkdirAll(tasksDir, 0o755))
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "填报说明"))
	must(t, f.SetCellStr("填报说明", "A1", "请各单位对照任务清单，于每月25日前报送进展情况。"))
	sh := "项目清单"
	_, err := f.NewSheet(sh)
	must(t, err)
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	for i, row := range planSheet {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if v == nil {
				continue
			}
			must(t, f.SetCellValue(sh, cell, v))
			if _, ok := v.(interface{ IsZero() bool }); ok {
				must(t, f.SetCellStyle(sh, cell, cell, date))
			}
		}
	}
	for _, m := range [][2]string{{"A2", "J2"}, {"A4", "J4"}, {"D5", "D7"}, {"A8", "J8"}} {
		must(t, f.MergeCell(sh, m[0], m[1]))
	}
	must(t, f.SaveAs(filepath.Join(tasksDir, "plan.xlsx")))
}

func TestTaskPlanFile(t *testing.T) {
	if *updateTasks {
		writeTaskFiles(t)
	}
	rows, err := ReadTaskList(filepath.Join(tasksDir, "plan.xlsx"))
	must(t, err)
	var got []string
	for _, r := range rows {
		got = append(got, describeTaskRow(r))
	}
	want := []string{
		"5|建设区域共享型化工实训基地|1.完成实训楼主体工程\n2.完成设备招标|潍海化工职业学院|临淄区职业教育中心+齐鲁石化公司|临淄区人社局|张伟|产教融合|2026年工作要点||2026-12-31|",
		"6|开展企业新型学徒制试点|招收学徒不少于50人|潍海化工职业学院|齐鲁石化公司||王强|产教融合|||2026-06-30|",
		"7|共建现代产业学院|完成共建协议签订|潍海化工职业学院|临淄区职业教育中心+潍海化工职业学院|||产教融合|||2026-10-31|",
		"9|修订集团章程|提交理事会审议|临淄区教育局|||李明|制度建设|||2026-09-30|",
		"10||建立成员单位年报制度|临淄区教育局||||制度建设|||2026-12-31|",
		"11|建立督查通报制度||临淄区教育局||||制度建设||||完成时限:" + string(ProblemOpenDeadline),
		"12|举办职业技能大赛||潍海化工职业学院||||制度建设||||完成时限:" + string(store.ProblemBadDate),
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Imported at the start of the year, the tasks start that day.
	p := store.PlanTaskImport(nil, taskMembers(), nil, rows, d(2026, 1, 5))
	var errs []string
	for _, r := range p.Rows {
		for _, e := range r.Errors {
			errs = append(errs, e.Error())
		}
	}
	wantErrs := []string{"第10行 「任务事项」不能为空", "第11行 「完成时限」" + string(ProblemOpenDeadline) + "：长期",
		"第11行 「完成时限」不能为空", "第12行 「完成时限」不是有效日期：明年上半年", "第12行 「完成时限」不能为空"}
	if !slices.Equal(errs, wantErrs) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
	}
	if a, u, n, e := p.Counts(); a != 4 || u != 0 || n != 0 || e != 3 {
		t.Errorf("plan: %d new, %d updated, %d unchanged, %d errors", a, u, n, e)
	}
}

// describeTaskRow is a row's fields in one line, units joined with +,
// then its errors as field:problem.
func describeTaskRow(r store.TaskRow) string {
	var errs []string
	for _, e := range r.Errors {
		if e.Row != r.Row {
			errs = append(errs, "wrong row")
		}
		errs = append(errs, string(e.Field)+":"+string(e.Problem))
	}
	day := func(d store.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	return strings.Join([]string{strconv.Itoa(r.Row), r.Title, r.Requirement, r.Lead, strings.Join(r.Units, "+"),
		strings.Join(r.Helpers, "+"), r.Person, r.Category, r.SourceText, day(r.Start), day(r.Deadline),
		strings.Join(errs, ";")}, "|")
}

func TestReadTaskListNoHeader(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "名单.xlsx")
	f := excelize.NewFile()
	must(t, f.SetSheetRow("Sheet1", "A1", &[]string{"序号", "单位名称", "完成时限"}))
	must(t, f.SaveAs(path))
	f.Close()
	_, err := ReadTaskList(path)
	if !errors.Is(err, ErrNoTaskHeader) || !strings.Contains(err.Error(), "「名单.xlsx」") {
		t.Errorf("err = %v", err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "x.xlsx"), []byte("not a workbook"), 0o644))
	if _, err := ReadTaskList(filepath.Join(dir, "x.xlsx")); !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), "x.xlsx") {
		t.Errorf("err = %v", err)
	}
}
