package system

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// trashTab (回收站) lists deleted records and brings one back. Deleting
// never loses a record; this is the way back.
type trashTab struct {
	sh       kit.Shell
	loader   *kit.Loader[[]store.TrashItem]
	items    []store.TrashItem
	selected int // row of the chosen item, -1 for none
	table    *widget.Table
	restore  *widget.Button
	purge    *widget.Button
	hint     *widget.Label // how to restore, or that there is nothing to
}

func newTrashTab(sh kit.Shell) *trashTab {
	t := &trashTab{sh: sh, selected: -1}
	t.loader = kit.NewLoader(sh, t.show)
	return t
}

func (t *trashTab) build() fyne.CanvasObject {
	t.table = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("名称"), 320), kit.Col(msg.T("类型"), 110), kit.Col(msg.T("删除时间"), 160)},
		func() int { return len(t.items) }, t.cell)
	t.table.OnSelected = func(id widget.TableCellID) {
		t.selected = id.Row
		t.restore.Enable()
		t.purge.Enable()
	}
	t.restore = widget.NewButtonWithIcon(msg.T("恢复"), theme.ContentUndoIcon(), t.confirmRestore)
	t.restore.Disable()
	t.purge = widget.NewButtonWithIcon(msg.T("永久删除"), theme.DeleteIcon(), t.confirmPurge)
	t.purge.Importance = widget.DangerImportance
	t.purge.Disable()
	t.hint = widget.NewLabel("")
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(t.restore, t.purge), t.hint)
	return container.NewBorder(bar, nil, nil, nil, t.table)
}

// load reads the trash off the UI thread.
func (t *trashTab) load() {
	s, ctx := t.sh.Store(), t.sh.Context()
	t.loader.Load(func() ([]store.TrashItem, error) { return s.Trash(ctx) })
}

// show lists items and clears the choice: rows may have moved.
func (t *trashTab) show(items []store.TrashItem) {
	t.items = items
	t.selected = -1
	t.table.UnselectAll()
	t.restore.Disable()
	t.purge.Disable()
	if len(items) == 0 {
		t.hint.SetText(msg.T("回收站是空的。"))
	} else {
		t.hint.SetText(msg.T("删除的记录保存在这里，选中一条后点“恢复”即可放回原处。"))
	}
	t.table.Refresh()
}

func (t *trashTab) cell(row, col int) string {
	if row >= len(t.items) {
		return ""
	}
	it := t.items[row]
	switch col {
	case 0:
		return it.Name
	case 1:
		return msg.Kind(it.Kind)
	}
	return kit.Clock(it.Deleted)
}

// confirmRestore asks before restoring the chosen record.
func (t *trashTab) confirmRestore() {
	if t.selected < 0 || t.selected >= len(t.items) {
		return
	}
	item := t.items[t.selected]
	t.sh.Confirm("恢复记录", msg.Tf("把「%s」从回收站恢复到%s中？", item.Name, msg.Kind(item.Kind)), "恢复",
		func() { t.restoreItem(item) })
}

// restoreItem puts the record back, off the UI thread. A unit added
// meanwhile with the same name or credit code makes the store refuse; the
// clerk is told which.
func (t *trashTab) restoreItem(item store.TrashItem) {
	s, ctx := t.sh.Store(), t.sh.Context()
	var err error
	t.sh.Background(func() { err = s.Restore(ctx, item.ID) }, func() {
		if err != nil {
			t.sh.ShowError(err)
			return
		}
		t.sh.Changed(item.Kind, item.ID)
	})
}

// confirmPurge asks, naming the record, before deleting it for good.
func (t *trashTab) confirmPurge() {
	if t.selected < 0 || t.selected >= len(t.items) {
		return
	}
	item := t.items[t.selected]
	t.sh.Confirm("永久删除", msg.Tf("永久删除%s「%s」？删除后无法恢复。", msg.Kind(item.Kind), item.Name), "永久删除",
		func() { t.purgeItem(item) })
}

// purgeItem deletes the item for good, off the UI thread.
func (t *trashTab) purgeItem(item store.TrashItem) {
	s, ctx := t.sh.Store(), t.sh.Context()
	var err error
	t.sh.Background(func() { err = s.PurgeTrash(ctx, item.ID) }, func() {
		if err != nil {
			t.sh.ShowError(err)
			return
		}
		t.sh.Changed(item.Kind, item.ID)
	})
}
