package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// The 年度指标表 sent upstream: the group's figures beside last year's,
// each unit's collected figures, and three years side by side.
const (
	GroupSheet   = "集团汇总"
	UnitsSheet   = "分单位明细"
	CompareSheet = "三年对比"
)

var (
	groupHeaders   = []string{"序号", "指标分组", "指标名称", "计量单位", "本年", "上年", "增减", "来源"}
	groupWidths    = []float64{6, 16, 30, 9, 11, 11, 11, 12}
	compareWidths  = []float64{6, 16, 30, 9, 12, 12, 12}
	unitNameWidth  = 26.0
	unitValueWidth = 10.0
)

// Source words of the 来源 column.
const (
	SourceComputedWord  = "程序计算"
	SourceCollectedWord = "成员单位填报"
)

// IndicatorBookTitle is "<集团名称>2026年度指标表".
func IndicatorBookTitle(group string, year int) string {
	return fmt.Sprintf("%s%d年度指标表", groupName(group), year)
}

// WriteIndicatorBook writes the 年度指标表 of c's year to path. group is
// the group's figures by year (store.GroupValues of each year), units the
// year's collected values of each unit, members the units' names.
func WriteIndicatorBook(path string, c *store.Catalogue, group map[int]map[string]float64, units []store.UnitValues,
	members []store.Member, groupName string) error {
	return exportBook(path, "年度指标表", func(f *excelize.File) error {
		base, err := newMeetingStyles(f)
		if err != nil {
			return err
		}
		st, err := newIndicatorStyles(f)
		if err != nil {
			return err
		}
		b := &indicatorBook{f: f, st: base, num: st, c: c, group: groupName}
		if err := b.summary(group); err != nil {
			return err
		}
		if err := b.byUnit(group[c.Year], units, members); err != nil {
			return err
		}
		return b.compare(group)
	})
}

// indicatorBook writes the book's sheets with the shared styles.
type indicatorBook struct {
	f     *excelize.File
	st    *meetingStyles
	num   *indicatorStyles
	c     *store.Catalogue
	group string
}

