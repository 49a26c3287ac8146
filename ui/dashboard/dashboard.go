// Package dashboard is 工作台, the first thing a clerk sees.
package dashboard

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Section (工作台) shows the register's counts today, the rosters' seats
// that need seeing to (名单提示), the meetings to prepare or write up
// (会议提示), the supervised tasks overdue or to report (督办提示), who
// joined or left lately, and what was last changed in the
// file. It only shows; every action is in its own
// section.
type Section struct {
	sh     kit.Shell
	loader *kit.Loader[dashboardData]
	data   dashboardData

	asOf                         *widget.Label
	total, joined, left, applied *statCard
	changes, audit, meetings     *widget.Table
	tasks                        *widget.Table
	tasksHead, noTasks           *widget.Label
	alertTabs                    *container.AppTabs
	tabChosen                    bool // the clerk (or the first load) chose a tab
	noChanges, noAudit           *widget.Label
	meetingsHead, noMeetings     *widget.Label
	alerts, noAlerts             *widget.Label
	alertBand                    fyne.CanvasObject
	backupBand                   fyne.CanvasObject
	backupText                   *widget.Label
	collection                   *widget.Label // the open indicator round's progress
}

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section {
	d := &Section{sh: sh}
	d.loader = kit.NewLoader(sh, d.show)
	return d
}

func (d *Section) Title() string       { return "工作台" }
func (d *Section) Icon() fyne.Resource { return theme.HomeIcon() }

// Watches: the latest changes list any change; positions (settings) order
// the rosters whose warnings it shows.
func (d *Section) Watches() []store.Kind { return kit.AllKinds }

// statCard is one count on the dashboard: what it counts, the number, and
// a line of detail under it.
type statCard struct {
	caption, value, detail *widget.Label
	card                   *widget.Card
}

func newStatCard(caption string) *statCard {
	c := &statCard{
		caption: widget.NewLabel(caption),
		value:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		detail:  &widget.Label{Wrapping: fyne.TextWrapWord},
	}
	c.card = widget.NewCard("", "", container.NewVBox(c.caption, c.value, c.detail))
	return c
}

func (c *statCard) set(value, detail string) {
	c.value.SetText(value)
	c.detail.SetText(detail)
}

