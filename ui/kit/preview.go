package kit

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// PreviewFrame is the dialog every import previews its file in (member
// units, rosters), so the clerk learns one way of reading them: a summary,
// a notice (why nothing will be written, or where it goes), every row with
// its problems in colour, the problems of the selected row in full, and
// 关闭 — or 取消 and 确认导入 when the file has no errors.
type PreviewFrame struct {
	rows    PreviewRows
	dlg     dialog.Dialog
	Table   *widget.Table
	Summary *widget.Label
	Notice  *widget.Label
	Detail  *widget.Label
	Confirm *widget.Button // nil until Offer
	Close   *widget.Button
	buttons *fyne.Container
	onClose func() // the preview is off screen, whichever button closed it
}

// PreviewRows is what a frame lists.
type PreviewRows struct {
	Columns []TextColumn // headers in Chinese, translated by the frame
	Count   func() int
	Cell    func(row, col int) string
	// About is a row's Excel row number, name, problems and how grave
	// they are, for its colour and the line under the table.
	About func(row int) (excelRow int, name, problems string, level widget.Importance)
}

func NewPreviewFrame(rows PreviewRows, summary string, onClose func()) *PreviewFrame {
	f := &PreviewFrame{rows: rows, onClose: onClose}
	f.Summary = widget.NewLabel(summary)
	f.Detail = Wrap("")
	f.Notice = Wrap("")
	f.Notice.Importance = widget.DangerImportance
	f.Table = f.newTable()
	f.Close = widget.NewButton(msg.T("关闭"), f.hide)
	f.buttons = container.NewHBox(layout.NewSpacer(), f.Close)
	return f
}

func (f *PreviewFrame) newTable() *widget.Table {
	cols := make([]TextColumn, len(f.rows.Columns))
	for i, c := range f.rows.Columns {
		cols[i] = TextColumn{msg.T(c.Header), c.Width}
	}
	t := NewTextTable(cols, f.rows.Count, f.rows.Cell)
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		_, _, _, l.Importance = f.rows.About(id.Row)
		l.SetText(f.rows.Cell(id.Row, id.Col))
	}
	t.OnSelected = func(id widget.TableCellID) {
		n, name, problems, _ := f.rows.About(id.Row)
		f.Detail.SetText(msg.Tf("第%d行", n) + " " + name + "：" + problems)
	}
	return t
}

// Refuse says nothing will be written: the file has errors.
func (f *PreviewFrame) Refuse() {
	f.Notice.SetText(msg.T("文件中有错误，不会写入任何数据。请在 Excel 中改正标为“错误”的行后重新导入。"))
}

// Offer adds 确认导入, which closes the preview and calls apply; notice
// says where the rows go ("" for nothing to say). canApply false leaves
// it disabled: a file with nothing new changes nothing.
func (f *PreviewFrame) Offer(notice string, canApply bool, apply func()) {
	f.Notice.SetText(notice)
	f.Notice.Importance = widget.MediumImportance
	ShowIf(f.Notice, notice != "")
	f.Close.SetText(msg.T("取消"))
	f.Confirm = widget.NewButton(msg.T("确认导入"), func() { f.hide(); apply() })
	f.Confirm.Importance = widget.HighImportance
	if !canApply {
		f.Confirm.Disable()
	}
	f.buttons.Add(f.Confirm)
}

// Show opens the preview of the file at path; beside, if not nil, goes to
// the right of the summary (a filter).
func (f *PreviewFrame) Show(w fyne.Window, path string, beside fyne.CanvasObject) {
	head := fyne.CanvasObject(f.Summary)
	if beside != nil {
		head = container.NewBorder(nil, nil, nil, beside, f.Summary)
	}
	content := container.NewBorder(container.NewVBox(head, f.Notice),
		container.NewVBox(f.Detail, f.buttons), nil, nil, f.Table)
	f.dlg = dialog.NewCustomWithoutButtons(msg.Tf("导入预览：%s", filepath.Base(path)), content, w)
	f.dlg.Resize(fyne.NewSize(980, 600))
	f.dlg.Show()
}

func (f *PreviewFrame) hide() {
	f.dlg.Hide()
	f.onClose()
}

// ProblemsText lists a row's errors, then its warnings, each naming its
// field; the row number is in its own column.
func ProblemsText(errs, warnings []*store.FieldError) string {
	var parts []string
	for _, list := range [][]*store.FieldError{errs, warnings} {
		for _, fe := range list {
			c := *fe
			c.Row = 0
			parts = append(parts, msg.FieldError(&c))
		}
	}
	return strings.Join(parts, msg.T("；"))
}

// ProblemLevel colours a row: red with errors, orange with warnings.
func ProblemLevel(errs, warnings int) widget.Importance {
	switch {
	case errs > 0:
		return widget.DangerImportance
	case warnings > 0:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
