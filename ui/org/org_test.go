package org

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestOrgCreateBodyTermAndSeats goes the way a clerk sets up a council:
// 新建机构, 新建一届, then 增加人员 through the person picker (one person
// created on the spot), and checks the table in rank and stroke order.
func TestOrgCreateBodyTermAndSeats(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	for _, n := range []string{"赵立成", "杨希亮", "孙正军", "韩峰", "王威", "张成刚"} {
		newPerson(t, db, n, "", n[:3]+"单位负责人")
	}
	a, v := openOrg(t, db)
	if !strings.Contains(v.rosterPane.title.Text, "还没有机构") || !v.bodyTools.edit.Disabled() {
		t.Errorf("empty file: title %q, 编辑机构 enabled %v", v.rosterPane.title.Text, !v.bodyTools.edit.Disabled())
	}

	tap(t, v.bodyTools.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldBodyName, "理事会")
	chooseIn(t, d, "机构类型", "理事会")
	saveDialog(t, d)
	if b := v.body(); b == nil || b.Name != "理事会" || b.Ordering != store.OrderStrokes {
		t.Fatalf("body shown after 新建机构: %+v", b)
	}
	if v.bodyTools.term.Text != "新建一届" || !v.rosterPane.seats.add.Disabled() {
		t.Errorf("a body without terms: term button %q, 增加人员 enabled %v", v.bodyTools.term.Text, !v.rosterPane.seats.add.Disabled())
	}

	tap(t, v.bodyTools.term)
	d = a.Dialog()
	if got := d.Field(store.FieldTermNo).Text; got != "1" {
		t.Errorf("届次 default = %q, want 1", got)
	}
	typeInto(t, d, store.FieldTermStart, "2022年3月1日")
	saveDialog(t, d)
	if want := "理事会 · 第一届 2022年3月1日起（本届）"; v.rosterPane.title.Text != want {
		t.Errorf("title = %q, want %q", v.rosterPane.title.Text, want)
	}

	for _, n := range []string{"赵立成", "杨希亮", "孙正军", "韩峰", "王威"} {
		addPersonSeat(t, a, v, "副理事长", n)
	}
	addPersonSeat(t, a, v, "理事长", "张成刚")
	// 黄贻展 is not recorded yet: the clerk creates him from the picker.
	tap(t, v.rosterPane.seats.add)
	d = a.Dialog()
	typeInto(t, d, store.FieldPosition, "副理事长")
	test.Type(kittest.EntryWithPlaceHolder(t, d.Content(), personSearch), "黄贻展")
	kittest.TapButton(t, d.Content(), "新建人员…")
	pf := a.Dialog()
	typeInto(t, pf, store.FieldTitle, "淄博加华新材料资源有限公司总经理")
	saveDialog(t, pf)
	if !chosen(d, "黄贻展") {
		t.Fatalf("person created on the spot is not chosen: %q", kittest.ShownTexts(d.Content()))
	}
	saveDialog(t, d)

	// 理事长 first (rank of positions), then 副理事长 in 姓氏笔画 order:
	// 王4 孙6 杨7 赵9 黄11 韩12.
	want := []string{"理事长 张成刚", "副理事长 王威", "副理事长 孙正军", "副理事长 杨希亮", "副理事长 赵立成", "副理事长 黄贻展", "副理事长 韩峰"}
	if got := rosterNames(v); !slices.Equal(got, want) {
		t.Errorf("roster =\n%q\nwant\n%q", got, want)
	}
	rows := tableRows(v.rosterPane.table)
	if r := rows[5]; r[0] != "6" || r[4] != "淄博加华新材料资源有限公司总经理" || r[6] != "2022-03-01" {
		t.Errorf("row of 黄贻展 = %q", r)
	}
	if !strings.Contains(v.rosterPane.ordering.Text, "按姓氏笔画") {
		t.Errorf("ordering shown = %q", v.rosterPane.ordering.Text)
	}
	if n := storedSeats(t, db, v.bodyID); n != 7 {
		t.Errorf("stored seats = %d, want 7", n)
	}
}

