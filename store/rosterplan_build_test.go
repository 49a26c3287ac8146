package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
)

var rosterNow = time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)

// describeRosterRow renders a plan row compactly:
// "9 错误 E:姓名/与本文件中另一行是同一人担任同一职位/第4行".
func describeRosterRow(pr RosterPlanRow) string {
	s := fmt.Sprintf("%d %s", pr.Row, pr.Action)
	if pr.NewPerson {
		s += " 新人员"
	}
	for _, e := range pr.Errors {
		s += fmt.Sprintf(" E:%s/%s/%s", e.Field, e.Problem, e.Detail)
		if e.Row != pr.Row {
			s += fmt.Sprintf("(row %d)", e.Row)
		}
	}
	for _, w := range pr.Warnings {
		s += fmt.Sprintf(" W:%s/%s", w.Field, w.Problem)
	}
	return s
}

func describeRosterPlan(p *RosterPlan) []string {
	var out []string
	for _, r := range p.Rows {
		out = append(out, describeRosterRow(r))
	}
	return out
}

func (f *councilFixture) people() []Person { return []Person{f.zhang, f.li, f.wang} }

func (f *councilFixture) members() []Member { return []Member{f.school, f.company} }

func TestPlanRosterImport(t *testing.T) {
	f := newCouncil(t)
	rows := []RosterImportRow{
		{Row: 3, Position: "副理事长", Name: "李建华", Unit: "区委宣传部", Title: "部长"},
		{Row: 4, Position: "副理事长", Name: "赵立成", Unit: "甲 职业学院", Title: "党委书记"},
		{Row: 5, Position: "理事", Name: "郑家晴", Unit: "山东齐都药业有限公司", Title: "董事长", Mobile: "13812341234"},
		{Row: 6, Position: "理事长", Name: "张 成刚", Unit: "甲职业学院", Title: "副校长"},
		{Row: 7, Position: "顾问", Name: "韩峰", Unit: "中国石油化工集团有限公司齐鲁分公司"},
		{Row: 8, Position: "理事", Name: " ", Unit: "某公司"},
		{Row: 9, Position: "副理事长", Name: "赵立成", Unit: "甲职业学院", Title: "校长"},
		{Row: 10, Position: "理事", Name: "黄贻展", Unit: "淄博加华新材料资源有限公司", Start: d("2019-06-01")},
		{Row: 11, Position: "理事", Name: "王威", Unit: "乙化工有限公司", Title: "董事长"},
		{Row: 12, Position: "理事", Name: "王林", Email: "not-an-email"},
		{Row: 13, Position: "", Name: "孙贤才"},
		{Row: 14, Position: "理事", Name: "崔波", Errors: []*FieldError{{Row: 14, Field: FieldSeatStart, Problem: ProblemBadDate, Detail: "2023-02-30"}}},
	}
	plan := PlanRosterImport(f.body, f.people(), f.members(), rows, DefaultPositions, rosterNow)
	want := []string{
		"3 新增",
		"4 新增 新人员",
		"5 新增 新人员",
		"6 无变化",
		"7 新增 新人员 W:职位/不在职位列表中",
		"8 错误 E:姓名/不能为空/",
		"9 错误 E:姓名/与本文件中另一行是同一人担任同一职位/第4行",
		"10 错误 E:任职日期/不在本届任期内/2019年6月1日",
		"11 无变化", // sits for 乙化工有限公司 as 理事 already
		"12 错误 E:电子邮箱/电子邮箱格式不正确/not-an-email",
		"13 错误 E:职位/不能为空/",
		"14 错误 E:任职日期/不是有效日期/2023-02-30",
	}
	if got := describeRosterPlan(plan); !slices.Equal(got, want) {
		t.Errorf("plan rows:\n got %q\nwant %q", got, want)
	}
	if !plan.HasErrors() || plan.FirstError().Row != 8 {
		t.Errorf("first error %v", plan.FirstError())
	}
	assertNewPeople(t, f, plan)
	assertPlannedSeats(t, f, plan)
}

// assertNewPeople checks who the import creates: 赵立成 at a member unit
// (matched by name with the spacing ignored), the others with free text.
func assertNewPeople(t *testing.T, f *councilFixture, plan *RosterPlan) {
	t.Helper()
	var names []string
	for _, p := range plan.NewPeople {
		names = append(names, p.Name)
		if p.ID == uuid.Nil || !p.Created.Equal(rosterNow) {
			t.Errorf("new person %s: id %v created %v", p.Name, p.ID, p.Created)
		}
	}
	if !slices.Equal(names, []string{"赵立成", "郑家晴", "韩峰"}) {
		t.Fatalf("new people %q", names)
	}
	if zhao := plan.NewPeople[0]; zhao.MemberID != f.school.ID || zhao.Unit != "" || zhao.Title != "党委书记" {
		t.Errorf("赵立成 %+v, want member %v", zhao, f.school.ID)
	}
	if zheng := plan.NewPeople[1]; zheng.MemberID != uuid.Nil || zheng.Unit != "山东齐都药业有限公司" || zheng.Mobile != "13812341234" {
		t.Errorf("郑家晴 %+v", zheng)
	}
}

