package main

import (
	"fmt"
	"slices"
	"strings"
)

// A role is a post in a unit that a body draws its holder from: the
// unit's head sits on the council, its expert on the guidance committee,
// its liaison for the unit in the 共同体. Who holds a role changes over the
// years; tenure records each holder from a date.
type tenure struct {
	from, person, title string
}

// Role keys within a unit.
const (
	rHead     = "head"     // 党委书记 / 董事长 / 局长 …: sits on the councils
	rExec     = "exec"     // 院长 / 总经理: the lead college's 执行理事长
	rSec      = "sec"      // the lead college's officer who is 秘书长
	rDeputy   = "deputy"   // 副秘书长 from a unit
	rDeputy2  = "deputy2"  // a second 副秘书长 from the lead college
	rExpert   = "expert"   // 副院长 / 总工程师 on the guidance committee
	rLiaison  = "liaison"  // who sits for the unit in the 共同体
	rOfficial = "official" // an official of a government office outside the group
)

// termStarts are the council's 换届 dates, taken from the meetings that
// approved the members (第二届理事会第一次会议 on 2015-05-15 …); a unit's
// head changes, if at all, when a new term begins.
var termStarts = []string{"2010-06-18", "2015-05-15", "2020-09-25", "2025-05-16"}

// fixedTenures are the holders the demo's story needs by name: the lead
// college's leaders, the pairs that show 姓氏笔画 order (郑 before 赵,
// 黄 before 韩, 王 毛 方 尹), the replacements within a term and the
// officials from outside the group. Other roles are invented by hash; a
// fixed list replaces the invented holders from its first date on.
var fixedTenures = map[string][]tenure{
	"潍海化工职业学院|" + rHead:    {{"", "高建国", "党委书记"}, {"2015-05-15", "刘振华", "党委书记"}, {"2025-05-16", "孙立新", "党委书记"}},
	"潍海化工职业学院|" + rExec:    {{"", "徐志刚", "院长"}, {"2020-09-25", "周海燕", "党委副书记、院长"}},
	"潍海化工职业学院|" + rSec:     {{"", "曹德胜", "副院长"}, {"2020-09-25", "梁晓东", "副院长"}},
	"潍海化工职业学院|" + rDeputy:  {{"", "冯立新", "院办主任"}, {"2015-05-15", "宋雪梅", "集团办公室主任"}},
	"潍海化工职业学院|" + rDeputy2: {{"2020-09-25", "丁宁", "合作发展处处长"}},
	"潍海职业技术学院|" + rHead: {{"2015-05-15", "蒋宏伟", "党委书记"}, {"2020-09-25", "于振国", "党委书记、院长"},
		{"2026-04-24", "孔庆丰", "党委书记"}},
	"潍海学院|" + rHead:              {{"2020-09-25", "赵振华", "党委书记、校长"}},
	"潍海恒润化工有限公司|" + rHead:        {{"2015-05-15", "郑德胜", "董事长"}},
	"东营石化职业技术学院|" + rHead:        {{"2025-05-16", "韩立新", "党委书记、院长"}},
	"潍海瑞丰农化股份有限公司|" + rHead:      {{"2020-09-25", "黄建国", "董事长、总经理"}},
	"潍海工程职业学院|" + rHead:          {{"2020-09-25", "王志强", "党委书记"}},
	"淄博化工职业技术学院|" + rHead:        {{"2025-05-16", "毛晓东", "党委书记、院长"}},
	"潍海市化工学校|" + rHead:           {{"2015-05-15", "方红梅", "党委书记、校长"}},
	"潍海新宇精细化工有限公司|" + rHead:      {{"2020-09-25", "尹春生", "董事长"}},
	"潍海金洋新材料科技有限公司|" + rHead:     {{"2020-09-25", "石永刚", "总经理"}},
	"潍海市教育局|" + rHead:            {{"", "段建华", "副局长"}, {"2015-05-15", "龚丽娟", "副局长"}, {"2022-06-10", "严俊杰", "副局长"}},
	"潍海市化工行业协会|" + rDeputy:       {{"", "邱玉兰", "秘书长"}},
	"潍海新宇精细化工有限公司|" + rLiaison:   {{"", "常浩然", "人力资源部经理"}, {"2025-03-01", "乔春燕", "人力资源部经理"}},
	"潍海市人民政府|" + rOfficial:       {{"", "孟宪国", "副市长"}, {"2015-05-15", "车明", "副市长"}, {"2020-09-25", "邢丽", "副市长"}, {"2025-05-16", "武振宇", "副市长"}},
	"潍海市工业和信息化局|" + rOfficial:    {{"", "包文静", "局长"}, {"2021-04-23", "单国庆", "局长"}},
	"潍海市应急管理局|" + rOfficial:      {{"", "殷建军", "危险化学品安全监督管理科科长"}},
	"潍海市人力资源和社会保障局|" + rOfficial: {{"", "柳晓燕", "职业能力建设科科长"}},
}

// leftWhileSeated are people who left their unit (调离) with their seats
// not yet ended: the rosters after the date carry a warning for them.
var leftWhileSeated = map[string]string{"石永刚": "2026-07-15"}

// leftOnReplacement are people recorded as 调离 on the day they were
// replaced: their seats end that day, so no warning is due.
var leftOnReplacement = map[string]string{"于振国": "2026-04-24"}

// personInfo is what the file says of a person besides their seats.
type personInfo struct {
	name, gender, member, unit, title string
	since                             string // the date title is from
	order                             int    // first appearance, for a stable file order
}

