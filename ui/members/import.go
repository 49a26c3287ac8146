package members

import (
	"github.com/google/uuid"

	"fyne.io/fyne/v2/dialog"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// chooseImportFile asks for an .xlsx file and imports it.
func (v *Section) chooseImportFile() { kit.ChooseOpenFile(v.sh, v.doImport) }

// doImport reads and plans the file in the background, then shows the
// preview. Nothing is written until the clerk confirms it.
func (v *Section) doImport(path string) {
	var plan *store.ImportPlan
	data := v.sh.Data()
	v.sh.RunWithProgress("正在读取导入文件", func(progress func(float64)) (err error) {
		plan, err = kit.PlanMemberFile(path, data.Members, progress)
		return err
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.showImportPreview(path, plan)
	})
}

func (v *Section) showImportPreview(path string, plan *store.ImportPlan) {
	v.preview = kit.ShowMemberImport(v.sh.Window(), path, plan, "", func() { v.applyImport(plan) }, func() { v.preview = nil })
}

// applyImport writes a plan without errors, in the background.
func (v *Section) applyImport(plan *store.ImportPlan) {
	var sum store.ImportSummary
	s, ctx := v.sh.Store(), v.sh.Context()
	v.sh.RunWithProgress("正在导入", func(progress func(float64)) error {
		var err error
		sum, err = s.ApplyImport(ctx, plan)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.sh.Changed(store.KindMember, uuid.Nil)
		dialog.ShowInformation(msg.T("导入完成"),
			msg.Tf("新增 %d 家，更新 %d 家，无变化 %d 家。", sum.New, sum.Updated, sum.Unchanged), v.sh.Window())
	})
}
