//go:build windows

package kit

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf16"
	"unsafe"
)

// The clerk's own Open, Save and folder dialogs (comdlg32, shell32): the
// ones Windows users know, with 此电脑 and the USB drive. No library
// that does this is reachable from our module proxy, so this is the few
// Win32 calls it takes.

var (
	comdlg32         = syscall.NewLazyDLL("comdlg32.dll")
	getOpenFileName  = comdlg32.NewProc("GetOpenFileNameW")
	getSaveFileName  = comdlg32.NewProc("GetSaveFileNameW")
	commDlgExtError  = comdlg32.NewProc("CommDlgExtendedError")
	shell32          = syscall.NewLazyDLL("shell32.dll")
	shBrowseForFold  = shell32.NewProc("SHBrowseForFolderW")
	shGetPathFromIDL = shell32.NewProc("SHGetPathFromIDListW")
	ole32            = syscall.NewLazyDLL("ole32.dll")
	coInitializeEx   = ole32.NewProc("CoInitializeEx")
	coUninitialize   = ole32.NewProc("CoUninitialize")
	coTaskMemFree    = ole32.NewProc("CoTaskMemFree")
	user32           = syscall.NewLazyDLL("user32.dll")
	getForegroundWin = user32.NewProc("GetForegroundWindow")
)

// haveNativeDialogs: Windows always has them.
const haveNativeDialogs = true

// openFileName is OPENFILENAMEW.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reserved2     uint32
	flagsEx       uint32
}

const (
	ofnOverwritePrompt = 0x2
	ofnHideReadOnly    = 0x4
	ofnNoChangeDir     = 0x8
	ofnPathMustExist   = 0x800
	ofnFileMustExist   = 0x1000
	ofnExplorer        = 0x80000
)

// nativeFile shows the Open (save false) or Save dialog for files of
// kind, starting in dir with name filled in. ok is false when the clerk
// cancelled.
func nativeFile(save bool, kind FileKind, title, dir, name string) (path string, ok bool, err error) {
	defer comThread()()
	buf := make([]uint16, 32768)
	copy(buf, utf16.Encode([]rune(name)))
	ofn := openFileName{
		filter:  utf16z(kind.Name + " (*" + kind.Ext + ")\x00*" + kind.Ext + "\x00\x00"),
		file:    &buf[0],
		maxFile: uint32(len(buf)),
		title:   utf16z(title),
		defExt:  utf16z(strings.TrimPrefix(kind.Ext, ".")),
		flags:   ofnExplorer | ofnHideReadOnly | ofnNoChangeDir | ofnPathMustExist,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	ofn.owner, _, _ = getForegroundWin.Call()
	ofn.filterIndex = 1
	if dir != "" {
		ofn.initialDir = utf16z(dir)
	}
	proc := getOpenFileName
	if save {
		proc, ofn.flags = getSaveFileName, ofn.flags|ofnOverwritePrompt
	} else {
		ofn.flags |= ofnFileMustExist
	}
	if r, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn))); r == 0 {
		return "", false, dialogError()
	}
	return syscall.UTF16ToString(buf), true, nil
}

// browseInfo is BROWSEINFOW.
type browseInfo struct {
	owner       uintptr
	root        uintptr
	displayName *uint16
	title       *uint16
	flags       uint32
	callback    uintptr
	param       uintptr
	image       int32
}

const (
	bifReturnOnlyFSDirs = 0x1
	bifEditBox          = 0x10
	bifNewDialogStyle   = 0x40
)

// nativeFolder shows the folder dialog.
func nativeFolder(title string) (dir string, ok bool, err error) {
	defer comThread()()
	name := make([]uint16, syscall.MAX_PATH)
	bi := browseInfo{displayName: &name[0], title: utf16z(title),
		flags: bifReturnOnlyFSDirs | bifEditBox | bifNewDialogStyle}
	bi.owner, _, _ = getForegroundWin.Call()
	pidl, _, _ := shBrowseForFold.Call(uintptr(unsafe.Pointer(&bi)))
	if pidl == 0 {
		return "", false, nil
	}
	defer coTaskMemFree.Call(pidl)
	path := make([]uint16, 32768)
	if r, _, _ := shGetPathFromIDL.Call(pidl, uintptr(unsafe.Pointer(&path[0]))); r == 0 {
		return "", false, nil // not a folder on a disk (此电脑 itself)
	}
	return syscall.UTF16ToString(path), true, nil
}

// comThread keeps the calling goroutine on one OS thread with COM set up
// for a window (the dialogs host shell extensions), and undoes both.
func comThread() func() {
	runtime.LockOSThread()
	const apartmentThreaded = 0x2
	coInitializeEx.Call(0, apartmentThreaded)
	return func() {
		coUninitialize.Call()
		runtime.UnlockOSThread()
	}
}

// dialogError is the error of a dialog that returned 0: nil for a cancel.
func dialogError() error {
	code, _, _ := commDlgExtError.Call()
	if code == 0 {
		return nil
	}
	return syscall.Errno(code)
}

// utf16z is s in UTF-16 with a final NUL; s may hold NULs itself (the
// filter's separators).
func utf16z(s string) *uint16 {
	u := append(utf16.Encode([]rune(s)), 0)
	return &u[0]
}

// documentsFolder is where a dialog starts before any file was used:
// the clerk's 文档.
func documentsFolder() string {
	dir := filepath.Join(os.Getenv("USERPROFILE"), "Documents")
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return dir
	}
	return ""
}
