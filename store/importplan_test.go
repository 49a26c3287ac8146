package store

import "testing"

func row(n int, name, code, typ string) ImportRow {
	return ImportRow{Row: n, Member: Member{Name: name, CreditCode: code, Type: UnitType(typ)}}
}

func TestPlanImportActions(t *testing.T) {
	existing := smallGroup(t)
	existing[0].CreditCode = "91512081MA62K0260E"
	rows := []ImportRow{
		row(2, "新单位有限公司", "", "企业"),
		row(3, "乙化工 有限公司", "", "企业"),                      // same unit, no change
		row(4, "甲职业学院（更名）", "91512081MA62K0260E", "高职院校"), // matched by code: renamed
		row(5, "", "", "企业"),
		row(6, "新单位 有限公司", "", "企业"), // the same unit as row 2
	}
	rows[0].JoinDate, rows[0].Tier = d("2024-01-05"), "理事单位"
	rows[1].Member.City = "东营"
	p := PlanImport(existing, rows, testNow)
	want := []RowAction{RowNew, RowUnchanged, RowUpdate, RowError, RowError}
	for i, w := range want {
		if p.Rows[i].Action != w {
			t.Errorf("row %d: %s, want %s (%v)", p.Rows[i].Row, p.Rows[i].Action, w, p.Rows[i].Errors)
		}
	}
	if p.Rows[2].Result.ID != existing[0].ID || p.Rows[2].Changed[0] != FieldName {
		t.Errorf("update must keep the ID and name the field: %+v", p.Rows[2].Changed)
	}
	if e := p.Rows[3].Errors[0]; e.Row != 5 || e.Field != FieldName || e.Problem != ProblemRequired {
		t.Errorf("empty name: %v", e)
	}
	if e := p.Rows[4].Errors[0]; e.Problem != ProblemDuplicateRow || e.Detail != "第2行" || e.Row != 6 {
		t.Errorf("duplicate row: %v", e)
	}
	if st := p.Rows[0].Result.StateOn(d("2024-02-01")); st.Tier != "理事单位" {
		t.Errorf("new row state %+v", st)
	}
	if !p.HasErrors() || p.FirstError().Row != 5 {
		t.Errorf("first error %v", p.FirstError())
	}
}

func TestPlanImportHistoryAndIdempotence(t *testing.T) {
	r := row(2, "旧单位", "", "企业")
	r.JoinDate, r.Tier, r.ExitDate, r.ExitKind, r.ExitReason = d("2012-01-01"), "理事单位", d("2016-06-30"), "除名", "长期不参加活动"
	r2 := row(3, "码错单位", "91512081MA62K0260F", "企业")
	r2.Member.Phone = "12345"
	p := PlanImport(nil, []ImportRow{r, r2}, testNow)
	if p.HasErrors() {
		t.Fatal(p.FirstError())
	}
	m := p.Rows[0].Result
	if st := m.StateOn(d("2014-01-01")); st.Status != StatusActive {
		t.Errorf("2014: %+v", st)
	}
	if st := m.StateOn(d("2017-01-01")); st.Status != StatusLeft || st.ExitKind != "除名" {
		t.Errorf("2017: %+v", st)
	}
	w := p.Rows[1].Warnings
	if len(w) != 2 || w[0].Field != FieldCreditCode || w[1].Field != FieldPhone || len(p.Rows[1].Result.Warnings) != 2 {
		t.Errorf("warnings %v / recorded %v", w, p.Rows[1].Result.Warnings)
	}
	if p.Rows[1].Result.CodeReason == "" {
		t.Error("a failing code imported must carry a reason")
	}
	again := PlanImport([]Member{p.Rows[0].Result, p.Rows[1].Result}, []ImportRow{r, r2}, testNow)
	for _, pr := range again.Rows {
		if pr.Action != RowUnchanged {
			t.Errorf("second import row %d: %s %v", pr.Row, pr.Action, pr.Changed)
		}
	}
}

func TestPlanImportRowErrors(t *testing.T) {
	bad := row(4, "退出早于加入", "", "企业")
	bad.JoinDate, bad.ExitDate = d("2020-01-01"), d("2019-01-01")
	noJoin := row(5, "只有退出", "", "企业")
	noJoin.ExitDate = d("2019-01-01")
	reader := row(6, "类型错", "", "")
	reader.Errors = []*FieldError{{Row: 6, Field: FieldType, Problem: ProblemBadChoice, Detail: "外星"}}
	p := PlanImport(nil, []ImportRow{bad, noJoin, reader}, testNow)
	checks := []struct {
		f Field
		p Problem
	}{{FieldExitDate, ProblemExitBeforeJoin}, {FieldExitDate, ProblemExitNoJoin}, {FieldType, ProblemBadChoice}}
	for i, c := range checks {
		pr := p.Rows[i]
		if pr.Action != RowError || len(pr.Errors) != 1 || pr.Errors[0].Field != c.f || pr.Errors[0].Problem != c.p || pr.Errors[0].Row != pr.Row {
			t.Errorf("row %d: %s %v", pr.Row, pr.Action, pr.Errors)
		}
	}
}

func TestPlanImportNameOfAnotherUnitIsError(t *testing.T) {
	existing := smallGroup(t)
	existing[0].CreditCode = "91512081MA62K0260E"
	r := row(2, "乙化工有限公司", "91512081MA62K0260E", "企业") // code of 甲, name of 乙
	p := PlanImport(existing, []ImportRow{r}, testNow)
	if e := p.FirstError(); e == nil || e.Problem != ProblemDuplicate || e.Detail != "乙化工有限公司" {
		t.Fatalf("got %v", e)
	}
}
