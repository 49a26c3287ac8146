package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/firstrun"
	"github.com/secdesk/secdesk/ui/kit/kittest"
	"github.com/secdesk/secdesk/ui/msg"
)

// TestFirstRunDemoOpensMarkedWindow: after the guide, the same window
// shows the register on the demo file, its title saying 演示数据.
func TestFirstRunDemoOpensMarkedWindow(t *testing.T) {
	kittest.Inline(t)
	fa := test.NewTempApp(t)
	msg.SetLanguage("zh")
	t.Cleanup(func() { msg.SetLanguage("zh") })
	var done store.Store
	w, _ := startFirstRun(fa, firstrun.Config{
		DefaultPath: filepath.Join(t.TempDir(), "secdesk", "secdesk.db"),
		Open:        func(path string) (store.Store, error) { return bolt.OpenStore(path, bolt.Options{}) },
		Done:        func(s store.Store, _ string) { done = s; t.Cleanup(func() { s.Close() }) },
	}, sections)
	w.Resize(fyne.NewSize(1366, 768))
	if got := w.Title(); got != "首次使用 — 秘书处工作台" {
		t.Errorf("guide's title %q", got)
	}
	test.Type(kittest.EntryWithPlaceHolder(t, w.Content(), "例如：潍海市化工职业教育集团"), "甲集团")
	kittest.TapButton(t, w.Content(), "下一步")
	kittest.TapButton(t, w.Content(), "下一步")
	for _, g := range kittest.ShownOf[*widget.RadioGroup](w.Content()) {
		if slices.Contains(g.Options, "先打开演示数据看看") {
			g.SetSelected("先打开演示数据看看")
		}
	}
	kittest.TapButton(t, w.Content(), "下一步")
	kittest.TapButton(t, w.Content(), "开始使用")
	if done == nil {
		t.Fatal("the guide did not finish")
	}
	if got := w.Title(); got != "演示数据 — 潍海市化工职业教育集团 — 秘书处工作台" {
		t.Errorf("title on the demo = %q", got)
	}
	if len(kittest.ObjectsOf[*widget.List](w.Content())) == 0 {
		t.Error("the window does not show the navigation")
	}
}

// TestDemoFileTitle: a demo file opened later (secdesk --db 演示数据.db)
// says 演示数据 too, also after the group was renamed in 系统.
func TestDemoFileTitle(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	if err := db.SaveSettings(context.Background(), store.Settings{GroupName: "潍海市化工职业教育集团", Demo: true}); err != nil {
		t.Fatal(err)
	}
	a := newDeskWindow(t, db)
	if got := a.win.Title(); got != "演示数据 — 潍海市化工职业教育集团 — 秘书处工作台" {
		t.Errorf("title = %q", got)
	}
	settings := openSystemTab(t, a, tabSettings)
	name := kittest.ObjectsOf[*widget.Entry](settings)[0]
	name.SetText("")
	test.Type(name, "乙集团")
	test.Tap(kittest.Button(t, settings, "保存"))
	if got := a.win.Title(); got != "演示数据 — 乙集团 — 秘书处工作台" {
		t.Errorf("title after rename = %q", got)
	}
}
