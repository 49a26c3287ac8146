package indicators

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var tap = kittest.Tap

// openIndicators builds a desk on s with this section and shows it.
func openIndicators(t *testing.T, s store.Store) (*kittest.Desk, *Section) {
	t.Helper()
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section {
		v = New(sh)
		return []kit.Section{v}
	})
	a.OpenSection("指标报送")
	return a, v
}

// lastYear is the year the section opens on.
func lastYear() int { return store.Today().Year() - 1 }

// twoUnits records a college and a company in the register since 2020,
// and the catalogue of last year.
func twoUnits(t *testing.T, s store.Store) (college, company store.Member, c store.Catalogue) {
	t.Helper()
	college = kittest.AddMember(t, s, "潍坊职业学院", "高职院校", kittest.JoinEvent(kittest.Day(2020, 3, 1), "理事单位"))
	company = kittest.AddMember(t, s, "潍坊化工有限公司", "企业", kittest.JoinEvent(kittest.Day(2020, 3, 1), "理事单位"))
	c, err := s.StartCatalogue(context.Background(), lastYear())
	if err != nil {
		t.Fatal(err)
	}
	return college, company, c
}

// storedValue is the unit's stored value of code last year.
func storedValue(t *testing.T, s store.Store, m store.Member, code string) (float64, bool) {
	t.Helper()
	vs, err := s.UnitValues(context.Background(), lastYear())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.MemberID == m.ID {
			return v.Value(code)
		}
	}
	return 0, false
}

// column is the grid column of code.
func column(t *testing.T, v *Section, code string) int {
	t.Helper()
	for i, ind := range v.data.cols {
		if ind.Code == code {
			return i + 1
		}
	}
	t.Fatalf("no column %s", code)
	return 0
}

// row is the grid row of the member.
func row(t *testing.T, v *Section, m store.Member) int {
	t.Helper()
	for i := range v.data.members {
		if v.data.members[i].ID == m.ID {
			return i
		}
	}
	t.Fatalf("no row %s", m.Name)
	return 0
}

// typeCell chooses a cell, types into it as a clerk does and presses Enter.
func typeCell(t *testing.T, v *Section, r, c int, text string) {
	t.Helper()
	v.grid.table.Select(widget.TableCellID{Row: r, Col: c})
	v.grid.table.TypedRune([]rune(text)[0])
	test.Type(v.grid.entry, string([]rune(text)[1:]))
	v.grid.entry.TypedKey(&fyneEnter)
}
