package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// RegisterSheet is the sheet name of the exported register.
const RegisterSheet = "成员单位名册"

// RegisterHeaders are the register's columns.
var RegisterHeaders = []string{"序号", "单位名称", "单位类型", "会员类别", "城市", "联系人", "联系电话", "加入日期"}

// registerWidths are the column widths in characters, chosen so a typical
// row fits on one line of an A4 landscape page; long names wrap.
var registerWidths = []float64{6, 42, 12, 14, 10, 10, 16, 16}

// RegisterExport is what ExportRegister prints: the register as of a day.
type RegisterExport struct {
	GroupName string
	AsOf      store.Date
	// Entries is store.Register(members, AsOf), in the order printed.
	Entries []store.RegisterEntry
	// MaskPhones hides the middle of every phone number (138****1234), for
	// copies that leave the secretariat.
	MaskPhones bool
}

// RegisterTitle is the title printed above the register.
func RegisterTitle(group string, asOf store.Date) string {
	return fmt.Sprintf("%s成员单位名册（截至%s）", groupName(group), asOf.Chinese())
}

// ExportRegister writes the print-ready 成员单位名册 to path. The rows are
// streamed, so a register of 10,000 units stays small in memory.
func ExportRegister(path string, r RegisterExport) error {
	return exportBook(path, "成员单位名册", func(f *excelize.File) error { return writeRegister(f, &r) })
}

func writeRegister(f *excelize.File, r *RegisterExport) error {
	sw, st, err := tableSheet(f, RegisterSheet, landscape)
	if err != nil {
		return err
	}
	if err := streamHead(sw, st, RegisterTitle(r.GroupName, r.AsOf), RegisterHeaders, registerWidths); err != nil {
		return err
	}
	row := make([]any, len(RegisterHeaders))
	for i, e := range r.Entries {
		m := e.Member
		phone := m.Phone
		if r.MaskPhones {
			phone = store.MaskPhone(phone)
		}
		row[0] = excelize.Cell{StyleID: st.center, Value: i + 1}
		row[1] = st.textCell(m.Name)
		row[2] = st.textCell(string(m.Type))
		row[3] = st.textCell(string(e.State.Tier))
		row[4] = st.textCell(m.City)
		row[5] = st.textCell(m.Contact)
		row[6] = st.textCell(phone)
		row[7] = st.dateCell(e.State.JoinedOn)
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, row, registerRowOpts(m.Name)...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// registerRowOpts gives a row whose unit name wraps the height of its
// lines: Excel grows such rows itself, but LibreOffice and some WPS
// versions print them one line high with the name cut off.
func registerRowOpts(name string) []excelize.RowOpts {
	oneLine := wrapHeight(bodyPt, []string{""}, registerWidths)
	if h := wrapHeight(bodyPt, []string{"", name}, registerWidths); h > oneLine {
		return []excelize.RowOpts{{Height: h}}
	}
	return nil
}

// streamHead writes the column widths, the merged title row and the
// header row of a streamed table, and freezes the panes below them so the
// header stays in view while scrolling.
func streamHead(sw *excelize.StreamWriter, st *sheetStyles, title string, headers []string, widths []float64) error {
	// Set from the last column back: the stream writer puts each new
	// column first, and Excel wants the <col> elements in ascending order
	// (it "repairs" the file otherwise).
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(headers), 1)
	if err := sw.MergeCell("A1", last); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	hdr := make([]any, len(headers))
	for i, h := range headers {
		hdr[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return sw.SetRow("A2", hdr, excelize.RowOpts{Height: 24})
}
