package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
	"github.com/secdesk/secdesk/ui/msg"
)

// newDeskWindow builds the whole window on s in a test app, in Chinese,
// at the size of a 1366×768 office screen.
func newDeskWindow(t *testing.T, s store.Store) *App {
	t.Helper()
	kittest.Inline(t)
	fa := test.NewTempApp(t)
	msg.SetLanguage("zh")
	t.Cleanup(func() { msg.SetLanguage("zh") })
	a := newApp(fa, s, sections)
	a.win.Resize(fyne.NewSize(1366, 768))
	return a
}

// openSection selects the navigation entry titled title (in Chinese, or
// as shown) the way a clerk clicks it, and returns its view.
func openSection(t *testing.T, a *App, title string) fyne.CanvasObject {
	t.Helper()
	for i, s := range a.Sections() {
		if s.Title() == title || msg.T(s.Title()) == title {
			a.nav.Select(i)
			return a.View(i)
		}
	}
	t.Fatalf("no section %q", title)
	return nil
}

// System tab numbers.
const (
	tabSettings = iota
	tabAuditLog
	tabTrash
	tabAbout
)

// openSystemTab shows 系统 and its tab number i, and returns the tab's
// content.
func openSystemTab(t *testing.T, a *App, i int) fyne.CanvasObject {
	t.Helper()
	tabs := openSection(t, a, "系统").(*container.AppTabs)
	tabs.SelectIndex(i)
	return tabs.Items[i].Content
}

// cardTexts reads the dashboard's cards: caption → "value | detail".
func cardTexts(view fyne.CanvasObject) map[string]string {
	out := map[string]string{}
	for _, c := range kittest.ObjectsOf[*widget.Card](view) {
		labels := kittest.ObjectsOf[*widget.Label](c.Content)
		if len(labels) == 3 {
			out[labels[0].Text] = labels[1].Text + " | " + labels[2].Text
		}
	}
	return out
}

// TestNavigationOrder: the sections are listed in the order of the plan
// .
func TestNavigationOrder(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := newDeskWindow(t, db)
	var got []string
	item := a.nav.CreateItem()
	for i := range a.nav.Length() {
		a.nav.UpdateItem(i, item)
		got = append(got, item.(*fyne.Container).Objects[1].(*widget.Label).Text)
	}
	if want := []string{"工作台", "成员单位", "会议", "督查督办", "组织机构", "指标报送", "系统"}; !slices.Equal(got, want) {
		t.Errorf("navigation = %q, want %q", got, want)
	}
}

// TestChangeRefreshesHiddenSectionWhenShown: a unit admitted in 成员单位
// while 工作台 is built but hidden leaves the dashboard as it was until the
// clerk goes back to it; then it counts the new unit.
func TestChangeRefreshesHiddenSectionWhenShown(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := newDeskWindow(t, db)
	dash := openSection(t, a, "工作台")
	if got := cardTexts(dash)["在册成员单位"]; got != "0 家 | " {
		t.Fatalf("empty file: %q", got)
	}
	register := openSection(t, a, "成员单位")
	kittest.TapButton(t, register, "新增")
	var d = a.Window().Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("no dialog")
	}
	entries := kittest.ObjectsOf[*kit.KeyEntry](d)
	test.Type(entries[0], "潍坊职业学院")
	kittest.ObjectsOf[*widget.Select](d)[0].SetSelected("高职院校")
	kittest.TapButton(t, d, "保存")
	if ms, _ := db.Members(context.Background()); len(ms) != 1 {
		t.Fatalf("stored %d members", len(ms))
	}
	if !a.Stale(0) {
		t.Error("the hidden dashboard is not marked stale")
	}
	if got := cardTexts(dash)["在册成员单位"]; got != "0 家 | " {
		t.Errorf("the hidden dashboard recounted before it was shown: %q", got)
	}
	if got := cardTexts(openSection(t, a, "工作台"))["在册成员单位"]; got != "1 家 | 高职 1" {
		t.Errorf("dashboard shown again: %q, want the new unit counted", got)
	}
	if a.Stale(0) {
		t.Error("still stale after it was shown")
	}
}

func TestRenameGroupChangesTitleAndPersists(t *testing.T) {
	db, path := kittest.OpenFile(t)
	a := newDeskWindow(t, db)
	if got := a.win.Title(); got != "职业教育集团 — 秘书处工作台" {
		t.Errorf("title on a new file = %q", got)
	}
	settings := openSystemTab(t, a, tabSettings)
	name := kittest.ObjectsOf[*widget.Entry](settings)[0]
	if name.Text != store.DefaultGroupName {
		t.Fatalf("group name entry = %q", name.Text)
	}
	name.SetText("")
	test.Type(name, "潍坊市化工职业教育集团 ")
	test.Tap(kittest.Button(t, settings, "保存"))

	if got := a.win.Title(); got != "潍坊市化工职业教育集团 — 秘书处工作台" {
		t.Errorf("title after rename = %q", got)
	}
	db.Close()
	again, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if st, _ := again.Settings(context.Background()); st.GroupName != "潍坊市化工职业教育集团" {
		t.Errorf("group name after reopening = %q", st.GroupName)
	}
}

