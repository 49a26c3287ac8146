package people

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
	"github.com/secdesk/secdesk/ui/msg"
)

// TestPeopleAddAndEdit adds a person through the dialog and edits them,
// checking the table's cells after each step.
func TestPeopleAddAndEdit(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(day(2020, 1, 1), "理事单位"))
	a, v := openPeople(t, db)
	if rows := tableRows(v.table); len(rows) != 0 || !v.edit.Disabled() {
		t.Fatalf("empty file: rows %v, 编辑 enabled %v", rows, !v.edit.Disabled())
	}

	tap(t, v.add)
	d := a.Dialog()
	if !d.SaveButton().Disabled() {
		t.Error("保存 enabled with no name")
	}
	typeInto(t, d, store.FieldPersonName, "张 三")
	kittest.ChooseRadio(t, d, "性别", "男")
	typeInto(t, d, store.FieldUnit, "潍坊职业学院")
	typeInto(t, d, store.FieldTitle, "院长")
	typeInto(t, d, store.FieldMobile, "13812345678")
	typeInto(t, d, store.FieldEmail, "zhang@")
	if !strings.Contains(validationText(d, store.FieldEmail), "电子邮箱格式不正确") || !d.SaveButton().Disabled() {
		t.Errorf("bad e-mail: %q, 保存 enabled %v", validationText(d, store.FieldEmail), !d.SaveButton().Disabled())
	}
	typeInto(t, d, store.FieldEmail, "zhang@wfvc.edu.cn")
	tap(t, d.SaveButton())
	if d.IsOpen() {
		t.Fatalf("dialog still open: %q", d.Problem())
	}
	want := []string{"张三", "男", "潍坊职业学院", "院长", "13812345678", "", "zhang@wfvc.edu.cn", "0"}
	if rows := tableRows(v.table); len(rows) != 1 || !slices.Equal(rows[0], want) {
		t.Fatalf("rows after 新增 = %q, want [%q]", rows, want)
	}
	if v.selectedPerson() == nil || v.edit.Disabled() {
		t.Fatal("the new person is not selected")
	}

	tap(t, v.edit)
	d = a.Dialog()
	typeInto(t, d, store.FieldTitle, "党委书记")
	typeInto(t, d, store.FieldUnit, "区委宣传部")
	tap(t, d.SaveButton())
	want = []string{"张三", "男", "区委宣传部", "党委书记", "13812345678", "", "zhang@wfvc.edu.cn", "0"}
	if rows := tableRows(v.table); len(rows) != 1 || !slices.Equal(rows[0], want) {
		t.Fatalf("rows after 编辑 = %q, want [%q]", rows, want)
	}
	people, _ := db.People(context.Background())
	if len(people) != 1 || people[0].Unit != "区委宣传部" || people[0].MemberID != uuid.Nil {
		t.Errorf("stored after edit = %+v", people)
	}

	test.Type(v.search, "ＱＷ")
	if rows := tableRows(v.table); len(rows) != 0 {
		t.Errorf("search ＱＷ finds %v", rows)
	}
	v.search.SetText("")
	test.Type(v.search, "宣传 张")
	if rows := tableRows(v.table); len(rows) != 1 {
		t.Errorf("search 宣传 张 finds %v", rows)
	}
}

// TestPeopleDuplicateRefused: the same name in the same unit is refused
// while typing, and by the store when the other person was saved after
// the dialog opened (on another window); the store's words are shown next
// to the name.
func TestPeopleDuplicateRefused(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(day(2020, 1, 1), "理事单位"))
	addPerson(t, db, store.Person{Name: "张三", MemberID: m.ID})
	a, v := openPeople(t, db)

	tap(t, v.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldPersonName, "张三")
	typeInto(t, d, store.FieldUnit, "潍坊 职业学院")
	if got := validationText(d, store.FieldPersonName); !strings.Contains(got, "同一单位已有同名人员") || !d.SaveButton().Disabled() {
		t.Errorf("live check = %q, 保存 enabled %v", got, !d.SaveButton().Disabled())
	}
	typeInto(t, d, store.FieldUnit, "区委宣传部")
	if got := validationText(d, store.FieldPersonName); got != "" {
		t.Errorf("same name in another unit refused: %q", got)
	}

	addPerson(t, db, store.Person{Name: "张三", Unit: "区委宣传部"}) // on another window
	tap(t, d.SaveButton())
	if !d.IsOpen() {
		t.Fatal("dialog closed on a duplicate")
	}
	want := "「姓名」同一单位已有同名人员：张三"
	if d.Problem() != want {
		t.Errorf("problem = %q, want %q", d.Problem(), want)
	}
	if !slices.Contains(textsIn(d.Content()), want) {
		t.Errorf("the refusal is not shown under the name field")
	}
	d.Close()
	if d.IsOpen() {
		t.Error("取消 did not close the dialog")
	}
}

