package tasks

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// lastRound is the round before this one, which has ended.
func lastRound() string { return store.Round(store.RoundStart(thisRound()).AddDays(-1)) }

// TestTaskPage: opened from the list with Enter; 催办 is recorded, 销号
// before 办结 is refused in Chinese in the dialog; an extension is asked
// for and approved, and the original deadline stays in sight; a recorded
// flag is corrected with a reason.
func TestTaskPage(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	tk := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	if _, err := db.RecordFlags(context.Background(), lastRound()); err != nil {
		t.Fatal(err)
	}
	a, v := openTasks(t, db)
	v.list.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	v.list.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p := v.page
	if p == nil || p.t.ID != tk.ID {
		t.Fatal("Enter did not open the task")
	}

	tap(t, kittest.Button(t, p.view, "登记办理环节"))
	d := a.Dialog()
	kittest.ChooseIn(t, d, "办理环节", "催办")
	d.Entries()[1].SetText("请于月底前报送进展")
	kittest.Save(t, d)
	if ev := stored(t, db, tk.ID).Events; len(ev) != 3 || ev[2].Step != store.StepUrge || ev[2].Text != "请于月底前报送进展" {
		t.Fatalf("events = %+v", ev)
	}
	tap(t, kittest.Button(t, p.view, "登记办理环节"))
	d = a.Dialog()
	kittest.ChooseIn(t, d, "办理环节", "销号")
	tap(t, d.SaveButton())
	if !d.IsOpen() || !strings.Contains(d.Problem(), "不符合办理顺序") {
		t.Fatalf("销号 before 办结: open %v, problem %q", d.IsOpen(), d.Problem())
	}
	tap(t, d.CancelButton())

	tap(t, kittest.Button(t, p.view, "申请延期"))
	d = a.Dialog()
	newDeadline := tk.Deadline.AddMonths(3)
	kittest.TypeInto(t, d, store.FieldExtension, newDeadline.String())
	d.Entries()[2].SetText("设备采购延后")
	kittest.Save(t, d)
	tap(t, kittest.Button(t, p.view, "批准"))
	got := stored(t, db, tk.ID)
	if len(got.Extensions) != 1 || got.Extensions[0].Decision != store.ExtApproved || !got.DeadlineOn(store.Today()).Equal(newDeadline) {
		t.Fatalf("extensions = %+v", got.Extensions)
	}
	texts := kittest.ShownTexts(p.view)
	want := "原定时限：" + tk.Deadline.String() + "　现行时限：" + newDeadline.String()
	if !slices.Contains(texts, want) || !slices.Contains(texts, newDeadline.String()+"（原定 "+tk.Deadline.String()+"）") {
		t.Errorf("page texts = %q", texts)
	}

	var cell *tapCell
	for _, c := range kittest.ObjectsOf[*tapCell](p.view) {
		if c.Caption == lastRound() {
			cell = c
		}
	}
	if cell == nil || !strings.Contains(cell.Text, recordedMark) {
		t.Fatalf("no recorded cell for %s", lastRound())
	}
	cell.Tapped(nil)
	d = a.Dialog()
	kittest.ChooseIn(t, d, "更正为", "红")
	if !d.SaveButton().Disabled() {
		t.Error("更正 is enabled without a reason")
	}
	kittest.TypeInto(t, d, store.FieldFlag, "实际已停工")
	kittest.Save(t, d)
	got = stored(t, db, tk.ID)
	if len(got.Flags) != 1 || got.Flags[0].Flag != store.FlagRed || got.Flags[0].Reason != "实际已停工" {
		t.Errorf("flags = %+v", got.Flags)
	}
}
