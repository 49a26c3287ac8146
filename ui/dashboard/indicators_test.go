package dashboard

import (
	"context"
	"slices"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestCollectionProgress: while a round is open the dashboard counts the
// returns in; with none open it says nothing.
func TestCollectionProgress(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	ctx := context.Background()
	year := store.Today().Year() - 1
	a1 := kittest.AddMember(t, db, "潍坊职业学院", "高职院校", kittest.JoinEvent(kittest.Day(2020, 3, 1), "理事单位"))
	kittest.AddMember(t, db, "潍坊化工有限公司", "企业", kittest.JoinEvent(kittest.Day(2020, 3, 1), "理事单位"))
	c, err := db.StartCatalogue(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	a := openDesk(t, db)
	view := a.OpenSection("工作台")
	line := collectionText(collection{year: year, returned: 1, total: 2})
	if slices.Contains(kittest.ShownTexts(view), line) {
		t.Fatal("progress shown with no round open")
	}
	r, err := db.OpenRound(ctx, year, store.Today())
	if err != nil {
		t.Fatal(err)
	}
	five := 5.0
	files := []store.ReturnFile{{File: "a.xlsx", Year: year, RoundID: r.ID, MemberID: a1.ID, Unit: a1.Name,
		Values: map[string]*float64{"training_bases": &five}}}
	members, _ := db.Members(ctx)
	if _, err := db.ApplyReturns(ctx, store.PlanReturns(&c, &r, members, nil, nil, files)); err != nil {
		t.Fatal(err)
	}
	a.Changed(store.KindIndicators, a1.ID)
	if got := kittest.ShownTexts(view); !slices.Contains(got, line) {
		t.Errorf("dashboard lacks %q: %q", line, got)
	}
}
