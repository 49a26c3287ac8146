package storetest

import (
	"errors"
	"testing"

	"github.com/secdesk/secdesk/store"
)

func num(f float64) *float64 { return &f }

// testIndicatorsCatalogue: a year starts from the default, the next from
// the last year's; a filed catalogue is frozen and a new version leaves it
// as it was.
func testIndicatorsCatalogue(t *testing.T, h *harness) {
	c, err := h.s.StartCatalogue(h.ctx, 2024)
	h.must(err)
	if c.Year != 2024 || c.Version != 1 || len(c.Indicators) != len(store.DefaultCatalogue(2024).Indicators) {
		t.Fatalf("started %d v%d with %d", c.Year, c.Version, len(c.Indicators))
	}
	again, err := h.s.StartCatalogue(h.ctx, 2024)
	if err != nil || again.ID != c.ID {
		t.Fatalf("starting a year twice: %v, %s", err, again.ID)
	}
	c.Indicators = append(c.Indicators, store.Indicator{Code: "order_students", Name: "订单培养人数", Unit: "人", Source: store.SourceCollected})
	c, err = h.s.SaveCatalogue(h.ctx, c)
	h.must(err)
	state := h.state()
	bad := c.Clone()
	bad.Indicators = append(bad.Indicators, store.Indicator{Code: "订单", Name: "x", Unit: "人", Source: store.SourceCollected})
	_, err = h.s.SaveCatalogue(h.ctx, bad)
	WantFieldError(t, err, store.FieldIndicatorCode, store.ProblemCodeShape)
	bad = c.Clone()
	bad.Indicators[0].Code = "members_joined"
	_, err = h.s.SaveCatalogue(h.ctx, bad)
	WantFieldError(t, err, store.FieldIndicatorCode, store.ProblemCodeTwice)
	h.unchanged(state, "a refused catalogue")

	next, err := h.s.StartCatalogue(h.ctx, 2025)
	h.must(err)
	if next.Indicator("order_students") == nil {
		t.Fatal("2025 was not copied from 2024")
	}
	filed, err := h.s.FileCatalogue(h.ctx, 2024, Date(2025, 3, 1))
	h.must(err)
	_, err = h.s.SaveCatalogue(h.ctx, filed)
	WantFieldError(t, err, store.FieldCatalogue, store.ProblemFiled)
	v2, err := h.s.NewCatalogueVersion(h.ctx, 2024)
	h.must(err)
	h.reopen()
	cur, err := h.s.Catalogue(h.ctx, 2024)
	h.must(err)
	all, err := h.s.Catalogues(h.ctx)
	h.must(err)
	if cur.ID != v2.ID || cur.Version != 2 || !cur.Filed.IsZero() || len(all) != 3 || all[0].Version != 1 || all[0].Filed.IsZero() {
		t.Fatalf("current %d v%d filed %s; %d catalogues", cur.Year, cur.Version, cur.Filed, len(all))
	}
	if _, err := h.s.Catalogue(h.ctx, 2030); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a year without a catalogue: %v", err)
	}
}

