package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachConsole gives a command-line verb the console of the cmd.exe or
// PowerShell it was started from. The exe is linked with -H windowsgui, so
// that a double-click opens no console window; Windows then starts it with
// no console at all, and what a verb prints would be lost. With args that
// name a verb, attach to the parent's console and write to it (CONOUT$),
// but only for the standard handles that have nowhere to go: output
// redirected to a file or a pipe (secdesk stats --json > 统计.json) stays
// where the caller sent it. Started by a double-click (no parent console),
// it does nothing. The window itself never attaches.
var attachConsoleProc = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

const attachParentProcess = ^uintptr(0) // (DWORD)-1

func attachConsole(args []string) {
	if !namesVerb(args) {
		return
	}
	// AttachConsole(ATTACH_PARENT_PROCESS); x/sys/windows has no wrapper for it.
	if r, _, _ := attachConsoleProc.Call(attachParentProcess); r == 0 {
		return // no parent console (double-click, a service), or one already
	}
	var out *os.File
	reopen := func(std uint32, f **os.File) {
		if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
			return // redirected by the caller: keep it
		}
		if out == nil {
			var err error
			if out, err = os.OpenFile("CONOUT$", os.O_WRONLY, 0); err != nil {
				return
			}
		}
		*f = out
		// Child processes and code that asks Windows for the handle see it too.
		_ = windows.SetStdHandle(std, windows.Handle(out.Fd()))
	}
	reopen(windows.STD_OUTPUT_HANDLE, &os.Stdout)
	reopen(windows.STD_ERROR_HANDLE, &os.Stderr)
}
