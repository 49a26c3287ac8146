package ui

import (
	"bytes"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/stroke"
)

// personIndex is one load of the people with what searching them needs:
// their units' names and a normalised search key per person. Built off
// the UI thread; the picker and the 人员 tab only read it.
type personIndex struct {
	people  []store.Person
	members []store.Member
	byID    map[uuid.UUID]*store.Member
	// byName finds a member by store.NameKey of its name, so a typed
	// "潍坊 职业学院" is the member 潍坊职业学院.
	byName map[string]*store.Member
	// keys[i] is NameKey of name, unit, title, phones and e-mail, joined by
	// newlines, so a search for "张三" never matches across two fields.
	keys []string
	// order lists the people in 姓氏笔画 order, the order clerks look for
	// names in.
	order []int
}

func newPersonIndex(people []store.Person, members []store.Member) *personIndex {
	x := &personIndex{people: people, members: members,
		byID: map[uuid.UUID]*store.Member{}, byName: map[string]*store.Member{}}
	for i := range members {
		x.byID[members[i].ID] = &members[i]
		x.byName[store.NameKey(members[i].Name)] = &members[i]
	}
	x.keys = make([]string, len(people))
	for i := range people {
		x.keys[i] = x.searchKey(&people[i])
	}
	x.sort()
	return x
}

func (x *personIndex) searchKey(p *store.Person) string {
	fields := []string{p.Name, x.unitName(p), p.Title, p.Mobile, p.Phone, p.Email}
	for i, f := range fields {
		fields[i] = store.NameKey(f)
	}
	return strings.Join(fields, "\n")
}

// sort orders the people by name in 姓氏笔画 order; keys are computed
// once, since a comparison of stroke keys is far cheaper than Compare.
func (x *personIndex) sort() {
	keys := make([][]byte, len(x.people))
	x.order = make([]int, len(x.people))
	for i := range x.people {
		keys[i] = stroke.Key(x.people[i].Name)
		x.order[i] = i
	}
	slices.SortStableFunc(x.order, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
}

// add puts a person just created into the index, so it can be chosen at
// once without reloading everything.
func (x *personIndex) add(p store.Person) {
	x.people = append(x.people, p)
	x.keys = append(x.keys, x.searchKey(&p))
	x.sort()
}

// unitName is the name of p's unit: its member's current name, or the
// free text.
func (x *personIndex) unitName(p *store.Person) string { return p.UnitName(x.byID) }

// memberNamed is the member whose name is text (normalised), or nil.
func (x *personIndex) memberNamed(text string) *store.Member {
	return x.byName[store.NameKey(text)]
}

// find returns the index of the person with the given ID, or -1.
func (x *personIndex) find(id uuid.UUID) int {
	return slices.IndexFunc(x.people, func(p store.Person) bool { return p.ID == id })
}

// match lists, in 姓氏笔画 order, the people the query finds. The query
// is normalised like the names (full-width letters, stray spaces), and it
// matches as a whole ("张 三" finds 张三) or word by word ("张三 潍坊"
// finds 张三 of 潍坊职业学院).
func (x *personIndex) match(query string, into []int) []int {
	into = into[:0]
	whole := store.NameKey(query)
	var words []string
	for _, w := range strings.Fields(store.CleanText(query)) {
		words = append(words, store.NameKey(w))
	}
	for _, i := range x.order {
		if whole == "" || strings.Contains(x.keys[i], whole) ||
			len(words) > 1 && containsAll(x.keys[i], words) {
			into = append(into, i)
		}
	}
	return into
}

// line is how a person is shown in a short list: 姓名 — 单位 职务.
func (x *personIndex) line(p *store.Person) string {
	rest := strings.TrimSpace(x.unitName(p) + " " + p.Title)
	if rest == "" {
		return p.Name
	}
	return p.Name + " — " + rest
}

// duplicateOf is the person other than self whose PersonKey equals p's,
// or nil: the person the store would refuse p as a duplicate of.
func (x *personIndex) duplicateOf(p *store.Person, self uuid.UUID) *store.Person {
	key := store.PersonKey(p)
	for i := range x.people {
		if x.people[i].ID != self && store.PersonKey(&x.people[i]) == key {
			return &x.people[i]
		}
	}
	return nil
}

// membersMatching lists the members whose name contains the typed text
// (normalised), at most limit of them, for the unit field's choices.
func (x *personIndex) membersMatching(text string, limit int) []string {
	key := store.NameKey(text)
	var out []string
	for i := range x.members {
		if strings.Contains(store.NameKey(x.members[i].Name), key) {
			out = append(out, x.members[i].Name)
			if len(out) == limit {
				break
			}
		}
	}
	return out
}
