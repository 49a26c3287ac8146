package system

import (
	"context"
	"fmt"
	"path/filepath"
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

var (
	addMember = kittest.AddMember
	joinEvent = kittest.JoinEvent
	tableRows = kittest.TableRows
)

// openSystem builds a desk on s with this section alone.
func openSystem(t *testing.T, s store.Store) *kittest.Desk {
	t.Helper()
	return kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section { return []kit.Section{New(sh)} })
}

// openSystemTab shows 系统 and its tab number i, and returns the tab's
// content.
func openSystemTab(t *testing.T, a *kittest.Desk, i int) fyne.CanvasObject {
	t.Helper()
	tabs := a.OpenSection("系统").(*container.AppTabs)
	tabs.SelectIndex(i)
	return tabs.Items[i].Content
}

// System tab numbers.
const (
	tabSettings = iota
	tabAuditLog
	tabTrash
	tabBackup
	tabAbout
)

func TestEmptyGroupNameIsRefused(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openSystem(t, db)
	settings := openSystemTab(t, a, tabSettings)
	kittest.ObjectsOf[*widget.Entry](settings)[0].SetText("  ")
	test.Tap(kittest.Button(t, settings, "保存"))
	if st, _ := db.Settings(context.Background()); st.GroupName != store.DefaultGroupName {
		t.Errorf("saved %q", st.GroupName)
	}
	if a.Overlay() == nil {
		t.Error("no error shown")
	}
}

// TestGroupNameCheckSpeaksTheLanguage: the group name is checked with
// Settings.Validate, and its verdict is worded by msg, so the English
// interface says it in English (the store's own text is Chinese).
func TestGroupNameCheckSpeaksTheLanguage(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openSystem(t, db)
	msg.SetLanguage("en") // before the section is first shown, so it is built in English
	tabs := a.OpenSection(msg.T("系统")).(*container.AppTabs)
	tabs.SelectIndex(tabSettings)
	settings := tabs.Items[tabSettings].Content
	name := kittest.ObjectsOf[*widget.Entry](settings)[0]
	name.SetText(" ")
	err := name.Validate()
	if want := "「Group name」 is required"; err == nil || err.Error() != want {
		t.Errorf("empty group name: %v, want %q", err, want)
	}
	name.SetText("潍坊市化工职业教育集团")
	if err := name.Validate(); err != nil {
		t.Errorf("a group name: %v", err)
	}
}

