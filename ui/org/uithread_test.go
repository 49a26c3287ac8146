package org

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestSeatSaveNoStoreWorkOnUIThread: showing a body's roster and saving
// a seat (修改职务, 下移) read and write the store only in background
// work, never on the UI thread.
func TestSeatSaveNoStoreWorkOnUIThread(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	feng := newPerson(t, s, "冯波", "淄博市工业学校", "总务处副主任")
	wang := newPerson(t, s, "王威", "", "")
	newBodyWithTerm(t, s, "理事会", store.OrderRanked, store.NewDate(2022, 3, 1), map[string][]store.Person{"秘书长": {feng, wang}})
	a, v := openOrg(t, s)
	g.Arm(t)
	g.Doing("refreshing 组织机构")
	v.Refresh()
	g.Doing("opening 修改职务")
	selectSeat(t, v, "冯波")
	tap(t, v.rosterPane.seats.correct)
	d := a.Dialog()
	title := d.Entries()[0]
	title.SetText("")
	test.Type(title, "总务处主任")
	g.Doing("saving the seat")
	saveDialog(t, d)
	g.Doing("moving the seat down")
	selectSeat(t, v, "冯波")
	tap(t, v.rosterPane.seats.down)
	g.Check(t)
}
