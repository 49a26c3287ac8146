package indicators

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// catalogueTab is 指标目录: the year's indicators, editable until filed.
type catalogueTab struct {
	v        *Section
	table    *widget.Table
	selected int // row chosen, -1 none
	add      *widget.Button
	edit     *widget.Button
	remove   *widget.Button
	file     *widget.Button
	version  *widget.Button
	filed    *widget.Label
	view     fyne.CanvasObject
}

// Catalogue columns.
const (
	catCode = iota
	catName
	catUnit
	catSource
	catKind
	catBounds
	catAnswer
	catGroup
	catComputed
)

func newCatalogueTab(v *Section) *catalogueTab {
	c := &catalogueTab{v: v, selected: -1}
	cols := []kit.TextColumn{kit.Col(msg.T("代码"), 240), kit.Col(msg.T("名称"), 200), kit.Col(msg.T("计量单位"), 70),
		kit.Col(msg.T("来源"), 50), kit.Col(msg.T("值的类型"), 70), kit.Col(msg.T("最小/最大"), 80),
		kit.Col(msg.T("填报单位"), 200), kit.Col(msg.T("分组"), 150), kit.Col(msg.T("本年计算值"), 90)}
	c.table = kit.NewTextTable(cols, c.rows, c.cell)
	c.table.OnSelected = func(id widget.TableCellID) { c.selected = id.Row; c.enable() }
	c.add = kit.IconButton("新增指标", theme.ContentAddIcon(), func() { c.showDialog(-1) })
	c.edit = kit.IconButton("修改", theme.DocumentCreateIcon(), func() { c.showDialog(c.selected) })
	c.remove = kit.IconButton("删除", theme.DeleteIcon(), c.confirmRemove)
	c.file = kit.IconButton("报送", theme.MailSendIcon(), c.confirmFile)
	c.version = kit.IconButton("新建版本", theme.ContentCopyIcon(), c.newVersion)
	c.filed = widget.NewLabel("")
	c.filed.Importance = widget.SuccessImportance
	bar := container.NewHBox(c.add, c.edit, c.remove, widget.NewSeparator(), c.file, c.version, c.filed)
	hint := kit.Hint(msg.T("“计算”指标由程序按年末（12月31日）的成员、会议和督查记录计算；“采集”指标由成员单位填报。报送后目录冻结，如需修改请新建版本。"))
	c.view = container.NewBorder(container.NewVBox(bar, hint), nil, nil, nil, c.table)
	return c
}

func (c *catalogueTab) cat() *store.Catalogue {
	if c.v.data == nil {
		return nil
	}
	return c.v.data.cat
}

func (c *catalogueTab) rows() int {
	if cat := c.cat(); cat != nil {
		return len(cat.Indicators)
	}
	return 0
}

func (c *catalogueTab) cell(row, col int) string {
	cat := c.cat()
	if cat == nil || row >= len(cat.Indicators) {
		return ""
	}
	ind := &cat.Indicators[row]
	switch col {
	case catCode:
		return ind.Code
	case catName:
		return ind.Name
	case catUnit:
		return ind.Unit
	case catSource:
		return sourceWord(ind.Source)
	case catKind:
		return kindWord(ind.Kind)
	case catBounds:
		if ind.Source == store.SourceComputed {
			return ""
		}
		if ind.Max == 0 {
			return number(ind.Min) + " / —"
		}
		return number(ind.Min) + " / " + number(ind.Max)
	case catAnswer:
		if ind.Source == store.SourceComputed {
			return ""
		}
		return typeNames(ind.Answer)
	case catGroup:
		return ind.Group
	case catComputed:
		if x, ok := c.v.data.group[c.v.data.year][ind.Code]; ok && ind.Source == store.SourceComputed {
			return number(x)
		}
	}
	return ""
}

func (c *catalogueTab) apply(d *indData) {
	if d.cat == nil || c.selected >= len(d.cat.Indicators) {
		c.selected = -1
		c.table.UnselectAll()
	}
	c.table.Refresh()
	c.enable()
}

// enable offers what the catalogue allows: edits until filed, then a new
// version.
func (c *catalogueTab) enable() {
	cat := c.cat()
	open := cat != nil && cat.Filed.IsZero()
	enable(c.add, open)
	enable(c.edit, open && c.selected >= 0)
	enable(c.remove, open && c.selected >= 0)
	enable(c.file, open)
	kit.ShowIf(c.version, cat != nil && !open)
	kit.ShowIf(c.file, cat == nil || open)
	if cat != nil && !open {
		c.filed.SetText(msg.Tf("已于%s报送，目录只读。", msg.Date(cat.Filed)))
	} else {
		c.filed.SetText("")
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// save writes the catalogue edited; the dialog shows a refusal.
func (c *catalogueTab) save(edited store.Catalogue) (func() error, func(), error) {
	if err := edited.Validate(); err != nil {
		return nil, nil, err
	}
	s, ctx := c.v.sh.Store(), c.v.sh.Context()
	var saved store.Catalogue
	return func() (err error) { saved, err = s.SaveCatalogue(ctx, edited); return err },
		func() { c.v.sh.Changed(store.KindCatalogue, saved.ID) }, nil
}

func (c *catalogueTab) confirmRemove() {
	cat := c.cat()
	if cat == nil || c.selected < 0 || c.selected >= len(cat.Indicators) {
		return
	}
	at := c.selected
	edited := cat.Clone()
	name := edited.Indicators[at].Name
	edited.Indicators = append(edited.Indicators[:at:at], edited.Indicators[at+1:]...)
	c.v.sh.Confirm(msg.T("删除指标"), msg.Tf("从%d年指标目录中删除“%s”？", cat.Year, name), "删除", func() {
		s, ctx := c.v.sh.Store(), c.v.sh.Context()
		kit.Write(c.v.sh, func() error { _, err := s.SaveCatalogue(ctx, edited); return err },
			func() { c.v.sh.Changed(store.KindCatalogue, edited.ID) })
	})
}

// confirmFile files the catalogue as of today: frozen from then on.
func (c *catalogueTab) confirmFile() {
	cat := c.cat()
	if cat == nil {
		return
	}
	year, today := cat.Year, kit.Today()
	c.v.sh.Confirm(msg.T("报送"), msg.Tf("报送%d年指标（第%d版）？报送后目录和填报数据只读，如需修改须新建版本。", year, cat.Version), "报送", func() {
		s, ctx := c.v.sh.Store(), c.v.sh.Context()
		kit.Write(c.v.sh, func() error { _, err := s.FileCatalogue(ctx, year, today); return err },
			func() { c.v.sh.Changed(store.KindCatalogue, cat.ID) })
	})
}

func (c *catalogueTab) newVersion() {
	cat := c.cat()
	if cat == nil {
		return
	}
	s, ctx, year := c.v.sh.Store(), c.v.sh.Context(), cat.Year
	kit.Write(c.v.sh, func() error { _, err := s.NewCatalogueVersion(ctx, year); return err },
		func() { c.v.sh.Changed(store.KindCatalogue, cat.ID) })
}
