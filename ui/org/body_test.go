package org

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestBodyQuorumFields: 编辑机构 shows the body's quorum rule (过半数 for
// a new body, the proxy counted as present) and saves what the clerk
// chooses, which the body's meetings then count by.
func TestBodyQuorumFields(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a, v := openOrg(t, db)
	tap(t, v.bodyTools.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldBodyName, "理事会")
	chooseIn(t, d, "机构类型", "理事会")
	rule, proxy := quorumFields(t, d.Forms()[0])
	if rule.Selected != "过半数" || proxy.Checked {
		t.Errorf("new body: rule %q, 委托不计入实到 %v", rule.Selected, proxy.Checked)
	}
	saveDialog(t, d)

	tap(t, v.bodyTools.edit)
	d = a.Dialog()
	rule, proxy = quorumFields(t, d.Forms()[0])
	rule.SetSelected("三分之二以上")
	proxy.SetChecked(true)
	saveDialog(t, d)
	bodies, err := db.Bodies(context.Background())
	if err != nil || len(bodies) != 1 {
		t.Fatalf("bodies = %v, %v", bodies, err)
	}
	if q := bodies[0].Quorum; q.Rule != store.QuorumTwoThirds || !q.ProxyNotPresent {
		t.Errorf("saved quorum = %+v", q)
	}

	tap(t, v.bodyTools.edit)
	rule, proxy = quorumFields(t, a.Dialog().Forms()[0])
	if rule.Selected != "三分之二以上" || !proxy.Checked {
		t.Errorf("edit shows rule %q, 委托不计入实到 %v", rule.Selected, proxy.Checked)
	}
}

// quorumFields finds the rule select and the proxy check of the item
// 会议法定人数 in form.
func quorumFields(t *testing.T, form *widget.Form) (*widget.Select, *widget.Check) {
	t.Helper()
	for _, it := range form.Items {
		if it.Text == "会议法定人数" {
			box := it.Widget.(*fyne.Container)
			return box.Objects[0].(*widget.Select), box.Objects[1].(*widget.Check)
		}
	}
	t.Fatal("no item 会议法定人数")
	return nil, nil
}
