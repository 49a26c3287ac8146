package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// listFilters is the bar above the list: search, 单位, 状态, 预警, 类别,
// 来源 and the order.
type listFilters struct {
	bar                    fyne.CanvasObject
	search                 *widget.Entry
	unit, category, sortBy *widget.Select
	status, flag, source   *widget.Select
	units, categories      []string // the choices after 全部…, as last offered
}

func (l *listTab) newFilters() *listFilters {
	f := &listFilters{}
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder(msg.T("搜索编号、任务事项、单位、责任人"))
	f.search.OnChanged = func(s string) { l.filter.setQuery(s); l.applyFilter() }
	f.unit = widget.NewSelect(nil, func(string) {
		l.filter.unit = choice(f.unit, f.units)
		l.applyFilter()
	})
	f.category = widget.NewSelect(nil, func(string) {
		l.filter.category = choice(f.category, f.categories)
		l.applyFilter()
	})
	kit.SetOptions(f.unit, []string{msg.T("全部单位")}, 0)
	kit.SetOptions(f.category, []string{msg.T("全部任务类别")}, 0)
	f.status = kit.NewFilterSelect("全部状态", wordsOf(store.TaskStatuses), func(w string) {
		l.filter.status = codeOf(store.TaskStatuses, w)
		l.applyFilter()
	})
	f.flag = kit.NewFilterSelect("全部预警", wordsOf(store.Flags), func(w string) {
		l.filter.flag = codeOf(store.Flags, w)
		l.applyFilter()
	})
	f.source = kit.NewFilterSelect("全部来源", wordsOf(store.SourceKinds), func(w string) {
		l.filter.source = codeOf(store.SourceKinds, w)
		l.applyFilter()
	})
	f.sortBy = widget.NewSelect([]string{msg.T("按完成时限排序"), msg.T("按事项编号排序")}, func(string) {
		l.filter.byNumber = f.sortBy.SelectedIndex() == 1
		l.applyFilter()
	})
	f.sortBy.SetSelectedIndex(0)
	f.bar = container.NewBorder(nil, nil, nil,
		container.NewHBox(sized(f.unit, 180), f.status, f.flag, sized(f.category, 130), f.source, f.sortBy), f.search)
	return f
}

// setChoices offers the categories of the latest load, keeping the one
// chosen.
func (f *listFilters) setChoices(d *taskData) {
	names := append([]string{msg.T("全部任务类别")}, d.categories...)
	kit.SetOptions(f.category, names, kit.SelectedIn(f.categories, f.category, d.categories))
	f.categories = d.categories
}

// setUnits offers the units named on the tasks of the list.
func (f *listFilters) setUnits(l *taskList) {
	names := append([]string{msg.T("全部单位")}, l.units...)
	kit.SetOptions(f.unit, names, kit.SelectedIn(f.units, f.unit, l.units))
	f.units = l.units
}

// choice is the value chosen in sel (values after 全部…), "" for all.
func choice(sel *widget.Select, values []string) string {
	if i := sel.SelectedIndex(); i > 0 && i <= len(values) {
		return values[i-1]
	}
	return ""
}

// worded is a code with its Chinese word (store's Word methods).
type worded interface {
	~string
	Word() string
}

// wordsOf are the Chinese words of codes, the values msg.T translates.
func wordsOf[T worded](codes []T) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c.Word()
	}
	return out
}

// codeOf is the code whose word is w, "" for none.
func codeOf[T worded](codes []T, w string) T {
	for _, c := range codes {
		if c.Word() == w {
			return c
		}
	}
	return ""
}
