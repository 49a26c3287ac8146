package org

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// rosterPane is the right side of 机构名单: which body, term and day, how
// the roster is ordered, its warnings, the seat buttons, the table and the
// file buttons.
type rosterPane struct {
	box      fyne.CanvasObject
	title    *widget.Label
	ordering *widget.Label
	asOf     *kit.DateEntry
	// quiet is set while the date field is filled in by the program, so
	// its change is not taken for the clerk's.
	quiet    bool
	warnings *widget.Label
	band     fyne.CanvasObject
	table    *widget.Table
	seats    *seatTools
	files    *fileTools
}

// rosterColumns are the roster table's columns and widths, sized so the
// whole table fits beside the tree on a 1366-pixel screen.
var rosterColumns = []struct {
	title string
	width float32
}{{"序号", 46}, {"职位", 92}, {"姓名", 76}, {"单位", 210}, {"职务", 150}, {"联系电话", 116}, {"任职日期", 100}}

func (v *Section) newRosterPane() *rosterPane {
	p := &rosterPane{}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Truncation = fyne.TextTruncateEllipsis
	// Long in English; cut rather than widen the window past the screen.
	p.ordering = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	p.asOf = kit.NewDateEntry(v.asOf, false)
	p.asOf.OnDate = func(d store.Date) {
		if !p.quiet {
			v.setAsOf(d)
		}
	}
	asOfBox := container.NewGridWrap(fyne.NewSize(170, p.asOf.MinSize().Height), p.asOf)
	p.warnings = kit.Wrap("")
	p.warnings.Importance = widget.DangerImportance
	p.band = kit.WarningBand(p.warnings)
	p.band.Hide()
	p.table = v.newRosterTable()
	p.seats = v.newSeatTools()
	p.files = v.newFileTools()
	head := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel(msg.T("截至日期")), asOfBox), p.title)
	top := container.NewVBox(head, p.ordering, p.band, p.seats.bar)
	p.box = container.NewBorder(top, p.files.bar, nil, nil, p.table)
	return p
}

// setDate fills in the date field without reacting to it.
func (p *rosterPane) setDate(d store.Date) {
	p.quiet = true
	defer func() { p.quiet = false }()
	p.asOf.SetDate(d)
}

func (v *Section) newRosterTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(v.lines), len(rosterColumns) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			line := &v.lines[id.Row]
			l.Importance = widget.MediumImportance
			if line.Warning != nil {
				l.Importance = widget.DangerImportance
			}
			kit.SetCellText(l, rosterCell(line, id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(rosterColumns) {
			o.(*widget.Label).SetText(msg.T(rosterColumns[id.Col].title))
		}
	}
	for i, c := range rosterColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.lines) {
			v.seatID = v.lines[id.Row].SeatID
			v.rosterPane.seats.update(v)
		}
	}
	return t
}

// rosterCell is one cell of the roster table. A unit seat shows the unit
// and the person who sits for it on the day, if any.
func rosterCell(l *store.RosterLine, row, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(row + 1)
	case 1:
		return l.Position
	case 2:
		if l.IsUnit && l.Name == "" {
			return msg.T("（未指定代表）")
		}
		return l.Name
	case 3:
		return l.Unit
	case 4:
		return l.Title
	case 5:
		return l.Phone
	}
	return l.Start.String()
}

// setAsOf shows the roster as of day d (typed in the date field).
func (v *Section) setAsOf(d store.Date) {
	v.asOf = d
	v.showRoster()
}

// showRoster derives the roster of the body shown as of the day and puts
// it on screen with its warnings and the buttons that apply.
func (v *Section) showRoster() {
	v.roster, v.lines = store.Roster{}, nil
	if b := v.body(); b != nil {
		v.roster = store.BuildRoster(b, v.asOf, v.data.dir)
		v.lines = v.roster.Lines()
	}
	p := v.rosterPane
	p.title.SetText(v.rosterTitle())
	p.ordering.SetText(v.orderingText())
	p.warnings.SetText(seatWarningsText(v.roster.Warnings))
	kit.ShowIf(p.band, len(v.roster.Warnings) > 0)
	p.table.UnselectAll()
	row := v.lineOf(v.seatID)
	if row < 0 {
		v.seatID = uuid.Nil
	}
	p.table.Refresh()
	if row >= 0 {
		p.table.Select(widget.TableCellID{Row: row, Col: 2})
	}
	p.seats.update(v)
	p.files.update(v)
	v.bodyTools.update(v)
	v.selectInTree()
}

// seatWarningsText is a roster's warnings, one a line, for the band above
// its table.
func seatWarningsText(ws []store.SeatWarning) string {
	lines := make([]string, len(ws))
	for i, w := range ws {
		lines[i] = msg.SeatWarning(w)
	}
	return strings.Join(lines, "\n")
}

