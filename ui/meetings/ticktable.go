package meetings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tickTable is the table of invitees, made for ticking at the door with
// one hand on the keyboard: it takes the focus when clicked (or when its
// tab is opened), Up and Down move the selected row, and a digit is
// handed to onDigit for that row; Enter to onEnter. Fyne's table only
// moves a focus marker with the arrows and selects with Space; a clerk
// wants the row itself to move.
type tickTable struct {
	widget.Table
	rows    func() int
	row     int // the selected row, -1 if none
	onRow   func(row int)
	onDigit func(row int, digit rune)
	onEnter func(row int)
}

// TypedKey moves the selection with the arrows (Page keys by ten).
func (t *tickTable) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		t.move(1)
	case fyne.KeyUp:
		t.move(-1)
	case fyne.KeyPageDown:
		t.move(10)
	case fyne.KeyPageUp:
		t.move(-10)
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.row >= 0 && t.onEnter != nil {
			t.onEnter(t.row)
		}
	default:
		t.Table.TypedKey(k)
	}
}

// TypedRune ticks the selected row. Digits arrive here (not as keys), so
// the number row and the keypad both work.
func (t *tickTable) TypedRune(r rune) {
	if r >= '0' && r <= '9' && t.row >= 0 && t.row < t.rows() {
		t.onDigit(t.row, r)
	}
}

// move selects the row delta away from the selected one (the first row
// if none is selected), staying inside the table.
func (t *tickTable) move(delta int) {
	n := t.rows()
	if n == 0 {
		return
	}
	row := t.row + delta
	if t.row < 0 {
		row = 0
	}
	t.selectRow(max(0, min(n-1, row)))
}

// selectRow selects row in the name column and scrolls to it.
func (t *tickTable) selectRow(row int) {
	t.Select(widget.TableCellID{Row: row, Col: colName})
}
