package bolt

import (
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// TestConformance runs the behaviour every engine must show over a data
// file in a temporary folder.
func TestConformance(t *testing.T) {
	storetest.Run(t, opener)
	storetest.RunBackup(t, opener, Files{})
}

var opener = storetest.Opener(func(t *testing.T) func(store.Options) store.Store {
	path := filepath.Join(t.TempDir(), "secdesk.db")
	return func(o store.Options) store.Store {
		t.Helper()
		s, err := OpenStore(path, Options{Now: o.Now, Clerk: o.Clerk, PC: o.PC, Timeout: DefaultTimeout})
		if err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		t.Cleanup(func() { s.Close() }) // closing twice is harmless
		return s
	}
})
