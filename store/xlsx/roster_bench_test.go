package xlsx

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// bigCouncil is a body with n seats: a chair, 5% vice chairs, the rest
// 理事, held by people with varied names and long units and titles, in
// stroke order — the 2,000-seat figure.
func bigCouncil(b *testing.B, n int) *rosterFixture {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("立成家晴峰展林建华刚国明伟芳娜敏静丽强磊军洋勇艳杰涛超秀英霞平刚桂")
	fx := &rosterFixture{tb: b, body: store.Body{ID: store.NewID(), Name: "理事会", Type: "理事会", Ordering: store.OrderStrokes}}
	term, err := fx.body.AddTerm(1, d(2024, 1, 1))
	fx.must(err)
	fx.term = term.ID
	for i := range n {
		name := string(surnames[i%len(surnames)]) + string(given[(i/7)%len(given)])
		if i%3 != 0 {
			name += string(given[(i/3)%len(given)])
		}
		pos := "理事"
		switch {
		case i == 0:
			pos = "理事长"
		case i%20 == 1:
			pos = "副理事长"
		}
		unit := fmt.Sprintf("潍海市第%d化工新材料科技股份有限公司", i)
		fx.seat(pos, fx.person(name, unit, uuid.Nil, "13900000000"), "党委书记、董事长、总经理")
	}
	return fx
}

func BenchmarkExportRoster2000Seats(b *testing.B) {
	exp := bigCouncil(b, 2000).export(d(2025, 3, 1))
	path := filepath.Join(b.TempDir(), "名单.xlsx")
	b.ResetTimer()
	for b.Loop() {
		if err := ExportRoster(path, exp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawRoster2000Seats is the library baseline: the same cell
// values through a plain StreamWriter, with no styles, heights, page setup
// or safe write.
func BenchmarkRawRoster2000Seats(b *testing.B) {
	exp := bigCouncil(b, 2000).export(d(2025, 3, 1))
	path := filepath.Join(b.TempDir(), "raw.xlsx")
	b.ResetTimer()
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		must(b, err)
		must(b, sw.SetRow("A1", []any{RosterTitle(exp.GroupName, exp.Roster.Body)}))
		must(b, sw.SetRow("A2", []any{TermLine(&exp.Roster)}))
		row := 4
		for _, s := range exp.Roster.Sections {
			must(b, sw.SetRow(fmt.Sprintf("A%d", row), []any{s.Position + StrokeNote + "："}))
			row++
			for _, l := range s.Lines {
				must(b, sw.SetRow(fmt.Sprintf("A%d", row), []any{"", l.Name, UnitAndTitle(l)}))
				row++
			}
		}
		must(b, sw.Flush())
		must(b, f.SaveAs(path))
		f.Close()
	}
}

// BenchmarkBuildAndExportRoster2000Seats is what the clerk waits for:
// indexing people, deriving the roster (with its stroke-order sort) and
// writing it.
func BenchmarkBuildAndExportRoster2000Seats(b *testing.B) {
	fx := bigCouncil(b, 2000)
	path := filepath.Join(b.TempDir(), "名单.xlsx")
	b.ResetTimer()
	for b.Loop() {
		if err := ExportRoster(path, fx.export(d(2025, 3, 1))); err != nil {
			b.Fatal(err)
		}
	}
}
