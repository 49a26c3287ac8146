package xlsx

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// book opens an exported workbook for reading back.
func book(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func value(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	must(t, err)
	return v
}

func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	must(t, err)
	s, err := f.GetStyle(id)
	must(t, err)
	return s
}

// assertPrintSetup checks what every printed sheet must have.
func assertPrintSetup(t *testing.T, f *excelize.File, sheet, orientation, titles string) {
	t.Helper()
	pl, err := f.GetPageLayout(sheet)
	must(t, err)
	if *pl.Size != paperA4 || *pl.Orientation != orientation || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
		pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("page layout: size %d %s fit %v×%v", *pl.Size, *pl.Orientation, pl.FitToWidth, pl.FitToHeight)
	}
	props, err := f.GetSheetProps(sheet)
	must(t, err)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page is not enabled, so Excel ignores the fit-to-width setting")
	}
	hf, err := f.GetHeaderFooter(sheet)
	must(t, err)
	if hf == nil || hf.OddFooter != "&C第 &P 页，共 &N 页" {
		t.Errorf("footer = %+v", hf)
	}
	i := slices.IndexFunc(f.GetDefinedName(), func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && d.Scope == sheet
	})
	if i < 0 || f.GetDefinedName()[i].RefersTo != "'"+sheet+"'!"+titles {
		t.Errorf("print titles: %+v", f.GetDefinedName())
	}
}

// registerMembers are members whose fields test the register: a mobile
// to mask, a landline, and values that look like formulas.
func registerMembers(t *testing.T) []store.Member {
	return []store.Member{
		joined(t, store.Member{Name: "潍坊职业学院", Type: "高职院校", City: "潍坊", Contact: "王明", Phone: "13812341234"}, d(2010, 5, 1), "理事长单位"),
		joined(t, store.Member{Name: "=HYPERLINK(\"http://evil.example\",\"点此\")", Type: "企业", City: "+潍坊", Contact: "@SUM(A1)", Phone: "-2+3"}, d(2023, 7, 18), "成员单位"),
		joined(t, store.Member{Name: "潍坊市教育局", Type: "政府部门", City: "潍坊", Contact: "李华", Phone: "0536-8123456"}, d(2020, 1, 5), "理事单位"),
	}
}

func TestExportRegister(t *testing.T) {
	members := registerMembers(t)
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	entries := store.Register(members, d(2023, 11, 28))
	err := ExportRegister(path, RegisterExport{GroupName: "潍坊市化工职业教育集团", AsOf: d(2023, 11, 28), Entries: entries, MaskPhones: true})
	must(t, err)
	f := book(t, path)
	sh := RegisterSheet
	if got := f.GetSheetList(); !slices.Equal(got, []string{sh}) {
		t.Fatalf("sheets %v", got)
	}
	if got := value(t, f, sh, "A1"); got != "潍坊市化工职业教育集团成员单位名册（截至2023年11月28日）" {
		t.Errorf("title %q", got)
	}
	merged, err := f.GetMergeCells(sh)
	must(t, err)
	if len(merged) != 1 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != "H1" {
		t.Errorf("merged %v", merged)
	}
	rows, err := f.GetRows(sh)
	must(t, err)
	if !slices.Equal(rows[1], RegisterHeaders) {
		t.Errorf("headers %q", rows[1])
	}
	want := [][]string{
		{"1", "潍坊职业学院", "高职院校", "理事长单位", "潍坊", "王明", "138****1234", "2010年5月1日"},
		{"2", "潍坊市教育局", "政府部门", "理事单位", "潍坊", "李华", "0536-***3456", "2020年1月5日"},
		{"3", "=HYPERLINK(\"http://evil.example\",\"点此\")", "企业", "成员单位", "+潍坊", "@SUM(A1)", "-2+3", "2023年7月18日"},
	}
	if len(rows) != 2+len(want) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, w := range want {
		if !slices.Equal(rows[i+2], w) {
			t.Errorf("row %d = %q, want %q", i+3, rows[i+2], w)
		}
	}
	assertGuarded(t, f, sh, "B5", "E5", "F5", "G5")
	assertRegisterCells(t, f)
	assertPrintSetup(t, f, sh, landscape, "$1:$2")
}