// testIndicatorsValues: typed values are checked against the catalogue
// and the unit's type, compared with what the clerk saw, and kept with
// their history.
func testIndicatorsValues(t *testing.T, h *harness) {
	school := h.create(Weifang()) // 高职院校
	co := h.create(Company("山东海化集团有限公司", ""))
	_, err := h.s.StartCatalogue(h.ctx, 2024)
	h.must(err)
	v, err := h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", nil, num(12))
	h.must(err)
	v, err = h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", num(12), num(14))
	h.must(err)
	state := h.state()
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", num(12), num(15))
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("a stale value: %v", err)
	}
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", num(14), num(1.5))
	WantFieldError(t, err, store.FieldIndicatorVal, store.ProblemNotInteger)
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", num(14), num(-1))
	WantFieldError(t, err, store.FieldIndicatorVal, store.ProblemBelowMin)
	_, err = h.s.SetValue(h.ctx, 2024, co.ID, "order_classes", nil, num(3)) // colleges only
	WantFieldError(t, err, store.FieldIndicatorVal, store.ProblemNotAnswered)
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "members_total", nil, num(3)) // computed
	WantFieldError(t, err, store.FieldIndicatorVal, store.ProblemNotAnswered)
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "nonexistent", nil, num(3))
	WantFieldError(t, err, store.FieldIndicatorCode, store.ProblemUnknownCode)
	h.unchanged(state, "a refused value")
	_, err = h.s.SetValue(h.ctx, 2024, co.ID, "donated_equipment", nil, num(12.5))
	h.must(err)
	h.reopen()
	vs, err := h.s.UnitValues(h.ctx, 2024)
	h.must(err)
	if len(vs) != 2 || vs[0].ID != v.ID || vs[0].Values["training_bases"] != 14 || len(vs[0].History) != 2 ||
		*vs[0].History[1].From != 12 || vs[1].Values["donated_equipment"] != 12.5 {
		t.Fatalf("values %+v", vs)
	}
	_, err = h.s.FileCatalogue(h.ctx, 2024, Date(2025, 3, 1))
	h.must(err)
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", num(14), num(15))
	WantFieldError(t, err, store.FieldCatalogue, store.ProblemFiled)
}

// testIndicatorsReturns: a folder of returns is matched by ids; files with
// errors are left out, the others written with their history.
func testIndicatorsReturns(t *testing.T, h *harness) {
	school := h.create(Weifang())
	co := h.create(Company("山东海化集团有限公司", ""))
	c, err := h.s.StartCatalogue(h.ctx, 2024)
	h.must(err)
	r, err := h.s.OpenRound(h.ctx, 2024, Date(2025, 1, 10))
	h.must(err)
	_, err = h.s.SetValue(h.ctx, 2024, school.ID, "training_bases", nil, num(1))
	h.must(err)
	members, err := h.s.Members(h.ctx)
	h.must(err)
	cur, err := h.s.UnitValues(h.ctx, 2024)
	h.must(err)
	files := []store.ReturnFile{
		{File: "a.xlsx", Year: 2024, RoundID: r.ID, MemberID: school.ID, Unit: "潍坊职业学院",
			Values: map[string]*float64{"training_bases": num(12), "order_classes": num(3), "joint_courses": nil}},
		{File: "b.xlsx", Year: 2024, RoundID: r.ID, MemberID: co.ID, Unit: "山东海化集团", // edited
			Values: map[string]*float64{"company_teachers": num(40)}},
		{File: "c.xlsx", Year: 2023, RoundID: r.ID, MemberID: co.ID, Unit: co.Name},
		{File: "d.xlsx", Year: 2024, RoundID: r.ID, MemberID: school.ID, Unit: "潍坊职业学院"},
	}
	last := []store.UnitValues{{Year: 2023, MemberID: school.ID, Values: map[string]float64{"order_classes": 0.2}}}
	p := store.PlanReturns(&c, &r, members, cur, last, files)
	want := []store.Problem{"", store.ProblemProtectedEdited, store.ProblemOtherRound, store.ProblemReturnedTwice}
	for i, f := range p.Files {
		got := store.Problem("")
		if len(f.Errors) > 0 {
			got = f.Errors[0].Problem
		}
		if got != want[i] {
			t.Errorf("%s: %q, want %q", f.File, got, want[i])
		}
	}
	if ok, bad, n := p.Counts(); ok != 1 || bad != 3 || n != 2 || len(p.Files[0].Warnings) != 1 {
		t.Fatalf("counts %d/%d/%d, warnings %v", ok, bad, n, p.Files[0].Warnings)
	}
	written, err := h.s.ApplyReturns(h.ctx, p)
	if err != nil || written != 1 {
		t.Fatalf("applied %d, %v", written, err)
	}
	vs, err := h.s.UnitValues(h.ctx, 2024)
	h.must(err)
	if len(vs) != 1 || vs[0].Values["training_bases"] != 12 || vs[0].Values["order_classes"] != 3 || !vs[0].Returned(r.ID) ||
		vs[0].History[len(vs[0].History)-1].Via != "a.xlsx" {
		t.Fatalf("values %+v", vs)
	}
	// The same plan again finds training_bases changed since.
	state := h.state()
	if _, err := h.s.ApplyReturns(h.ctx, p); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("a stale plan: %v", err)
	}
	h.unchanged(state, "a stale return plan")
	rounds, err := h.s.Rounds(h.ctx, 2024)
	h.must(err)
	if len(rounds) != 1 || rounds[0].CatalogueID != c.ID {
		t.Fatalf("rounds %+v", rounds)
	}
	// A closed round reads no more returns; closing twice closes nothing.
	if n, err := h.s.CloseRound(h.ctx, 2024, Date(2025, 2, 1)); err != nil || n != 1 {
		t.Fatalf("CloseRound: %d, %v", n, err)
	}
	if n, _ := h.s.CloseRound(h.ctx, 2024, Date(2025, 2, 2)); n != 0 {
		t.Fatalf("closing again closed %d", n)
	}
	cur, err = h.s.UnitValues(h.ctx, 2024)
	h.must(err)
	late := store.PlanReturns(&c, &r, members, cur, nil, []store.ReturnFile{{File: "e.xlsx", Year: 2024, RoundID: r.ID,
		MemberID: co.ID, Unit: co.Name, Values: map[string]*float64{"company_teachers": num(40)}}})
	_, err = h.s.ApplyReturns(h.ctx, late)
	WantFieldError(t, err, store.FieldCatalogue, store.ProblemRoundClosed)
}

