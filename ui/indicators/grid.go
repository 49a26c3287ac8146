package indicators

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Cell backgrounds: an answered value not yet given, and an indicator the
// unit does not answer.
var (
	colorMissing  = color.NRGBA{R: 0xff, G: 0xe0, B: 0xb2, A: 0xff}
	colorNotAsked = color.NRGBA{R: 0xe0, G: 0xe0, B: 0xe0, A: 0xff}
)

// gridTab is 填报数据: units × collected indicators. A cell is chosen
// with the mouse or the arrows; typing or Enter opens the edit field
// above the grid, Enter there saves and goes down one unit.
type gridTab struct {
	v       *Section
	table   *valueTable
	at      widget.TableCellID // the cell chosen; Row -1 none
	where   *widget.Label
	entry   *kit.KeyEntry
	problem *widget.Label
	count   *widget.Label
	saving  bool
	view    fyne.CanvasObject
}

// valueTable is the grid: a table that gives typing to the edit field.
type valueTable struct {
	widget.Table
	g *gridTab
}

func (t *valueTable) TypedRune(r rune) { t.g.startEdit(string(r)) }

func (t *valueTable) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		t.g.startEdit("")
		return
	}
	t.Table.TypedKey(k)
}

func newGridTab(v *Section) *gridTab {
	g := &gridTab{v: v, at: widget.TableCellID{Row: -1}}
	t := &valueTable{g: g}
	t.Length = func() (int, int) { return g.rows(), len(g.cols()) + 1 }
	t.CreateCell = func() fyne.CanvasObject {
		return container.NewStack(canvas.NewRectangle(color.Transparent), &widget.Label{Truncation: fyne.TextTruncateEllipsis})
	}
	t.UpdateCell = g.fill
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = g.header
	t.StickyColumnCount = 1
	t.OnSelected = g.chosen
	t.ExtendBaseWidget(t)
	t.SetColumnWidth(0, 220)
	g.table = t
	g.where = widget.NewLabel(msg.T("选择一格后直接输入数值，回车保存。"))
	g.entry = kit.NewKeyEntry()
	g.entry.OnSubmitted = func(string) { g.commit() }
	g.entry.OnEscape = g.cancel
	g.entry.Disable()
	g.problem = widget.NewLabel("")
	g.problem.Importance = widget.DangerImportance
	g.count = widget.NewLabel("")
	legend := kit.Hint(msg.T("橙色：应填未填；灰色：该单位不填报此项。"))
	bar := container.NewBorder(nil, nil, g.where, container.NewHBox(g.problem, g.count), g.entry)
	g.view = container.NewBorder(container.NewVBox(bar, legend), nil, nil, nil, t)
	return g
}

func (g *gridTab) cols() []store.Indicator {
	if g.v.data == nil {
		return nil
	}
	return g.v.data.cols
}

func (g *gridTab) rows() int {
	if g.v.data == nil || g.v.data.cat == nil {
		return 0
	}
	return len(g.v.data.members)
}

func (g *gridTab) header(id widget.TableCellID, o fyne.CanvasObject) {
	l, cols := o.(*widget.Label), g.cols()
	switch {
	case id.Col == 0:
		kit.SetCellText(l, msg.T("成员单位"))
	case id.Col-1 < len(cols):
		kit.SetCellText(l, cols[id.Col-1].Name+"（"+cols[id.Col-1].Unit+"）")
	}
}

// fill draws one cell: the unit's name, or its value of the column's
// indicator on the background that says missing or not asked.
func (g *gridTab) fill(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	text, fill := g.cellText(id.Row, id.Col)
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	kit.SetCellText(l, text)
}

func (g *gridTab) cellText(row, col int) (string, color.Color) {
	d, cols := g.v.data, g.cols()
	if d == nil || row >= len(d.members) || col > len(cols) {
		return "", color.Transparent
	}
	m := &d.members[row]
	if col == 0 {
		return m.Name, color.Transparent
	}
	ind := &cols[col-1]
	if !ind.AnsweredBy(m.Type) {
		return "", colorNotAsked
	}
	if x, ok := d.value(m.ID, ind.Code); ok {
		return number(x), color.Transparent
	}
	return "", colorMissing
}

