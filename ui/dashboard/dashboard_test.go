package dashboard

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	addMember = kittest.AddMember
	joinEvent = kittest.JoinEvent
	tableRows = kittest.TableRows
)

// openDesk builds a desk on s with the dashboard and a second section to
// switch to.
func openDesk(t *testing.T, s store.Store) *kittest.Desk {
	t.Helper()
	return kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section { return []kit.Section{New(sh), &other{}} })
}

// other is a section that shows nothing, to have the dashboard hidden.
type other struct{}

func (*other) Title() string            { return "系统" }
func (*other) Icon() fyne.Resource      { return nil }
func (*other) Build() fyne.CanvasObject { return widget.NewLabel("") }
func (*other) Watches() []store.Kind    { return nil }
func (*other) Refresh()                 {}

// cardTexts reads the dashboard's cards: caption → "value | detail".
func cardTexts(view fyne.CanvasObject) map[string]string {
	out := map[string]string{}
	for _, c := range kittest.ObjectsOf[*widget.Card](view) {
		labels := kittest.ObjectsOf[*widget.Label](c.Content)
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
	if _, err := s.AddEvent(context.Background(), b.ID, store.Event{Kind: store.EventTier, Date: today, Tier: "常务理事单位"}); err != nil {
		t.Fatal(err)
	}
	addMember(t, s, "寿光新材料股份公司", "企业", joinEvent(today, "成员单位"))
	addMember(t, s, "寿光职业教育中心学校", "中职学校", joinEvent(store.NewDate(2019, 1, 1), "成员单位"),
		store.Event{Kind: store.EventExit, Date: today, ExitKind: "自愿退出", Reason: "学校合并"})
	addMember(t, s, "山东省化工行业协会", "行业协会", store.Event{Kind: store.EventApply, Date: today})
}

func TestDashboardCountsAndRecentChanges(t *testing.T) {
	db, _ := kittest.OpenFileAs(t, "wang", "office-2")
	a := openDesk(t, db)
	today := store.Today()
	fillSampleGroup(t, db, today)
	a.Changed(store.KindMember, uuid.Nil)

	view := a.OpenSection("工作台")
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

	tables := kittest.ObjectsOf[*widget.Table](view)
	if len(tables) != 3 {
		t.Fatalf("found %d tables, want 3", len(tables))
	}
	changes := tableRows(tables[1])
	wantChanges := [][]string{ // newest recorded first; all dated today
		{today.Chinese(), "寿光职业教育中心学校", "退出（自愿退出）"},
		{today.Chinese(), "寿光新材料股份公司", "加入（成员单位）"},
		{today.Chinese(), "潍坊职业学院", "类别变更（理事单位 → 常务理事单位）"},
	}
	if fmt.Sprint(changes) != fmt.Sprint(wantChanges) {
		t.Errorf("recent changes:\n got %v\nwant %v", changes, wantChanges)
	}

	audit := tableRows(tables[2])
	if len(audit) != 6 { // five units created, one tier change
		t.Fatalf("audit rows = %d, want 6: %v", len(audit), audit)
	}
	if got := audit[0][1:]; !slices.Equal(got, []string{"新增", "成员单位", "wang@office-2", "新增 山东省化工行业协会"}) {
		t.Errorf("latest audit row = %v", got)
	}
}

func TestDashboardFollowsChangesMadeElsewhere(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openDesk(t, db)
	view := a.OpenSection("工作台")
	if got := cardTexts(view)["在册成员单位"]; got != "0 家 | " {
		t.Errorf("empty file: %q", got)
	}
	m := addMember(t, db, "潍坊化工有限公司", "企业", joinEvent(store.NewDate(2020, 3, 1), "理事单位"))
	a.Changed(store.KindMember, m.ID)
	if got := cardTexts(view)["在册成员单位"]; got != "1 家 | 企业 1" {
		t.Errorf("after admission: %q", got)
	}
	// A change made while another section is shown appears when the
	// dashboard is shown again.
	a.OpenSection("系统")
	if err := db.DeleteMember(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	a.Changed(store.KindMember, m.ID)
	if got := cardTexts(view)["在册成员单位"]; got != "1 家 | 企业 1" {
		t.Errorf("hidden, the dashboard recounted at once: %q", got)
	}
	view = a.OpenSection("工作台")
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
	got := summariseMembers([]store.Member{m}, today).changes
	if len(got) != 1 || got[0].Event.Tier != "常务理事单位" {
		t.Errorf("changes within %d days: %+v", recentDays, got)
	}
}

// BenchmarkDashboardSummary counts a register of 10,000 units with
// histories, the work the dashboard does off the UI thread after loading.
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

// TestDashboardRosterAlerts: 名单提示 is calm with no warnings, and names
// the body and the holder once a seated person has left their post.
func TestDashboardRosterAlerts(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openDesk(t, db)
	view := a.OpenSection("工作台")
	const calm = "各机构名单无待处理事项"
	if texts := kittest.ShownTexts(view); !slices.Contains(texts, calm) {
		t.Errorf("no calm line with no bodies: %q", texts)
	}

	p, err := db.CreatePerson(context.Background(), store.Person{Name: "石永刚", LeftOn: store.NewDate(2024, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	b := kittest.NewBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), map[string][]store.Person{"理事": {p}})
	a.Changed(store.KindPerson, p.ID)
	a.Changed(store.KindBody, b.ID)
	texts := kittest.ShownTexts(view)
	const want = "理事会：「石永刚」已于2024年6月30日调离，仍担任理事"
	if !slices.Contains(texts, want) || slices.Contains(texts, calm) {
		t.Errorf("shown after the person left, want %q and no calm line:\n%q", want, texts)
	}
}

// TestAlertsTextCapped: past maxAlertLines the warnings are counted, so a
// long list does not push the dashboard's lists off the screen.
func TestAlertsTextCapped(t *testing.T) {
	var alerts []rosterAlert
	for i := range maxAlertLines + 2 {
		w := store.SeatWarning{Position: "委员", Holder: fmt.Sprintf("单位%d", i), UnitLeft: true}
		alerts = append(alerts, rosterAlert{body: "专业建设指导委员会", warning: w})
	}
	lines := strings.Split(alertsText(alerts), "\n")
	if len(lines) != maxAlertLines+1 || lines[0] != "专业建设指导委员会：成员单位「单位0」已不在册，仍担任委员" ||
		lines[maxAlertLines] != "另有 2 条，请在「组织机构」中查看各机构名单" {
		t.Errorf("alerts text:\n%s", strings.Join(lines, "\n"))
	}
}

// TestShortUnitTypesHaveEnglish: the cards' short unit types are
// translated at run time, so the i18n test cannot find them as literals.
func TestShortUnitTypesHaveEnglish(t *testing.T) {
	english := kittest.English(t)
	for _, typ := range store.UnitTypes {
		short, ok := unitTypeShort[typ]
		if !ok || english[short] == "" {
			t.Errorf("unit type %s: short form %q has no English", typ, short)
		}
	}
}
