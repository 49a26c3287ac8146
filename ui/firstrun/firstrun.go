// Package firstrun is the guide the program opens when there is no data
// file yet: 集团名称, where to keep the data file, and how to begin
// (import a member workbook, look around in the demo group, or start
// empty). Nothing is written until the clerk confirms on the last step;
// then the data file is made and the window opens on it (Config.Done).
//
// It is a package of its own beside the sections, and like them imports
// only kit, msg and store; the caller (package ui, from cmd/secdesk)
// says how a data file is opened.
package firstrun

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// DataFileName is the data file's name in the folder the clerk picks, as
// in the default folder.
const DataFileName = "secdesk.db"

// DemoFileName is the demo group's file, beside the clerk's data file: a
// file of its own, so the sample never mixes with the real register.
const DemoFileName = "演示数据.db"

// Config is what the guide is told by its caller.
type Config struct {
	// DefaultPath is the default data file (secdesk.db in the user's
	// config folder, %AppData%\secdesk on Windows).
	DefaultPath string
	// Open opens the data file at path, creating it if need be. It is
	// called off the UI thread, only after the clerk confirmed.
	Open func(path string) (store.Store, error)
	// Done runs on the UI thread when the data are ready: s is what the
	// window opens on (the demo file when the clerk chose to look
	// around), dataPath the clerk's own data file, to open next time.
	Done func(s store.Store, dataPath string)
	// Cancel runs when the clerk gives up; nothing was written.
	Cancel func()
}

// Begin is how the clerk starts, chosen on the third step.
type Begin int

const (
	BeginImport Begin = iota
	BeginDemo
	BeginEmpty
)

// The guide's steps.
const (
	stepName = iota
	stepWhere
	stepBegin
	stepConfirm
	steps
)

// Texts of the choices, in Chinese (translated where shown).
const (
	whereDefault = "默认位置"
	whereFolder  = "其他文件夹（例如 D 盘或 U 盘）"
	beginImport  = "导入已有的成员单位名册（Excel 文件）"
	beginDemo    = "先打开演示数据看看"
	beginEmpty   = "从空白开始"
)

// Guide is the first-run guide in a window.
type Guide struct {
	cfg  Config
	win  fyne.Window
	step int
	busy bool // the data file is being made

	heading *widget.Label
	page    *fyne.Container
	pages   [steps]fyne.CanvasObject
	problem *widget.Label
	back    *widget.Button
	next    *widget.Button
	cancel  *widget.Button

	name *kit.KeyEntry

	where      *widget.RadioGroup
	folder     string // the folder picked, "" for none yet
	pathLabel  *widget.Label
	existsNote *widget.Label

	begin       *widget.RadioGroup
	chooseXLSX  *widget.Button
	importFile  string
	plan        *store.ImportPlan
	importLabel *widget.Label
	existing    *widget.Label // step 3 when the data file exists

	summary *widget.Label

	// Preview is the import preview on screen, nil if none (for tests).
	Preview    *kit.MemberImport
	lastFolder string
}

