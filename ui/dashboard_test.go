package ui

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
)

// cardTexts reads the dashboard's cards: caption → "value | detail".
func cardTexts(view fyne.CanvasObject) map[string]string {
	out := map[string]string{}
	for _, c := range objectsOf[*widget.Card](view) {
		labels := objectsOf[*widget.Label](c.Content)
		if len(labels) == 3 {
			out[labels[0].Text] = labels[1].Text + " | " + labels[2].Text
		}
	}
	return out
}

// fillSampleGroup makes five units with every kind of recent change.
func fillSampleGroup(t *testing.T, s store.Store, today store.Date) {
	addMember(t, s, "潍坊化工有限公司", "企业", joinEvent(store.NewDate(2020, 3, 1), "理事单位"))
	b := addMember(t, s, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2021, 5, 1), "理事单位"))
	if _, err := s.AddEvent(b.ID, store.Event{Kind: store.EventTier, Date: today, Tier: "常务理事单位"}); err != nil {
		t.Fatal(err)
	}
	addMember(t, s, "寿光新材料股份公司", "企业", joinEvent(today, "成员单位"))
	addMember(t, s, "寿光职业教育中心学校", "中职学校", joinEvent(store.NewDate(2019, 1, 1), "成员单位"),
		store.Event{Kind: store.EventExit, Date: today, ExitKind: "自愿退出", Reason: "学校合并"})
	addMember(t, s, "山东省化工行业协会", "行业协会", store.Event{Kind: store.EventApply, Date: today})
}

func TestDashboardCountsAndRecentChanges(t *testing.T) {
	db, _ := openDeskFile(t)
	a := newDeskWindow(t, db)
	today := store.Today()
	fillSampleGroup(t, db, today)
	a.dataChanged()

	view := openSection(t, a, "工作台")
	since := today.StartOfYear().Chinese() + "以来"
	want := map[string]string{
		"在册成员单位": "3 家 | 企业 2 · 高职 1",
		"今年新增":   "1 家 | " + since,
		"今年退出":   "1 家 | " + since,
		"申请中":    "1 家 | 等待批准加入",
	}
	if got := cardTexts(view); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cards:\n got %v\nwant %v", got, want)
	}

	tables := objectsOf[*widget.Table](view)
	if len(tables) != 2 {
		t.Fatalf("found %d tables, want 2", len(tables))
	}
	changes := tableRows(tables[0])
	wantChanges := [][]string{ // newest recorded first; all dated today
		{today.Chinese(), "寿光职业教育中心学校", "退出（自愿退出）"},
		{today.Chinese(), "寿光新材料股份公司", "加入（成员单位）"},
		{today.Chinese(), "潍坊职业学院", "类别变更（理事单位 → 常务理事单位）"},
	}
	if fmt.Sprint(changes) != fmt.Sprint(wantChanges) {
		t.Errorf("recent changes:\n got %v\nwant %v", changes, wantChanges)
	}

	audit := tableRows(tables[1])
	if len(audit) != 6 { // five units created, one tier change
		t.Fatalf("audit rows = %d, want 6: %v", len(audit), audit)
	}
	if got := audit[0][1:]; !slices.Equal(got, []string{"新增", "成员单位", "新增 山东省化工行业协会"}) {
		t.Errorf("latest audit row = %v", got)
	}
}

func TestDashboardFollowsChangesMadeElsewhere(t *testing.T) {
	db, _ := openDeskFile(t)
	a := newDeskWindow(t, db)
	view := openSection(t, a, "工作台")
	if got := cardTexts(view)["在册成员单位"]; got != "0 家 | " {
		t.Errorf("empty file: %q", got)
	}
	m := addMember(t, db, "潍坊化工有限公司", "企业", joinEvent(store.NewDate(2020, 3, 1), "理事单位"))
	a.dataChanged()
	if got := cardTexts(view)["在册成员单位"]; got != "1 家 | 企业 1" {
		t.Errorf("after admission: %q", got)
	}
	// A change made while another section is shown appears when the
	// dashboard is shown again.
	openSection(t, a, "系统")
	if err := db.DeleteMember(m.ID); err != nil {
		t.Fatal(err)
	}
	a.dataChanged()
	view = openSection(t, a, "工作台")
	if got := cardTexts(view)["在册成员单位"]; got != "0 家 | " {
		t.Errorf("after delete: %q", got)
	}
}

func TestRecentChangesWindow(t *testing.T) {
	today := store.NewDate(2024, 6, 30)
	m := store.Member{Name: "甲", Type: "企业"}
	for _, e := range []store.Event{
		joinEvent(today.AddDays(-200), "成员单位"),
		{Kind: store.EventTier, Date: today.AddDays(-91), Tier: "理事单位"},
		{Kind: store.EventTier, Date: today.AddDays(-90), Tier: "常务理事单位"},
	} {
		if err := m.AddEvent(e, today.Time()); err != nil {
			t.Fatal(err)
		}
	}
	got := recentChanges([]store.Member{m}, today.AddDays(-recentDays), today)
	if len(got) != 1 || got[0].event.Tier != "常务理事单位" {
		t.Errorf("changes within %d days: %+v", recentDays, got)
	}
}

// BenchmarkDashboardSummary counts a register of 10,000 units with
// histories, the work the dashboard does on the UI thread after loading.
func BenchmarkDashboardSummary(b *testing.B) {
	today := store.NewDate(2024, 6, 30)
	members := syntheticMembers(10000, today)
	b.ResetTimer()
	for b.Loop() {
		summariseMembers(members, today)
	}
}

func syntheticMembers(n int, today store.Date) []store.Member {
	out := make([]store.Member, n)
	now := today.Time().Add(12 * time.Hour)
	for i := range out {
		m := store.Member{Name: fmt.Sprintf("单位%05d", i), Type: store.UnitTypes[i%len(store.UnitTypes)]}
		joined := today.AddDays(-(i % 3000))
		_ = m.AddEvent(joinEvent(joined, "成员单位"), now)
		if i%3 == 0 {
			_ = m.AddEvent(store.Event{Kind: store.EventTier, Date: joined.AddDays(i % 200), Tier: "理事单位"}, now)
		}
		if i%7 == 0 {
			_ = m.AddEvent(store.Event{Kind: store.EventExit, Date: joined.AddDays(250), ExitKind: "自愿退出"}, now)
		}
		out[i] = m
	}
	return out
}
