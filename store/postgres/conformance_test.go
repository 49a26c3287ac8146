package postgres

import (
	"context"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/postgres/pgtest"
	"github.com/secdesk/secdesk/store/storetest"
)

// TestConformance runs the behaviour every engine must show, each subtest
// on a database of its own on the package's throwaway cluster.
func TestConformance(t *testing.T) {
	storetest.Run(t, opener)
	storetest.RunBackup(t, opener, bolt.Files{})
}

var opener = storetest.Opener(func(t *testing.T) func(store.Options) store.Store {
	url := pgtest.Start(t)
	return func(o store.Options) store.Store {
		t.Helper()
		e, err := Open(context.Background(), url, Options{Logf: t.Logf})
		if err != nil {
			t.Fatalf("open %s: %v", Describe(url), err)
		}
		s := store.New(e, o)
		t.Cleanup(func() { s.Close() }) // closing twice is harmless
		return s
	}
})