func (d *Section) Build() fyne.CanvasObject {
	d.asOf = widget.NewLabel("")
	d.total = newStatCard(msg.T("在册成员单位"))
	d.joined = newStatCard(msg.T("今年新增"))
	d.left = newStatCard(msg.T("今年退出"))
	d.applied = newStatCard(msg.T("申请中"))
	d.changes = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("日期"), 124), kit.Col(msg.T("单位名称"), 220), kit.Col(msg.T("变动"), 250)},
		func() int { return len(d.data.changes) }, d.changeCell)
	d.meetings = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("日期"), 96), kit.Col(msg.T("会议名称"), 280), kit.Col(msg.T("提示"), 210)},
		func() int { return len(d.data.meetings) }, d.meetingCell)
	d.tasks = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("事项编号"), 84), kit.Col(msg.T("任务事项"), 190), kit.Col(msg.T("牵头单位"), 130), kit.Col(msg.T("提示"), 170)},
		func() int { return len(d.data.tasks) }, d.taskCell)
	d.audit = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("时间"), 150), kit.Col(msg.T("操作"), 100), kit.Col(msg.T("记录"), 100), kit.Col(msg.T("操作人"), kit.AuditByWidth), kit.Col(msg.T("摘要"), 590)},
		func() int { return len(d.data.audit) }, d.auditCell)
	d.noChanges = &widget.Label{Text: msg.Tf("近 %d 天没有成员单位加入或退出。", recentDays), Importance: widget.LowImportance}
	d.noAudit = &widget.Label{Text: msg.T("还没有任何操作记录。"), Importance: widget.LowImportance}
	d.noMeetings = &widget.Label{Text: msg.T("近期没有要准备或补写纪要的会议。"), Importance: widget.LowImportance}
	d.meetingsHead = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	d.noTasks = &widget.Label{Text: msg.T("没有逾期、整改到期或本月未报督查的任务。"), Importance: widget.LowImportance}
	d.tasksHead = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}

	title := &widget.Label{Text: msg.T("工作台"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	// The register's total with its breakdown takes half the width, so the
	// breakdown by type fits on one line for a group of ~100 units.
	cards := container.NewGridWithColumns(2, d.total.card,
		container.NewGridWithColumns(3, d.joined.card, d.left.card, d.applied.card))
	// The meetings to prepare and the register's changes side by side,
	// the audit log under them at full width: a clerk reads whole audit
	// summaries without widening columns.
	// The meetings and the supervised tasks to see to share one panel as
	// two tabs, each titled with its count.
	meetings := container.NewBorder(container.NewVBox(d.meetingsHead, d.noMeetings), nil, nil, nil, d.meetings)
	tasks := container.NewBorder(container.NewVBox(d.tasksHead, d.noTasks), nil, nil, nil, d.tasks)
	d.alertTabs = container.NewAppTabs(container.NewTabItem(msg.T("会议提示"), meetings), container.NewTabItem(msg.T("督办提示"), tasks))
	d.alertTabs.OnSelected = func(*container.TabItem) { d.tabChosen = true }
	news := container.NewHSplit(d.alertTabs,
		dashboardPanel(msg.Tf("近 %d 天加入与退出", recentDays), d.noChanges, d.changes))
	lists := container.NewVSplit(news, dashboardPanel(msg.T("最近操作"), d.noAudit, d.audit))
	lists.Offset = 0.55
	d.backupText = kit.Wrap("")
	d.backupText.Importance = widget.WarningImportance
	d.backupBand = kit.WarningBand(d.backupText)
	d.backupBand.Hide()
	d.collection = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance}
	d.collection.Hide()
	top := container.NewVBox(container.NewHBox(title, d.asOf), d.backupBand, cards, d.buildAlerts(), d.collection)
	d.Refresh()
	startAutoBackup(d.sh)
	return container.NewBorder(top, nil, nil, nil, lists)
}

// buildAlerts is 名单提示: the roster warnings on a band, or a calm line
// beside the heading when there are none. It sits above the lists because
// it is work to do, not news.
func (d *Section) buildAlerts() fyne.CanvasObject {
	d.alerts = kit.Wrap("")
	d.alerts.Importance = widget.DangerImportance
	d.alertBand = kit.WarningBand(d.alerts)
	d.noAlerts = &widget.Label{Text: msg.T("各机构名单无待处理事项"), Importance: widget.LowImportance}
	h := &widget.Label{Text: msg.T("名单提示"), TextStyle: fyne.TextStyle{Bold: true}}
	return container.NewVBox(container.NewHBox(h, d.noAlerts), d.alertBand)
}

// dashboardPanel is a titled list; empty, shown beside the title when the
// list has no rows, says so.
func dashboardPanel(heading string, empty *widget.Label, table *widget.Table) fyne.CanvasObject {
	h := &widget.Label{Text: heading, TextStyle: fyne.TextStyle{Bold: true}}
	return container.NewBorder(container.NewHBox(h, empty), nil, nil, nil, table)
}

// Refresh reloads and recounts off the UI thread (about 100 ms for 10,000
// units). The shell calls it only while the dashboard is on screen, or
// when it is shown after a change, so edits made in the register do not
// recount it each time.
func (d *Section) Refresh() {
	sh, positions, today := d.sh, store.PositionsOf(d.sh.Settings()), kit.Today()
	d.loader.Load(func() (dashboardData, error) { return loadDashboard(sh.Data(), sh.Store(), positions, today) })
}

