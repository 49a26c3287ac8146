package indicators

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// returnsTab is 填报情况: the open round, and per unit whether its
// return came in.
type returnsTab struct {
	v         *Section
	round     *widget.Label
	open      *widget.Button
	close     *widget.Button
	templates *widget.Button
	read      *widget.Button
	remind    *widget.Button
	count     *widget.Label
	table     *widget.Table
	view      fyne.CanvasObject
}

func newReturnsTab(v *Section) *returnsTab {
	r := &returnsTab{v: v, round: widget.NewLabel(""), count: widget.NewLabel("")}
	r.count.TextStyle.Bold = true
	r.open = kit.IconButton("开始填报", theme.MediaPlayIcon(), r.openRound)
	r.open.Importance = widget.HighImportance
	r.close = kit.IconButton("结束填报", theme.MediaStopIcon(), r.closeRound)
	r.templates = kit.IconButton("生成填报表", theme.FolderNewIcon(), r.chooseTemplates)
	r.read = kit.IconButton("导入填报表", theme.FolderOpenIcon(), r.chooseReturns)
	r.remind = kit.IconButton("导出催报名单", theme.ContentCopyIcon(), r.showReminders)
	cols := []kit.TextColumn{kit.Col(msg.T("成员单位"), 300), kit.Col(msg.T("类型"), 90), kit.Col(msg.T("状态"), 70),
		kit.Col(msg.T("填报表"), 360), kit.Col(msg.T("导入时间"), 140)}
	r.table = kit.NewTextTable(cols, r.rows, r.cell)
	bar := container.NewHBox(r.round, r.open, r.close, widget.NewSeparator(), r.templates, r.read, r.remind, layout.NewSpacer(), r.count)
	hint := kit.Hint(msg.T("生成填报表：每家成员单位一份 Excel，存入所选文件夹；收回后放入一个文件夹，导入填报表时逐份预览，有错误的文件不写入。"))
	r.view = container.NewBorder(container.NewVBox(bar, hint), nil, nil, nil, r.table)
	return r
}

func (r *returnsTab) apply(d *indData) {
	cr := d.openRound()
	filedOrNone := d.cat == nil || !d.cat.Filed.IsZero()
	kit.ShowIf(r.open, cr == nil && !filedOrNone)
	kit.ShowIf(r.close, cr != nil && !filedOrNone)
	for _, b := range []*widget.Button{r.templates, r.read, r.remind} {
		enable(b, cr != nil && !filedOrNone || b == r.remind && cr != nil)
	}
	if cr == nil {
		r.round.SetText(msg.T("本年度尚未开始填报。"))
		r.count.SetText("")
	} else {
		r.round.SetText(msg.Tf("第%d轮填报，%s开始（目录第%d版）", len(d.rounds), msg.Date(cr.Opened), cr.Version))
		n := len(d.members) - len(notReturned(d, cr.ID))
		r.count.SetText(msg.Tf("已交 %d / 共 %d 家", n, len(d.members)))
	}
	r.table.Refresh()
}

func (r *returnsTab) rows() int {
	if r.v.data == nil {
		return 0
	}
	return len(r.v.data.members)
}

func (r *returnsTab) cell(row, col int) string {
	d := r.v.data
	if d == nil || row >= len(d.members) {
		return ""
	}
	m := &d.members[row]
	var ret *store.Return
	if cr := d.openRound(); cr != nil {
		ret = d.returnOf(m.ID, cr.ID)
	}
	switch col {
	case 0:
		return m.Name
	case 1:
		return msg.T(string(m.Type))
	case 2:
		if d.openRound() == nil {
			return ""
		}
		if ret != nil {
			return msg.T("已交")
		}
		return msg.T("未交")
	case 3:
		if ret != nil {
			return ret.File
		}
	case 4:
		if ret != nil {
			return kit.Clock(ret.At)
		}
	}
	return ""
}