// New puts the guide into w, on its first step.
func New(w fyne.Window, cfg Config) *Guide {
	g := &Guide{cfg: cfg, win: w}
	g.heading = widget.NewLabel("")
	g.heading.TextStyle.Bold = true
	g.problem = kit.Wrap("")
	g.problem.Importance = widget.DangerImportance
	g.problem.Hide()
	g.back = widget.NewButtonWithIcon(msg.T("上一步"), theme.NavigateBackIcon(), g.goBack)
	g.next = widget.NewButtonWithIcon(msg.T("下一步"), theme.NavigateNextIcon(), g.goNext)
	g.next.IconPlacement = widget.ButtonIconTrailingText
	g.next.Importance = widget.HighImportance
	g.cancel = widget.NewButtonWithIcon(msg.T("取消"), theme.CancelIcon(), g.doCancel)
	g.pages = [steps]fyne.CanvasObject{g.namePage(), g.wherePage(), g.beginPage(), g.confirmPage()}
	g.page = container.NewStack()
	title := widget.NewLabelWithStyle(msg.T("欢迎使用秘书处工作台"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(title, g.heading, widget.NewSeparator())
	bottom := container.NewVBox(g.problem, widget.NewSeparator(),
		container.NewHBox(g.cancel, layout.NewSpacer(), g.back, g.next))
	w.SetContent(container.NewPadded(container.NewBorder(top, bottom, nil, nil, container.NewPadded(g.page))))
	g.show(stepName)
	return g
}

// Step is the step on screen, from 0.
func (g *Guide) Step() int { return g.step }

// Buttons, for tests.
func (g *Guide) Content() fyne.CanvasObject { return g.win.Content() }

var stepTitles = [steps]string{"集团名称", "数据文件保存在哪里", "如何开始", "确认"}

func (g *Guide) show(step int) {
	g.step = step
	g.heading.SetText(msg.Tf("第 %d 步，共 %d 步：", step+1, steps) + msg.T(stepTitles[step]))
	g.page.Objects = []fyne.CanvasObject{g.pages[step]}
	g.page.Refresh()
	g.setProblem("")
	kit.ShowIf(g.back, step > 0)
	if step == stepConfirm {
		g.next.SetText(msg.T("开始使用"))
		g.next.SetIcon(theme.ConfirmIcon())
		g.next.IconPlacement = widget.ButtonIconLeadingText
		g.summary.SetText(g.summaryText())
	} else {
		g.next.SetText(msg.T("下一步"))
		g.next.SetIcon(theme.NavigateNextIcon())
		g.next.IconPlacement = widget.ButtonIconTrailingText
	}
	switch step {
	case stepName:
		g.win.Canvas().Focus(g.name)
	case stepWhere:
		g.updatePath()
	case stepBegin:
		g.updateBegin()
	}
}

func (g *Guide) setProblem(text string) {
	g.problem.SetText(text)
	kit.ShowIf(g.problem, text != "")
}

func (g *Guide) goBack() {
	if g.step > 0 && !g.busy {
		g.show(g.step - 1)
	}
}

// goNext checks the step and goes on, or on the last step makes the data.
func (g *Guide) goNext() {
	if g.busy {
		return
	}
	if err := g.check(g.step); err != "" {
		g.setProblem(err)
		return
	}
	if g.step == stepConfirm {
		g.finish()
		return
	}
	g.show(g.step + 1)
}

// check is what keeps the clerk on step: "" if they may go on.
func (g *Guide) check(step int) string {
	switch step {
	case stepName:
		if err := g.settings().Validate(); err != nil {
			g.name.SetValidationError(kit.StoreError(err))
			return msg.Error(err)
		}
	case stepWhere:
		if g.where.Selected == msg.T(whereFolder) && g.folder == "" {
			return msg.T("请先点“选择文件夹…”选择保存数据文件的文件夹。")
		}
	case stepBegin:
		if g.dataExists() {
			return ""
		}
		switch g.Begin() {
		case -1:
			return msg.T("请选择如何开始。")
		case BeginImport:
			if g.plan == nil {
				return msg.T("请先点“选择 Excel 文件…”，并在预览中点“确认导入”。")
			}
		}
	}
	return ""
}

func (g *Guide) doCancel() {
	if g.busy {
		return
	}
	if g.cfg.Cancel != nil {
		g.cfg.Cancel()
	}
}

// Step 1: 集团名称.

func (g *Guide) namePage() fyne.CanvasObject {
	g.name = kit.TextEntry("", kit.Check(func(s string) error { return store.Settings{GroupName: s}.Validate() }))
	g.name.SetPlaceHolder(msg.T("例如：潍海市化工职业教育集团"))
	g.name.OnSubmitted = func(string) { g.goNext() }
	g.name.OnChanged = func(string) { g.setProblem("") }
	g.name.OnEscape = g.doCancel
	form := widget.NewForm(widget.NewFormItem(msg.T("集团名称"), g.name))
	return container.NewVBox(
		kit.Wrap(msg.T("请输入集团的全称。它显示在窗口标题上，并印在每一张导出的表格上；以后可以在“系统 → 设置”中修改。")),
		form)
}

// settings are the settings the data file will get.
func (g *Guide) settings() store.Settings {
	return store.Settings{GroupName: store.CleanText(g.name.Text)}
}

// Step 2: where the data file goes.

func (g *Guide) wherePage() fyne.CanvasObject {
	g.where = widget.NewRadioGroup([]string{msg.T(whereDefault), msg.T(whereFolder)}, nil)
	g.where.Required = true
	g.where.SetSelected(msg.T(whereDefault))
	g.where.OnChanged = func(string) {
		g.setProblem("")
		g.updatePath()
	}
	choose := widget.NewButtonWithIcon(msg.T("选择文件夹…"), theme.FolderOpenIcon(), func() {
		kit.ChooseFolder(g, g.chooseFolder)
	})
	g.pathLabel = kit.Wrap("")
	g.pathLabel.TextStyle.Monospace = false
	g.existsNote = kit.Wrap("")
	g.existsNote.Importance = widget.WarningImportance
	return container.NewVBox(
		kit.Wrap(msg.T("所有数据保存在一个数据文件里。放在默认位置即可；如果要把数据放在其他磁盘或 U 盘上，请选择文件夹。")),
		g.where,
		container.NewHBox(choose),
		widget.NewLabelWithStyle(msg.T("将使用的数据文件："), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		g.pathLabel,
		g.existsNote,
	)
}

// chooseFolder takes the folder the clerk picked.
func (g *Guide) chooseFolder(dir string) {
	g.folder = dir
	g.where.SetSelected(msg.T(whereFolder))
	g.setProblem("")
	g.updatePath()
}

// Path is the data file that will be used.
func (g *Guide) Path() string {
	if g.where.Selected == msg.T(whereFolder) {
		if g.folder == "" {
			return ""
		}
		return filepath.Join(g.folder, DataFileName)
	}
	return g.cfg.DefaultPath
}

// demoPath is the demo group's file, beside the data file.
func (g *Guide) demoPath() string { return filepath.Join(filepath.Dir(g.Path()), DemoFileName) }

func (g *Guide) dataExists() bool {
	p := g.Path()
	if p == "" {
		return false
	}
	_, err := os.Stat(p)
	return err == nil
}

func (g *Guide) updatePath() {
	p := g.Path()
	if p == "" {
		g.pathLabel.SetText(msg.T("（尚未选择文件夹）"))
	} else {
		g.pathLabel.SetText(p)
	}
	if g.dataExists() {
		g.existsNote.SetText(msg.T("这个文件夹里已经有数据文件，开始使用后将直接打开它，不做任何改动。"))
	} else {
		g.existsNote.SetText("")
	}
	kit.ShowIf(g.existsNote, g.existsNote.Text != "")
}

// Step 3: how to begin.

func (g *Guide) beginPage() fyne.CanvasObject {
	g.begin = widget.NewRadioGroup([]string{msg.T(beginImport), msg.T(beginDemo), msg.T(beginEmpty)}, nil)
	g.begin.Required = true
	g.begin.SetSelected(msg.T(beginEmpty))
	g.begin.OnChanged = func(string) {
		g.setProblem("")
		g.updateBegin()
	}
	g.chooseXLSX = widget.NewButtonWithIcon(msg.T("选择 Excel 文件…"), theme.FileIcon(), func() {
		kit.ChooseOpenFile(g, g.readImport)
	})
	g.importLabel = kit.Wrap("")
	g.existing = kit.Wrap("")
	g.existing.Importance = widget.WarningImportance
	return container.NewVBox(
		g.existing,
		g.begin,
		container.NewHBox(layout.NewSpacer(), g.chooseXLSX),
		g.importLabel,
		widget.NewSeparator(),
		kit.Wrap(msg.T("演示数据是一个虚构的集团，单独保存在“演示数据.db”里，窗口标题上标有“演示数据”，不会混入您的数据。")),
	)
}

// Begin is the way of starting chosen, -1 if none.
func (g *Guide) Begin() Begin {
	switch g.begin.Selected {
	case msg.T(beginImport):
		return BeginImport
	case msg.T(beginDemo):
		return BeginDemo
	case msg.T(beginEmpty):
		return BeginEmpty
	}
	return -1
}

func (g *Guide) updateBegin() {
	exists := g.dataExists()
	if exists {
		g.existing.SetText(msg.T("所选文件夹里已经有数据文件，将直接打开它。"))
		g.begin.Disable()
	} else {
		g.begin.Enable()
	}
	kit.ShowIf(g.existing, exists)
	importing := !exists && g.Begin() == BeginImport
	kit.ShowIf(g.chooseXLSX, importing)
	switch {
	case !importing:
		g.importLabel.SetText("")
	case g.plan == nil:
		g.importLabel.SetText(msg.T("请选择成员单位名册（与“成员单位管理 → 导入”所用的格式相同），先预览，确认后才导入。"))
	default:
		g.importLabel.SetText(msg.T("已选择：") + filepath.Base(g.importFile) + "\n" + kit.MemberImportSummary(g.plan))
	}
	kit.ShowIf(g.importLabel, g.importLabel.Text != "")
}

// readImport reads and plans the workbook in the background, then shows
// the register's import preview. Its 确认导入 only keeps the plan: the
// rows are written when the clerk confirms the last step.
func (g *Guide) readImport(path string) {
	var plan *store.ImportPlan
	kit.RunWithProgressIn(g.win, "正在读取导入文件", func(progress func(float64)) (err error) {
		plan, err = kit.PlanMemberFile(path, nil, progress)
		return err
	}, func(err error) {
		if err != nil {
			g.ShowError(err)
			return
		}
		g.Preview = kit.ShowMemberImport(g.win, path, plan,
			msg.T("确认后，这些成员单位在最后一步点“开始使用”时写入新的数据文件。"),
			func() {
				g.plan, g.importFile = plan, path
				g.updateBegin()
			},
			func() { g.Preview = nil })
	})
}

// Step 4: what will be done.

func (g *Guide) confirmPage() fyne.CanvasObject {
	g.summary = kit.Wrap("")
	return container.NewVBox(
		kit.Wrap(msg.T("请核对。点“开始使用”后才会创建数据文件；在此之前可以返回修改，或点“取消”退出而不留下任何文件。")),
		widget.NewSeparator(),
		g.summary,
	)
}

func (g *Guide) summaryText() string {
	if g.dataExists() {
		return msg.T("打开已有的数据文件：") + "\n" + g.Path()
	}
	text := msg.T("集团名称：") + g.settings().GroupName + "\n" +
		msg.T("数据文件：") + g.Path() + "\n"
	switch g.Begin() {
	case BeginImport:
		text += msg.T("导入：") + filepath.Base(g.importFile) + "\n" + kit.MemberImportSummary(g.plan)
	case BeginDemo:
		text += msg.T("打开演示数据：") + g.demoPath() + "\n" +
			msg.T("您的数据文件先保持空白，下次启动时打开它。")
	default:
		text += msg.T("从空白开始：可以在“成员单位管理”中逐个添加，或以后再导入。")
	}
	return text
}

// finish makes the data file (and the demo's) in the background behind a
// progress bar, then hands the store to Done. A failure removes the files
// it created and leaves the clerk on the last step.
func (g *Guide) finish() {
	g.busy = true
	g.next.Disable()
	g.back.Disable()
	g.cancel.Disable()
	path, demoPath, begin, plan, set := g.Path(), g.demoPath(), g.Begin(), g.plan, g.settings()
	exists := g.dataExists()
	var s store.Store
	title := "正在创建数据文件"
	if !exists && begin == BeginDemo {
		title = "正在装入演示数据"
	}
	kit.RunWithProgressIn(g.win, title, func(progress func(float64)) error {
		var err error
		if exists {
			s, err = g.cfg.Open(path)
			return err
		}
		s, err = g.create(path, set, begin, plan, progress)
		if err == nil && begin == BeginDemo {
			s.Close()
			s, err = g.openDemo(demoPath, progress)
		}
		return err
	}, func(err error) {
		g.busy = false
		g.next.Enable()
		g.back.Enable()
		g.cancel.Enable()
		if err != nil {
			g.ShowError(err)
			return
		}
		if g.cfg.Done != nil {
			g.cfg.Done(s, path)
		}
	})
}

// create makes the clerk's data file with the group's name and, if
// chosen, the imported members. On failure nothing is left behind.
func (g *Guide) create(path string, set store.Settings, begin Begin, plan *store.ImportPlan, progress func(float64)) (s store.Store, err error) {
	ctx := context.Background()
	s, err = g.cfg.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			s.Close()
			removeFile(path)
		}
	}()
	if err := s.SaveSettings(ctx, set); err != nil {
		return nil, err
	}
	progress(0.2)
	if begin == BeginImport && plan != nil {
		if _, err := s.ApplyImport(ctx, plan); err != nil {
			return nil, err
		}
	}
	progress(0.3)
	return s, nil
}

// openDemo opens the demo file, loading the demo group if it is new. One
// already holding the demo (from an earlier first run) is opened as it
// is; one holding anything else is refused, never mixed with the demo.
func (g *Guide) openDemo(path string, progress func(float64)) (s store.Store, err error) {
	ctx := context.Background()
	_, statErr := os.Stat(path)
	isNew := errors.Is(statErr, os.ErrNotExist)
	s, err = g.cfg.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			s.Close()
			if isNew {
				removeFile(path)
			}
		}
	}()
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if set.Demo {
		return s, nil
	}
	if ms, err := s.Members(ctx); err != nil {
		return nil, err
	} else if len(ms) > 0 {
		return nil, errNotDemo
	}
	d, err := demo.ParseData(assets.DemoGroup, assets.DemoRosters, assets.DemoMeetings, assets.DemoTasks, assets.DemoIndicators)
	if err != nil {
		return nil, err
	}
	err = demo.LoadData(ctx, s, d, func(p float64) { progress(0.3 + 0.7*p) })
	return s, err
}

// errNotDemo: a file named 演示数据.db holds a real register.
var errNotDemo = errors.New("“演示数据.db”里已有不是演示数据的成员单位，没有装入演示数据。请把这个文件移走后再试。")

// removeFile deletes a data file the guide created and could not finish.
func removeFile(path string) { os.Remove(path) }

// The guide as a kit.FileHost: its file dialogs open over its window.

func (g *Guide) Window() fyne.Window      { return g.win }
func (g *Guide) LastFolder() string       { return g.lastFolder }
func (g *Guide) SetLastFolder(dir string) { g.lastFolder = dir }

// ShowError tells the clerk what went wrong, in their language.
func (g *Guide) ShowError(err error) {
	if err != nil {
		dialog.ShowInformation(msg.T("出错了"), msg.Error(err), g.win)
	}
}
