package ui

import (
	"os"
	"testing"
)

// TestMain runs background work inline: the test driver has no UI thread,
// so a goroutine applying results would race the test's own taps.
func TestMain(m *testing.M) {
	runOffUIThread = func(f func()) { f() }
	os.Exit(m.Run())
}