func TestLanguageSwitchRebuildsWindow(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := newDeskWindow(t, db)
	settings := openSystemTab(t, a, tabSettings)
	kittest.ObjectsOf[*widget.Select](settings)[0].SetSelected("English")

	tabs := a.View(a.Current()).(*container.AppTabs)
	if got := tabTitles(tabs); got != "Settings|Audit log|Trash|Backup and restore|About" {
		t.Errorf("tabs in English: %q", got)
	}
	if got := a.win.Title(); got != "职业教育集团 — Secretariat desk" {
		t.Errorf("title in English: %q", got)
	}
	if st, _ := db.Settings(context.Background()); st.Language != "en" {
		t.Errorf("saved language %q", st.Language)
	}
	dash := openSection(t, a, "工作台")
	if _, ok := cardTexts(dash)["Members"]; !ok {
		t.Errorf("dashboard cards in English: %v", cardTexts(dash))
	}

	settings = openSystemTab(t, a, tabSettings)
	kittest.ObjectsOf[*widget.Select](settings)[0].SetSelected("中文")
	tabs = a.View(a.Current()).(*container.AppTabs)
	if got := tabTitles(tabs); got != "设置|操作日志|回收站|备份与恢复|关于" {
		t.Errorf("tabs back in Chinese: %q", got)
	}
	if msg.LanguageIsEnglish() {
		t.Error("still English")
	}
}

func TestSavedLanguageAppliedOnOpen(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	if err := db.SaveSettings(context.Background(), store.Settings{GroupName: "甲集团", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	a := newDeskWindow(t, db)
	if got := a.win.Title(); got != "甲集团 — Secretariat desk" {
		t.Errorf("title = %q", got)
	}
}

func tabTitles(tabs *container.AppTabs) string {
	var out []string
	for _, it := range tabs.Items {
		out = append(out, it.Text)
	}
	return strings.Join(out, "|")
}

// TestLanguageSwitchKeepsWindowSize: the window keeps its size through a
// language switch and back. GLFW grows a window whose content needs more
// than its size, even past the screen; a tab never shown measures its
// wrapped text one word a line, so a section must not need its hidden
// tabs' height. The test driver grows the window only when content is
// set, so the test sets it again to apply the same rule.
func TestLanguageSwitchKeepsWindowSize(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := newDeskWindow(t, db)
	want := a.win.Canvas().Size()
	fits := func(when string) {
		t.Helper()
		if need := a.win.Content().MinSize(); need.Width > want.Width || need.Height > want.Height {
			t.Errorf("%s: the window's content needs %v, more than %v", when, need, want)
		}
		a.win.SetContent(a.win.Content())
		if got := a.win.Canvas().Size(); got != want {
			t.Errorf("%s: window size %v, want %v", when, got, want)
		}
	}
	for _, s := range a.Sections() {
		openSection(t, a, s.Title())
		fits("section " + s.Title())
	}
	for _, language := range []string{"English", "中文"} {
		settings := openSystemTab(t, a, tabSettings)
		kittest.ObjectsOf[*widget.Select](settings)[0].SetSelected(language)
		fits("after switching to " + language)
		for _, s := range a.Sections() {
			openSection(t, a, s.Title())
			fits(language + " section " + s.Title())
		}
	}
}

// TestAuditTablesFitTheWindow: in a 1366×768 window, beside the
// navigation, the latest changes on the dashboard and the audit log show
// every column, 摘要 (the last, after 操作人) included, without scrolling
// sideways.
func TestAuditTablesFitTheWindow(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	kittest.AddMember(t, db, "潍坊职业学院", "高职院校")
	a := newDeskWindow(t, db)
	a.Changed(store.KindMember, uuid.Nil)
	check := func(where string, table *widget.Table) {
		t.Helper()
		a.win.Content().Refresh()
		right := auditHeaderRight(table, "摘要")
		width := fyne.CurrentApp().Driver().AbsolutePositionForObject(table).X + table.Size().Width
		if right == 0 || right > width {
			t.Errorf("%s: 摘要 ends at %v, the table at %v", where, right, width)
		}
	}
	dash := openSection(t, a, "工作台")
	check("工作台", kittest.ObjectsOf[*widget.Table](dash)[2]) // after 会议提示 and 加入与退出
	log := openSystemTab(t, a, tabAuditLog)
	check("操作日志", kittest.OnlyTable(t, log))
}

// auditHeaderRight is where the header cell titled header ends on screen,
// 0 if the table did not draw it (it is scrolled out of sight).
func auditHeaderRight(table *widget.Table, header string) float32 {
	for _, l := range kittest.ObjectsOf[*widget.Label](table) {
		if l.Text == header && l.TextStyle.Bold && l.Visible() {
			return fyne.CurrentApp().Driver().AbsolutePositionForObject(l).X + l.Size().Width
		}
	}
	return 0
}
