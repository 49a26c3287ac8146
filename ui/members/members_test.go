package members

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
	"github.com/secdesk/secdesk/ui/msg"
)

const goodCode = "91512081MA62K0260E" // passes GB 32100 (DESIGN.md §3)

// TestAdmitChangeTierAndExit goes through a unit's life the way a clerk
// does: 新增 with admission, 类别变更, 退出, 重新加入, checking the table,
// the counts line and the detail panel after each step.
func TestAdmitChangeTierAndExit(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	a, v := openMembers(t, db)
	if !strings.Contains(v.counts.Text, "在册 0 家") {
		t.Errorf("counts on an empty file = %q", v.counts.Text)
	}

	tap(t, v.tools.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldName, "潍坊职业学院")
	typeInto(t, d, store.FieldCreditCode, goodCode)
	chooseIn(t, d, "单位类型", "高职院校")
	typeInto(t, d, store.FieldCity, "潍坊")
	typeInto(t, d, store.FieldContact, "王老师")
	typeInto(t, d, store.FieldPhone, "13812345678")
	typeInto(t, d, store.FieldJoinDate, "2023年7月18日")
	chooseIn(t, d, "会员类别", "理事单位")
	typeInto(t, d, store.FieldBasis, "第三届理事会第二次会议")
	tap(t, d.SaveButton())
	if a.TopDialog() != nil {
		t.Fatalf("dialog still open: %q", d.Problem())
	}
	want := []string{"", "潍坊职业学院", "高职院校", "理事单位", "在册", "潍坊", "王老师", "13812345678", "2023-07-18"}
	if rows := memberRows(v); len(rows) != 1 || !slices.Equal(rows[0], want) {
		t.Fatalf("rows after 新增 = %q, want [%q]", rows, want)
	}
	wantCounts := "在册 1 家，其中高职院校 1 所"
	if !strings.Contains(v.counts.Text, wantCounts) {
		t.Errorf("counts = %q, want it to contain %q", v.counts.Text, wantCounts)
	}
	if v.tools.join.Disabled() == false || v.tools.exit.Disabled() {
		t.Error("for a member in the register 退出 should be enabled and 重新加入 disabled")
	}

	tap(t, v.tools.tier)
	d = a.Dialog()
	typeInto(t, d, store.FieldDate, "2024.3.1")
	chooseIn(t, d, "新类别", "常务理事单位")
	typeInto(t, d, store.FieldBasis, "2024年常务理事会")
	tap(t, d.SaveButton())
	if got := memberRows(v)[0][colTier]; got != "常务理事单位" {
		t.Errorf("tier after 类别变更 = %q", got)
	}
	detail := strings.Join(textsIn(v.detail.view), "\n")
	for _, s := range []string{"批准加入 · 理事单位 · 依据：第三届理事会第二次会议", "类别变更 · 理事单位 → 常务理事单位", "2024-03-01"} {
		if !strings.Contains(detail, s) {
			t.Errorf("detail panel lacks %q:\n%s", s, detail)
		}
	}

	tap(t, v.tools.exit)
	d = a.Dialog()
	typeInto(t, d, store.FieldExitDate, "2025-01-10")
	typeInto(t, d, store.FieldExitReason, "连续两年未参加活动")
	tap(t, d.SaveButton())
	// The clerk is looking at 在册 (the default), so the unit that left is
	// no longer listed, and the counts say so.
	if rows := memberRows(v); len(rows) != 0 {
		t.Errorf("rows under 在册 after 退出 = %q", rows)
	}
	if !strings.Contains(v.counts.Text, "在册 0 家") || v.shown.Text != "当前列表 0 家" {
		t.Errorf("counts after 退出 = %q / %q", v.counts.Text, v.shown.Text)
	}
	v.filters.status.SetSelected("全部状态")
	if rows := memberRows(v); len(rows) != 1 || rows[0][colStatus] != "已退出" || rows[0][colTier] != "" {
		t.Errorf("rows under 全部状态 = %q", rows)
	}
	if v.tools.join.Disabled() || v.tools.join.Text != "重新加入" || !v.tools.exit.Disabled() || !v.tools.tier.Disabled() {
		t.Error("for a unit that left only 重新加入 (not 退出, 类别变更) should be enabled")
	}

	tap(t, v.tools.join)
	d = a.Dialog()
	typeInto(t, d, store.FieldJoinDate, "2025-06-01")
	tap(t, d.SaveButton())
	if rows := memberRows(v); len(rows) != 1 || rows[0][colStatus] != "在册" || rows[0][colTier] != "常务理事单位" || rows[0][colJoined] != "2025-06-01" {
		t.Errorf("rows after 重新加入 = %q", memberRows(v))
	}
	m, _ := db.Members(context.Background())
	if len(m) != 1 || len(m[0].Events) != 4 {
		t.Fatalf("stored: %d members, events %+v", len(m), m)
	}
}

