package system

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// languageChoices are the languages the program speaks, each named in
// itself so a clerk who cannot read the current one still finds theirs.
var languageChoices = []struct{ code, name string }{{"zh", "中文"}, {"en", "English"}}

// settingsTab (设置) edits the data file's settings: the group's name,
// which heads the window and every printed sheet, the language, and the
// positions of the bodies' seats in rank order.
type settingsTab struct {
	sh        kit.Shell
	name      *widget.Entry
	save      *widget.Button
	saved     *widget.Label
	language  *widget.Select
	positions *positionsEditor
	meetings  *meetingSettings
	tasks     *taskSettings
}

func newSettingsTab(sh kit.Shell) *settingsTab { return &settingsTab{sh: sh} }

func (t *settingsTab) build() fyne.CanvasObject {
	t.name = widget.NewEntry()
	t.name.SetText(t.sh.Settings().GroupName)
	t.name.Validator = func(s string) error {
		st := t.sh.Settings()
		st.GroupName = s
		return kit.StoreError(st.Validate())
	}
	t.name.OnSubmitted = func(string) { t.saveName() }
	t.name.OnChanged = func(string) { t.saved.SetText("") }
	t.save = &widget.Button{Text: msg.T("保存"), Importance: widget.HighImportance, OnTapped: t.saveName}
	t.saved = &widget.Label{Importance: widget.SuccessImportance}

	t.language = widget.NewSelect(languageNames(), nil)
	t.language.SetSelected(languageName(msg.LanguageIsEnglish()))
	t.language.OnChanged = t.chooseLanguage

	path := &widget.Label{Text: store.Where(t.sh.Store()), Selectable: true, Wrapping: fyne.TextWrapBreak}
	form := widget.NewForm(
		widget.NewFormItem(msg.T("集团名称"), container.NewBorder(nil, nil, nil, container.NewHBox(t.save, t.saved), t.name)),
		&widget.FormItem{Text: msg.T("界面语言"), Widget: t.language,
			HintText: msg.T("切换后立即生效；个别文字（如系统对话框）在重新启动程序后更新。")},
		widget.NewFormItem(whereLabel(t.sh.Store()), path))
	hint := &widget.Label{Text: msg.T("集团名称显示在窗口标题和所有导出表格的标题中。"), Wrapping: fyne.TextWrapWord}
	t.positions = newPositionsEditor(t)
	positions := widget.NewForm(widget.NewFormItem(msg.T("职位顺序"), t.positions.view))
	t.meetings = newMeetingSettings(t)
	t.tasks = newTaskSettings(t)
	return container.NewVBox(form, hint, widget.NewSeparator(), positions, widget.NewSeparator(), t.meetings.view,
		widget.NewSeparator(), t.tasks.view)
}

// saveName stores the group's name and shows it in the window title.
func (t *settingsTab) saveName() {
	st := t.sh.Settings()
	st.GroupName = t.name.Text
	if err := st.Validate(); err != nil {
		t.name.Validate()
		t.sh.ShowError(err)
		return
	}
	t.saveSettings(st, func() {
		t.name.SetText(t.sh.Settings().GroupName) // as cleaned by the store
		t.saved.SetText(msg.T("已保存"))
	}, nil)
}

// chooseLanguage saves the language and rebuilds the window in it.
func (t *settingsTab) chooseLanguage(name string) {
	code := languageCode(name)
	if (code == "en") == msg.LanguageIsEnglish() {
		return
	}
	st := t.sh.Settings()
	st.Language = code
	t.saveSettings(st, func() {
		msg.SetLanguage(code)
		t.sh.Rebuild()
	}, func() { t.language.SetSelected(languageName(msg.LanguageIsEnglish())) })
}

