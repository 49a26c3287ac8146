package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/atomicfile"
	"github.com/secdesk/secdesk/ui"
	"github.com/secdesk/secdesk/ui/firstrun"
	"github.com/secdesk/secdesk/ui/msg"
)

// lastFileName, in the default data file's folder, holds the path of the
// data file the first-run guide made, when the clerk put it elsewhere (on
// D: or a USB stick): the program opens that file by default from then
// on, without the guide.
const lastFileName = "last-file.txt"

// configDir is the folder of the default data file and of lastFileName,
// not created.
func configDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "secdesk"), nil
}

// rememberedFile is the data file the guide made, if that file still
// exists; "" if none.
func rememberedFile() string {
	dir, err := configDir()
	if err != nil {
		return ""
	}
	b, err := os.ReadFile(filepath.Join(dir, lastFileName))
	if err != nil {
		return ""
	}
	path := strings.TrimSpace(string(b))
	if path == "" {
		return ""
	}
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	return path
}

// rememberFile keeps path as the file to open by default.
func rememberFile(path string) error {
	dir, err := configDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, lastFileName), func(w io.Writer) error {
		_, err := io.WriteString(w, path+"\n")
		return err
	})
}

// isFirstRun reports whether the window should open the first-run guide:
// no --db was given, no data file was remembered, and the default data
// file does not exist. It returns the default file's path.
func isFirstRun(db string) (defaultPath string, first bool, err error) {
	if db != "" || rememberedFile() != "" {
		return "", false, nil
	}
	dir, err := configDir()
	if err != nil {
		return "", false, err
	}
	defaultPath = filepath.Join(dir, "secdesk.db")
	if _, err := os.Stat(defaultPath); errors.Is(err, os.ErrNotExist) {
		return defaultPath, true, nil
	}
	return defaultPath, false, nil
}

// firstRun opens the guide and, once the clerk confirmed, the window on
// the data it made; it returns when the window is closed.
func (c *cli) firstRun(a fyne.App, defaultPath string) error {
	msg.SetLanguage("zh")
	var mu sync.Mutex
	var final store.Store
	w := ui.StartFirstRun(a, firstrun.Config{
		DefaultPath: defaultPath,
		Open:        func(path string) (store.Store, error) { return openStore(c.ctx, path, false) },
		Done: func(s store.Store, dataPath string) {
			mu.Lock()
			final = s
			mu.Unlock()
			if err := rememberFile(dataPath); err != nil {
				fmt.Fprintln(c.stderr, msg.Error(err))
			}
		},
	})
	w.ShowAndRun()
	mu.Lock()
	defer mu.Unlock()
	if final != nil {
		final.Close()
	}
	return nil
}