// addPersonSeat adds a seat through 增加人员, picking the person by name.
func addPersonSeat(t *testing.T, a *kittest.Desk, v *Section, position, name string) {
	t.Helper()
	tap(t, v.rosterPane.seats.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldPosition, position)
	pickPerson(t, d, name)
	saveDialog(t, d)
}

// TestOrgSeatErrorsStayInDialog: a seat the domain refuses (the same
// person twice in one position) keeps the dialog open with the reason.
func TestOrgSeatErrorsStayInDialog(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	wang := newPerson(t, db, "王威", "", "董事长")
	newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), map[string][]store.Person{"理事": {wang}})
	a, v := openOrg(t, db)
	tap(t, v.rosterPane.seats.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldPosition, "理事")
	pickPerson(t, d, "王威")
	tap(t, d.SaveButton())
	if a.TopDialog() != d || !strings.Contains(d.Problem(), string(store.ProblemHolderTwice)) {
		t.Errorf("dialog open %v, problem %q", a.TopDialog() == d, d.Problem())
	}
	typeInto(t, d, store.FieldSeatStart, "2020-01-01")
	tap(t, d.SaveButton())
	if !strings.Contains(d.Problem(), string(store.ProblemOutsideTerm)) {
		t.Errorf("start before the term: problem %q", d.Problem())
	}
	if n := storedSeats(t, db, v.bodyID); n != 1 {
		t.Errorf("stored seats = %d, want 1", n)
	}
}

// TestOrgReplaceHolder: 更换 on a day gives the seat to another person
// from that day; the roster before it still shows the old holder.
func TestOrgReplaceHolder(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	old := newPerson(t, db, "冯波", "淄博市工业学校", "总务处副主任")
	newPerson(t, db, "李丽平", "淄博市工业学校", "教务处主任")
	newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), map[string][]store.Person{"秘书长": {old}})
	a, v := openOrg(t, db)
	selectSeat(t, v, "冯波")
	tap(t, v.rosterPane.seats.replace)
	d := a.Dialog()
	typeInto(t, d, store.FieldSeatStart, "2024-03-01")
	pickPerson(t, d, "李丽平")
	saveDialog(t, d)

	if got := rosterNames(v); !slices.Equal(got, []string{"秘书长 李丽平"}) {
		t.Errorf("roster today = %q", got)
	}
	if r := tableRows(v.rosterPane.table)[0]; r[3] != "淄博市工业学校" || r[4] != "教务处主任" || r[6] != "2024-03-01" {
		t.Errorf("row after 更换 = %q", r)
	}
	setAsOfField(v, "2024年2月29日")
	if got := rosterNames(v); !slices.Equal(got, []string{"秘书长 冯波"}) {
		t.Errorf("roster on 2024-02-29 = %q", got)
	}
	setAsOfField(v, "2024.3.1")
	if got := rosterNames(v); !slices.Equal(got, []string{"秘书长 李丽平"}) {
		t.Errorf("roster on 2024-03-01 = %q", got)
	}
	audit, _ := db.Audit(context.Background(), store.AuditQuery{Limit: 1})
	if len(audit) != 1 || !strings.HasSuffix(audit[0].Summary, "秘书长 冯波 → 李丽平") {
		t.Errorf("audit = %+v", audit)
	}
}

