package members

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	addMember      = kittest.AddMember
	joinEvent      = kittest.JoinEvent
	tap            = kittest.Tap
	typeInto       = kittest.TypeInto
	chooseIn       = kittest.ChooseIn
	validationText = kittest.ValidationText
	textsIn        = kittest.TextsIn
)

// openMembers builds a desk on s with this section, shows it and waits
// for the first load.
func openMembers(t *testing.T, s store.Store) (*kittest.Desk, *Section) {
	t.Helper()
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section {
		v = New(sh)
		return []kit.Section{v}
	})
	a.OpenSection("成员单位")
	return a, v
}

// memberRows reads the visible rows of the members table as drawn:
// ⚠ for a flagged row in the first column, then the cell texts.
func memberRows(v *Section) [][]string {
	rows, cols := v.table.Length()
	cell := v.table.CreateCell()
	out := make([][]string, rows)
	for r := range rows {
		out[r] = make([]string, cols)
		for c := range cols {
			v.table.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			stack := cell.(*fyne.Container)
			out[r][c] = stack.Objects[0].(*widget.Label).Text
			if stack.Objects[1].(*widget.Icon).Resource != nil {
				out[r][c] = "⚠"
			}
		}
	}
	return out
}

// memberNames is the name column of the visible rows.
func memberNames(v *Section) []string {
	var out []string
	for _, r := range memberRows(v) {
		out = append(out, r[colName])
	}
	return out
}
