package people

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	day            = kittest.Day
	joinEvent      = kittest.JoinEvent
	addMember      = kittest.AddMember
	addPerson      = kittest.AddPerson
	bodyWithSeats  = kittest.BodyWithSeats
	tap            = kittest.Tap
	typeInto       = kittest.TypeInto
	tableRows      = kittest.TableRows
	textsIn        = kittest.TextsIn
	validationText = kittest.ValidationText
)

// tabSection puts the tab on a desk as the org section does.
type tabSection struct{ tab *Tab }

func (s *tabSection) Title() string            { return "人员" }
func (s *tabSection) Icon() fyne.Resource      { return theme.AccountIcon() }
func (s *tabSection) Build() fyne.CanvasObject { return s.tab.View() }
func (s *tabSection) Watches() []store.Kind    { return Kinds }
func (s *tabSection) Refresh()                 { s.tab.Refresh() }

// openPeople builds a desk on s showing the 人员 tab after its first load.
func openPeople(t *testing.T, s store.Store) (*kittest.Desk, *Tab) {
	t.Helper()
	var v *Tab
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section {
		v = New(sh)
		return []kit.Section{&tabSection{v}}
	})
	a.OpenSection("人员")
	return a, v
}

// selectPersonRow selects the row of the table whose name is name.
func selectPersonRow(t *testing.T, v *Tab, name string) {
	t.Helper()
	for r, row := range tableRows(v.table) {
		if row[pcolName] == name {
			v.table.Select(widget.TableCellID{Row: r, Col: pcolName})
			return
		}
	}
	t.Fatalf("no row for %s in %v", name, tableRows(v.table))
}