func (d *Section) show(data dashboardData) {
	d.data = data
	st := data.stats
	d.asOf.SetText(msg.Tf("截至%s", msg.Date(data.today)))
	d.total.set(unitCount(st.Total), typeBreakdown(st))
	since := msg.Tf("%s以来", msg.Date(st.Since))
	d.joined.set(unitCount(st.Joined), since)
	d.left.set(unitCount(st.Left), since)
	d.applied.set(unitCount(data.applied), msg.T("等待批准加入"))
	d.alerts.SetText(alertsText(data.alerts))
	set := d.sh.Settings()
	due := store.BackupDue(data.backup, set, time.Now())
	if data.backup.Time.IsZero() {
		d.backupText.SetText(msg.T("还没有备份到其他位置（如U盘），请到「系统 → 备份与恢复」备份。"))
	} else {
		d.backupText.SetText(msg.Tf("已超过 %d 天没有备份到其他位置（如U盘），请到「系统 → 备份与恢复」备份。", store.BackupRemindDaysOf(set)))
	}
	kit.ShowIf(d.backupBand, due)
	kit.ShowIf(d.alertBand, len(data.alerts) > 0)
	kit.ShowIf(d.noAlerts, len(data.alerts) == 0)
	kit.ShowIf(d.noChanges, len(data.changes) == 0)
	kit.ShowIf(d.noAudit, len(data.audit) == 0)
	d.meetingsHead.SetText(meetingsHeading(data.meetingCounts))
	kit.ShowIf(d.noMeetings, len(data.meetings) == 0)
	d.tasksHead.SetText(tasksHeading(data.taskCounts))
	kit.ShowIf(d.noTasks, len(data.tasks) == 0)
	d.collection.SetText(collectionText(data.collection))
	kit.ShowIf(d.collection, data.collectionOpen)
	d.showAlertTabs(data)
	d.meetings.Refresh()
	d.tasks.Refresh()
	d.changes.Refresh()
	d.audit.Refresh()
}

func (d *Section) changeCell(row, col int) string {
	if row >= len(d.data.changes) {
		return ""
	}
	c := d.data.changes[row]
	switch col {
	case 0:
		return msg.Date(c.Event.Date)
	case 1:
		return c.Unit
	}
	return changeText(c)
}

func (d *Section) meetingCell(row, col int) string {
	if row >= len(d.data.meetings) {
		return ""
	}
	a := d.data.meetings[row]
	switch col {
	case 0:
		return a.m.Date.String()
	case 1:
		return a.m.Title
	}
	return meetingAlertText(a, d.data.today)
}

// showAlertTabs titles the two tabs with their counts; until the clerk
// picks one, the tasks' tab comes first when only it has something.
func (d *Section) showAlertTabs(data dashboardData) {
	d.alertTabs.Items[0].Text = msg.Tf("会议提示（%d）", len(data.meetings))
	n := data.taskCounts.overdue + data.taskCounts.fixDue + data.taskCounts.missing
	d.alertTabs.Items[1].Text = msg.Tf("督办提示（%d）", n)
	if !d.tabChosen && len(data.meetings) == 0 && len(data.tasks) > 0 {
		d.alertTabs.SelectIndex(1) // marks it chosen: a later load keeps it
	}
	d.alertTabs.Refresh()
}

func (d *Section) taskCell(row, col int) string {
	if row >= len(d.data.tasks) {
		return ""
	}
	a := d.data.tasks[row]
	switch col {
	case 0:
		return a.t.Number
	case 1:
		return a.t.Title
	case 2:
		return a.t.Lead.Name
	}
	return taskAlertText(a, d.data.today)
}

func (d *Section) auditCell(row, col int) string {
	if row >= len(d.data.audit) {
		return ""
	}
	return kit.AuditCell(d.data.audit[row], col)
}

// autoStarted are the stores whose start-up backup has run in this
// process: a rebuild (another language) builds the dashboard again.
var autoStarted sync.Map

// startAutoBackup makes the day's rolling copy of a data file beside it
// (store.AutoBackup), in the background once the window is on screen, so
// the window appears as fast as before. A failure is told, not fatal.
func startAutoBackup(sh kit.Shell) {
	s := sh.Store()
	if _, done := autoStarted.LoadOrStore(s, true); done {
		return
	}
	ctx, keep := sh.Context(), store.BackupKeepOf(sh.Settings())
	var err error
	sh.Background(func() { _, _, err = store.AutoBackup(ctx, s, store.BackupOptions{}, keep) }, func() {
		if err != nil && ctx.Err() == nil {
			sh.ShowError(fmt.Errorf("%s%w", msg.T("自动备份失败："), err))
		}
	})
}
