package kit

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// Data is the shared cache of the records most sections show: members,
// people, bodies, meetings and tasks, each read from the store at most once per change
// announced for its kind (Shell.Changed), whichever section or picker asks
// first. A change announced for one record re-reads only that record: a
// save in a register of 10,000 units does not decode the other 9,999
// again. Its methods read the store and so are called off the UI thread
// (in a Loader's fetch or in Background).
//
// What it returns is shared and read-only: clone a record before changing
// it (store.Body.Clone), and do not append to the slices in place (they
// are clipped, so an append copies).
type Data struct {
	store func() store.Store
	ctx   func() context.Context

	mu      sync.Mutex
	members cached[store.Member]
	people  cached[store.Person]
	bodies  cached[store.Body]
	// meetings are kept in creation (ID) order like the others, so one
	// changed meeting is patched in; the sections sort them by date.
	meetings cached[store.Meeting]
	// tasks are the supervised tasks, in creation (ID) order as the store
	// returns them; the lists, the round grid and the ledger derive their
	// views from all of them.
	tasks cached[store.Task]
}

// cached is one kind's records as last read, and what changed since.
type cached[T any] struct {
	gen    int // bumped by every change announced
	loaded int // the gen items are of; -1 before the first read
	items  []T
	// changed are the records announced since loaded; whole means a change
	// not of one record (an import, settings), which needs a full read.
	changed map[uuid.UUID]bool
	whole   bool

	id  func(*T) uuid.UUID
	all func(ctx context.Context, s store.Store) ([]T, error)
	one func(ctx context.Context, s store.Store, id uuid.UUID) (T, error)
}

// maxPatch is how many changed records are re-read one by one before a
// full read is cheaper.
const maxPatch = 50

func newData(s func() store.Store, ctx func() context.Context) *Data {
	d := &Data{store: s, ctx: ctx}
	d.members = cached[store.Member]{loaded: -1,
		id:  func(m *store.Member) uuid.UUID { return m.ID },
		all: func(ctx context.Context, s store.Store) ([]store.Member, error) { return s.Members(ctx) },
		one: func(ctx context.Context, s store.Store, id uuid.UUID) (store.Member, error) { return s.Member(ctx, id) }}
	d.people = cached[store.Person]{loaded: -1,
		id:  func(p *store.Person) uuid.UUID { return p.ID },
		all: func(ctx context.Context, s store.Store) ([]store.Person, error) { return s.People(ctx) },
		one: func(ctx context.Context, s store.Store, id uuid.UUID) (store.Person, error) { return s.Person(ctx, id) }}
	d.bodies = cached[store.Body]{loaded: -1,
		id:  func(b *store.Body) uuid.UUID { return b.ID },
		all: func(ctx context.Context, s store.Store) ([]store.Body, error) { return s.Bodies(ctx) },
		one: func(ctx context.Context, s store.Store, id uuid.UUID) (store.Body, error) { return s.Body(ctx, id) }}
	d.meetings = cached[store.Meeting]{loaded: -1,
		id:  func(m *store.Meeting) uuid.UUID { return m.ID },
		all: allMeetings,
		one: func(ctx context.Context, s store.Store, id uuid.UUID) (store.Meeting, error) {
			return s.Meeting(ctx, id)
		}}
	d.tasks = cached[store.Task]{loaded: -1,
		id:  func(t *store.Task) uuid.UUID { return t.ID },
		all: func(ctx context.Context, s store.Store) ([]store.Task, error) { return s.Tasks(ctx) },
		one: func(ctx context.Context, s store.Store, id uuid.UUID) (store.Task, error) { return s.Task(ctx, id) }}
	return d
}

// allMeetings reads every meeting and puts them in ID order, which patch
// needs (the store returns them in date order).
func allMeetings(ctx context.Context, s store.Store) ([]store.Meeting, error) {
	ms, err := s.Meetings(ctx, store.MeetingFilter{})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(ms, func(a, b store.Meeting) int { return bytes.Compare(a.ID[:], b.ID[:]) })
	return ms, nil
}

