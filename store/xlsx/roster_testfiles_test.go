package xlsx

// This file writes the roster import files under testdata/roster/. They
// are committed and the tests read the committed files; rewrite them with
//
//	go test ./store/xlsx/ -run TestReadRoster -update-roster
//
// (a flag of its own, so that it leaves testdata/import alone).

import (
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

var updateRoster = flag.Bool("update-roster", false, "rewrite the files in testdata/roster")

// rosterDir is the repository's testdata/roster.
var rosterDir = filepath.Join("..", "..", "testdata", "roster")

var writeRosterOnce sync.Once

// rosterFile is the path of a file in testdata/roster, written first if
// -update-roster was given.
func rosterFile(t *testing.T, name string) string {
	t.Helper()
	writeRosterOnce.Do(func() {
		if *updateRoster {
			must(t, writeRosterFiles())
		}
	})
	return filepath.Join(rosterDir, name)
}

func writeRosterFiles() error {
	if err := os.MkdirAll(rosterDir, 0o755); err != nil {
		return err
	}
	for name, spec := range rosterSpecs() {
		if err := writeSpec(filepath.Join(rosterDir, name), spec); err != nil {
			return err
		}
	}
	return nil
}

func rosterSpecs() map[string]sheetSpec {
	return map[string]sheetSpec{
		"messy.xlsx": messyRoster(),
		// The seed's own table: 职务 twice, the position then the title.
		"seed_table.xlsx": {name: "Sheet1", rows: [][]any{
			{"序号", "职务", "姓名", "单位", "职务"},
			{1, "理事长", "张成刚", "淄博市工业学校", "党委副书记、副校长"},
		}},
		// A 职位 column: 职务 is then the title.
		"position_column.xlsx": {name: "Sheet1", rows: [][]any{
			{"姓名", "单位", "职务", "职位"},
			{"张成刚", "淄博市工业学校", "党委副书记、副校长", "理事长"},
		}},
		// No 职位 column, and 职称 for the title: 职务 is the position.
		"zhiwu_zhicheng.xlsx": {name: "Sheet1", rows: [][]any{
			{"姓名", "单位名称", "职务", "职称"},
			{"张成刚", "淄博市工业学校", "理事长", "党委副书记、副校长"},
		}},
		"no_header.xlsx": {name: "Sheet1", rows: [][]any{
			{"序号", "单位名称", "单位类型"},
			{1, "淄博市工业学校", "中职学校"},
		}},
	}
}

// messyRoster is a roster as a clerk sends it: a title above the header,
// header variants (姓 名 with a full-width space, 担任职务, 行政职务, 手机号,
// E-mail, 任职时间 with a note), positions spaced and annotated as printed
// rosters write them, full-width digits, every date form, a blank row, a
// row with only its 序号, and one mistake per row from row 12 on.
func messyRoster() sheetSpec {
	h := []any{"序号", "姓\u3000名", "性别", "工作单位", "担任职务", "行政职务", "手机号", "办公电话", "E-mail", "任职时间（年月日）"}
	row := func(no any, name, gender, unit, pos, title string, start any) []any {
		return []any{no, name, gender, unit, pos, title, "", "", "", start}
	}
	wang := row(2, "王\u3000林", "男性", "区发改局", "副 理 事 长：", "党组书记、局长", "2024.1.1")
	wang[7], wang[8] = "0533-7123456", fullWidth("WL")+"@example.com"
	zhang := row(1, "张成刚", "男", "淄博市工业学校", "理事长", "党委副书记、副校长（主持工作）", "2024年1月1日")
	zhang[6] = fullWidth("13900000001")
	return sheetSpec{name: "理事会名单", rows: [][]any{
		{"潍海市化工职业教育集团理事会名单"},
		{"（第二届，2024年1月1日起）"},
		{},
		h,
		zhang,
		wang,
		row(3, "郑家晴", "女", "山东齐都药业有限公司", "副理事长（排名不分先后）", "董事长", "2024/01/01"),
		row(4, "赵立成", "M", "淄博七中", "副理事长", "党委书记、校长", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)),
		row(5, "黄贻展", "", "淄博加华新材料资源有限公司", "理\u3000事", "总经理", 45352), // serial of 2024-03-01
		{},
		{11},
		row(6, "韩峰", "", "中国石油化工集团有限公司齐鲁分公司", "理事", "党委书记", "2024-02-30"),
		row(7, "", "", "某公司", "理事", "", ""),
		row(8, "李学峰", "", "齐峰新材料股份有限公司", "", "董事长", ""),
		row(9, "冯波", "", "淄博市工业学校", "秘书长", "总务处副主任", "2024-01-01 00:00:00"),
		row(10, "冯波", "", "淄博市工业学校", "秘书长", "总务处副主任", ""),
	}}
}
