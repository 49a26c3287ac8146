package xlsx

import (
	"archive/zip"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
	"testing"

	"github.com/secdesk/secdesk/store"
)

func TestWriteTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	must(t, WriteTemplate(path))
	f := book(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, []string{TemplateSheet, templateNotesSheet}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(TemplateSheet)
	must(t, err)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want header and example", len(rows))
	}
	var fields []store.Field
	for i, h := range rows[0] {
		fields = append(fields, headerIndex[headerKey(h)])
		if fields[i] != templateColumns[i].field {
			t.Errorf("header %q is read as %q", h, fields[i])
		}
	}
	for _, want := range []store.Field{store.FieldName, store.FieldCreditCode, store.FieldType, store.FieldTier,
		store.FieldProvince, store.FieldCity, store.FieldAddress, store.FieldContact, store.FieldPhone, store.FieldEmail,
		store.FieldNote, store.FieldJoinDate, store.FieldBasis, store.FieldExitDate, store.FieldExitKind,
		store.FieldExitReason, store.FieldCodeReason} {
		if !slices.Contains(fields, want) {
			t.Errorf("template has no %s column", want)
		}
	}
	assertTemplateValidations(t, path)
	panes, err := f.GetPanes(TemplateSheet)
	must(t, err)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	for _, col := range []string{"B", "I", "K", "M"} { // code, phone, dates: text
		id, err := f.GetColStyle(TemplateSheet, col)
		must(t, err)
		if s, _ := f.GetStyle(id); s == nil || s.NumFmt != numFmtText {
			t.Errorf("column %s is not text-formatted", col)
		}
	}
	if w, _ := f.GetColWidth(TemplateSheet, "A"); w != 36 {
		t.Errorf("width A = %v", w)
	}
	assertTemplateImports(t, path)
}

func assertTemplateValidations(t *testing.T, path string) {
	t.Helper()
	f := book(t, path)
	dvs, err := f.GetDataValidations(TemplateSheet)
	must(t, err)
	want := map[string][]string{
		"C2:C3001": enumStrings(store.UnitTypes),
		"D2:D3001": enumStrings(store.Tiers),
		"N2:N3001": enumStrings(store.ExitKinds),
	}
	if len(dvs) != len(want) {
		t.Fatalf("%d validations, want %d", len(dvs), len(want))
	}
	for _, dv := range dvs {
		list, ok := want[dv.Sqref]
		if !ok || dv.Type != "list" {
			t.Errorf("unexpected validation %s %s", dv.Sqref, dv.Type)
			continue
		}
		if got := strings.Trim(dv.Formula1, `"`); got != strings.Join(list, ",") {
			t.Errorf("%s list %q", dv.Sqref, got)
		}
	}
}

// assertTemplateImports reads the template back: the example row is
// skipped as it stands, and once its mark is removed it is a valid new unit,
// so a clerk who fills the template in the same way gets no errors.
func assertTemplateImports(t *testing.T, path string) {
	t.Helper()
	rows, err := ReadMembersFile(path)
	must(t, err)
	if len(rows) != 0 {
		t.Fatalf("the example row was read: %+v", rows)
	}
	f, err := excelize.OpenFile(path)
	must(t, err)
	sheet := f.GetSheetName(0)
	name, _ := f.GetCellValue(sheet, "A2")
	must(t, f.SetCellValue(sheet, "A2", strings.TrimPrefix(name, ExampleMark)))
	must(t, f.Save())
	rows, err = ReadMembersFile(path)
	must(t, err)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if r.Row != 2 || r.Member.CreditCode != "91512081MA62K0260E" || r.Member.Type != "企业" || r.Tier != "理事单位" ||
		!r.JoinDate.Equal(d(2023, 7, 18)) || r.Member.Name != "某某化工股份有限公司" {
		t.Errorf("example row %+v", r)
	}
	plan := store.PlanImport(nil, rows, planNow)
	if pr := plan.Rows[0]; pr.Action != store.RowNew || len(pr.Errors)+len(pr.Warnings) > 0 {
		t.Errorf("example row plans as %s", describe(pr))
	}
}

// TestStreamColsAscending checks the raw XML of the streamed register:
// Excel refuses <col> elements out of order.
func TestStreamColsAscending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.xlsx")
	must(t, ExportRegister(path, RegisterExport{AsOf: d(2023, 1, 1)}))
	z, err := zip.OpenReader(path)
	must(t, err)
	defer z.Close()
	rc, err := z.Open("xl/worksheets/sheet1.xml")
	must(t, err)
	b, err := io.ReadAll(rc)
	must(t, err)
	s := string(b)
	last := -1
	for i := range RegisterHeaders {
		at := strings.Index(s, `<col min="`+string(rune('1'+i))+`"`)
		if at < last {
			t.Fatalf("column %d out of order in %s", i+1, s[strings.Index(s, "<cols>"):strings.Index(s, "</cols>")])
		}
		last = at
	}
}
