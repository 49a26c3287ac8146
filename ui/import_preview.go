package ui

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

// previewFrame is the dialog every import previews its file in (member
// units, rosters), so the clerk learns one way of reading them: a summary,
// a notice (why nothing will be written, or where it goes), every row with
// its problems in colour, the problems of the selected row in full, and
// 关闭 — or 取消 and 确认导入 when the file has no errors.
type previewFrame struct {
	rows    previewRows
	dlg     dialog.Dialog
	table   *widget.Table
	summary *widget.Label
	notice  *widget.Label
	detail  *widget.Label
	confirm *widget.Button // nil until offer
	close   *widget.Button
	buttons *fyne.Container
	onClose func() // the preview is off screen, whichever button closed it
}

// previewRows is what a frame lists.
type previewRows struct {
	columns []textColumn // headers in Chinese, translated by the frame
	count   func() int
	cell    func(row, col int) string
	// about is a row's Excel row number, name, problems and how grave
	// they are, for its colour and the line under the table.
	about func(row int) (excelRow int, name, problems string, level widget.Importance)
}

func newPreviewFrame(rows previewRows, summary string, onClose func()) *previewFrame {
	f := &previewFrame{rows: rows, onClose: onClose}
	f.summary = widget.NewLabel(summary)
	f.detail = wrapLabel("")
	f.notice = wrapLabel("")
	f.notice.Importance = widget.DangerImportance
	f.table = f.newTable()
	f.close = widget.NewButton(msg.T("关闭"), f.hide)
	f.buttons = container.NewHBox(layout.NewSpacer(), f.close)
	return f
}

func (f *previewFrame) newTable() *widget.Table {
	cols := make([]textColumn, len(f.rows.columns))
	for i, c := range f.rows.columns {
		cols[i] = textColumn{msg.T(c.header), c.width}
	}
	t := newTextTable(cols, f.rows.count, f.rows.cell)
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		_, _, _, l.Importance = f.rows.about(id.Row)
		l.SetText(f.rows.cell(id.Row, id.Col))
	}
	t.OnSelected = func(id widget.TableCellID) {
		n, name, problems, _ := f.rows.about(id.Row)
		f.detail.SetText(msg.Tf("第%d行", n) + " " + name + "：" + problems)
	}
	return t
}

// refuse says nothing will be written: the file has errors.
func (f *previewFrame) refuse() {
	f.notice.SetText(msg.T("文件中有错误，不会写入任何数据。请在 Excel 中改正标为“错误”的行后重新导入。"))
}

// offer adds 确认导入, which closes the preview and calls apply; notice
// says where the rows go ("" for nothing to say). canApply false leaves
// it disabled: a file with nothing new changes nothing.
func (f *previewFrame) offer(notice string, canApply bool, apply func()) {
	f.notice.SetText(notice)
	f.notice.Importance = widget.MediumImportance
	showIf(f.notice, notice != "")
	f.close.SetText(msg.T("取消"))
	f.confirm = widget.NewButton(msg.T("确认导入"), func() { f.hide(); apply() })
	f.confirm.Importance = widget.HighImportance
	if !canApply {
		f.confirm.Disable()
	}
	f.buttons.Add(f.confirm)
}

// show opens the preview of the file at path; beside, if not nil, goes to
// the right of the summary (a filter).
func (f *previewFrame) show(w fyne.Window, path string, beside fyne.CanvasObject) {
	head := fyne.CanvasObject(f.summary)
	if beside != nil {
		head = container.NewBorder(nil, nil, nil, beside, f.summary)
	}
	content := container.NewBorder(container.NewVBox(head, f.notice),
		container.NewVBox(f.detail, f.buttons), nil, nil, f.table)
	f.dlg = dialog.NewCustomWithoutButtons(msg.Tf("导入预览：%s", filepath.Base(path)), content, w)
	f.dlg.Resize(fyne.NewSize(980, 600))
	f.dlg.Show()
}

func (f *previewFrame) hide() {
	f.dlg.Hide()
	f.onClose()
}

// problemsText lists a row's errors, then its warnings, each naming its
// field; the row number is in its own column.
func problemsText(errs, warnings []*store.FieldError) string {
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

// problemLevel colours a row: red with errors, orange with warnings.
func problemLevel(errs, warnings int) widget.Importance {
	switch {
	case errs > 0:
		return widget.DangerImportance
	case warnings > 0:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