// TestOrgNewTermKeepsOldRoster: 换届 copies the seats held into the new
// term; a change there leaves the old term's roster as it was.
func TestOrgNewTermKeepsOldRoster(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	zhang := newPerson(t, db, "张成刚", "", "校长")
	cui := newPerson(t, db, "崔国华", "", "局长")
	b := newBodyWithTerm(t, db, "指导委员会", store.OrderStrokes, store.NewDate(2019, 1, 1),
		map[string][]store.Person{"主任": {zhang}, "委员": {cui}})
	a, v := openOrg(t, db)
	if v.bodyTools.term.Text != "换届" {
		t.Errorf("term button = %q", v.bodyTools.term.Text)
	}
	tap(t, v.bodyTools.term)
	d := a.Dialog()
	if got := d.Field(store.FieldTermNo).Text; got != "2" {
		t.Errorf("届次 default = %q, want 2", got)
	}
	typeInto(t, d, store.FieldTermStart, "2024-01-01")
	saveDialog(t, d)
	want := []string{"主任 张成刚", "委员 崔国华"}
	if !strings.HasPrefix(v.rosterPane.title.Text, "指导委员会 · 第二届") || !slices.Equal(rosterNames(v), want) {
		t.Fatalf("after 换届: %q %q", v.rosterPane.title.Text, rosterNames(v))
	}

	selectSeat(t, v, "崔国华")
	tap(t, v.rosterPane.seats.end)
	d = a.Dialog()
	typeInto(t, d, store.FieldSeatEnd, "2024-06-01")
	saveDialog(t, d)
	if got := rosterNames(v); !slices.Equal(got, []string{"主任 张成刚"}) {
		t.Errorf("new term after 离任 = %q", got)
	}

	saved, _ := db.Body(context.Background(), b.ID)
	v.tree.Select(termNode(b.ID, saved.Terms[0].ID))
	if v.asOf != store.NewDate(2023, 12, 31) || !strings.Contains(v.rosterPane.title.Text, "第一届 2019年1月1日—2023年12月31日") {
		t.Errorf("old term: as of %s, title %q", v.asOf, v.rosterPane.title.Text)
	}
	if got := rosterNames(v); !slices.Equal(got, want) {
		t.Errorf("old term's roster = %q, want %q", got, want)
	}
	if !v.rosterPane.seats.replace.Disabled() || v.rosterPane.asOf.Text != "2023-12-31" {
		t.Error("the old term's closed seats cannot be changed; the date field shows its last day")
	}
}

// TestOrgMoveSeats: with 按指定顺序 上移/下移 reorder a position's
// holders; with stroke order they are not offered.
func TestOrgMoveSeats(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	var people []store.Person
	for _, n := range []string{"韩峰", "王威", "赵立成"} {
		people = append(people, newPerson(t, db, n, "", ""))
	}
	newBodyWithTerm(t, db, "常务理事会", store.OrderRanked, store.NewDate(2022, 3, 1), map[string][]store.Person{"常务理事": people})
	a, v := openOrg(t, db)
	want := []string{"常务理事 韩峰", "常务理事 王威", "常务理事 赵立成"}
	if got := rosterNames(v); !slices.Equal(got, want) {
		t.Fatalf("ranked roster = %q", got)
	}
	selectSeat(t, v, "韩峰")
	if !v.rosterPane.seats.up.Disabled() {
		t.Error("上移 enabled on the first holder")
	}
	tap(t, v.rosterPane.seats.down)
	tap(t, v.rosterPane.seats.down)
	want = []string{"常务理事 王威", "常务理事 赵立成", "常务理事 韩峰"}
	if got := rosterNames(v); !slices.Equal(got, want) {
		t.Errorf("after two 下移 = %q, want %q", got, want)
	}
	if !v.rosterPane.seats.down.Disabled() || v.rosterPane.seats.up.Disabled() {
		t.Error("the last holder can move up, not down")
	}
	tap(t, v.rosterPane.seats.up)
	want = []string{"常务理事 王威", "常务理事 韩峰", "常务理事 赵立成"}
	if got := rosterNames(v); !slices.Equal(got, want) {
		t.Errorf("after 上移 = %q, want %q", got, want)
	}

	// 编辑机构 switches to stroke order: 王4 赵9 韩12, no moving.
	tap(t, v.bodyTools.edit)
	d := a.Dialog()
	chooseIn(t, d, "排序方式", "按姓氏笔画")
	saveDialog(t, d)
	want = []string{"常务理事 王威", "常务理事 赵立成", "常务理事 韩峰"}
	if got := rosterNames(v); !slices.Equal(got, want) {
		t.Errorf("stroke order = %q, want %q", got, want)
	}
	selectSeat(t, v, "赵立成")
	if !v.rosterPane.seats.up.Disabled() || !v.rosterPane.seats.down.Disabled() {
		t.Error("上移/下移 offered under 按姓氏笔画")
	}
}