// saveSettings stores st off the UI thread and takes back what the store
// kept; then, on the UI thread, ok runs if it worked, failed (if not nil)
// after the error is shown if not.
func (t *settingsTab) saveSettings(st store.Settings, ok, failed func()) {
	s, ctx := t.sh.Store(), t.sh.Context()
	var err error
	t.sh.Background(func() {
		if err = s.SaveSettings(ctx, st); err == nil {
			if kept, kerr := s.Settings(ctx); kerr == nil {
				st = kept
			}
		}
	}, func() {
		if err != nil {
			t.sh.ShowError(err)
			if failed != nil {
				failed()
			}
			return
		}
		t.sh.SettingsSaved(st)
		ok()
	})
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

// positionsEditor edits the seat positions in rank order
// (store.PositionsOf): the order of the sections of every printed roster.
// Each change is saved at once, so there is no 保存 to forget.
type positionsEditor struct {
	t                         *settingsTab
	items                     []string
	sel                       int // selected row, -1 if none
	list                      *widget.List
	entry                     *widget.Entry
	note                      *widget.Label // why an addition was refused
	up, down, add, del, reset *widget.Button
	view                      fyne.CanvasObject
}

func newPositionsEditor(t *settingsTab) *positionsEditor {
	e := &positionsEditor{t: t, sel: -1, items: slices.Clone(store.PositionsOf(t.sh.Settings()))}
	e.list = widget.NewList(func() int { return len(e.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.items[i]) })
	e.list.OnSelected = func(i widget.ListItemID) { e.sel = i; e.updateButtons() }
	e.list.OnUnselected = func(widget.ListItemID) { e.sel = -1; e.updateButtons() }
	e.entry = widget.NewEntry()
	e.entry.SetPlaceHolder(msg.T("新职位名称，如：名誉会长"))
	e.entry.OnSubmitted = func(string) { e.addItem() }
	e.note = &widget.Label{Importance: widget.DangerImportance}
	e.up = widget.NewButtonWithIcon(msg.T("上移"), theme.MoveUpIcon(), func() { e.move(-1) })
	e.down = widget.NewButtonWithIcon(msg.T("下移"), theme.MoveDownIcon(), func() { e.move(1) })
	e.add = widget.NewButtonWithIcon(msg.T("添加"), theme.ContentAddIcon(), e.addItem)
	e.del = widget.NewButtonWithIcon(msg.T("删除"), theme.DeleteIcon(), e.remove)
	e.reset = widget.NewButtonWithIcon(msg.T("恢复默认"), theme.HistoryIcon(), e.restoreDefaults)
	// A list has no height of its own: eight rows show the top ranks.
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(220, 8*e.list.MinSize().Height))
	buttons := container.NewVBox(e.up, e.down, e.del, e.reset)
	hint := &widget.Label{Text: msg.T("职位的先后顺序就是打印名单时各部分的先后顺序。"), Wrapping: fyne.TextWrapWord}
	e.view = container.NewVBox(hint,
		container.NewBorder(nil, nil, nil, buttons, container.NewStack(space, e.list)),
		container.NewBorder(nil, e.note, nil, e.add, e.entry))
	e.updateButtons()
	return e
}

func (e *positionsEditor) updateButtons() {
	for _, b := range []*widget.Button{e.up, e.down, e.del} {
		b.Disable()
	}
	if e.sel > 0 {
		e.up.Enable()
	}
	if e.sel >= 0 && e.sel < len(e.items)-1 {
		e.down.Enable()
	}
	if e.sel >= 0 && len(e.items) > 1 {
		e.del.Enable()
	}
}

// move swaps the selected position with its neighbour and keeps it
// selected.
func (e *positionsEditor) move(delta int) {
	i, j := e.sel, e.sel+delta
	if i < 0 || j < 0 || j >= len(e.items) {
		return
	}
	items := slices.Clone(e.items)
	items[i], items[j] = items[j], items[i]
	e.saveItems(items, func() { e.list.Select(j) })
}

