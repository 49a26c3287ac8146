package indicators

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// indicatorForm is the fields of the dialog of one indicator.
type indicatorForm struct {
	code, name, unit, min, max, group *kit.KeyEntry
	source, kind                      *widget.Select
	answer                            *widget.CheckGroup
}

// showDialog adds an indicator (at < 0) or edits the one at row at. A
// computed indicator keeps its rule: only its wording can change.
func (c *catalogueTab) showDialog(at int) {
	cat := c.cat()
	if cat == nil {
		return
	}
	ind := store.Indicator{Source: store.SourceCollected, Kind: store.KindInteger}
	if at >= 0 {
		ind = cat.Clone().Indicators[at]
	}
	f := newIndicatorForm(ind)
	title, computed := "新增指标", ind.Source == store.SourceComputed
	if at >= 0 {
		title = "修改指标"
		f.code.Disable()
		f.source.Disable()
	}
	d := kit.NewFormDialog(c.v.sh, "保存", func() (func() error, func(), error) {
		edited := cat.Clone()
		got, err := f.indicator(ind)
		if err != nil {
			return nil, nil, err
		}
		if at < 0 {
			edited.Indicators = append(edited.Indicators, got)
		} else {
			edited.Indicators[at] = got
		}
		return c.save(edited)
	})
	d.AddEntry("指标代码", store.FieldIndicatorCode, f.code)
	d.AddEntry("指标名称", store.FieldIndicatorName, f.name)
	d.AddEntry("计量单位", store.FieldIndicatorUnit, f.unit)
	d.AddWidget("来源", f.source)
	if !computed {
		d.AddWidget("值的类型", f.kind)
		d.AddEntry("最小值", store.FieldIndicatorVal, f.min)
		d.AddEntry("最大值", "", f.max)
		d.AddWidget("填报单位", f.answer)
	}
	d.AddEntry("分组", "", f.group)
	d.Show(title)
}

func newIndicatorForm(ind store.Indicator) *indicatorForm {
	f := &indicatorForm{code: kit.TextEntry(ind.Code, nil), name: kit.TextEntry(ind.Name, nil),
		unit: kit.TextEntry(ind.Unit, nil), group: kit.TextEntry(ind.Group, nil)}
	f.code.SetPlaceHolder("training_bases")
	f.unit.SetPlaceHolder(strings.Join(store.MeasureUnits[:6], " "))
	f.min, f.max = kit.TextEntry(number(ind.Min), checkNumber), kit.TextEntry("", checkNumber)
	if ind.Max != 0 {
		f.max.SetText(number(ind.Max))
	}
	f.max.SetPlaceHolder(msg.T("不限"))
	f.source = widget.NewSelect([]string{msg.T("采集"), msg.T("计算")}, nil)
	f.source.SetSelectedIndex(b2i(ind.Source == store.SourceComputed))
	f.kind = widget.NewSelect([]string{msg.T("整数"), msg.T("小数")}, nil)
	f.kind.SetSelectedIndex(b2i(ind.Kind == store.KindDecimal))
	var types []string
	for _, t := range store.UnitTypes {
		types = append(types, msg.T(string(t)))
	}
	f.answer = widget.NewCheckGroup(types, nil)
	f.answer.Horizontal = true
	for _, t := range ind.Answer {
		if i := slices.Index(store.UnitTypes, t); i >= 0 {
			f.answer.Selected = append(f.answer.Selected, types[i])
		}
	}
	return f
}

// indicator is the indicator as the fields give it, over was.
func (f *indicatorForm) indicator(was store.Indicator) (store.Indicator, error) {
	ind := was
	ind.Code, ind.Name, ind.Unit, ind.Group = strings.TrimSpace(f.code.Text), f.name.Text, f.unit.Text, f.group.Text
	ind.Source = store.SourceCollected
	if f.source.SelectedIndex() == 1 {
		ind.Source = store.SourceComputed
	}
	if ind.Source == store.SourceComputed {
		ind.Min, ind.Max, ind.Answer = 0, 0, nil
		return ind, nil
	}
	ind.Kind = store.KindInteger
	if f.kind.SelectedIndex() == 1 {
		ind.Kind = store.KindDecimal
	}
	ind.Min, _ = strconv.ParseFloat(strings.TrimSpace(f.min.Text), 64)
	ind.Max, _ = strconv.ParseFloat(strings.TrimSpace(f.max.Text), 64)
	ind.Answer = nil
	for i, t := range store.UnitTypes {
		if slices.Contains(f.answer.Selected, msg.T(string(t))) {
			ind.Answer = append(ind.Answer, store.UnitTypes[i])
		}
	}
	return ind, nil
}

// checkNumber is a bound's check: empty or a number.
func checkNumber(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return kit.FieldProblem(store.FieldIndicatorVal, store.ProblemNotNumber)
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
