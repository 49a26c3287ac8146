package xlsx

// This file writes the messy import files under testdata/import/. They are
// committed; the tests read the committed files, so that a change to this
// generator shows up as a change to the files. Rewrite them with
//
//	go test ./store/xlsx/ -run TestImport -update

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

var update = flag.Bool("update", false, "rewrite the files in testdata/import")

// importDir is the repository's testdata/import.
var importDir = filepath.Join("..", "..", "testdata", "import")

func TestMain(m *testing.M) {
	flag.Parse()
	if *update {
		if err := writeImportFiles(); err != nil {
			fmt.Fprintln(os.Stderr, "writing testdata:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// code returns a credit code that passes the check, numbered i.
func code(i int) string {
	p := fmt.Sprintf("913707007%08d", i)
	return p + string(store.CreditCodeCheckChar(p))
}

// badCheck is code(i) with a wrong check character.
func badCheck(i int) string {
	c := code(i)
	last := "0"
	if c[17] == '0' {
		last = "1"
	}
	return c[:17] + last
}

// fullWidth turns ASCII letters and digits into their full-width forms,
// as a clerk typing with a Chinese input method in full-width mode does.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r - 0x21 + 0xFF01
		}
		return r
	}, s)
}

// sheetSpec is a first sheet to write: rows of cells starting at A1. A
// cell is a string, a number or a time.Time (written as a date cell).
type sheetSpec struct {
	name string
	rows [][]any
}

func writeImportFiles() error {
	if err := os.MkdirAll(importDir, 0o755); err != nil {
		return err
	}
	files := map[string]sheetSpec{
		"messy.xlsx":           messySheet(),
		"header_variants.xlsx": variantsSheet(),
		"history.xlsx":         historySheet(),
		"no_header.xlsx":       noHeaderSheet(),
	}
	for name, spec := range files {
		if err := writeSpec(filepath.Join(importDir, name), spec); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func writeSpec(path string, spec sheetSpec) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", spec.name); err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yy, a real date cell
	if err != nil {
		return err
	}
	for r, row := range spec.rows {
		for c, v := range row {
			if v == nil || v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(spec.name, ref, v); err != nil {
				return err
			}
			if _, ok := v.(time.Time); ok {
				if err := f.SetCellStyle(spec.name, ref, ref, dateStyle); err != nil {
					return err
				}
			}
		}
	}
	// A second sheet the importer must ignore.
	if _, err := f.NewSheet("说明"); err != nil {
		return err
	}
	if err := f.SetCellStr("说明", "A1", "单位名称 单位类型 这张表不应被读取"); err != nil {
		return err
	}
	if err := f.SaveAs(path); err != nil {
		return err
	}
	return os.Chmod(path, 0o644) // excelize creates files executable
}

// Existing members the messy file is planned against.
var (
	existingCodeMember = store.Member{Name: "山东海化集团有限责任公司", CreditCode: code(100), Type: "企业", City: "潍坊"}
	existingNameMember = store.Member{Name: "潍坊市教育局", Type: "政府部门", City: "潍坊"}
)

// messySheet is a register as clerks really send it: a title and a note
// above the header, columns shuffled, header variants, full-width text,
// every date form, synonyms, and one mistake per row from row 13 on.
func messySheet() sheetSpec {
	h := []any{"序号", "类型", "单位 名称", "入会时间", "信用代码", "理事会职务", "所在城市", "联系人", "电话", "E-mail", "退出日期", "退出方式", "备注"}
	row := func(no any, typ, name string, date any, code, tier, city, contact, phone string, rest ...any) []any {
		r := []any{no, typ, name, date, code, tier, city, contact, phone}
		return append(r, rest...)
	}
	return sheetSpec{name: "成员名单", rows: [][]any{
		{"某某职业教育集团成员单位名单"},
		{"（截至2023年11月，单位：家）"},
		{},
		h,
		row(1, "高职", "潍坊　职业 学院 ", "2023年7月18日", fullWidth(code(1)), "副理事长", "潍坊", "王 明", "0536-8123456", fullWidth("WANG")+"@example.com"),
		row(2, "企业单位", "潍坊化工机械有限公司", "2023.7.18", code(2), "常务理事", "潍坊", "", ""),
		row(3, "中职院校", "寿光市职业教育中心学校", "2023/07/18", code(3), "理事", "寿光", "", ""),
		row(4, "普通本科", "潍坊学院", "2023-7-8", code(4), "会员", "潍坊", "", ""),
		row(5, "技师学院", "潍坊市技师学院", time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC), code(5), "理事单位", "潍坊", "", ""),
		row(6, "协会", "潍坊市化工行业协会", 45125, code(6), "", "潍坊", "", ""),
		row(7, "科研机构", "潍坊市化工研究院", "43831", code(7), "", "潍坊", "", ""),
		{},
		row(9, "企业", "昌邑市化工有限公司", "2022年3月1日", badCheck(8), "", "昌邑", "", ""),
		row(10, "企业", "青州市化工有限公司", "2022年3月1日", "91370700MA3C", "", "青州", "", ""),
		row(11, "企业", "", "2022-05-01", code(9), "", "潍坊", "", ""),
		row(12, "企业", "临朐县化工有限公司", "2023-02-30", code(10), "", "临朐", "", ""),
		row(13, "外资机构", "潍坊某外资化工有限公司", "2021-01-01", code(11), "", "潍坊", "", ""),
		row(14, "企业", "潍坊化工机械 有限公司", "2023.7.18", "", "", "潍坊", "", ""),
		row(15, "企业", "山东海化集团有限公司", "2015.6.1", code(100), "理事", "潍坊", "", ""),
		row(16, "政府", "潍坊市教育局", "2012-01-01", "", "", "", "", ""),
		{17},
		row(18, "企业", "诸城市化工有限公司", "2021-01-01", code(12), "顾问单位", "诸城", "", ""),
		row(19, "中职学校", "寿光市化工学校", "2021-01-01", code(13), "", "寿光", "", "12345"),
		row(20, "企业", "高密市化工有限公司", "2015-03-01", code(14), "", "高密", "", "", "", "2020年6月30日", "主动退出"),
		row(21, "企业", "安丘市化工有限公司", "2020-01-01", code(15), "", "安丘", "", "", "", "2019-01-01", ""),
		row(22, "企业", "潍坊（"+fullWidth("ABC")+"）科技有限公司", "2021年1月1日", code(16), "", "潍坊", "", ""),
	}}
}

