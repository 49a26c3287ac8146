package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// formDialog is a modal form that stays open until its save succeeds: the
// store's verdict (a duplicate, a date before the last change) is shown
// next to the field it concerns, and the clerk corrects it in place. Enter
// in any field saves, Esc cancels, Tab goes through the fields in order.
type formDialog struct {
	app     *App
	forms   []*widget.Form // side by side; fields are added to the last
	save    *widget.Button
	cancel  *widget.Button
	problem *widget.Label // the store's error, in words, above the buttons
	entries []formEntry
	byField map[store.Field]formEntry
	// valid adds checks the entries cannot make on their own.
	valid   func() bool
	onSave  func() error
	dlg     dialog.Dialog
	content fyne.CanvasObject
	oldKey  func(*fyne.KeyEvent)
}

func (a *App) newFormDialog(saveText string, onSave func() error) *formDialog {
	d := &formDialog{app: a, forms: []*widget.Form{widget.NewForm()}, onSave: onSave, byField: map[store.Field]formEntry{}}
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Hide()
	d.save = widget.NewButtonWithIcon(msg.T(saveText), theme.ConfirmIcon(), d.submit)
	d.save.Importance = widget.HighImportance
	d.cancel = widget.NewButtonWithIcon(msg.T("取消"), theme.CancelIcon(), d.close)
	return d
}

// formEntry is a text field of the dialog: its entry, and the widget the
// form shows and focuses (the entry itself, or the date field around it).
type formEntry struct {
	*keyEntry
	obj fyne.Focusable
}

// addEntry adds a text field. field says which store errors belong to it.
// Call it after setting the entry's own OnChanged.
func (d *formDialog) addEntry(label string, field store.Field, e *keyEntry) {
	d.wire(field, formEntry{e, e})
	d.form().Append(msg.T(label), e)
}

// addDate adds a date field; see addEntry.
func (d *formDialog) addDate(label string, field store.Field, e *dateEntry) {
	d.wire(field, formEntry{&e.keyEntry, e})
	d.form().Append(msg.T(label), e)
}

// form is the form fields are now added to.
func (d *formDialog) form() *widget.Form { return d.forms[len(d.forms)-1] }

// newColumn starts a second column of fields, so a long form fits a
// 768-pixel-high screen. Tab still goes down the first column first.
func (d *formDialog) newColumn() { d.forms = append(d.forms, widget.NewForm()) }

// lastItem is the item just added, to relabel it later.
func (d *formDialog) lastItem() *widget.FormItem {
	items := d.form().Items
	return items[len(items)-1]
}

// wire makes a field validate while typing, save on Enter, cancel on Esc.
func (d *formDialog) wire(field store.Field, f formEntry) {
	e := f.keyEntry
	if e.Validator == nil {
		e.Validator = func(string) error { return nil } // so store errors can be shown on it
	}
	changed := e.OnChanged
	e.OnChanged = func(s string) {
		if changed != nil {
			changed(s)
		}
		d.updateSave()
	}
	e.OnSubmitted = func(string) { d.submit() }
	e.onEscape = d.close
	d.entries = append(d.entries, f)
	if field != "" {
		d.byField[field] = f
	}
}

// addWidget adds a non-text field (a Select, a choice).
func (d *formDialog) addWidget(label string, w fyne.CanvasObject) {
	d.form().Append(msg.T(label), w)
}

// isValid checks every enabled field without marking untouched ones red.
func (d *formDialog) isValid() bool {
	for _, e := range d.entries {
		if !e.Disabled() && e.Validator(e.Text) != nil {
			return false
		}
	}
	return d.valid == nil || d.valid()
}

func (d *formDialog) updateSave() {
	if d.isValid() {
		d.save.Enable()
	} else {
		d.save.Disable()
	}
}

// show opens the dialog with the first field focused.
func (d *formDialog) show(title string) {
	w := d.app.win
	buttons := container.NewHBox(layout.NewSpacer(), d.cancel, d.save)
	cols := make([]fyne.CanvasObject, len(d.forms))
	for i, f := range d.forms {
		cols[i] = f
	}
	d.content = container.NewBorder(nil, container.NewVBox(d.problem, buttons), nil, nil,
		container.NewGridWithColumns(len(cols), cols...))
	d.dlg = dialog.NewCustomWithoutButtons(msg.T(title), d.content, w)
	d.fit()
	d.updateSave()
	d.oldKey = w.Canvas().OnTypedKey()
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.close()
		}
	})
	d.app.formDialogs = append(d.app.formDialogs, d)
	d.dlg.Show()
	if len(d.entries) > 0 {
		w.Canvas().Focus(d.entries[0].obj)
	}
}

// submit saves if the form is valid; otherwise it shows every problem.
func (d *formDialog) submit() {
	if !d.isValid() {
		for _, e := range d.entries {
			if !e.Disabled() {
				e.Validate()
			}
		}
		return
	}
	if err := d.onSave(); err != nil {
		d.showError(err)
		return
	}
	d.close()
}

// showError puts a store error next to its field and in words above the
// buttons; the dialog stays open.
func (d *formDialog) showError(err error) {
	d.problem.SetText(msg.Error(err))
	d.problem.Show()
	if fe, ok := store.AsFieldError(err); ok {
		if e, ok := d.byField[fe.Field]; ok {
			e.SetValidationError(fieldErrorText(fe))
			d.app.win.Canvas().Focus(e.obj)
		}
	}
	d.dlg.Refresh()
}

// close hides the dialog and gives Esc back to what had it before: the
// window, or the dialog this one was opened over (a person created from
// a seat dialog's picker).
func (d *formDialog) close() {
	i := slices.Index(d.app.formDialogs, d)
	if i < 0 {
		return
	}
	d.app.formDialogs = slices.Delete(d.app.formDialogs, i, i+1)
	d.app.win.Canvas().SetOnTypedKey(d.oldKey)
	d.dlg.Hide()
}

// isOpen reports whether the dialog is still on screen.
func (d *formDialog) isOpen() bool { return d != nil && slices.Contains(d.app.formDialogs, d) }

// fit resizes the dialog to its content: after it is first laid out (a
// wrapped hint is measured at its real width only then), and after a part
// of it was shown or hidden (a person or a unit as holder).
func (d *formDialog) fit() {
	if d.dlg != nil {
		d.dlg.Resize(fyne.NewSize(float32(460*len(d.forms)), d.content.MinSize().Height+80))
	}
}
