package firstrun

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
	"github.com/secdesk/secdesk/ui/kit/kittest"
	"github.com/secdesk/secdesk/ui/msg"
)

// run is a guide in a test window of 1366×768, its default data file in
// a fresh folder, with what it handed over.
type run struct {
	t        *testing.T
	g        *Guide
	dir      string // the default data file's folder
	done     store.Store
	dataPath string
	canceled bool
}

func newRun(t *testing.T) *run {
	t.Helper()
	kittest.Inline(t)
	a := test.NewTempApp(t)
	msg.SetLanguage("zh")
	t.Cleanup(func() { msg.SetLanguage("zh") })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	r := &run{t: t, dir: filepath.Join(t.TempDir(), "secdesk")}
	r.g = New(w, Config{
		DefaultPath: filepath.Join(r.dir, DataFileName),
		Open:        func(path string) (store.Store, error) { return bolt.OpenStore(path, bolt.Options{}) },
		Done: func(s store.Store, path string) {
			r.done, r.dataPath = s, path
			t.Cleanup(func() { s.Close() })
		},
		Cancel: func() { r.canceled = true },
	})
	return r
}

func (r *run) content() fyne.CanvasObject { return r.g.Content() }

func (r *run) tap(text string) {
	r.t.Helper()
	kittest.TapButton(r.t, r.content(), text)
}

func (r *run) nameEntry() *widget.Entry {
	r.t.Helper()
	return kittest.EntryWithPlaceHolder(r.t, r.content(), "例如：潍海市化工职业教育集团")
}

// choose picks option in the radio group on screen that offers it.
func (r *run) choose(option string) {
	r.t.Helper()
	for _, g := range kittest.ShownOf[*widget.RadioGroup](r.content()) {
		if slices.Contains(g.Options, option) {
			g.SetSelected(option)
			return
		}
	}
	r.t.Fatalf("no choice %q on screen", option)
}

func (r *run) shown(text string) bool {
	for _, s := range kittest.ShownTexts(r.content()) {
		if strings.Contains(s, text) {
			return true
		}
	}
	return false
}

func (r *run) wantStep(step int) {
	r.t.Helper()
	if r.g.Step() != step {
		r.t.Fatalf("on step %d, want %d (problem %q)", r.g.Step()+1, step+1, r.g.problem.Text)
	}
}

// typeName types the group's name on the first step and goes on.
func (r *run) typeName(name string) {
	r.t.Helper()
	test.Type(r.nameEntry(), name)
	r.tap("下一步")
	r.wantStep(stepWhere)
}

