package members

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// memberToolbar holds the section's buttons: what can be done to the
// selected unit on the left, files on the right.
type memberToolbar struct {
	bar                                fyne.CanvasObject
	add, edit, tier, exit, join, del   *widget.Button
	importFile, exportRegister, export *widget.Button
	template                           *widget.Button
}

func (v *Section) newToolbar() *memberToolbar {
	t := &memberToolbar{
		add:            kit.IconButton("新增", theme.ContentAddIcon(), v.showAddMember),
		edit:           kit.IconButton("编辑", theme.DocumentCreateIcon(), v.showEditMember),
		tier:           kit.IconButton("类别变更", theme.MoveUpIcon(), v.showTierChange),
		exit:           kit.IconButton("退出", theme.LogoutIcon(), v.showExit),
		join:           kit.IconButton("重新加入", theme.LoginIcon(), v.showJoin),
		del:            kit.IconButton("删除", theme.DeleteIcon(), v.confirmDelete),
		importFile:     kit.IconButton("导入", theme.UploadIcon(), v.chooseImportFile),
		exportRegister: kit.IconButton("导出名册", theme.DocumentSaveIcon(), v.chooseExportRegister),
		export:         kit.IconButton("导出统计表", theme.DocumentSaveIcon(), v.chooseExportStats),
		template:       kit.IconButton("下载导入模板", theme.DownloadIcon(), v.chooseSaveTemplate),
	}
	t.add.Importance = widget.HighImportance
	t.bar = container.NewHBox(t.add, t.edit, t.tier, t.exit, t.join, t.del, layout.NewSpacer(),
		t.importFile, t.exportRegister, t.export, t.template)
	t.update(nil)
	return t
}

// update enables what applies to m as it stands today: a unit in the
// register can change tier or leave; one that is not can be admitted
// (批准加入 for an applicant, 重新加入 for a unit that left).
func (t *memberToolbar) update(m *store.Member) {
	for _, b := range []*widget.Button{t.edit, t.tier, t.exit, t.join, t.del} {
		b.Disable()
	}
	if m == nil {
		t.join.SetText(msg.T("重新加入"))
		return
	}
	t.edit.Enable()
	t.del.Enable()
	if m.StateOn(kit.Today()).Status == store.StatusActive {
		t.tier.Enable()
		t.exit.Enable()
		return
	}
	t.join.SetText(msg.T(joinTitle(m)))
	t.join.Enable()
}
