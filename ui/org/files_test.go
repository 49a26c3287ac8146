package org

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestOrgUnitSeatAndRepresentative: a member unit takes a seat with the
// person who sits for it; 更换代表 changes who that is from a day; the
// unit list export is offered once a unit holds a seat.
func TestOrgUnitSeatAndRepresentative(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	school := addMember(t, db, "淄博市工业学校", "中职学校", joinEvent(store.NewDate(2020, 1, 1), "理事单位"))
	if _, err := db.CreatePerson(context.Background(), store.Person{Name: "张成刚", MemberID: school.ID, Title: "副校长"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreatePerson(context.Background(), store.Person{Name: "冯波", MemberID: school.ID, Title: "总务处副主任"}); err != nil {
		t.Fatal(err)
	}
	newBodyWithTerm(t, db, "职普融通发展共同体", store.OrderStrokes, store.NewDate(2022, 3, 1), nil)
	a, v := openOrg(t, db)
	if !v.rosterPane.files.units.Disabled() {
		t.Error("成员单位名单 offered for a body without unit seats")
	}

	tap(t, v.rosterPane.seats.add)
	d := a.Dialog()
	typeInto(t, d, store.FieldPosition, "成员单位")
	kittest.ChooseRadio(t, d, "担任方式", "成员单位")
	if !d.SaveButton().Disabled() {
		t.Error("保存 enabled before a unit is chosen")
	}
	pickUnit(t, d, "工业 学校")
	pickPerson(t, d, "张成刚")
	saveDialog(t, d)
	rows := tableRows(v.rosterPane.table)
	if len(rows) != 1 || rows[0][2] != "张成刚" || rows[0][3] != "淄博市工业学校" || rows[0][4] != "副校长" {
		t.Fatalf("rows = %q", rows)
	}
	if v.rosterPane.files.units.Disabled() {
		t.Error("成员单位名单 not offered for a body with a unit seat")
	}

	selectSeat(t, v, "淄博市工业学校")
	tap(t, v.rosterPane.seats.rep)
	d = a.Dialog()
	typeInto(t, d, store.FieldSeatStart, "2024-01-01")
	pickPerson(t, d, "冯波")
	saveDialog(t, d)
	if got := tableRows(v.rosterPane.table)[0]; got[2] != "冯波" || got[4] != "总务处副主任" {
		t.Errorf("row after 更换代表 = %q", got)
	}
	setAsOfField(v, "2023-12-31")
	if got := tableRows(v.rosterPane.table)[0][2]; got != "张成刚" {
		t.Errorf("representative on 2023-12-31 = %q", got)
	}
}

// TestOrgWarnings: a holder who has left their post is flagged above the
// table.
func TestOrgWarnings(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	p, err := db.CreatePerson(context.Background(), store.Person{Name: "王威", LeftOn: store.NewDate(2023, 5, 1)})
	if err != nil {
		t.Fatal(err)
	}
	newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), map[string][]store.Person{"理事长": {p}})
	_, v := openOrg(t, db)
	if !v.rosterPane.band.Visible() || !strings.Contains(v.rosterPane.warnings.Text, "调离，仍担任理事长") {
		t.Errorf("warning band visible %v: %q", v.rosterPane.band.Visible(), v.rosterPane.warnings.Text)
	}
	setAsOfField(v, "2023-04-30")
	if v.rosterPane.band.Visible() {
		t.Error("warning shown before the person left")
	}
}

// TestOrgExportRoster writes the print-ready roster and the plain table
// of the roster shown and reads them back cell by cell.
func TestOrgExportRoster(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	zhang := newPerson(t, db, "张成刚", "淄博市工业学校", "副校长")
	var deputies []store.Person
	for _, n := range []string{"韩峰", "王威", "赵立成"} {
		deputies = append(deputies, newPerson(t, db, n, "某公司", "董事长"))
	}
	newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1),
		map[string][]store.Person{"理事长": {zhang}, "副理事长": deputies})
	_, v := openOrg(t, db)

	name, export := v.rosterExport(exportRoster)
	if want := "理事会名单_" + kit.FileDate(store.Today()) + ".xlsx"; name != want {
		t.Errorf("file name = %q, want %q", name, want)
	}
	path := filepath.Join(t.TempDir(), name)
	export(path)
	var names []string
	for _, r := range sheetRows(t, path, xlsx.RosterSheet) {
		if len(r) > 1 && r[1] != "" {
			names = append(names, store.CleanName(r[1]))
		}
	}
	if want := []string{"张成刚", "王威", "赵立成", "韩峰"}; !slices.Equal(names, want) {
		t.Errorf("names in 名单 = %q, want %q", names, want)
	}

	_, export = v.rosterExport(exportTable)
	path = filepath.Join(t.TempDir(), "table.xlsx")
	export(path)
	rows := sheetRows(t, path, xlsx.RosterTableSheet)
	if len(rows) < 6 || !slices.Equal(rows[2][:5], []string{"1", "理事长", "张成刚", "淄博市工业学校", "副校长"}) ||
		rows[3][2] != "王威" || rows[5][2] != "韩峰" {
		t.Errorf("table rows = %q", rows)
	}
}

func sheetRows(t *testing.T, path, sheet string) [][]string {
	return xlsxtest.ReadSheet(t, path, sheet)
}

// writeRosterFile writes an import file: a header row and data rows.
func writeRosterFile(t *testing.T, rows [][]any) string {
	t.Helper()
	text := make([][]string, len(rows))
	for i, r := range rows {
		for _, v := range r {
			text[i] = append(text[i], fmt.Sprint(v))
		}
	}
	return xlsxtest.WriteSheet(t, text)
}

// TestOrgImportRoster: a file with an error is previewed and writes
// nothing; a correct one adds its seats and people when confirmed.
func TestOrgImportRoster(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	b := newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), nil)
	_, v := openOrg(t, db)
	header := []any{"职位", "姓名", "单位", "职务"}
	bad := writeRosterFile(t, [][]any{header,
		{"理事", "王伟", "山东兔巴哥置地有限公司", "董事长"},
		{"理事", "", "山东锐博化工有限公司", "董事长"}})
	v.importRoster(bad, v.body().Clone())
	p := v.preview
	if p == nil || !p.plan.HasErrors() || p.Confirm != nil || !strings.Contains(p.Notice.Text, "不会写入任何数据") {
		t.Fatalf("preview of a file with an error: %+v", p)
	}
	if cells := tableRows(p.Table); len(cells) != 2 || cells[1][1] != "错误" || !strings.Contains(cells[1][4], "姓名") {
		t.Errorf("preview rows = %q", cells)
	}
	test.Tap(p.Close)
	if people, _ := db.People(context.Background()); len(people) != 0 || storedSeats(t, db, b.ID) != 0 {
		t.Fatalf("a file with an error wrote %d people, %d seats", len(people), storedSeats(t, db, b.ID))
	}

	good := writeRosterFile(t, [][]any{header,
		{"理事", "王伟", "山东兔巴哥置地有限公司", "董事长"},
		{"理事", "张志梅", "山东锐博化工有限公司", "董事长"}})
	v.importRoster(good, v.body().Clone())
	p = v.preview
	if p == nil || p.Confirm == nil || p.Confirm.Disabled() {
		t.Fatalf("preview of a good file has no 确认导入: %+v", p)
	}
	tap(t, p.Confirm)
	if got := rosterNames(v); !slices.Equal(got, []string{"理事 王伟", "理事 张志梅"}) {
		t.Errorf("roster after import = %q", got)
	}
}
