package members

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// memberFilters is the bar above the table: search box, the four filters
// and the 截至日期 field.
type memberFilters struct {
	bar    fyne.CanvasObject
	search *widget.Entry
	typ    *widget.Select
	tier   *widget.Select
	status *widget.Select
	city   *widget.Select
	asOf   *kit.DateEntry

	cities []string // the city choices after 全部城市
}

// statusChoices are the status filter's values; "" is 全部状态. 在册 comes
// first and is the default: the register is what the clerk looks at most.
var statusChoices = []store.Status{store.StatusActive, store.StatusApplied, store.StatusLeft, ""}

func (v *Section) newFilters() *memberFilters {
	f := &memberFilters{}
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder(msg.T("搜索单位名称、信用代码、联系人"))
	f.search.OnChanged = func(s string) {
		v.filter.query = normaliseQuery(s)
		v.applyFilter()
	}
	f.typ = kit.NewFilterSelect("全部类型", store.UnitTypes, func(t store.UnitType) {
		v.filter.typ = t
		v.applyFilter()
	})
	f.tier = kit.NewFilterSelect("全部类别", store.Tiers, func(t store.Tier) {
		v.filter.tier = t
		v.applyFilter()
	})
	f.status = v.newStatusSelect()
	f.city = widget.NewSelect(nil, func(string) {
		i := f.city.SelectedIndex()
		v.filter.city = ""
		if i > 0 {
			v.filter.city = f.cities[i-1]
		}
		v.applyFilter()
	})
	f.setCities(nil)
	f.asOf = kit.NewDateEntry(kit.Today(), false)
	f.asOf.OnDate = v.setAsOf
	asOfBox := container.NewGridWrap(fyne.NewSize(170, f.asOf.MinSize().Height), f.asOf)
	f.bar = container.NewBorder(nil, nil, nil,
		container.NewHBox(f.typ, f.tier, f.status, f.city, layout.NewSpacer(),
			widget.NewLabel(msg.T("截至日期")), asOfBox),
		f.search)
	return f
}

func (v *Section) newStatusSelect() *widget.Select {
	names := make([]string, len(statusChoices))
	for i, s := range statusChoices {
		names[i] = msg.T(string(s))
		if s == "" {
			names[i] = msg.T("全部状态")
		}
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	v.filter.status = statusChoices[0]
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 {
			v.filter.status = statusChoices[i]
			v.applyFilter()
		}
	}
	return sel
}

// setCities offers the cities of the latest load, keeping the chosen one
// if it is still there.
func (f *memberFilters) setCities(cities []string) {
	if slices.Equal(cities, f.cities) && len(f.city.Options) > 0 {
		return
	}
	chosen := ""
	if i := f.city.SelectedIndex(); i > 0 {
		chosen = f.cities[i-1]
	}
	f.cities = cities
	onChanged := f.city.OnChanged
	f.city.OnChanged = nil // the filter is re-applied by the caller
	f.city.Options = append([]string{msg.T("全部城市")}, cities...)
	f.city.SetSelectedIndex(slices.Index(cities, chosen) + 1)
	f.city.OnChanged = onChanged
}

// reset clears the search and shows every status, type, tier and city.
func (f *memberFilters) reset() {
	f.search.SetText("")
	f.typ.SetSelectedIndex(0)
	f.tier.SetSelectedIndex(0)
	f.status.SetSelectedIndex(len(statusChoices) - 1)
	f.city.SetSelectedIndex(0)
}

func (f *memberFilters) setDate(d store.Date) { f.asOf.SetDate(d) }

// updateCounts writes the seed-000 sentence for the as-of day:
// 截至2024年3月1日：在册 81 家，其中政府部门 1 家、企业 47 家、高职院校 17 所…；
// 本年新增 3 家、退出 1 家. The types and their measure words are the
// store's (Stats.HeldTypeCounts), as the command line's stats say them.
func (v *Section) updateCounts() {
	st := store.ComputeStats(v.list.members, store.Date{}, v.asOf)
	var b strings.Builder
	b.WriteString(msg.Tf("截至%s：在册 %d 家", msg.Date(v.asOf), st.Total))
	var parts []string
	for _, c := range st.HeldTypeCounts() {
		parts = append(parts, typeCountText(c))
	}
	if len(parts) > 0 {
		b.WriteString(msg.T("，其中") + strings.Join(parts, msg.T("、")))
	}
	b.WriteString(msg.Tf("；本年新增 %d 家、退出 %d 家", st.Joined, st.Left))
	v.counts.SetText(b.String())
}

// typeCountText is one type's count in the measure word the work report
// counts it in (store.MeasureWord): 企业 47 家, 高职院校 17 所.
func typeCountText(c store.TypeCount) string {
	if c.Measure == "所" {
		return msg.Tf("%s %d 所", msg.T(string(c.Type)), c.N)
	}
	return msg.Tf("%s %d 家", msg.T(string(c.Type)), c.N)
}

func msgShown(n int) string { return msg.Tf("当前列表 %d 家", n) }