func (g *gridTab) apply(d *indData) {
	g.saving = false
	filled, asked := 0, 0
	for i := range d.members {
		for _, ind := range d.cols {
			if ind.AnsweredBy(d.members[i].Type) {
				asked++
				if _, ok := d.value(d.members[i].ID, ind.Code); ok {
					filled++
				}
			}
		}
	}
	g.count.SetText(msg.Tf("%d 家单位，已填 %d / %d 项", len(d.members), filled, asked))
	if g.at.Row >= len(d.members) || g.at.Col > len(d.cols) {
		g.at = widget.TableCellID{Row: -1}
	}
	for i := range d.cols {
		g.table.SetColumnWidth(i+1, gridColumnWidth)
	}
	g.showChosen()
	g.table.Refresh()
}

// gridColumnWidth fits a value and most of an indicator's name; the
// name in full is beside the edit field when a cell is chosen.
const gridColumnWidth = 130

// chosen is a cell selected: the edit field says which, with its value.
func (g *gridTab) chosen(id widget.TableCellID) {
	g.at = id
	g.problem.SetText("")
	g.showChosen()
	g.focusGrid() // a click selects without focusing: typing goes on from here
}

func (g *gridTab) showChosen() {
	m, ind := g.current()
	if m == nil || ind == nil {
		g.entry.SetText("")
		g.entry.Disable()
		return
	}
	g.where.SetText(m.Name + " · " + ind.Name + "（" + ind.Unit + "）")
	text, _ := g.cellText(g.at.Row, g.at.Col)
	g.entry.SetText(text)
	if ind.AnsweredBy(m.Type) && g.v.data.cat.Filed.IsZero() {
		g.entry.Enable()
	} else {
		g.entry.Disable()
	}
}

// current is the unit and indicator of the cell chosen.
func (g *gridTab) current() (*store.Member, *store.Indicator) {
	d := g.v.data
	if d == nil || g.at.Row < 0 || g.at.Row >= len(d.members) || g.at.Col < 1 || g.at.Col > len(d.cols) {
		return nil, nil
	}
	return &d.members[g.at.Row], &d.cols[g.at.Col-1]
}

// startEdit moves to the edit field, with what was typed on the grid.
func (g *gridTab) startEdit(typed string) {
	if g.entry.Disabled() {
		return
	}
	if typed != "" {
		g.entry.SetText(typed)
	}
	g.entry.CursorColumn = len([]rune(g.entry.Text))
	if c := fyne.CurrentApp().Driver().CanvasForObject(g.entry); c != nil {
		c.Focus(g.entry)
	}
}

func (g *gridTab) cancel() {
	g.showChosen()
	g.focusGrid()
}

func (g *gridTab) focusGrid() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(g.table); c != nil {
		c.Focus(g.table)
	}
}

// parseValue reads a typed value: empty clears it; else a number that
// the indicator allows.
func parseValue(ind *store.Indicator, s string) (*float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	if s == "" {
		return nil, nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, &store.FieldError{Field: store.FieldIndicatorVal, Problem: store.ProblemNotNumber, Detail: ind.Name}
	}
	if fe := ind.CheckValue(x); fe != nil {
		return nil, fe
	}
	return &x, nil
}

// commit saves the value typed, from the value the grid showed.
func (g *gridTab) commit() {
	m, ind := g.current()
	if m == nil || ind == nil || g.saving {
		return
	}
	to, err := parseValue(ind, g.entry.Text)
	if err != nil {
		g.problem.SetText(msg.Error(err))
		return
	}
	var from *float64
	if x, ok := g.v.data.value(m.ID, ind.Code); ok {
		from = &x
	}
	if from == nil && to == nil || from != nil && to != nil && *from == *to {
		g.next()
		return
	}
	s, ctx, year, member, code := g.v.sh.Store(), g.v.sh.Context(), g.v.data.year, m.ID, ind.Code
	g.saving = true
	var werr error
	g.v.sh.Background(func() { _, werr = s.SetValue(ctx, year, member, code, from, to) }, func() {
		g.saving = false
		if werr != nil {
			g.problem.SetText(msg.Error(werr))
			if errorsIsConflict(werr) {
				g.v.sh.Changed(store.KindIndicators, member)
			}
			return
		}
		g.problem.SetText("")
		g.next()
		g.v.sh.Changed(store.KindIndicators, member)
	})
}

// next chooses the cell below, ready for the next unit's value.
func (g *gridTab) next() {
	if g.at.Row+1 < g.rows() {
		g.at.Row++
	}
	g.table.Select(g.at)
	g.focusGrid()
}
