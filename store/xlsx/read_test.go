package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// planNow is the clock of the import tests: after every date in the files.
var planNow = time.Date(2023, 11, 28, 10, 0, 0, 0, time.UTC)

func readFile(t *testing.T, name string) []store.ImportRow {
	t.Helper()
	rows, err := ReadMembersFile(filepath.Join(importDir, name))
	if err != nil {
		t.Fatalf("ReadMembersFile(%s): %v", name, err)
	}
	return rows
}

// joined returns m admitted on day with tier, as the store would hold it.
func joined(t *testing.T, m store.Member, day store.Date, tier store.Tier) store.Member {
	t.Helper()
	m.ID = store.NewID()
	if err := m.AddEvent(store.Event{Kind: store.EventJoin, Date: day, Tier: tier}, planNow); err != nil {
		t.Fatal(err)
	}
	return m
}

// describe renders a plan row compactly: "18 错误 单位名称/与本文件中另一行是同一单位/第6行".
func describe(pr store.PlanRow) string {
	s := fmt.Sprintf("%d %s", pr.Row, pr.Action)
	for _, e := range pr.Errors {
		s += fmt.Sprintf(" E:%s/%s/%s", e.Field, e.Problem, e.Detail)
	}
	for _, w := range pr.Warnings {
		s += fmt.Sprintf(" W:%s/%s", w.Field, w.Problem)
	}
	for _, c := range pr.Changed {
		s += " C:" + string(c)
	}
	return s
}

func d(y, m, day int) store.Date { return store.NewDate(y, time.Month(m), day) }

func TestImportMessyPlan(t *testing.T) {
	rows := readFile(t, "messy.xlsx")
	existing := []store.Member{
		joined(t, existingCodeMember, d(2015, 6, 1), "理事单位"),
		joined(t, existingNameMember, d(2012, 1, 1), "成员单位"),
	}
	plan := store.PlanImport(existing, rows, planNow)
	var got []string
	for _, pr := range plan.Rows {
		got = append(got, describe(pr))
	}
	want := []string{
		"5 新增", "6 新增", "7 新增", "8 新增", "9 新增", "10 新增", "11 新增",
		"13 新增 W:统一社会信用代码/校验位不正确",
		"14 错误 E:统一社会信用代码/应为18位数字或大写字母/91370700MA3C",
		"15 错误 E:单位名称/不能为空/",
		"16 错误 E:加入日期/不是有效日期/2023-02-30",
		"17 错误 E:单位类型/不是可选的值/外资机构",
		"18 错误 E:单位名称/与本文件中另一行是同一单位/第6行",
		"19 更新 C:单位名称",
		"20 无变化",
		"22 错误 E:会员类别/不是可选的值/顾问单位",
		"23 新增 W:联系电话/电话号码格式可疑",
		"24 新增",
		"25 错误 E:退出日期/退出日期早于加入日期/2020年1月1日",
		"26 新增",
	}
	if !slices.Equal(got, want) {
		t.Errorf("plan rows:\n got %q\nwant %q", got, want)
	}
	if !plan.HasErrors() {
		t.Error("plan with errors reports none")
	}
	if s := plan.Summary(); s.New != 11 || s.Updated != 1 || s.Unchanged != 1 || s.Warnings != 2 {
		t.Errorf("summary = %+v", s)
	}
	if got := plan.Rows[13].Result.ID; got != existing[0].ID {
		t.Errorf("row 19 updates %v, want the existing member %v", got, existing[0].ID)
	}
}

