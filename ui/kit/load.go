package kit

// Loader fetches a T off the UI thread and applies it to the widgets on
// the UI thread (fetch-then-apply), so a large data file never freezes the
// window. Each Load is numbered: a fetch that finishes after a newer one
// started is dropped, so the screen always shows the latest load.
//
// The fetch runs in the background: it may call Shell.Store and
// Shell.Data, and nothing else of the shell or of the widgets; capture
// what it needs from them (Shell.Settings) before calling Load. What it
// returns is read-only once applied: clone before changing.
type Loader[T any] struct {
	sh    Shell
	gen   int
	apply func(T)
}

// NewLoader makes a loader whose results are applied with apply.
func NewLoader[T any](sh Shell, apply func(T)) *Loader[T] {
	return &Loader[T]{sh: sh, apply: apply}
}

// Load runs fetch in the background and applies its result, or shows its
// error, unless another Load started meanwhile.
func (l *Loader[T]) Load(fetch func() (T, error)) {
	l.gen++
	gen := l.gen
	var v T
	var err error
	l.sh.Background(func() { v, err = fetch() }, func() {
		if gen != l.gen {
			return
		}
		if err != nil {
			l.sh.ShowError(err)
			return
		}
		l.apply(v)
	})
}

// Write runs write (a store call) off the UI thread, then on the UI thread
// shows its error or runs after: a change made without a dialog (删除,
// 上移).
func Write(sh Shell, write func() error, after func()) {
	var err error
	sh.Background(func() { err = write() }, func() {
		if err != nil {
			sh.ShowError(err)
			return
		}
		if after != nil {
			after()
		}
	})
}
