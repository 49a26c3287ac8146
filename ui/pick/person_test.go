package pick

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	day       = kittest.Day
	joinEvent = kittest.JoinEvent
	addMember = kittest.AddMember
	addPerson = kittest.AddPerson
	tap       = kittest.Tap
	typeInto  = kittest.TypeInto
)

// pickerLines are the lines the picker lists, as drawn.
func pickerLines(p *PersonPicker) []string { return kittest.ListLines(p.list) }

// TestPersonPickerSearch: what a clerk types with full-width letters,
// an ideographic space or spaces inside a unit's name still finds the
// person, and Enter picks the first one listed.
func TestPersonPickerSearch(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(day(2020, 1, 1), "理事单位"))
	zhang := addPerson(t, db, store.Person{Name: "张三", MemberID: m.ID, Title: "院长"})
	addPerson(t, db, store.Person{Name: "李四", Unit: "区委宣传部", Title: "部长"})
	addPerson(t, db, store.Person{Name: "Li Lei", Unit: "BASF 中国"})
	a := kittest.NewDesk(t, db, nil)

	var got []store.Person
	p := NewPersonPicker(a, func(p store.Person) { got = append(got, p) })
	if n := len(pickerLines(p)); n != 3 {
		t.Fatalf("empty search lists %d people, want 3", n)
	}
	for query, want := range map[string]string{
		"张\u3000三":  "张三 — 潍坊职业学院 院长",
		" 潍坊 职业学院 ": "张三 — 潍坊职业学院 院长",
		"张三 潍坊":     "张三 — 潍坊职业学院 院长",
		"ＬＩ　ｌｅｉ":    "Li Lei — BASF 中国",
		"宣传":        "李四 — 区委宣传部 部长",
		"ｂａｓｆ中国":    "Li Lei — BASF 中国",
		"王五":        "",
		"潍坊职业学院 李四": "",
	} {
		p.search.SetText("")
		test.Type(p.search, query)
		lines := pickerLines(p)
		if want == "" && len(lines) != 0 || want != "" && !slices.Equal(lines, []string{want}) {
			t.Errorf("search %q lists %q, want %q", query, lines, want)
		}
	}

	p.search.SetText("")
	test.Type(p.search, "张　三")
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if sel, ok := p.Selected(); !ok || sel.ID != zhang.ID {
		t.Fatalf("Selected after Enter = %v, %v", sel.Name, ok)
	}
	if len(got) != 1 || got[0].ID != zhang.ID {
		t.Errorf("onChosen calls = %v", got)
	}
	if !strings.Contains(p.status.Text, "张三") {
		t.Errorf("status = %q, want it to name the choice", p.status.Text)
	}
	p.Reset()
	if _, ok := p.Selected(); ok || p.search.Text != "" || len(pickerLines(p)) != 3 {
		t.Errorf("after Reset: selected %v, search %q, %d lines", ok, p.search.Text, len(pickerLines(p)))
	}
}

// TestPersonPickerCreatesOnTheSpot: a name not found is created from the
// picker with the typed name prefilled, saved with a member unit typed
// with a stray space, and chosen at once.
func TestPersonPickerCreatesOnTheSpot(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(day(2020, 1, 1), "理事单位"))
	a := kittest.NewDesk(t, db, nil)
	var got []store.Person
	p := NewPersonPicker(a, func(p store.Person) { got = append(got, p) })

	test.Type(p.search, "王五")
	if len(pickerLines(p)) != 0 || !strings.Contains(p.status.Text, "新建人员") {
		t.Fatalf("no match: lines %v, status %q", pickerLines(p), p.status.Text)
	}
	test.Tap(p.create)
	d := a.TopDialog()
	if d == nil {
		t.Fatal("新建人员 opened no dialog")
	}
	if got := d.Field(store.FieldPersonName).Text; got != "王五" {
		t.Errorf("name prefilled with %q", got)
	}
	typeInto(t, d, store.FieldUnit, "潍坊 职业学院")
	if hint := kittest.FormItem(t, d, "单位").HintText; hint != "是成员单位" {
		t.Errorf("unit hint = %q, want 是成员单位", hint)
	}
	typeInto(t, d, store.FieldTitle, "教授")
	kittest.Save(t, d)

	people, err := db.People(context.Background())
	if err != nil || len(people) != 1 {
		t.Fatalf("people = %v, %v", people, err)
	}
	w := people[0]
	if w.Name != "王五" || w.MemberID != m.ID || w.Unit != "" || w.Title != "教授" {
		t.Errorf("stored person = %+v", w)
	}
	if sel, ok := p.Selected(); !ok || sel.ID != w.ID {
		t.Errorf("Selected = %v, %v; want the new person", sel.Name, ok)
	}
	if len(got) != 1 || got[0].ID != w.ID {
		t.Errorf("onChosen calls = %d, want 1 with the new person", len(got))
	}
	if lines := pickerLines(p); !slices.Equal(lines, []string{"王五 — 潍坊职业学院 教授"}) {
		t.Errorf("list after create = %q", lines)
	}
}

