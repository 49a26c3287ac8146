package indicators

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestIndicatorsNoStoreWorkOnUIThread: starting a catalogue, adding an
// indicator, typing a value, opening a round and every tab read and write
// the store only in background work.
func TestIndicatorsNoStoreWorkOnUIThread(t *testing.T) {
	s, g := kittest.OpenGuardedFile(t)
	college := kittest.AddMember(t, s, "潍坊职业学院", "高职院校", kittest.JoinEvent(kittest.Day(2020, 3, 1), "理事单位"))
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section { v = New(sh); return []kit.Section{v} })
	g.Arm(t)
	g.Doing("opening 指标报送")
	a.OpenSection("指标报送")
	g.Doing("starting the catalogue")
	tap(t, kittest.Button(t, v.view, "建立本年度指标目录"))
	g.Doing("adding an indicator")
	tap(t, kittest.Button(t, v.view, "新增指标"))
	d := a.Dialog()
	kittest.TypeInto(t, d, store.FieldIndicatorCode, "joint_projects")
	kittest.TypeInto(t, d, store.FieldIndicatorName, "校企合作项目")
	kittest.TypeInto(t, d, store.FieldIndicatorUnit, "项")
	kittest.Save(t, d)
	g.Doing("typing a value")
	v.tabs.SelectIndex(tabGrid)
	typeCell(t, v, row(t, v, college), column(t, v, "training_bases"), "4")
	g.Doing("opening a round")
	v.tabs.SelectIndex(tabReturns)
	tap(t, kittest.Button(t, v.returns.view, "开始填报"))
	v.returns.table.Select(widget.TableCellID{})
	g.Doing("the summary")
	v.tabs.SelectIndex(tabSummary)
	g.Check(t)
	if x, ok := storedValue(t, s, college, "training_bases"); !ok || x != 4 {
		t.Errorf("stored = %v %v", x, ok)
	}
	if v.data.openRound() == nil {
		t.Error("no round open")
	}
}