// assertGuarded checks that formula-like values are text cells with no
// formula, formatted as text so re-entering them keeps them text.
func assertGuarded(t *testing.T, f *excelize.File, sheet string, cells ...string) {
	t.Helper()
	for _, c := range cells {
		typ, err := f.GetCellType(sheet, c)
		must(t, err)
		formula, err := f.GetCellFormula(sheet, c)
		must(t, err)
		if (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) || formula != "" {
			t.Errorf("%s: type %v formula %q", c, typ, formula)
		}
		if s := cellStyle(t, f, sheet, c); s.NumFmt != numFmtText {
			t.Errorf("%s: number format %d, want text", c, s.NumFmt)
		}
	}
}

// assertRegisterCells checks the cell types, fonts, widths and panes.
func assertRegisterCells(t *testing.T, f *excelize.File) {
	sh := RegisterSheet
	if typ, _ := f.GetCellType(sh, "A3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("序号 is %v, want a number", typ)
	}
	raw, err := f.GetCellValue(sh, "H3", excelize.Options{RawCellValue: true})
	must(t, err)
	if raw != "40299" { // 2010-05-01: a real date cell, so it sorts as a date
		t.Errorf("加入日期 raw value %q", raw)
	}
	for cell, family := range map[string]string{"A1": "黑体", "A2": "黑体", "B3": "宋体", "H3": "宋体"} {
		s := cellStyle(t, f, sh, cell)
		if s.Font == nil || s.Font.Family != family {
			t.Errorf("%s font %+v, want %s", cell, s.Font, family)
		}
	}
	if s := cellStyle(t, f, sh, "B3"); len(s.Border) != 4 || s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("body style %+v", s)
	}
	for col, w := range map[string]float64{"A": 6, "B": 42, "G": 16, "H": 16} {
		if got, err := f.GetColWidth(sh, col); err != nil || got != w {
			t.Errorf("width %s = %v, want %v", col, got, w)
		}
	}
	panes, err := f.GetPanes(sh)
	must(t, err)
	if !panes.Freeze || panes.YSplit != 2 {
		t.Errorf("panes %+v", panes)
	}
}

func TestExportRegisterUnmasked(t *testing.T) {
	members := registerMembers(t)
	path := filepath.Join(t.TempDir(), "r.xlsx")
	must(t, ExportRegister(path, RegisterExport{AsOf: d(2015, 1, 1), Entries: store.Register(members, d(2015, 1, 1))}))
	f := book(t, path)
	if got := value(t, f, RegisterSheet, "A1"); got != "职业教育集团成员单位名册（截至2015年1月1日）" {
		t.Errorf("title with no group name %q", got)
	}
	if got := value(t, f, RegisterSheet, "G3"); got != "13812341234" {
		t.Errorf("phone %q", got)
	}
	if got := value(t, f, RegisterSheet, "B4"); got != "" {
		t.Errorf("members who joined later are listed: %q", got)
	}
}

// seedStats are the figures of the seed-000 report paragraph.
func seedStats() StatsExport {
	return StatsExport{
		GroupName: "潍坊市化工职业教育集团",
		Stats: store.Stats{
			AsOf: d(2023, 11, 28), Since: d(2023, 1, 1), Total: 81, Joined: 3, Left: 1,
			ByType: map[store.UnitType]int{"政府部门": 1, "企业": 47, "本科院校": 3, "高职院校": 17, "中职学校": 10, "行业协会": 2, "科研院所": 1},
			ByCity: map[string]int{"潍坊": 60, "烟台": 8, "东营": 8, "=CMD()": 5},
		},
		ByTier: map[store.Tier]int{"理事长单位": 1, "副理事长单位": 6, "常务理事单位": 12, "理事单位": 20, "成员单位": 42},
	}
}

