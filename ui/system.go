package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

func init() { registerSection(90, newSystemSection) }

// systemSection (系统) holds what concerns the data file rather than the
// group's work: its settings, the audit log, the trash and the program's
// own details.
type systemSection struct {
	a        *App
	section  *section
	tabs     *container.AppTabs
	settings *settingsTab
	auditLog *auditTab
	trash    *trashTab
}

func newSystemSection(a *App) *section {
	s := &systemSection{a: a}
	s.section = &section{title: "系统", icon: theme.SettingsIcon(), build: s.build, refresh: s.refresh}
	return s.section
}

func (s *systemSection) build() fyne.CanvasObject {
	s.settings = newSettingsTab(s.a)
	s.auditLog = newAuditTab(s.a)
	s.trash = newTrashTab(s.a)
	// Settings and 关于 are text that scrolls. Tabs need the height of
	// their tallest item, shown or not, and a tab never shown measures its
	// wrapped text one word a line: unscrolled, 关于 alone would make the
	// window grow past the screen (to 2406 pixels in English).
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(msg.T("设置"), theme.SettingsIcon(), container.NewVScroll(s.settings.build())),
		container.NewTabItemWithIcon(msg.T("操作日志"), theme.ListIcon(), s.auditLog.build()),
		container.NewTabItemWithIcon(msg.T("回收站"), theme.DeleteIcon(), s.trash.build()),
		container.NewTabItemWithIcon(msg.T("关于"), theme.InfoIcon(), container.NewVScroll(newAboutView(s.a))))
	s.tabs.OnSelected = func(*container.TabItem) { s.reload() }
	s.reload()
	return s.tabs
}

// refresh reloads the log and the trash when the section is on screen;
// the shell calls it again when the section is shown.
func (s *systemSection) refresh() {
	if s.a.sections[s.a.current] == s.section {
		s.reload()
	}
}

// reload reads what the open tab shows, so a change made elsewhere (a
// delete in the register) is there when the clerk looks.
func (s *systemSection) reload() {
	switch s.tabs.SelectedIndex() {
	case 1:
		s.auditLog.load()
	case 2:
		s.trash.load()
	}
}

// applySavedLanguage switches to the language chosen under 系统 → 设置
// when the data file is opened. With no choice saved the language the
// program was started in (LANG) stays.
func applySavedLanguage(st store.Settings) {
	if st.Language == "" || (st.Language == "en") == msg.LanguageIsEnglish() {
		return
	}
	msg.SetLanguage(st.Language)
}

// rebuildSections makes every section again in the current language, so
// a language switch takes effect at once without restarting. The section
// on screen is rebuilt and shown again; the others are built when visited.
func (a *App) rebuildSections() {
	a.sections = a.newSections()
	a.nav.Refresh()
	a.updateTitle()
	a.show(a.current)
}
