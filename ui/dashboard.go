package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

func init() { registerSection(10, newDashboardSection) }

// dashboard (工作台) is the first thing a clerk sees: the register's counts
// today, the rosters' seats that need seeing to (名单提示), who joined or
// left lately, and what was last changed in the file. It only shows; every
// action is in its own section.
type dashboard struct {
	a       *App
	section *section
	data    dashboardData

	asOf                         *widget.Label
	total, joined, left, applied *statCard
	changes, audit               *widget.Table
	noChanges, noAudit           *widget.Label
	alerts, noAlerts             *widget.Label
	alertBand                    fyne.CanvasObject
}

func newDashboardSection(a *App) *section {
	d := &dashboard{a: a}
	d.section = &section{title: "工作台", icon: theme.HomeIcon(), build: d.build, refresh: d.refresh}
	return d.section
}

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

func (d *dashboard) build() fyne.CanvasObject {
	d.asOf = widget.NewLabel("")
	d.total = newStatCard(msg.T("在册成员单位"))
	d.joined = newStatCard(msg.T("今年新增"))
	d.left = newStatCard(msg.T("今年退出"))
	d.applied = newStatCard(msg.T("申请中"))
	d.changes = newTextTable([]textColumn{{msg.T("日期"), 140}, {msg.T("单位名称"), 360}, {msg.T("变动"), 420}},
		func() int { return len(d.data.changes) }, d.changeCell)
	d.audit = newTextTable([]textColumn{{msg.T("时间"), 150}, {msg.T("操作"), 100}, {msg.T("记录"), 100}, {msg.T("摘要"), 760}},
		func() int { return len(d.data.audit) }, d.auditCell)
	d.noChanges = &widget.Label{Text: msg.Tf("近 %d 天没有成员单位加入或退出。", recentDays), Importance: widget.LowImportance}
	d.noAudit = &widget.Label{Text: msg.T("还没有任何操作记录。"), Importance: widget.LowImportance}

	title := &widget.Label{Text: msg.T("工作台"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	// The register's total with its breakdown takes half the width, so the
	// breakdown by type fits on one line for a group of ~100 units.
	cards := container.NewGridWithColumns(2, d.total.card,
		container.NewGridWithColumns(3, d.joined.card, d.left.card, d.applied.card))
	// The lists are stacked at full width: a clerk reads whole unit names
	// and audit summaries without widening columns.
	lists := container.NewVSplit(
		dashboardPanel(msg.Tf("近 %d 天加入与退出", recentDays), d.noChanges, d.changes),
		dashboardPanel(msg.T("最近操作"), d.noAudit, d.audit))
	lists.Offset = 0.4
	top := container.NewVBox(container.NewHBox(title, d.asOf), cards, d.buildAlerts())
	d.load()
	return container.NewBorder(top, nil, nil, nil, lists)
}

// buildAlerts is 名单提示: the roster warnings on a band, or a calm line
// beside the heading when there are none. It sits above the lists because
// it is work to do, not news.
func (d *dashboard) buildAlerts() fyne.CanvasObject {
	d.alerts = wrapLabel("")
	d.alerts.Importance = widget.DangerImportance
	d.alertBand = warningBand(d.alerts)
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

// refresh reloads the dashboard if it is on screen. The shell calls it
// again when the dashboard is shown, so with 10,000 units there is no need
// to recount after every edit made in the register.
func (d *dashboard) refresh() {
	if d.a.sections[d.a.current] == d.section {
		d.load()
	}
}

// load reads the store on the UI thread: the data is one read
// transaction, and the counts take milliseconds even for 10,000 units.
func (d *dashboard) load() {
	data, err := loadDashboard(d.a.store, store.Today())
	if err != nil {
		d.a.showError(err)
		return
	}
	d.show(data)
}

func (d *dashboard) show(data dashboardData) {
	d.data = data
	st := data.stats
	d.asOf.SetText(msg.Tf("截至%s", displayDate(data.today)))
	d.total.set(unitCount(st.Total), typeBreakdown(st.ByType))
	since := msg.Tf("%s以来", displayDate(st.Since))
	d.joined.set(unitCount(st.Joined), since)
	d.left.set(unitCount(st.Left), since)
	d.applied.set(unitCount(data.applied), msg.T("等待批准加入"))
	d.alerts.SetText(alertsText(data.alerts))
	showIf(d.alertBand, len(data.alerts) > 0)
	showIf(d.noAlerts, len(data.alerts) == 0)
	showIf(d.noChanges, len(data.changes) == 0)
	showIf(d.noAudit, len(data.audit) == 0)
	d.changes.Refresh()
	d.audit.Refresh()
}

func (d *dashboard) changeCell(row, col int) string {
	if row >= len(d.data.changes) {
		return ""
	}
	c := d.data.changes[row]
	switch col {
	case 0:
		return displayDate(c.event.Date)
	case 1:
		return c.unit
	}
	return changeText(c)
}

func (d *dashboard) auditCell(row, col int) string {
	if row >= len(d.data.audit) {
		return ""
	}
	return auditCellText(d.data.audit[row], col)
}

// auditCellText is one cell of an audit row: 时间, 操作, 记录 (its kind),
// 摘要. The summary is stored as written at the time, in Chinese.
func auditCellText(e store.AuditEntry, col int) string {
	switch col {
	case 0:
		return clockText(e.Time)
	case 1:
		return msg.T(e.Action)
	case 2:
		return kindText(e.Kind)
	}
	return e.Summary
}

// displayDate is a day as the clerk writes it: 2024年3月1日, or 2024-03-01
// in English.
func displayDate(d store.Date) string { return msg.Date(d) }

func showIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}
