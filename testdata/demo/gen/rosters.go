package main

import (
	"fmt"
	"slices"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// holding is one seat as it stands on a day. Its slot is what stays the
// same when the holder changes: the position and the unit's role.
type holding struct {
	position, unit, role string
	person, title        string
	unitSeat, member     bool
}

func (h holding) slot() string { return h.position + "|" + h.unit + "|" + h.role }

func (h holding) seat() demo.Seat {
	if h.unitSeat {
		return demo.Seat{Position: h.position, Member: h.unit, Rep: h.person, Title: h.title}
	}
	return demo.Seat{Position: h.position, Person: h.person, Title: h.title}
}

// bodySpec is a body and who sits on it on any day.
type bodySpec struct {
	name, typ, parent, ordering, note string
	starts                            []string
	at                                func(r *registry, d string) []holding
}

const lead = "潍海化工职业学院"

func bodies() []bodySpec {
	return []bodySpec{
		{name: "理事会", typ: "理事会", ordering: "按姓氏笔画", starts: termStarts, at: council,
			note: "由理事单位推荐的代表组成，每届五年"},
		{name: "常务理事会", typ: "常务理事会", parent: "理事会", ordering: "按姓氏笔画", starts: termStarts, at: standing},
		{name: "秘书处", typ: "秘书处", parent: "理事会", ordering: "按指定顺序", starts: termStarts, at: secretariat,
			note: "设在潍海化工职业学院"},
		{name: "专业建设指导委员会", typ: "指导委员会", parent: "理事会", ordering: "按姓氏笔画",
			starts: []string{"2016-04-28", "2021-04-23"}, at: guidance},
		{name: "潍海市精细化工产教融合共同体", typ: "共同体", ordering: "按姓氏笔画", starts: []string{"2023-04-21"},
			at: community, note: "牵头单位：潍海化工职业学院、潍海新宇精细化工有限公司"},
	}
}

// seat is the holder of a unit's role in a position on day d.
func (r *registry) seat(position, unitName, role, d string) holding {
	p, t := r.holder(unitName, role, d)
	_, member := r.units[unitName]
	return holding{position: position, unit: unitName, role: role, person: p, title: t, member: member}
}

// council is the 理事会: the lead college's leaders, one person for each
// unit of 理事单位 tier or above (副理事长单位 give the 副理事长), the
// city's vice-mayor as 名誉理事长 and the secretariat's officers.
func council(r *registry, d string) []holding {
	hs := []holding{
		r.seat("名誉理事长", "潍海市人民政府", rOfficial, d),
		r.seat("理事长", lead, rHead, d),
		r.seat("执行理事长", lead, rExec, d),
	}
	for _, u := range r.order {
		switch tierOn(u, d) {
		case tVice:
			hs = append(hs, r.seat("副理事长", u.name, rHead, d))
		case tStand, tCounc:
			hs = append(hs, r.seat("理事", u.name, rHead, d))
		}
	}
	return append(hs, officers(r, d)...)
}

// officers are the 秘书长 and 副秘书长 in rank order.
func officers(r *registry, d string) []holding {
	hs := []holding{r.seat("秘书长", lead, rSec, d), r.seat("副秘书长", lead, rDeputy, d)}
	if d >= "2020-09-25" {
		hs = append(hs, r.seat("副秘书长", lead, rDeputy2, d))
	}
	return append(hs, r.seat("副秘书长", "潍海市化工行业协会", rDeputy, d))
}

// standing is the 常务理事会: the council's leaders and the people of the
// 常务理事单位.
func standing(r *registry, d string) []holding {
	var hs []holding
	for _, h := range council(r, d) {
		switch {
		case h.position == "理事" && tierOn(r.units[h.unit], d) == tStand:
			h.position = "常务理事"
		case h.position == "理事" || h.position == "名誉理事长" || h.position == "副秘书长":
			continue
		}
		hs = append(hs, h)
	}
	return hs
}

func secretariat(r *registry, d string) []holding { return officers(r, d) }

// guidanceExperts are the units whose experts sit on the 专业建设指导委员会
// while they are members.
var guidanceExperts = []string{"潍海职业技术学院", "潍海工程职业学院", "东营石化职业技术学院", "淄博化工职业技术学院",
	"齐岳理工大学", "潍海科技职业学院", "潍海市化工学校", "潍海市职业中等专业学校", "潍海市技师学院",
	"潍海新宇精细化工有限公司", "潍海海晟盐化有限公司", "潍海瑞丰农化股份有限公司", "潍海金洋新材料科技有限公司",
	"潍海联创医药化工有限公司", "潍海立信石化有限公司", "东营岳盛石化有限公司", "淄博瀚达氟硅材料有限公司", "潍海晨光检测技术有限公司"}

func guidance(r *registry, d string) []holding {
	hs := []holding{
		r.seat("名誉主任", "潍海市工业和信息化局", rOfficial, d),
		r.seat("主任", lead, rExec, d),
		r.seat("副主任", "潍海学院", rExpert, d),
		r.seat("副主任", "潍海恒润化工有限公司", rExpert, d),
		r.seat("副主任", "潍海市化工行业协会", rDeputy, d),
	}
	for _, name := range guidanceExperts {
		if tierOn(r.units[name], d) != "" {
			hs = append(hs, r.seat("委员", name, rExpert, d))
		}
	}
	return append(hs, r.seat("委员", "潍海市应急管理局", rOfficial, d), r.seat("委员", "潍海市人力资源和社会保障局", rOfficial, d))
}

// communityUnits are the member units of the 精细化工 共同体, while they
// are members.
var communityUnits = []string{lead, "潍海学院", "潍海市化工研究院", "潍海市化工学校", "潍海新宇精细化工有限公司",
	"潍海瑞丰农化股份有限公司", "潍海金洋新材料科技有限公司", "潍海联创医药化工有限公司", "潍海中研催化材料有限公司",
	"潍海昊达化工科技有限公司", "潍海智化数字科技有限公司", "潍海北辰生物化工有限公司", "烟台福川精细化学有限公司",
	"淄博瀚达氟硅材料有限公司", "潍海晨光检测技术有限公司", "潍海绿源新能源材料有限公司"}

func community(r *registry, d string) []holding {
	var hs []holding
	for _, name := range communityUnits {
		if tierOn(r.units[name], d) != "" {
			h := r.seat("成员单位", name, rLiaison, d)
			h.unitSeat = true
			hs = append(hs, h)
		}
	}
	return hs
}

// tierOn is the unit's tier at the end of day d, "" while not a member.
func tierOn(u unit, d string) string {
	tier := ""
	if u.tier != "" && u.join.date <= d {
		tier = u.tier
	}
	for _, e := range u.later {
		if e.Date.String() > d {
			break
		}
		switch e.Kind {
		case "批准加入", "类别变更":
			tier = e.Tier
		case "退出":
			tier = ""
		}
	}
	return tier
}

// terms is the body's history: each term's seats on its first day, then
// a change for every day within it on which the seats differ.
func (b bodySpec) terms(r *registry, days []string) ([]demo.Term, error) {
	var out []demo.Term
	for i, start := range b.starts {
		end := "9999-12-31"
		if i+1 < len(b.starts) {
			end = b.starts[i+1]
		}
		t := demo.Term{Number: i + 1, Start: day(start)}
		prev := b.at(r, start)
		for _, h := range prev {
			t.Seats = append(t.Seats, h.seat())
		}
		for _, d := range days {
			if d <= start || d >= end {
				continue
			}
			cur := b.at(r, d)
			if err := r.checkHoldings(cur, d); err != nil {
				return nil, fmt.Errorf("%s: %v", b.name, err)
			}
			t.Changes = append(t.Changes, diff(prev, cur, d)...)
			prev = cur
		}
		out = append(out, t)
	}
	return out, nil
}

// diff is what changed from prev to cur on day d: ended seats first, then
// new holders of the same slot, then new seats.
func diff(prev, cur []holding, d string) []demo.Change {
	before, after := map[string]holding{}, map[string]holding{}
	for _, h := range prev {
		before[h.slot()] = h
	}
	for _, h := range cur {
		after[h.slot()] = h
	}
	var ends, swaps, adds []demo.Change
	for _, h := range prev {
		if _, ok := after[h.slot()]; !ok {
			ends = append(ends, demo.Change{Date: day(d), Kind: "end", Holder: h.holderName(), Seat: demo.Seat{Position: h.position}})
		}
	}
	for _, h := range cur {
		old, ok := before[h.slot()]
		switch {
		case !ok:
			adds = append(adds, demo.Change{Date: day(d), Kind: "add", Seat: h.seat()})
		case old.person != h.person && h.unitSeat:
			swaps = append(swaps, demo.Change{Date: day(d), Kind: "rep", Holder: h.unit, Seat: h.seat()})
		case old.person != h.person:
			swaps = append(swaps, demo.Change{Date: day(d), Kind: "replace", Holder: old.person, Seat: h.seat()})
		}
	}
	return slices.Concat(ends, swaps, adds)
}

func (h holding) holderName() string {
	if h.unitSeat {
		return h.unit
	}
	return h.person
}

// checkHoldings keeps the seats true to the members' history: a unit, or a
// unit's person, sits only while the unit is a member, and nobody sits
// after the day they were replaced and left.
func (r *registry) checkHoldings(hs []holding, d string) error {
	for _, h := range hs {
		if h.member && tierOn(r.units[h.unit], d) == "" {
			return fmt.Errorf("%s %s sits on %s while %s is not a member", h.position, h.person, d, h.unit)
		}
		if left := leftOnReplacement[h.person]; left != "" && d >= left {
			return fmt.Errorf("%s still sits on %s after leaving on %s", h.person, d, left)
		}
	}
	return nil
}

// changeDays are the days on which a seat may change: every member event
// and every fixed change of a role's holder, up to the demo's today.
func changeDays(us []unit) []string {
	var days []string
	for _, u := range us {
		if u.tier != "" {
			days = append(days, u.join.date)
		}
		for _, e := range u.later {
			days = append(days, e.Date.String())
		}
	}
	for _, ts := range fixedTenures {
		for _, t := range ts {
			days = append(days, t.from)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	return slices.DeleteFunc(days, func(d string) bool { return d == "" || d > demoToday })
}

// demoToday is the day the demo's story has reached.
const demoToday = "2026-10-31"

// rosters builds the roster file, and returns the registry of who held
// which role when, which the meetings are written from.
func rosters(us []unit) (demo.Rosters, *registry, error) {
	r := newRegistry(us)
	f := demo.Rosters{Note: "虚构的演示数据：人员、职务和电话均为编造，如有雷同纯属巧合。"}
	days := changeDays(us)
	for _, b := range bodies() {
		terms, err := b.terms(r, days)
		if err != nil {
			return f, r, err
		}
		f.Bodies = append(f.Bodies, demo.Body{Name: b.name, Type: b.typ, Parent: b.parent, Ordering: b.ordering, Note: b.note, Terms: terms})
	}
	f.People = r.list()
	return f, r, nil
}

// list is everyone a seat named, in the order they were first met.
func (r *registry) list() []demo.Person {
	ps := make([]*personInfo, 0, len(r.people))
	for _, p := range r.people {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b *personInfo) int { return a.order - b.order })
	out := make([]demo.Person, len(ps))
	for i, p := range ps {
		out[i] = demo.Person{Name: p.name, Gender: p.gender, Member: p.member, Unit: p.unit, Title: p.title,
			Mobile: mobile(p.name), LeftOn: day(leftWhileSeated[p.name] + leftOnReplacement[p.name])}
	}
	return out
}

// checkRosters checks that every person is one the program accepts, that
// seats name only people and members of the files, that everyone named is
// seated somewhere, and that the group has a realistic number of people.
func checkRosters(mf demo.Members, rf demo.Rosters) error {
	members := map[string]bool{}
	for _, m := range mf.Members {
		members[m.Name] = true
	}
	people, err := checkPeople(rf.People, members)
	if err != nil {
		return err
	}
	named := func(s demo.Seat) error {
		if s.Person != "" && people[s.Person] == 0 || s.Rep != "" && people[s.Rep] == 0 || s.Member != "" && !members[s.Member] {
			return fmt.Errorf("seat %+v names someone unknown", s)
		}
		people[s.Person]++
		people[s.Rep]++
		return nil
	}
	for _, b := range rf.Bodies {
		for _, t := range b.Terms {
			for _, s := range t.Seats {
				if err := named(s); err != nil {
					return fmt.Errorf("%s 第%d届: %v", b.Name, t.Number, err)
				}
			}
			for _, c := range t.Changes {
				if err := named(c.Seat); err != nil {
					return fmt.Errorf("%s %s: %v", b.Name, c.Date, err)
				}
			}
		}
	}
	for _, dp := range rf.People {
		if people[dp.Name] < 2 {
			return fmt.Errorf("%s holds no seat", dp.Name)
		}
	}
	if n := len(rf.People); n < 120 || n > 180 {
		return fmt.Errorf("%d people, want 120–180", n)
	}
	return nil
}

// checkPeople validates each person as the store would and counts them
// once by name, the seats' way of naming them.
func checkPeople(ps []demo.Person, members map[string]bool) (map[string]int, error) {
	people, keys := map[string]int{}, map[string]bool{}
	for _, dp := range ps {
		p := store.Person{Name: dp.Name, Gender: dp.Gender, Unit: dp.Unit + dp.Member, Title: dp.Title, Mobile: dp.Mobile}
		p.Clean()
		if err := p.Validate(); err != nil || !members[dp.Member] && dp.Unit == "" {
			return nil, fmt.Errorf("person %s: %v (member %q)", dp.Name, err, dp.Member)
		}
		if keys[store.PersonKey(&p)] || people[dp.Name] > 0 {
			return nil, fmt.Errorf("person %s twice", dp.Name)
		}
		keys[store.PersonKey(&p)], people[dp.Name] = true, 1
	}
	return people, nil
}