// notReturned are the units in the register that have not returned
// round r.
func notReturned(d *indData, r uuid.UUID) []store.Member {
	var out []store.Member
	for _, m := range d.members {
		if d.returnOf(m.ID, r) == nil {
			out = append(out, m)
		}
	}
	return out
}

func (r *returnsTab) openRound() {
	d := r.v.data
	if d == nil || d.cat == nil {
		return
	}
	s, ctx, year, today := r.v.sh.Store(), r.v.sh.Context(), d.year, kit.Today()
	kit.Write(r.v.sh, func() error { _, err := s.OpenRound(ctx, year, today); return err },
		func() { r.v.sh.Changed(store.KindRound, uuid.Nil) })
}

// closeRound ends the open round after the clerk confirms: returns are no
// longer read for it, and the dashboard stops counting it.
func (r *returnsTab) closeRound() {
	d := r.v.data
	if d == nil || d.openRound() == nil {
		return
	}
	s, ctx, year, today, sh := r.v.sh.Store(), r.v.sh.Context(), d.year, kit.Today(), r.v.sh
	dialog.ShowConfirm(msg.T("结束填报"), msg.Tf("结束%d年的指标填报？结束后不再导入本轮的填报表。", year), func(ok bool) {
		if ok {
			kit.Write(sh, func() error { _, err := s.CloseRound(ctx, year, today); return err },
				func() { sh.Changed(store.KindRound, uuid.Nil) })
		}
	}, sh.Window())
}

// chooseTemplates writes every unit's template into the folder chosen.
func (r *returnsTab) chooseTemplates() {
	d, group, sh := r.v.data, r.v.sh.Settings().GroupName, r.v.sh
	if d == nil || d.openRound() == nil {
		return
	}
	kit.ExportIntoFolder(sh, "正在生成填报表", "生成填报表", func(dir string) ([]string, error) { return writeTemplates(dir, d, group) },
		func(n int, dir string) string { return msg.Tf("已生成 %d 份填报表，保存在：%s", n, dir) })
}

// chooseReturns reads a folder of returns behind a progress bar and
// previews them.
func (r *returnsTab) chooseReturns() {
	d, sh := r.v.data, r.v.sh
	if d == nil || d.openRound() == nil {
		return
	}
	kit.ChooseFolder(sh, func(dir string) { r.readReturns(dir) })
}

func (r *returnsTab) readReturns(dir string) {
	d, sh := r.v.data, r.v.sh
	var plan *store.ReturnPlan
	var errs []error
	sh.RunWithProgress("正在读取填报表", func(progress func(float64)) error {
		plan, errs = planReturns(dir, d, progress)
		return nil
	}, func(error) { r.preview(dir, plan, errs) })
}

// preview shows every file of the plan: what it changes, its warnings
// and errors; 确认导入 writes the files without errors.
func (r *returnsTab) preview(dir string, p *store.ReturnPlan, unread []error) {
	rows := previewRows(p, unread)
	ok, bad, values := p.Counts()
	summary := msg.Tf("共 %d 份填报表：可导入 %d 份（%d 项数值），有错误 %d 份", len(p.Files)+len(unread), ok, values, bad+len(unread))
	f := kit.NewPreviewFrame(rows, summary, func() {})
	if ok == 0 {
		f.Refuse()
	} else {
		notice := ""
		if bad+len(unread) > 0 {
			notice = msg.T("有错误的文件不会写入，请改正后重新导入。")
		}
		f.Offer(notice, true, func() { r.applyPlan(p) })
	}
	f.Show(r.v.sh.Window(), dir, nil)
	lastPreview = f
}

// lastPreview is the last preview shown, for tests.
var lastPreview *kit.PreviewFrame

func (r *returnsTab) applyPlan(p *store.ReturnPlan) {
	s, ctx, sh := r.v.sh.Store(), r.v.sh.Context(), r.v.sh
	var n int
	kit.Write(sh, func() (err error) { n, err = s.ApplyReturns(ctx, p); return err }, func() {
		sh.Changed(store.KindIndicators, uuid.Nil)
		dialog.ShowInformation(msg.T("导入填报表"), msg.Tf("已导入 %d 份填报表。", n), sh.Window())
	})
}

