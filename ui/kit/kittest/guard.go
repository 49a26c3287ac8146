package kittest

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/ui/kit"
)

// UIGuard records store work done on the UI thread. In tests background
// work runs inline, so "off the UI thread" is told from the call stack:
// a store transaction is off the UI thread when, going outwards from it,
// the first frame that decides is offUIThread (kit.RunOffUIThread while
// the guard is armed), and on it when that frame is the test driver's
// DoFromGoroutine (fyne.Do, fyne.DoAndWait: a Background's done, a
// Loader's apply) or when neither is on the stack (a tap, a Build, a
// Refresh).
type UIGuard struct {
	mu      sync.Mutex
	armed   bool
	calls   int // store transactions seen while armed
	onUI    []string
	offUI   int
	context string
}

// OpenGuardedFile is OpenFile with every transaction of the engine
// checked by the returned guard (once armed).
func OpenGuardedFile(t testing.TB) (store.Store, *UIGuard) {
	t.Helper()
	db, err := bolt.OpenWith(filepath.Join(t.TempDir(), "secdesk.db"), bolt.Options{})
	if err != nil {
		t.Fatalf("open data file: %v", err)
	}
	g := &UIGuard{}
	s := store.New(&guardedDB{DB: db, g: g}, store.Options{})
	t.Cleanup(func() { s.Close() })
	return s, g
}

// Arm starts checking, after the desk was built (kit.NewDesk reads the
// settings on the UI thread before the window is shown, by design), and
// makes background work run inline through offUIThread.
func (g *UIGuard) Arm(t testing.TB) {
	old := kit.RunOffUIThread
	kit.RunOffUIThread = offUIThread
	t.Cleanup(func() { kit.RunOffUIThread = old })
	g.mu.Lock()
	g.armed = true
	g.mu.Unlock()
}

// Doing names what the test does now, for the report of a violation.
func (g *UIGuard) Doing(what string) {
	g.mu.Lock()
	g.context = what
	g.mu.Unlock()
}

// Check fails t for every store transaction made on the UI thread since
// Arm, and if no store work was seen at all (the guard would prove
// nothing).
func (g *UIGuard) Check(t testing.TB) {
	t.Helper()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.calls == 0 {
		t.Error("no store work seen: the guard is not in the path")
	}
	for _, v := range g.onUI {
		t.Errorf("store work on the UI thread: %s", v)
	}
	t.Logf("%d store transactions, %d off the UI thread", g.calls, g.offUI)
}

// OnUIThread lists the store transactions made on the UI thread so far.
func (g *UIGuard) OnUIThread() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.onUI...)
}

// offUIThread is kit.RunOffUIThread while a guard is armed: the work
// runs inline (as Inline's does), and this frame marks it as background.
func offUIThread(f func()) { f() }

func (g *UIGuard) record() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.armed {
		return
	}
	g.calls++
	pcs := make([]uintptr, 128)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	var where []string
	for {
		f, more := frames.Next()
		switch {
		case strings.HasSuffix(f.Function, "kittest.offUIThread"):
			g.offUI++
			return
		case strings.HasSuffix(f.Function, "test.(*driver).DoFromGoroutine"):
			more = false
		case strings.Contains(f.Function, "secdesk/ui/") && len(where) < 4:
			where = append(where, fmt.Sprintf("%s:%d %s", relPath(f.File), f.Line, shortFunc(f.Function)))
		}
		if !more {
			break
		}
	}
	g.onUI = append(g.onUI, fmt.Sprintf("while %s: %s", g.context, strings.Join(where, " ← ")))
}

func relPath(file string) string {
	if i := strings.Index(file, "/ui/"); i >= 0 {
		return file[i+1:]
	}
	return filepath.Base(file)
}

func shortFunc(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		return fn[i+1:]
	}
	return fn
}

// guardedDB is the bbolt engine with its transactions recorded; its other
// methods (Path, CheckEngine …) are the file's own, so store.As finds them.
type guardedDB struct {
	*bolt.DB
	g *UIGuard
}

func (d *guardedDB) Read(ctx context.Context, fn func(store.EngineTx) error) error {
	d.g.record()
	return d.DB.Read(ctx, fn)
}

func (d *guardedDB) Write(ctx context.Context, fn func(store.EngineTx) error) error {
	d.g.record()
	return d.DB.Write(ctx, fn)
}
