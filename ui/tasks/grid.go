package tasks

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// gridTab is 督查轮次: the tasks of a year against its twelve rounds, each
// cell the round's flag (recorded ones marked) or the gap 未报 of an
// inspection due and not made. A click on a cell opens that round's
// inspection of that task.
type gridTab struct {
	v      *Section
	year   int
	unit   string
	loader *kit.Loader[*roundGrid]
	grid   *roundGrid

	years     *widget.Select
	units     *widget.Select
	unitNames []string
	table     *rowTable
	count     *widget.Label
	view      fyne.CanvasObject
}

// roundGrid is the grid of one year, prepared off the UI thread.
type roundGrid struct {
	year   int
	rounds [12]string
	rows   []gridRow
}

type gridRow struct {
	t     *store.Task
	cells [12]gridCell
}

// gridCell is one task's round: its flag, whether it was recorded, and
// whether the inspection due is missing; empty outside the task's life
// or after today.
type gridCell struct {
	flag     store.Flag
	recorded bool
	gap      bool
	empty    bool
}

// Grid columns: the task, then the months.
const (
	gridNumber = iota
	gridTitle
	gridMonths
)

// newRoundGrid derives the grid of year from tasks as of today: the
// tasks that existed in the year and were open at some time in it (or
// led or shared by unit, if given), in number order.
func newRoundGrid(tasks []store.Task, year int, unit string, today store.Date, rules store.FlagRules) *roundGrid {
	g := &roundGrid{year: year}
	for m := range 12 {
		g.rounds[m] = fmt.Sprintf("%04d-%02d", year, m+1)
	}
	first := store.RoundStart(g.rounds[0])
	last := earlier(store.RoundEnd(g.rounds[11]), today)
	for i := range tasks {
		t := &tasks[i]
		if t.Start.After(last) || unit != "" && !slices.Contains(leadAndUnits(t), unit) {
			continue
		}
		if s := t.StateOn(first); !s.Status.Open() && s.Exists {
			continue // ended before the year began
		}
		row := gridRow{t: t}
		for m, r := range g.rounds {
			row.cells[m] = gridCellOf(t, r, today, rules)
		}
		g.rows = append(g.rows, row)
	}
	slices.SortFunc(g.rows, func(a, b gridRow) int { return strings.Compare(a.t.Number, b.t.Number) })
	return g
}

func gridCellOf(t *store.Task, round string, today store.Date, rules store.FlagRules) gridCell {
	start, end := store.RoundStart(round), store.RoundEnd(round)
	if start.After(today) || end.Before(t.Start) {
		return gridCell{empty: true}
	}
	c := gridCell{}
	c.flag, c.recorded = t.RoundFlagOf(round, today, rules)
	c.gap = t.DueInRound(round) && t.Inspection(round) == nil && t.StateOn(earlier(end, today)).Status.Open()
	// The round in progress is not yet a gap before the day reports are
	// due (the rules' 每月督查截止日), as the flag rules count it.
	if !end.Before(today) && today.Day() <= rules.Of().MissingAfterDay {
		c.gap = false
	}
	return c
}

// text is what the cell says: 未报 for a gap, else the flag (● recorded).
func (c gridCell) text() string {
	switch {
	case c.empty:
		return ""
	case c.gap:
		return msg.T("未报")
	case c.recorded && c.flag != store.FlagNone:
		return flagWord(c.flag) + recordedMark
	}
	return flagWord(c.flag)
}

