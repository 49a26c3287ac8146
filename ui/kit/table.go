package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// TextColumn is one column of a read-only text table: its header and its
// width.
type TextColumn struct {
	Header string
	Width  float32
}

// NewTextTable builds a virtualised read-only table of single-line text
// cells with a header row; headers are shown as given (translated by the
// caller). rows is called for the row count, cell for the text of one
// cell; long text is cut with an ellipsis so every row keeps one line's
// height and thousands of rows scroll smoothly.
func NewTextTable(cols []TextColumn, rows func() int, cell func(row, col int) string) *widget.Table {
	t := &widget.Table{}
	SetUpTextTable(t, cols, rows, cell)
	t.ExtendBaseWidget(t)
	return t
}

// SetUpTextTable makes t (a table embedded in a widget of the caller's,
// which then calls ExtendBaseWidget) a text table as NewTextTable does.
func SetUpTextTable(t *widget.Table, cols []TextColumn, rows func() int, cell func(row, col int) string) {
	t.Length = func() (int, int) { return rows(), len(cols) }
	t.CreateCell = func() fyne.CanvasObject {
		return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		SetCellText(o.(*widget.Label), cell(id.Row, id.Col))
	}
	t.ShowHeaderRow = true
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].Header)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
}

// AuditCell is one cell of an audit row: 时间, 操作, 记录 (its kind),
// 操作人 (the clerk and PC, "li@office-1"), 摘要. The summary is stored as
// written at the time, in Chinese.
func AuditCell(e store.AuditEntry, col int) string {
	switch col {
	case 0:
		return Clock(e.Time)
	case 1:
		return msg.Action(e.Action)
	case 2:
		return msg.Kind(e.Kind)
	case 3:
		return e.By()
	}
	return e.Summary
}

// AuditByWidth is the width of the 操作人 column: a clerk's login and a
// PC's host name ("li@office-1", "Administrator@DESKTOP-…") are short, and
// a longer one is cut with an ellipsis.
const AuditByWidth = 170

// Col is a column: Col(msg.T("时间"), 140).
func Col(header string, width float32) TextColumn { return TextColumn{Header: header, Width: width} }