// TestAsOfDate: the register and the counts follow the 截至日期 field,
// which reads the usual Chinese date forms.
func TestAsOfDate(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	addMember(t, db, "歌尔股份有限公司", "企业", joinEvent(store.NewDate(2020, 1, 1), "成员单位"))
	_, v := openMembers(t, db)

	for _, c := range []struct {
		typed  string
		names  []string
		counts string
	}{
		{"2023年7月17日", []string{"歌尔股份有限公司"}, "截至2023年7月17日：在册 1 家，其中企业 1 家"},
		{"2023.7.18", []string{"潍坊职业学院", "歌尔股份有限公司"}, "截至2023年7月18日：在册 2 家，其中企业 1 家、高职院校 1 所；本年新增 1 家"},
		{"2019-12-31", nil, "截至2019年12月31日：在册 0 家"},
	} {
		v.filters.asOf.SetText("")
		test.Type(v.filters.asOf, c.typed)
		if got := memberNames(v); !slices.Equal(got, c.names) {
			t.Errorf("as of %s: rows %q, want %q", c.typed, got, c.names)
		}
		if !strings.HasPrefix(v.counts.Text, c.counts) {
			t.Errorf("as of %s: counts %q, want %q…", c.typed, v.counts.Text, c.counts)
		}
	}
	// Under 全部状态 a unit admitted after the day is still hidden: it was
	// no part of the group then.
	v.filters.status.SetSelected("全部状态")
	v.filters.asOf.SetText("2021-01-01")
	if got := memberNames(v); !slices.Equal(got, []string{"歌尔股份有限公司"}) {
		t.Errorf("全部状态 as of 2021-01-01: %q", got)
	}
}

// TestSearchAndFilters: search over name, credit code and contact, with
// full-width and spaced variants, and the Select filters.
func TestSearchAndFilters(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	join := joinEvent(store.NewDate(2022, 1, 1), "成员单位")
	if _, err := db.CreateMember(context.Background(), store.Member{Name: "潍坊职业学院", Type: "高职院校", City: "潍坊", Contact: "王 明",
		CreditCode: goodCode, Events: []store.Event{join}}); err != nil {
		t.Fatal(err)
	}
	addMember(t, db, "潍坊ABC科技有限公司", "企业", join)
	addMember(t, db, "烟台职业学院", "高职院校", join)
	_, v := openMembers(t, db)

	for _, c := range []struct {
		query string
		names []string
	}{
		{"", []string{"潍坊ABC科技有限公司", "潍坊职业学院", "烟台职业学院"}},
		{"潍坊 职业", []string{"潍坊职业学院"}},
		{"ａｂｃ", []string{"潍坊ABC科技有限公司"}},
		{"ma62k", []string{"潍坊职业学院"}},
		{"王明", []string{"潍坊职业学院"}},
		{"职业学院", []string{"潍坊职业学院", "烟台职业学院"}},
		{"北京", nil},
	} {
		v.filters.search.SetText("")
		test.Type(v.filters.search, c.query)
		if got := memberNames(v); !slices.Equal(got, c.names) {
			t.Errorf("search %q: %q, want %q", c.query, got, c.names)
		}
	}
	v.filters.search.SetText("")
	v.filters.typ.SetSelected("企业")
	if got := memberNames(v); !slices.Equal(got, []string{"潍坊ABC科技有限公司"}) {
		t.Errorf("type 企业: %q", got)
	}
	v.filters.typ.SetSelected("全部类型")
	v.filters.city.SetSelected("潍坊")
	if got := memberNames(v); !slices.Equal(got, []string{"潍坊职业学院"}) {
		t.Errorf("city 潍坊: %q", got)
	}
	if v.shown.Text != "当前列表 1 家" {
		t.Errorf("shown = %q", v.shown.Text)
	}
}

