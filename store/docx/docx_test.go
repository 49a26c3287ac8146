package docx

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// sampleDoc has every block kind, hostile text included.
func sampleDoc() Doc {
	return Doc{
		Title: "第三次理事会会议纪要 <&>",
		Blocks: []Block{
			RedTitle("山东省职业教育集团", "会议纪要"),
			Blank(),
			Title("关于召开第三次理事会", "会议的通知"),
			Blank(),
			Flush("各成员单位："),
			Para("　　2026年11月20日，集团在济南召开第三次理事会会议。\n\n会议审议了 <A&B> \"引号\" 'x' 与控制字符\x01\x0b\u0085，以及\xff坏字节。"),
			Heading1("一、会议议定事项"),
			Heading2("（一）关于年度工作报告"),
			LeadPara("一、会议时间：", "2026年11月20日上午9:00\n会议地点：集团会议室"),
			Para("制表\t之后"),
			nil, // a nil block is skipped
			Attachment("2026年工作要点"),
			Attachment("2026年工作要点", "成员单位名单（按笔画排序）"),
			Blank(),
			Labeled("出席", "张三（济南职业学院）、李四（青岛职业技术学院）、王五（淄博职业学院）、赵六（潍坊职业学院）\n钱七（烟台职业学院）"),
			Labeled("请假：", "孙八"),
			Labeled("列席:", "周九"),
			PageBreak(),
			Para("第二页的正文。"),
			Signature("山东省职业教育集团秘书处"),
			Date(DateText(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))),
			PageBreak(), // nothing after it: dropped
		},
	}
}

