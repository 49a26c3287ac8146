package system

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestMeetingSettingsRoundTrip: 会议类型 and 公文字体 are saved in the
// settings and are there after reopening the data file; the font fields
// show the defaults as place holders, and 恢复默认 saves no list of its
// own.
func TestMeetingSettingsRoundTrip(t *testing.T) {
	db, path := kittest.OpenFile(t)
	a := openSystem(t, db)
	openSystemTab(t, a, tabSettings)
	e := a.Sections()[0].(*Section).settings.meetings
	if got := strings.Split(e.kinds.Text, "\n"); !slices.Equal(got, store.DefaultMeetingKinds) {
		t.Errorf("types on a new file = %q", got)
	}
	var holders []string
	for _, f := range e.fonts {
		holders = append(holders, f.PlaceHolder)
	}
	if want := []string{"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"}; !slices.Equal(holders, want) {
		t.Errorf("font place holders = %q", holders)
	}

	e.kinds.SetText("理事会\n 专题会议 \n\n理事会\n调度会")
	kittest.Tap(t, e.saveKindsButton)
	e.fonts[0].SetText("方正小标宋_GBK")
	e.fonts[1].SetText("仿宋")
	kittest.Tap(t, e.saveFontsButton)

	db.Close()
	reopened, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	st, err := reopened.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"理事会", "专题会议", "调度会"}; !slices.Equal(st.MeetingKinds, want) {
		t.Errorf("saved types = %q, want %q", st.MeetingKinds, want)
	}
	if f := st.Fonts; f.Title != "方正小标宋_GBK" || f.Body != "仿宋" || f.Heading1 != "" {
		t.Errorf("saved fonts = %+v", f)
	}
}

// TestMeetingKindsRestoreDefaults: 恢复默认 goes back to the defaults,
// saved as no list of the clerk's own.
func TestMeetingKindsRestoreDefaults(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	if err := db.SaveSettings(context.Background(), store.Settings{GroupName: "潍坊职教集团", MeetingKinds: []string{"专题会议"}}); err != nil {
		t.Fatal(err)
	}
	a := openSystem(t, db)
	settings := openSystemTab(t, a, tabSettings)
	e := a.Sections()[0].(*Section).settings.meetings
	if e.kinds.Text != "专题会议" {
		t.Fatalf("types shown = %q", e.kinds.Text)
	}
	buttons := kittest.ShownOf[*widget.Button](settings)
	var reset []*widget.Button
	for _, b := range buttons {
		if b.Text == "恢复默认" {
			reset = append(reset, b)
		}
	}
	kittest.Tap(t, reset[len(reset)-1]) // the positions have one too, above
	if st, _ := db.Settings(context.Background()); st.MeetingKinds != nil {
		t.Errorf("saved types = %q, want none", st.MeetingKinds)
	}
	if got := strings.Split(e.kinds.Text, "\n"); !slices.Equal(got, store.DefaultMeetingKinds) {
		t.Errorf("types shown = %q", got)
	}
}

// TestTaskSettingsRoundTrip: the warning rules and the task categories
// are saved in the settings; an empty number keeps the default, a number
// out of range is refused.
func TestTaskSettingsRoundTrip(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := openSystem(t, db)
	openSystemTab(t, a, tabSettings)
	e := a.Sections()[0].(*Section).settings.tasks
	if e.yellowDays.PlaceHolder != "7" || e.missingAfterDay.PlaceHolder != "25" || e.yellowDays.Text != "" {
		t.Errorf("defaults shown = %q %q %q", e.yellowDays.PlaceHolder, e.missingAfterDay.PlaceHolder, e.yellowDays.Text)
	}
	e.yellowDays.SetText("10")
	e.missingAfterDay.SetText("31")
	kittest.Tap(t, e.saveRulesButton)
	if st, _ := db.Settings(context.Background()); st.Flags != (store.FlagRules{}) {
		t.Fatalf("saved out of range: %+v", st.Flags)
	}
	e.missingAfterDay.SetText("")
	e.orange.SetChecked(true)
	kittest.Tap(t, e.saveRulesButton)
	e.categories.SetText("重点项目\n 民生实事 \n\n重点项目")
	kittest.Tap(t, e.saveCategoriesButton)
	st, _ := db.Settings(context.Background())
	if st.Flags != (store.FlagRules{YellowDays: 10, Orange: true}) {
		t.Errorf("saved rules = %+v", st.Flags)
	}
	if want := []string{"重点项目", "民生实事"}; !slices.Equal(st.TaskCategories, want) {
		t.Errorf("saved categories = %q", st.TaskCategories)
	}
}
