package kit

import (
	"context"
	"slices"
	"sync"

	"github.com/secdesk/secdesk/store"
)

// Data is the shared cache of the records most sections show: members,
// people and bodies, each read from the store at most once per change
// announced for its kind (Shell.Changed), whichever section or picker asks
// first. Its methods read the store and so are called off the UI thread
// (in a Loader's fetch or in Background).
//
// What it returns is shared and read-only: clone a record before changing
// it (store.Body.Clone), and do not append to the slices in place (they
// are clipped, so an append copies).
type Data struct {
	store func() store.Store
	ctx   func() context.Context

	mu      sync.Mutex
	gen     map[store.Kind]int // per kind, bumped by every change announced
	members cached[store.Member]
	people  cached[store.Person]
	bodies  cached[store.Body]
}

type cached[T any] struct {
	gen    int
	loaded bool
	items  []T
}

func newData(s func() store.Store, ctx func() context.Context) *Data {
	return &Data{store: s, ctx: ctx, gen: map[store.Kind]int{}}
}

// Snapshot is one consistent read of the three kinds, for a section that
// shows them together.
type Snapshot struct {
	Members []store.Member
	People  []store.Person
	Bodies  []store.Body
}

// Members returns every member not in the trash, in creation order.
func (d *Data) Members() ([]store.Member, error) {
	return get(d, store.KindMember, &d.members, func(s store.Store) ([]store.Member, error) { return s.Members(d.ctx()) })
}

// People returns every person not in the trash, in creation order.
func (d *Data) People() ([]store.Person, error) {
	return get(d, store.KindPerson, &d.people, func(s store.Store) ([]store.Person, error) { return s.People(d.ctx()) })
}

// Bodies returns every body not in the trash, in creation order.
func (d *Data) Bodies() ([]store.Body, error) {
	return get(d, store.KindBody, &d.bodies, func(s store.Store) ([]store.Body, error) { return s.Bodies(d.ctx()) })
}

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

// get returns the cache of kind if it is of the current generation, else
// reads it. A read that a change overtook is returned (the Loader that
// asked drops it) but not kept.
func get[T any](d *Data, kind store.Kind, c *cached[T], read func(store.Store) ([]T, error)) ([]T, error) {
	d.mu.Lock()
	gen := d.gen[kind]
	if c.loaded && c.gen == gen {
		items := c.items
		d.mu.Unlock()
		return items, nil
	}
	d.mu.Unlock()
	items, err := read(d.store())
	if err != nil {
		return nil, err
	}
	items = slices.Clip(items)
	d.mu.Lock()
	if d.gen[kind] == gen {
		c.gen, c.loaded, c.items = gen, true, items
	}
	d.mu.Unlock()
	return items, nil
}

// invalidate drops the cache of kind after a change to it.
func (d *Data) invalidate(kind store.Kind) {
	d.mu.Lock()
	d.gen[kind]++
	d.mu.Unlock()
}

// Context is the desk's, for store calls made beside the cached reads.
func (d *Data) Context() context.Context { return d.ctx() }