// Snapshot is one consistent read of the three kinds, for a section that
// shows them together.
type Snapshot struct {
	Members []store.Member
	People  []store.Person
	Bodies  []store.Body
}

// Members returns every member not in the trash, in creation order.
func (d *Data) Members() ([]store.Member, error) { return get(d, &d.members) }

// People returns every person not in the trash, in creation order.
func (d *Data) People() ([]store.Person, error) { return get(d, &d.people) }

// Bodies returns every body not in the trash, in creation order.
func (d *Data) Bodies() ([]store.Body, error) { return get(d, &d.bodies) }

// Meetings returns every meeting not in the trash, in creation order.
func (d *Data) Meetings() ([]store.Meeting, error) { return get(d, &d.meetings) }

// Tasks returns every supervised task not in the trash, in creation order.
func (d *Data) Tasks() ([]store.Task, error) { return get(d, &d.tasks) }

// Snapshot returns members, people and bodies.
func (d *Data) Snapshot() (*Snapshot, error) {
	var s Snapshot
	var err error
	if s.Members, err = d.Members(); err != nil {
		return nil, err
	}
	if s.People, err = d.People(); err != nil {
		return nil, err
	}
	if s.Bodies, err = d.Bodies(); err != nil {
		return nil, err
	}
	return &s, nil
}

// get returns the cache if it is current; else it re-reads the records
// announced as changed (or everything). A read that a change overtook is
// returned (the Loader that asked drops it) but not kept.
func get[T any](d *Data, c *cached[T]) ([]T, error) {
	d.mu.Lock()
	gen, items := c.gen, c.items
	if c.loaded == gen {
		d.mu.Unlock()
		return items, nil
	}
	var ids []uuid.UUID
	if c.loaded >= 0 && !c.whole && len(c.changed) <= maxPatch {
		for id := range c.changed {
			ids = append(ids, id)
		}
	} else {
		items = nil
	}
	d.mu.Unlock()

	var err error
	if items == nil {
		items, err = c.all(d.ctx(), d.store())
	} else {
		items, err = patch(d, c, items, ids)
	}
	if err != nil {
		return nil, err
	}
	items = slices.Clip(items)
	d.mu.Lock()
	if c.gen == gen {
		c.loaded, c.items, c.changed, c.whole = gen, items, nil, false
	}
	d.mu.Unlock()
	return items, nil
}

// patch is a copy of items with each record of ids read again: replaced,
// added in creation (ID) order, or removed if it is gone.
func patch[T any](d *Data, c *cached[T], items []T, ids []uuid.UUID) ([]T, error) {
	out := slices.Clone(items)
	for _, id := range ids {
		rec, err := c.one(d.ctx(), d.store(), id)
		at, found := slices.BinarySearchFunc(out, id, func(x T, id uuid.UUID) int {
			xid := c.id(&x)
			return bytes.Compare(xid[:], id[:])
		})
		switch {
		case errors.Is(err, store.ErrNotFound):
			if found {
				out = slices.Delete(out, at, at+1)
			}
		case err != nil:
			return nil, err
		case found:
			out[at] = rec
		default:
			out = slices.Insert(out, at, rec)
		}
	}
	return out, nil
}

// invalidate marks the cache of kind stale after a change to record id
// (uuid.Nil: to several, or to the kind as a whole).
func (d *Data) invalidate(kind store.Kind, id uuid.UUID) {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch kind {
	case store.KindMember:
		mark(&d.members, id)
	case store.KindPerson:
		mark(&d.people, id)
	case store.KindBody:
		mark(&d.bodies, id)
	case store.KindMeeting:
		mark(&d.meetings, id)
	case store.KindTask:
		mark(&d.tasks, id)
	}
}

func mark[T any](c *cached[T], id uuid.UUID) {
	c.gen++
	if id == uuid.Nil {
		c.whole = true
		return
	}
	if c.changed == nil {
		c.changed = map[uuid.UUID]bool{}
	}
	c.changed[id] = true
}

// Context is the desk's, for store calls made beside the cached reads.
func (d *Data) Context() context.Context { return d.ctx() }
