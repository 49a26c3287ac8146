package demo_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/demo"
)

func readDemo(t *testing.T) (members, rosters, meetings, tasks, indicators []byte) {
	t.Helper()
	var files [5][]byte
	for i, name := range []string{"members.json", "rosters.json", "meetings.json", "tasks.json", "indicators.json"} {
		b, err := os.ReadFile("../../testdata/demo/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
	}
	return files[0], files[1], files[2], files[3], files[4]
}

// TestFormatRoundTrip checks that the types read and write the committed
// files byte for byte, as the generator writes them.
func TestFormatRoundTrip(t *testing.T) {
	mb, rb, tb, kb, ib := readDemo(t)
	d, err := demo.ParseData(mb, rb, tb, kb, ib)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    any
		want []byte
	}{{d.Members, mb}, {d.Rosters, rb}, {d.Meetings, tb}, {d.Tasks, kb}, {d.Indicators, ib}} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(c.v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), c.want) {
			t.Errorf("re-encoded file differs (%d bytes, want %d)", b.Len(), len(c.want))
		}
	}
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	d, err := demo.ParseData(readDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := bolt.OpenStore(filepath.Join(t.TempDir(), "demo.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var last float64
	err = demo.LoadData(ctx, s, d, func(p float64) {
		if p < last || p > 1 {
			t.Errorf("progress went from %v to %v", last, p)
		}
		last = p
	})
	if err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("progress ended at %v", last)
	}
	ms, _ := s.Members(ctx)
	people, _ := s.People(ctx)
	bodies, _ := s.Bodies(ctx)
	set, _ := s.Settings(ctx)
	if len(ms) != 97 || len(people) != 154 || len(bodies) != 5 || set.GroupName != "潍海市化工职业教育集团" {
		t.Fatalf("%d members, %d people, %d bodies, group %q", len(ms), len(people), len(bodies), set.GroupName)
	}
	if !set.Demo {
		t.Error("the demo's settings are not marked Demo")
	}
	st := store.ComputeStats(ms, store.Date{}, store.NewDate(2023, 11, 28))
	if got := st.Structure(); got != "现有成员单位 81 家，其中政府部门 1 家、企业 47 家、本科院校 3 所、高职院校 17 所、中职学校 10 所、行业协会 2 家、科研院所 1 家" {
		t.Errorf("seed-000 structure %q", got)
	}
	council := store.FindBody(bodies, "理事会")
	var seats []int
	for i := range council.Terms {
		seats = append(seats, council.Terms[i].SeatsHeldAtEnd())
	}
	if !slices.Equal(seats, []int{37, 42, 44, 45}) {
		t.Errorf("council seats held at each term's end %v", seats)
	}
	if p := store.FindBody(bodies, "常务理事会"); p == nil || p.ParentID != council.ID {
		t.Errorf("常务理事会's parent: %+v", p)
	}
	audit, _ := s.Audit(ctx, store.AuditQuery{})
	if len(audit) < len(ms)+len(people)+len(bodies) {
		t.Errorf("only %d audit entries: the history is not replayed step by step", len(audit))
	}
}
