package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// chooseImportFile asks for an .xlsx file and imports it.
func (v *membersView) chooseImportFile() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			v.app.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		v.lastDir = filepath.Dir(path)
		v.doImport(path)
	}, v.app.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".XLSX"}))
	v.startIn(fd)
	fd.Show()
}

// startIn sizes a file dialog so long Chinese file names are readable and
// opens it in the folder of the last file used.
func (v *membersView) startIn(fd *dialog.FileDialog) {
	fd.Resize(fyne.NewSize(960, 620))
	if v.lastDir == "" {
		return
	}
	if dir, err := storage.ListerForURI(storage.NewFileURI(v.lastDir)); err == nil {
		fd.SetLocation(dir)
	}
}

// doImport reads and plans the file in the background, then shows the
// preview. Nothing is written until the clerk confirms it.
func (v *membersView) doImport(path string) {
	var plan *store.ImportPlan
	v.app.runInBackground("正在读取导入文件", func(progress func(float64)) error {
		rows, err := xlsx.ReadMembersFile(path)
		if err != nil {
			return err
		}
		progress(0.5)
		existing, err := v.app.store.Members()
		if err != nil {
			return err
		}
		progress(0.7)
		plan = store.PlanImport(existing, rows, time.Now())
		progress(1)
		return nil
	}, func(err error) {
		if err != nil {
			v.app.showError(err)
			return
		}
		v.showImportPreview(path, plan)
	})
}

// importPreview is the dialog listing every row of a planned import.
type importPreview struct {
	plan    *store.ImportPlan
	rows    []int // the plan rows listed: all, or only those with problems
	dlg     dialog.Dialog
	table   *widget.Table
	summary *widget.Label
	notice  *widget.Label // why nothing will be written, if so
	detail  *widget.Label // the full problems of the row selected
	confirm *widget.Button
	close   *widget.Button
}

// importColumns are the preview's columns and widths.
var importColumns = []struct {
	title string
	width float32
}{{"行号", 60}, {"操作", 70}, {"单位名称", 250}, {"错误与提示", 520}}

func (v *membersView) showImportPreview(path string, plan *store.ImportPlan) {
	p := &importPreview{plan: plan}
	p.summary = widget.NewLabel(importSummaryText(plan))
	p.detail = wrapLabel("")
	p.notice = wrapLabel("")
	p.notice.Importance = widget.DangerImportance
	p.table = p.newTable()
	p.listRows(false)
	onlyProblems := widget.NewCheck(msg.T("只看有错误或提示的行"), p.listRows)
	p.close = widget.NewButton(msg.T("关闭"), func() { p.dlg.Hide(); v.preview = nil })
	buttons := container.NewHBox(layout.NewSpacer(), p.close)
	if plan.HasErrors() {
		p.notice.SetText(msg.T("文件中有错误，不会写入任何数据。请在 Excel 中改正标为“错误”的行后重新导入。"))
	} else {
		p.notice.Hide()
		p.close.SetText(msg.T("取消"))
		p.confirm = widget.NewButton(msg.T("确认导入"), func() { p.dlg.Hide(); v.preview = nil; v.applyImport(plan) })
		p.confirm.Importance = widget.HighImportance
		if len(plan.Rows) == 0 {
			p.confirm.Disable()
		}
		buttons.Add(p.confirm)
	}
	top := container.NewVBox(container.NewBorder(nil, nil, nil, onlyProblems, p.summary), p.notice)
	bottom := container.NewVBox(p.detail, buttons)
	content := container.NewBorder(top, bottom, nil, nil, p.table)
	title := msg.Tf("导入预览：%s", filepath.Base(path))
	p.dlg = dialog.NewCustomWithoutButtons(title, content, v.app.win)
	p.dlg.Resize(fyne.NewSize(980, 600))
	v.preview = p
	p.dlg.Show()
}

func (p *importPreview) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(p.rows), len(importColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := &p.plan.Rows[p.rows[id.Row]]
			l.SetText(importCellText(r, id.Col))
			l.Importance = importRowImportance(r)
		})
	t.ShowHeaderRow = true
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(msg.T(importColumns[id.Col].title))
		}
	}
	for i, c := range importColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		r := &p.plan.Rows[p.rows[id.Row]]
		p.detail.SetText(msg.Tf("第%d行", r.Row) + " " + r.Name + "：" + rowProblems(r))
	}
	return t
}

// listRows lists every row, or only those with errors or warnings: in a
// file of hundreds of rows the clerk looks for the few to correct.
func (p *importPreview) listRows(onlyProblems bool) {
	p.rows = p.rows[:0]
	for i, r := range p.plan.Rows {
		if !onlyProblems || len(r.Errors)+len(r.Warnings) > 0 {
			p.rows = append(p.rows, i)
		}
	}
	p.table.UnselectAll()
	p.detail.SetText("")
	p.table.Refresh()
}

// importCellText is one cell of the preview.
func importCellText(r *store.PlanRow, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(r.Row)
	case 1:
		return msg.T(string(r.Action))
	case 2:
		return r.Name
	}
	return rowProblems(r)
}

// rowProblems lists a row's errors, then its warnings, each naming its
// field; the row number is in its own column.
func rowProblems(r *store.PlanRow) string {
	var parts []string
	for _, list := range [][]*store.FieldError{r.Errors, r.Warnings} {
		for _, fe := range list {
			c := *fe
			c.Row = 0
			parts = append(parts, msg.FieldError(&c))
		}
	}
	if len(parts) == 0 && r.Action == store.RowUpdate && len(r.Changed) > 0 {
		names := make([]string, len(r.Changed))
		for i, f := range r.Changed {
			names[i] = msg.T(string(f))
		}
		return msg.T("更新：") + strings.Join(names, msg.T("、"))
	}
	return strings.Join(parts, msg.T("；"))
}

func importRowImportance(r *store.PlanRow) widget.Importance {
	switch {
	case len(r.Errors) > 0:
		return widget.DangerImportance
	case len(r.Warnings) > 0:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// importSummaryText totals the rows: 共 12 行：新增 8、更新 2、无变化 1、错误 1；3 行有提示.
func importSummaryText(plan *store.ImportPlan) string {
	s := plan.Summary()
	errs := 0
	for _, r := range plan.Rows {
		if r.Action == store.RowError {
			errs++
		}
	}
	return msg.Tf("共 %d 行：新增 %d、更新 %d、无变化 %d、错误 %d；%d 行有提示",
		len(plan.Rows), s.New, s.Updated, s.Unchanged, errs, s.Warnings)
}

// applyImport writes a plan without errors, in the background.
func (v *membersView) applyImport(plan *store.ImportPlan) {
	var sum store.ImportSummary
	v.app.runInBackground("正在导入", func(progress func(float64)) error {
		var err error
		sum, err = v.app.store.ApplyImport(plan)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			v.app.showError(err)
			return
		}
		v.app.dataChanged()
		dialog.ShowInformation(msg.T("导入完成"),
			msg.Tf("新增 %d 家，更新 %d 家，无变化 %d 家。", sum.New, sum.Updated, sum.Unchanged), v.app.win)
	})
}
