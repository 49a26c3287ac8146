package kittest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
)

// Walk visits o and everything drawn inside it, through the widgets' own
// (cached) renderers.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			Walk(child, visit)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			Walk(child, visit)
		}
	}
}

// walkShown is Walk over what is on screen: a hidden object and what is
// inside it are left out.
func walkShown(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walkShown(child, visit)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			walkShown(child, visit)
		}
	}
}

// ObjectsOf returns every object of type T inside o, in drawing order.
func ObjectsOf[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	Walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(T); ok {
			out = append(out, x)
		}
	})
	return out
}

// ShownOf is ObjectsOf for the objects on screen only.
func ShownOf[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	walkShown(o, func(c fyne.CanvasObject) {
		if x, ok := c.(T); ok {
			out = append(out, x)
		}
	})
	return out
}

// Button finds the button on screen with the given text inside o.
func Button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range ShownOf[*widget.Button](o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// Tap taps a button, failing if it is disabled.
func Tap(t *testing.T, b *widget.Button) {
	t.Helper()
	if b.Disabled() {
		t.Fatalf("button %q is disabled", b.Text)
	}
	test.Tap(b)
}

// TapButton taps the button labelled text inside o.
func TapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	Tap(t, Button(t, o, text))
}

// EntryWithPlaceHolder finds the entry on screen inside o whose place
// holder is text (a search field).
func EntryWithPlaceHolder(t *testing.T, o fyne.CanvasObject, text string) *widget.Entry {
	t.Helper()
	for _, w := range ShownOf[fyne.Widget](o) {
		var e *widget.Entry
		switch x := w.(type) {
		case *widget.Entry:
			e = x
		case *kit.KeyEntry:
			e = &x.Entry
		}
		if e != nil && e.PlaceHolder == text {
			return e
		}
	}
	t.Fatalf("no entry %q", text)
	return nil
}

// TableRows reads every data cell of a table the way it draws them: a
// cell's label, or the first label inside a cell made of several objects
// (a coloured background behind its text).
func TableRows(tb *widget.Table) [][]string {
	rows, cols := tb.Length()
	out := make([][]string, rows)
	cell := tb.CreateCell()
	for r := range rows {
		out[r] = make([]string, cols)
		for c := range cols {
			tb.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			out[r][c] = cellText(cell)
		}
	}
	return out
}

func cellText(cell fyne.CanvasObject) string {
	if l, ok := cell.(*widget.Label); ok {
		return l.Text
	}
	if labels := ObjectsOf[*widget.Label](cell); len(labels) > 0 {
		return labels[0].Text
	}
	return ""
}

// OnlyTable returns the one table inside o.
func OnlyTable(t *testing.T, o fyne.CanvasObject) *widget.Table {
	t.Helper()
	tables := ObjectsOf[*widget.Table](o)
	if len(tables) != 1 {
		t.Fatalf("found %d tables, want 1", len(tables))
	}
	return tables[0]
}

// ListLines reads a list of labels as drawn.
func ListLines(l *widget.List) []string {
	var out []string
	item := l.CreateItem()
	for i := range l.Length() {
		l.UpdateItem(i, item)
		out = append(out, item.(*widget.Label).Text)
	}
	return out
}

// TextsIn lists every text drawn inside o: labels and canvas texts (a
// form's messages under its fields are canvas texts).
func TextsIn(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		}
	})
	return out
}

// LabelTexts lists the texts of the labels inside o, in drawing order.
func LabelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range ObjectsOf[*widget.Label](o) {
		out = append(out, l.Text)
	}
	return out
}

// ShownTexts are the texts of the labels inside o that are on screen.
func ShownTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range ShownOf[*widget.Label](o) {
		out = append(out, l.Text)
	}
	return out
}

// Form dialogs.

// TypeInto types text into the dialog's field for f, as a clerk would,
// after clearing it.
func TypeInto(t *testing.T, d *kit.FormDialog, f store.Field, text string) {
	t.Helper()
	e := d.Field(f)
	if e == nil {
		t.Fatalf("dialog has no field %s", f)
	}
	e.SetText("")
	test.Type(e, text)
}

// ChooseIn picks option in the dialog's Select labelled label.
func ChooseIn(t *testing.T, d *kit.FormDialog, label, option string) {
	t.Helper()
	FormWidget[*widget.Select](t, d, label).SetSelected(option)
}

// ChooseRadio picks option in the dialog's radio group labelled label.
func ChooseRadio(t *testing.T, d *kit.FormDialog, label, option string) {
	t.Helper()
	FormWidget[*widget.RadioGroup](t, d, label).SetSelected(option)
}

// FormItem finds the dialog's item labelled label.
func FormItem(t *testing.T, d *kit.FormDialog, label string) *widget.FormItem {
	t.Helper()
	for _, f := range d.Forms() {
		for _, it := range f.Items {
			if it.Text == label {
				return it
			}
		}
	}
	t.Fatalf("dialog has no item %q", label)
	return nil
}

// FormWidget finds the dialog's widget of type W labelled label.
func FormWidget[W fyne.CanvasObject](t *testing.T, d *kit.FormDialog, label string) W {
	t.Helper()
	for _, f := range d.Forms() {
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

// ValidationText is the live validation message of the field for f, ""
// if valid.
func ValidationText(d *kit.FormDialog, f store.Field) string {
	e := d.Field(f)
	if err := e.Validator(e.Text); err != nil {
		return err.Error()
	}
	return ""
}

// Save taps 保存 and fails if the dialog stays open.
func Save(t *testing.T, d *kit.FormDialog) {
	t.Helper()
	Tap(t, d.SaveButton())
	if d.IsOpen() {
		t.Fatalf("dialog still open: %q", d.Problem())
	}
}
