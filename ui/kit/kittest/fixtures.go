package kittest

import (
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// Day is a date in tests.
func Day(y int, m time.Month, d int) store.Date { return store.NewDate(y, m, d) }

// JoinEvent is an admission on d with tier.
func JoinEvent(d store.Date, tier store.Tier) store.Event {
	return store.Event{Kind: store.EventJoin, Date: d, Tier: tier}
}

// AddMember creates a member through the store with the given events.
func AddMember(t *testing.T, s store.Store, name string, typ store.UnitType, events ...store.Event) store.Member {
	t.Helper()
	return storetest.MustCreate(t, s, store.Member{Name: name, Type: typ, Events: events})
}

// AddPerson creates a person through the store.
func AddPerson(t *testing.T, s store.Store, p store.Person) store.Person {
	t.Helper()
	return storetest.MustPerson(t, s, p)
}

// NewPerson records a person of a free-text unit through the store.
func NewPerson(t *testing.T, s store.Store, name, unit, title string) store.Person {
	t.Helper()
	return AddPerson(t, s, store.Person{Name: name, Unit: unit, Title: title})
}

// NewBodyWithTerm records a body with a first term and the given person
// seats through the store, ranked in the order given.
func NewBodyWithTerm(t *testing.T, s store.Store, name string, o store.Ordering, start store.Date, seats map[string][]store.Person) store.Body {
	t.Helper()
	b, err := s.CreateBody(context.Background(), store.Body{Name: name, Type: "理事会", Ordering: o})
	if err != nil {
		t.Fatal(err)
	}
	term, err := b.AddTerm(1, start)
	if err != nil {
		t.Fatal(err)
	}
	termID := term.ID
	for pos, people := range seats {
		for _, p := range people {
			if _, err := b.AddSeat(termID, pos, store.SeatHolder{PersonID: p.ID, Title: p.Title}, start); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, err = s.SaveBody(context.Background(), b, store.BodyChange{Op: store.TermStarted, TermID: termID})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// BodyWithSeats creates a body with a first term from start and a seat of
// the given position for each holder, through the store API.
func BodyWithSeats(t *testing.T, s store.Store, name string, start store.Date, position string, holders ...store.SeatHolder) store.Body {
	t.Helper()
	b, err := s.CreateBody(context.Background(), store.Body{Name: name, Type: "理事会"})
	if err != nil {
		t.Fatalf("create body %s: %v", name, err)
	}
	term, err := b.AddTerm(1, start)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range holders {
		if _, err := b.AddSeat(term.ID, position, h, store.Date{}); err != nil {
			t.Fatalf("add seat: %v", err)
		}
	}
	saved, err := s.SaveBody(context.Background(), b, store.BodyChange{Op: store.TermStarted, TermID: term.ID})
	if err != nil {
		t.Fatalf("save body %s: %v", name, err)
	}
	return saved
}

// StoredSeats counts the seats of every term of a stored body.
func StoredSeats(t *testing.T, s store.Store, id uuid.UUID) int {
	t.Helper()
	b, err := s.Body(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, term := range b.Terms {
		n += len(term.Seats)
	}
	return n
}

// English is every English translation the program ships (en.json and
// *.en.json), for tests that a section's own vocabulary has English.
func English(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	paths, _ := fs.Glob(assets.Translations, "i18n/*.json")
	for _, p := range paths {
		base := path.Base(p)
		if base != "en.json" && !strings.HasSuffix(base, ".en.json") {
			continue
		}
		data, err := fs.ReadFile(assets.Translations, p)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for k, v := range m {
			out[k] = strings.TrimSpace(v)
		}
	}
	return out
}