// addItem puts the typed position after the selected one (at the end if
// none is selected). A name already listed is refused: two sections of
// the same name would split a roster.
func (e *positionsEditor) addItem() {
	name := store.CleanText(e.entry.Text)
	switch {
	case name == "":
		return
	case slices.Contains(e.items, name):
		e.note.SetText(msg.Tf("已有职位「%s」", name))
		return
	}
	at := len(e.items)
	if e.sel >= 0 {
		at = e.sel + 1
	}
	e.saveItems(slices.Insert(slices.Clone(e.items), at, name), func() {
		e.entry.SetText("")
		e.list.Select(at)
	})
}

// remove drops the selected position. Seats that hold it keep it; their
// rosters print it after the listed positions.
func (e *positionsEditor) remove() {
	if e.sel < 0 || len(e.items) <= 1 {
		return
	}
	e.saveItems(slices.Delete(slices.Clone(e.items), e.sel, e.sel+1), nil)
}

// restoreDefaults goes back to store.DefaultPositions; saved as an empty
// list, so later versions' defaults apply.
func (e *positionsEditor) restoreDefaults() { e.saveItems(nil, nil) }

// saveItems saves items as the settings' positions and shows them, then
// runs then (if not nil); on a refusal the list stays as it was.
func (e *positionsEditor) saveItems(items []string, then func()) {
	st := e.t.sh.Settings()
	st.Positions = items
	if slices.Equal(items, store.DefaultPositions) {
		st.Positions = nil
	}
	e.t.saveSettings(st, func() {
		e.items = slices.Clone(store.PositionsOf(e.t.sh.Settings()))
		e.note.SetText("")
		e.list.UnselectAll()
		e.list.Refresh()
		if then != nil {
			then()
		}
	}, nil)
}

// meetingSettings edits what the meetings use: the meeting types the
// forms offer (store.MeetingKindsOf) and the fonts of the Word documents
// (notice, minutes). Each part has its 保存, as the group's name has.
type meetingSettings struct {
	t     *settingsTab
	kinds *widget.Entry
	fonts []*widget.Entry // 标题, 正文, 一级标题, 二级标题, 页码
	// saveKindsButton and saveFontsButton are the two parts' 保存.
	saveKindsButton, saveFontsButton *widget.Button
	saved                            *widget.Label
	view                             fyne.CanvasObject
}

// fontFields are the font names of a document (store.DocFonts), with
// what a Word document uses when a name is left empty.
var fontFields = []struct {
	label, fallback string
	field           func(*store.DocFonts) *string
}{
	{"标题", "方正小标宋简体", func(f *store.DocFonts) *string { return &f.Title }},
	{"正文", "仿宋_GB2312", func(f *store.DocFonts) *string { return &f.Body }},
	{"一级标题", "黑体", func(f *store.DocFonts) *string { return &f.Heading1 }},
	{"二级标题", "楷体_GB2312", func(f *store.DocFonts) *string { return &f.Heading2 }},
	{"页码", "宋体", func(f *store.DocFonts) *string { return &f.PageNumber }},
}

