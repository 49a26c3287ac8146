package tasks

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestTasksNoStoreWorkOnUIThread: the list, a task's page with its
// steps, the round typed through, the grid, the dispatch and a new task
// read and write the store only in background work, never on the UI
// thread.
func TestTasksNoStoreWorkOnUIThread(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	tk := newTask(t, s, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	if _, err := s.RecordFlags(context.Background(), lastRound()); err != nil {
		t.Fatal(err)
	}
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section { v = New(sh); return []kit.Section{v} })
	g.Arm(t)
	g.Doing("opening 督查督办")
	a.OpenSection("督查督办")
	g.Doing("opening the task")
	v.list.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	v.list.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p := v.page
	if p == nil {
		t.Fatal("Enter did not open the task")
	}
	g.Doing("recording 催办")
	tap(t, kittest.Button(t, p.view, "登记办理环节"))
	d := a.Dialog()
	kittest.ChooseIn(t, d, "办理环节", "催办")
	kittest.Save(t, d)
	g.Doing("correcting a flag")
	for _, c := range kittest.ObjectsOf[*tapCell](p.view) {
		if c.Caption == lastRound() {
			c.Tapped(nil)
		}
	}
	d = a.Dialog()
	kittest.ChooseIn(t, d, "更正为", "红")
	kittest.TypeInto(t, d, store.FieldFlag, "已停工")
	kittest.Save(t, d)
	g.Doing("editing the task")
	tap(t, kittest.Button(t, p.view, "修改"))
	d = a.Dialog()
	kittest.TypeInto(t, d, store.FieldTaskPerson, "刘洋")
	kittest.Save(t, d)
	tap(t, kittest.Button(t, p.view, "返回列表"))
	g.Doing("the round by keyboard")
	v.tabs.SelectIndex(tabRound)
	typeKeys(t, a, "完成基地设计")
	ctrlEnter(t, a)
	g.Doing("the grid and the dispatch")
	v.tabs.SelectIndex(tabGrid)
	v.tabs.SelectIndex(tabDispatch)
	tap(t, v.disp.save)
	g.Doing("creating a task")
	v.tabs.SelectIndex(tabList)
	tap(t, kittest.Button(t, a.Window().Canvas().Content(), "新建任务"))
	d = a.Dialog()
	kittest.TypeInto(t, d, store.FieldTaskTitle, "组织技能大赛")
	kittest.FormWidget[*widget.SelectEntry](t, d, "牵头单位").SetText("潍坊化工有限公司")
	kittest.Save(t, d)
	g.Check(t)
	got := stored(t, s, tk.ID)
	if got.Person != "刘洋" || len(got.Inspections) != 1 || got.Flags[0].Flag != store.FlagRed {
		t.Errorf("stored task = %+v", got)
	}
	if ts, _ := s.Tasks(context.Background()); len(ts) != 2 {
		t.Errorf("tasks = %d", len(ts))
	}
}