// variantsSheet uses the other header variants, header on row 1, and one
// row for each remaining type, tier and exit synonym.
func variantsSheet() sheetSpec {
	h := []any{"成员单位名称", "统一社会信用代码", "单位性质", "会员级别", "省", "地市", "通讯地址", "联系方式", "邮箱", "加入时间", "批准会议", "退出时间", "退出方式", "退出原因", "信用代码说明", "说明"}
	rows := [][]any{h}
	add := func(name, code, typ, tier string, rest ...any) {
		r := []any{name, code, typ, tier, "山东省", "潍坊市", "", "", "", "2018年9月1日", "2018年度理事会"}
		rows = append(rows, append(r, rest...))
	}
	add("潍坊工商职业学院", code(201), "高职学院", "理事长")
	add("潍坊商业学校", code(202), "中专", "常务理事单位")
	add("山东科技大学", code(203), "本科高校", "成员")
	add("青岛科技大学", code(204), "本科", "会员单位")
	add("潍坊市高级技工学校", code(205), "技工学校", "理事")
	add("潍坊市化学化工学会", code(206), "学会", "")
	add("山东省化工研究院", code(207), "研究院", "")
	add("潍坊市人民政府", "", "政府", "")
	add("潍坊市工业和信息化局", "", "政府机关", "")
	add("潍坊市人力资源和社会保障局", "", "行政机关", "")
	add("潍坊第一中学", code(208), "中小学", "")
	add("潍坊滨海化工有限公司", code(209), "企业", "", "2020.12.31", "开除", "连续两年未参加活动")
	add("潍坊某化工有限公司", code(210), "企业", "", "2021/3/1", "单位注销", "企业注销")
	add("潍坊老字号化工厂", badCheck(211), "企业", "", "", "", "", "营业执照上的代码")
	add("潍坊某咨询有限公司", code(212), "其它", "")
	return sheetSpec{name: "Sheet1", rows: rows}
}

// historyUnits is a whole historical register: units that joined from
// 2010 on, some of which left years ago.
var historyUnits = [][]any{
	{"潍坊职业学院", "高职院校", "理事长单位", "潍坊", "2010-05-01", "", "", ""},
	{"潍坊某某化工厂", "企业", "成员单位", "潍坊", "2010-05-01", "2012-12-31", "自愿退出", "企业转产"},
	{"烟台某某化工有限公司", "企业", "理事单位", "烟台", "2011-03-15", "2016-06-30", "除名", "长期不参加活动"},
	{"东营市化工学校", "中职学校", "成员单位", "东营", "2012-09-01", "", "", ""},
	{"青岛科技大学", "本科院校", "副理事长单位", "潍坊", "2014-01-10", "", "", ""},
	{"济南市化工协会", "行业协会", "成员单位", "济南", "2016-07-01", "2019-12-31", "注销", "协会注销"},
	{"潍坊某某石化有限公司", "企业", "常务理事单位", "潍坊", "2018-11-20", "", "", ""},
	{"潍坊市工业和信息化局", "政府部门", "理事单位", "潍坊", "2020-01-05", "", "", ""},
	{"青岛某某化工研究院", "科研院所", "成员单位", "青岛", "2021-06-30", "2022-09-30", "自愿退出", ""},
	{"烟台某某新材料有限公司", "企业", "成员单位", "烟台", "2022-03-01", "", "", ""},
}

func historySheet() sheetSpec {
	rows := [][]any{
		{"成员单位历史名册（含已退出单位）"},
		{"名称", "单位类型", "会员类别", "城市", "入会日期", "退出日期", "退出方式", "退出原因"},
	}
	rows = append(rows, historyUnits...)
	return sheetSpec{name: "历史名册", rows: rows}
}

func noHeaderSheet() sheetSpec {
	return sheetSpec{name: "Sheet1", rows: [][]any{
		{"某某集团2023年工作总结"},
		{"序号", "事项", "完成情况"},
		{1, "召开常务理事会", "已完成"},
	}}
}
