package storetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

func TestSyntheticMembersDeterministic(t *testing.T) {
	a := SyntheticMembers(200, 7)
	b := SyntheticMembers(200, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same n and seed gave different members")
	}
	c := SyntheticMembers(200, 8)
	if a[0].Name == c[0].Name && a[1].Name == c[1].Name && a[2].Name == c[2].Name {
		t.Fatal("another seed gave the same first names")
	}
}

// TestSyntheticMembersAreValid checks every member of a 10k register
// against the store's own rules and the promises of the doc comment.
func TestSyntheticMembersAreValid(t *testing.T) {
	ms := SyntheticMembers(10000, 1)
	names, codes, ids := map[string]bool{}, map[string]bool{}, map[uuid.UUID]bool{}
	for i := range ms {
		m := ms[i]
		if m.ID == uuid.Nil || m.ID.Version() != 7 || ids[m.ID] {
			t.Fatalf("member %d: bad or repeated ID %s", i, m.ID)
		}
		ids[m.ID] = true
		if i > 0 && slices.Compare(ms[i-1].ID[:], m.ID[:]) >= 0 {
			t.Fatalf("member %d: IDs not in generation order", i)
		}
		key := store.NameKey(m.Name)
		if names[key] {
			t.Fatalf("member %d: name %s repeated", i, m.Name)
		}
		names[key] = true
		if m.CreditCode != "" {
			if !store.ValidCreditCode(m.CreditCode) || codes[m.CreditCode] {
				t.Fatalf("member %d: credit code %s invalid or repeated", i, m.CreditCode)
			}
			codes[m.CreditCode] = true
		}
		clean := m
		clean.Clean()
		if err := clean.Validate(); err != nil || clean.Name != m.Name || clean.Phone != m.Phone {
			t.Fatalf("member %d (%s): not clean and valid: %v", i, m.Name, err)
		}
		checkHistory(t, &m)
	}
}

func checkHistory(t *testing.T, m *store.Member) {
	t.Helper()
	if len(m.Events) < 1 || len(m.Events) > 4 {
		t.Fatalf("%s: %d events", m.Name, len(m.Events))
	}
	var replay store.Member
	for _, e := range m.Events {
		if e.Date.Before(First) || e.Date.After(Last) {
			t.Fatalf("%s: event dated %s", m.Name, e.Date)
		}
		if err := replay.CheckEvent(e, Last); err != nil {
			t.Fatalf("%s: event %s %s refused: %v", m.Name, e.Kind, e.Date, err)
		}
		replay.Events = append(replay.Events, e)
	}
	if !m.Created.Equal(m.Events[0].Recorded) || !m.Updated.Equal(m.Events[len(m.Events)-1].Recorded) {
		t.Fatalf("%s: Created/Updated do not follow the events", m.Name)
	}
}

// TestSyntheticMembersLookReal checks the mix: a register where nobody
// ever left or changed tier would not exercise the as-of logic.
func TestSyntheticMembersLookReal(t *testing.T) {
	ms := SyntheticMembers(2000, 3)
	kinds := map[store.EventKind]int{}
	types := map[store.UnitType]int{}
	rejoins, noCode := 0, 0
	for _, m := range ms {
		types[m.Type]++
		joins := 0
		for _, e := range m.Events {
			kinds[e.Kind]++
			if e.Kind == store.EventJoin {
				joins++
			}
		}
		if joins > 1 {
			rejoins++
		}
		if m.CreditCode == "" {
			noCode++
		}
	}
	if kinds[store.EventJoin] < 2000 || kinds[store.EventTier] < 200 || kinds[store.EventExit] < 200 ||
		kinds[store.EventApply] < 50 || rejoins < 20 {
		t.Fatalf("event mix too thin: %v, rejoins %d", kinds, rejoins)
	}
	if types["企业"] < 800 || types["企业"] > 1200 || len(types) != len(store.UnitTypes) {
		t.Fatalf("type mix: %v", types)
	}
	if noCode == 0 || noCode > 150 {
		t.Fatalf("%d members without a credit code", noCode)
	}
	active := len(store.Register(ms, Last))
	if active < 1000 || active > 1900 {
		t.Fatalf("%d of 2000 in the register on %s", active, Last)
	}
}
