package kit_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// counting is a section that counts its refreshes.
type counting struct {
	title     string
	watches   []store.Kind
	refreshes int
}

func (c *counting) Title() string            { return c.title }
func (c *counting) Icon() fyne.Resource      { return theme.HomeIcon() }
func (c *counting) Build() fyne.CanvasObject { return widget.NewLabel(c.title) }
func (c *counting) Watches() []store.Kind    { return c.watches }
func (c *counting) Refresh()                 { c.refreshes++ }

// TestChangeMarksHiddenSectionsStale: a change announced while one
// section is on screen refreshes it at once if it watches that kind; a
// built section that is hidden is only marked stale, and refreshes when
// it is shown (once), not before; a section that does not watch the kind,
// or was never built, is left alone.
func TestChangeMarksHiddenSectionsStale(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	members := &counting{title: "成员单位", watches: []store.Kind{store.KindMember}}
	dash := &counting{title: "工作台", watches: kit.AllKinds}
	org := &counting{title: "组织机构", watches: []store.Kind{store.KindBody}}
	never := &counting{title: "系统", watches: kit.AllKinds}
	d := kittest.NewDesk(t, db, func(kit.Shell) []kit.Section { return []kit.Section{dash, members, org, never} })
	d.OpenSection("工作台")
	d.OpenSection("组织机构")
	d.OpenSection("成员单位")

	d.Changed(store.KindMember, uuid.New())
	if members.refreshes != 1 {
		t.Errorf("the section on screen refreshed %d times, want 1", members.refreshes)
	}
	if dash.refreshes != 0 || !d.Stale(0) {
		t.Errorf("hidden dashboard: %d refreshes, stale %v; want 0 and stale", dash.refreshes, d.Stale(0))
	}
	if org.refreshes != 0 || d.Stale(2) {
		t.Error("a section not watching members was touched")
	}
	if never.refreshes != 0 || d.View(3) != nil {
		t.Error("a section never shown was touched")
	}
	d.Changed(store.KindMember, uuid.New()) // a second change: still one refresh when shown
	d.OpenSection("工作台")
	if dash.refreshes != 1 || d.Stale(0) {
		t.Errorf("shown again: %d refreshes, stale %v; want 1, not stale", dash.refreshes, d.Stale(0))
	}
	d.OpenSection("成员单位")
	d.OpenSection("工作台")
	if dash.refreshes != 1 || members.refreshes != 2 {
		t.Errorf("shown again without changes: %d, %d refreshes", dash.refreshes, members.refreshes)
	}
}

// TestDataLoadsOncePerChange: the shared data is read once for any number
// of askers, and again only after a change to its kind.
func TestDataLoadsOncePerChange(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	d := kittest.NewDesk(t, db, nil)
	kittest.AddMember(t, db, "潍坊职业学院", "高职院校")
	a, _ := d.Data().Members()
	b, _ := d.Data().Members()
	if len(a) != 1 || &a[0] != &b[0] {
		t.Fatal("members read twice without a change")
	}
	kittest.AddMember(t, db, "烟台职业学院", "高职院校")
	if c, _ := d.Data().Members(); len(c) != 1 {
		t.Fatal("cache dropped without a change")
	}
	d.Changed(store.KindPerson, uuid.Nil)
	if c, _ := d.Data().Members(); len(c) != 1 {
		t.Fatal("a change to people dropped the members")
	}
	d.Changed(store.KindMember, uuid.Nil)
	if c, _ := d.Data().Members(); len(c) != 2 {
		t.Fatalf("after a change: %d members, want 2", len(c))
	}
}

// TestSettingsIsACopy: changing the settings a section got does not
// change the shell's.
func TestSettingsIsACopy(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	d := kittest.NewDesk(t, db, nil)
	d.SettingsSaved(store.Settings{GroupName: "甲", Positions: []string{"理事长"}})
	st := d.Settings()
	st.Positions[0] = "秘书长"
	if got := d.Settings().Positions[0]; got != "理事长" {
		t.Errorf("positions changed through a copy: %q", got)
	}
}

// countingStore counts the whole-register and one-member reads.
type countingStore struct {
	store.Store
	all, one int
}

