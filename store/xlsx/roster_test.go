package xlsx

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// sheetRows reads a sheet back as rows of cell values.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	must(t, err)
	return rows
}

// assertRows compares rows with want, one line per row, cells joined by |.
func assertRows(t *testing.T, rows [][]string, want []string) {
	t.Helper()
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r, "|"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

func mergedRanges(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	mc, err := f.GetMergeCells(sheet)
	must(t, err)
	var out []string
	for _, m := range mc {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	return out
}

// 　 is U+3000, the ideographic space PadName and padLabel use.
const sp = "\u3000"

func TestExportRosterStrokeOrder(t *testing.T) {
	fx := seedCouncil(t, store.OrderStrokes)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	must(t, ExportRoster(path, fx.export(d(2025, 3, 1))))
	f := book(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, []string{RosterSheet}) {
		t.Fatalf("sheets %v", got)
	}
	assertRows(t, sheetRows(t, f, RosterSheet), []string{
		"潍海市化工职业教育集团理事会名单",
		"第二届（2024年1月1日起）" + sp + "截至2025年3月1日",
		"",
		"名誉理事长（排名不分先后，按姓氏笔画排序）：",
		"|李建华|区委常委、宣传部部长、统战部部长，区委教育工委书记", // ， restored
		"|崔" + sp + "赟|区政府党组成员、副区长，区卫健局党组书记，区红十字会会长",
		"理" + sp + "事" + sp + "长：|张成刚|淄博市工业学校党委副书记、副校长（主持工作）",
		"副理事长（排名不分先后，按姓氏笔画排序）：",
		"|王" + sp + "林|区发改局党组书记、局长", // the title names the unit: not twice
		"|郑家晴|山东齐都药业有限公司董事长",
		"|赵立成|淄博七中党委书记、校长",
		"|黄贻展|淄博加华新材料资源有限公司总经理",
		"|韩" + sp + "峰|中国石油化工集团有限公司齐鲁分公司党委书记",
		"理" + sp + sp + sp + "事（排名不分先后，按单位名称笔画排序）：",
		"||电科北方半导体科技（山东）有限公司", // a unit with no representative
		"|李学峰|齐峰新材料股份有限公司董事长",
		"秘" + sp + "书" + sp + "长：|冯" + sp + "波|淄博市工业学校总务处副主任",
		"副秘书长（排名不分先后，按姓氏笔画排序）：",
		"|于" + sp + "霞|淄博市工业学校产学研中心主任",
		"|李丽平|淄博市工业学校教务处主任",
	})
	wantMerged := []string{"A1:C1", "A2:C2", "A4:C4", "A8:C8", "A14:C14", "A18:C18"}
	if got := mergedRanges(t, f, RosterSheet); !slices.Equal(got, wantMerged) {
		t.Errorf("merged %v, want %v", got, wantMerged)
	}
	assertRosterLook(t, f)
	assertPrintSetup(t, f, RosterSheet, portrait, "$1:$2")
}

// assertRosterLook checks that the 名单 looks like a document: fonts, no
// borders, no grid, column widths, rows tall enough for wrapped text.
func assertRosterLook(t *testing.T, f *excelize.File) {
	t.Helper()
	sh := RosterSheet
	for cell, want := range map[string]string{"A1": "黑体", "A4": "黑体", "A7": "黑体", "B7": "宋体", "C7": "宋体", "A2": "宋体"} {
		if s := cellStyle(t, f, sh, cell); s.Font == nil || s.Font.Family != want {
			t.Errorf("%s font %+v, want %s", cell, s.Font, want)
		}
	}
	for _, cell := range []string{"A7", "B7", "C7", "B9", "C9", "A4"} {
		if s := cellStyle(t, f, sh, cell); len(s.Border) != 0 {
			t.Errorf("%s has borders %+v: the 名单 is a document, not a table", cell, s.Border)
		}
	}
	if s := cellStyle(t, f, sh, "C7"); s.Alignment == nil || !s.Alignment.WrapText || s.Alignment.Vertical != "top" {
		t.Errorf("单位及职务 alignment %+v", s.Alignment)
	}
	view, err := f.GetSheetView(sh, 0)
	must(t, err)
	if view.ShowGridLines == nil || *view.ShowGridLines {
		t.Error("grid lines are shown")
	}
	for col, w := range map[string]float64{"A": 15, "B": 10, "C": 60} {
		if got, _ := f.GetColWidth(sh, col); got != w {
			t.Errorf("width %s = %v, want %v", col, got, w)
		}
	}
	short, _ := f.GetRowHeight(sh, 5) // 李建华: 25 characters, one line
	long, _ := f.GetRowHeight(sh, 6)  // 崔赟: 28, two
	if short < 18 || long < 2*short-10 {
		t.Errorf("row heights %v and %v: a wrapped line would be cut", short, long)
	}
}

func TestExportRosterRanked(t *testing.T) {
	fx := seedCouncil(t, store.OrderRanked)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	must(t, ExportRoster(path, fx.export(d(2025, 3, 1))))
	rows := sheetRows(t, book(t, path), RosterSheet)
	assertRows(t, rows[3:], []string{
		"名誉理事长：|李建华|区委常委、宣传部部长、统战部部长，区委教育工委书记",
		"|崔" + sp + "赟|区政府党组成员、副区长，区卫健局党组书记，区红十字会会长",
		"理" + sp + "事" + sp + "长：|张成刚|淄博市工业学校党委副书记、副校长（主持工作）",
		"副理事长：|赵立成|淄博七中党委书记、校长", // in the order the seats were given
		"|郑家晴|山东齐都药业有限公司董事长",
		"|韩" + sp + "峰|中国石油化工集团有限公司齐鲁分公司党委书记",
		"|黄贻展|淄博加华新材料资源有限公司总经理",
		"|王" + sp + "林|区发改局党组书记、局长",
		"理" + sp + sp + sp + "事：|李学峰|齐峰新材料股份有限公司董事长",
		"||电科北方半导体科技（山东）有限公司",
		"秘" + sp + "书" + sp + "长：|冯" + sp + "波|淄博市工业学校总务处副主任",
		"副秘书长：|李丽平|淄博市工业学校教务处主任",
		"|于" + sp + "霞|淄博市工业学校产学研中心主任",
	})
	for _, r := range rows {
		if strings.Contains(strings.Join(r, ""), "排名不分先后") {
			t.Errorf("ranked roster has the stroke note: %q", r)
		}
	}
}

func TestExportRosterEarlierTermAndNoTerm(t *testing.T) {
	fx := seedCouncil(t, store.OrderStrokes)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	must(t, ExportRoster(path, fx.export(d(2022, 6, 1))))
	assertRows(t, sheetRows(t, book(t, path), RosterSheet), []string{
		"潍海市化工职业教育集团理事会名单",
		"第一届（2020年1月1日至2023年12月31日）" + sp + "截至2022年6月1日",
		"",
		"理事长：|张成刚|淄博市工业学校党委副书记、副校长（主持工作）", // alone: nothing to align with
	})
	exp := fx.export(d(2019, 6, 1))
	exp.GroupName = ""
	must(t, ExportRoster(path, exp))
	assertRows(t, sheetRows(t, book(t, path), RosterSheet), []string{
		"职业教育集团理事会名单", "截至2019年6月1日", "", "（无任职人员）",
	})
}

func TestExportRosterGuardsFormulas(t *testing.T) {
	fx := &rosterFixture{tb: t, body: store.Body{Name: "秘书处", Type: "秘书处", Ordering: store.OrderRanked}}
	term, err := fx.body.AddTerm(1, d(2024, 1, 1))
	must(t, err)
	fx.term = term.ID
	fx.seat("秘书长", fx.person("=SUM(A1)", "+区委", [16]byte{}, ""), "主任")
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	must(t, ExportRoster(path, fx.export(d(2024, 5, 1))))
	f := book(t, path)
	if got := value(t, f, RosterSheet, "C4"); got != "+区委主任" {
		t.Errorf("C4 = %q", got)
	}
	assertGuarded(t, f, RosterSheet, "B4", "C4")
}

func TestRosterTextHelpers(t *testing.T) {
	b := &store.Body{Name: "临淄区职业教育联盟理事会"}
	for _, c := range []struct{ group, body, want string }{
		{"潍海市化工职业教育集团", "理事会", "潍海市化工职业教育集团理事会名单"},
		{"临淄区职业教育联盟", b.Name, "临淄区职业教育联盟理事会名单"}, // not 临淄区职业教育联盟临淄区…
		{"", "指导委员会", "职业教育集团指导委员会名单"},
	} {
		if got := RosterTitle(c.group, &store.Body{Name: c.body}); got != c.want {
			t.Errorf("RosterTitle(%q, %q) = %q", c.group, c.body, got)
		}
	}
	for in, want := range map[string]string{"王林": "王" + sp + "林", "赵立成": "赵立成", "欧阳华": "欧阳华", "Li": "Li", "": "", "王": "王"} {
		if got := PadName(in); got != want {
			t.Errorf("PadName(%q) = %q", in, got)
		}
		if store.CleanName(PadName(in)) != in {
			t.Errorf("PadName(%q) does not clean back", in)
		}
	}
	for in, want := range map[string]string{
		"理事长": "理" + sp + "事" + sp + "长", "理事": "理" + sp + sp + sp + "事", "副理事长": "副理事长",
		"名誉理事长": "名誉理事长", "专家委员会主任": "专家委员会主任",
	} {
		if got := padLabel(in, 5); got != want {
			t.Errorf("padLabel(%q, 5) = %q", in, got)
		}
	}
	for in, want := range map[string]string{
		"部长,区委书记":          "部长，区委书记",
		"副校长(主持工作)":        "副校长（主持工作）",
		"遨博(山东)智能机器人有限公司":  "遨博（山东）智能机器人有限公司",
		"BASF (China) Co.": "BASF (China) Co.",
		"总经理:":             "总经理：",
	} {
		if got := PrintText(in); got != want {
			t.Errorf("PrintText(%q) = %q", in, got)
		}
	}
}

func TestRosterExportPositionsOrder(t *testing.T) {
	fx := seedCouncil(t, store.OrderStrokes)
	exp := fx.export(d(2025, 3, 1))
	exp.Positions = []string{"秘书长", "理事长"}
	var got []string
	for _, s := range exp.sections() {
		got = append(got, s.Position)
	}
	want := []string{"秘书长", "理事长", "名誉理事长", "副理事长", "理事", "副秘书长"}
	if !slices.Equal(got, want) {
		t.Errorf("sections %q, want %q", got, want)
	}
}

func TestExportRosterTable(t *testing.T) {
	fx := seedCouncil(t, store.OrderStrokes)
	exp := fx.export(d(2025, 3, 1))
	exp.MaskPhones = true
	path := filepath.Join(t.TempDir(), "名单表.xlsx")
	must(t, ExportRosterTable(path, exp))
	f := book(t, path)
	sh := RosterTableSheet
	assertRows(t, sheetRows(t, f, sh), []string{
		"潍海市化工职业教育集团理事会名单（第二届，截至2025年3月1日）",
		"序号|职务|姓名|单位|职务/职称|联系电话",
		"1|名誉理事长|李建华|区委|常委、宣传部部长、统战部部长，区委教育工委书记",
		"2|名誉理事长|崔赟|区政府|党组成员、副区长，区卫健局党组书记，区红十字会会长",
		"3|理事长|张成刚|淄博市工业学校|党委副书记、副校长（主持工作）|139****0001",
		"4|副理事长|王林|区发改局|区发改局党组书记、局长|0533-***3456",
		"5|副理事长|郑家晴|山东齐都药业有限公司|董事长",
		"6|副理事长|赵立成|淄博七中|党委书记、校长|139****0002",
		"7|副理事长|黄贻展|淄博加华新材料资源有限公司|总经理",
		"8|副理事长|韩峰|中国石油化工集团有限公司齐鲁分公司|党委书记",
		"9|理事||电科北方半导体科技（山东）有限公司",
		"10|理事|李学峰|齐峰新材料股份有限公司|董事长",
		"11|秘书长|冯波|淄博市工业学校|总务处副主任",
		"12|副秘书长|于霞|淄博市工业学校|产学研中心主任",
		"13|副秘书长|李丽平|淄博市工业学校|教务处主任",
		"注：同一职务内排名不分先后，按姓氏笔画排序。",
	})
	if s := cellStyle(t, f, sh, "D3"); len(s.Border) != 4 {
		t.Errorf("table cell borders %+v", s.Border)
	}
	if h3, _ := f.GetRowHeight(sh, 3); h3 < 28 { // 职务/职称 wraps onto two lines
		t.Errorf("row 3 height %v", h3)
	}
	assertPrintSetup(t, f, sh, landscape, "$1:$2")
}

// TestRosterTableImportsAgain reads the table back with ReadRoster and
// plans it against the same body: nothing changes. The unit seat with no
// representative has no name, which the import refuses.
func TestRosterTableImportsAgain(t *testing.T) {
	fx := seedCouncil(t, store.OrderStrokes)
	path := filepath.Join(t.TempDir(), "名单表.xlsx")
	must(t, ExportRosterTable(path, fx.export(d(2025, 3, 1))))
	rows, err := ReadRosterFile(path)
	must(t, err)
	if len(rows) != 13 || rows[0].Position != "名誉理事长" || rows[0].Title != "常委、宣传部部长、统战部部长，区委教育工委书记" {
		t.Fatalf("%d rows, first %+v", len(rows), rows[0])
	}
	plan := store.PlanRosterImport(fx.body, fx.people, fx.members, rows, store.DefaultPositions, planNow)
	for _, pr := range plan.Rows {
		want := store.RowUnchanged
		if pr.Row == 11 {
			want = store.RowError
		}
		if pr.Action != want || pr.NewPerson {
			t.Errorf("row %d %s: %s %v", pr.Row, pr.Name, pr.Action, pr.Errors)
		}
	}
}

func TestExportUnitList(t *testing.T) {
	fx := seedCommunity(t)
	path := filepath.Join(t.TempDir(), "成员单位.xlsx")
	must(t, ExportUnitList(path, fx.export(d(2025, 3, 1))))
	f := book(t, path)
	sh := UnitListSheet
	assertRows(t, sheetRows(t, f, sh), []string{
		"职普融通发展共同体成员单位名单",
		"序号|单位名称|单位类型",
		"1|临淄中学|普通学校", // 临 9 strokes, 淄 11; 市 5 before 齐 6
		"2|淄博市工业学校|中职学校",
		"3|淄博齐鲁幼教集团|其他",
		"注：排名不分先后，按单位名称笔画排序。截至2025年3月1日，共3家。",
	})
	assertPrintSetup(t, f, sh, portrait, "$1:$2")
	if got := mergedRanges(t, f, sh); !slices.Equal(got, []string{"A1:C1", "A6:C6"}) {
		t.Errorf("merged %v", got)
	}
}
