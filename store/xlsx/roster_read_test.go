package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
)

// describeImportRow renders what the reader made of a row.
func describeImportRow(r store.RosterImportRow) string {
	s := fmt.Sprintf("%d %s|%s|%s|%s|%s|%s|%s|%s|%s", r.Row, r.Position, r.Name, r.Gender, r.Unit, r.Title,
		r.Mobile, r.Phone, r.Email, r.Start)
	for _, e := range r.Errors {
		s += fmt.Sprintf(" E:%s/%s/%s", e.Field, e.Problem, e.Detail)
	}
	return s
}

func readRosterRows(t *testing.T, name string) []store.RosterImportRow {
	t.Helper()
	rows, err := ReadRosterFile(rosterFile(t, name))
	if err != nil {
		t.Fatalf("ReadRosterFile(%s): %v", name, err)
	}
	return rows
}

func TestReadRosterMessy(t *testing.T) {
	var got []string
	for _, r := range readRosterRows(t, "messy.xlsx") {
		got = append(got, describeImportRow(r))
	}
	want := []string{
		"5 理事长|张成刚|男|淄博市工业学校|党委副书记、副校长（主持工作）|13900000001|||2024-01-01",
		"6 副理事长|王 林|男|区发改局|党组书记、局长||0533-7123456|WL@example.com|2024-01-01",
		"7 副理事长|郑家晴|女|山东齐都药业有限公司|董事长||||2024-01-01",
		"8 副理事长|赵立成|男|淄博七中|党委书记、校长||||2024-03-01",   // a date cell
		"9 理事|黄贻展||淄博加华新材料资源有限公司|总经理||||2024-03-01", // a serial number
		"12 理事|韩峰||中国石油化工集团有限公司齐鲁分公司|党委书记|||| E:任职日期/不是有效日期/2024-02-30",
		"13 理事|||某公司|||||",
		"14 |李学峰||齐峰新材料股份有限公司|董事长||||",
		"15 秘书长|冯波||淄博市工业学校|总务处副主任||||2024-01-01",
		"16 秘书长|冯波||淄博市工业学校|总务处副主任||||",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

// TestReadRosterMessyPlan plans the messy file into the seed council's
// second term: known people and units are matched, the mistakes are
// reported with their Excel row numbers.
func TestReadRosterMessyPlan(t *testing.T) {
	fx := seedCouncil(t, store.OrderStrokes)
	rows := readRosterRows(t, "messy.xlsx")
	plan := store.PlanRosterImport(fx.body, fx.people, fx.members, rows, store.DefaultPositions, planNow)
	var got []string
	for _, pr := range plan.Rows {
		s := fmt.Sprintf("%d %s %s", pr.Row, pr.Name, pr.Action)
		for _, e := range pr.Errors {
			s += " " + e.Error()
		}
		got = append(got, s)
	}
	want := []string{
		"5 张成刚 无变化", // carried into the second term on 2024-01-01
		"6 王林 无变化",
		"7 郑家晴 无变化",
		"8 赵立成 无变化", // dated 2024-03-01 in the file: he holds the seat that day
		"9 黄贻展 新增",  // 副理事长 in the body, 理事 in the file: a second seat
		"12 韩峰 错误 第12行 「任职日期」不是有效日期：2024-02-30",
		"13  错误 第13行 「姓名」不能为空",
		"14 李学峰 错误 第14行 「职位」不能为空",
		"15 冯波 无变化",
		"16 冯波 错误 第16行 「姓名」与本文件中另一行是同一人担任同一职位：第15行",
	}
	if !slices.Equal(got, want) {
		t.Errorf("plan:\n got %q\nwant %q", got, want)
	}
	if len(plan.NewPeople) != 0 {
		t.Errorf("new people %v: every person in the file is known", plan.NewPeople)
	}
}

func TestReadRosterZhiwuColumns(t *testing.T) {
	for _, name := range []string{"seed_table.xlsx", "position_column.xlsx", "zhiwu_zhicheng.xlsx"} {
		rows := readRosterRows(t, name)
		if len(rows) != 1 || rows[0].Position != "理事长" || rows[0].Title != "党委副书记、副校长" ||
			rows[0].Unit != "淄博市工业学校" || rows[0].Row != 2 {
			t.Errorf("%s: %q", name, describeImportRow(rows[0]))
		}
	}
}

func TestReadRosterErrors(t *testing.T) {
	if _, err := ReadRosterFile(rosterFile(t, "no_header.xlsx")); !errors.Is(err, ErrNoRosterHeader) {
		t.Errorf("no header: %v", err)
	}
	if _, err := ReadRoster(strings.NewReader("姓名,单位\n")); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("not a workbook: %v", err)
	}
}

func TestRosterColumnsRule(t *testing.T) {
	for _, c := range []struct {
		headers  []string
		pos, tit int
	}{
		{[]string{"职务", "姓名", "单位", "职务"}, 0, 3},
		{[]string{"姓名", "职务", "职位"}, 2, 1},
		{[]string{"姓名", "职务", "职务/职称"}, 1, 2},
		{[]string{"姓名", "职务"}, 1, -1},
		{[]string{"职位", "姓名", "职称", "职务"}, 0, 2}, // both placed: 职务 ignored
	} {
		cols := rosterColumns(c.headers)
		pos, ok := cols[store.FieldPosition]
		if !ok {
			pos = -1
		}
		tit, ok := cols[store.FieldTitle]
		if !ok {
			tit = -1
		}
		if pos != c.pos || tit != c.tit {
			t.Errorf("%q: position %d title %d, want %d %d", c.headers, pos, tit, c.pos, c.tit)
		}
	}
}
