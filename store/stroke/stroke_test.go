package stroke

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// strokeNames names the digits of a stroke sequence, for messages.
const strokeNames = "横竖撇点折"

// TestKnownCharacters checks the shipped data against the 现代汉语通用字笔顺
// 规范 for common surnames: simplified total strokes and first stroke.
// Written from the standard, not read off the data. Note 邱 is 7 strokes
// (丘 5 + 阝 2); 8 is the traditional count with 阝 as 3.
func TestKnownCharacters(t *testing.T) {
	want := `王4横 李7横 张7折 刘6点 陈7折 杨7横 赵9横 黄11横 周8撇 吴7竖 徐10撇 孙6折
马3折 朱6撇 胡9横 郭10点 何7撇 高10点 林8横 罗8竖 郑8点 梁11点 谢12点 宋7点 唐10点
许6点 韩12横 冯5点 邓4折 曹11横 彭12横 曾12点 肖7竖 田5竖 董12横 袁10横 潘15点 于3横
蒋12横 蔡14横 余7撇 杜7横 叶5竖 程12撇 苏7横 魏17撇 吕6竖 丁2横 任6撇 沈7点 姚9折
卢5竖 姜9点 崔11竖 钟9撇 谭14点 陆7折 汪7点 范8横 金8撇 石5横 廖14点 贾10横 夏10横
韦4横 付5撇 方4点 白5撇 邹7撇 孟8折 熊14折 秦10横 邱7撇 江6点 尹4折 薛16横 闫6点
段9撇 雷13横 侯9撇 龙5横 史5竖 陶10折 黎15撇 贺9折 顾10横 毛4撇 郝9横 龚11横 邵7折
万3横 钱10撇 严7横 覃12横 武8横 戴17横 莫10横 孔4折 向6撇 汤6点 欧8横 司5折 诸10点
上3竖 慕14横 尉11折 皇9撇 令5撇 东5横 公4撇`
	fields := strings.Fields(want)
	if len(fields) < 100 {
		t.Fatalf("only %d characters in the table", len(fields))
	}
	for _, f := range fields {
		r := []rune(f)
		char, first := r[0], strings.IndexRune(strokeNames, r[len(r)-1])/3+1
		count := atoi(string(r[1 : len(r)-1]))
		n, seq, ok := Strokes(char)
		switch {
		case !ok:
			t.Errorf("%c: no data", char)
		case n != count:
			t.Errorf("%c: %d strokes, want %d", char, n, count)
		case seq == "" || int(seq[0]-'0') != first:
			t.Errorf("%c: sequence %q, want first stroke %d", char, seq, first)
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestSequences checks whole stroke sequences where the two sources differ
// or the 5-class reduction is easy to get wrong; each is the mainland
// standard order. rime's CNS11643 (Taiwan) lines give 郑 and 范 9 strokes
// (阝 and 艹 written differently) and 万 母 必 蒋 董 a different order; the
// generator prefers the mainland lines.
func TestSequences(t *testing.T) {
	for char, want := range map[rune]string{
		'王': "1121",
		'万': "153",          // 横 横折钩 撇
		'母': "55414",        // 竖折 横折钩 点 横 点
		'必': "45434",        // 点 卧钩 点 撇 点
		'郑': "43113452",     // 8 strokes: 阝 is 横撇弯钩 竖
		'范': "12244155",     // 8 strokes: 艹 is 横 竖 竖
		'草': "122251112",    // 9 strokes, not 10
		'董': "122312511211", // 重: 撇 横 竖 横折 横 横 竖 横 横
		'蒋': "122412354124",
		'黄': "12212512134",
		'李': "1234521", // 子: 横撇, 弯钩 (counted as 竖, like 竖钩), 横
		'孙': "521234",
		'肖': "2432511", // 月 under ⺌ starts with 竖
		'里': "2511211", // the 竖 comes before the last two 横
		'侯': "325131134",
		'韦': "1152", // as in 伟: 撇 竖 横 横 横折钩 竖
		'戈': "1534", // 斜钩 is 折
	} {
		if _, seq, _ := Strokes(char); seq != want {
			t.Errorf("%c: sequence %q, want %q", char, seq, want)
		}
	}
}

// TestEmbeddedData checks the file as a whole: it parses, and every
// character of the CJK Unified Ideographs block up to U+9FA5 (the
// GB 2312/GBK range every name uses) has a count and a sequence.
func TestEmbeddedData(t *testing.T) {
	if _, err := parse(dataTxt); err != nil {
		t.Fatal(err)
	}
	missing := 0
	for r := rune(0x4E00); r <= 0x9FA5; r++ {
		if _, seq, ok := Strokes(r); !ok || seq == "" {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d characters in U+4E00–U+9FA5 without a sequence", missing)
	}
	for _, r := range []rune{'A', '1', ' ', '〇', 0x20000, 0x4DC0} {
		if _, _, ok := Strokes(r); ok {
			t.Errorf("%U: unexpected stroke data", r)
		}
	}
}

// surnames is in 姓氏笔画 order as written down from the standard's stroke
// counts and sequences (one line per stroke count and first stroke), not
// from the data. Checked against published 姓氏笔画 rosters where they show
// a pair: 李 before 杨 (19th Politburo list: 李希 … 李鸿忠 杨洁篪), 习 before
// 马, 刘 许 孙, 范 孟, 赵 胡 俞, 郭 before 韩. Two pairs have identical stroke
// sequences and are ordered by code point (see package doc): 叶 申 (25112).
// Compound surnames sit by their first character; a single surname that is
// a prefix (欧, 欧阳) comes first, and 司马 precedes 司徒 (马 3 < 徒 10).
var surnames = []string{
	"丁",            // 2 横
	"卜",            // 2 竖
	"刁",            // 2 折
	"于", "万", "万俟", // 3 横
	"上", "上官", "山", // 3 竖
	"门",                // 3 点
	"弓", "卫", "习", "马", // 3 折
	"王", "井", "元", "韦", "云", "木", "支", "太", "太史", "尤", "车", "戈", // 4 横
	"贝",                                      // 4 竖
	"牛", "毛", "长", "长孙", "仇", "公", "公孙", "乌", // 4 撇
	"卞", "文", "方", // 4 点
	"尹", "孔", "巴", "邓", // 4 折
	"玉", "甘", "艾", "古", "左", "石", "龙", "平", "东", "东方", // 5 横
	"占", "卢", "叶", "申", "申屠", "田", "史", "冉", // 5 竖
	"付", "白", "令", "令狐", "乐", "包", // 5 撇
	"冯", "兰", "宁", // 5 点
	"司", "司马", "司徒", "皮", "边", // 5 折
	"邢", "过", "西", "西门", "成", "毕", // 6 横
	"吕",                               // 6 竖
	"朱", "乔", "伍", "任", "华", "向", "全", // 6 撇
	"庄", "刘", "齐", "闫", "羊", "关", "米", "江", "汤", "宇", "宇文", "安", "祁", "许", // 6 点
	"阮", "孙", "牟", "纪", // 6 折
	"寿", "麦", "花", "严", "苏", "杜", "巫", "李", "杨", "连", // 7 横
	"肖", "时", "吴", "岑", // 7 竖
	"邱", "何", "余", "谷", "狄", "邹", // 7 撇
	"应", "冷", "辛", "闵", "汪", "沈", "宋", "初", // 7 点
	"张", "陆", "陈", "邵", // 7 折
	"武", "苗", "范", "林", "杭", "郁", "欧", "欧阳", // 8 横
	"卓", "尚", "明", "易", "罗", // 8 竖
	"和", "季", "岳", "金", "周", // 8 撇
	"庞", "郑", "单", "宗", "官", "房", // 8 点
	"居", "屈", "孟", "经", // 8 折
	"封", "项", "赵", "郝", "荣", "胡", "南", "柯", "查", "柏", "柳", // 9 横
	"钟", "秋", "段", "皇", "皇甫", "侯", "俞", // 9 撇
	"施", "闻", "姜", "洪", "宣", "宫", "祝", // 9 点
	"费", "姚", "贺", "骆", // 9 折
	"秦", "袁", "耿", "聂", "莫", "桂", "贾", "夏", "夏侯", "顾", // 10 横
	"柴", "晏", // 10 竖
	"钱", "倪", "徐", "奚", "翁", // 10 撇
	"凌", "高", "郭", "唐", "浦", "容", "诸", "诸葛", "谈", // 10 点
	"陶", "桑", // 10 折
	"黄", "萧", "梅", "曹", "龚", "盛", // 11 横
	"常", "崔", // 11 竖
	"银", "符", // 11 撇
	"麻", "康", "章", "商", "梁", // 11 点
	"尉", "尉迟", "屠", // 11 折
	"彭", "葛", "董", "蒋", "韩", "覃", // 12 横
	"景",                          // 12 竖
	"程", "傅", "焦", "储", "舒", "鲁", // 12 撇
	"童", "曾", "温", "游", "富", "谢", // 12 点
	"靳", "蒲", "楚", "裘", "雷", // 13 横
	"虞", "路", // 13 竖
	"简", "鲍", "解", // 13 撇
	"廉", "窦", "褚", // 13 点
	"赫", "慕", "慕容", "蔡", // 14 横
	"裴",                 // 14 竖
	"管",                 // 14 撇
	"廖", "端", "端木", "谭", // 14 点
	"翟", "熊", "缪", // 14 折
	"樊",      // 15 横
	"墨",      // 15 竖
	"黎",      // 15 撇
	"颜", "潘", // 15 点
	"燕", "薛", "薄", "霍", // 16 横
	"冀",           // 16 竖
	"穆",           // 16 撇
	"戴", "鞠", "檀", // 17 横
	"魏", // 17 撇
	"瞿", // 18 竖
}

func TestSurnameOrder(t *testing.T) {
	if n := len(surnames); n < 200 {
		t.Fatalf("only %d surnames", n)
	}
	rng := rand.New(rand.NewPCG(4, 13418))
	for round := 0; round < 5; round++ {
		got := slices.Clone(surnames)
		rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		Sort(got)
		for i := range got {
			if got[i] != surnames[i] {
				t.Fatalf("position %d: got %s, want %s\ngot:  %v\nwant: %v",
					i, got[i], surnames[i], window(got, i), window(surnames, i))
			}
		}
	}
}

// window returns the names around position i, for a readable failure.
func window(xs []string, i int) []string {
	return xs[max(0, i-4):min(len(xs), i+5)]
}

// TestTies checks the rules one by one; each pair must compare a < b.
func TestTies(t *testing.T) {
	for _, c := range []struct{ a, b, why string }{
		{"郑", "赵", "8 strokes before 9 (x/text/collate gets this wrong)"},
		{"黄", "韩", "11 strokes before 12 (x/text/collate gets this wrong)"},
		{"王", "毛", "4 strokes: 横 before 撇"},
		{"毛", "方", "4 strokes: 撇 before 点"},
		{"方", "尹", "4 strokes: 点 before 折"},
		{"方", "孔", "4 strokes: 点 before 折"},
		{"尹", "孔", "4 strokes, 折: 尹 5113 before 孔 5215"},
		{"林", "欧", "8 strokes, 横: second stroke 竖 before 撇"},
		{"李", "杨", "7 strokes, 木: 1234521 before 1234533"},
		{"王一", "王二", "same surname: 一 before 二"},
		{"王二", "王林", "same surname: 二 before 林"},
		{"王", "王林", "surname alone first"},
		{"王林", "王一林", "单名 before 双名: empty middle counts 0 strokes"},
		{"田富", "田大利", "单名 before 双名, the textbook example"},
		{"陈希", "陈全国", "单名 before 双名 although 全 (6) < 希 (7)"},
		{"李克强", "李鸿忠", "双名: 克 7 before 鸿 11"},
		{"欧阳明", "罗一", "欧 8 横 before 罗 8 竖: compound surname by 欧"},
		{"林小明", "欧阳锋", "8 strokes, 林 before 欧"},
		{"欧阳锋", "郑和", "欧 8 横 before 郑 8 点"},
		{"欧阳", "周", "8 strokes: 欧 横 before 周 撇"},
		{"欧阳", "赵", "欧 8 before 赵 9"},
		{"司马光", "司徒雷", "same first character, 马 3 before 徒 10"},
		{"龘龘", "Anna", "known characters before Latin letters"},
		{"王林", "John", "Latin letters last"},
		{"Anna", "John", "unknown characters by code point"},
		{"王", "王A", "known prefix first"},
		{"叶", "申", "identical strokes 25112: by code point"},
	} {
		if Compare(c.a, c.b) >= 0 || Compare(c.b, c.a) <= 0 {
			t.Errorf("want %s < %s (%s)", c.a, c.b, c.why)
		}
	}
}

// TestEquivalentForms: width, padding spaces and NFKC variants compare
// equal, and Sort keeps them in input order.
func TestEquivalentForms(t *testing.T) {
	for _, c := range [][2]string{
		{"王林", "王  林"},
		{"王林", "王　林"}, // ideographic space
		{"王林", " 王林 "},
		{"欧阳 锋", "欧阳锋"},
		{"ＡＢＣ王", "ABC王"},
		{"王林", "王\t林"},
	} {
		if Compare(c[0], c[1]) != 0 || !bytes.Equal(Key(c[0]), Key(c[1])) {
			t.Errorf("%q and %q should be equal", c[0], c[1])
		}
	}
	names := []string{"王  林", "王一", "王林", "王　林"}
	Sort(names)
	if want := []string{"王一", "王  林", "王林", "王　林"}; !slices.Equal(names, want) {
		t.Errorf("got %q, want %q", names, want)
	}
}

// TestKeyAgreesWithCompare on pairs drawn from realistic names, odd
// forms and non-Chinese text.
func TestKeyAgreesWithCompare(t *testing.T) {
	names := append(testNames(300, 7), surnames...)
	names = append(names, "", "A", "王", "王A", "Ｗang", "𠀀", "〇", "王 林", "龘", "乂")
	for _, a := range names {
		for _, b := range names[:60] {
			if got, want := bytes.Compare(Key(a), Key(b)), Compare(a, b); got != want {
				t.Fatalf("%q vs %q: Key order %d, Compare %d", a, b, got, want)
			}
		}
	}
}

// TestSortFunc: SortFunc orders records by name, stably.
func TestSortFunc(t *testing.T) {
	type seat struct {
		name string
		id   int
	}
	xs := []seat{{"赵乐际", 1}, {"王 林", 2}, {"郑和", 3}, {"王林", 4}, {"Smith", 5}, {"韩正", 6}, {"黄坤明", 7}}
	SortFunc(xs, func(s seat) string { return s.name })
	var ids []int
	for _, x := range xs {
		ids = append(ids, x.id)
	}
	if want := []int{2, 4, 3, 1, 7, 6, 5}; !slices.Equal(ids, want) {
		t.Errorf("got %v, want %v", ids, want)
	}
	SortFunc([]seat{}, func(s seat) string { return s.name }) // no panic
}

// givenChars are common characters of given names, for generated names.
const givenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强" +
	"文斌海燕红梅玉兰春梅晓东晓明丹丹鹏飞宇航子涵梓轩一诺欣怡浩然思远家豪雨萱俊杰" +
	"立新卫东振华永刚德明淑珍凤英桂芝秀珍玉珍金凤春燕丽娟"

// testNames returns n realistic 2–3 character names: a surname from the
// list above (compound ones included) and one or two given-name
// characters, some with padding spaces as in the seed files.
func testNames(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 1))
	given := []rune(givenChars)
	names := make([]string, n)
	for i := range names {
		var b strings.Builder
		b.WriteString(surnames[rng.IntN(len(surnames))])
		for k := 1 + rng.IntN(2); k > 0; k-- {
			b.WriteRune(given[rng.IntN(len(given))])
		}
		if rng.IntN(20) == 0 {
			b.WriteString("  ")
		}
		names[i] = b.String()
	}
	return names
}

// BenchmarkSort10000Names sorts 10,000 names in 姓氏笔画 order (target
// ≤ 50 ms per sort, issue 4); the key table is loaded before timing.
func BenchmarkSort10000Names(b *testing.B) {
	names := testNames(10000, 42)
	Strokes('王')
	buf := make([]string, len(names))
	b.ResetTimer()
	for b.Loop() {
		copy(buf, names)
		Sort(buf)
	}
}

// BenchmarkSort10000NamesBaseline is the raw byte-order sort of the same
// names, for comparison.
func BenchmarkSort10000NamesBaseline(b *testing.B) {
	names := testNames(10000, 42)
	buf := make([]string, len(names))
	for b.Loop() {
		copy(buf, names)
		sort.Strings(buf)
	}
}

// BenchmarkCompare is one comparison of two three-character names.
func BenchmarkCompare(b *testing.B) {
	Strokes('王')
	for b.Loop() {
		Compare("欧阳锋", "欧阳修")
	}
}

// BenchmarkLoad is the one-time parse of the embedded table.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := parse(dataTxt); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseRejects: a broken regeneration must fail loudly, not mis-sort.
func TestParseRejects(t *testing.T) {
	for _, txt := range []string{
		"王 1121\n丁 12\n", // out of code point order
		"王 11x1\n",       // not a stroke digit
		"王\n",            // no sequence
		"王 - 0\n",        // no strokes
		"A 1\n",          // outside the table
		"王林 1121\n",      // two characters
	} {
		if _, err := parse(txt); err == nil {
			t.Errorf("parse(%q) accepted", txt)
		}
	}
	if _, err := parse("# comment\n丁 12\n王 1121\n"); err != nil {
		t.Errorf("valid text rejected: %v", err)
	}
}