func TestImportMessyValues(t *testing.T) {
	byRow := map[int]store.ImportRow{}
	for _, r := range readFile(t, "messy.xlsx") {
		byRow[r.Row] = r
	}
	cases := map[int]struct {
		name, code string
		typ        store.UnitType
		tier       store.Tier
		join       store.Date
	}{
		5:  {"潍坊 职业 学院", code(1), "高职院校", "副理事长单位", d(2023, 7, 18)},
		6:  {"潍坊化工机械有限公司", code(2), "企业", "常务理事单位", d(2023, 7, 18)},
		7:  {"寿光市职业教育中心学校", code(3), "中职学校", "理事单位", d(2023, 7, 18)},
		8:  {"潍坊学院", code(4), "本科院校", "成员单位", d(2023, 7, 8)},
		9:  {"潍坊市技师学院", code(5), "技工院校", "理事单位", d(2019, 9, 1)}, // a date cell
		10: {"潍坊市化工行业协会", code(6), "行业协会", "", d(2023, 7, 18)},  // serial number 45125
		11: {"潍坊市化工研究院", code(7), "科研院所", "", d(2020, 1, 1)},    // serial as text
		20: {"潍坊市教育局", "", "政府部门", "", d(2012, 1, 1)},
		26: {"潍坊（ABC）科技有限公司", code(16), "企业", "", d(2021, 1, 1)},
	}
	for row, w := range cases {
		r, ok := byRow[row]
		if !ok {
			t.Errorf("row %d not read", row)
			continue
		}
		// The reader cleans text; the credit code is cleaned by the plan.
		code := store.CleanCreditCode(r.Member.CreditCode)
		if r.Member.Name != w.name || code != w.code || r.Member.Type != w.typ || r.Tier != w.tier || !r.JoinDate.Equal(w.join) {
			t.Errorf("row %d = %q %q %q %q %v, want %+v", row, r.Member.Name, code, r.Member.Type, r.Tier, r.JoinDate, w)
		}
	}
	if r := byRow[5]; r.Member.Contact != "王 明" || r.Member.Email != "WANG@example.com" || r.Member.Phone != "0536-8123456" {
		t.Errorf("row 5 contact %q %q %q", r.Member.Contact, r.Member.Email, r.Member.Phone)
	}
	if r := byRow[24]; !r.ExitDate.Equal(d(2020, 6, 30)) || r.ExitKind != "自愿退出" {
		t.Errorf("row 24 exit %v %q", r.ExitDate, r.ExitKind)
	}
	for _, skipped := range []int{1, 2, 3, 4, 12, 21} {
		if _, ok := byRow[skipped]; ok {
			t.Errorf("row %d should not be a data row", skipped)
		}
	}
	if r := byRow[16]; !r.JoinDate.IsZero() {
		t.Errorf("impossible date read as %v", r.JoinDate)
	}
}

func TestImportHeaderVariants(t *testing.T) {
	rows := readFile(t, "header_variants.xlsx")
	plan := store.PlanImport(nil, rows, planNow)
	wantTypes := []store.UnitType{"高职院校", "中职学校", "本科院校", "本科院校", "技工院校", "行业协会", "科研院所",
		"政府部门", "政府部门", "政府部门", "普通学校", "企业", "企业", "企业", "其他"}
	wantTiers := []store.Tier{"理事长单位", "常务理事单位", "成员单位", "成员单位", "理事单位"}
	if len(plan.Rows) != len(wantTypes) {
		t.Fatalf("%d rows, want %d", len(plan.Rows), len(wantTypes))
	}
	for i, pr := range plan.Rows {
		r := rows[i]
		if pr.Row != i+2 || pr.Action != store.RowNew || len(pr.Errors) > 0 {
			t.Errorf("row %d: %s", i+2, describe(pr))
		}
		if r.Member.Type != wantTypes[i] {
			t.Errorf("row %d type %q, want %q", pr.Row, r.Member.Type, wantTypes[i])
		}
		if i < len(wantTiers) && r.Tier != wantTiers[i] {
			t.Errorf("row %d tier %q, want %q", pr.Row, r.Tier, wantTiers[i])
		}
		if r.Member.Province != "山东省" || r.Member.City != "潍坊市" || !r.JoinDate.Equal(d(2018, 9, 1)) || r.Basis != "2018年度理事会" {
			t.Errorf("row %d details %+v join %v basis %q", pr.Row, r.Member, r.JoinDate, r.Basis)
		}
	}
	exit := func(i int) string {
		st := plan.Rows[i].Result.StateOn(d(2023, 1, 1))
		return fmt.Sprintf("%s %s %s %s", st.Status, st.LeftOn, st.ExitKind, plan.Rows[i].Result.Events[1].Reason)
	}
	if got := exit(11); got != "已退出 2020-12-31 除名 连续两年未参加活动" {
		t.Errorf("exit row 13: %s", got)
	}
	if got := exit(12); got != "已退出 2021-03-01 注销 企业注销" {
		t.Errorf("exit row 14: %s", got)
	}
	old := plan.Rows[13]
	if len(old.Warnings) != 1 || old.Warnings[0].Field != store.FieldCreditCode || old.Result.CodeReason != "营业执照上的代码" {
		t.Errorf("row 15 with a reasoned bad code: %s reason %q", describe(old), old.Result.CodeReason)
	}
	assertReimportUnchanged(t, rows)
}

