package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"time"

	"github.com/google/uuid"
)

// Options tune New. The zero value gives the defaults.
type Options struct {
	// Now is the store's clock: audit entries, Created/Updated and the
	// "today" against which event dates are checked. Default time.Now.
	Now func() time.Time
	// Clerk and PC name who makes the changes in the audit log. Default:
	// the operating-system user and the computer's host name.
	Clerk, PC string
}

// New makes the Store over an engine: every rule lives here, the engine
// only persists. The Store owns the engine and closes it.
func New(e Engine, o Options) Store {
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Clerk, o.PC = cmp.Or(o.Clerk, OSUser()), cmp.Or(o.PC, ThisPC())
	return &records{eng: e, opt: o, by: ClerkAt(o.Clerk, o.PC), session: NewID()}
}

// OSUser is the login name without a Windows domain ("OFFICE\\li" → "li"),
// the default clerk of the audit log.
func OSUser() string {
	u, err := user.Current()
	if err != nil {
		return os.Getenv("USER")
	}
	return filepath.Base(filepath.FromSlash(u.Username))
}

// ThisPC is the computer's name, the default PC of the audit log.
func ThisPC() string {
	h, _ := os.Hostname()
	return h
}

// records is the Store of New.
type records struct {
	eng Engine
	opt Options
	by  string
	// session marks this Store's audit entries (AuditEntry.Session).
	session uuid.UUID
}

var (
	_ Store   = (*records)(nil)
	_ Checker = (*records)(nil)
	_ Watcher = (*records)(nil)
)

// Engine is the engine under the store, for As.
func (r *records) Engine() Engine { return r.eng }

func (r *records) Close() error { return r.eng.Close() }

// clock is now without a monotonic reading, so a time handed back equals
// the one decoded later.
func (r *records) clock() time.Time { return r.opt.Now().Round(0) }

// wtx is one write: the engine transaction, the time it is stamped with,
// who makes it, and whether it has written its audit entry.
type wtx struct {
	tx      EngineTx
	now     time.Time
	r       *records
	audited bool
}

// errNoAudit guards the rule that every write leaves an audit entry.
var errNoAudit = errors.New("store: write transaction without an audit entry")

// write runs fn in one engine transaction that commits only if fn
// succeeded and wrote at least one audit entry.
func (r *records) write(ctx context.Context, fn func(w *wtx) error) error {
	return r.eng.Write(ctx, func(tx EngineTx) error {
		w := &wtx{tx: tx, now: r.clock(), r: r}
		if err := fn(w); err != nil {
			return err
		}
		if !w.audited {
			return errNoAudit
		}
		return nil
	})
}

// audit appends an entry keyed by a new UUIDv7, so the log iterates in
// the order the changes were made.
func (w *wtx) audit(action Action, kind Kind, record uuid.UUID, summary string) error {
	e := AuditEntry{ID: NewID(), Time: w.now, Action: action, Kind: kind, RecordID: record,
		Summary: summary, Clerk: w.r.opt.Clerk, PC: w.r.opt.PC, Session: w.r.session}
	if err := w.tx.AppendAudit(e); err != nil {
		return err
	}
	w.audited = true
	return nil
}

// stamp marks rec as saved now by this store's clerk, one revision on
// from old (nil for a new record).
func (w *wtx) stamp(s *Stamp, old *Stamp) {
	if old == nil {
		s.Created, s.Rev = w.now, 1
	} else {
		s.Created, s.Rev = old.Created, old.Rev+1
	}
	s.Updated, s.UpdatedBy = w.now, w.r.by
}

// read runs fn in a read transaction.
func (r *records) read(ctx context.Context, fn func(tx EngineTx) error) error {
	return r.eng.Read(ctx, fn)
}

// Watch delivers other clerks' changes when the engine can; a store on
// one PC has no others, and its channel stays open and silent until ctx
// ends. The engine's feed includes this store's own changes; they are
// dropped here (by session), as the caller announced them when it made
// them; another window of the same clerk is another session.
func (r *records) Watch(ctx context.Context) (<-chan Change, error) {
	ew, ok := r.eng.(EngineWatcher)
	if !ok {
		ch := make(chan Change)
		go func() { <-ctx.Done(); close(ch) }()
		return ch, nil
	}
	in, err := ew.Watch(ctx)
	if err != nil {
		return nil, err
	}
	out := make(chan Change, 16)
	go func() {
		defer close(out)
		for c := range in {
			if c.Session == r.session {
				continue
			}
			select {
			case out <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

func marshal(v any) ([]byte, error) { return json.Marshal(v) }

// decodeErr names a record that does not decode.
func decodeErr(c Collection, id uuid.UUID, err error) error {
	return fmt.Errorf("%s %s 无法读取: %w", c, id, err)
}
