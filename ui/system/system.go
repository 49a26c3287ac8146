// Package system is the 系统 section: what concerns the data file rather
// than the group's work — its settings, the audit log, the trash and the
// program's own details.
package system

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Section (系统) holds the settings, the audit log, the trash, 备份与恢复
// and 关于.
type Section struct {
	sh       kit.Shell
	tabs     *container.AppTabs
	settings *settingsTab
	auditLog *auditTab
	trash    *trashTab
	backup   *backupTab
}

// New makes the section; it is built when first shown.
func New(sh kit.Shell) *Section { return &Section{sh: sh} }

func (s *Section) Title() string       { return "系统" }
func (s *Section) Icon() fyne.Resource { return theme.SettingsIcon() }

// Watches: every change shows in the audit log, a delete in the trash.
func (s *Section) Watches() []store.Kind { return kit.AllKinds }

func (s *Section) Build() fyne.CanvasObject {
	s.settings = newSettingsTab(s.sh)
	s.auditLog = newAuditTab(s.sh)
	s.trash = newTrashTab(s.sh)
	s.backup = newBackupTab(s.sh)
	// Settings and 关于 are text that scrolls. Tabs need the height of
	// their tallest item, shown or not, and a tab never shown measures its
	// wrapped text one word a line: unscrolled, 关于 alone would make the
	// window grow past the screen (to 2406 pixels in English).
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("设置"), theme.SettingsIcon(), container.NewVScroll(s.settings.build())),
		container.NewTabItemWithIcon(msg.T("操作日志"), theme.ListIcon(), s.auditLog.build()),
		container.NewTabItemWithIcon(msg.T("回收站"), theme.DeleteIcon(), s.trash.build()),
		container.NewTabItemWithIcon(msg.T("备份与恢复"), theme.StorageIcon(), container.NewVScroll(s.backup.build())),
		container.NewTabItemWithIcon(msg.T("关于"), theme.InfoIcon(), container.NewVScroll(newAboutView(s.sh))))
	s.tabs.OnSelected = func(*container.TabItem) { s.Refresh() }
	s.Refresh()
	return s.tabs
}

// Refresh reads what the open tab shows, so a change made elsewhere (a
// delete in the register) is there when the clerk looks.
func (s *Section) Refresh() {
	switch s.tabs.SelectedIndex() {
	case 1:
		s.auditLog.load()
	case 2:
		s.trash.load()
	case 3:
		s.backup.load()
	}
}
