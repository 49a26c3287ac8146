package members

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// chooseExportRegister asks whether to mask phones, then where to save
// the register as of the chosen day.
func (v *Section) chooseExportRegister() {
	if v.list == nil {
		return
	}
	n := len(store.Register(v.list.members, v.asOf))
	note := kit.Wrap(msg.Tf("导出截至%s在册的全部 %d 家单位（不受搜索和筛选影响）。", msg.Date(v.asOf), n))
	mask := widget.NewCheck(msg.T("手机号打码（如 138****1234），用于发给外单位的名册"), nil)
	mask.SetChecked(v.maskPhones)
	content := container.NewVBox(note, mask)
	d := dialog.NewCustomConfirm(msg.T("导出成员单位名册"), msg.T("选择保存位置…"), msg.T("取消"), content,
		func(ok bool) {
			if !ok {
				return
			}
			v.maskPhones = mask.Checked
			kit.ChooseSaveFile(v.sh, msg.Tf("成员单位名册_%s.xlsx", kit.FileDate(v.asOf)), func(path string) {
				v.doExportRegister(path, mask.Checked)
			})
		}, v.sh.Window())
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

func (v *Section) chooseExportStats() {
	kit.ChooseSaveFile(v.sh, msg.Tf("成员结构统计表_%s.xlsx", kit.FileDate(v.asOf)), v.doExportStats)
}

func (v *Section) chooseSaveTemplate() {
	kit.ChooseSaveFile(v.sh, msg.T("成员单位导入模板.xlsx"), v.doSaveTemplate)
}

// doExportRegister writes the register as of the chosen day to path.
func (v *Section) doExportRegister(path string, maskPhones bool) {
	r := xlsx.RegisterExport{GroupName: v.sh.Settings().GroupName, AsOf: v.asOf,
		Entries: store.Register(v.list.members, v.asOf), MaskPhones: maskPhones}
	kit.ExportInBackground(v.sh, "正在导出名册", path, func() error { return xlsx.ExportRegister(path, r) })
}

// doExportStats writes 成员结构统计表 as of the chosen day to path.
func (v *Section) doExportStats(path string) {
	s := xlsx.StatsExport{GroupName: v.sh.Settings().GroupName,
		Stats:  store.ComputeStats(v.list.members, store.Date{}, v.asOf),
		ByTier: store.CountByTier(v.list.members, v.asOf)}
	kit.ExportInBackground(v.sh, "正在导出统计表", path, func() error { return xlsx.ExportStats(path, s) })
}

// doSaveTemplate writes the import template to path.
func (v *Section) doSaveTemplate(path string) {
	kit.ExportInBackground(v.sh, "正在保存导入模板", path, func() error { return xlsx.WriteTemplate(path) })
}
