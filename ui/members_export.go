package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// chooseExportRegister asks whether to mask phones, then where to save
// the register as of the chosen day.
func (v *membersView) chooseExportRegister() {
	if v.list == nil {
		return
	}
	n := len(store.Register(v.list.members, v.asOf))
	note := wrapLabel(msg.Tf("导出截至%s在册的全部 %d 家单位（不受搜索和筛选影响）。", showDate(v.asOf), n))
	mask := widget.NewCheck(msg.T("手机号打码（如 138****1234），用于发给外单位的名册"), nil)
	mask.SetChecked(v.maskPhones)
	content := container.NewVBox(note, mask)
	d := dialog.NewCustomConfirm(msg.T("导出成员单位名册"), msg.T("选择保存位置…"), msg.T("取消"), content,
		func(ok bool) {
			if !ok {
				return
			}
			v.maskPhones = mask.Checked
			v.app.chooseSaveFile(msg.Tf("成员单位名册_%s.xlsx", fileDate(v.asOf)), func(path string) {
				v.doExportRegister(path, mask.Checked)
			})
		}, v.app.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

func (v *membersView) chooseExportStats() {
	v.app.chooseSaveFile(msg.Tf("成员结构统计表_%s.xlsx", fileDate(v.asOf)), v.doExportStats)
}

func (v *membersView) chooseSaveTemplate() {
	v.app.chooseSaveFile(msg.T("成员单位导入模板.xlsx"), v.doSaveTemplate)
}

// doExportRegister writes the register as of the chosen day to path.
func (v *membersView) doExportRegister(path string, maskPhones bool) {
	r := xlsx.RegisterExport{GroupName: v.app.settings.GroupName, AsOf: v.asOf,
		Entries: store.Register(v.list.members, v.asOf), MaskPhones: maskPhones}
	v.app.exportInBackground("正在导出名册", path, func() error { return xlsx.ExportRegister(path, r) })
}

// doExportStats writes 成员结构统计表 as of the chosen day to path.
func (v *membersView) doExportStats(path string) {
	s := xlsx.StatsExport{GroupName: v.app.settings.GroupName,
		Stats:  store.ComputeStats(v.list.members, store.Date{}, v.asOf),
		ByTier: store.CountByTier(v.list.members, v.asOf)}
	v.app.exportInBackground("正在导出统计表", path, func() error { return xlsx.ExportStats(path, s) })
}

// doSaveTemplate writes the import template to path.
func (v *membersView) doSaveTemplate(path string) {
	v.app.exportInBackground("正在保存导入模板", path, func() error { return xlsx.WriteTemplate(path) })
}
