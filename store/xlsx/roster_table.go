package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// Sheet names of the roster tables.
const (
	RosterTableSheet = "名单表"
	UnitListSheet    = "成员单位名单"
)

// RosterTableHeaders are the plain roster table's columns. The 职务 column
// is the position on the body and 职务/职称 the title at the unit: the
// same words the seed uses, which ReadRoster tells apart (see there), so a
// table exported here imports again.
var RosterTableHeaders = []string{"序号", "职务", "姓名", "单位", "职务/职称", "联系电话"}

// rosterTableWidths fit an A4 landscape page with the title on one line.
var rosterTableWidths = []float64{6, 14, 10, 44, 34, 18}

// UnitListHeaders are the columns of a 共同体's member-unit list.
var UnitListHeaders = []string{"序号", "单位名称", "单位类型"}

var unitListWidths = []float64{8, 56, 16}

// RosterTableTitle is the plain table's title: the 名单 title with the
// term and the day, which the table has no other line for.
func RosterTableTitle(group string, r *store.Roster) string {
	t := RosterTitle(group, r.Body) + "（"
	if r.Term != nil {
		t += r.Term.Name() + "，"
	}
	return t + "截至" + r.AsOf.Chinese() + "）"
}

// UnitListTitle is "<机构名称>成员单位名单", as 附件3 heads each 共同体.
func UnitListTitle(b *store.Body) string {
	name := ""
	if b != nil {
		name = store.CleanText(b.Name)
	}
	return name + "成员单位名单"
}

// ExportRosterTable writes the roster as a plain bordered table, one row
// per holder with phone numbers: the secretariat's working copy, and the
// form a roster is imported in.
func ExportRosterTable(path string, r RosterExport) error {
	return exportBook(path, "名单表", func(f *excelize.File) error { return writeRosterTable(f, &r) })
}

func writeRosterTable(f *excelize.File, r *RosterExport) error {
	sw, st, err := tableSheet(f, RosterTableSheet, landscape)
	if err != nil {
		return err
	}
	err = streamHead(sw, st, RosterTableTitle(r.GroupName, &r.Roster), RosterTableHeaders, rosterTableWidths)
	if err != nil {
		return err
	}
	row, n := make([]any, len(RosterTableHeaders)), 0
	for _, s := range r.sections() {
		for _, l := range s.Lines {
			n++
			phone := l.Phone
			if r.MaskPhones {
				phone = store.MaskPhone(phone)
			}
			row[0] = excelize.Cell{StyleID: st.center, Value: n}
			row[1] = st.textCell(l.Position)
			row[2] = st.textCell(l.Name)
			row[3] = st.textCell(l.Unit)
			row[4] = st.textCell(l.Title)
			row[5] = st.textCell(phone)
			h := wrapHeight(11, []string{"", l.Position, l.Name, l.Unit, l.Title, phone}, rosterTableWidths)
			if err := sw.SetRow(fmt.Sprintf("A%d", n+2), row, excelize.RowOpts{Height: h}); err != nil {
				return err
			}
		}
	}
	if r.Roster.ByStrokes() && n > 1 {
		if err := tableNote(sw, st, n+3, len(RosterTableHeaders), "注：同一职务内排名不分先后，按姓氏笔画排序。"); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// ExportUnitList writes the member units of a body — a 共同体 as 附件3
// lists them — as a table of 序号, 单位名称, 单位类型. Only unit seats are
// listed; people on the body are not.
func ExportUnitList(path string, r RosterExport) error {
	return exportBook(path, "成员单位名单", func(f *excelize.File) error { return writeUnitList(f, &r) })
}

func writeUnitList(f *excelize.File, r *RosterExport) error {
	sw, st, err := tableSheet(f, UnitListSheet, portrait)
	if err != nil {
		return err
	}
	if err := streamHead(sw, st, UnitListTitle(r.Roster.Body), UnitListHeaders, unitListWidths); err != nil {
		return err
	}
	n := 0
	for _, s := range r.sections() {
		for _, l := range s.Lines {
			if !l.IsUnit {
				continue
			}
			n++
			unit := PrintText(l.Unit)
			row := []any{excelize.Cell{StyleID: st.center, Value: n}, st.textCell(unit), st.textCell(string(l.UnitType))}
			h := wrapHeight(11, []string{"", unit}, unitListWidths)
			if err := sw.SetRow(fmt.Sprintf("A%d", n+2), row, excelize.RowOpts{Height: h}); err != nil {
				return err
			}
		}
	}
	if err := tableNote(sw, st, n+3, len(UnitListHeaders), unitListNote(&r.Roster, n)); err != nil {
		return err
	}
	return sw.Flush()
}

// unitListNote is the line under the list: the ordering (附件3 heads each
// 共同体 "排名不分先后"), the day and the count.
func unitListNote(r *store.Roster, n int) string {
	s := "注："
	if r.ByStrokes() && n > 1 {
		s += "排名不分先后，按单位名称笔画排序。"
	}
	return s + fmt.Sprintf("截至%s，共%d家。", r.AsOf.Chinese(), n)
}

// tableSheet names the first sheet, registers the shared styles, sets up
// printing with the title and header rows repeated, and starts streaming.
func tableSheet(f *excelize.File, sheet, orientation string) (*excelize.StreamWriter, *sheetStyles, error) {
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return nil, nil, err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return nil, nil, err
	}
	if err := printSetup(f, sheet, orientation, "$1:$2"); err != nil {
		return nil, nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	return sw, st, err
}

// tableNote writes a note across the table's width on row, below it.
func tableNote(sw *excelize.StreamWriter, st *sheetStyles, row, cols int, text string) error {
	a := fmt.Sprintf("A%d", row)
	last, _ := excelize.CoordinatesToCellName(cols, row)
	if err := sw.MergeCell(a, last); err != nil {
		return err
	}
	return sw.SetRow(a, []any{excelize.Cell{StyleID: st.note, Value: text}}, excelize.RowOpts{Height: 20})
}
