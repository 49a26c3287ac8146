package kit

import (
	"errors"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// FormDialog is a modal form that stays open until its save succeeds: the
// store's verdict (a duplicate, a date before the last change) is shown
// next to the field it concerns, and the clerk corrects it in place. Enter
// in any field saves, Esc cancels, Tab goes through the fields in order.
// The store is written off the UI thread, with 保存 disabled meanwhile.
type FormDialog struct {
	sh      Shell
	forms   []*widget.Form // side by side; fields are added to the last
	save    *widget.Button
	cancel  *widget.Button
	problem *widget.Label // the store's error, in words, above the buttons
	// reload appears when the save was refused because someone else
	// changed the record meanwhile: it closes the dialog and shows the
	// record as it is now.
	reload  *widget.Button
	entries []formEntry
	byField map[store.Field]formEntry
	// valid adds checks the entries cannot make on their own.
	valid   func() bool
	onSave  SaveFunc
	saving  bool // a save is being written
	open    bool
	dlg     dialog.Dialog
	content fyne.CanvasObject
	oldKey  func(*fyne.KeyEvent)
}

// SaveFunc is what 保存 does, in three parts. It runs on the UI thread and
// reads the fields; err refuses at once (a Body method's verdict), shown
// in the dialog. Otherwise write runs in the background (the store call):
// its error is shown in the dialog, which stays open. If it succeeds the
// dialog closes and after (if not nil) runs on the UI thread.
type SaveFunc func() (write func() error, after func(), err error)

// FormDialogShown, if set, is told of every form dialog as it opens. It is
// for tests only (kittest finds the dialog on top with it); production
// code leaves it nil.
var FormDialogShown func(*FormDialog)

// NewFormDialog starts a dialog whose save button says saveText (Chinese,
// translated here).
func NewFormDialog(sh Shell, saveText string, onSave SaveFunc) *FormDialog {
	d := &FormDialog{sh: sh, forms: []*widget.Form{widget.NewForm()}, onSave: onSave, byField: map[store.Field]formEntry{}}
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Hide()
	d.save = widget.NewButtonWithIcon(msg.T(saveText), theme.ConfirmIcon(), d.submit)
	d.save.Importance = widget.HighImportance
	d.cancel = widget.NewButtonWithIcon(msg.T("取消"), theme.CancelIcon(), d.Close)
	d.reload = widget.NewButtonWithIcon(msg.T("重新载入"), theme.ViewRefreshIcon(), nil)
	d.reload.Hide()
	return d
}

// formEntry is a text field of the dialog: its entry, and the widget the
// form shows and focuses (the entry itself, or the date field around it).
type formEntry struct {
	*KeyEntry
	obj fyne.Focusable
}

// AddEntry adds a text field. field says which store errors belong to it.
// Call it after setting the entry's own OnChanged.
func (d *FormDialog) AddEntry(label string, field store.Field, e *KeyEntry) {
	d.wire(field, formEntry{e, e})
	d.form().Append(msg.T(label), e)
}

// AddDate adds a date field; see AddEntry.
func (d *FormDialog) AddDate(label string, field store.Field, e *DateEntry) {
	d.wire(field, formEntry{&e.KeyEntry, e})
	d.form().Append(msg.T(label), e)
}

// AddWidget adds a non-text field (a Select, a choice, a picker).
func (d *FormDialog) AddWidget(label string, w fyne.CanvasObject) {
	d.form().Append(msg.T(label), w)
}

// Alias shows the store's errors about field at the field to: a date the
// store names 日期 is the form's 加入日期.
func (d *FormDialog) Alias(field, to store.Field) { d.byField[field] = d.byField[to] }

func (d *FormDialog) form() *widget.Form { return d.forms[len(d.forms)-1] }

// RefreshForm redraws the column being filled (after relabelling an item).
func (d *FormDialog) RefreshForm() { d.form().Refresh() }

// NewColumn starts a second column of fields, so a long form fits a
// 768-pixel-high screen. Tab still goes down the first column first.
func (d *FormDialog) NewColumn() { d.forms = append(d.forms, widget.NewForm()) }

// LastItem is the item just added, to relabel it later.
func (d *FormDialog) LastItem() *widget.FormItem {
	items := d.form().Items
	return items[len(items)-1]
}

// SetValid adds a check the entries cannot make (a Select chosen).
func (d *FormDialog) SetValid(valid func() bool) { d.valid = valid }

// wire makes a field validate while typing, save on Enter, cancel on Esc.
func (d *FormDialog) wire(field store.Field, f formEntry) {
	e := f.KeyEntry
	if e.Validator == nil {
		e.Validator = func(string) error { return nil } // so store errors can be shown on it
	}
	changed := e.OnChanged
	e.OnChanged = func(s string) {
		if changed != nil {
			changed(s)
		}
		d.UpdateSave()
	}
	e.OnSubmitted = func(string) { d.submit() }
	e.OnEscape = d.Close
	d.entries = append(d.entries, f)
	if field != "" {
		d.byField[field] = f
	}
}

// isValid checks every enabled field without marking untouched ones red.
func (d *FormDialog) isValid() bool {
	for _, e := range d.entries {
		if !e.Disabled() && e.Validator(e.Text) != nil {
			return false
		}
	}
	return d.valid == nil || d.valid()
}

// UpdateSave enables 保存 when the form is valid and no save is in flight.
func (d *FormDialog) UpdateSave() {
	if !d.saving && d.isValid() && !d.reload.Visible() {
		d.save.Enable()
	} else {
		d.save.Disable()
	}
}

// Show opens the dialog with the first field focused.
func (d *FormDialog) Show(title string) {
	w := d.sh.Window()
	buttons := container.NewHBox(layout.NewSpacer(), d.reload, d.cancel, d.save)
	cols := make([]fyne.CanvasObject, len(d.forms))
	for i, f := range d.forms {
		cols[i] = f
	}
	d.content = container.NewBorder(nil, container.NewVBox(d.problem, buttons), nil, nil,
		container.NewGridWithColumns(len(cols), cols...))
	d.dlg = dialog.NewCustomWithoutButtons(msg.T(title), d.content, w)
	d.Fit()
	d.UpdateSave()
	d.oldKey = w.Canvas().OnTypedKey()
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.Close()
		}
	})
	d.open = true
	if FormDialogShown != nil {
		FormDialogShown(d)
	}
	d.dlg.Show()
	if len(d.entries) > 0 {
		w.Canvas().Focus(d.entries[0].obj)
	}
}

