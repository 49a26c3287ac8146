package tasks

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/docx"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// reportsTab is 报表: the papers of the supervision, all derived from the
// ledger of a round (store.BuildLedger), so the figures of a bulletin
// equal the ledger's and the summary's.
type reportsTab struct {
	v         *Section
	rounds    *widget.Select
	roundIDs  []string
	quarters  *widget.Select
	unit      *widget.Select
	unitNames []string
	status    *widget.Select
	flag      *widget.Select
	view      fyne.CanvasObject
}

func newReportsTab(v *Section) *reportsTab {
	r := &reportsTab{v: v}
	today := kit.Today()
	for m := 12; m >= 0; m-- {
		r.roundIDs = append(r.roundIDs, store.Round(today.AddMonths(-m)))
	}
	r.rounds = widget.NewSelect(r.roundIDs, nil)
	// A month's papers are written once it has ended: last month first.
	r.rounds.SetSelected(store.Round(store.RoundStart(store.Round(today)).AddDays(-1)))
	r.quarters = widget.NewSelect(nil, nil)
	for q, i := store.QuarterOf(today.AddMonths(-12)), 0; i < 6; i++ {
		r.quarters.Options = append(r.quarters.Options, q)
		q = store.QuarterOf(store.RoundStart(mustRounds(q)[2]).AddMonths(1))
	}
	r.quarters.SetSelected(store.QuarterOf(today))
	r.unit = widget.NewSelect(nil, nil)
	kit.SetOptions(r.unit, []string{msg.T("全部单位")}, 0)
	r.status = kit.NewFilterSelect("全部状态", wordsOf(store.TaskStatuses), func(string) {})
	r.flag = kit.NewFilterSelect("全部预警", wordsOf(store.Flags), func(string) {})
	report := func(title, about string, b *widget.Button) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, sized(b, 180), container.NewVBox(heading(msg.T(title)), kit.Hint(msg.T(about))))
	}
	r.view = container.NewVScroll(container.NewVBox(
		container.NewHBox(widget.NewLabel(msg.T("督查月份")), r.rounds, widget.NewLabel(msg.T("季度")), r.quarters),
		widget.NewSeparator(),
		container.NewHBox(widget.NewLabel(msg.T("台账筛选")), sized(r.unit, 200), r.status, r.flag),
		report("督查台账", "所选月份每项任务的进展、督查记录和预警（可按单位、状态、预警筛选），Excel。",
			kit.IconButton("导出督查台账", theme.DocumentSaveIcon(), r.chooseLedger)),
		widget.NewSeparator(),
		report("每月汇总", "所选月份新增、推进落实、已办结销号三张清单与各单位汇总，Excel。",
			kit.IconButton("导出每月汇总", theme.DocumentSaveIcon(), r.chooseSummary)),
		widget.NewSeparator(),
		report("督查通报", "按所选月份的汇总生成通报正文，逐段可改，再导出 Word（GB/T 9704）。",
			kit.IconButton("生成督查通报", theme.DocumentIcon(), r.prepareBulletin)),
		widget.NewSeparator(),
		report("催办单", "截至今天每个单位未办结的任务（逾期、临近时限、推进中），每单位一份 Word，存入所选文件夹。",
			kit.IconButton("生成催办单", theme.FolderIcon(), r.chooseReminders)),
		widget.NewSeparator(),
		report("季度调度表", "所选季度末仍未办结的任务及其最近三次督查记录，供调度会填写调度意见，Excel。",
			kit.IconButton("导出季度调度表", theme.DocumentSaveIcon(), r.chooseDispatch)),
	))
	return r
}

func (r *reportsTab) apply(d *taskData) {
	names := append([]string{msg.T("全部单位")}, d.list.units...)
	kit.SetOptions(r.unit, names, kit.SelectedIn(r.unitNames, r.unit, d.list.units))
	r.unitNames = d.list.units
}

// filter is the ledger's filter chosen.
func (r *reportsTab) filter() store.LedgerFilter {
	return store.LedgerFilter{Unit: choice(r.unit, r.unitNames),
		Status: codeOf(store.TaskStatuses, choice(r.status, wordsOf(store.TaskStatuses))),
		Flag:   codeOf(store.Flags, choice(r.flag, wordsOf(store.Flags)))}
}

// ledgerOf derives the ledger of round from the tasks as loaded; it only
// reads them, so it runs in the export's background work.
func ledgerOf(d *taskData, round string) store.Ledger {
	return store.BuildLedger(d.tasks, round, d.today, d.rules)
}

func (r *reportsTab) chooseLedger() {
	d, round, f, group := r.v.data, r.rounds.Selected, r.filter(), r.v.sh.Settings().GroupName
	if d == nil {
		return
	}
	kit.ChooseSaveFile(r.v.sh, msg.T("督查台账")+"_"+round+".xlsx", func(path string) {
		kit.ExportInBackground(r.v.sh, "正在导出督查台账", path, func() error { return r.writeLedger(path, d, round, f, group) })
	})
}

