package org

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	day             = kittest.Day
	joinEvent       = kittest.JoinEvent
	addMember       = kittest.AddMember
	newPerson       = kittest.NewPerson
	newBodyWithTerm = kittest.NewBodyWithTerm
	bodyWithSeats   = kittest.BodyWithSeats
	storedSeats     = kittest.StoredSeats
	tap             = kittest.Tap
	typeInto        = kittest.TypeInto
	chooseIn        = kittest.ChooseIn
	tableRows       = kittest.TableRows
	textsIn         = kittest.TextsIn
	validationText  = kittest.ValidationText
	saveDialog      = kittest.Save
)

// openOrg builds a desk on s with this section, shows it and waits for
// the first load.
func openOrg(t *testing.T, s store.Store) (*kittest.Desk, *Section) {
	t.Helper()
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section {
		v = New(sh)
		return []kit.Section{v}
	})
	a.OpenSection("组织机构")
	return a, v
}

// rosterNames is the 姓名 column of the roster table as drawn, with the
// position: "副理事长 王威".
func rosterNames(v *Section) []string {
	var out []string
	for _, r := range tableRows(v.rosterPane.table) {
		out = append(out, r[1]+" "+r[2])
	}
	return out
}

// The search fields of the pickers in a seat dialog, by what they say.
const (
	personSearch = "输入姓名、单位或职务查找"
	unitSearch   = "输入单位名称查找"
)

// pickPerson types query into the person picker shown in dialog d (the
// holder's, or the representative's when a unit holds the seat) and picks
// the first person it lists with Enter, as a clerk does.
func pickPerson(t *testing.T, d *kit.FormDialog, query string) {
	t.Helper()
	search := kittest.EntryWithPlaceHolder(t, d.Content(), personSearch)
	search.SetText("")
	test.Type(search, query)
	search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !chosen(d, query) {
		t.Fatalf("picker did not choose %q: %q", query, kittest.ShownTexts(d.Content()))
	}
}

// pickUnit types query into the unit chooser of dialog d and picks the
// first unit it lists.
func pickUnit(t *testing.T, d *kit.FormDialog, query string) {
	t.Helper()
	search := kittest.EntryWithPlaceHolder(t, d.Content(), unitSearch)
	test.Type(search, query)
	search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// chosen reports whether the dialog says name is chosen (已选：name …).
func chosen(d *kit.FormDialog, name string) bool {
	return slices.ContainsFunc(kittest.ShownTexts(d.Content()), func(s string) bool {
		return strings.HasPrefix(s, "已选："+name)
	})
}

// selectSeat selects the roster row of the person named.
func selectSeat(t *testing.T, v *Section, name string) {
	t.Helper()
	for i, l := range v.lines {
		if l.Name == name || (l.IsUnit && l.Unit == name) {
			v.rosterPane.table.Select(widget.TableCellID{Row: i, Col: 2})
			return
		}
	}
	t.Fatalf("%s is not on the roster", name)
}

// setAsOfField types a day into the roster's 截至日期 field.
func setAsOfField(v *Section, d string) { v.rosterPane.asOf.SetText(d) }
