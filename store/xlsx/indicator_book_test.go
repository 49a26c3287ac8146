package xlsx

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// bookFixture is a year of two reporting units (and one that sent
// nothing), with the group's figures of three years.
func bookFixture(t testing.TB) (*store.Catalogue, map[int]map[string]float64, []store.UnitValues) {
	c := indCatalogue(t, 2026)
	units := []store.UnitValues{
		{Year: 2026, MemberID: indCompany, Unit: "某某化工", Values: map[string]float64{"training_bases": 4, "donated_equipment": 120.5}},
		{Year: 2026, MemberID: indAssoc, Unit: "淄博市化工行业协会", Values: map[string]float64{}},
		{Year: 2026, MemberID: indCollege, Unit: "潍坊职业学院", Values: map[string]float64{"training_bases": 15,
			"training_bases_national": 3, "tech_service_income": 420.75, "joint_students": 380}},
	}
	computed := map[string]float64{"members_total": 30, "company_share": 33.3333, "meetings_council": 2}
	group := map[int]map[string]float64{
		2026: store.GroupValues(c, computed, units),
		2025: store.GroupValues(c, map[string]float64{"members_total": 27, "company_share": 29.6}, indLastYear()),
		2024: {"members_total": 21, "training_bases": 9},
	}
	return c, group, units
}

func writeBook(t *testing.T) (*excelize.File, *store.Catalogue, map[int]map[string]float64) {
	t.Helper()
	c, group, units := bookFixture(t)
	path := filepath.Join(t.TempDir(), "年度指标表.xlsx")
	must(t, WriteIndicatorBook(path, c, group, units, indMembers(), indGroup))
	return book(t, path), c, group
}

// rowOf is the row of sheet whose column C (the indicator's name) is name.
func rowOf(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > 2 && r[2] == name {
			return r
		}
	}
	t.Fatalf("no row %s", name)
	return nil
}

func TestIndicatorBookSummary(t *testing.T) {
	f, c, _ := writeBook(t)
	if got := f.GetSheetList(); !slices.Equal(got, []string{GroupSheet, UnitsSheet, CompareSheet}) {
		t.Errorf("sheets %q", got)
	}
	rows, err := f.GetRows(GroupSheet)
	must(t, err)
	if rows[0][0] != "临淄区职业教育集团2026年度指标表" || !slices.Equal(rows[2], groupHeaders) || len(rows) != 3+len(c.Indicators) {
		t.Errorf("head %q, %d rows", rows[:3], len(rows))
	}
	for _, want := range [][]string{
		{"1", "一、成员单位", "成员单位总数", "家", "30", "27", "3", "程序计算"},
		{"11", "一、成员单位", "企业成员占比", "%", "33.3", "29.6", "3.7", "程序计算"},
		{"17", "二、运行机制", "召开理事会", "次", "2", "", "", "程序计算"},
		{"29", "三、产教融合", "共建共享实训基地", "个", "19", "15", "4", "成员单位填报"},
		{"30", "三、产教融合", "其中：国家级", "个", "3", "2", "1", "成员单位填报"},
		{"31", "三、产教融合", "承接培养培训项目", "个", "", "", "", "成员单位填报"},
		{"42", "三、产教融合", "校企联合培养学生", "人", "380", "420", "-40", "成员单位填报"},
		{"55", "五、社会服务与国际合作", "企业捐赠设备值", "万元", "120.50", "80.25", "40.25", "成员单位填报"},
		{"56", "五、社会服务与国际合作", "技术服务到款", "万元", "420.75", "356.50", "64.25", "成员单位填报"},
	} {
		if got := rowOf(t, rows, want[2]); !slices.Equal(got, want) {
			t.Errorf("row %q, want %q", got, want)
		}
	}
	// Real numbers, not text: the raw value of 33.3 is the figure itself.
	raw, err := f.GetCellValue(GroupSheet, "E14", excelize.Options{RawCellValue: true})
	must(t, err)
	if raw != "33.3333" {
		t.Errorf("E14 raw %q", raw)
	}
	if typ, _ := f.GetCellType(GroupSheet, "E14"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("E14 is text")
	}
	assertPrintSetup(t, f, GroupSheet, portrait, "$1:$3")
}