// files lists what exists under dir (nothing if dir does not exist).
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func openAgain(t *testing.T, path string) store.Store {
	t.Helper()
	s, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestForwardAndBackKeepsWhatWasTyped: the name, the folder and the way
// of beginning survive going back to the first step and forward again.
func TestForwardAndBackKeepsWhatWasTyped(t *testing.T) {
	r := newRun(t)
	if r.g.back.Visible() {
		t.Error("上一步 on the first step")
	}
	r.typeName("潍坊市化工职业教育集团")
	folder := t.TempDir()
	r.g.chooseFolder(folder)
	want := filepath.Join(folder, DataFileName)
	if !r.shown(want) {
		t.Errorf("the full path %s is not shown: %q", want, kittest.ShownTexts(r.content()))
	}
	r.tap("下一步")
	r.wantStep(stepBegin)
	r.choose("先打开演示数据看看")
	r.tap("上一步")
	r.tap("上一步")
	r.wantStep(stepName)
	if got := r.nameEntry().Text; got != "潍坊市化工职业教育集团" {
		t.Errorf("name after going back = %q", got)
	}
	r.tap("下一步")
	if r.g.Path() != want || !r.shown(want) {
		t.Errorf("path after going back and forth = %q", r.g.Path())
	}
	r.tap("下一步")
	if r.g.Begin() != BeginDemo {
		t.Errorf("begin after going back and forth = %v", r.g.Begin())
	}
	r.tap("下一步")
	r.wantStep(stepConfirm)
	for _, s := range []string{"潍坊市化工职业教育集团", want, filepath.Join(folder, DemoFileName)} {
		if !r.shown(s) {
			t.Errorf("the last step does not say %q: %q", s, kittest.ShownTexts(r.content()))
		}
	}
	if files(t, folder) != nil || files(t, r.dir) != nil {
		t.Error("a file was written before the clerk confirmed")
	}
}

// TestEmptyNameBlocksNext: without a name the guide stays on its first
// step and says what the store says.
func TestEmptyNameBlocksNext(t *testing.T) {
	r := newRun(t)
	test.Type(r.nameEntry(), " \u3000")
	r.tap("下一步")
	r.wantStep(stepName)
	want := msg.Error(store.Settings{GroupName: " "}.Validate())
	if want == "" || !r.shown(want) {
		t.Errorf("want the store's message %q on screen, have %q", want, kittest.ShownTexts(r.content()))
	}
	test.Type(r.nameEntry(), "甲集团")
	r.tap("下一步")
	r.wantStep(stepWhere)
	if r.shown(want) {
		t.Error("the message stays after the name was typed")
	}
}

// TestOtherFolderNeedsAFolder: 其他文件夹 without a folder picked does not
// go on.
func TestOtherFolderNeedsAFolder(t *testing.T) {
	r := newRun(t)
	r.typeName("甲集团")
	r.choose("其他文件夹（例如 D 盘或 U 盘）")
	r.tap("下一步")
	r.wantStep(stepWhere)
	if !r.shown("请先点“选择文件夹…”") {
		t.Errorf("no reason shown: %q", kittest.ShownTexts(r.content()))
	}
}

// TestCancelWritesNothing: 取消 on the last step leaves no file.
func TestCancelWritesNothing(t *testing.T) {
	r := newRun(t)
	r.typeName("甲集团")
	folder := t.TempDir()
	r.g.chooseFolder(folder)
	r.tap("下一步")
	r.choose("先打开演示数据看看")
	r.tap("下一步")
	r.wantStep(stepConfirm)
	r.tap("取消")
	if !r.canceled || r.done != nil {
		t.Errorf("canceled %v, done %v", r.canceled, r.done)
	}
	if f := append(files(t, folder), files(t, r.dir)...); len(f) > 0 {
		t.Errorf("cancelling left %q", f)
	}
}

// TestStartEmpty: the default place and an empty start make the default
// file with the group's name, and nothing else.
func TestStartEmpty(t *testing.T) {
	r := newRun(t)
	r.typeName("  甲集团 ")
	r.tap("下一步")
	r.choose("从空白开始")
	r.tap("下一步")
	r.tap("开始使用")
	want := filepath.Join(r.dir, DataFileName)
	if r.done == nil || r.dataPath != want || store.Where(r.done) != want {
		t.Fatalf("done on %v at %q, want %q", r.done, r.dataPath, want)
	}
	st, _ := r.done.Settings(context.Background())
	ms, _ := r.done.Members(context.Background())
	if st.GroupName != "甲集团" || st.Demo || len(ms) != 0 {
		t.Errorf("settings %+v, %d members", st, len(ms))
	}
	if f := files(t, r.dir); !slices.Equal(f, []string{want}) {
		t.Errorf("files made: %q", f)
	}
}

// TestDemo: the demo goes into its own file beside the clerk's, marked
// Demo; the clerk's file keeps their name and stays empty, to be opened
// next time.
func TestDemo(t *testing.T) {
	r := newRun(t)
	r.typeName("甲集团")
	folder := filepath.Join(t.TempDir(), "U 盘 数据")
	r.g.chooseFolder(folder)
	r.tap("下一步")
	r.choose("先打开演示数据看看")
	r.tap("下一步")
	r.tap("开始使用")
	if r.done == nil {
		t.Fatal("not done")
	}
	demoFile := filepath.Join(folder, DemoFileName)
	if store.Where(r.done) != demoFile || r.dataPath != filepath.Join(folder, DataFileName) {
		t.Errorf("window on %q, data file %q", store.Where(r.done), r.dataPath)
	}
	st, _ := r.done.Settings(context.Background())
	ms, _ := r.done.Members(context.Background())
	if !st.Demo || st.GroupName != "潍海市化工职业教育集团" || len(ms) == 0 {
		t.Errorf("demo file: settings %+v, %d members", st, len(ms))
	}
	own := openAgain(t, r.dataPath)
	st, _ = own.Settings(context.Background())
	ms, _ = own.Members(context.Background())
	if st.GroupName != "甲集团" || st.Demo || len(ms) != 0 {
		t.Errorf("clerk's file: settings %+v, %d members", st, len(ms))
	}
}

// TestImport: the workbook is previewed as in the register; 下一步 waits
// for 确认导入; the members are written when the clerk starts.
func TestImport(t *testing.T) {
	book := xlsxtest.WriteSheet(t, [][]string{
		{"单位名称", "单位类型", "会员类别", "城市", "加入日期"},
		{"潍坊职业学院", "高职院校", "理事单位", "潍坊", "2023-07-18"},
		{"山东海化集团有限公司", "企业", "会员单位", "潍坊", "2022-03-01"},
	})
	r := newRun(t)
	r.typeName("甲集团")
	r.tap("下一步")
	r.choose("导入已有的成员单位名册（Excel 文件）")
	if kittest.Button(t, r.content(), "选择 Excel 文件…") == nil {
		t.Fatal("no file button")
	}
	r.tap("下一步")
	r.wantStep(stepBegin)
	r.g.readImport(book)
	p := r.g.Preview
	if p == nil || p.Confirm == nil {
		t.Fatalf("no preview with 确认导入 (preview %v)", p)
	}
	if rows := kittest.TableRows(p.Table); len(rows) != 2 || rows[0][1] != "新增" || rows[0][2] != "潍坊职业学院" {
		t.Errorf("preview rows %q", rows)
	}
	if files(t, r.dir) != nil {
		t.Error("the preview wrote a file")
	}
	test.Tap(p.Confirm)
	if r.g.Preview != nil {
		t.Error("the preview is still open")
	}
	if !r.shown("新增 2") {
		t.Errorf("the step does not sum up the file: %q", kittest.ShownTexts(r.content()))
	}
	r.tap("下一步")
	if !r.shown("sheet.xlsx") {
		t.Errorf("the last step does not name the file: %q", kittest.ShownTexts(r.content()))
	}
	if files(t, r.dir) != nil {
		t.Error("a file was written before 开始使用")
	}
	r.tap("开始使用")
	if r.done == nil {
		t.Fatal("not done")
	}
	ms, _ := r.done.Members(context.Background())
	st, _ := r.done.Settings(context.Background())
	if len(ms) != 2 || st.GroupName != "甲集团" {
		t.Errorf("%d members, settings %+v", len(ms), st)
	}
}

// TestExistingFileIsOpenedAsItIs: a folder that already holds a data file
// (brought on a USB stick) is opened without writing to it.
func TestExistingFileIsOpenedAsItIs(t *testing.T) {
	folder := t.TempDir()
	path := filepath.Join(folder, DataFileName)
	s, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSettings(context.Background(), store.Settings{GroupName: "乙集团"}); err != nil {
		t.Fatal(err)
	}
	audit, _ := s.Audit(context.Background(), store.AuditQuery{})
	s.Close()

	r := newRun(t)
	r.typeName("甲集团")
	r.g.chooseFolder(folder)
	if !r.shown("已经有数据文件") {
		t.Errorf("no note of the existing file: %q", kittest.ShownTexts(r.content()))
	}
	r.tap("下一步")
	r.tap("下一步")
	r.tap("开始使用")
	if r.done == nil {
		t.Fatal("not done")
	}
	st, _ := r.done.Settings(context.Background())
	after, _ := r.done.Audit(context.Background(), store.AuditQuery{})
	if st.GroupName != "乙集团" || len(after) != len(audit) {
		t.Errorf("the existing file was changed: %+v, %d→%d audit entries", st, len(audit), len(after))
	}
}