func newMeetingSettings(t *settingsTab) *meetingSettings {
	e := &meetingSettings{t: t, saved: &widget.Label{Importance: widget.SuccessImportance}}
	st := t.sh.Settings()
	e.kinds = widget.NewMultiLineEntry()
	e.kinds.SetMinRowsVisible(len(store.DefaultMeetingKinds))
	e.kinds.SetText(strings.Join(store.MeetingKindsOf(st), "\n"))
	e.kinds.OnChanged = func(string) { e.saved.SetText("") }
	saveKinds := widget.NewButtonWithIcon(msg.T("保存"), theme.DocumentSaveIcon(), e.saveKinds)
	e.saveKindsButton = saveKinds
	reset := widget.NewButtonWithIcon(msg.T("恢复默认"), theme.HistoryIcon(), func() {
		e.kinds.SetText(strings.Join(store.DefaultMeetingKinds, "\n"))
		e.saveKinds()
	})
	kindsHint := kit.Hint(msg.T("每行一种，新建会议时按此顺序选择；已有会议的类型不变。"))
	fonts := widget.NewForm()
	for _, f := range fontFields {
		entry := widget.NewEntry()
		entry.SetPlaceHolder(f.fallback)
		entry.SetText(*f.field(&st.Fonts))
		entry.OnChanged = func(string) { e.saved.SetText("") }
		e.fonts = append(e.fonts, entry)
		fonts.Append(msg.T(f.label), entry)
	}
	saveFonts := widget.NewButtonWithIcon(msg.T("保存"), theme.DocumentSaveIcon(), e.saveFonts)
	e.saveFontsButton = saveFonts
	fontsHint := kit.Hint(msg.T("会议通知、会议纪要等 Word 文档所用的字体（GB/T 9704）；留空用灰色所示的常用字体。"))
	form := widget.NewForm(
		widget.NewFormItem(msg.T("会议类型"), container.NewVBox(kindsHint,
			container.NewBorder(nil, nil, nil, container.NewVBox(saveKinds, reset), e.kinds))),
		widget.NewFormItem(msg.T("公文字体"), container.NewVBox(fontsHint,
			container.NewBorder(nil, nil, nil, container.NewVBox(saveFonts, e.saved), fonts))))
	e.view = form
	return e
}

// saveKinds saves the typed lines as the meeting types; the defaults are
// saved as none, so later versions' defaults apply.
func (e *meetingSettings) saveKinds() {
	var kinds []string
	for _, l := range strings.Split(e.kinds.Text, "\n") {
		if l = store.CleanText(l); l != "" && !slices.Contains(kinds, l) {
			kinds = append(kinds, l)
		}
	}
	st := e.t.sh.Settings()
	st.MeetingKinds = kinds
	if slices.Equal(kinds, store.DefaultMeetingKinds) {
		st.MeetingKinds = nil
	}
	e.t.saveSettings(st, func() {
		e.kinds.SetText(strings.Join(store.MeetingKindsOf(e.t.sh.Settings()), "\n"))
		e.saved.SetText(msg.T("已保存"))
	}, nil)
}

// saveFonts saves the font names typed; an empty one keeps the default.
func (e *meetingSettings) saveFonts() {
	st := e.t.sh.Settings()
	for i, f := range fontFields {
		*f.field(&st.Fonts) = store.CleanText(e.fonts[i].Text)
	}
	e.t.saveSettings(st, func() { e.saved.SetText(msg.T("已保存")) }, nil)
}

// taskSettings edits what the supervision uses: the warning rules
// (store.FlagRules: 临近时限天数, 每月督查截止日, 橙色预警) and the clerk's
// list of task categories. An empty number keeps the default, so later
// versions' defaults apply.
type taskSettings struct {
	t                           *settingsTab
	yellowDays, missingAfterDay *widget.Entry
	orange                      *widget.Check
	categories                  *widget.Entry
	saveRulesButton             *widget.Button
	saveCategoriesButton        *widget.Button
	saved                       *widget.Label
	view                        fyne.CanvasObject
}

// The warning rules' fields and bounds.
const (
	fieldYellowDays      store.Field = "临近时限天数"
	fieldMissingAfterDay store.Field = "每月督查截止日"
	maxYellowDays                    = 60
	maxMissingAfterDay               = 28
)

