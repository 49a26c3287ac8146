package main

import (
	"encoding/json"
	"fmt"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// demoFile is the format of assets.DemoGroup (written by
// testdata/demo/gen, which has its own copy of these types).
type demoFile struct {
	GroupName string       `json:"group_name"`
	Members   []demoMember `json:"members"`
}

type demoMember struct {
	Name       string      `json:"name"`
	CreditCode string      `json:"credit_code"`
	Type       string      `json:"type"`
	Province   string      `json:"province"`
	City       string      `json:"city"`
	Address    string      `json:"address"`
	Contact    string      `json:"contact"`
	Phone      string      `json:"phone"`
	Email      string      `json:"email"`
	Note       string      `json:"note"`
	Events     []demoEvent `json:"events"`
}

type demoEvent struct {
	Kind     store.EventKind `json:"kind"`
	Date     store.Date      `json:"date"`
	Tier     store.Tier      `json:"tier"`
	Basis    string          `json:"basis"`
	ExitKind store.ExitKind  `json:"exit_kind"`
	Reason   string          `json:"reason"`
}

// demo fills a new data file with the sample group: its member units, then
// its people and bodies. A file that already
// has members is refused: the demo must never mix with a real register.
func (c *cli) demo(args []string) error {
	fs, db := newFlags("demo")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	var f demoFile
	if err := json.Unmarshal(assets.DemoGroup, &f); err != nil {
		return err
	}
	var rf demoRosters
	if err := json.Unmarshal(assets.DemoRosters, &rf); err != nil {
		return err
	}
	s, err := openStore(*db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if ms, err := s.Members(); err != nil {
		return err
	} else if len(ms) > 0 {
		return failf("数据文件中已有%d家成员单位，演示数据只能装入新的数据文件：%s", len(ms), s.Path())
	}
	for _, dm := range f.Members {
		if err := loadDemoMember(s, dm); err != nil {
			return fmt.Errorf("%s: %w", dm.Name, err)
		}
	}
	if err := loadDemoRosters(s, rf); err != nil {
		return err
	}
	set, err := s.Settings()
	if err != nil {
		return err
	}
	set.GroupName = f.GroupName
	if err := s.SaveSettings(set); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已装入演示数据：%s，%d家单位，数据文件 %s", f.GroupName, len(f.Members), s.Path()))
	fmt.Fprintln(c.stdout, msg.Tf("演示名单：%d人，%d个机构", len(rf.People), len(rf.Bodies)))
	return nil
}

// loadDemoMember creates the unit with its application and admission, then
// records each later step as the clerk would have, one event at a time, so
// the audit log reads like years of real use.
func loadDemoMember(s store.Store, dm demoMember) error {
	m := store.Member{Name: dm.Name, CreditCode: dm.CreditCode, Type: store.UnitType(dm.Type),
		Province: dm.Province, City: dm.City, Address: dm.Address, Contact: dm.Contact,
		Phone: dm.Phone, Email: dm.Email, Note: dm.Note}
	first := firstJoin(dm.Events) + 1
	for _, e := range dm.Events[:first] {
		m.Events = append(m.Events, e.event())
	}
	m, err := s.CreateMember(m)
	if err != nil {
		return err
	}
	for _, e := range dm.Events[first:] {
		if _, err := s.AddEvent(m.ID, e.event()); err != nil {
			return err
		}
	}
	return nil
}

// firstJoin is the index of the first admission, or the last event's if
// the unit has only applied.
func firstJoin(es []demoEvent) int {
	for i, e := range es {
		if e.Kind == store.EventJoin {
			return i
		}
	}
	return len(es) - 1
}

func (e demoEvent) event() store.Event {
	return store.Event{Kind: e.Kind, Date: e.Date, Tier: e.Tier, Basis: e.Basis, ExitKind: e.ExitKind, Reason: e.Reason}
}