// lineOf is the table row of a seat, -1 if it is not on the roster.
func (v *Section) lineOf(seat uuid.UUID) int {
	for i := range v.lines {
		if seat != uuid.Nil && v.lines[i].SeatID == seat {
			return i
		}
	}
	return -1
}

// rosterTitle names what the table shows: 理事会 · 第二届 2016年3月1日起（本届）.
func (v *Section) rosterTitle() string {
	b := v.body()
	switch {
	case b == nil:
		return msg.T("还没有机构，请点击「新建机构」")
	case len(b.Terms) == 0:
		return b.Name + " · " + msg.T("尚未建立届次，请点击「新建一届」")
	case v.roster.Term == nil:
		return b.Name + " · " + msg.T("该日期不在任何一届任期内")
	}
	return b.Name + " · " + termText(b, v.roster.Term)
}

// orderingText says how holders are ordered within a position, and how
// many there are on the day.
func (v *Section) orderingText() string {
	b := v.body()
	if b == nil {
		return ""
	}
	order := msg.T("排序：按指定顺序（可用上移、下移调整）")
	if b.Ordering == store.OrderStrokes {
		order = msg.T("排序：按姓氏笔画（排名不分先后；单位按名称笔画）")
	}
	return order + msg.T("；") + v.countText() + msg.T("；") + msg.T("在「编辑机构」中更改排序方式")
}

// countText counts the holders on the day: 共 45 人, 共 16 家单位, or both.
func (v *Section) countText() string {
	units := 0
	for _, l := range v.lines {
		if l.IsUnit {
			units++
		}
	}
	people := len(v.lines) - units
	switch {
	case units == 0:
		return msg.Tf("共 %d 人", people)
	case people == 0:
		return msg.Tf("共 %d 家单位", units)
	}
	return msg.Tf("共 %d 人、%d 家单位", people, units)
}

// seatTools are the buttons that change the seats of the term shown: the
// dated changes first, then the corrections of a seat recorded wrongly.
type seatTools struct {
	bar                              fyne.CanvasObject
	add, replace, end, rep, up, down *widget.Button
	correct, remove                  *widget.Button
}

func (v *Section) newSeatTools() *seatTools {
	t := &seatTools{
		add:     kit.IconButton("增加人员", theme.ContentAddIcon(), v.showAddSeat),
		replace: kit.IconButton("更换", theme.ViewRefreshIcon(), v.showReplace),
		end:     kit.IconButton("离任", theme.LogoutIcon(), v.showEndSeat),
		rep:     kit.IconButton("更换代表", theme.AccountIcon(), v.showChangeRep),
		up:      kit.IconButton("上移", theme.MoveUpIcon(), func() { v.moveSeat(-1) }),
		down:    kit.IconButton("下移", theme.MoveDownIcon(), func() { v.moveSeat(1) }),
		correct: kit.IconButton("修改职务", theme.DocumentCreateIcon(), v.showCorrectSeat),
		remove:  kit.IconButton("删除席位", theme.DeleteIcon(), v.confirmRemoveSeat),
	}
	t.add.Importance = widget.HighImportance
	t.bar = container.NewHBox(t.add, t.replace, t.end, t.rep, t.up, t.down, layout.NewSpacer(), t.correct, t.remove)
	return t
}

// update enables what applies: seats are added to the term in force on
// the day; any seat shown can be corrected, and deleted from the current
// term; a seat still held can be replaced or ended; a unit's seat can
// change its representative; ranked bodies move seats within a position.
func (t *seatTools) update(v *Section) {
	for _, b := range []*widget.Button{t.add, t.replace, t.end, t.rep, t.up, t.down, t.correct, t.remove} {
		b.Disable()
	}
	if v.roster.Term == nil {
		return
	}
	t.add.Enable()
	s := v.selectedSeat()
	if s == nil {
		return
	}
	t.correct.Enable()
	if v.showsCurrentTerm() {
		t.remove.Enable()
	}
	if !s.End.IsZero() {
		return
	}
	t.replace.Enable()
	t.end.Enable()
	if s.MemberID != uuid.Nil {
		t.rep.Enable()
	}
	if v.body().Ordering == store.OrderRanked {
		t.updateMoves(v, s)
	}
}

// updateMoves enables 上移 and 下移 where a neighbour holds the same
// position.
func (t *seatTools) updateMoves(v *Section, s *store.Seat) {
	row := v.lineOf(s.ID)
	if row > 0 && v.lines[row-1].Position == s.Position {
		t.up.Enable()
	}
	if row+1 < len(v.lines) && v.lines[row+1].Position == s.Position {
		t.down.Enable()
	}
}

// selectedSeat is the seat of the selected row in the term shown, or nil.
func (v *Section) selectedSeat() *store.Seat {
	if v.roster.Term == nil || v.seatID == uuid.Nil {
		return nil
	}
	return v.roster.Term.Seat(v.seatID)
}