// TestPersonPickerEscClosesDialog: Esc typed in the picker's search
// reaches the dialog around it, as in any other field of the dialog.
func TestPersonPickerEscClosesDialog(t *testing.T) {
	_, p, d := pickerInDialog(t)
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.IsOpen() {
		t.Error("Esc in the picker did not close the dialog")
	}
}

// TestNestedDialogsCloseInOrder: a person dialog opened from a picker
// inside another form dialog closes by itself; the dialog under it stays
// open and gets Esc back.
func TestNestedDialogsCloseInOrder(t *testing.T) {
	a, p, outer := pickerInDialog(t)
	test.Type(p.search, "王五")
	test.Tap(p.create)
	inner := a.TopDialog()
	if inner == outer || !outer.IsOpen() {
		t.Fatal("the person dialog is not open over the first")
	}
	tap(t, inner.CancelButton())
	if inner.IsOpen() || a.TopDialog() != outer {
		t.Fatal("取消 in the person dialog did not leave the first dialog on top")
	}
	a.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if outer.IsOpen() || a.TopDialog() != nil {
		t.Error("Esc did not reach the first dialog after the second closed")
	}
}

// pickerInDialog opens a form dialog holding a person picker, as the seat
// dialogs do, on an empty data file.
func pickerInDialog(t *testing.T) (*kittest.Desk, *PersonPicker, *kit.FormDialog) {
	t.Helper()
	db, _ := kittest.OpenFile(t)
	a := kittest.NewDesk(t, db, nil)
	p := NewPersonPicker(a, nil)
	d := kit.NewFormDialog(a, "保存", func() (func() error, func(), error) { return func() error { return nil }, nil, nil })
	d.AddWidget("任职人员", p.Widget())
	d.Show("测试")
	return a, p, d
}

// TestPersonFormSaysWhatTheStoreSays: the name is checked with
// store.CheckPersonName while typing, so a name too long is refused at
// the field in the store's words.
func TestPersonFormSaysWhatTheStoreSays(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a := kittest.NewDesk(t, db, nil)
	p := NewPersonPicker(a, nil)
	test.Type(p.search, "王五")
	test.Tap(p.create)
	d := a.TopDialog()
	if d == nil {
		t.Fatal("新建人员 opened no dialog")
	}
	long := strings.Repeat("王", store.MaxPersonNameRunes+1)
	typeInto(t, d, store.FieldPersonName, long)
	want := "「姓名」内容过长"
	if got := kittest.ValidationText(d, store.FieldPersonName); got != want {
		t.Errorf("a name of %d characters: %q, want %q", store.MaxPersonNameRunes+1, got, want)
	}
	if !d.SaveButton().Disabled() {
		t.Error("保存 is enabled with a name too long")
	}
	typeInto(t, d, store.FieldPersonName, "  ")
	if got, want := kittest.ValidationText(d, store.FieldPersonName), "「姓名」不能为空"; got != want {
		t.Errorf("a blank name: %q, want %q", got, want)
	}
	typeInto(t, d, store.FieldPersonName, long[:len(long)-len("王")])
	if got := kittest.ValidationText(d, store.FieldPersonName); got != "" {
		t.Errorf("a name of %d characters: %q", store.MaxPersonNameRunes, got)
	}
}
