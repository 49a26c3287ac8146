package members

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestMemberSaveNoStoreWorkOnUIThread: showing the register, opening 编辑
// and saving a unit read and write the store only in background work
// (kit's Background or a Loader), never on the UI thread.
func TestMemberSaveNoStoreWorkOnUIThread(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	addMember(t, s, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	addMember(t, s, "寿光市职业教育中心学校", "中职学校", joinEvent(store.NewDate(2021, 3, 1), "成员单位"))
	a, v := openMembers(t, s)
	g.Arm(t)
	g.Doing("refreshing 成员单位")
	v.Refresh()
	g.Doing("opening 编辑")
	v.table.Select(widget.TableCellID{Row: 0, Col: colName})
	tap(t, v.tools.edit)
	d := a.Dialog()
	typeInto(t, d, store.FieldPhone, "0536-8888888")
	g.Doing("saving the unit")
	kittest.Save(t, d)
	if got := memberRows(v)[0][colPhone]; got != "0536-8888888" {
		t.Errorf("phone after save = %q", got)
	}
	g.Check(t)
}

// TestUIGuardCatchesUIThreadWork: the guard above is not blind — a read
// on the UI thread, and one in a Background's done (back on the UI
// thread), are both reported; one in its work is not.
func TestUIGuardCatchesUIThreadWork(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	_, v := openMembers(t, s)
	g.Arm(t)
	ctx := v.sh.Context()
	g.Doing("reading on the UI thread")
	v.sh.Store().Members(ctx)
	v.sh.Background(func() { v.sh.Store().Members(ctx) }, func() { v.sh.Store().People(ctx) })
	if got := g.OnUIThread(); len(got) != 2 {
		t.Errorf("on the UI thread: %q, want 2 entries", got)
	} else {
		t.Logf("reported: %q", got)
	}
}
