package docx

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/docx")

// goldenDir is the repository's testdata/docx.
var goldenDir = filepath.Join("..", "..", "testdata", "docx")

// paraWith is the paragraph of document.xml whose text contains s.
func paraWith(t *testing.T, p samplePackage, s string) *node {
	t.Helper()
	for _, para := range p.xml["word/document.xml"].all("p") {
		if strings.Contains(para.texts(), s) {
			return para
		}
	}
	t.Fatalf("no paragraph with %q", s)
	return nil
}

func TestIndents(t *testing.T) {
	p := loadSample(t)
	cases := []struct {
		text string
		kv   []string // the w:ind attributes, all of them
		jc   string
	}{
		{"集团在济南召开", []string{"firstLineChars", "200", "firstLine", "640"}, ""},
		{"一、会议议定事项", []string{"firstLineChars", "200", "firstLine", "640"}, ""},
		{"（一）关于", []string{"firstLineChars", "200", "firstLine", "640"}, ""},
		{"会议时间", []string{"firstLineChars", "200", "firstLine", "640"}, ""},
		// A label's indent is its advance on the grid, 315 twips a character
		// (see textSpan), after the two characters' 640; the Chars are the
		// same length in Word's 320-twip characters.
		{"出席：", []string{"leftChars", "495", "left", "1585", "hangingChars", "295", "hanging", "945"}, ""},
		{"列席：", []string{"leftChars", "495", "left", "1585", "hangingChars", "295", "hanging", "945"}, ""},
		{"附件：2026", []string{"leftChars", "495", "left", "1585", "hangingChars", "295", "hanging", "945"}, ""},
		// "附件：1．" is 4.5 characters wide (a digit is 155 twips): names
		// start 6.5 characters in.
		{"附件：1．", []string{"leftChars", "642", "left", "2055", "hangingChars", "442", "hanging", "1415"}, ""},
		{"2．成员单位", []string{"leftChars", "642", "left", "2055", "hangingChars", "147", "hanging", "470"}, ""},
		{"秘书处", []string{"rightChars", "400", "right", "1280"}, "right"},
		{"2026年12月1日", []string{"rightChars", "400", "right", "1280"}, "right"},
		{"各成员单位", nil, ""},
		{"会议纪要", nil, "center"},
	}
	for _, c := range cases {
		pPr := paraWith(t, p, c.text).child("pPr")
		ind := pPr.child("ind")
		if c.kv == nil {
			if ind != nil {
				t.Errorf("%q: indent %v, want none", c.text, ind.attr)
			}
		} else if ind == nil || len(ind.attr) != len(c.kv)/2 {
			t.Errorf("%q: indent %v, want %q", c.text, ind, c.kv)
		} else {
			wantAttrs(t, c.text+" ind", ind, c.kv...)
		}
		if jc := pPr.child("jc"); c.jc == "" && jc != nil || c.jc != "" && (jc == nil || jc.attr["val"] != c.jc) {
			t.Errorf("%q: jc %v, want %q", c.text, jc, c.jc)
		}
	}
}

func TestEveryParagraphOnTheGrid(t *testing.T) {
	p := loadSample(t)
	paras := p.xml["word/document.xml"].all("p")
	for _, para := range paras {
		pPr := para.child("pPr")
		wantAttrs(t, "spacing of "+para.texts(), pPr.child("spacing"), "line", "579", "lineRule", "exact", "before", "0", "after", "0")
		wantAttrs(t, "autoSpaceDE of "+para.texts(), pPr.child("autoSpaceDE"), "val", "0")
		wantAttrs(t, "autoSpaceDN of "+para.texts(), pPr.child("autoSpaceDN"), "val", "0")
		wantAttrs(t, "widowControl of "+para.texts(), pPr.child("widowControl"), "val", "0")
	}
	// Para's two lines, the blank line between them dropped, and no
	// hand-typed indent left.
	if got := paraWith(t, p, "2026年11月20日").texts(); got != "2026年11月20日，集团在济南召开第三次理事会会议。" {
		t.Errorf("first paragraph %q", got)
	}
	if n := len(paras); n != 24 {
		t.Errorf("%d paragraphs, want 24", n)
	}
	if pb := paraWith(t, p, "第二页的正文").path("pPr", "pageBreakBefore"); pb == nil {
		t.Error("the paragraph after PageBreak does not start a page")
	}
	if n := len(p.xml["word/document.xml"].all("pageBreakBefore")); n != 1 {
		t.Errorf("%d page breaks, want 1 (the trailing one dropped)", n)
	}
	lvl := paraWith(t, p, "（一）关于").path("pPr", "outlineLvl")
	wantAttrs(t, "Heading2 outline level", lvl, "val", "1")
}

