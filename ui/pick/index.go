// Package pick chooses who: a person (with the person form to record one
// on the spot), a member unit, or the holder of a seat (a person, or a
// unit with its representative). Organisation uses them today; meetings
// and supervision will.
package pick

import (
	"bytes"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/stroke"
	"github.com/secdesk/secdesk/ui/kit"
)

// Index is one load of the people with what searching them needs: their
// units' names and a normalised search key per person. Built off the UI
// thread (it sorts and normalises); the picker and the 人员 tab only read
// it, except Add.
type Index struct {
	// People are the people loaded, in creation order; the slice is the
	// index's own (Add appends to it).
	People  []store.Person
	members []store.Member
	// ByID finds a member unit by ID.
	ByID map[uuid.UUID]*store.Member
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

// NewIndex indexes people, whose units are among members.
func NewIndex(people []store.Person, members []store.Member) *Index {
	x := &Index{People: slices.Clip(people), members: members,
		ByID: map[uuid.UUID]*store.Member{}, byName: map[string]*store.Member{}}
	for i := range members {
		x.ByID[members[i].ID] = &members[i]
		x.byName[store.NameKey(members[i].Name)] = &members[i]
	}
	x.keys = make([]string, len(people))
	for i := range people {
		x.keys[i] = x.searchKey(&people[i])
	}
	x.sort()
	return x
}

func (x *Index) searchKey(p *store.Person) string {
	fields := []string{p.Name, x.UnitName(p), p.Title, p.Mobile, p.Phone, p.Email}
	for i, f := range fields {
		fields[i] = store.NameKey(f)
	}
	return strings.Join(fields, "\n")
}

// sort orders the people by name in 姓氏笔画 order; keys are computed
// once, since a comparison of stroke keys is far cheaper than Compare.
func (x *Index) sort() {
	keys := make([][]byte, len(x.People))
	x.order = make([]int, len(x.People))
	for i := range x.People {
		keys[i] = stroke.Key(x.People[i].Name)
		x.order[i] = i
	}
	slices.SortStableFunc(x.order, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
}

// Add puts a person just created into the index, so it can be chosen at
// once without reloading everything.
func (x *Index) Add(p store.Person) {
	x.People = append(x.People, p)
	x.keys = append(x.keys, x.searchKey(&p))
	x.sort()
}

// UnitName is the name of p's unit: its member's current name, or the
// free text.
func (x *Index) UnitName(p *store.Person) string { return p.UnitName(x.ByID) }

// MemberNamed is the member whose name is text (normalised), or nil.
func (x *Index) MemberNamed(text string) *store.Member {
	return x.byName[store.NameKey(text)]
}

// Find returns the index of the person with the given ID, or -1.
func (x *Index) Find(id uuid.UUID) int {
	return slices.IndexFunc(x.People, func(p store.Person) bool { return p.ID == id })
}

// Match lists, in 姓氏笔画 order, the people the query finds. The query
// is normalised like the names (full-width letters, stray spaces), and it
// matches as a whole ("张 三" finds 张三) or word by word ("张三 潍坊"
// finds 张三 of 潍坊职业学院).
func (x *Index) Match(query string, into []int) []int {
	into = into[:0]
	whole := store.NameKey(query)
	var words []string
	for _, w := range strings.Fields(store.CleanText(query)) {
		words = append(words, store.NameKey(w))
	}
	for _, i := range x.order {
		if whole == "" || strings.Contains(x.keys[i], whole) ||
			len(words) > 1 && kit.ContainsAll(x.keys[i], words) {
			into = append(into, i)
		}
	}
	return into
}

// Line is how a person is shown in a short list: 姓名 — 单位 职务.
func (x *Index) Line(p *store.Person) string {
	rest := strings.TrimSpace(x.UnitName(p) + " " + p.Title)
	if rest == "" {
		return p.Name
	}
	return p.Name + " — " + rest
}

// DuplicateOf is the person other than self whose PersonKey equals p's,
// or nil: the person the store would refuse p as a duplicate of.
func (x *Index) DuplicateOf(p *store.Person, self uuid.UUID) *store.Person {
	key := store.PersonKey(p)
	for i := range x.People {
		if x.People[i].ID != self && store.PersonKey(&x.People[i]) == key {
			return &x.People[i]
		}
	}
	return nil
}

// membersMatching lists the members whose name contains the typed text
// (normalised), at most limit of them, for the unit field's choices.
func (x *Index) membersMatching(text string, limit int) []string {
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
