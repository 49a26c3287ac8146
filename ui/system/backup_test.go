package system

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// chooseIn makes the folder and file choosers answer path at once.
func chooseIn(t *testing.T, folder string, file *string) {
	oldF, oldB := chooseFolder, chooseBackup
	t.Cleanup(func() { chooseFolder, chooseBackup = oldF, oldB })
	chooseFolder = func(_ kit.Shell, chosen func(string)) { chosen(folder) }
	chooseBackup = func(_ kit.Shell, chosen func(string)) { chosen(*file) }
}

func overlayText(a *kittest.Desk) string { return strings.Join(kittest.TextsIn(a.Overlay()), "\n") }

func TestBackupAndRestoreButtons(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊化工有限公司", "企业")
	a := openSystem(t, db)
	dir := t.TempDir()
	var file string
	chooseIn(t, dir, &file)
	tab := openSystemTab(t, a, tabBackup)
	if !strings.Contains(strings.Join(kittest.TextsIn(tab), "\n"), "还没有备份到其他位置") {
		t.Errorf("tab says %q", kittest.TextsIn(tab))
	}

	test.Tap(kittest.Button(t, tab, "备份"))
	if got := overlayText(a); !strings.Contains(got, "备份完成") || !strings.Contains(got, "成员单位 1 家") {
		t.Fatalf("after 备份: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("backup folder holds %v", entries)
	}
	file = dir + "/" + entries[0].Name()
	a.Window().Canvas().Overlays().Top().Hide()
	a.Window().Canvas().Overlays().Remove(a.Overlay())
	if !strings.Contains(strings.Join(kittest.TextsIn(tab), "\n"), "上次备份：") {
		t.Errorf("tab after backup says %q", kittest.TextsIn(tab))
	}

	addMember(t, db, "备份之后的有限公司", "企业")
	test.Tap(kittest.Button(t, tab, "恢复"))
	confirm := overlayText(a)
	if !strings.Contains(confirm, "备份：") || !strings.Contains(confirm, "当前：") || !strings.Contains(confirm, "成员单位 2 家") {
		t.Fatalf("restore confirmation says %q", confirm)
	}
	test.Tap(kittest.Button(t, a.Overlay(), "恢复"))
	ms, err := db.Members(context.Background())
	if err != nil || len(ms) != 1 || ms[0].Name != "潍坊化工有限公司" {
		t.Fatalf("members after restore: %v %v", ms, err)
	}
	if got := overlayText(a); !strings.Contains(got, "恢复完成") {
		t.Fatalf("after restore: %q", got)
	}
}

func TestCheckButton(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊化工有限公司", "企业")
	a := openSystem(t, db)
	tab := openSystemTab(t, a, tabBackup)
	test.Tap(kittest.Button(t, tab, "检查"))
	if got := overlayText(a); !strings.Contains(got, "检查通过：成员单位 1 家") {
		t.Fatalf("check says %q", got)
	}
}

func TestPurgeFromTrashNamesTheItem(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊化工有限公司", "企业")
	if err := db.DeleteMember(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	a := openSystem(t, db)
	trash := openSystemTab(t, a, tabTrash)
	purge := kittest.Button(t, trash, "永久删除")
	if !purge.Disabled() {
		t.Error("永久删除 enabled with nothing chosen")
	}
	kittest.OnlyTable(t, trash).Select(widget.TableCellID{})
	test.Tap(purge)
	if got := overlayText(a); !strings.Contains(got, "永久删除成员单位「潍坊化工有限公司」？") {
		t.Fatalf("confirmation says %q", got)
	}
	test.Tap(kittest.Button(t, a.Overlay(), "永久删除"))
	if items, _ := db.Trash(context.Background()); len(items) != 0 {
		t.Fatalf("trash after purge: %v", items)
	}
	if e, _ := db.Audit(context.Background(), store.AuditQuery{Limit: 1}); e[0].Action != store.ActionPurge {
		t.Fatalf("newest entry %+v", e[0])
	}
}

// TestBackupSettings: the number of start-up copies and the reminder's
// days are refused out of range at the field, with nothing saved, and kept
// in the settings when right.
func TestBackupSettings(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openSystem(t, db)
	tab := openSystemTab(t, a, tabBackup)
	test.Tap(kittest.Button(t, tab, "备份设置"))
	d := a.Dialog()
	kittest.TypeInto(t, d, store.FieldBackupKeep, "0")
	test.Tap(d.SaveButton())
	if a.TopDialog() == nil || !strings.Contains(kittest.ValidationText(d, store.FieldBackupKeep), "超出允许的范围") {
		t.Fatalf("0 copies accepted: %q", kittest.ValidationText(d, store.FieldBackupKeep))
	}
	if st, _ := db.Settings(context.Background()); st.BackupKeep != 0 {
		t.Fatalf("saved %d after a refusal", st.BackupKeep)
	}
	kittest.TypeInto(t, d, store.FieldBackupKeep, "20")
	kittest.TypeInto(t, d, store.FieldBackupRemind, "14")
	test.Tap(d.SaveButton())
	if a.TopDialog() != nil {
		t.Fatalf("dialog still open: %q", d.Problem())
	}
	st, _ := db.Settings(context.Background())
	if st.BackupKeep != 20 || st.BackupRemindDays != 14 {
		t.Errorf("stored keep %d, remind %d", st.BackupKeep, st.BackupRemindDays)
	}
	if !strings.Contains(strings.Join(kittest.TextsIn(tab), "\n"), "保留最近 20 份") {
		t.Errorf("tab says %q", kittest.TextsIn(tab))
	}
}