// testIndicatorsReproducible: a filed year's figures stay as they were
// after the next year's changes to the register and its values.
func testIndicatorsReproducible(t *testing.T, h *harness) {
	school := h.create(Weifang())
	c23, err := h.s.StartCatalogue(h.ctx, 2023)
	h.must(err)
	_, err = h.s.SetValue(h.ctx, 2023, school.ID, "training_bases", nil, num(32))
	h.must(err)
	sheet := func(year int) map[string]float64 {
		t.Helper()
		c, err := h.s.Catalogue(h.ctx, year)
		h.must(err)
		ms, err := h.s.Members(h.ctx)
		h.must(err)
		vs, err := h.s.UnitValues(h.ctx, year)
		h.must(err)
		return store.GroupValues(&c, store.ComputeIndicators(&c, store.IndicatorData{Members: ms}, store.DateOf(Start)), vs)
	}
	before := sheet(2023)
	_, err = h.s.FileCatalogue(h.ctx, 2023, Date(2024, 3, 1))
	h.must(err)
	// 2024: a new unit, the school leaves, new values, a new catalogue.
	co := Company("山东海化集团有限公司", "")
	co.Events = []store.Event{{Kind: store.EventJoin, Date: Date(2024, 2, 1), Tier: "理事单位"}}
	h.create(co)
	_, err = h.s.AddEvent(h.ctx, school.ID, store.Event{Kind: store.EventExit, Date: Date(2024, 6, 30), ExitKind: "自愿退出", Reason: "合并"})
	h.must(err)
	c24, err := h.s.StartCatalogue(h.ctx, 2024)
	h.must(err)
	c24.Indicators = c24.Indicators[:5]
	_, err = h.s.SaveCatalogue(h.ctx, c24)
	h.must(err)
	h.reopen()
	after := sheet(2023)
	if len(before) == 0 || before["training_bases"] != 32 || before["members_total"] != 1 {
		t.Fatalf("2023 sheet %v", before)
	}
	for code, v := range before {
		if after[code] != v {
			t.Errorf("2023 %s moved from %g to %g", code, v, after[code])
		}
	}
	if got, _ := h.s.Catalogue(h.ctx, 2023); got.ID != c23.ID || len(got.Indicators) != len(c23.Indicators) {
		t.Errorf("the filed 2023 catalogue changed")
	}
}