// assertReimportUnchanged plans rows, takes the results as the store's
// members, and plans the same rows again: every row must be 无变化.
func assertReimportUnchanged(t *testing.T, rows []store.ImportRow) []store.Member {
	t.Helper()
	first := store.PlanImport(nil, rows, planNow)
	if first.HasErrors() {
		t.Fatalf("first import has errors: %v", first.FirstError())
	}
	var members []store.Member
	for _, pr := range first.Rows {
		members = append(members, pr.Result)
	}
	again := store.PlanImport(members, rows, planNow.Add(time.Hour))
	for _, pr := range again.Rows {
		if pr.Action != store.RowUnchanged {
			t.Errorf("second import: %s", describe(pr))
		}
	}
	return members
}

func TestImportHistoryStats(t *testing.T) {
	rows := readFile(t, "history.xlsx")
	if len(rows) != len(historyUnits) || rows[0].Row != 3 {
		t.Fatalf("read %d rows starting at %d", len(rows), rows[0].Row)
	}
	members := assertReimportUnchanged(t, rows)
	cases := []struct {
		asOf                  store.Date
		total, joined, left   int
		byType, byCity, tiers string
	}{
		{d(2015, 12, 31), 4, 0, 0, "中职学校1 企业1 本科院校1 高职院校1", "东营1 潍坊2 烟台1", "副理事长单位1 成员单位1 理事单位1 理事长单位1"},
		{d(2019, 12, 31), 4, 0, 1, "中职学校1 企业1 本科院校1 高职院校1", "东营1 潍坊3", "副理事长单位1 常务理事单位1 成员单位1 理事长单位1"},
		{d(2022, 12, 31), 6, 1, 1, "中职学校1 企业2 政府部门1 本科院校1 高职院校1", "东营1 潍坊4 烟台1", ""},
		{d(2010, 5, 1), 2, 2, 0, "企业1 高职院校1", "潍坊2", ""},
		{d(2010, 4, 30), 0, 0, 0, "", "", ""},
	}
	for _, c := range cases {
		s := store.ComputeStats(members, store.Date{}, c.asOf)
		if s.Total != c.total || s.Joined != c.joined || s.Left != c.left ||
			counts(s.ByType) != c.byType || counts(s.ByCity) != c.byCity {
			t.Errorf("stats %v = total %d joined %d left %d %q %q", c.asOf, s.Total, s.Joined, s.Left, counts(s.ByType), counts(s.ByCity))
		}
		if c.tiers != "" {
			byTier := map[string]int{}
			for k, v := range store.CountByTier(members, c.asOf) {
				byTier[string(k)] = v
			}
			if got := counts(byTier); got != c.tiers {
				t.Errorf("tiers %v = %q, want %q", c.asOf, got, c.tiers)
			}
		}
	}
}

