package meetings

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// replyColumns are the preview's columns: where a row came from, whose
// reply it is, the reply recorded and the one in the file.
var replyColumns = []kit.TextColumn{kit.Col("文件", 190), kit.Col("行号", 50), kit.Col("参会人员", 230),
	kit.Col("原回执", 110), kit.Col("新回执", 110), kit.Col("错误与提示", 250)}

// chooseReplies asks for a returned 参会回执表. The preview can take more
// files, or a whole folder of them: the units send one file each.
func (p *meetingPage) chooseReplies() {
	kit.ChooseOpenFile(p.v.sh, func(path string) { p.importReplies([]string{path}) })
}

// importReplies reads the files (a folder stands for the workbooks in
// it) and plans them against the meeting as stored now, off the UI
// thread, then shows the preview. Nothing is written until the clerk
// confirms it.
func (p *meetingPage) importReplies(paths []string) {
	s, ctx, id := p.v.sh.Store(), p.v.sh.Context(), p.id
	var plan *store.ReplyPlan
	p.v.sh.RunWithProgress("正在读取回执", func(progress func(float64)) error {
		paths = expandFolders(paths)
		var rows []store.ReplyRow
		for i, path := range paths {
			got, err := xlsx.ReadReplyForm(path)
			if err != nil {
				return err
			}
			rows = append(rows, got...)
			progress(float64(i+1) / float64(len(paths)+1))
		}
		m, err := s.Meeting(ctx, id)
		if err != nil {
			return err
		}
		plan = store.PlanReplies(&m, rows)
		progress(1)
		return nil
	}, func(err error) {
		if err != nil {
			p.v.sh.ShowError(err)
			return
		}
		p.showReplyPreview(paths, plan)
	})
}

// showReplyPreview shows the plan in the import preview every import
// uses; 添加文件 and 添加文件夹 read more files into the same preview.
func (p *meetingPage) showReplyPreview(paths []string, plan *store.ReplyPlan) {
	f := kit.NewPreviewFrame(kit.PreviewRows{
		Columns: replyColumns,
		Count:   func() int { return len(plan.Rows) },
		Cell:    func(row, col int) string { return replyCell(&plan.Rows[row], col) },
		About: func(row int) (int, string, string, widget.Importance) {
			r := &plan.Rows[row]
			return r.Row, r.Label, kit.ProblemsText(r.Errors, nil), kit.ProblemLevel(len(r.Errors), 0)
		},
	}, replySummary(paths, plan), func() {})
	changed, _, _ := plan.Counts()
	if plan.FirstError() != nil {
		f.Refuse()
	} else {
		f.Offer(msg.Tf("确认后写入 %d 份回执。", changed), changed > 0, func() { p.applyReplies(plan) })
	}
	more := func(add []string) {
		f.Close.OnTapped() // the preview is made again with every file
		p.importReplies(append(slices.Clone(paths), add...))
	}
	addFile := widget.NewButton(msg.T("添加文件…"), func() {
		kit.ChooseOpenFile(p.v.sh, func(path string) { more([]string{path}) })
	})
	addDir := widget.NewButton(msg.T("添加文件夹…"), func() {
		kit.ChooseFolder(p.v.sh, func(dir string) { more([]string{dir}) })
	})
	f.Show(p.v.sh.Window(), strings.Join(baseNames(paths), msg.T("、")), container.NewHBox(addFile, addDir))
	replyPreview = f
}

// replyPreview is the last reply preview shown, for tests.
var replyPreview *kit.PreviewFrame

func replyCell(r *store.ReplyPlanRow, col int) string {
	switch col {
	case 0:
		return r.File
	case 1:
		return strconv.Itoa(r.Row)
	case 2:
		return r.Label
	case 3:
		return replyText(r.From)
	case 4:
		if len(r.Errors) > 0 {
			return ""
		}
		return replyText(r.To)
	}
	if len(r.Errors) == 0 && !r.Changed() {
		return msg.T("无变化")
	}
	return kit.ProblemsText(r.Errors, nil)
}

// replySummary: 共 3 个文件 12 行：更新 8、无变化 3、错误 1.
func replySummary(paths []string, plan *store.ReplyPlan) string {
	changed, unchanged, errs := plan.Counts()
	return msg.Tf("共 %d 个文件 %d 行：更新 %d、无变化 %d、错误 %d", len(paths), len(plan.Rows), changed, unchanged, errs)
}

// applyReplies writes a plan without errors, off the UI thread.
func (p *meetingPage) applyReplies(plan *store.ReplyPlan) {
	s, ctx := p.v.sh.Store(), p.v.sh.Context()
	var n int
	p.v.sh.RunWithProgress("正在导入", func(progress func(float64)) error {
		var err error
		n, err = s.ApplyReplies(ctx, plan)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			p.v.sh.ShowError(err)
			return
		}
		p.v.sh.Changed(store.KindMeeting, p.id)
		dialog.ShowInformation(msg.T("导入完成"), msg.Tf("已写入 %d 份回执。", n), p.v.sh.Window())
	})
}

// expandFolders replaces each folder in paths by the .xlsx files in it
// (Excel's own lock files ~$… left out), each file once.
func expandFolders(paths []string) []string {
	var out []string
	add := func(path string) {
		if !slices.Contains(out, path) {
			out = append(out, path)
		}
	}
	for _, path := range paths {
		entries, err := os.ReadDir(path)
		if err != nil { // a file
			add(path)
			continue
		}
		for _, e := range entries {
			if name := e.Name(); !e.IsDir() && !strings.HasPrefix(name, "~$") && strings.EqualFold(filepath.Ext(name), ".xlsx") {
				add(filepath.Join(path, name))
			}
		}
	}
	return out
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}