func writeDoc(t *testing.T, d Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// samplePackage is sampleDoc written, unzipped and parsed.
type samplePackage struct {
	names []string
	raw   map[string][]byte
	xml   map[string]*node
}

func loadSample(t *testing.T) samplePackage {
	t.Helper()
	names, raw := unzip(t, writeDoc(t, sampleDoc()))
	p := samplePackage{names: names, raw: raw, xml: map[string]*node{}}
	for _, n := range names {
		p.xml[n] = parseXML(t, n, raw[n])
	}
	return p
}

var wantParts = []string{
	"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
	"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
	"word/settings.xml", "word/footer1.xml", "word/footer2.xml",
}

func TestPartsAndContentTypes(t *testing.T) {
	p := loadSample(t)
	if !slices.Equal(p.names, wantParts) {
		t.Fatalf("parts %q, want %q", p.names, wantParts)
	}
	defaults, overrides := map[string]bool{}, map[string]bool{}
	for _, d := range p.xml["[Content_Types].xml"].all("Default") {
		defaults[d.attr["Extension"]] = true
	}
	for _, o := range p.xml["[Content_Types].xml"].all("Override") {
		name := strings.TrimPrefix(o.attr["PartName"], "/")
		if _, ok := p.raw[name]; !ok {
			t.Errorf("[Content_Types] names %s, which is not in the package", name)
		}
		overrides[name] = true
	}
	for _, n := range p.names[1:] {
		if !overrides[n] && !defaults[path.Ext(n)[1:]] {
			t.Errorf("[Content_Types] has no type for %s", n)
		}
		if path.Ext(n) == ".xml" && !overrides[n] {
			t.Errorf("%s has no Override (it would be plain application/xml)", n)
		}
	}
}

// rels maps each relationship id of a .rels part to its type and target
// (resolved against the source part's folder).
func rels(t *testing.T, p samplePackage, relsPart string) map[string][2]string {
	t.Helper()
	dir := path.Dir(path.Dir(relsPart)) // word/_rels/x.rels → word
	out := map[string][2]string{}
	for _, r := range p.xml[relsPart].all("Relationship") {
		target := path.Join(dir, r.attr["Target"])
		if _, ok := p.raw[target]; !ok {
			t.Errorf("%s: %s points at %s, not in the package", relsPart, r.attr["Id"], target)
		}
		if _, dup := out[r.attr["Id"]]; dup {
			t.Errorf("%s: id %s twice", relsPart, r.attr["Id"])
		}
		out[r.attr["Id"]] = [2]string{path.Base(r.attr["Type"]), target}
	}
	return out
}

func TestRelationships(t *testing.T) {
	p := loadSample(t)
	pkg := rels(t, p, "_rels/.rels")
	want := map[string]string{"officeDocument": "word/document.xml", "core-properties": "docProps/core.xml", "extended-properties": "docProps/app.xml"}
	for _, r := range pkg {
		if want[r[0]] != r[1] {
			t.Errorf("package relationship %s → %s", r[0], r[1])
		}
		delete(want, r[0])
	}
	if len(want) > 0 {
		t.Errorf("package relationships missing: %v", want)
	}
	doc := rels(t, p, "word/_rels/document.xml.rels")
	refs := map[string]string{}
	for _, f := range p.xml["word/document.xml"].all("footerReference") {
		r, ok := doc[f.attr["id"]]
		if !ok || r[0] != "footer" {
			t.Errorf("footerReference %s → %v", f.attr["id"], r)
		}
		refs[f.attr["type"]] = r[1]
	}
	if refs["default"] != "word/footer1.xml" || refs["even"] != "word/footer2.xml" || len(refs) != 2 {
		t.Errorf("footer references %v, want default footer1 and even footer2", refs)
	}
	for _, need := range []string{"styles", "settings"} {
		if !slices.ContainsFunc(mapValues(doc), func(r [2]string) bool { return r[0] == need }) {
			t.Errorf("document has no %s relationship", need)
		}
	}
}

func mapValues[K comparable, V any](m map[K]V) []V {
	var out []V
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// wantAttrs checks that n has these attribute values.
func wantAttrs(t *testing.T, what string, n *node, kv ...string) {
	t.Helper()
	if n == nil {
		t.Errorf("%s: missing", what)
		return
	}
	for i := 0; i < len(kv); i += 2 {
		if got := n.attr[kv[i]]; got != kv[i+1] {
			t.Errorf("%s %s=%q, want %q", what, kv[i], got, kv[i+1])
		}
	}
}

func TestPageSetup(t *testing.T) {
	p := loadSample(t)
	sect := p.xml["word/document.xml"].all("sectPr")
	if len(sect) != 1 {
		t.Fatalf("%d sectPr", len(sect))
	}
	s := sect[0]
	wantAttrs(t, "pgSz", s.child("pgSz"), "w", "11906", "h", "16838")
	wantAttrs(t, "pgMar", s.child("pgMar"), "top", "2098", "left", "1587", "right", "1474", "bottom", "1984", "footer", "1389")
	wantAttrs(t, "docGrid", s.child("docGrid"), "type", "lines", "linePitch", "579")
	if p.xml["word/settings.xml"].child("evenAndOddHeaders") == nil {
		t.Error("settings.xml has no evenAndOddHeaders: every page would get the odd footer")
	}
	wantAttrs(t, "Normal sz", styleByID(t, p, "Normal").path("rPr", "sz"), "val", "32")
	wantAttrs(t, "Normal spacing", styleByID(t, p, "Normal").path("pPr", "spacing"), "line", "579", "lineRule", "exact")
}

func styleByID(t *testing.T, p samplePackage, id string) *node {
	t.Helper()
	for _, s := range p.xml["word/styles.xml"].all("style") {
		if s.attr["styleId"] == id {
			return s
		}
	}
	t.Fatalf("no style %s", id)
	return nil
}

func TestFooters(t *testing.T) {
	p := loadSample(t)
	for _, c := range []struct{ part, side string }{{"word/footer1.xml", "right"}, {"word/footer2.xml", "left"}} {
		f := p.xml[c.part]
		pPr := f.path("p", "pPr")
		wantAttrs(t, c.part+" jc", pPr.child("jc"), "val", c.side)
		wantAttrs(t, c.part+" ind", pPr.child("ind"), c.side, "280")
		instr := f.all("instrText")
		if len(instr) != 1 || strings.TrimSpace(instr[0].text) != "PAGE" {
			t.Errorf("%s: no PAGE field", c.part)
		}
		var types []string
		for _, fc := range f.all("fldChar") {
			types = append(types, fc.attr["fldCharType"])
		}
		if !slices.Equal(types, []string{"begin", "separate", "end"}) {
			t.Errorf("%s: field chars %q", c.part, types)
		}
		if got := f.texts(); got != "— 1 —" {
			t.Errorf("%s shows %q, want \"— 1 —\"", c.part, got)
		}
	}
}

// everyRun checks each w:r of the parts with runs.
func everyRun(t *testing.T, p samplePackage, check func(part string, r *node)) {
	for _, part := range []string{"word/document.xml", "word/footer1.xml", "word/footer2.xml"} {
		for _, r := range p.xml[part].all("r") {
			check(part, r)
		}
	}
}

func TestEveryRunHasFontsAndSize(t *testing.T) {
	p := loadSample(t)
	n := 0
	everyRun(t, p, func(part string, r *node) {
		n++
		f := r.path("rPr", "rFonts")
		for _, slot := range []string{"ascii", "hAnsi", "eastAsia", "cs"} {
			if f == nil || f.attr[slot] == "" {
				t.Errorf("%s: a run %q has no w:%s font", part, r.texts(), slot)
			}
		}
		sz, szCs := r.path("rPr", "sz"), r.path("rPr", "szCs")
		if sz == nil || szCs == nil || sz.attr["val"] != szCs.attr["val"] {
			t.Errorf("%s: run %q without matching sz and szCs", part, r.texts())
		}
	})
	if n < 20 {
		t.Errorf("only %d runs", n)
	}
	for _, wt := range p.xml["word/document.xml"].all("t") {
		if wt.attr["space"] != "preserve" {
			t.Errorf("w:t %q without xml:space=preserve", wt.text)
		}
	}
}

// runsWith lists the runs of document.xml whose text contains s.
func runsWith(p samplePackage, s string) []*node {
	var out []*node
	for _, r := range p.xml["word/document.xml"].all("r") {
		if strings.Contains(r.texts(), s) {
			out = append(out, r)
		}
	}
	return out
}

func TestSizesFontsAndSpacing(t *testing.T) {
	p := loadSample(t)
	cases := []struct {
		text, font, size, spacing, color string
	}{
		{"会议纪要", "方正小标宋简体", "44", "", "FF0000"},
		{"会议的通知", "方正小标宋简体", "44", "", ""},
		{"各成员单位", "仿宋_GB2312", "32", "-5", ""},
		{"一、会议议定事项", "黑体", "32", "-5", ""},
		{"（一）关于", "楷体_GB2312", "32", "-5", ""},
		{"一、会议时间：", "黑体", "32", "-5", ""},
		{"上午9:00", "仿宋_GB2312", "32", "-5", ""},
		{"出席：", "黑体", "32", "-5", ""},
		{"张三", "仿宋_GB2312", "32", "-5", ""},
		{"2026年12月1日", "仿宋_GB2312", "32", "-5", ""},
	}
	for _, c := range cases {
		rs := runsWith(p, c.text)
		if len(rs) != 1 {
			t.Errorf("%d runs with %q", len(rs), c.text)
			continue
		}
		rPr := rs[0].child("rPr")
		wantAttrs(t, c.text+" font", rPr.child("rFonts"), "eastAsia", c.font, "ascii", c.font)
		wantAttrs(t, c.text+" sz", rPr.child("sz"), "val", c.size)
		if sp := rPr.child("spacing"); (sp == nil) != (c.spacing == "") || sp != nil && sp.attr["val"] != c.spacing {
			t.Errorf("%q: spacing %v, want %q", c.text, sp, c.spacing)
		}
		if col := rPr.child("color"); (col == nil) != (c.color == "") || col != nil && col.attr["val"] != c.color {
			t.Errorf("%q: color %v, want %q", c.text, col, c.color)
		}
	}
	everyRun(t, p, func(part string, r *node) {
		if strings.HasPrefix(part, "word/footer") {
			wantAttrs(t, part+" page number", r.path("rPr", "sz"), "val", "28")
			wantAttrs(t, part+" page number", r.path("rPr", "rFonts"), "eastAsia", "宋体")
		}
	})
}

func TestCustomFonts(t *testing.T) {
	d := sampleDoc()
	d.Fonts = Fonts{Body: "仿宋", Heading2: "楷体"}
	_, raw := unzip(t, writeDoc(t, d))
	doc := string(raw["word/document.xml"])
	for _, want := range []string{`w:eastAsia="仿宋"`, `w:eastAsia="楷体"`, `w:eastAsia="黑体"`, `w:eastAsia="方正小标宋简体"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml has no %s", want)
		}
	}
	if strings.Contains(doc, "仿宋_GB2312") || strings.Contains(doc, "楷体_GB2312") {
		t.Error("a default font name is left where one was set")
	}
	if !strings.Contains(string(raw["word/styles.xml"]), `w:eastAsia="仿宋"`) {
		t.Error("Normal style does not use the body font set")
	}
	if got := (Fonts{}).OrDefault(); got != DefaultFonts {
		t.Errorf("empty Fonts.OrDefault() = %+v", got)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "纪要.docx")
	if err := WriteFile(name, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, writeDoc(t, sampleDoc())) {
		t.Error("WriteFile wrote other bytes than Write")
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("folder holds %d entries, want the document only", len(es))
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "x.docx"), sampleDoc()); err == nil {
		t.Error("no error for a missing folder")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := writeDoc(t, sampleDoc()), writeDoc(t, sampleDoc())
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same Doc differ")
	}
	if !bytes.Contains(a, []byte("word/document.xml")) {
		t.Fatal("no document.xml")
	}
}
