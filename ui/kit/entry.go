package kit

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// KeyEntry is an Entry that also reports Escape: Fyne's dialogs do not
// close on Esc by themselves, and a clerk expects them to.
type KeyEntry struct {
	widget.Entry
	OnEscape func()
	// OnShortcut, if set, is offered every shortcut first and reports
	// whether it took it: a form that saves on Ctrl+Enter from any field.
	OnShortcut func(fyne.Shortcut) bool
	// TabMovesFocus makes Tab go on to the next field from a multi-line
	// entry too, as from the one-line fields of a form typed through
	// with the keyboard; a tab character is rarely what a clerk means.
	TabMovesFocus bool
}

func NewKeyEntry() *KeyEntry {
	e := &KeyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *KeyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}

func (e *KeyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.OnShortcut != nil && e.OnShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// AcceptsTab keeps Tab for the text only in a multi-line entry that has
// not been told to move on with it.
func (e *KeyEntry) AcceptsTab() bool { return e.MultiLine && !e.TabMovesFocus }

// IsCtrlEnter reports Ctrl+Enter (Cmd+Enter on a Mac): save from any
// field of a form typed through with the keyboard.
func IsCtrlEnter(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		c.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
}

// TextEntry is a one-line field holding text, validated by check if set.
func TextEntry(text string, check func(string) error) *KeyEntry {
	e := NewKeyEntry()
	e.SetText(text)
	e.Validator = check
	return e
}

// DateEntry is a date field: it accepts 2024-03-01, 2024年3月1日, 2024.3.1
// (store.ParseDate), and its calendar button picks a day with the mouse.
type DateEntry struct {
	KeyEntry
	OnDate   func(store.Date) // called with each valid date typed or picked
	popUp    *widget.PopUp
	calendar *widget.Calendar
}

// NewDateEntry starts at d; required makes an empty field invalid.
func NewDateEntry(d store.Date, required bool) *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("2024-03-01")
	e.Validator = func(s string) error { _, err := ParseDateField(s, required); return err }
	e.OnChanged = func(s string) {
		if d, err := ParseDateField(s, required); err == nil && !d.IsZero() && e.OnDate != nil {
			e.OnDate(d)
		}
	}
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	pick.Importance = widget.LowImportance
	e.ActionItem = pick
	e.SetText(d.String())
	return e
}

// ParseDateField reads a typed date; the error text is the clerk's.
func ParseDateField(s string, required bool) (store.Date, error) {
	if s == "" {
		if required {
			return store.Date{}, FieldProblem(store.FieldDate, store.ProblemRequired)
		}
		return store.Date{}, nil
	}
	d, err := store.ParseDate(s)
	if err != nil {
		return d, FieldProblem(store.FieldDate, store.ProblemBadDate)
	}
	return d, nil
}

// Date is the field's day, zero if empty or invalid.
func (e *DateEntry) Date() store.Date {
	d, _ := store.ParseDate(e.Text)
	return d
}

func (e *DateEntry) SetDate(d store.Date) { e.SetText(d.String()) }

func (e *DateEntry) showCalendar() {
	start := Today().Time()
	if d := e.Date(); !d.IsZero() {
		start = d.Time()
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	e.calendar = widget.NewCalendar(start, func(t time.Time) {
		e.popUp.Hide()
		e.SetDate(store.DateOf(t))
	})
	e.popUp = widget.NewPopUp(e.calendar, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

// FieldError is an error whose text is what msg.FieldError says, for an
// entry's validation status: live validation and store errors read the
// same.
func FieldError(fe *store.FieldError) error { return errors.New(msg.FieldError(fe)) }

// FieldProblem is FieldError for a problem without detail.
func FieldProblem(f store.Field, p store.Problem) error {
	return FieldError(&store.FieldError{Field: f, Problem: p})
}

// Check makes one of the store's field checks (store.CheckName,
// store.CheckEmail …) an entry's Validator: the form then says exactly
// what the store would say on saving, worded by msg in the language
// chosen.
func Check(check func(string) error) func(string) error {
	return func(s string) error { return StoreError(check(s)) }
}

// StoreError is the store's verdict err as an entry's validation status:
// a *store.FieldError as msg.FieldError words it (never its raw Chinese
// Error text), any other error as msg.Error does; nil stays nil.
func StoreError(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(msg.Error(err))
}

// Today is the day the window takes as today: the default of every date
// field, the day the register and rosters open on, and the day a step's
// date is checked against. It is the one place the window reads the
// calendar. The store checks the same dates against its own clock, which
// in the program is the same wall clock (store.Options.Now is time.Now);
// tests replace store.Today.
func Today() store.Date { return store.Today() }

// CheckEventDate is the Validator of a life-cycle step's date: required,
// a date, and not later than today, as store.CheckEventDate says.
func CheckEventDate(s string) error {
	d, err := ParseDateField(s, true)
	if err != nil {
		return err
	}
	return StoreError(store.CheckEventDate(d, Today()))
}

// EnumSelect is a form's Select over an enumeration, showing translated
// names.
type EnumSelect[T ~string] struct {
	*widget.Select
	values []T
}

func NewEnumSelect[T ~string](values []T, initial T) *EnumSelect[T] {
	names := make([]string, len(values))
	for i, val := range values {
		names[i] = msg.T(string(val))
	}
	s := &EnumSelect[T]{Select: widget.NewSelect(names, nil), values: values}
	for i, val := range values {
		if val == initial {
			s.SetSelectedIndex(i)
		}
	}
	return s
}

// Value is the chosen value, "" if none.
func (s *EnumSelect[T]) Value() T {
	if i := s.SelectedIndex(); i >= 0 {
		return s.values[i]
	}
	return ""
}

// NewFilterSelect is a filter over an enumeration above a list: the first
// option, allText, means no filter; the others are the values, translated.
func NewFilterSelect[T ~string](allText string, values []T, changed func(T)) *widget.Select {
	names := []string{msg.T(allText)}
	for _, val := range values {
		names = append(names, msg.T(string(val)))
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	sel.OnChanged = func(string) {
		var val T
		if i := sel.SelectedIndex(); i > 0 {
			val = values[i-1]
		}
		changed(val)
	}
	return sel
}