// TestOrgSubBodyAndDelete: a body created under another shows in the
// tree beneath it; deleting the parent asks first, moves it to the trash
// and brings the child to the top level.
func TestOrgSubBodyAndDelete(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	council := newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), nil)
	a, v := openOrg(t, db)
	tap(t, v.bodyTools.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldBodyName, "秘书处")
	chooseIn(t, d, "机构类型", "秘书处")
	chooseIn(t, d, "上级机构", "理事会")
	saveDialog(t, d)
	secretariat := v.bodyID
	if kids := v.tree.ChildUIDs(bodyNode(council.ID)); !slices.Contains(kids, bodyNode(secretariat)) {
		t.Errorf("秘书处 not under 理事会: %q", kids)
	}

	tap(t, v.bodyTools.add)
	d = a.Dialog()
	typeInto(t, d, store.FieldBodyName, " 理事会 ")
	if !strings.Contains(validationText(d, store.FieldBodyName), string(store.ProblemBodyDuplicate)) {
		t.Errorf("a second 理事会: %q", validationText(d, store.FieldBodyName))
	}
	d.Close()

	v.tree.Select(bodyNode(council.ID))
	tap(t, v.bodyTools.del)
	overlay := a.Overlay()
	texts := strings.Join(textsIn(overlay), "\n")
	if !strings.Contains(texts, "系统 → 回收站") || !strings.Contains(texts, "下级机构") {
		t.Errorf("confirmation:\n%s", texts)
	}
	test.Tap(kittest.Button(t, overlay, "删除"))
	if trash, _ := db.Trash(context.Background()); len(trash) != 1 || trash[0].ID != council.ID {
		t.Errorf("trash = %+v", trash)
	}
	if top := v.tree.ChildUIDs(""); !slices.Equal(top, []string{bodyNode(secretariat)}) || v.bodyID != secretariat {
		t.Errorf("top level after delete = %q, shown %v", top, v.body())
	}
}

// TestOrgBodyFormUsesTheStoresTreeRule: 上级机构 offers only the bodies
// store.CheckParent accepts (not the body itself nor one under it), and a
// second body of the same name is refused in the store's words.
func TestOrgBodyFormUsesTheStoresTreeRule(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	start := store.NewDate(2022, 3, 1)
	council := newBodyWithTerm(t, db, "理事会", store.OrderStrokes, start, nil)
	newBodyWithTerm(t, db, "监事会", store.OrderStrokes, start, nil)
	standing := store.Body{Name: "常务理事会", Type: "常务理事会", ParentID: council.ID}
	standing, err := db.CreateBody(context.Background(), standing)
	if err != nil {
		t.Fatal(err)
	}
	office := store.Body{Name: "秘书处", Type: "秘书处", ParentID: standing.ID}
	if _, err := db.CreateBody(context.Background(), office); err != nil {
		t.Fatal(err)
	}
	a, v := openOrg(t, db)

	v.tree.Select(bodyNode(council.ID))
	tap(t, v.bodyTools.edit)
	d := a.Dialog()
	if got := kittest.FormWidget[*widget.Select](t, d, "上级机构").Options; !slices.Equal(got, []string{"（无）", "监事会"}) {
		t.Errorf("parents offered to 理事会: %q", got)
	}
	typeInto(t, d, store.FieldBodyName, "监事会")
	if got, want := validationText(d, store.FieldBodyName), "「机构名称」已有同名机构：监事会"; got != want {
		t.Errorf("renamed as 监事会: %q, want %q", got, want)
	}
	typeInto(t, d, store.FieldBodyName, " 理事会")
	if got := validationText(d, store.FieldBodyName); got != "" {
		t.Errorf("its own name: %q", got)
	}
	d.Close()

	v.tree.Select(bodyNode(standing.ID))
	tap(t, v.bodyTools.edit)
	d = a.Dialog()
	if got := kittest.FormWidget[*widget.Select](t, d, "上级机构").Options; !slices.Equal(got, []string{"（无）", "理事会", "监事会"}) {
		t.Errorf("parents offered to 常务理事会: %q", got)
	}
}
