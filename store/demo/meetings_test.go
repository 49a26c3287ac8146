package demo_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/demo"
)

// demoToday is the day the demo's story has reached (testdata/demo/gen).
var demoToday = store.NewDate(2026, 10, 31)

// TestLoadMeetings checks the meetings as the window will show them:
// held ones fully ticked with a quorum, minutes with items led by member
// units, a few in preparation with some replies in, and one past meeting
// left without minutes for the dashboard to point at.
func TestLoadMeetings(t *testing.T) {
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
	if err := demo.LoadData(ctx, s, d, nil); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Meetings(ctx, store.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != len(d.Meetings.Meetings) || len(ms) < 25 {
		t.Fatalf("%d meetings loaded of %d", len(ms), len(d.Meetings.Meetings))
	}
	kinds := map[string]int{}
	var planned, withoutMinutes, replied, unreplied int
	for i := range ms {
		m := &ms[i]
		kinds[m.Kind]++
		if !slices.Contains(store.DefaultMeetingKinds, m.Kind) {
			t.Errorf("%s: kind %s", m.Title, m.Kind)
		}
		switch {
		case m.Status == store.MeetingPlanned:
			planned++
			r, u := checkPlanned(t, m)
			replied, unreplied = replied+r, unreplied+u
		case !m.HasMinutes():
			withoutMinutes++
			if m.Date.AddDays(8).After(demoToday) {
				t.Errorf("%s without minutes is only from %s", m.Title, m.Date)
			}
			checkHeld(t, m)
		default:
			checkHeld(t, m)
			checkItems(t, m)
		}
	}
	if planned < 2 || withoutMinutes != 1 || replied < 10 || unreplied < 10 {
		t.Errorf("%d in preparation (%d replies in, %d not), %d held without minutes", planned, replied, unreplied, withoutMinutes)
	}
	if kinds["理事会"] != 2 || kinds["常务理事会"] < 4 || kinds["秘书长办公会"] < 10 || kinds["季度调度会"] < 6 || kinds["工作委员会会议"] < 3 {
		t.Errorf("meetings by kind %v", kinds)
	}
	attends, _ := s.Audit(ctx, store.AuditQuery{Kind: store.KindMeeting, Limit: 10000})
	if len(attends) < 300 {
		t.Errorf("only %d audit entries of meetings: attendance is not ticked one by one", len(attends))
	}
}

func checkHeld(t *testing.T, m *store.Meeting) {
	t.Helper()
	a := store.CountAttendance(m, store.Quorum{})
	if m.Date.After(demoToday) || a.Unticked > 0 || !a.Met() || a.Expected == 0 {
		t.Errorf("%s on %s: %+v", m.Title, m.Date, a)
	}
}

func checkItems(t *testing.T, m *store.Meeting) {
	t.Helper()
	if len(m.Items) < 2 || len(m.Items) > 5 || len(m.Agenda) < 2 || len(m.Agenda) > 5 {
		t.Errorf("%s: %d agenda items, %d agreed items", m.Title, len(m.Agenda), len(m.Items))
	}
	for _, it := range m.Items {
		if it.Lead.MemberID == uuid.Nil || it.Owner == "" || !it.Due.After(m.Date) {
			t.Errorf("%s: item %+v", m.Title, it)
		}
	}
}

// checkPlanned counts the replies in and not yet in.
func checkPlanned(t *testing.T, m *store.Meeting) (replied, unreplied int) {
	t.Helper()
	for _, v := range m.Invitees {
		if v.Reply.State != store.ReplyNone {
			replied++
		} else {
			unreplied++
		}
		if v.Attend.State != store.AttendNone {
			t.Errorf("%s: %s ticked before the meeting", m.Title, v.Label())
		}
	}
	if !m.Date.After(demoToday) {
		t.Errorf("%s in preparation on %s", m.Title, m.Date)
	}
	return replied, unreplied
}

// TestGeneratorIsDeterministic regenerates the five files and compares
// them with the committed ones byte for byte.
func TestGeneratorIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the generator")
	}
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	cmd := exec.Command("go", "run", "./testdata/demo/gen", "-out", out("members.json"),
		"-rosters", out("rosters.json"), "-meetings", out("meetings.json"), "-tasks", out("tasks.json"), "-indicators", out("indicators.json"))
	cmd.Dir = "../.."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, b)
	}
	for _, name := range []string{"members.json", "rosters.json", "meetings.json", "tasks.json", "indicators.json"} {
		got, err := os.ReadFile(out(name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile("../../testdata/demo/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("testdata/demo/%s is not what the generator writes: run it (see its doc comment)", name)
		}
	}
}