// TestSortByHeader: tapping a header sorts by it, tapping again reverses.
func TestSortByHeader(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "北京甲单位", "企业", joinEvent(store.NewDate(2021, 1, 1), "成员单位"))
	addMember(t, db, "安徽乙单位", "政府部门", joinEvent(store.NewDate(2022, 1, 1), "理事长单位"))
	addMember(t, db, "重庆丙单位", "本科院校", joinEvent(store.NewDate(2020, 1, 1), "理事单位"))
	_, v := openMembers(t, db)
	// The default is the printed register's order: highest tier first.
	if got := memberNames(v); !slices.Equal(got, []string{"安徽乙单位", "重庆丙单位", "北京甲单位"}) {
		t.Errorf("default order %q", got)
	}
	header := v.table.CreateHeader().(*widget.Button)
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colName}, header)
	test.Tap(header)
	if got := memberNames(v); !slices.Equal(got, []string{"安徽乙单位", "北京甲单位", "重庆丙单位"}) {
		t.Errorf("by name (pinyin) %q", got)
	}
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colName}, header)
	if header.Text != "单位名称" || header.Icon == nil || header.Icon.Name() != theme.MenuDropUpIcon().Name() {
		t.Errorf("header = %q with icon %v, want 单位名称 with the up arrow", header.Text, header.Icon)
	}
	test.Tap(header)
	if got := memberNames(v); !slices.Equal(got, []string{"重庆丙单位", "北京甲单位", "安徽乙单位"}) {
		t.Errorf("by name descending %q", got)
	}
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colJoined}, header)
	test.Tap(header)
	if got := memberNames(v); !slices.Equal(got, []string{"重庆丙单位", "北京甲单位", "安徽乙单位"}) {
		t.Errorf("by join date %q", got)
	}
}

