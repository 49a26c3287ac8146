package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/ui/kit"
)

// rowTable is a virtualised table of one-line cells over a background
// colour, that opens the row selected on a double click or on Enter.
type rowTable struct {
	widget.Table
	open func()
}

// newRowTable makes a table of cols; fill sets one cell (text and
// colour, through setColorCell).
func newRowTable(cols []kit.TextColumn, rows func() int, fill func(row, col int, o fyne.CanvasObject), open func()) *rowTable {
	t := &rowTable{open: open}
	kit.SetUpTextTable(&t.Table, cols, rows, func(int, int) string { return "" })
	t.CreateCell = newColorCell
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { fill(id.Row, id.Col, o) }
	t.ExtendBaseWidget(t)
	return t
}

// DoubleTapped selects the row under the pointer (a double tap is not
// also a tap), then opens it.
func (t *rowTable) DoubleTapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	if t.open != nil {
		t.open()
	}
}

func (t *rowTable) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && t.open != nil {
		t.open()
		return
	}
	t.Table.TypedKey(k)
}
