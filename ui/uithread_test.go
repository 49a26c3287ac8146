package ui

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestSectionsNoStoreWorkOnUIThread: over the demo group, opening every
// section (and every tab of 系统), and showing them again after a change
// of each kind, reads the store only in background work (kit's Background
// or a Loader), never on the UI thread. The member and seat saves are
// checked in ui/members and ui/org.
func TestSectionsNoStoreWorkOnUIThread(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	m, r, err := demo.Parse(assets.DemoGroup, assets.DemoRosters)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(context.Background(), s, m, r); err != nil {
		t.Fatal(err)
	}
	a := newDeskWindow(t, s)
	g.Arm(t)
	titles := []string{"工作台", "成员单位", "会议", "督查督办", "组织机构", "指标报送", "系统"}
	visit := func(when string) {
		for _, title := range titles {
			g.Doing("opening " + title + when)
			openSection(t, a, title)
		}
		for _, tab := range []int{tabSettings, tabAuditLog, tabTrash, tabAbout} {
			g.Doing("opening a tab of 系统" + when)
			openSystemTab(t, a, tab)
		}
	}
	visit("")
	for _, k := range kit.AllKinds {
		g.Doing("announcing a change of " + string(k))
		a.Changed(k, uuid.Nil)
		visit(" after a change of " + string(k))
	}
	a.Changed(store.KindMember, uuid.Nil)
	g.Check(t)
}
