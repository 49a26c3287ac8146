package system

import (
	"cmp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// newAboutView (关于) says what the program is, which version runs, where
// its data lives and under which licences the bundled font and stroke
// data are shipped.
func newAboutView(sh kit.Shell) fyne.CanvasObject {
	name := &widget.Label{Text: msg.T(kit.AppName), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	version := cmp.Or(sh.App().Metadata().Version, msg.T("开发版"))
	wrap := func(s string) *widget.Label {
		return &widget.Label{Text: s, Wrapping: fyne.TextWrapWord}
	}
	form := widget.NewForm(
		widget.NewFormItem(msg.T("版本"), widget.NewLabel(version)),
		widget.NewFormItem(whereLabel(sh.Store()), &widget.Label{Text: store.Where(sh.Store()), Selectable: true, Wrapping: fyne.TextWrapBreak}),
		widget.NewFormItem(msg.T("字体"), wrap(msg.T("Droid Sans Fallback，Apache-2.0 许可证。随程序附带，没有安装中文字体的电脑也能正常显示中文。"))),
		widget.NewFormItem(msg.T("笔画数据"), wrap(msg.T("姓氏笔画排序所用的数据随程序附带：总笔画数取自 Unicode Unihan 数据库（kTotalStrokes），Unicode 许可证；笔顺取自 rime-stroke，源自 CNS11643，LGPL-3.0 许可证。许可证全文见源代码中的 store/stroke/LICENSE-DATA.txt。"))))
	return container.NewVBox(name,
		wrap(aboutText(sh.Store())),
		form)
}

// aboutText says what the program is and where its data lives: a data
// file on this PC, or a database the clerks share.
func aboutText(s store.Store) string {
	if isFile(s) {
		return msg.T("职业教育集团秘书处的离线桌面工具：登记成员单位的加入、类别变更与退出，查看任意日期的名册与统计，导入导出 Excel 表格。数据只保存在本机的数据文件中，不联网；每次修改都记入操作日志，删除的记录可在回收站恢复。")
	}
	return msg.T("职业教育集团秘书处的桌面工具：登记成员单位的加入、类别变更与退出，查看任意日期的名册与统计，导入导出 Excel 表格。数据保存在几位秘书共用的数据库中；每次修改都记入操作日志（含操作人和电脑），删除的记录可在回收站恢复。")
}

// whereLabel names what store.Where shows: 数据文件 or 数据库.
func whereLabel(s store.Store) string {
	if isFile(s) {
		return msg.T("数据文件")
	}
	return msg.T("数据库")
}

func isFile(s store.Store) bool {
	_, ok := store.As[store.FileStore](s)
	return ok
}
