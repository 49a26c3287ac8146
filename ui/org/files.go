package org

import (
	"github.com/google/uuid"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// fileTools are the buttons under the roster: the roster in and out of
// Excel.
type fileTools struct {
	bar                              fyne.CanvasObject
	importFile, roster, table, units *widget.Button
}

func (v *Section) newFileTools() *fileTools {
	t := &fileTools{
		importFile: kit.IconButton("导入名单", theme.UploadIcon(), v.chooseRosterImport),
		roster:     kit.IconButton("导出名单", theme.DocumentPrintIcon(), func() { v.chooseExport(exportRoster) }),
		table:      kit.IconButton("导出表格", theme.DocumentSaveIcon(), func() { v.chooseExport(exportTable) }),
		units:      kit.IconButton("导出成员单位名单", theme.DocumentSaveIcon(), func() { v.chooseExport(exportUnits) }),
	}
	t.bar = container.NewHBox(layout.NewSpacer(), t.importFile, t.roster, t.table, t.units)
	return t
}

// update enables the exports when there is a roster to print, the unit
// list when some seat is held by a member unit, and the import when the
// body has a term to import into.
func (t *fileTools) update(v *Section) {
	for _, b := range []*widget.Button{t.importFile, t.roster, t.table, t.units} {
		b.Disable()
	}
	b := v.body()
	if b == nil {
		return
	}
	if b.CurrentTerm() != nil {
		t.importFile.Enable()
	}
	if v.roster.Term == nil {
		return
	}
	t.roster.Enable()
	t.table.Enable()
	for _, l := range v.lines {
		if l.IsUnit {
			t.units.Enable()
			break
		}
	}
}

// The three exports of a roster.
type rosterExportKind int

const (
	exportRoster rosterExportKind = iota // print-ready 名单, the seed's layout
	exportTable                          // plain table with phones
	exportUnits                          // 成员单位名单 of a 共同体
)

// chooseExport asks where to save the roster shown and writes it there
// in the background.
func (v *Section) chooseExport(kind rosterExportKind) {
	if name, export := v.rosterExport(kind); export != nil {
		kit.ChooseSaveFile(v.sh, name, export)
	}
}

// rosterExport is the default file name of an export of the roster shown
// (理事会名单_20240301.xlsx) and the function that writes it to a path in
// the background; nil if there is no roster.
func (v *Section) rosterExport(kind rosterExportKind) (string, func(path string)) {
	b := v.body()
	if b == nil || v.roster.Term == nil {
		return "", nil
	}
	st := v.sh.Settings()
	r := xlsx.RosterExport{GroupName: st.GroupName, Roster: v.roster, Positions: store.PositionsOf(st)}
	day := kit.FileDate(v.asOf)
	name, write := msg.Tf("%s名单_%s.xlsx", b.Name, day), xlsx.ExportRoster
	switch kind {
	case exportTable:
		name, write = msg.Tf("%s名单表格_%s.xlsx", b.Name, day), xlsx.ExportRosterTable
	case exportUnits:
		name, write = msg.Tf("%s成员单位名单_%s.xlsx", b.Name, day), xlsx.ExportUnitList
	}
	return name, func(path string) {
		kit.ExportInBackground(v.sh, "正在导出名单", path, func() error { return write(path, r) })
	}
}

// chooseRosterImport asks for an .xlsx roster and imports it into the
// current term of the body shown.
func (v *Section) chooseRosterImport() {
	b := v.body()
	if b == nil {
		return
	}
	body := b.Clone()
	kit.ChooseOpenFile(v.sh, func(path string) { v.importRoster(path, body) })
}

// importRoster reads and plans the file in the background, then shows the
// preview. Nothing is written until the clerk confirms it.
func (v *Section) importRoster(path string, b store.Body) {
	var plan *store.RosterPlan
	data, positions := v.sh.Data(), store.PositionsOf(v.sh.Settings())
	v.sh.RunWithProgress("正在读取导入文件", func(progress func(float64)) error {
		rows, err := xlsx.ReadRosterFile(path)
		if err != nil {
			return err
		}
		progress(0.4)
		people, err := data.People()
		if err != nil {
			return err
		}
		members, err := data.Members()
		if err != nil {
			return err
		}
		progress(0.7)
		plan = store.PlanRosterImport(b, people, members, rows, positions, time.Now())
		progress(1)
		return nil
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.showRosterPreview(path, plan)
	})
}

// applyRosterImport writes a plan without errors, in the background.
func (v *Section) applyRosterImport(plan *store.RosterPlan) {
	s, ctx := v.sh.Store(), v.sh.Context()
	v.sh.RunWithProgress("正在导入", func(progress func(float64)) error {
		err := s.ApplyRosterImport(ctx, plan)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		sum := plan.Summary()
		if sum.NewPeople > 0 {
			v.sh.Changed(store.KindPerson, uuid.Nil)
		}
		v.afterChange(plan.Body.ID)
		dialog.ShowInformation(msg.T("导入完成"),
			msg.Tf("新增任职 %d 人次，新建人员 %d 人。", sum.Seats, sum.NewPeople), v.sh.Window())
	})
}
