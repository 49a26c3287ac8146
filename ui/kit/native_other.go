//go:build !windows

package kit

import "errors"

// haveNativeDialogs: elsewhere Fyne's own dialogs are used.
const haveNativeDialogs = false

var errNoNativeDialogs = errors.New("kit: no native file dialogs here")

func nativeFile(save bool, kind FileKind, title, dir, name string) (string, bool, error) {
	return "", false, errNoNativeDialogs
}

func nativeFolder(title string) (string, bool, error) { return "", false, errNoNativeDialogs }

func documentsFolder() string { return "" }
