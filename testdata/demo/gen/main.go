// Command gen writes testdata/demo/members.json, rosters.json,
// meetings.json, tasks.json and indicators.json, the fictitious sample group that
// `secdesk demo` loads: its member units, its people with the bodies they
// sit on (理事会, 常务理事会, 秘书处, a guidance committee and a 共同体)
// over four terms, its meetings of 2025 and 2026 (held ones with
// attendance and minutes, a few in preparation after the demo's today),
// and a year of supervision (督查督办) of the minutes' items and of the
// 2026 工作要点, to the end of November 2026, and the member units'
// indicator returns of 2023–2026 (the 2023 totals are seed 000's). It is
// deterministic: the same program writes the same files byte for byte, so
// the committed JSON can be checked by regenerating it.
//
//	go run ./testdata/demo/gen -out testdata/demo/members.json -rosters testdata/demo/rosters.json -meetings testdata/demo/meetings.json -tasks testdata/demo/tasks.json -indicators testdata/demo/indicators.json
//	go generate ./assets   # copies the five to assets/demo/
//
// Every name, code, person and phone number in it is invented. The history
// is built so that the register on 2023-11-28 has exactly the structure of
// the seed-000 work report (81 units: 政府部门 1, 企业 47, 本科院校 3,
// 高职院校 17, 中职学校 10, 行业协会 2, 科研院所 1; 3 joined and 1 left in
// 2023); the program checks that before it writes. The format is package
// store/demo's, whose loader `secdesk demo` runs.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"time"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

const groupName = "潍海市化工职业教育集团"

func main() {
	out := flag.String("out", "testdata/demo/members.json", "member file")
	rosterOut := flag.String("rosters", "testdata/demo/rosters.json", "roster file")
	meetingOut := flag.String("meetings", "testdata/demo/meetings.json", "meeting file")
	taskOut := flag.String("tasks", "testdata/demo/tasks.json", "task file")
	indOut := flag.String("indicators", "testdata/demo/indicators.json", "indicator file")
	flag.Parse()
	f := demo.Members{
		GroupName: groupName,
		Note:      "虚构的演示数据：单位、代码、人员和电话均为编造，如有雷同纯属巧合。",
	}
	for i, u := range units() {
		f.Members = append(f.Members, u.member(i))
	}
	if err := check(f); err != nil {
		fail(err)
	}
	rf, reg, err := rosters(units())
	if err != nil {
		fail(err)
	}
	if err := checkRosters(f, rf); err != nil {
		fail(err)
	}
	mt := meetings(reg, f)
	if err := checkMeetings(mt, f, rf); err != nil {
		fail(err)
	}
	tf, err := tasks(reg, mt)
	if err != nil {
		fail(err)
	}
	ind, err := indicators(f)
	if err != nil {
		fail(err)
	}
	write(*out, f)
	write(*rosterOut, rf)
	write(*meetingOut, mt)
	write(*taskOut, tf)
	write(*indOut, ind)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

// write encodes v as indented JSON, Chinese as written.
func write(path string, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		fail(err)
	}
}

// check replays every member through store.Member.AddEvent (so each event
// is one the program accepts) and compares the 2023-11-28 register with
// the seed-000 report.
func check(f demo.Members) error {
	now := time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC)
	var ms []store.Member
	for _, dm := range f.Members {
		m := store.Member{Name: dm.Name, CreditCode: dm.CreditCode, Type: store.UnitType(dm.Type),
			Province: dm.Province, City: dm.City, Contact: dm.Contact, Phone: dm.Phone, Email: dm.Email}
		m.Clean()
		if err := m.Validate(); err != nil {
			return fmt.Errorf("%s: %v", dm.Name, err)
		}
		if store.PhoneLooksWrong(m.Phone) {
			return fmt.Errorf("%s: phone %s", dm.Name, m.Phone)
		}
		if dup := store.FindDuplicate(ms, &m); dup != nil {
			return fmt.Errorf("%s duplicates %s", dm.Name, dup.Name)
		}
		for _, de := range dm.Events {
			e := store.Event{Kind: store.EventKind(de.Kind), Date: de.Date, Tier: store.Tier(de.Tier),
				Basis: de.Basis, ExitKind: store.ExitKind(de.ExitKind), Reason: de.Reason}
			if err := m.AddEvent(e, now); err != nil {
				return fmt.Errorf("%s %s %s: %v", dm.Name, de.Kind, de.Date, err)
			}
		}
		m.ID = store.NewID()
		ms = append(ms, m)
	}
	st := store.ComputeStats(ms, store.Date{}, store.NewDate(2023, 11, 28))
	want := map[store.UnitType]int{"政府部门": 1, "企业": 47, "本科院校": 3, "高职院校": 17, "中职学校": 10, "行业协会": 2, "科研院所": 1}
	if st.Total != 81 || st.Joined != 3 || st.Left != 1 || fmt.Sprint(st.ByType) != fmt.Sprint(want) {
		return fmt.Errorf("2023-11-28 stats %+v, want the seed-000 structure", st)
	}
	if n := len(st.ByCity); n < 14 {
		return fmt.Errorf("only %d cities", n)
	}
	return nil
}

// hash gives the deterministic "random" choices: a unit's name and what
// is being chosen always give the same number.
func hash(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// day is the date of ISO text, the form the generator reasons in ("" is
// no date). Text in another form would change the file: it panics.
func day(s string) store.Date {
	if s == "" {
		return store.Date{}
	}
	d, err := store.ParseDate(s)
	if err != nil || d.String() != s {
		panic("gen: not an ISO date: " + s)
	}
	return d
}

func pick[T any](list []T, parts ...string) T {
	return list[hash(parts...)%uint64(len(list))]
}
