package system

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestPositionsReorderPersists: 系统 → 设置 edits the positions; the new
// order is saved in the settings at once and is there after reopening the
// data file; 恢复默认 goes back to the defaults.
func TestPositionsReorderPersists(t *testing.T) {
	db, path := kittest.OpenFile(t)
	a := openSystem(t, db)
	settings := openSystemTab(t, a, tabSettings)
	list := kittest.ObjectsOf[*widget.List](settings)[0]
	if got := positionsShown(list); !slices.Equal(got, store.DefaultPositions) {
		t.Fatalf("positions on a new file = %q", got)
	}
	if !strings.Contains(strings.Join(kittest.TextsIn(settings), "\n"), "职位的先后顺序就是打印名单时各部分的先后顺序") {
		t.Error("the order's meaning is not explained")
	}
	up := kittest.Button(t, settings, "上移")
	if !up.Disabled() {
		t.Error("上移 enabled with nothing selected")
	}

	list.Select(1) // 理事长
	kittest.Tap(t, up)
	if !up.Disabled() {
		t.Error("上移 still enabled for the first position")
	}
	list.Select(len(store.DefaultPositions) - 1) // 成员单位
	kittest.Tap(t, kittest.Button(t, settings, "删除"))
	entry := kittest.ObjectsOf[*widget.Entry](settings)[1]
	list.Select(0)
	test.Type(entry, " 名誉会长 ")
	kittest.Tap(t, kittest.Button(t, settings, "添加"))
	test.Type(entry, "理事")
	kittest.Tap(t, kittest.Button(t, settings, "添加"))
	if !strings.Contains(strings.Join(kittest.TextsIn(settings), "\n"), "已有职位「理事」") {
		t.Error("a position listed twice is not refused")
	}

	want := append([]string{"理事长", "名誉会长", "名誉理事长"}, store.DefaultPositions[2:len(store.DefaultPositions)-1]...)
	if got := positionsShown(list); !slices.Equal(got, want) {
		t.Errorf("positions shown = %q, want %q", got, want)
	}
	db.Close()
	again, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	st, _ := again.Settings(context.Background())
	if !slices.Equal(st.Positions, want) {
		t.Errorf("positions after reopening = %q, want %q", st.Positions, want)
	}

	b := openSystem(t, again)
	settings = openSystemTab(t, b, tabSettings)
	list = kittest.ObjectsOf[*widget.List](settings)[0]
	if got := positionsShown(list); !slices.Equal(got, want) {
		t.Errorf("positions shown after reopening = %q", got)
	}
	kittest.Tap(t, kittest.Button(t, settings, "恢复默认"))
	if st, _ := again.Settings(context.Background()); len(st.Positions) != 0 || !slices.Equal(positionsShown(list), store.DefaultPositions) {
		t.Errorf("after 恢复默认: saved %q, shown %q", st.Positions, positionsShown(list))
	}
}

// positionsShown reads the positions list as drawn.
func positionsShown(l *widget.List) []string { return kittest.ListLines(l) }