// counts renders a count map sorted by key: "企业2 高职院校1".
func counts[K ~string](m map[K]int) string {
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s%d", k, v))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

func TestImportNoHeader(t *testing.T) {
	_, err := ReadMembersFile(filepath.Join(importDir, "no_header.xlsx"))
	if !errors.Is(err, ErrNoHeader) {
		t.Fatalf("err = %v, want ErrNoHeader", err)
	}
	if !strings.Contains(err.Error(), "找不到表头") {
		t.Errorf("message %q is not the Chinese one", err)
	}
	if _, ok := store.AsFieldError(err); !ok {
		t.Error("ErrNoHeader is not a *store.FieldError")
	}
}

func TestImportNotWorkbook(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("单位名称,单位类型\n潍坊学院,本科院校\n"), []byte("PK\x03\x04garbage")} {
		if _, err := ReadMembers(bytes.NewReader(data)); !errors.Is(err, ErrNotWorkbook) {
			t.Errorf("ReadMembers(%q) err = %v, want ErrNotWorkbook", data, err)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	for in, want := range map[string]store.Field{
		"单位 名称": store.FieldName, " 单位名称（必填）": store.FieldName, "*单位名称": store.FieldName,
		"E-mail": store.FieldEmail, "ｅｍａｉｌ": store.FieldEmail, "入会时间：": store.FieldJoinDate,
		"加入日期(格式:2023年7月18日)": store.FieldJoinDate, "理事会职务": store.FieldTier, "市": store.FieldCity,
	} {
		if got := headerIndex[headerKey(in)]; got != want {
			t.Errorf("header %q → %q, want %q", in, got, want)
		}
	}
	if f, ok := headerIndex[headerKey("序号")]; ok {
		t.Errorf("序号 matched %q", f)
	}
}

func TestCellDate(t *testing.T) {
	cases := []struct {
		in   string
		want store.Date
		ok   bool
	}{
		{"2023年7月18日", d(2023, 7, 18), true},
		{"2023.7.18", d(2023, 7, 18), true},
		{"2023/07/18", d(2023, 7, 18), true},
		{"2023-7-8", d(2023, 7, 8), true},
		{"45125", d(2023, 7, 18), true},
		{"45125.75", d(2023, 7, 18), true},
		{"2023-07-18 00:00:00", d(2023, 7, 18), true},
		{"2023-07-18T09:30", d(2023, 7, 18), true},
		{"", store.Date{}, true},
		{"2023-02-30", store.Date{}, false},
		{"2023", store.Date{}, false},     // a year alone is not serial 2023 (1905)
		{"20230718", store.Date{}, false}, // nor a date without separators
		{"NaN", store.Date{}, false},
		{"-45125", store.Date{}, false},
		{"1e300", store.Date{}, false},
		{"2023年7月", store.Date{}, false},
		{"2023-07-18 上午", store.Date{}, false},
	}
	for _, c := range cases {
		got, ok := cellDate(c.in, false)
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("cellDate(%q) = %v %v, want %v %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if got, ok := cellDate("43663", true); !ok || !got.Equal(d(2023, 7, 18)) { // 45125 − 1462
		t.Errorf("1904 serial: %v %v", got, ok)
	}
}

// TestImportDateCells1904 reads real date cells of a workbook that counts
// from 1904, written by excelize as Excel would.
func TestImportDateCells1904(t *testing.T) {
	f := excelize.NewFile()
	yes := true
	must(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
	must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"单位名称", "单位类型", "加入日期"}))
	must(t, f.SetSheetRow("Sheet1", "A2", &[]any{"潍坊学院", "本科院校", time.Date(2023, 7, 18, 0, 0, 0, 0, time.UTC)}))
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	must(t, f.SetCellStyle("Sheet1", "C2", "C2", style))
	buf, err := f.WriteToBuffer()
	must(t, err)
	rows, err := ReadMembers(buf)
	must(t, err)
	if len(rows) != 1 || !rows[0].JoinDate.Equal(d(2023, 7, 18)) || len(rows[0].Errors) > 0 {
		t.Errorf("rows = %+v", rows)
	}
}

// TestImportBlankHeaderCells checks that a header row with gaps and a
// repeated title uses the first column of that title.
func TestImportRepeatedTitle(t *testing.T) {
	f := excelize.NewFile()
	must(t, f.SetSheetRow("Sheet1", "B3", &[]any{"单位名称", "", "类型", "单位名称"}))
	must(t, f.SetSheetRow("Sheet1", "B4", &[]any{"潍坊学院", "", "本科", "别的"}))
	buf, err := f.WriteToBuffer()
	must(t, err)
	rows, err := ReadMembers(buf)
	must(t, err)
	if len(rows) != 1 || rows[0].Row != 4 || rows[0].Member.Name != "潍坊学院" || rows[0].Member.Type != "本科院校" {
		t.Errorf("rows = %+v", rows)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportRowNumbersAndLimit checks that rows after a gap keep their
// Excel numbers, and that a sheet reaching far down is refused rather
// than read into memory.
func TestImportRowNumbersAndLimit(t *testing.T) {
	f := excelize.NewFile()
	must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"单位名称", "单位类型"}))
	must(t, f.SetSheetRow("Sheet1", "A50", &[]any{"潍坊学院", "本科院校"}))
	buf, err := f.WriteToBuffer()
	must(t, err)
	rows, err := ReadMembers(bytes.NewReader(buf.Bytes()))
	must(t, err)
	if len(rows) != 1 || rows[0].Row != 50 {
		t.Errorf("rows = %+v", rows)
	}
	must(t, f.SetCellStr("Sheet1", fmt.Sprintf("A%d", MaxImportRows+headerScanRows+1), "太远"))
	buf, err = f.WriteToBuffer()
	must(t, err)
	if _, err := ReadMembers(buf); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("err = %v, want ErrTooManyRows", err)
	}
}