// previewRows are the plan's files, then the files that could not be read.
func previewRows(p *store.ReturnPlan, unread []error) kit.PreviewRows {
	return kit.PreviewRows{
		Columns: []kit.TextColumn{{Header: "文件", Width: 260}, {Header: "成员单位", Width: 220}, {Header: "新填", Width: 60},
			{Header: "修改", Width: 60}, {Header: "说明", Width: 340}},
		Count: func() int { return len(p.Files) + len(unread) },
		Cell: func(row, col int) string {
			if row >= len(p.Files) {
				return map[int]string{0: "", 4: msg.Error(unread[row-len(p.Files)])}[col]
			}
			f := &p.Files[row]
			added, changed := changeCounts(f)
			return []string{f.File, f.Unit, fmt.Sprint(added), fmt.Sprint(changed), fileNote(f)}[col]
		},
		About: func(row int) (int, string, string, widget.Importance) {
			if row >= len(p.Files) {
				return row + 1, "", msg.Error(unread[row-len(p.Files)]), widget.DangerImportance
			}
			f := &p.Files[row]
			text := kit.ProblemsText(f.Errors, f.Warnings)
			if len(f.Errors) == 0 {
				text = strings.TrimPrefix(text+msg.T("；")+changesText(f), msg.T("；"))
			}
			return row + 1, f.File, text, kit.ProblemLevel(len(f.Errors), len(f.Warnings))
		},
	}
}

func changeCounts(f *store.ReturnPlanFile) (added, changed int) {
	for _, c := range f.Changes {
		if c.From == nil {
			added++
		} else {
			changed++
		}
	}
	return
}

// fileNote is a file's problems, or 可导入.
func fileNote(f *store.ReturnPlanFile) string {
	if len(f.Errors)+len(f.Warnings) > 0 {
		return kit.ProblemsText(f.Errors, f.Warnings)
	}
	if len(f.Changes) == 0 {
		return msg.T("无变化")
	}
	return msg.T("可导入")
}

// changesText lists a file's changes: 名称 12 → 15.
func changesText(f *store.ReturnPlanFile) string {
	var parts []string
	for _, c := range f.Changes {
		from := "—"
		if c.From != nil {
			from = number(*c.From)
		}
		parts = append(parts, c.Name+" "+from+" → "+number(*c.To))
	}
	return strings.Join(parts, msg.T("；"))
}

// showReminders lists the units yet to return, to copy into a message.
func (r *returnsTab) showReminders() {
	d := r.v.data
	if d == nil || d.openRound() == nil {
		return
	}
	text := remindersText(d)
	e := widget.NewMultiLineEntry()
	e.SetText(text)
	var dlg dialog.Dialog
	cp := kit.IconButton("复制", theme.ContentCopyIcon(), func() {
		r.v.sh.App().Clipboard().SetContent(text)
		dlg.Hide()
	})
	cp.Importance = widget.HighImportance
	closeB := kit.IconButton("关闭", theme.CancelIcon(), func() { dlg.Hide() })
	content := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeB, cp), nil, nil, e)
	dlg = dialog.NewCustomWithoutButtons(msg.T("催报名单"), content, r.v.sh.Window())
	dlg.Resize(fyne.NewSize(640, 520))
	dlg.Show()
	lastReminders = text
}

// lastReminders is the last list shown, for tests.
var lastReminders string

// remindersText is a heading and one line per unit: name, contact, phone.
func remindersText(d *indData) string {
	cr := d.openRound()
	missing := notReturned(d, cr.ID)
	lines := []string{msg.Tf("%d年指标填报未交单位（%d 家）：", d.year, len(missing))}
	for i, m := range missing {
		line := fmt.Sprintf("%d. %s", i+1, m.Name)
		if c := strings.TrimSpace(m.Contact + " " + m.Phone); c != "" {
			line += "  " + c
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
