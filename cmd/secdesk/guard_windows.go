package main

import "golang.org/x/sys/windows"

// showFatal shows text in a Windows message box: a double-clicked program
// has no console, so stderr alone would reach nobody.
func showFatal(title, text string) {
	t, err1 := windows.UTF16PtrFromString(title)
	m, err2 := windows.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}
