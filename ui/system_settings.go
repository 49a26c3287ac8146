package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// languageChoices are the languages the program speaks, each named in
// itself so a clerk who cannot read the current one still finds theirs.
var languageChoices = []struct{ code, name string }{{"zh", "中文"}, {"en", "English"}}

// settingsTab (设置) edits the data file's settings: the group's name,
// which heads the window and every printed sheet, and the language.
type settingsTab struct {
	a        *App
	name     *widget.Entry
	save     *widget.Button
	saved    *widget.Label
	language *widget.Select
}

func newSettingsTab(a *App) *settingsTab { return &settingsTab{a: a} }

func (t *settingsTab) build() fyne.CanvasObject {
	t.name = widget.NewEntry()
	t.name.SetText(t.a.settings.GroupName)
	t.name.Validator = func(s string) error {
		if store.CleanText(s) == "" {
			return &store.FieldError{Field: store.FieldGroupName, Problem: store.ProblemRequired}
		}
		return nil
	}
	t.name.OnSubmitted = func(string) { t.saveName() }
	t.name.OnChanged = func(string) { t.saved.SetText("") }
	t.save = &widget.Button{Text: msg.T("保存"), Importance: widget.HighImportance, OnTapped: t.saveName}
	t.saved = &widget.Label{Importance: widget.SuccessImportance}

	t.language = widget.NewSelect(languageNames(), nil)
	t.language.SetSelected(languageName(msg.LanguageIsEnglish()))
	t.language.OnChanged = t.chooseLanguage

	path := &widget.Label{Text: t.a.store.Path(), Selectable: true, Wrapping: fyne.TextWrapBreak}
	form := widget.NewForm(
		widget.NewFormItem(msg.T("集团名称"), container.NewBorder(nil, nil, nil, container.NewHBox(t.save, t.saved), t.name)),
		&widget.FormItem{Text: msg.T("界面语言"), Widget: t.language,
			HintText: msg.T("切换后立即生效；个别文字（如系统对话框）在重新启动程序后更新。")},
		widget.NewFormItem(msg.T("数据文件"), path))
	hint := &widget.Label{Text: msg.T("集团名称显示在窗口标题和所有导出表格的标题中。"), Wrapping: fyne.TextWrapWord}
	return container.NewVBox(form, hint)
}

// saveName stores the group's name and shows it in the window title.
func (t *settingsTab) saveName() {
	if err := t.name.Validate(); err != nil {
		t.a.showError(err)
		return
	}
	st := t.a.settings
	st.GroupName = t.name.Text
	if !t.saveSettings(st) {
		return
	}
	t.name.SetText(t.a.settings.GroupName) // as cleaned by the store
	t.saved.SetText(msg.T("已保存"))
}

// chooseLanguage saves the language and rebuilds the window in it.
func (t *settingsTab) chooseLanguage(name string) {
	code := languageCode(name)
	if (code == "en") == msg.LanguageIsEnglish() {
		return
	}
	st := t.a.settings
	st.Language = code
	if !t.saveSettings(st) {
		t.language.SetSelected(languageName(msg.LanguageIsEnglish()))
		return
	}
	msg.SetLanguage(code)
	t.a.rebuildSections()
}

// saveSettings stores st and takes back what the store kept, reporting
// whether it worked.
func (t *settingsTab) saveSettings(st store.Settings) bool {
	if err := t.a.store.SaveSettings(st); err != nil {
		t.a.showError(err)
		return false
	}
	if kept, err := t.a.store.Settings(); err == nil {
		st = kept
	}
	t.a.settings = st
	t.a.updateTitle()
	t.a.dataChanged()
	return true
}

func languageNames() []string {
	out := make([]string, len(languageChoices))
	for i, l := range languageChoices {
		out[i] = l.name
	}
	return out
}

func languageName(english bool) string {
	if english {
		return languageChoices[1].name
	}
	return languageChoices[0].name
}

func languageCode(name string) string {
	for _, l := range languageChoices {
		if l.name == name {
			return l.code
		}
	}
	return "zh"
}