// sheet starts a sheet (the first one renames the workbook's own) with
// the print setup and headRows repeated rows, ready to stream.
func (b *indicatorBook) sheet(name, orientation string, headRows int) (*meetingSheet, error) {
	switch first := b.f.GetSheetName(0); {
	case first == "Sheet1":
		if err := b.f.SetSheetName(first, name); err != nil {
			return nil, err
		}
	case slices.Contains(b.f.GetSheetList(), name): // made and set up already (widePages)
		return b.stream(name)
	default:
		if _, err := b.f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	if err := printSetup(b.f, name, orientation, "$1:$"+strconv.Itoa(headRows)); err != nil {
		return nil, err
	}
	return b.stream(name)
}

func (b *indicatorBook) stream(name string) (*meetingSheet, error) {
	w := &meetingSheet{st: b.st, row: 1}
	w.stream(b.f, name)
	return w, w.err
}

// value is a number cell of ind's format; absent is an empty bordered cell.
func (b *indicatorBook) value(ind *store.Indicator, v float64, ok bool, total bool) excelize.Cell {
	styles := b.num.locked
	if total {
		styles = b.num.total
	}
	cell := excelize.Cell{StyleID: styles[valueFormat(ind)]}
	if ok {
		cell.Value = v
	}
	return cell
}

// describe is the four cells that name an indicator: 序号, 分组, 名称, 单位.
func (b *indicatorBook) describe(n int, ind *store.Indicator) []any {
	return []any{excelize.Cell{StyleID: b.st.center, Value: n}, b.st.textCell(PrintText(ind.Group)),
		b.st.textCell(PrintText(ind.Name)), excelize.Cell{StyleID: b.st.center, Value: ind.Unit}}
}

func lookup(m map[string]float64, code string) (float64, bool) {
	v, ok := m[code]
	return v, ok
}

// summary writes 集团汇总: every indicator, this year and last, the
// difference (rounded as GroupValues rounds, so 0.1+0.2 prints 0.3) and
// where the figure comes from.
func (b *indicatorBook) summary(group map[int]map[string]float64) error {
	y := b.c.Year
	note := fmt.Sprintf("本年为%d年，上年为%d年。“程序计算”的指标按%d年12月31日的成员名册、会议和督查记录计算；"+
		"“成员单位填报”的指标为各成员单位填报数之和，明细见“%s”。", y, y-1, y, UnitsSheet)
	w, err := b.sheet(GroupSheet, portrait, 3)
	if err != nil {
		return err
	}
	w.head(IndicatorBookTitle(b.group, y), []string{note}, groupHeaders, groupWidths)
	for i := range b.c.Indicators {
		ind := &b.c.Indicators[i]
		now, okNow := lookup(group[y], ind.Code)
		last, okLast := lookup(group[y-1], ind.Code)
		source := SourceComputedWord
		if ind.Source == store.SourceCollected {
			source = SourceCollectedWord
		}
		cells := append(b.describe(i+1, ind), b.value(ind, now, okNow, false), b.value(ind, last, okLast, false),
			b.value(ind, math.Round((now-last)*100)/100, okNow && okLast, false),
			excelize.Cell{StyleID: b.st.center, Value: source})
		w.put(cells, max(22, wrapHeight(bodyPt, []string{"", ind.Group, ind.Name}, groupWidths)))
	}
	return w.flush()
}

// collected are the catalogue's collected indicators.
func (b *indicatorBook) collected() []*store.Indicator {
	var out []*store.Indicator
	for i := range b.c.Indicators {
		if b.c.Indicators[i].Source == store.SourceCollected {
			out = append(out, &b.c.Indicators[i])
		}
	}
	return out
}

// reporting are the units with at least one collected value of the
// catalogue, in members' order, then any unit no longer among members,
// each with its name (the member's, else the name it was stored under).
func reporting(inds []*store.Indicator, units []store.UnitValues, members []store.Member) ([]*store.UnitValues, []string) {
	byMember := map[uuid.UUID]*store.UnitValues{}
	for i := range units {
		for _, ind := range inds {
			if _, ok := units[i].Values[ind.Code]; ok {
				byMember[units[i].MemberID] = &units[i]
				break
			}
		}
	}
	var out []*store.UnitValues
	var names []string
	for i := range members {
		if v := byMember[members[i].ID]; v != nil {
			out, names = append(out, v), append(names, members[i].Name)
			delete(byMember, members[i].ID)
		}
	}
	for i := range units {
		if v := byMember[units[i].MemberID]; v == &units[i] {
			out, names = append(out, v), append(names, units[i].Unit)
		}
	}
	return out, names
}

// byUnit writes 分单位明细: one row per reporting unit, one column per
// collected indicator headed with its unit of measure, and a 合计 row of
// the group's figures (GroupValues' sums, which equal the rows' when the
// caller sums the same units).
func (b *indicatorBook) byUnit(year map[string]float64, units []store.UnitValues, members []store.Member) error {
	inds := b.collected()
	headers, widths := []string{"序号", "单位名称"}, []float64{6, unitNameWidth}
	for _, ind := range inds {
		headers = append(headers, PrintText(ind.Name)+"（"+ind.Unit+"）")
		widths = append(widths, unitValueWidth)
	}
	if err := b.widePages(len(inds)); err != nil {
		return err
	}
	w, err := b.sheet(UnitsSheet, landscape, 2)
	if err != nil {
		return err
	}
	w.head(UnitsSheet+"（"+IndicatorBookTitle(b.group, b.c.Year)+"）", nil, headers, widths)
	rows, names := reporting(inds, units, members)
	for i, u := range rows {
		cells := []any{excelize.Cell{StyleID: b.st.center, Value: i + 1}, b.st.textCell(PrintText(names[i]))}
		for _, ind := range inds {
			v, ok := u.Value(ind.Code)
			cells = append(cells, b.value(ind, v, ok, false))
		}
		w.put(cells, max(22, wrapHeight(bodyPt, []string{"", names[i]}, widths)))
	}
	cells := []any{excelize.Cell{StyleID: b.st.totalLabel, Value: "合计"}, excelize.Cell{StyleID: b.st.totalLabel}}
	for _, ind := range inds {
		v, ok := year[ind.Code]
		cells = append(cells, b.value(ind, v, ok, true))
	}
	if w.err == nil {
		w.err = w.sw.MergeCell("A"+strconv.Itoa(w.row), "B"+strconv.Itoa(w.row))
	}
	w.put(cells, 22)
	return w.flush()
}

// unitColumnsPerPage is how many indicator columns a landscape page
// holds at a readable size beside the repeated 序号 and 单位名称.
const unitColumnsPerPage = 11

// widePages lets 分单位明细 run to several pages across instead of
// shrinking thirty columns onto one (unreadable at a third of the size):
// the sheet is made first and set up by sheet, then widened here, with
// 序号 and 单位名称 repeated on every page as well as the header rows.
func (b *indicatorBook) widePages(columns int) error {
	if _, err := b.f.NewSheet(UnitsSheet); err != nil {
		return err
	}
	if err := printSetup(b.f, UnitsSheet, landscape, "$1:$2"); err != nil {
		return err
	}
	across := max(1, (columns+unitColumnsPerPage-1)/unitColumnsPerPage)
	if err := b.f.SetPageLayout(UnitsSheet, &excelize.PageLayoutOptions{FitToWidth: &across}); err != nil {
		return err
	}
	if err := b.f.DeleteDefinedName(&excelize.DefinedName{Name: printTitles, Scope: UnitsSheet}); err != nil {
		return err
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: printTitles, Scope: UnitsSheet,
		RefersTo: "'" + UnitsSheet + "'!$A:$B,'" + UnitsSheet + "'!$1:$2"})
}

// compare writes 三年对比: every indicator in the year and the two before.
func (b *indicatorBook) compare(group map[int]map[string]float64) error {
	y := b.c.Year
	years := []int{y - 2, y - 1, y}
	headers := []string{"序号", "指标分组", "指标名称", "计量单位"}
	for _, yy := range years {
		headers = append(headers, strconv.Itoa(yy)+"年")
	}
	w, err := b.sheet(CompareSheet, portrait, 2)
	if err != nil {
		return err
	}
	w.head(fmt.Sprintf("%s%d—%d年指标对比", groupName(b.group), years[0], y), nil, headers, compareWidths)
	for i := range b.c.Indicators {
		ind := &b.c.Indicators[i]
		cells := b.describe(i+1, ind)
		for _, yy := range years {
			v, ok := group[yy][ind.Code]
			cells = append(cells, b.value(ind, v, ok, false))
		}
		w.put(cells, max(22, wrapHeight(bodyPt, []string{"", ind.Group, ind.Name}, compareWidths)))
	}
	return w.flush()
}
