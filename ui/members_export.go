package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
			v.chooseSaveFile(msg.Tf("成员单位名册_%s.xlsx", fileDate(v.asOf)), func(path string) {
				v.doExportRegister(path, mask.Checked)
			})
		}, v.app.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

func (v *membersView) chooseExportStats() {
	v.chooseSaveFile(msg.Tf("成员结构统计表_%s.xlsx", fileDate(v.asOf)), v.doExportStats)
}

func (v *membersView) chooseSaveTemplate() {
	v.chooseSaveFile(msg.T("成员单位导入模板.xlsx"), v.doSaveTemplate)
}

// chooseSaveFile asks where to save an .xlsx, offering name, and calls save
// with the path chosen.
func (v *membersView) chooseSaveFile(name string, save func(path string)) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.app.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // the export writes a temporary file and renames it over this one
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			removeIfEmpty(path)
			path += ".xlsx"
		}
		v.lastDir = filepath.Dir(path)
		save(path)
	}, v.app.win)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	v.startIn(fd)
	fd.Show()
}

// doExportRegister writes the register as of the chosen day to path.
func (v *membersView) doExportRegister(path string, maskPhones bool) {
	r := xlsx.RegisterExport{GroupName: v.app.settings.GroupName, AsOf: v.asOf,
		Entries: store.Register(v.list.members, v.asOf), MaskPhones: maskPhones}
	v.app.runInBackground("正在导出名册", func(func(float64)) error {
		return xlsx.ExportRegister(path, r)
	}, v.exported(path))
}

// doExportStats writes 成员结构统计表 as of the chosen day to path.
func (v *membersView) doExportStats(path string) {
	s := xlsx.StatsExport{GroupName: v.app.settings.GroupName,
		Stats:  store.ComputeStats(v.list.members, store.Date{}, v.asOf),
		ByTier: store.CountByTier(v.list.members, v.asOf)}
	v.app.runInBackground("正在导出统计表", func(func(float64)) error {
		return xlsx.ExportStats(path, s)
	}, v.exported(path))
}

// doSaveTemplate writes the import template to path.
func (v *membersView) doSaveTemplate(path string) {
	v.app.runInBackground("正在保存导入模板", func(func(float64)) error {
		return xlsx.WriteTemplate(path)
	}, v.exported(path))
}

// exported reports the end of an export: the error, or where the file is
// with a button that opens it in WPS or Excel for printing.
func (v *membersView) exported(path string) func(error) {
	return func(err error) {
		if err != nil {
			removeIfEmpty(path)
			v.app.showError(err)
			return
		}
		text := wrapLabel(msg.T("已保存到：") + "\n" + path)
		d := dialog.NewCustomConfirm(msg.T("导出完成"), msg.T("打开文件"), msg.T("关闭"), text, func(open bool) {
			if open {
				v.openFile(path)
			}
		}, v.app.win)
		d.Resize(fyne.NewSize(520, d.MinSize().Height))
		d.Show()
	}
}

// openFile opens path with the system's default application.
func (v *membersView) openFile(path string) {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows
	}
	u := &url.URL{Scheme: "file", Path: p}
	if err := v.app.fyne.OpenURL(u); err != nil {
		v.app.showError(err)
	}
}

// removeIfEmpty deletes the empty file a save dialog created when nothing
// was written to it, so a failed export leaves no empty workbook behind.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		os.Remove(path)
	}
}

// fileDate is a day as it goes into a file name: 20240301.
func fileDate(d store.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year(), int(d.Month()), d.Day())
}
