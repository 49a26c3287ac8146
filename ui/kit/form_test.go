package kit_test

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestSaveDisabledWhileWriting: 保存 starts the store write in the
// background and stays disabled until it ends; a refusal is shown in the
// dialog, which stays open with 保存 enabled again; a success closes it
// and only then runs what follows.
func TestSaveDisabledWhileWriting(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	d := kittest.NewDesk(t, db, nil)
	var pending []func()
	kit.RunOffUIThread = func(f func()) { pending = append(pending, f) } // restored by kittest
	run := func() {
		for len(pending) > 0 {
			f := pending[0]
			pending = pending[1:]
			f()
		}
	}

	writes, afters := 0, 0
	fail := errors.New("磁盘已满")
	name := kit.TextEntry("甲", nil)
	dlg := kit.NewFormDialog(d, "保存", func() (func() error, func(), error) {
		return func() error {
			writes++
			if writes == 1 {
				return fail
			}
			return nil
		}, func() { afters++ }, nil
	})
	dlg.AddEntry("名称", store.FieldName, name)
	dlg.Show("测试")

	kittest.Tap(t, dlg.SaveButton())
	if !dlg.SaveButton().Disabled() || writes != 0 {
		t.Fatalf("while writing: 保存 disabled %v, %d writes done", dlg.SaveButton().Disabled(), writes)
	}
	test.Type(name, "乙") // typing meanwhile does not enable it
	if !dlg.SaveButton().Disabled() {
		t.Error("保存 enabled by typing while a save is in flight")
	}
	run()
	if !dlg.IsOpen() || dlg.SaveButton().Disabled() || dlg.Problem() == "" || afters != 0 {
		t.Fatalf("after a refused write: open %v, 保存 disabled %v, problem %q, afters %d",
			dlg.IsOpen(), dlg.SaveButton().Disabled(), dlg.Problem(), afters)
	}
	kittest.Tap(t, dlg.SaveButton())
	run()
	if dlg.IsOpen() || afters != 1 || writes != 2 {
		t.Errorf("after a write that worked: open %v, afters %d, writes %d", dlg.IsOpen(), afters, writes)
	}
}
