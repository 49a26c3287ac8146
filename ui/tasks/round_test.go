package tasks

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var desktopCtrlEnter = desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}

// TestRoundByKeyboard: a month's round typed through: progress, Tab to
// the other fields, Enter in the last saves and the next task comes up;
// Ctrl+Enter saves from any field. The store keeps each report.
func TestRoundByKeyboard(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	t1 := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	t2 := newTask(t, db, "2026-002", "修订人才培养方案", "寿光市职业教育中心学校", 2)
	t3 := newTask(t, db, "2026-003", "组织技能大赛", "潍坊化工有限公司", 1)
	a, v := openTasks(t, db)
	v.tabs.SelectIndex(tabRound)
	r := v.round
	if len(r.queue) != 3 || r.current != t1.ID {
		t.Fatalf("queue %d, current %v", len(r.queue), r.current)
	}
	if focused(t, a) != r.editor.progress {
		t.Fatal("the progress field does not have the keys")
	}
	typeKeys(t, a, "完成基地设计")
	press(t, a, fyne.KeyTab)
	typeKeys(t, a, "40")
	press(t, a, fyne.KeyReturn) // to 达成节点
	press(t, a, fyne.KeyTab)    // to 存在问题
	typeKeys(t, a, "资金未到位")
	press(t, a, fyne.KeyTab)
	typeKeys(t, a, "协调财政")
	for focused(t, a) != r.editor.date {
		press(t, a, fyne.KeyTab)
	}
	press(t, a, fyne.KeyReturn)

	in := storedInspection(t, db, t1.ID, thisRound())
	if in == nil || in.Progress != "完成基地设计" || in.Percent != 40 || in.Problems != "资金未到位" || in.Measures != "协调财政" {
		t.Fatalf("stored inspection = %+v", in)
	}
	if r.current != t2.ID || !strings.Contains(r.head.Text, "2026-002") || r.editor.progress.Text != "" {
		t.Fatalf("after the save: current %v, head %q", r.current, r.head.Text)
	}
	if focused(t, a) != r.editor.progress {
		t.Error("the next task's progress field does not have the keys")
	}
	typeKeys(t, a, "方案初稿完成")
	ctrlEnter(t, a)
	if in := storedInspection(t, db, t2.ID, thisRound()); in == nil || in.Progress != "方案初稿完成" || in.Percent != -1 {
		t.Fatalf("second inspection = %+v", in)
	}
	if r.current != t3.ID {
		t.Fatalf("current after the second save = %v", r.current)
	}
	if got := r.count.Text; got != "应督查 3 项，已填报 2 项" {
		t.Errorf("count = %q", got)
	}
}

// TestRoundConflict: another clerk reported the same task's round
// meanwhile; the save is refused, their report is shown and stays, and a
// second save replaces it knowingly.
func TestRoundConflict(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	t1 := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	a, v := openTasks(t, db)
	v.tabs.SelectIndex(tabRound)
	r := v.round
	other := store.Inspection{Round: thisRound(), Date: store.Today(), Inspector: "李华", Progress: "已开工", Percent: 30}
	if _, err := db.SaveInspection(context.Background(), t1.ID, nil, other); err != nil {
		t.Fatal(err)
	}
	typeKeys(t, a, "完成基地设计")
	ctrlEnter(t, a)
	if got := storedInspection(t, db, t1.ID, thisRound()); got.Progress != "已开工" {
		t.Fatalf("stored = %+v, want the other clerk's", got)
	}
	if !strings.Contains(r.editor.problem.Text, "已被") || !r.editor.otherBand.Visible() ||
		!strings.Contains(r.editor.other.Text, "李华") || !strings.Contains(r.editor.other.Text, "已开工") {
		t.Fatalf("problem %q, other %q (shown %v)", r.editor.problem.Text, r.editor.other.Text, r.editor.otherBand.Visible())
	}
	if r.editor.progress.Text != "完成基地设计" {
		t.Errorf("the clerk's text was lost: %q", r.editor.progress.Text)
	}
	tap(t, r.editor.save)
	if got := storedInspection(t, db, t1.ID, thisRound()); got.Progress != "完成基地设计" {
		t.Errorf("after saving again = %+v", got)
	}
}
