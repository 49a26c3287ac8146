package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// engineOf is the engine under a store made by store.New.
func engineOf(t *testing.T, s store.Store) store.Engine {
	t.Helper()
	e, ok := store.As[store.Engine](s)
	if !ok {
		t.Fatalf("%T does not expose its engine", s)
	}
	return e
}

// testCopy copies a scripted history into a second data set of the same
// engine: the copy holds the same records, indexes and log (IDs kept),
// plus one entry of its own; a second copy is refused unless it replaces.
func testCopy(t *testing.T, h *harness) {
	h.must(Script(h.ctx, h.s, h.clock.Now))
	src, err := Dump(h.ctx, h.s)
	h.must(err)

	dst := newHarness(t, h.opener)
	defer dst.finish()
	opt := store.CopyOptions{Options: dst.opt}
	rep, err := store.Copy(h.ctx, engineOf(t, h.s), engineOf(t, dst.s), opt)
	h.must(err)
	if rep.Records[store.ColMembers] != len(src.Members) || rep.Records[store.ColTrash] != len(src.Trash) ||
		rep.Audit != len(src.Audit)+1 {
		t.Fatalf("copy report %+v, source has %d members, %d trash, %d audit entries",
			rep, len(src.Members), len(src.Trash), len(src.Audit))
	}
	dst.reopen()
	got, err := Dump(dst.ctx, dst.s)
	dst.must(err)
	if got.Audit[0].Action != store.ActionCopy || got.Audit[0].Clerk != clerk {
		t.Fatalf("newest entry after the copy: %+v", got.Audit[0])
	}
	copyEntry := got.Audit[0]
	got.Audit = got.Audit[1:]
	// The copy's own entry took a number in Dump's ID order, so the
	// entries' numbers are one on; their content must be the same.
	for _, snap := range []*Snapshot{&src, &got} {
		for i := range snap.Audit {
			snap.Audit[i].ID = uuid.Nil
		}
	}
	if d := Diff(src, got); d != "" {
		t.Fatalf("the copy differs from its source:\n%s", d)
	}
	// The copied indexes work: a duplicate of a copied unit is refused.
	_, err = dst.s.CreateMember(dst.ctx, src.Members[0])
	if fe, ok := store.AsFieldError(err); !ok || fe.Problem != store.ProblemDuplicate {
		t.Fatalf("creating a copied unit again: %v", err)
	}

	before := dst.state()
	_, err = store.Copy(h.ctx, engineOf(t, h.s), engineOf(t, dst.s), opt)
	if !errors.Is(err, store.ErrTargetNotEmpty) {
		t.Fatalf("copy onto data: %v, want ErrTargetNotEmpty", err)
	}
	dst.unchanged(before, "a refused copy")

	opt.Replace = true
	if _, err := store.Copy(h.ctx, engineOf(t, h.s), engineOf(t, dst.s), opt); err != nil {
		t.Fatalf("copy --replace: %v", err)
	}
	again, err := Dump(dst.ctx, dst.s)
	dst.must(err)
	if len(again.Audit) != len(src.Audit)+1 || again.Audit[0].Summary != copyEntry.Summary {
		t.Fatalf("after replace: %d audit entries (want %d), newest %q", len(again.Audit), len(src.Audit)+1, again.Audit[0].Summary)
	}
}