// TestPeopleDeleteRefusedWhileSeated: a person holding a seat cannot be
// deleted (the message names the body); after the seat ends, they can.
func TestPeopleDeleteRefusedWhileSeated(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	zhang := addPerson(t, db, store.Person{Name: "张三", Unit: "区委宣传部"})
	b := bodyWithSeats(t, db, "第一届理事会", day(2021, 3, 1), "理事", store.SeatHolder{PersonID: zhang.ID, Title: "部长"})
	a, v := openPeople(t, db)
	if rows := tableRows(v.table); len(rows) != 1 || rows[0][pcolSeats] != "1" {
		t.Fatalf("rows = %q, want 任职 1", rows)
	}

	deleteSelected(t, a, v, "张三")
	info := strings.Join(textsIn(a.Overlay()), "\n")
	if !strings.Contains(info, "仍在「第一届理事会」任职") {
		t.Errorf("refusal does not name the body:\n%s", info)
	}
	if people, _ := db.People(context.Background()); len(people) != 1 {
		t.Fatalf("person deleted while holding a seat")
	}
	a.Overlay().Hide()

	term := b.CurrentTerm()
	if err := b.EndSeat(term.ID, term.Seats[0].ID, day(2024, 6, 30)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveBody(context.Background(), b, store.BodyChange{Op: store.SeatEnded, TermID: term.ID, SeatID: term.Seats[0].ID}); err != nil {
		t.Fatal(err)
	}
	a.Changed(store.KindBody, b.ID)
	if rows := tableRows(v.table); rows[0][pcolSeats] != "0" {
		t.Errorf("任职 after the seat ended = %q", rows[0][pcolSeats])
	}
	deleteSelected(t, a, v, "张三")
	if people, _ := db.People(context.Background()); len(people) != 0 {
		t.Fatalf("person not deleted after the seat ended")
	}
	if rows := tableRows(v.table); len(rows) != 0 {
		t.Errorf("table after delete = %q", rows)
	}
	if trash, _ := db.Trash(context.Background()); len(trash) != 1 || trash[0].Kind != store.KindPerson {
		t.Errorf("trash = %v", trash)
	}
}

// deleteSelected selects name, taps 删除 and confirms.
func deleteSelected(t *testing.T, a *kittest.Desk, v *Tab, name string) {
	t.Helper()
	selectPersonRow(t, v, name)
	tap(t, v.del)
	confirm := a.Overlay()
	if confirm == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(kittest.Button(t, confirm, "删除"))
}

// TestPeopleLeaveWarnsOnRoster: 调离 on a date; the roster of a body where
// the person still sits then carries a warning, and the tab shows it.
func TestPeopleLeaveWarnsOnRoster(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	zhang := addPerson(t, db, store.Person{Name: "张三", Unit: "区委宣传部"})
	b := bodyWithSeats(t, db, "理事会", day(2021, 3, 1), "理事", store.SeatHolder{PersonID: zhang.ID})
	a, v := openPeople(t, db)

	selectPersonRow(t, v, "张三")
	tap(t, v.leave)
	d := a.Dialog()
	typeInto(t, d, store.FieldLeftOn, "2024年6月30日")
	tap(t, d.SaveButton())
	if d.IsOpen() {
		t.Fatalf("dialog still open: %q", d.Problem())
	}

	p, _ := db.Person(context.Background(), zhang.ID)
	if !p.LeftOn.Equal(day(2024, 6, 30)) {
		t.Fatalf("LeftOn = %v", p.LeftOn)
	}
	people, _ := db.People(context.Background())
	members, _ := db.Members(context.Background())
	dir := store.NewDirectory(people, members, store.DefaultPositions)
	r := store.BuildRoster(&b, store.Today(), dir)
	if len(r.Warnings) != 1 || !strings.Contains(msg.SeatWarning(r.Warnings[0]), "「张三」已于2024年6月30日调离，仍担任理事") {
		t.Errorf("roster warnings = %+v", r.Warnings)
	}
	if r := store.BuildRoster(&b, day(2024, 6, 29), dir); len(r.Warnings) != 0 {
		t.Errorf("warnings the day before = %+v", r.Warnings)
	}
	if got := tableRows(v.table)[0][pcolSeats]; got != "1 ⚠" {
		t.Errorf("任职 = %q, want 1 ⚠", got)
	}
	detail := strings.Join(textsIn(v.detail.view), "\n")
	if !strings.Contains(detail, "已于2024-06-30调离，仍担任 1 个职位") {
		t.Errorf("detail lacks the warning:\n%s", detail)
	}
}

// TestPeopleSeatsAcrossBodies: the detail panel lists every seat of the
// person on every body and term, including a seat held for a member unit.
func TestPeopleSeatsAcrossBodies(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(day(2020, 1, 1), "理事单位"))
	zhang := addPerson(t, db, store.Person{Name: "张三", MemberID: m.ID, Title: "院长"})
	council := bodyWithSeats(t, db, "理事会", day(2020, 3, 1), "副理事长", store.SeatHolder{PersonID: zhang.ID, Title: "副院长"})
	t2, err := council.NewTerm(2, day(2023, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveBody(context.Background(), council, store.BodyChange{Op: store.TermStarted, TermID: t2.ID}); err != nil {
		t.Fatal(err)
	}
	bodyWithSeats(t, db, "智能制造产教融合共同体", day(2022, 9, 1), "成员单位",
		store.SeatHolder{MemberID: m.ID, RepID: zhang.ID, Title: "院长"})
	_, v := openPeople(t, db)

	if got := tableRows(v.table)[0][pcolSeats]; got != "2" {
		t.Errorf("任职 = %q, want 2 (理事会 第二届 and the 共同体)", got)
	}
	selectPersonRow(t, v, "张三")
	texts := kittest.LabelTexts(v.detail.view)
	for _, row := range [][]string{
		{"理事会 " + kit.TermName(1), "副理事长 · 副院长", "2020-03-01 — 2023-03-01"},
		{"理事会 " + kit.TermName(2), "副理事长 · 副院长", "2023-03-01 — 至今"},
		{"智能制造产教融合共同体 " + kit.TermName(1), "成员单位（代表潍坊职业学院） · 院长", "2022-09-01 — 至今"},
	} {
		if !containsRun(texts, row) {
			t.Errorf("detail lacks the row %q:\n%s", row, strings.Join(texts, " | "))
		}
	}
}

// containsRun reports whether want appears in texts as consecutive items.
func containsRun(texts, want []string) bool {
	for i := 0; i+len(want) <= len(texts); i++ {
		if slices.Equal(texts[i:i+len(want)], want) {
			return true
		}
	}
	return false
}
