// Package storetest makes fictitious but realistic member registers for
// tests and benchmarks of every package (store/bolt, store/xlsx, ui), and
// loads them into any store.Store.
package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// Dates of the synthetic history: every event lies in First..Last.
var (
	First = store.NewDate(2010, time.January, 1)
	Last  = store.NewDate(2026, time.October, 31)
)

// cst is China Standard Time, the zone the events are recorded in.
var cst = time.FixedZone("CST", 8*3600)

// SyntheticMembers returns n fictitious members, the same for the same n
// and seed: unique Chinese unit names, credit codes that pass the GB 32100
// check (a few units have none), types, cities, contacts, phones, and 1–4
// life-cycle events in date order (admissions, tier changes, some exits and
// rejoins) dated within First..Last. IDs, event IDs, Recorded, Created and
// Updated are set. A store loading them must have a clock after Last.
func SyntheticMembers(n int, seed int64) []store.Member {
	g := &generator{
		rng:   rand.New(rand.NewPCG(uint64(seed), 0x5ec0de5ec0de)),
		names: map[string]bool{},
		codes: map[string]bool{},
	}
	out := make([]store.Member, n)
	for i := range out {
		out[i] = g.member(i)
	}
	return out
}

type generator struct {
	rng   *rand.Rand
	names map[string]bool
	codes map[string]bool
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// member makes the i-th member. Its ID's time is 2026-01-01 plus i
// milliseconds, so the members sort in generation order.
func (g *generator) member(i int) store.Member {
	c := cities[g.rng.IntN(len(cities))]
	t := g.unitType()
	m := store.Member{
		ID:       g.uuidAt(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Millisecond)),
		Name:     g.uniqueName(t, c),
		Type:     t,
		Province: c.province,
		City:     c.city,
		Address:  fmt.Sprintf("%s%s%s%d号", c.province, c.city, g.pick(roads), 1+g.rng.IntN(300)),
		Contact:  g.personName(),
		Phone:    g.phone(c),
	}
	if g.rng.IntN(100) >= 3 {
		m.CreditCode = g.uniqueCode(t, c)
	}
	if g.rng.IntN(3) == 0 {
		m.Email = fmt.Sprintf("office%d@example.edu.cn", 1000+i)
	}
	if g.rng.IntN(10) == 0 {
		m.Note = g.pick(notes)
	}
	g.history(&m)
	m.Created = m.Events[0].Recorded
	m.Updated = m.Events[len(m.Events)-1].Recorded
	return m
}

// unitType draws a type with the weights of a real group: mostly
// companies, then colleges and schools (seed 000: 企业单位 47 of 81).
func (g *generator) unitType() store.UnitType {
	r := g.rng.IntN(100)
	for _, w := range typeWeights {
		if r < w.upTo {
			return w.t
		}
	}
	return "其他"
}

// uniqueName draws names until one is new; after a few tries it numbers
// the unit (…第二分公司, …第三分部) so that any n terminates.
func (g *generator) uniqueName(t store.UnitType, c city) string {
	for try := 0; ; try++ {
		name := g.name(t, c)
		if try >= 8 {
			name += "第" + store.ChineseNumber(try-6) + branchWord(t)
		}
		if !g.names[store.NameKey(name)] {
			g.names[store.NameKey(name)] = true
			return name
		}
	}
}

func branchWord(t store.UnitType) string {
	if t == "企业" {
		return "分公司"
	}
	return "分部"
}

func (g *generator) name(t store.UnitType, c city) string {
	short := c.city[:len(c.city)-len("市")]
	switch t {
	case "企业":
		return c.city + g.pick(brandA) + g.pick(brandB) + g.pick(industries) + g.pick(companyForms)
	case "高职院校":
		return short + g.pick(fields) + "职业技术学院"
	case "中职学校":
		return c.city + g.pick(fields) + "中等专业学校"
	case "技工院校":
		return c.city + g.pick(fields) + "技师学院"
	case "本科院校":
		return short + g.pick(fields) + "学院"
	case "普通学校":
		return fmt.Sprintf("%s第%s中学", c.city, store.ChineseNumber(1+g.rng.IntN(40)))
	case "行业协会":
		return c.city + g.pick(industries) + "行业协会"
	case "科研院所":
		return c.city + g.pick(fields) + "研究院"
	case "政府部门":
		return c.city + g.pick(offices)
	}
	return c.city + g.pick(fields) + "服务中心"
}

// uniqueCode makes a credit code: registration authority and kind for the
// type, the city's division code, a 9-character organisation code, and the
// GB 32100 check character.
func (g *generator) uniqueCode(t store.UnitType, c city) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	for {
		b := []byte(registrationPrefix(t) + c.division)
		for len(b) < 17 {
			if len(b) < 16 {
				b = append(b, alphabet[g.rng.IntN(10)]) // organisation codes are mostly digits
			} else {
				b = append(b, alphabet[g.rng.IntN(len(alphabet))])
			}
		}
		code := string(b) + string(store.CreditCodeCheckChar(string(b)))
		if !g.codes[code] {
			g.codes[code] = true
			return code
		}
	}
}

func registrationPrefix(t store.UnitType) string {
	switch t {
	case "企业":
		return "91"
	case "政府部门":
		return "11"
	case "行业协会":
		return "51"
	}
	return "12" // 事业单位: schools, colleges, institutes
}

func (g *generator) personName() string {
	given := g.pick(givenChars)
	if g.rng.IntN(3) > 0 {
		given += g.pick(givenChars)
	}
	return g.pick(surnames) + given
}

// phone is a mobile, or a landline with the city's area code.
func (g *generator) phone(c city) string {
	if g.rng.IntN(3) == 0 {
		return fmt.Sprintf("%s-%d", c.areaCode, 20000000+g.rng.IntN(79999999))
	}
	return fmt.Sprintf("1%d%09d", 3+g.rng.IntN(7), g.rng.IntN(1e9))
}

// uuidAt is a UUIDv7 for time t whose random bits come from the seed.
func (g *generator) uuidAt(t time.Time) uuid.UUID {
	var u uuid.UUID
	ms := uint64(t.UnixMilli())
	for i := 0; i < 6; i++ {
		u[i] = byte(ms >> (40 - 8*i))
	}
	for i := 6; i < 16; i++ {
		u[i] = byte(g.rng.Uint32())
	}
	u[6] = 0x70 | u[6]&0x0f // version 7
	u[8] = 0x80 | u[8]&0x3f // RFC 4122 variant
	return u
}