func newTaskSettings(t *settingsTab) *taskSettings {
	e := &taskSettings{t: t, saved: &widget.Label{Importance: widget.SuccessImportance}}
	st := t.sh.Settings()
	number := func(n, fallback int, field store.Field, max int) *widget.Entry {
		en := widget.NewEntry()
		en.SetPlaceHolder(strconv.Itoa(fallback))
		if n > 0 {
			en.SetText(strconv.Itoa(n))
		}
		en.Validator = func(s string) error { _, err := optionalCount(field, s, max); return kit.StoreError(err) }
		en.OnChanged = func(string) { e.saved.SetText("") }
		return en
	}
	defaults := store.FlagRules{}.Of()
	e.yellowDays = number(st.Flags.YellowDays, defaults.YellowDays, fieldYellowDays, maxYellowDays)
	e.missingAfterDay = number(st.Flags.MissingAfterDay, defaults.MissingAfterDay, fieldMissingAfterDay, maxMissingAfterDay)
	e.orange = widget.NewCheck(msg.T("使用橙色预警（黄、红之间：时限只剩最后 15%，或黄色预警后仍未报督查）"), func(bool) { e.saved.SetText("") })
	e.orange.SetChecked(st.Flags.Orange)
	e.saveRulesButton = widget.NewButtonWithIcon(msg.T("保存"), theme.DocumentSaveIcon(), e.saveRules)
	e.categories = widget.NewMultiLineEntry()
	e.categories.SetMinRowsVisible(4)
	e.categories.SetPlaceHolder(msg.T("每行一类，如：重点项目"))
	e.categories.SetText(strings.Join(st.TaskCategories, "\n"))
	e.categories.OnChanged = func(string) { e.saved.SetText("") }
	e.saveCategoriesButton = widget.NewButtonWithIcon(msg.T("保存"), theme.DocumentSaveIcon(), e.saveCategories)
	rules := widget.NewForm(
		&widget.FormItem{Text: msg.T(string(fieldYellowDays)), Widget: e.yellowDays,
			HintText: msg.T("距完成时限或整改时限不超过这些天为黄色预警；留空为灰色所示的默认值。")},
		&widget.FormItem{Text: msg.T(string(fieldMissingAfterDay)), Widget: e.missingAfterDay,
			HintText: msg.T("过了每月这一天仍未报督查记录的任务为黄色预警（1–28）。")},
		widget.NewFormItem("", e.orange))
	form := widget.NewForm(
		widget.NewFormItem(msg.T("预警规则"), container.NewBorder(nil, nil, nil, container.NewVBox(e.saveRulesButton, e.saved), rules)),
		widget.NewFormItem(msg.T("任务类别"), container.NewVBox(kit.Hint(msg.T("新建任务时可从中选择，也可直接填写。")),
			container.NewBorder(nil, nil, nil, container.NewVBox(e.saveCategoriesButton), e.categories))))
	e.view = form
	return e
}

// optionalCount reads a number typed into field: empty is the default (0).
func optionalCount(field store.Field, s string, max int) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return store.CheckCount(field, s, max)
}

// saveRules saves the warning rules; a past round's recorded flags stay
// as they were recorded.
func (e *taskSettings) saveRules() {
	yellow, err := optionalCount(fieldYellowDays, e.yellowDays.Text, maxYellowDays)
	if err == nil {
		var missing int
		if missing, err = optionalCount(fieldMissingAfterDay, e.missingAfterDay.Text, maxMissingAfterDay); err == nil {
			st := e.t.sh.Settings()
			st.Flags = store.FlagRules{YellowDays: yellow, MissingAfterDay: missing, Orange: e.orange.Checked}
			e.t.saveSettings(st, func() { e.saved.SetText(msg.T("已保存")) }, nil)
			return
		}
	}
	e.yellowDays.Validate()
	e.missingAfterDay.Validate()
	e.t.sh.ShowError(err)
}

// saveCategories saves the typed lines as the task categories, each once.
func (e *taskSettings) saveCategories() {
	var cats []string
	for _, l := range strings.Split(e.categories.Text, "\n") {
		if l = store.CleanText(l); l != "" && !slices.Contains(cats, l) {
			cats = append(cats, l)
		}
	}
	st := e.t.sh.Settings()
	st.TaskCategories = cats
	e.t.saveSettings(st, func() {
		e.categories.SetText(strings.Join(e.t.sh.Settings().TaskCategories, "\n"))
		e.saved.SetText(msg.T("已保存"))
	}, nil)
}