func (r *reportsTab) writeLedger(path string, d *taskData, round string, f store.LedgerFilter, group string) error {
	return xlsx.WriteTaskLedger(path, ledgerOf(d, round), f, group)
}

func (r *reportsTab) chooseSummary() {
	d, round, group := r.v.data, r.rounds.Selected, r.v.sh.Settings().GroupName
	if d == nil {
		return
	}
	kit.ChooseSaveFile(r.v.sh, msg.T("每月汇总")+"_"+round+".xlsx", func(path string) {
		kit.ExportInBackground(r.v.sh, "正在导出每月汇总", path, func() error {
			return xlsx.WriteMonthSummary(path, ledgerOf(d, round).Summarize(), group)
		})
	})
}

func (r *reportsTab) chooseDispatch() {
	d, q, group := r.v.data, r.quarters.Selected, r.v.sh.Settings().GroupName
	if d == nil {
		return
	}
	kit.ChooseSaveFile(r.v.sh, msg.T("季度调度表")+"_"+q+".xlsx", func(path string) {
		kit.ExportInBackground(r.v.sh, "正在导出季度调度表", path, func() error {
			return xlsx.WriteDispatchTable(path, d.tasks, q, d.today, d.rules, group)
		})
	})
}

// chooseReminders writes a 催办单 for every unit with open tasks today
// into the folder chosen.
func (r *reportsTab) chooseReminders() {
	d, st, sh := r.v.data, r.v.sh.Settings(), r.v.sh
	if d == nil {
		return
	}
	kit.ExportIntoFolder(sh, "正在生成催办单", "催办单", func(dir string) ([]string, error) { return writeReminders(dir, d, st) },
		func(n int, dir string) string { return msg.Tf("已生成 %d 份催办单，保存在：%s", n, dir) })
}

// writeReminders writes the 催办单 of the ledger of today's round.
func writeReminders(dir string, d *taskData, st store.Settings) ([]string, error) {
	l := ledgerOf(d, store.Round(d.today))
	return docx.WriteReminders(dir, l.Reminders(d.rules), l.AsOf, st)
}

// prepareBulletin writes the bulletin's text from the month's summary off
// the UI thread, then shows it to be edited.
func (r *reportsTab) prepareBulletin() {
	d, round, st := r.v.data, r.rounds.Selected, r.v.sh.Settings()
	if d == nil {
		return
	}
	var b store.Bulletin
	r.v.sh.Background(func() {
		issue := int(store.RoundStart(round).Month())
		b = store.NewBulletin(ledgerOf(d, round).Summarize(), issue, st.GroupName+"秘书处", d.today)
	}, func() { r.showBulletin(b) })
}

// showBulletin is the bulletin's every text, editable, then 导出 Word.
func (r *reportsTab) showBulletin(b store.Bulletin) {
	issue := widget.NewEntry()
	issue.SetText(b.Issue)
	office := widget.NewEntry()
	office.SetText(b.Office)
	date := kit.NewDateEntry(b.Date, true)
	overview := multiEntry(b.Overview, 4)
	problems := multiEntry(strings.Join(b.Problems, "\n"), 9)
	problems.SetPlaceHolder(msg.T("每段一行"))
	reqs := multiEntry(b.Requirements, 3)
	form := widget.NewForm(widget.NewFormItem(msg.T("期号"), issue), widget.NewFormItem(msg.T("发文单位"), office),
		widget.NewFormItem(msg.T("日期"), date), widget.NewFormItem(msg.T("一、总体情况"), overview),
		widget.NewFormItem(msg.T("二、存在问题"), problems), widget.NewFormItem(msg.T("三、工作要求"), reqs))
	var d dialog.Dialog
	export := kit.IconButton("导出 Word…", theme.DocumentSaveIcon(), func() {
		b.Issue, b.Office, b.Date = store.CleanText(issue.Text), store.CleanText(office.Text), date.Date()
		b.Overview, b.Requirements, b.Problems = strings.TrimSpace(overview.Text), strings.TrimSpace(reqs.Text), nil
		for _, p := range strings.Split(problems.Text, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				b.Problems = append(b.Problems, p)
			}
		}
		d.Hide()
		r.saveBulletin(b)
	})
	export.Importance = widget.HighImportance
	cancel := kit.IconButton("取消", theme.CancelIcon(), func() { d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, export), nil, nil, container.NewVScroll(form))
	d = dialog.NewCustomWithoutButtons(msg.T("督查通报"), content, r.v.sh.Window())
	d.Resize(fyne.NewSize(900, 640))
	d.Show()
	lastBulletin = form
}

// lastBulletin is the form of the last bulletin shown, for tests.
var lastBulletin *widget.Form

func (r *reportsTab) saveBulletin(b store.Bulletin) {
	st := r.v.sh.Settings()
	kit.ChooseSaveFileOf(r.v.sh, kit.Document, msg.T("督查通报")+b.Issue+".docx", func(path string) {
		kit.ExportInBackground(r.v.sh, "正在导出督查通报", path, func() error { return docx.WriteBulletin(path, b, st) })
	})
}