// TestAddMemberValidation: the dialog checks while the clerk types (a
// duplicate name naming the existing unit, a credit code that fails the
// check and the 信用代码说明 it then needs), and stays open showing the
// store's refusal next to the field.
func TestAddMemberValidation(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	a, v := openMembers(t, db)

	tap(t, v.tools.add)
	d := a.Dialog()
	if !d.SaveButton().Disabled() {
		t.Error("保存 is enabled on an empty form")
	}
	typeInto(t, d, store.FieldName, "潍坊 职业学院")
	if got, want := validationText(d, store.FieldName), "「单位名称」与已有单位重复：潍坊职业学院"; got != want {
		t.Errorf("duplicate name: %q, want %q", got, want)
	}
	typeInto(t, d, store.FieldName, "寿光市职业教育中心学校")
	chooseIn(t, d, "单位类型", "中职学校")
	if got := validationText(d, store.FieldName); got != "" || d.SaveButton().Disabled() {
		t.Errorf("valid form: name says %q, 保存 disabled %v", got, d.SaveButton().Disabled())
	}

	bad := goodCode[:17] + "A"
	reason := d.Field(store.FieldCodeReason)
	if !reason.Disabled() {
		t.Error("信用代码说明 is open without a failing code")
	}
	typeInto(t, d, store.FieldCreditCode, bad)
	if got, want := validationText(d, store.FieldCreditCode), "「统一社会信用代码」校验不通过，需填写说明才能保存："+bad; got != want {
		t.Errorf("bad code: %q, want %q", got, want)
	}
	if reason.Disabled() || !d.SaveButton().Disabled() {
		t.Errorf("with a failing code: 说明 disabled %v, 保存 disabled %v", reason.Disabled(), d.SaveButton().Disabled())
	}
	typeInto(t, d, store.FieldCodeReason, "营业执照原件如此")
	if got := validationText(d, store.FieldCreditCode); got != "" || d.SaveButton().Disabled() {
		t.Errorf("with a reason: code says %q, 保存 disabled %v", got, d.SaveButton().Disabled())
	}
	typeInto(t, d, store.FieldCreditCode, "12345")
	if got := validationText(d, store.FieldCodeReason); got != "" {
		t.Errorf("reason given, short code: %q", got)
	}
	typeInto(t, d, store.FieldCreditCode, goodCode)
	typeInto(t, d, store.FieldEmail, "wang@")
	if got := validationText(d, store.FieldEmail); got != "「电子邮箱」电子邮箱格式不正确：wang@" {
		t.Errorf("bad email: %q", got)
	}
	typeInto(t, d, store.FieldEmail, "")
	typeInto(t, d, store.FieldJoinDate, "2023-02-30")
	if got := validationText(d, store.FieldJoinDate); got != "「日期」不是有效日期" || !d.SaveButton().Disabled() {
		t.Errorf("impossible date: %q", got)
	}
	typeInto(t, d, store.FieldJoinDate, "2024-03-01")

	// Another clerk's window adds the same unit meanwhile: the live check
	// cannot know, the store refuses, and the dialog stays open saying so.
	addMember(t, db, "寿光市职业教育中心学校", "中职学校")
	tap(t, d.SaveButton())
	if a.TopDialog() != d {
		t.Fatal("dialog closed after the store refused the save")
	}
	want := "「单位名称」与已有单位重复：寿光市职业教育中心学校"
	if d.Problem() != want {
		t.Errorf("problem shown = %q, want %q", d.Problem(), want)
	}
	if !slices.Contains(textsIn(d.Content()), want) {
		t.Errorf("the refusal is not shown under the name field")
	}
	test.Type(d.Field(store.FieldName), "二")
	d.Close()
	if a.TopDialog() != nil {
		t.Error("取消 did not close the dialog")
	}
}