func TestExportStats(t *testing.T) {
	path := filepath.Join(t.TempDir(), "统计.xlsx")
	must(t, ExportStats(path, seedStats()))
	f := book(t, path)
	sh := StatsSheet
	if got := value(t, f, sh, "A1"); got != "潍坊市化工职业教育集团成员结构统计表（截至2023年11月28日）" {
		t.Errorf("title %q", got)
	}
	wantSentence := "统计期间 2023年1月1日至2023年11月28日，新增成员单位 3 家，退出成员 1 家，现有成员单位 81 家，" +
		"其中政府部门 1 家、企业 47 家、本科院校 3 所、高职院校 17 所、中职学校 10 所、行业协会 2 家、科研院所 1 家。"
	if got := value(t, f, sh, "A2"); got != wantSentence {
		t.Errorf("sentence\n got %q\nwant %q", got, wantSentence)
	}
	rows, err := f.GetRows(sh)
	must(t, err)
	var lines []string
	for _, r := range rows[3:] {
		lines = append(lines, strings.Join(r, "|"))
	}
	want := []string{
		"一、按单位类型统计", "单位类型|数量|占比",
		"政府部门|1|1.2%", "企业|47|58.0%", "本科院校|3|3.7%", "高职院校|17|21.0%", "中职学校|10|12.3%",
		"技工院校|0|0.0%", "普通学校|0|0.0%", "行业协会|2|2.5%", "科研院所|1|1.2%", "其他|0|0.0%", "合计|81|100.0%",
		"", "二、按会员类别统计", "会员类别|数量|占比",
		"理事长单位|1|1.2%", "副理事长单位|6|7.4%", "常务理事单位|12|14.8%", "理事单位|20|24.7%", "成员单位|42|51.9%", "合计|81|100.0%",
		"", "三、按城市统计", "城市|数量|占比",
		"潍坊|60|74.1%", "东营|8|9.9%", "烟台|8|9.9%", "=CMD()|5|6.2%", "合计|81|100.0%",
		"", "四、成员变动", "项目|数量",
		"期间新增成员单位|3", "期间退出成员单位|1", "现有成员单位|81",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("tables:\n got %q\nwant %q", lines, want)
	}
	city := 4 + slices.Index(want, "=CMD()|5|6.2%")
	assertGuarded(t, f, sh, "A"+strconv.Itoa(city))
	if raw, _ := f.GetCellValue(sh, "C7", excelize.Options{RawCellValue: true}); !strings.HasPrefix(raw, "0.580") {
		t.Errorf("share is not a number: %q", raw)
	}
	if s := cellStyle(t, f, sh, "A1"); s.Font == nil || s.Font.Family != "黑体" {
		t.Errorf("title font %+v", s.Font)
	}
	if w, _ := f.GetColWidth(sh, "A"); w != 44 {
		t.Errorf("width A = %v", w)
	}
	assertPrintSetup(t, f, sh, portrait, "$1:$1")
}

func TestStatsSentenceEmpty(t *testing.T) {
	s := store.ComputeStats(nil, store.Date{}, d(2024, 3, 1))
	want := "统计期间 2024年1月1日至2024年3月1日，新增成员单位 0 家，退出成员 0 家，现有成员单位 0 家。"
	if got := s.Sentence(); got != want {
		t.Errorf("got %q", got)
	}
	path := filepath.Join(t.TempDir(), "s.xlsx")
	must(t, ExportStats(path, StatsExport{Stats: s}))
	if got := value(t, book(t, path), StatsSheet, "C16"); got != "0.0%" {
		t.Errorf("合计 share with no members = %q", got)
	}
}

// TestRegisterLongNameRowHeight checks that a name too long for one line
// gets a taller row, and an ordinary one keeps the default height.
func TestRegisterLongNameRowHeight(t *testing.T) {
	if registerRowOpts("潍坊职业学院") != nil {
		t.Error("a short name must keep the default row height")
	}
	long := "淄博市临淄区九合财金控股有限公司第一分公司化工新材料研究院实训基地"
	opts := registerRowOpts(long)
	if len(opts) != 1 || opts[0].Height < 2*bodyPt*1.4 {
		t.Fatalf("row options for a long name: %+v", opts)
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	entries := []store.RegisterEntry{{Member: &store.Member{Name: long, Type: "企业"}}, {Member: &store.Member{Name: "短名单位", Type: "企业"}}}
	must(t, ExportRegister(path, RegisterExport{AsOf: d(2024, 1, 1), Entries: entries}))
	f, err := excelize.OpenFile(path)
	must(t, err)
	defer f.Close()
	if h, _ := f.GetRowHeight(RegisterSheet, 3); h != opts[0].Height {
		t.Errorf("long-name row height %v, want %v", h, opts[0].Height)
	}
	if h, _ := f.GetRowHeight(RegisterSheet, 4); h >= opts[0].Height {
		t.Errorf("short-name row height %v", h)
	}
}