// assertPlannedSeats checks the new seats in the plan's body and that the
// caller's body is as it was.
func assertPlannedSeats(t *testing.T, f *councilFixture, plan *RosterPlan) {
	t.Helper()
	people := append(f.people(), plan.NewPeople...)
	dir := NewDirectory(people, f.members(), DefaultPositions)
	got := rosterText(BuildRoster(&plan.Body, d("2024-05-01"), dir))
	want := []string{
		"理事长:张成刚/甲职业学院/副校长",
		"副理事长:李建华/区委宣传部/部长",
		"副理事长:赵立成/甲职业学院/党委书记",
		"理事:王威/乙化工有限公司/董事长",
		"理事:郑家晴/山东齐都药业有限公司/董事长",
		"顾问:韩峰/中国石油化工集团有限公司齐鲁分公司/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("roster after import:\n got %q\nwant %q", got, want)
	}
	if n := len(f.body.CurrentTerm().Seats); n != 2 {
		t.Errorf("the caller's body changed: %d seats", n)
	}
	plan.Body.Terms[0].Seats[1].Reps[0].Title = "changed"
	if f.body.Terms[0].Seats[1].Reps[0].Title != "董事长" {
		t.Error("plan body shares representatives with the caller's body")
	}
}

func TestPlanRosterImportTwiceChangesNothing(t *testing.T) {
	f := newCouncil(t)
	rows := []RosterImportRow{
		{Row: 2, Position: "副理事长", Name: "赵立成", Unit: "甲职业学院", Title: "党委书记"},
		{Row: 3, Position: "理事", Name: "郑家晴", Unit: "山东齐都药业有限公司", Title: "董事长"},
		{Row: 4, Position: "理事", Name: "黄贻展", Unit: "淄博加华新材料资源有限公司", Start: d("2022-07-01")},
		{Row: 5, Position: "理事", Name: "赵立成", Unit: "甲职业学院"}, // a second position: fine
	}
	first := PlanRosterImport(f.body, f.people(), f.members(), rows, DefaultPositions, rosterNow)
	if first.HasErrors() || len(first.NewPeople) != 3 {
		t.Fatalf("first import: %q, %d new people", describeRosterPlan(first), len(first.NewPeople))
	}
	people := append(f.people(), first.NewPeople...)
	second := PlanRosterImport(first.Body, people, f.members(), rows, DefaultPositions, rosterNow.Add(time.Hour))
	want := []string{"2 无变化", "3 无变化", "4 无变化", "5 无变化"}
	if got := describeRosterPlan(second); !slices.Equal(got, want) || len(second.NewPeople) != 0 {
		t.Errorf("second import: %q, new people %v", got, second.NewPeople)
	}
	if n := len(second.Body.CurrentTerm().Seats); n != 2+4 {
		t.Errorf("%d seats after the second import", n)
	}
}

func TestPlanRosterImportDatedSeats(t *testing.T) {
	f := newCouncil(t)
	// 张成刚 was replaced as 理事长 on 2022-07-01; a file that still lists
	// him, dated from the term start, describes the seat he held then.
	if _, err := f.body.ReplaceHolder(f.term, f.chair, d("2022-07-01"), SeatHolder{PersonID: f.li.ID}); err != nil {
		t.Fatal(err)
	}
	rows := []RosterImportRow{
		{Row: 2, Position: "理事长", Name: "张成刚", Unit: "甲职业学院", Start: d("2020-01-01")},
		{Row: 3, Position: "理事长", Name: "李建华", Unit: "区委宣传部"},
		{Row: 4, Position: "副理事长", Name: "张成刚", Unit: "甲职业学院", Start: d("2022-07-01")},
	}
	plan := PlanRosterImport(f.body, f.people(), f.members(), rows, DefaultPositions, rosterNow)
	want := []string{"2 无变化", "3 无变化", "4 新增"}
	if got := describeRosterPlan(plan); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPlanRosterImportNoTerm(t *testing.T) {
	b := Body{ID: NewID(), Name: "职普融通发展共同体", Type: "共同体"}
	rows := []RosterImportRow{{Row: 2, Position: "主任", Name: "张成刚"}, {Row: 3, Position: "委员", Name: "冯波"}}
	plan := PlanRosterImport(b, nil, nil, rows, DefaultPositions, rosterNow)
	want := []string{
		"2 错误 E:机构名称/该机构还没有届次，请先新建一届/职普融通发展共同体",
		"3 错误 E:机构名称/该机构还没有届次，请先新建一届/职普融通发展共同体",
	}
	if got := describeRosterPlan(plan); !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
	if len(plan.NewPeople) != 0 || len(plan.Body.Terms) != 0 {
		t.Errorf("plan without a term changed something: %+v", plan)
	}
}
