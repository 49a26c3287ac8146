package kit

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// FileHost is what a file dialog needs of the window it opens over: a
// Shell, or the first-run guide before there is a data file.
type FileHost interface {
	Window() fyne.Window
	ShowError(err error)
	LastFolder() string
	SetLastFolder(dir string)
}

// FileKind is the kind of file a dialog offers: its name in the filter
// (Chinese, translated) and its extension.
type FileKind struct{ Name, Ext string }

var (
	// Workbook is an Excel file, of every import and export.
	Workbook = FileKind{"Excel 工作簿", ".xlsx"}
	// DataFile is a data file or a backup of one.
	DataFile = FileKind{"秘书处工作台数据", ".db"}
	// Document is a Word document (a meeting's notice and minutes).
	Document = FileKind{"Word 文档", ".docx"}
)

// ChooseOpenFile asks for an .xlsx file and calls open with its path.
func ChooseOpenFile(sh FileHost, open func(path string)) { ChooseOpenFileOf(sh, Workbook, open) }

// ChooseOpenFileOf asks for a file of kind and calls open with its path:
// the system's own dialog where there is one (Windows), else Fyne's.
func ChooseOpenFileOf(sh FileHost, kind FileKind, open func(path string)) {
	if haveNativeDialogs {
		native(sh, func() (string, bool, error) {
			return nativeFile(false, FileKind{msg.T(kind.Name), kind.Ext}, msg.T("打开"), startFolder(sh), "")
		}, open)
		return
	}
	fd := dialog.NewFileOpen(fileChosen[fyne.URIReadCloser](sh, open), sh.Window())
	fd.SetFilter(storage.NewExtensionFileFilter([]string{kind.Ext, strings.ToUpper(kind.Ext)}))
	startIn(sh, fd)
	fd.Show()
}

// ChooseSaveFile asks where to save an .xlsx, offering name, and calls save
// with the path chosen.
func ChooseSaveFile(sh FileHost, name string, save func(path string)) {
	ChooseSaveFileOf(sh, Workbook, name, save)
}

// ChooseSaveFileOf asks where to save a file of kind, offering name, and
// calls save with the path chosen, given kind's extension if the clerk
// typed a name without it.
func ChooseSaveFileOf(sh FileHost, kind FileKind, name string, save func(path string)) {
	withExt := func(path string) {
		if !strings.EqualFold(filepath.Ext(path), kind.Ext) {
			removeIfEmpty(path)
			path += kind.Ext
		}
		save(path)
	}
	if haveNativeDialogs {
		native(sh, func() (string, bool, error) {
			return nativeFile(true, FileKind{msg.T(kind.Name), kind.Ext}, msg.T("保存"), startFolder(sh), name)
		}, withExt)
		return
	}
	fd := dialog.NewFileSave(fileChosen[fyne.URIWriteCloser](sh, withExt), sh.Window())
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{kind.Ext}))
	startIn(sh, fd)
	fd.Show()
}

// fileChosen answers a file dialog: an error is shown, a cancel does
// nothing, and the file chosen is closed at once — Excel files are read
// and written by path, a new one under a temporary name renamed over it —
// and its folder remembered before chosen runs.
func fileChosen[F interface {
	URI() fyne.URI
	Close() error
}](sh FileHost, chosen func(path string)) func(F, error) {
	return func(f F, err error) {
		if err != nil {
			sh.ShowError(err)
			return
		}
		if any(f) == nil {
			return // cancelled
		}
		path := f.URI().Path()
		f.Close()
		sh.SetLastFolder(filepath.Dir(path))
		chosen(path)
	}
}

// startIn sizes a file dialog so long Chinese file names are readable and
// opens it in the folder of the last file used, in whichever section: a
// clerk keeps the group's files in one folder.
func startIn(sh FileHost, fd *dialog.FileDialog) {
	fd.Resize(fyne.NewSize(960, 620))
	if sh.LastFolder() == "" {
		return
	}
	if dir, err := storage.ListerForURI(storage.NewFileURI(sh.LastFolder())); err == nil {
		fd.SetLocation(dir)
	}
}

