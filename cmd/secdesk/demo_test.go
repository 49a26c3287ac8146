package main

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The expectations below are computed straight from the JSON file with
// their own small replay of the events, not through package store.
type rawEvent struct{ Kind, Date string }

type rawMember struct {
	Name, Type, City string
	Events           []rawEvent
}

func loadRawDemo(t *testing.T) (group string, ms []rawMember) {
	t.Helper()
	b, err := os.ReadFile("../../testdata/demo/members.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		GroupName string `json:"group_name"`
		Members   []struct {
			Name, Type, City string
			Events           []struct{ Kind, Date string }
		}
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	for _, m := range f.Members {
		rm := rawMember{Name: m.Name, Type: m.Type, City: m.City}
		for _, e := range m.Events {
			rm.Events = append(rm.Events, rawEvent{e.Kind, e.Date})
		}
		ms = append(ms, rm)
	}
	return f.GroupName, ms
}

// expectStats counts as the issue defines it: members whose latest
// admission or exit on or before asOf is an admission; admissions and exits
// dated since..asOf. ISO dates compare as strings.
func expectStats(ms []rawMember, since, asOf string) map[string]any {
	byType, byCity := map[string]any{}, map[string]any{}
	total, joined, left := 0, 0, 0
	for _, m := range ms {
		active := false
		for _, e := range m.Events {
			if e.Date > asOf {
				continue
			}
			switch e.Kind {
			case "批准加入":
				active = true
			case "退出":
				active = false
			}
			if e.Date >= since && (e.Kind == "批准加入" || e.Kind == "退出") {
				if e.Kind == "批准加入" {
					joined++
				} else {
					left++
				}
			}
		}
		if active {
			total++
			byType[m.Type] = num(byType[m.Type]) + 1
			byCity[m.City] = num(byCity[m.City]) + 1
		}
	}
	return map[string]any{"as_of": asOf, "since": since, "total": float64(total),
		"by_type": byType, "by_city": byCity, "joined": float64(joined), "left": float64(left)}
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

func TestDemoStatsMatchFile(t *testing.T) {
	db := demoDB(t)
	_, ms := loadRawDemo(t)
	cases := []struct{ since, asOf string }{
		{"", "2010-06-17"},
		{"", "2010-12-31"},
		{"2015-01-01", "2015-06-30"},
		{"2010-01-01", "2019-12-31"},
		{"", "2021-07-09"},
		{"", "2023-11-28"},
		{"2023-01-01", "2024-12-31"},
		{"", "2025-05-16"},
		{"2026-01-01", "2026-10-31"},
	}
	for _, c := range cases {
		args := []string{"--as-of", c.asOf}
		since := c.since
		if since != "" {
			args = append(args, "--since", since)
		} else {
			since = c.asOf[:4] + "-01-01"
		}
		got := statsJSON(t, db, args...)
		want := expectStats(ms, since, c.asOf)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("stats %v:\n got %v\nwant %v", args, got, want)
		}
	}
}

// The demo's 2023 register is the one of the seed-000 work report.
func TestDemoIsSeedGroup(t *testing.T) {
	db := demoDB(t)
	got := statsJSON(t, db, "--as-of", "2023-11-28")
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"as_of", "by_city", "by_type", "joined", "left", "since", "total"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	want := map[string]any{"政府部门": 1.0, "企业": 47.0, "本科院校": 3.0, "高职院校": 17.0, "中职学校": 10.0, "行业协会": 2.0, "科研院所": 1.0}
	if got["total"] != 81.0 || got["joined"] != 3.0 || got["left"] != 1.0 || !reflect.DeepEqual(got["by_type"], want) {
		t.Errorf("2023-11-28: %v", got)
	}
	if got["as_of"] != "2023-11-28" || got["since"] != "2023-01-01" {
		t.Errorf("dates %v %v", got["as_of"], got["since"])
	}

	r := mustRun(t, "stats", "--as-of", "2023-11-28", "--db", db)
	const sentence = "截至2023年11月28日，现有成员单位81家，其中政府部门1家、企业47家、本科院校3所、高职院校17所、中职学校10所、行业协会2家、科研院所1家；2023年1月1日以来新增3家、退出1家。"
	if !strings.Contains(r.stdout, sentence) {
		t.Errorf("stats text:\n%s\nwant %s", r.stdout, sentence)
	}
	if !strings.Contains(r.stdout, "按城市：潍海市") {
		t.Errorf("no city line:\n%s", r.stdout)
	}
}

func TestDemoRefusesFileWithMembers(t *testing.T) {
	db := demoDB(t)
	r := runCLI(t, "demo", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "演示数据只能装入新的数据文件") {
		t.Errorf("demo on a filled file: exit %d, stderr %q", r.code, r.stderr)
	}
}

// The demo sets the group's name, so the window title and every printed
// title carry it.
func TestDemoGroupName(t *testing.T) {
	db := demoDB(t)
	group, _ := loadRawDemo(t)
	s, err := openStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	set, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if set.GroupName != group || group != "潍海市化工职业教育集团" {
		t.Errorf("group name %q, file %q", set.GroupName, group)
	}
	ms, _ := s.Members(context.Background())
	if len(ms) != 97 {
		t.Errorf("%d members", len(ms))
	}
}
