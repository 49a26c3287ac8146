package main

import (
	"fmt"
	"io"
	"log"
	"regexp"
	"strings"
	"sync"

	"github.com/secdesk/secdesk/ui/msg"
)

// guardWindow runs fn, the window's event loop, so that a clerk never sees a
// panic or a window that silently does not come: when the window cannot
// open, the clerk is told why in their language, in a message box on
// Windows (where a double-clicked program has no console) and on stderr.
//
// Fyne's GLFW driver fails in two ways, and both are caught here:
//   - glfw.Init fails (Windows: "Win32: Failed to create helper window"; no
//     display): Fyne logs it and goes on, and the next GLFW call panics on
//     this goroutine with NotInitialized. The deferred recover catches it.
//   - glfw.CreateWindow fails (no usable OpenGL 2.1: "WGL: The driver does
//     not appear to support OpenGL"): Fyne logs "window creation error" and
//     calls os.Exit(1), so no deferred function runs. Fyne writes through the
//     standard logger, so for the time of fn it goes through watchLog, which
//     tells the clerk on the log line that comes right before that exit.
//
// A panic on another goroutine cannot be recovered in Go; the program's own
// work runs in kit.Desk's background functions, which report their errors.
func guardWindow(fn func()) (err error) {
	w := &watchLog{out: log.Writer()}
	log.SetOutput(w)
	defer func() {
		r := recover()
		log.SetOutput(w.out)
		switch {
		case r != nil:
			err = &failure{w.text(fmt.Sprintf("%T: %v", r, r))}
			showFatal(msg.T("秘书处工作台"), err.Error())
		case w.failed():
			err = &failure{w.text("")}
		}
	}()
	fn()
	return nil
}

// watchLog passes the standard logger's lines on unchanged and remembers
// what the window driver said, so a failure can be explained.
type watchLog struct {
	out io.Writer

	mu       sync.Mutex
	reason   string   // the last "Fyne error: …"
	driver   []string // GLFW's own lines and Fyne's causes, the last few
	reported bool
}

// Fyne's log.Println("Fyne error: ", reason), "  Cause:", "  At:";
// go-gl/glfw logs platform errors as "PlatformError: Win32: …".
var (
	fyneErrorRe = regexp.MustCompile(`Fyne error:\s+(.*)`)
	causeRe     = regexp.MustCompile(`^\s+Cause: (.*)`)
	atRe        = regexp.MustCompile(`^\s+At: `)
	driverRe    = regexp.MustCompile(`GLFW|OpenGL|WGL|GLX|EGL|Win32:|X11:|Wayland:|PlatformError|APIUnavailable|VersionUnavailable|NotInitialized`)
)

func (w *watchLog) Write(p []byte) (int, error) {
	_, _ = w.out.Write(p)
	line := strings.TrimRight(string(p), "\r\n")
	// The standard logger's date and time come first.
	if i := strings.Index(line, "Fyne error:"); i >= 0 {
		line = line[i:]
	} else if t := strings.SplitN(line, " ", 3); len(t) == 3 && strings.Count(t[0], "/") == 2 {
		line = t[2]
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case fyneErrorRe.MatchString(line):
		w.reason = fyneErrorRe.FindStringSubmatch(line)[1]
	case causeRe.MatchString(line):
		w.note(causeRe.FindStringSubmatch(line)[1])
	case atRe.MatchString(line):
		// Fyne's initFailed: os.Exit(1) follows this line at once.
		if w.reason == "window creation error" && !w.reported {
			w.reported = true
			text := w.textLocked("")
			fmt.Fprintln(w.out, text)
			showFatal(msg.T("秘书处工作台"), text)
		}
	case driverRe.MatchString(line):
		w.note(line)
	}
	return len(p), nil
}

func (w *watchLog) note(s string) {
	if len(w.driver) == 4 {
		w.driver = w.driver[1:]
	}
	w.driver = append(w.driver, s)
}

func (w *watchLog) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.reported
}

func (w *watchLog) text(panicked string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.textLocked(panicked)
}

// textLocked is what the clerk reads: why, what to do, and the technical
// lines for whoever looks after the PC.
func (w *watchLog) textLocked(panicked string) string {
	detail := append([]string(nil), w.driver...)
	if panicked != "" {
		detail = append(detail, panicked)
	}
	tech := strings.Join(detail, "\n")
	if len(w.driver) > 0 || w.reason != "" || driverRe.MatchString(panicked) {
		return msg.Tf("无法打开程序窗口：这台电脑的显示环境没能为本程序建立窗口（本程序需要显卡驱动提供 OpenGL 2.1 或更新版本）。\n"+
			"请安装或更新显卡驱动后再试；通过远程桌面或在虚拟机里运行时，也可能没有 OpenGL。\n"+
			"数据文件没有受到影响，命令行功能（secdesk stats 等）仍可使用。\n\n技术信息（请告诉电脑管理员）：\n%s", tech)
	}
	return msg.Tf("程序出错，窗口无法继续运行。已保存的数据没有受到影响。\n"+
		"请把下面的信息告诉维护人员：\n\n%s", tech)
}

// guardedGUI is (*cli).gui under guardWindow: the verbs' entry for the window.
func guardedGUI(c *cli, args []string) error {
	var err error
	if gerr := guardWindow(func() { err = c.gui(args) }); gerr != nil {
		return gerr
	}
	return err
}