// TestImportWithErrorsWritesNothing: the preview of a file with errors
// lists every row with its Excel row number, action and problem, offers
// only 关闭, and the data file is left exactly as it was.
func TestImportWithErrorsWritesNothing(t *testing.T) {
	db, path := kittest.OpenFile(t)
	addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	before, _ := db.Members(context.Background())
	auditBefore, _ := db.Audit(context.Background(), store.AuditQuery{})
	_, v := openMembers(t, db)

	v.doImport(filepath.Join("..", "..", "testdata", "import", "messy.xlsx"))
	p := v.preview
	if p == nil {
		t.Fatal("no import preview")
	}
	if p.Confirm != nil || p.Close.Text != "关闭" {
		t.Error("a plan with errors offers more than 关闭")
	}
	if p.Notice.Hidden || !strings.Contains(p.Notice.Text, "不会写入任何数据") {
		t.Errorf("notice = %q (hidden %v)", p.Notice.Text, p.Notice.Hidden)
	}
	rows := map[string][]string{}
	for r := range p.Plan.Rows {
		var cells []string
		for c := range kit.MemberImportColumns {
			cells = append(cells, kit.MemberImportCell(&p.Plan.Rows[r], c))
		}
		rows[cells[0]] = cells
	}
	if got := rows["15"]; got == nil || got[1] != "错误" || got[3] != "「单位名称」不能为空" {
		t.Errorf("row 15 = %q", got)
	}
	if got := rows["17"]; got == nil || got[1] != "错误" || got[3] != "「单位类型」不是可选的值：外资机构" {
		t.Errorf("row 17 = %q", got)
	}
	if got := rows["13"]; got == nil || got[1] != "新增" || !strings.HasPrefix(got[3], "「统一社会信用代码」校验位不正确") {
		t.Errorf("row 13 = %q", got)
	}
	if !strings.HasPrefix(p.Summary.Text, "共 20 行：") || !strings.Contains(p.Summary.Text, "错误 7") {
		t.Errorf("summary = %q", p.Summary.Text)
	}
	p.ListRows(true)
	if rows, _ := p.Table.Length(); rows != 9 {
		t.Errorf("only rows with problems: %d rows, want 7 errors + 2 warnings", rows)
	}
	test.Tap(p.Close)

	after, _ := db.Members(context.Background())
	auditAfter, _ := db.Audit(context.Background(), store.AuditQuery{})
	if len(after) != len(before) || len(auditAfter) != len(auditBefore) || after[0].Updated != before[0].Updated {
		t.Errorf("the import wrote: %d→%d members, %d→%d audit entries", len(before), len(after), len(auditBefore), len(auditAfter))
	}
	db.Close()
	again, err := bolt.OpenStore(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if ms, _ := again.Members(context.Background()); len(ms) != 1 {
		t.Errorf("reopened file has %d members", len(ms))
	}
}

// TestImportHistoryShowsInRegister: a clean file is previewed, confirmed,
// and its units appear in the table with the counts of its history.
func TestImportHistoryShowsInRegister(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	_, v := openMembers(t, db)
	v.doImport(filepath.Join("..", "..", "testdata", "import", "history.xlsx"))
	p := v.preview
	if p == nil || p.Confirm == nil {
		t.Fatal("no preview with 确认导入")
	}
	test.Tap(p.Confirm)
	ms, _ := db.Members(context.Background())
	if len(ms) == 0 || len(ms) != len(p.Plan.Rows) {
		t.Fatalf("stored %d members from %d rows", len(ms), len(p.Plan.Rows))
	}
	v.filters.asOf.SetText("2015-12-31")
	if !strings.HasPrefix(v.counts.Text, "截至2015年12月31日：在册 4 家") || len(memberRows(v)) != 4 {
		t.Errorf("as of 2015-12-31: %q, %d rows", v.counts.Text, len(memberRows(v)))
	}
}

// TestExportFiles: the register, the statistics and the template are
// written where asked (their content is store/xlsx's tests' business).
func TestExportFiles(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	_, v := openMembers(t, db)
	dir := t.TempDir()
	v.filters.asOf.SetText("2024-03-01")
	v.doExportRegister(filepath.Join(dir, "名册.xlsx"), true)
	v.doExportStats(filepath.Join(dir, "统计.xlsx"))
	v.doSaveTemplate(filepath.Join(dir, "模板.xlsx"))
	for _, name := range []string{"名册.xlsx", "统计.xlsx", "模板.xlsx"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	rows, err := xlsx.ReadMembersFile(filepath.Join(dir, "模板.xlsx"))
	if err != nil || len(rows) != 0 { // a header found, the example row skipped
		t.Errorf("template reads back as %d rows, %v", len(rows), err)
	}
	if got := kit.FileDate(v.asOf); got != "20240301" {
		t.Errorf("file date = %q", got)
	}
}

// TestDeleteMovesToTrash asks first, then moves the unit to the trash.
func TestDeleteMovesToTrash(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	a, v := openMembers(t, db)
	v.table.Select(widget.TableCellID{Row: 0, Col: colName})
	if v.selected != m.ID || v.tools.del.Disabled() {
		t.Fatal("selecting the row did not select the member")
	}
	tap(t, v.tools.del)
	overlay := a.Overlay()
	if texts := strings.Join(textsIn(overlay), "\n"); !strings.Contains(texts, "系统 → 回收站") {
		t.Errorf("confirmation does not say where to restore from:\n%s", texts)
	}
	test.Tap(kittest.Button(t, overlay, "删除"))
	if rows := memberRows(v); len(rows) != 0 {
		t.Errorf("rows after 删除 = %q", rows)
	}
	if trash, _ := db.Trash(context.Background()); len(trash) != 1 || trash[0].ID != m.ID {
		t.Errorf("trash = %+v", trash)
	}
	if !v.tools.edit.Disabled() {
		t.Error("编辑 enabled with nothing selected")
	}
}

// TestEditMember: 编辑 starts from the stored details, and the change
// shows in the table and the detail panel.
func TestEditMember(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	a, v := openMembers(t, db)
	v.table.Select(widget.TableCellID{Row: 0, Col: colName})
	tap(t, v.tools.edit)
	d := a.Dialog()
	if got := d.Field(store.FieldName).Text; got != "潍坊职业学院" {
		t.Fatalf("edit starts with name %q", got)
	}
	if validationText(d, store.FieldName) != "" {
		t.Error("the unit's own name is reported as a duplicate of itself")
	}
	typeInto(t, d, store.FieldCity, "潍坊市")
	typeInto(t, d, store.FieldEmail, "office@wfvc.edu.cn")
	d.Field(store.FieldEmail).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	if a.TopDialog() != nil {
		t.Fatalf("Enter did not save: %q", d.Problem())
	}
	if got := memberRows(v)[0][colCity]; got != "潍坊市" {
		t.Errorf("city after 编辑 = %q", got)
	}
	if detail := strings.Join(textsIn(v.detail.view), "\n"); !strings.Contains(detail, "office@wfvc.edu.cn") {
		t.Errorf("detail panel lacks the new e-mail:\n%s", detail)
	}

	tap(t, v.tools.edit)
	d = a.Dialog()
	d.Field(store.FieldName).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc cancels
	if a.TopDialog() != nil {
		t.Error("Esc did not close the dialog")
	}
}

// TestEditConflict: a clerk edits a unit that another clerk saved
// meanwhile. The save is refused with who changed it, nothing is written
// over the other clerk's change, and 重新载入 closes the dialog and shows
// the unit as it is now.
func TestEditConflict(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	m := addMember(t, db, "潍坊职业学院", "高职院校", joinEvent(store.NewDate(2023, 7, 18), "理事单位"))
	a, v := openMembers(t, db)
	v.table.Select(widget.TableCellID{Row: 0, Col: colName})
	tap(t, v.tools.edit)
	d := a.Dialog()
	typeInto(t, d, store.FieldCity, "潍坊市")

	// Another clerk, on another PC, saves the same unit first.
	engine := db.(interface{ Engine() store.Engine }).Engine()
	wang := store.New(engine, store.Options{Clerk: "wang", PC: "office-2"})
	other := m
	other.Contact = "王老师"
	if _, err := wang.UpdateMember(context.Background(), other); err != nil {
		t.Fatal(err)
	}

	tap(t, d.SaveButton())
	if a.TopDialog() == nil {
		t.Fatal("a save over a newer change closed the dialog")
	}
	if p := d.Problem(); !strings.Contains(p, "潍坊职业学院") || !strings.Contains(p, "wang@office-2") || !strings.Contains(p, "重新载入") {
		t.Errorf("conflict text = %q", p)
	}
	if !d.SaveButton().Disabled() {
		t.Error("保存 still enabled after the conflict")
	}
	stored, _ := db.Member(context.Background(), m.ID)
	if stored.City != "" || stored.Contact != "王老师" {
		t.Errorf("stored after the refused save: city %q, contact %q", stored.City, stored.Contact)
	}
	tap(t, kittest.Button(t, d.Content(), "重新载入"))
	if a.TopDialog() != nil {
		t.Fatal("重新载入 did not close the dialog")
	}
	v.table.Select(widget.TableCellID{Row: 0, Col: colName})
	if detail := strings.Join(textsIn(v.detail.view), "\n"); !strings.Contains(detail, "王老师") {
		t.Errorf("detail after 重新载入 lacks the other clerk's change:\n%s", detail)
	}
}

// TestMemberFormSaysWhatTheStoreSays: the dialog's live checks are the
// store's (store.CheckName, store.CheckEventDate), so a field refuses what
// the store would refuse, in the store's words, before 保存 is tapped.
func TestMemberFormSaysWhatTheStoreSays(t *testing.T) {
	today := store.NewDate(2024, 3, 1)
	old := store.Today
	store.Today = func() store.Date { return today }
	t.Cleanup(func() { store.Today = old })
	db, _ := kittest.OpenFile(t)
	a, v := openMembers(t, db)
	tap(t, v.tools.add)
	d := a.Dialog()
	chooseIn(t, d, "单位类型", "企业")

	long := strings.Repeat("潍", store.MaxNameRunes+1)
	typeInto(t, d, store.FieldName, long)
	want := "「单位名称」内容过长"
	if got := validationText(d, store.FieldName); got != want || got != msg.Error(store.CheckName(long)) {
		t.Errorf("a name of %d characters: %q, want %q", store.MaxNameRunes+1, got, want)
	}
	if !slices.Contains(textsIn(d.Content()), want) {
		t.Errorf("%q is not shown at the field: %q", want, textsIn(d.Content()))
	}
	if !d.SaveButton().Disabled() {
		t.Error("保存 is enabled with a name too long")
	}
	typeInto(t, d, store.FieldName, long[:len(long)-len("潍")])
	if got := validationText(d, store.FieldName); got != "" {
		t.Errorf("a name of %d characters: %q", store.MaxNameRunes, got)
	}

	// The form's today is the day kit.Today gives (here store.Today,
	// replaced): the next day is refused as the store refuses it.
	typeInto(t, d, store.FieldJoinDate, "2024-03-02")
	want = "「日期」日期不能晚于今天：2024年3月2日"
	if got := validationText(d, store.FieldJoinDate); got != want || !d.SaveButton().Disabled() {
		t.Errorf("tomorrow: %q (保存 disabled %v), want %q", got, d.SaveButton().Disabled(), want)
	}
	typeInto(t, d, store.FieldJoinDate, "2024年3月1日")
	if got := validationText(d, store.FieldJoinDate); got != "" || d.SaveButton().Disabled() {
		t.Errorf("today: %q (保存 disabled %v)", got, d.SaveButton().Disabled())
	}
	d.Close()

	// 退出 checks its date the same way.
	addMember(t, db, "潍坊化工有限公司", "企业", joinEvent(store.NewDate(2020, 1, 1), "理事单位"))
	a.Changed(store.KindMember, uuid.Nil)
	v.table.Select(widget.TableCellID{Row: 0, Col: colName})
	tap(t, v.tools.exit)
	d = a.Dialog()
	typeInto(t, d, store.FieldExitDate, "2025-01-01")
	if got, want := validationText(d, store.FieldExitDate), "「日期」日期不能晚于今天：2025年1月1日"; got != want {
		t.Errorf("exit next year: %q, want %q", got, want)
	}
}

// TestStructureLineCountsSchoolsInSuo: the line under the register counts
// schools in 所 and everything else in 家, as the store's Stats and the
// command line's stats do.
func TestStructureLineCountsSchoolsInSuo(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	since := store.NewDate(2020, 1, 1)
	addMember(t, db, "寿光市职业教育中心学校", "中职学校", joinEvent(since, "成员单位"))
	addMember(t, db, "潍坊学院", "本科院校", joinEvent(since, "理事单位"))
	addMember(t, db, "歌尔股份有限公司", "企业", joinEvent(since, "理事单位"))
	addMember(t, db, "潍坊化工有限公司", "企业", joinEvent(since, "成员单位"))
	_, v := openMembers(t, db)
	want := "在册 4 家，其中企业 2 家、本科院校 1 所、中职学校 1 所；"
	if !strings.Contains(v.counts.Text, want) {
		t.Errorf("counts = %q, want it to contain %q", v.counts.Text, want)
	}
	for _, c := range store.ComputeStats(v.list.members, store.Date{}, v.asOf).HeldTypeCounts() {
		if part := fmt.Sprintf("%s %d %s", c.Type, c.N, c.Measure); !strings.Contains(v.counts.Text, part) {
			t.Errorf("counts = %q, lacks the store's %q", v.counts.Text, part)
		}
	}
}