func TestIndicatorBookUnits(t *testing.T) {
	f, c, group := writeBook(t)
	rows, err := f.GetRows(UnitsSheet)
	must(t, err)
	var inds []store.Indicator
	for _, ind := range c.Indicators {
		if ind.Source == store.SourceCollected {
			inds = append(inds, ind)
		}
	}
	hdr := rows[1]
	if len(hdr) != 2+len(inds) || hdr[2] != "共建共享实训基地（个）" || hdr[len(hdr)-1] != "技术服务到款（万元）" {
		t.Errorf("header %q", hdr)
	}
	if len(rows) != 5 || rows[2][1] != "潍坊职业学院" || rows[3][1] != "某某化工股份有限公司/临淄分公司" || rows[4][0] != "合计" {
		t.Fatalf("rows %q", rows)
	}
	if rows[2][2] != "15" || rows[3][2] != "4" || rows[4][2] != "19" || rows[2][len(hdr)-1] != "420.75" || cellAt(rows[3], len(hdr)-1) != "" {
		t.Errorf("values %q %q %q", rows[2], rows[3], rows[4])
	}
	want := store.GroupValues(c, nil, bookUnits(t))
	for j, ind := range inds {
		cell, _ := excelize.CoordinatesToCellName(3+j, 5)
		raw, err := f.GetCellValue(UnitsSheet, cell, excelize.Options{RawCellValue: true})
		must(t, err)
		w, ok := want[ind.Code]
		if got := ""; ok {
			got = strconv.FormatFloat(w, 'f', -1, 64)
			if raw != got {
				t.Errorf("合计 %s = %q, want %q", ind.Code, raw, got)
			}
		} else if raw != "" {
			t.Errorf("合计 %s = %q, want blank", ind.Code, raw)
		}
		if w != group[2026][ind.Code] {
			t.Errorf("%s: fixture's group figure differs", ind.Code)
		}
	}
	if s := cellStyle(t, f, UnitsSheet, "C5"); s.Font == nil || s.Font.Family != fontTitle {
		t.Errorf("合计 not bold: %+v", s.Font)
	}
	// Three pages across, 序号 and 单位名称 repeated on each.
	pl, err := f.GetPageLayout(UnitsSheet)
	must(t, err)
	if *pl.Orientation != landscape || *pl.Size != paperA4 || *pl.FitToWidth != 3 || *pl.FitToHeight != 0 {
		t.Errorf("page layout %s %d fit %d×%d", *pl.Orientation, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
	}
	if hf, _ := f.GetHeaderFooter(UnitsSheet); hf == nil || hf.OddFooter != footerPages {
		t.Errorf("footer %+v", hf)
	}
	i := slices.IndexFunc(f.GetDefinedName(), func(d excelize.DefinedName) bool { return d.Name == printTitles && d.Scope == UnitsSheet })
	if i < 0 || f.GetDefinedName()[i].RefersTo != "'分单位明细'!$A:$B,'分单位明细'!$1:$2" {
		t.Errorf("print titles %+v", f.GetDefinedName())
	}
}

func bookUnits(t *testing.T) []store.UnitValues {
	_, _, units := bookFixture(t)
	return units
}

func TestIndicatorBookCompare(t *testing.T) {
	f, c, _ := writeBook(t)
	rows, err := f.GetRows(CompareSheet)
	must(t, err)
	want := [][]string{
		{"临淄区职业教育集团2024—2026年指标对比"},
		{"序号", "指标分组", "指标名称", "计量单位", "2024年", "2025年", "2026年"},
		{"1", "一、成员单位", "成员单位总数", "家", "21", "27", "30"},
	}
	assertSheetRows(t, rows[:3], want)
	if got := rowOf(t, rows, "共建共享实训基地"); !slices.Equal(got, []string{"29", "三、产教融合", "共建共享实训基地", "个", "9", "15", "19"}) {
		t.Errorf("training_bases %q", got)
	}
	if got := rowOf(t, rows, "企业成员占比"); !slices.Equal(got, []string{"11", "一、成员单位", "企业成员占比", "%", "", "29.6", "33.3"}) {
		t.Errorf("company_share %q", got)
	}
	if len(rows) != 2+len(c.Indicators) {
		t.Errorf("%d rows", len(rows))
	}
	assertPrintSetup(t, f, CompareSheet, portrait, "$1:$2")
}
