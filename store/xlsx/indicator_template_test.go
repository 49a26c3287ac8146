package xlsx

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// templates writes the fixture's templates into a fresh folder.
func templates(t *testing.T, c *store.Catalogue) []string {
	t.Helper()
	paths, err := WriteTemplates(t.TempDir(), c, indRoundOf(c), indMembers(), indLastYear(), indGroup)
	must(t, err)
	return paths
}

func TestTemplateFiles(t *testing.T) {
	paths := templates(t, indCatalogue(t, 2026))
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	want := []string{"指标填报-2026-潍坊职业学院.xlsx", "指标填报-2026-某某化工股份有限公司_临淄分公司.xlsx",
		"指标填报-2026-淄博市化工行业协会.xlsx"}
	if !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
}

// wantCodes are the codes a unit of type typ answers, in catalogue order.
func wantCodes(c *store.Catalogue, typ store.UnitType) []string {
	var out []string
	for _, ind := range c.Indicators {
		if ind.AnsweredBy(typ) {
			out = append(out, ind.Code)
		}
	}
	return out
}

func TestTemplateCollege(t *testing.T) {
	c := indCatalogue(t, 2026)
	f := book(t, templates(t, c)[0])
	sh := IndicatorSheet
	rows, err := f.GetRows(sh)
	must(t, err)
	head := [][]string{
		{"临淄区职业教育集团2026年度指标填报表", "", "", "", "", "", "", indMarker},
		{"填报单位：", "", "潍坊职业学院", "", "", "", "", "2026"},
		{"统一社会信用代码：", "", "12370700MB2857126X", "", "", "", "", indRound.String()},
		{indicatorNote(2026), "", "", "", "", "", "", indCollege.String()},
		append(slices.Clone(IndicatorHeaders), indCodeHead),
		{"1", "三、产教融合", "共建共享实训基地", "个", "12", "", "", "training_bases"},
		{"2", "三、产教融合", "其中：国家级", "个", "2", "", "", "training_bases_national"},
		{"3", "三、产教融合", "承接培养培训项目", "个", "", "", "", "training_projects"},
	}
	assertSheetRows(t, rows[:len(head)], head)
	codes := wantCodes(c, "高职院校")
	if len(rows) != 5+len(codes) || len(codes) != 24 {
		t.Fatalf("%d rows for %d indicators", len(rows), len(codes))
	}
	for i, code := range codes {
		if got := rows[5+i][7]; got != code {
			t.Errorf("row %d code %s, want %s", 6+i, got, code)
		}
	}
	last := rows[len(rows)-1]
	if last[2] != "技术服务到款" || last[3] != "万元" || last[4] != "356.50" {
		t.Errorf("last row %q", last)
	}
	if strings.Contains(strings.Join(rows[5], ""), "企业骨干") {
		t.Error("a company's indicator on a college's template")
	}
	assertTemplateLocks(t, f, len(rows))
	assertTemplateProtected(t, f)
	assertPrintSetup(t, f, sh, portrait, "$1:$5")
}

// assertTemplateLocks checks that 本年数值 and 备注 are the only open cells,
// that 本年数值 is a number cell, and that the id column is hidden.
func assertTemplateLocks(t *testing.T, f *excelize.File, last int) {
	t.Helper()
	for r := 1; r <= last; r++ {
		for col := 1; col <= 8; col++ {
			cell, _ := excelize.CoordinatesToCellName(col, r)
			s := cellStyle(t, f, IndicatorSheet, cell)
			open := s.Protection != nil && !s.Protection.Locked
			if want := r > indHeaderRow && (col == 6 || col == 7); open != want {
				t.Errorf("%s unlocked=%v", cell, open)
			}
			if r > indHeaderRow && col == 6 && (s.CustomNumFmt == nil || s.Fill.Color == nil) {
				t.Errorf("%s is not a tinted number cell: %+v", cell, s)
			}
		}
	}
	if vis, err := f.GetColVisible(IndicatorSheet, "H"); err != nil || vis {
		t.Errorf("id column visible=%v %v", vis, err)
	}
	if vis, _ := f.GetColVisible(IndicatorSheet, "G"); !vis {
		t.Error("备注 is hidden")
	}
}

func assertTemplateProtected(t *testing.T, f *excelize.File) {
	t.Helper()
	p, err := f.GetSheetProtection(IndicatorSheet)
	must(t, err)
	if p.FormatColumns || p.InsertColumns || p.InsertRows || p.DeleteRows || p.DeleteColumns || p.Sort || !p.SelectUnlockedCells {
		t.Errorf("protection allows too much: %+v", p)
	}
	if err := f.UnprotectSheet(IndicatorSheet, "wrong"); !errors.Is(err, excelize.ErrUnprotectSheetPassword) {
		t.Errorf("unprotect with a wrong password: %v (is the sheet protected?)", err)
	}
}

func TestTemplateCompany(t *testing.T) {
	c := indCatalogue(t, 2026)
	c.Indicator("training_bases").Max = 500 // a bound shows in the validation
	f := book(t, templates(t, c)[1])
	sh := IndicatorSheet
	rows, err := f.GetRows(sh)
	must(t, err)
	codes := wantCodes(c, "企业")
	if len(rows) != 5+len(codes) || len(codes) != 16 {
		t.Fatalf("%d rows for %d indicators", len(rows), len(codes))
	}
	if rows[1][2] != "某某化工股份有限公司/临淄分公司" || rows[3][7] != indCompany.String() {
		t.Errorf("unit %q id %q", rows[1][2], rows[3][7])
	}
	byCode := map[string][]string{}
	for _, r := range rows[5:] {
		byCode[r[7]] = r
	}
	if r := byCode["company_teachers"]; r == nil || r[2] != "企业骨干到院校兼职任教" || r[4] != "" {
		t.Errorf("company_teachers %q", r)
	}
	if r := byCode["donated_equipment"]; r == nil || r[4] != "80.25" {
		t.Errorf("donated_equipment %q", r)
	}
	if byCode["dual_teacher_training"] != nil {
		t.Error("a college's indicator on a company's template")
	}
	assertTemplateLocks(t, f, len(rows))
	assertTemplateProtected(t, f)
	dvs, err := f.GetDataValidations(sh)
	must(t, err)
	var got []string
	for _, dv := range dvs {
		got = append(got, dv.Sqref+" "+dv.Type+" "+dv.Operator+" "+dv.Formula1+" "+dv.Formula2+" "+*dv.ErrorStyle)
		if dv.Error == nil || !strings.Contains(*dv.Error, "请填写") || !dv.ShowErrorMessage {
			t.Errorf("%s has no Chinese error message: %+v", dv.Sqref, dv)
		}
	}
	// 16 rows: the bounded one, 14 whole, and donated_equipment last
	want := []string{"F6:F6 whole between 0 500 stop", "F7:F20 whole greaterThanOrEqual 0  stop",
		"F21:F21 decimal greaterThanOrEqual 0  stop"}
	if !slices.Equal(got, want) {
		t.Errorf("validations\n%q\nwant\n%q", got, want)
	}
}