// registry invents holders for roles and remembers every person met.
type registry struct {
	units   map[string]unit
	order   []unit
	tenures map[string][]tenure
	people  map[string]*personInfo
	taken   map[string]bool // names in use: every person's name is unique in the file
}

func newRegistry(us []unit) *registry {
	r := &registry{units: map[string]unit{}, order: us, tenures: map[string][]tenure{}, people: map[string]*personInfo{}, taken: map[string]bool{}}
	for _, u := range us {
		r.units[u.name] = u
	}
	keys := make([]string, 0, len(fixedTenures))
	for k := range fixedTenures {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, t := range fixedTenures[k] {
			if r.taken[t.person] {
				panic("fixed name used twice: " + t.person)
			}
			r.taken[t.person] = true
		}
	}
	return r
}

// holder is who holds unit's role on day d, and their title then.
func (r *registry) holder(unitName, role, d string) (person, title string) {
	var held tenure
	for _, t := range r.timeline(unitName, role) {
		if t.from <= d {
			held = t
		}
	}
	if held.person == "" {
		panic(fmt.Sprintf("nobody holds %s|%s on %s", unitName, role, d))
	}
	r.meet(held, unitName)
	return held.person, held.title
}

// meet records a person the first time a seat names them; their title in
// the file is the latest one they held.
func (r *registry) meet(t tenure, unitName string) {
	p := r.people[t.person]
	if p == nil {
		p = &personInfo{name: t.person, gender: genderOf(t.person), order: len(r.people)}
		if _, ok := r.units[unitName]; ok {
			p.member = unitName
		} else {
			p.unit = unitName
		}
		r.people[t.person] = p
	}
	if t.from >= p.since {
		p.title, p.since = t.title, t.from
	}
}

// timeline is the role's holders: invented ones (a new holder at a term
// start now and then), then the fixed ones from their first date.
func (r *registry) timeline(unitName, role string) []tenure {
	key := unitName + "|" + role
	if ts, ok := r.tenures[key]; ok {
		return ts
	}
	var ts []tenure
	fixed := fixedTenures[key]
	for i, start := range successionDays(role) {
		if len(fixed) > 0 && fixed[0].from <= start && (fixed[0].from != "" || i == 0) {
			break
		}
		if i == 0 || hash(key, start, "succession")%100 < 40 {
			ts = append(ts, tenure{from: start, person: r.newName(key, start), title: r.title(unitName, role, start)})
		}
	}
	if len(ts) > 0 {
		ts[0].from = ""
	}
	ts = append(ts, fixed...)
	r.tenures[key] = ts
	return ts
}

// successionDays are the days a role's invented holder may change: the
// start of each term of the body the role sits on.
func successionDays(role string) []string {
	switch role {
	case rExpert:
		return []string{"2016-04-28", "2021-04-23"}
	case rLiaison:
		return []string{"2023-04-21"}
	}
	return termStarts
}

// newName invents a name not yet in use.
func (r *registry) newName(parts ...string) string {
	for salt := 0; ; salt++ {
		s := append(slices.Clone(parts), fmt.Sprint(salt))
		name := pick(surnames, append(s, "surname")...) + pick(given, append(s, "given")...)
		if !r.taken[name] {
			r.taken[name] = true
			return name
		}
	}
}

// title is the post a role's holder has, by the kind of unit.
func (r *registry) title(unitName, role, d string) string {
	u := r.units[unitName]
	head, exec, expert := "党委书记", "院长", "副院长"
	switch {
	case u.typ == "企业":
		head, exec, expert = pick([]string{"董事长", "董事长、总经理", "总经理"}, unitName, d), "总经理", pick([]string{"总工程师", "技术总监", "副总经理"}, unitName)
	case u.typ == "政府部门":
		head, expert = "副局长", "职业教育与成人教育科科长"
	case u.typ == "行业协会":
		head, expert = "会长", "副秘书长"
	case u.typ == "科研院所":
		head, expert = "院长", "总工程师"
	case u.typ == "其他":
		head, expert = "主任", "副主任"
	case strings.HasSuffix(unitName, "大学") || strings.HasSuffix(unitName, "学校") || strings.HasSuffix(unitName, "中学"):
		head, expert = pick([]string{"党委书记、校长", "校长"}, unitName, d), "副校长"
	case u.typ == "本科院校" || u.typ == "高职院校":
		head = pick([]string{"党委书记", "党委书记、院长"}, unitName, d)
	}
	switch role {
	case rHead:
		return head
	case rExec:
		return exec
	case rExpert:
		return expert
	case rLiaison:
		if u.typ == "企业" {
			return pick([]string{"人力资源部经理", "技术中心主任", "生产部经理"}, unitName)
		}
		return pick([]string{"合作发展处处长", "教务处处长", "化学工程系主任"}, unitName)
	}
	return "办公室主任"
}

// femaleGiven are the given names the generator reads as a woman's.
var femaleGiven = []string{"芳", "静", "丽", "霞", "海燕", "红梅", "文静", "玉兰", "雪梅", "晓燕", "婷婷", "秀云", "丽娟", "春燕", "玉芹", "琳", "敏"}

func genderOf(name string) string {
	for _, g := range femaleGiven {
		if strings.HasSuffix(name, g) {
			return "女"
		}
	}
	return "男"
}

// mobile is a person's invented mobile number.
func mobile(name string) string {
	return pick(mobiles, name, "mobile") + fmt.Sprintf("%08d", hash(name, "mobile no")%100000000)
}