// submit saves if the form is valid; otherwise it shows every problem.
func (d *FormDialog) submit() {
	if d.saving {
		return
	}
	if !d.isValid() {
		for _, e := range d.entries {
			if !e.Disabled() {
				e.Validate()
			}
		}
		return
	}
	write, after, err := d.onSave()
	if err != nil {
		d.ShowError(err)
		return
	}
	d.saving = true
	d.save.Disable()
	var werr error
	d.sh.Background(func() { werr = write() }, func() {
		d.saving = false
		switch {
		case werr != nil && d.open:
			d.ShowError(werr)
			d.UpdateSave()
		case werr != nil:
			d.sh.ShowError(werr) // the clerk cancelled meanwhile
		default:
			d.Close()
			if after != nil {
				after()
			}
		}
	})
}

// ShowError puts a store error next to its field and in words above the
// buttons; the dialog stays open.
func (d *FormDialog) ShowError(err error) {
	d.problem.SetText(msg.Error(err))
	d.problem.Show()
	var ce *store.ConflictError
	if errors.As(err, &ce) {
		d.offerReload(ce.Kind)
	}
	if fe, ok := store.AsFieldError(err); ok {
		if e, ok := d.byField[fe.Field]; ok {
			e.SetValidationError(FieldError(fe))
			d.sh.Window().Canvas().Focus(e.obj)
		}
	}
	d.dlg.Refresh()
}

// offerReload shows 重新载入 beside 保存: the clerk's edit was made on
// an older copy, so it is not saved over the newer one; reloading closes
// the dialog and refreshes what shows records of kind, and the clerk
// makes the change again on the record as it is now.
func (d *FormDialog) offerReload(kind store.Kind) {
	d.reload.OnTapped = func() {
		d.Close()
		d.sh.Changed(kind, uuid.Nil)
	}
	d.reload.Show()
	d.save.Disable()
}

// Close hides the dialog and gives Esc back to what had it before: the
// window, or the dialog this one was opened over (a person created from
// a seat dialog's picker).
func (d *FormDialog) Close() {
	if !d.open {
		return
	}
	d.open = false
	d.sh.Window().Canvas().SetOnTypedKey(d.oldKey)
	d.dlg.Hide()
}

// IsOpen reports whether the dialog is still on screen.
func (d *FormDialog) IsOpen() bool { return d != nil && d.open }

// Fit resizes the dialog to its content: after it is first laid out (a
// wrapped hint is measured at its real width only then), and after a part
// of it was shown or hidden (a person or a unit as holder).
func (d *FormDialog) Fit() {
	if d.dlg != nil {
		d.dlg.Resize(fyne.NewSize(float32(460*len(d.forms)), d.content.MinSize().Height+80))
	}
}

// What the dialog holds, for tests as a clerk sees it.

// Field is the entry the store's errors about f are shown at, or nil.
func (d *FormDialog) Field(f store.Field) *KeyEntry {
	if e, ok := d.byField[f]; ok {
		return e.KeyEntry
	}
	return nil
}

// Entries are the text fields in the order added.
func (d *FormDialog) Entries() []*KeyEntry {
	out := make([]*KeyEntry, len(d.entries))
	for i, e := range d.entries {
		out[i] = e.KeyEntry
	}
	return out
}

func (d *FormDialog) Forms() []*widget.Form        { return d.forms }
func (d *FormDialog) SaveButton() *widget.Button   { return d.save }
func (d *FormDialog) CancelButton() *widget.Button { return d.cancel }
func (d *FormDialog) Content() fyne.CanvasObject   { return d.content }

// Problem is the refusal shown above the buttons, "" if none.
func (d *FormDialog) Problem() string { return d.problem.Text }