func (s *countingStore) Members(ctx context.Context) ([]store.Member, error) {
	s.all++
	return s.Store.Members(ctx)
}

func (s *countingStore) Member(ctx context.Context, id uuid.UUID) (store.Member, error) {
	s.one++
	return s.Store.Member(ctx, id)
}

// TestDataRereadsOnlyTheChangedRecord: a change announced for one record
// reads that record again, not the register; it is replaced, added in
// creation order, or dropped when deleted, and the slice handed out
// before is left as it was (other sections may still show it).
func TestDataRereadsOnlyTheChangedRecord(t *testing.T) {
	ctx := context.Background()
	db, _ := kittest.OpenFile(t)
	cs := &countingStore{Store: db}
	d := kittest.NewDesk(t, cs, nil)
	a := kittest.AddMember(t, db, "潍坊职业学院", "高职院校")
	b := kittest.AddMember(t, db, "烟台职业学院", "高职院校")
	before, _ := d.Data().Members()

	edited := b
	edited.City = "烟台市"
	if _, err := db.UpdateMember(ctx, edited); err != nil {
		t.Fatal(err)
	}
	d.Changed(store.KindMember, b.ID)
	c := kittest.AddMember(t, db, "东营职业学院", "高职院校")
	d.Changed(store.KindMember, c.ID)
	if err := db.DeleteMember(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	d.Changed(store.KindMember, a.ID)
	cs.all, cs.one = 0, 0
	got, err := d.Data().Members()
	if err != nil {
		t.Fatal(err)
	}
	if cs.all != 0 || cs.one != 3 {
		t.Errorf("%d register reads and %d member reads, want 0 and 3", cs.all, cs.one)
	}
	if len(got) != 2 || got[0].ID != b.ID || got[0].City != "烟台市" || got[1].ID != c.ID {
		t.Errorf("patched register: %+v", got)
	}
	if len(before) != 2 || before[0].ID != a.ID || before[1].City != "" {
		t.Errorf("the slice handed out before changed: %+v", before)
	}
	d.Changed(store.KindMember, uuid.Nil)
	if all, _ := d.Data().Members(); cs.all != 1 || len(all) != 2 {
		t.Errorf("a change of several: %d register reads, %d members", cs.all, len(all))
	}
}

// feedStore is a store with a change feed the test writes to, as a
// shared database's is.
type feedStore struct {
	store.Store
	feed chan store.Change
}

func (s *feedStore) Watch(ctx context.Context) (<-chan store.Change, error) { return s.feed, nil }

// feedCounting counts refreshes made from the feed's goroutine (in the
// test driver fyne.Do runs where it is called).
type feedCounting struct {
	counting
	n atomic.Int32
}

func (c *feedCounting) Refresh() { c.n.Add(1) }

// TestOthersChangesRefresh: a change another clerk saved on a shared
// database refreshes the section on screen that shows its kind, and the
// shared data re-reads the record, as a change made in this window does.
func TestOthersChangesRefresh(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	fs := &feedStore{Store: db, feed: make(chan store.Change, 1)}
	members := &feedCounting{counting: counting{title: "成员单位", watches: []store.Kind{store.KindMember}}}
	d := kittest.NewDesk(t, fs, func(kit.Shell) []kit.Section { return []kit.Section{members} })
	d.OpenSection("成员单位")
	if got, _ := d.Data().Members(); len(got) != 0 {
		t.Fatalf("%d members at start", len(got))
	}
	d.WatchOthers()
	defer d.Close()

	m := kittest.AddMember(t, db, "潍坊职业学院", "高职院校") // by "another clerk": no Changed here
	fs.feed <- store.Change{Kind: store.KindMember, RecordID: m.ID, By: "wang@office-2"}
	deadline := time.Now().Add(2 * time.Second)
	for members.n.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := members.n.Load(); n != 1 {
		t.Fatalf("section refreshed %d times after another clerk's change", n)
	}
	if got, _ := d.Data().Members(); len(got) != 1 || got[0].ID != m.ID {
		t.Errorf("shared data after the change: %+v", got)
	}
}