func newGridTab(v *Section) *gridTab {
	g := &gridTab{v: v, year: kit.Today().Year()}
	g.loader = kit.NewLoader(v.sh, g.applyGrid)
	g.years = widget.NewSelect(nil, func(s string) {
		if i := g.years.SelectedIndex(); i >= 0 {
			g.year = kit.Today().Year() - i
			g.prepare()
		}
	})
	g.units = widget.NewSelect(nil, func(string) { g.unit = choice(g.units, g.unitNames); g.prepare() })
	kit.SetOptions(g.units, []string{msg.T("全部单位")}, 0)
	g.setYears(nil)
	cols := []kit.TextColumn{kit.Col(msg.T("事项编号"), 90), kit.Col(msg.T("任务事项"), 250)}
	for m := 1; m <= 12; m++ {
		cols = append(cols, kit.Col(msg.Tf("%d月", m), 58))
	}
	g.table = newRowTable(cols, func() int { return g.rowCount() }, g.cell, nil)
	g.table.OnSelected = g.cellChosen
	g.count = widget.NewLabel("")
	hint := kit.Hint(msg.T("每格为该月预警（● 为已记录）；“未报”为应报未报督查记录。点击一格打开该月的督查记录。"))
	bar := container.NewHBox(widget.NewLabel(msg.T("年份")), g.years, sized(g.units, 200), g.count)
	g.view = container.NewBorder(container.NewVBox(bar, hint), nil, nil, nil, g.table)
	return g
}

// setYears offers the years from the first task's to this one, newest
// first.
func (g *gridTab) setYears(tasks []store.Task) {
	this := kit.Today().Year()
	first := this
	for i := range tasks {
		first = min(first, tasks[i].Start.Year())
	}
	var names []string
	for y := this; y >= first; y-- {
		names = append(names, msg.Tf("%d年", y))
	}
	kit.SetOptions(g.years, names, this-g.year)
}

func (g *gridTab) apply(d *taskData) {
	g.setYears(d.tasks)
	names := append([]string{msg.T("全部单位")}, d.list.units...)
	kit.SetOptions(g.units, names, kit.SelectedIn(g.unitNames, g.units, d.list.units))
	g.unitNames = d.list.units
	g.prepare()
}

func (g *gridTab) prepare() {
	d, year, unit := g.v.data, g.year, g.unit
	if d == nil {
		return
	}
	g.loader.Load(func() (*roundGrid, error) { return newRoundGrid(d.tasks, year, unit, d.today, d.rules), nil })
}

func (g *gridTab) applyGrid(grid *roundGrid) {
	g.grid = grid
	g.count.SetText(msg.Tf("共 %d 项任务", len(grid.rows)))
	g.table.Refresh()
}

func (g *gridTab) rowCount() int {
	if g.grid == nil {
		return 0
	}
	return len(g.grid.rows)
}

func (g *gridTab) cell(row, col int, o fyne.CanvasObject) {
	if g.grid == nil || row >= len(g.grid.rows) {
		setColorCell(o, "", color.Transparent, widget.MediumImportance)
		return
	}
	r := &g.grid.rows[row]
	switch col {
	case gridNumber:
		setColorCell(o, r.t.Number, color.Transparent, widget.MediumImportance)
	case gridTitle:
		setColorCell(o, r.t.Title, color.Transparent, widget.MediumImportance)
	default:
		c := r.cells[col-gridMonths]
		bg, imp := flagColor(c.flag), widget.MediumImportance
		if c.gap {
			bg, imp = colorGap, widget.DangerImportance
		}
		if c.empty {
			bg = color.Transparent
		}
		setColorCell(o, c.text(), bg, imp)
	}
}

// cellChosen opens the inspection of the round clicked.
func (g *gridTab) cellChosen(id widget.TableCellID) {
	g.table.UnselectAll()
	if g.grid == nil || id.Row >= len(g.grid.rows) || id.Col < gridMonths {
		if id.Row < g.rowCount() && id.Col < gridMonths {
			g.v.openTask(g.grid.rows[id.Row].t.ID)
		}
		return
	}
	r := &g.grid.rows[id.Row]
	if r.cells[id.Col-gridMonths].empty {
		return
	}
	showInspectionDialog(g.v, r.t.Clone(), g.grid.rounds[id.Col-gridMonths], func(saved store.Task) { g.v.written(saved.ID) })
}
