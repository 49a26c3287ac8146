package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// keyEntry is an Entry that also reports Escape: Fyne's dialogs do not
// close on Esc by themselves, and a clerk expects them to.
type keyEntry struct {
	widget.Entry
	onEscape func()
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// dateEntry is a date field: it accepts 2024-03-01, 2024年3月1日, 2024.3.1
// (store.ParseDate), and its calendar button picks a day with the mouse.
type dateEntry struct {
	keyEntry
	onDate   func(store.Date) // called with each valid date typed or picked
	popUp    *widget.PopUp
	calendar *widget.Calendar
}

// newDateEntry starts at d; required makes an empty field invalid.
func newDateEntry(d store.Date, required bool) *dateEntry {
	e := &dateEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("2024-03-01")
	e.Validator = func(s string) error { _, err := parseDateField(s, required); return err }
	e.OnChanged = func(s string) {
		if d, err := parseDateField(s, required); err == nil && !d.IsZero() && e.onDate != nil {
			e.onDate(d)
		}
	}
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	pick.Importance = widget.LowImportance
	e.ActionItem = pick
	e.SetText(d.String())
	return e
}

// parseDateField reads a typed date; the error text is the clerk's.
func parseDateField(s string, required bool) (store.Date, error) {
	if s == "" {
		if required {
			return store.Date{}, fieldProblem(store.FieldDate, store.ProblemRequired)
		}
		return store.Date{}, nil
	}
	d, err := store.ParseDate(s)
	if err != nil {
		return d, fieldProblem(store.FieldDate, store.ProblemBadDate)
	}
	return d, nil
}

// date is the field's day, zero if empty or invalid.
func (e *dateEntry) date() store.Date {
	d, _ := store.ParseDate(e.Text)
	return d
}

func (e *dateEntry) setDate(d store.Date) { e.SetText(d.String()) }

func (e *dateEntry) showCalendar() {
	start := time.Now()
	if d := e.date(); !d.IsZero() {
		start = d.Time()
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	e.calendar = widget.NewCalendar(start, func(t time.Time) {
		e.popUp.Hide()
		e.setDate(store.DateOf(t))
	})
	e.popUp = widget.NewPopUp(e.calendar, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

// fieldProblem is a validation error whose text is what msg.FieldError
// says, so live validation and store errors read the same.
func fieldProblem(f store.Field, p store.Problem) error {
	return errors.New(msg.FieldError(&store.FieldError{Field: f, Problem: p}))
}

// fieldErrorText is an error made of msg.FieldError's text, for an entry's
// validation status.
func fieldErrorText(fe *store.FieldError) error { return errors.New(msg.FieldError(fe)) }

// choiceSelect is a Select over an enumeration, showing translated names.
type choiceSelect[T ~string] struct {
	*widget.Select
	values []T
}

func newEnumSelect[T ~string](values []T, initial T) *choiceSelect[T] {
	names := make([]string, len(values))
	for i, val := range values {
		names[i] = msg.T(string(val))
	}
	s := &choiceSelect[T]{Select: widget.NewSelect(names, nil), values: values}
	for i, val := range values {
		if val == initial {
			s.SetSelectedIndex(i)
		}
	}
	return s
}

// value is the chosen value, "" if none.
func (s *choiceSelect[T]) value() T {
	if i := s.SelectedIndex(); i >= 0 {
		return s.values[i]
	}
	return ""
}