func TestLineBreaksAndTabs(t *testing.T) {
	p := loadSample(t)
	names := runsWith(p, "张三")[0]
	if n := len(names.all("br")); n != 1 {
		t.Errorf("出席 names have %d line breaks, want 1", n)
	}
	if n := len(runsWith(p, "制表")[0].all("tab")); n != 1 {
		t.Errorf("%d tabs, want 1", n)
	}
}

func TestEscaping(t *testing.T) {
	p := loadSample(t)
	raw := string(p.raw["word/document.xml"])
	if !strings.Contains(raw, "&lt;A&amp;B&gt;") {
		t.Error("<A&B> is not escaped")
	}
	got := paraWith(t, p, "会议审议了").texts()
	want := "会议审议了 <A&B> \"引号\" 'x' 与控制字符，以及坏字节。"
	if got != want {
		t.Errorf("text after a round trip\n got %q\nwant %q", got, want)
	}
	if got := p.xml["docProps/core.xml"].child("title"); got == nil || got.text != "第三次理事会会议纪要 <&>" {
		t.Errorf("core.xml title %v", got)
	}
	if strings.ContainsRune(raw, '\uFFFD') {
		t.Error("a bad byte became U+FFFD instead of being dropped")
	}
}

// Schema sequences (ECMA-376 CT_PPrBase, CT_RPr) of the elements we write.
var (
	pPrOrder  = []string{"pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "autoSpaceDE", "autoSpaceDN", "snapToGrid", "spacing", "ind", "jc", "outlineLvl", "rPr"}
	rPrOrder  = []string{"rFonts", "b", "bCs", "color", "spacing", "kern", "sz", "szCs", "lang"}
	sectOrder = []string{"footerReference", "pgSz", "pgMar", "cols", "docGrid"}
)

// inOrder reports whether the children of n follow seq, and none is unknown.
func inOrder(n *node, seq []string) bool {
	last := -1
	for _, c := range n.children {
		i := slices.Index(seq, c.name)
		if i < 0 || i < last || i == last && c.name != "footerReference" {
			return false
		}
		last = i
	}
	return true
}

func TestSchemaOrder(t *testing.T) {
	p := loadSample(t)
	for _, part := range []string{"word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"} {
		for _, c := range []struct {
			name string
			seq  []string
		}{{"pPr", pPrOrder}, {"rPr", rPrOrder}, {"sectPr", sectOrder}} {
			for _, n := range p.xml[part].all(c.name) {
				if !inOrder(n, c.seq) {
					var got []string
					for _, ch := range n.children {
						got = append(got, ch.name)
					}
					t.Errorf("%s: %s children %q out of the schema's order", part, c.name, got)
				}
			}
		}
	}
}

func TestZipTimesFixed(t *testing.T) {
	data := writeDoc(t, sampleDoc())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(zipTime) || f.Method != zip.Deflate {
			t.Errorf("%s: time %v method %d", f.Name, f.Modified, f.Method)
		}
	}
}

// TestGolden pins the XML of the parts byte for byte: a change in child
// order, attribute or value shows up as a diff of testdata/docx. Rewrite
// with go test ./store/docx/ -run TestGolden -update, then read the diff.
func TestGolden(t *testing.T) {
	p := loadSample(t)
	for _, part := range []string{"word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml"} {
		file := filepath.Join(goldenDir, "sample_"+filepath.Base(part))
		got := p.raw[part]
		if *update {
			if err := os.MkdirAll(goldenDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update and read the diff)\n%s", part, file, firstDiff(got, want))
		}
	}
}

// firstDiff shows where got and want part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	return "got  …" + string(got[lo:min(len(got), i+80)]) + "…\nwant …" + string(want[lo:min(len(want), i+80)]) + "…"
}
