package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
)

// openMembers builds the window on s, shows 成员单位 and waits for the
// first load.
func openMembers(t *testing.T, s store.Store) (*App, *membersView) {
	return openView[membersView](t, s, "成员单位")
}

// openView builds the window on s, shows the section titled title and
// waits for its first load; the section's root must be a viewPanel[V].
func openView[V any](t *testing.T, s store.Store, title string) (*App, *V) {
	t.Helper()
	a := newDeskWindow(t, s)
	panel, ok := openSection(t, a, title).(*viewPanel[V])
	if !ok {
		t.Fatalf("%s section does not hold the expected view", title)
	}
	a.waitIdle()
	return a, panel.view
}

// memberRows reads the visible rows of the members table as drawn:
// ⚠ for a flagged row in the first column, then the cell texts.
func memberRows(v *membersView) [][]string {
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
func memberNames(v *membersView) []string {
	var out []string
	for _, r := range memberRows(v) {
		out = append(out, r[colName])
	}
	return out
}

// tap taps a toolbar button, failing if it is disabled.
func tap(t *testing.T, b *widget.Button) {
	t.Helper()
	if b.Disabled() {
		t.Fatalf("button %q is disabled", b.Text)
	}
	test.Tap(b)
}

// openDialog returns the form dialog now open.
func openDialog(t *testing.T, v *membersView) *formDialog {
	t.Helper()
	if v.app.topDialog() == nil {
		t.Fatal("no dialog is open")
	}
	return v.app.topDialog()
}

// typeInto types text into the dialog's field for f, as a clerk would,
// after clearing it.
func typeInto(t *testing.T, d *formDialog, f store.Field, text string) {
	t.Helper()
	e, ok := d.byField[f]
	if !ok {
		t.Fatalf("dialog has no field %s", f)
	}
	e.SetText("")
	test.Type(e.keyEntry, text)
}

// chooseIn picks option in the dialog's Select labelled label.
func chooseIn(t *testing.T, d *formDialog, label, option string) {
	t.Helper()
	formWidget[*widget.Select](t, d, label).SetSelected(option)
}

// formWidget finds the dialog's widget of type W labelled label.
func formWidget[W fyne.CanvasObject](t *testing.T, d *formDialog, label string) W {
	t.Helper()
	for _, f := range d.forms {
		for _, it := range f.Items {
			if w, ok := it.Widget.(W); ok && it.Text == label {
				return w
			}
		}
	}
	var zero W
	t.Fatalf("dialog has no %T labelled %q", zero, label)
	return zero
}

// validationText is the entry's live validation message, "" if valid.
func validationText(d *formDialog, f store.Field) string {
	e := d.byField[f]
	if err := e.Validator(e.Text); err != nil {
		return err.Error()
	}
	return ""
}

// textsIn lists every text drawn inside o: labels and canvas texts (a
// form's messages under its fields are canvas texts).
func textsIn(o fyne.CanvasObject) []string {
	var out []string
	walkObjects(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		}
	})
	return out
}