// ChooseFolder asks for a folder and calls chosen with its path; a cancel
// does nothing.
func ChooseFolder(sh FileHost, chosen func(dir string)) {
	if haveNativeDialogs {
		native(sh, func() (string, bool, error) { return nativeFolder(msg.T("选择文件夹")) }, chosen)
		return
	}
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			sh.ShowError(err)
			return
		}
		if u == nil {
			return
		}
		sh.SetLastFolder(u.Path())
		chosen(u.Path())
	}, sh.Window())
	startIn(sh, fd)
	fd.Show()
}

// native runs one of the system's own dialogs (Windows) off the UI thread
// — it is modal and waits for the clerk — and answers on the UI thread
// like fileChosen: an error is shown, a cancel does nothing, the folder
// is remembered.
func native(sh FileHost, ask func() (string, bool, error), chosen func(path string)) {
	RunOffUIThread(func() {
		path, ok, err := ask()
		fyne.Do(func() {
			switch {
			case err != nil:
				sh.ShowError(err)
			case ok:
				dir := path
				if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
					dir = filepath.Dir(path)
				}
				sh.SetLastFolder(dir)
				chosen(path)
			}
		})
	})
}

// startFolder is where a native dialog opens: the folder of the last file
// used, else the clerk's 文档.
func startFolder(sh FileHost) string {
	if dir := sh.LastFolder(); dir != "" {
		return dir
	}
	return documentsFolder()
}

// ExportInBackground writes a file to path off the UI thread behind a
// progress dialog titled title (Chinese, translated), then reports where
// it went. write must not touch widgets or the shell: compute what it
// writes on the UI thread first.
func ExportInBackground(sh Shell, title, path string, write func() error) {
	sh.RunWithProgress(title, func(progress func(float64)) error {
		err := write()
		progress(1)
		return err
	}, exported(sh, path))
}

// exported reports the end of an export: the error, or where the file is
// with a button that opens it in WPS or Excel for printing.
func exported(sh Shell, path string) func(error) {
	return func(err error) {
		if err != nil {
			removeIfEmpty(path)
			sh.ShowError(err)
			return
		}
		text := Wrap(msg.T("已保存到：") + "\n" + path)
		d := dialog.NewCustomConfirm(msg.T("导出完成"), msg.T("打开文件"), msg.T("关闭"), text, func(open bool) {
			if open {
				OpenFile(sh, path)
			}
		}, sh.Window())
		d.Resize(fyne.NewSize(520, d.MinSize().Height))
		d.Show()
	}
}

// OpenFile opens path with the system's default application.
func OpenFile(sh Shell, path string) {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows
	}
	u := &url.URL{Scheme: "file", Path: p}
	if err := sh.App().OpenURL(u); err != nil {
		sh.ShowError(err)
	}
}

// removeIfEmpty deletes the empty file a save dialog created when nothing
// was written to it, so a failed export leaves no empty workbook behind.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		os.Remove(path)
	}
}

// FileDate is a day as it goes into a file name: 20240301.
func FileDate(d store.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year(), int(d.Month()), d.Day())
}

// ExportIntoFolder asks for a folder, then writes files into it off the
// UI thread (busy is the progress title) and tells how many were written
// and where: done words it ("已生成 %d 份催办单，保存在：%s").
func ExportIntoFolder(sh Shell, busy, title string, write func(dir string) ([]string, error), done func(n int, dir string) string) {
	ChooseFolder(sh, func(dir string) {
		var files []string
		sh.RunWithProgress(busy, func(progress func(float64)) (err error) {
			files, err = write(dir)
			progress(1)
			return err
		}, func(err error) {
			if err != nil {
				sh.ShowError(err)
				return
			}
			dialog.ShowInformation(msg.T(title), done(len(files), dir), sh.Window())
		})
	})
}