func TestRestoreFromTrash(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openSystem(t, db)
	m := addMember(t, db, "潍坊化工有限公司", "企业", joinEvent(store.NewDate(2020, 3, 1), "理事单位"))
	if err := db.DeleteMember(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	a.Changed(store.KindMember, m.ID)

	trash := openSystemTab(t, a, tabTrash)
	table := kittest.OnlyTable(t, trash)
	rows := tableRows(table)
	if len(rows) != 1 || rows[0][0] != "潍坊化工有限公司" || rows[0][1] != "成员单位" {
		t.Fatalf("trash rows = %v", rows)
	}
	restore := kittest.Button(t, trash, "恢复")
	if !restore.Disabled() {
		t.Error("恢复 enabled with nothing chosen")
	}
	table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(restore)
	confirm := a.Overlay()
	if confirm == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(kittest.Button(t, confirm, "恢复"))

	members, err := db.Members(context.Background())
	if err != nil || len(members) != 1 || members[0].ID != m.ID {
		t.Fatalf("members after restore = %v, %v", members, err)
	}
	if rows := tableRows(table); len(rows) != 0 {
		t.Errorf("trash after restore = %v", rows)
	}
}

func TestRestoreRefusedShowsError(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openSystem(t, db)
	m := addMember(t, db, "潍坊化工有限公司", "企业")
	if err := db.DeleteMember(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	addMember(t, db, "潍坊化工有限公司", "企业") // the same name again
	trash := openSystemTab(t, a, tabTrash)
	kittest.OnlyTable(t, trash).Select(widget.TableCellID{})
	test.Tap(kittest.Button(t, trash, "恢复"))
	test.Tap(kittest.Button(t, a.Overlay(), "恢复"))

	shown := a.Overlay()
	var texts []string
	for _, l := range kittest.ObjectsOf[*widget.Label](shown) {
		texts = append(texts, l.Text)
	}
	if want := "「单位名称」与已有单位重复：潍坊化工有限公司"; !slices.Contains(texts, want) {
		t.Errorf("error dialog says %q, want %q", texts, want)
	}
}

// TestAuditLogListsChangesNewestFirst: 时间, 操作, 类型, 操作人 (who on
// which PC), 摘要, newest first; the search finds words in any column.
func TestAuditLogListsChangesNewestFirst(t *testing.T) {
	db, _ := kittest.OpenFileAs(t, "li", "office-1")
	a := openSystem(t, db)
	m := addMember(t, db, "潍坊化工有限公司", "企业", joinEvent(store.NewDate(2020, 3, 1), "理事单位"))
	// Another clerk on another PC adds a unit to the same data (a
	// second Store over the same file, as on a shared database).
	eng, _ := store.As[store.Engine](db)
	other := store.New(eng, store.Options{Clerk: "wang", PC: "office-2"})
	addMember(t, other, "潍坊职业学院", "高职院校")
	if err := db.DeleteMember(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	a.Changed(store.KindMember, m.ID)

	log := openSystemTab(t, a, tabAuditLog)
	table := kittest.OnlyTable(t, log)
	var got []string
	for _, r := range tableRows(table) {
		got = append(got, strings.Join(r[1:], "|"))
	}
	want := []string{"删除|成员单位|li@office-1|删除 潍坊化工有限公司", "新增|成员单位|wang@office-2|新增 潍坊职业学院", "新增|成员单位|li@office-1|新增 潍坊化工有限公司"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("audit log:\n got %q\nwant %q", got, want)
	}

	search := kittest.ObjectsOf[*widget.Entry](log)[0]
	test.Type(search, "职业学院")
	if rows := tableRows(table); len(rows) != 1 || rows[0][4] != "新增 潍坊职业学院" {
		t.Errorf("search 职业学院: %v", rows)
	}
	search.SetText("wang@office-2")
	if rows := tableRows(table); len(rows) != 1 || rows[0][3] != "wang@office-2" {
		t.Errorf("search wang@office-2: %v", rows)
	}
	search.SetText("删除　潍坊") // a full-width space, as typed with a Chinese IME
	if rows := tableRows(table); len(rows) != 1 || rows[0][1] != "删除" {
		t.Errorf("search 删除 潍坊: %v", rows)
	}
}

// TestAuditLogNamesClerkAndPC: on a shared database the log must say who
// made each change; the 操作人 column shows clerk@PC and the search finds it.
func TestAuditLogNamesClerkAndPC(t *testing.T) {
	db, err := bolt.OpenStore(filepath.Join(t.TempDir(), "secdesk.db"), bolt.Options{Clerk: "zhang", PC: "SEC-PC1"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := openSystem(t, db)
	addMember(t, db, "潍坊职业学院", "高职院校")
	a.Changed(store.KindMember, uuid.Nil)

	log := openSystemTab(t, a, tabAuditLog)
	table := kittest.OnlyTable(t, log)
	rows := tableRows(table)
	if len(rows) != 1 || rows[0][3] != "zhang@SEC-PC1" || rows[0][4] != "新增 潍坊职业学院" {
		t.Fatalf("audit log rows: %q, want 操作人 zhang@SEC-PC1", rows)
	}
	search := kittest.ObjectsOf[*widget.Entry](log)[0]
	search.SetText("sec-pc1")
	if rows := tableRows(table); len(rows) != 1 {
		t.Errorf("search by PC: %q", rows)
	}
	search.SetText("li@SEC-PC2")
	if rows := tableRows(table); len(rows) != 0 {
		t.Errorf("search by another clerk: %q", rows)
	}
}

func TestAboutShowsVersionPathAndFontLicence(t *testing.T) {
	db, path := kittest.OpenFile(t)
	a := openSystem(t, db)
	about := openSystemTab(t, a, tabAbout)
	var all strings.Builder
	for _, l := range kittest.ObjectsOf[*widget.Label](about) {
		all.WriteString(l.Text + "\n")
	}
	for _, want := range []string{"秘书处工作台", "开发版", path, "Droid Sans Fallback", "Apache-2.0"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("about lacks %q:\n%s", want, all.String())
		}
	}
}

// TestAboutAndSettingsNameADatabase: a store that is not a file on this PC
// (a shared PostgreSQL database) is labelled 数据库, and 关于 does not claim
// the data stays in a file on this PC.
func TestAboutAndSettingsNameADatabase(t *testing.T) {
	file, _ := kittest.OpenFile(t)
	server := struct{ store.Store }{file} // no Path: not a FileStore
	a := openSystem(t, server)
	for _, tab := range []int{tabSettings, tabAbout} {
		var labels []string
		for _, f := range kittest.ObjectsOf[*widget.Form](openSystemTab(t, a, tab)) {
			for _, it := range f.Items {
				labels = append(labels, it.Text)
			}
		}
		if !slices.Contains(labels, "数据库") || slices.Contains(labels, "数据文件") {
			t.Errorf("tab %d form labels %q, want 数据库 and no 数据文件", tab, labels)
		}
	}
	for _, l := range kittest.ObjectsOf[*widget.Label](openSystemTab(t, a, tabAbout)) {
		if strings.Contains(l.Text, "本机的数据文件") {
			t.Errorf("关于 says %q on a shared database", l.Text)
		}
	}
}
