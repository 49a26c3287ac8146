package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/ui/msg"
)

// textColumn is one column of a read-only text table: its header, already
// translated, and its width.
type textColumn struct {
	header string
	width  float32
}

// newTextTable builds a virtualised read-only table of single-line text
// cells with a header row. rows is called for the row count, cell for the
// text of one cell; long text is cut with an ellipsis so every row keeps
// one line's height and thousands of rows scroll smoothly.
func newTextTable(cols []textColumn, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(cell(id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].header)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// clockText is a moment as the audit log shows it, in the PC's local time.
func clockText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// kindText is a record kind for display; entries about the file itself
// (settings, upgrades) have none.
func kindText(kind string) string {
	if kind == "" {
		return "—"
	}
	return msg.T(kind)
}
