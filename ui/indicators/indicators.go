// Package indicators is the 指标报送 section: a year's indicator
// catalogue (computed and collected indicators, filed and versioned), the
// grid of the values the member units report, the collection round with
// its templates and returns, and the group's annual sheet.
package indicators

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Section is 指标报送: a year picker above four tabs.
type Section struct {
	sh     kit.Shell
	loader *kit.Loader[*indData]
	data   *indData // the latest load; nil until the first arrives
	year   int

	years   *widget.Select
	start   *widget.Button
	noCat   *widget.Label
	tabs    *container.AppTabs
	cat     *catalogueTab
	grid    *gridTab
	returns *returnsTab
	summary *summaryTab
	view    fyne.CanvasObject
}

// The section's tabs.
const (
	tabCatalogue = iota
	tabGrid
	tabReturns
	tabSummary
)

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section {
	v := &Section{sh: sh, year: kit.Today().Year() - 1}
	v.loader = kit.NewLoader(sh, v.apply)
	return v
}

func (v *Section) Title() string       { return "指标报送" }
func (v *Section) Icon() fyne.Resource { return theme.StorageIcon() }

// Watches: the computed indicators count members, meetings and tasks.
func (v *Section) Watches() []store.Kind {
	return []store.Kind{store.KindCatalogue, store.KindIndicators, store.KindRound, store.KindMember,
		store.KindMeeting, store.KindTask, store.KindSettings}
}

func (v *Section) Build() fyne.CanvasObject {
	v.years = widget.NewSelect(nil, func(string) {
		if i := v.years.SelectedIndex(); i >= 0 && v.data != nil && v.data.years[i] != v.year {
			v.year = v.data.years[i]
			v.Refresh()
		}
	})
	v.start = kit.IconButton("建立本年度指标目录", theme.ContentAddIcon(), v.startCatalogue)
	v.start.Importance = widget.HighImportance
	v.noCat = widget.NewLabel("")
	v.cat = newCatalogueTab(v)
	v.grid = newGridTab(v)
	v.returns = newReturnsTab(v)
	v.summary = newSummaryTab(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("指标目录"), theme.ListIcon(), v.cat.view),
		container.NewTabItemWithIcon(msg.T("填报数据"), theme.GridIcon(), v.grid.view),
		container.NewTabItemWithIcon(msg.T("填报情况"), theme.MailSendIcon(), v.returns.view),
		container.NewTabItemWithIcon(msg.T("年度汇总"), theme.DocumentIcon(), v.summary.view))
	bar := container.NewHBox(widget.NewLabel(msg.T("年度")), v.years, v.noCat, v.start)
	v.start.Hide()
	v.view = container.NewBorder(bar, nil, nil, nil, v.tabs)
	v.Refresh()
	return v.view
}

// Refresh reloads the year shown off the UI thread.
func (v *Section) Refresh() {
	s, ctx, data, year, today := v.sh.Store(), v.sh.Context(), v.sh.Data(), v.year, kit.Today()
	v.loader.Load(func() (*indData, error) { return loadData(s, ctx, data, year, today) })
}

func (v *Section) apply(d *indData) {
	v.data = d
	names := make([]string, len(d.years))
	for i, y := range d.years {
		names[i] = msg.Tf("%d年", y)
		if y == d.year {
			defer v.years.SetSelectedIndex(i)
		}
	}
	v.years.Options = names
	kit.ShowIf(v.start, d.cat == nil)
	kit.ShowIf(v.tabs, d.cat != nil)
	switch {
	case d.cat == nil:
		v.noCat.SetText(msg.T("该年度还没有指标目录。"))
	case !d.cat.Filed.IsZero():
		v.noCat.SetText(msg.Tf("第%d版，已于%s报送", d.cat.Version, msg.Date(d.cat.Filed)))
	default:
		v.noCat.SetText(msg.Tf("第%d版，未报送", d.cat.Version))
	}
	v.cat.apply(d)
	v.grid.apply(d)
	v.returns.apply(d)
	v.summary.apply(d)
}

// startCatalogue makes the year's first catalogue.
func (v *Section) startCatalogue() {
	s, ctx, year := v.sh.Store(), v.sh.Context(), v.year
	kit.Write(v.sh, func() error { _, err := s.StartCatalogue(ctx, year); return err },
		func() { v.sh.Changed(store.KindCatalogue, uuid.Nil) })
}

// showWriteError shows a store's refusal; a conflict reloads, so the
// clerk sees what the other clerk wrote.
func (v *Section) showWriteError(err error, kind store.Kind) {
	v.sh.ShowError(err)
	if errors.Is(err, store.ErrConflict) {
		v.sh.Changed(kind, uuid.Nil)
	}
}

// typeNames are the unit types an indicator is answered by, 全部 for
// every member unit.
func typeNames(ts []store.UnitType) string {
	if len(ts) == 0 {
		return msg.T("全部")
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = msg.T(string(t))
	}
	return strings.Join(names, msg.T("、"))
}

// sourceWord is 计算 or 采集.
func sourceWord(s store.IndicatorSource) string {
	if s == store.SourceComputed {
		return msg.T("计算")
	}
	return msg.T("采集")
}

// kindWord is 整数 or 小数.
func kindWord(k store.ValueKind) string {
	if k == store.KindDecimal {
		return msg.T("小数")
	}
	return msg.T("整数")
}

// collected are the catalogue's collected indicators, in order.
func collected(c *store.Catalogue) []store.Indicator {
	if c == nil {
		return nil
	}
	var out []store.Indicator
	for _, ind := range c.Indicators {
		if ind.Source == store.SourceCollected {
			out = append(out, ind)
		}
	}
	return slices.Clip(out)
}

func errorsIsConflict(err error) bool { return errors.Is(err, store.ErrConflict) }
