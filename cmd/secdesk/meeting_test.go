package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// listJSON runs meeting list --json and decodes it.
func listJSON(t *testing.T, db string, args ...string) []map[string]any {
	t.Helper()
	r := mustRun(t, append([]string{"meeting", "list", "--json", "--db", db}, args...)...)
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("meeting list --json printed %q: %v", r.stdout, err)
	}
	return got
}

func meetingByTitle(t *testing.T, rows []map[string]any, title string) map[string]any {
	t.Helper()
	for _, r := range rows {
		if r["title"] == title {
			return r
		}
	}
	t.Fatalf("no meeting %s in %v", title, rows)
	return nil
}

// storedMeeting reopens the data file and reads one meeting.
func storedMeeting(t *testing.T, db, id string) store.Meeting {
	t.Helper()
	s, err := openStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.Meeting(context.Background(), uuid.MustParse(id))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// newMeeting runs meeting new and returns the id it printed.
func newMeeting(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := mustRun(t, append([]string{"meeting", "new", "--db", db}, args...)...)
	id := strings.TrimSpace(r.stdout)
	if _, err := uuid.Parse(id); err != nil || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("meeting new printed %q", r.stdout)
	}
	return id
}

// A meeting of the standing council invites its roster on the day (the
// file's own count of its seats), and each tick is counted in the list.
func TestMeetingNewListAttend(t *testing.T) {
	db := demoDB(t)
	id := newMeeting(t, db, "--title", "第四届常务理事会临时会议", "--kind", "常务理事会", "--body", "常务理事会",
		"--date", "2026-11-20", "--time", "9:30", "--place", "行政楼302会议室", "--host", "孙立新")
	term := loadRawRosters(t).body(t, "常务理事会").Terms[3]
	got := meetingByTitle(t, listJSON(t, db, "--since", "2026-11-20", "--until", "2026-11-20"), "第四届常务理事会临时会议")
	want := map[string]any{"id": id, "kind": "常务理事会", "body": "常务理事会", "date": "2026-11-20", "time": "09:30",
		"place": "行政楼302会议室", "host": "孙立新", "status": "planned", "invited": float64(term.heldOn("2026-11-20")),
		"present": 0.0, "leave": 0.0, "proxy": 0.0, "absent": 0.0, "quorum_met": false, "items": 0.0, "items_done": 0.0, "minutes": false}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}

	vs := storedMeeting(t, db, id).Invitees
	for _, tick := range []struct {
		args []string
		line string
	}{
		{[]string{"--name", vs[0].Name, "--state", "出席"}, "应到21人，实到1人，未签到20人，未达到法定人数（过半数，需11人）"},
		{[]string{"--name", vs[1].Name, "--state", "请假", "--reason", "出差"}, "实到1人，请假1人，未签到19人"},
		{[]string{"--name", vs[2].Name, "--state", "absent"}, "缺席1人"},
		{[]string{"--name", vs[3].Name, "--state", "委托", "--proxy", "李明"}, "应到21人，实到2人，请假1人，委托1人，缺席1人，未签到17人"},
	} {
		r := mustRun(t, append([]string{"meeting", "attend", "--id", id, "--db", db}, tick.args...)...)
		if !strings.Contains(r.stdout, tick.line) {
			t.Errorf("%v:\n%s\nwant %s", tick.args, r.stdout, tick.line)
		}
	}
	got = meetingByTitle(t, listJSON(t, db), "第四届常务理事会临时会议")
	if got["present"] != 2.0 || got["leave"] != 1.0 || got["proxy"] != 1.0 || got["absent"] != 1.0 || got["unticked"] != 17.0 {
		t.Errorf("after the ticks: %v", got)
	}
	m := storedMeeting(t, db, id)
	if a := m.Invitees[3].Attend; a.State != store.AttendProxy || a.Proxy != "李明" || m.Invitees[1].Attend.Reason != "出差" {
		t.Errorf("stored %+v, %+v", m.Invitees[3].Attend, m.Invitees[1].Attend)
	}
	// Everyone else present: the quorum is met and the line says so.
	var r result
	for _, v := range m.Invitees[4:] {
		r = mustRun(t, "meeting", "attend", "--id", id, "--name", v.Name, "--state", "出席", "--db", db)
	}
	if !strings.Contains(r.stdout, "应到21人，实到19人，请假1人，委托1人，缺席1人，达到法定人数（过半数，需11人）") {
		t.Errorf("last tick:\n%s", r.stdout)
	}
}

// A guest is ticked 列席; a seat cannot be.
func TestMeetingAttendGuest(t *testing.T) {
	db := demoDB(t)
	id := meetingByTitle(t, listJSON(t, db), "第四届理事会第一次会议")["id"].(string)
	m := storedMeeting(t, db, id)
	var guest, seat string
	for _, v := range m.Invitees {
		if v.Role == store.RoleGuest {
			guest = v.Name
		} else if seat == "" {
			seat = v.Name
		}
	}
	mustRun(t, "meeting", "attend", "--id", id, "--name", guest, "--state", "缺席", "--db", db)
	r := mustRun(t, "meeting", "attend", "--id", id, "--name", guest, "--state", "列席", "--db", db)
	if !strings.Contains(r.stdout, guest+" 列席") || !strings.Contains(r.stdout, "达到法定人数") {
		t.Errorf("guest:\n%s", r.stdout)
	}
	if r := runCLI(t, "meeting", "attend", "--id", id, "--name", seat, "--state", "列席", "--db", db); r.code != 1 ||
		!strings.Contains(r.stderr, "只有列席人员可记为列席") {
		t.Errorf("seat as 列席: exit %d, stderr %q", r.code, r.stderr)
	}
}

// Errors are told in Chinese and write nothing.
func TestMeetingAttendErrors(t *testing.T) {
	db := demoDB(t)
	id := newMeeting(t, db, "--title", "同名测试会议", "--kind", "联席会议", "--date", "2026-11-25")
	addInvitees(t, db, id, store.Invitee{Role: store.RoleExtra, Name: "王伟", Unit: "潍海化工职业学院"},
		store.Invitee{Role: store.RoleExtra, Name: "王伟", Unit: "潍海学院"}, store.Invitee{Role: store.RoleExtra, Name: "李娜"})
	before := snapshot(t, db)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--id", id, "--name", "王伟", "--state", "出席"}, 1, "「参会人员」有多位同名参会人员，请写单位或改用编号：王伟"},
		{[]string{"--id", id, "--name", "张三", "--state", "出席"}, 1, "「参会人员」不在本次会议的参会人员中：张三"},
		{[]string{"--id", id, "--name", "李娜", "--state", "迟到"}, 2, "选项 --state 的值无效：迟到"},
		{[]string{"--id", id, "--name", "李娜", "--state", "委托"}, 1, "「委托人」委托时须写明委托何人：李娜"},
		{[]string{"--id", uuid.NewString(), "--name", "李娜", "--state", "出席"}, 1, "找不到编号为"},
		{[]string{"--id", "12345", "--name", "李娜", "--state", "出席"}, 2, "选项 --id 的会议编号无效：12345"},
		{[]string{"--name", "李娜", "--state", "出席"}, 2, "缺少 --id 会议编号"},
	} {
		r := runCLI(t, append([]string{"meeting", "attend", "--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	if snapshot(t, db) != before {
		t.Error("a refused tick wrote to the data file")
	}
	if m := storedMeeting(t, db, id); m.Invitees[2].Attend.State != store.AttendNone {
		t.Errorf("李娜 %+v", m.Invitees[2].Attend)
	}
}

// addInvitees adds invitees by hand through the store, as the window's
// form does.
func addInvitees(t *testing.T, db, id string, vs ...store.Invitee) {
	t.Helper()
	s, err := openStore(context.Background(), db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.Meeting(context.Background(), uuid.MustParse(id))
	if err != nil {
		t.Fatal(err)
	}
	m.Invitees = append(m.Invitees, vs...)
	if _, err := s.UpdateMeeting(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

func TestMeetingNewErrors(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "meeting", "new", "--title", "迎新茶话会", "--kind", "茶话会", "--date", "2026-12-30", "--db", db)
	if !strings.Contains(r.stderr, "警告：会议类型「茶话会」不在设置的会议类型中") {
		t.Errorf("unknown kind: stderr %q", r.stderr)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--kind", "理事会", "--date", "2026-12-30"}, 2, "缺少 --title 会议名称"},
		{[]string{"--title", "x", "--date", "2026-12-30"}, 2, "缺少 --kind 会议类型"},
		{[]string{"--title", "x", "--kind", "理事会"}, 2, "缺少 --date 会议日期"},
		{[]string{"--title", "x", "--kind", "理事会", "--date", "2026-13-01"}, 2, "选项 --date 的日期无效"},
		{[]string{"--title", "x", "--kind", "理事会", "--date", "2026-12-30", "--time", "25:00"}, 2, "选项 --time 的时间无效"},
		{[]string{"--title", "x", "--kind", "理事会", "--date", "2026-12-30", "--body", "监事会"}, 1, "找不到机构「监事会」。现有机构：理事会"},
		{[]string{"--title", strings.Repeat("长", 101), "--kind", "理事会", "--date", "2026-12-30"}, 1, "「会议名称」"},
	} {
		r := runCLI(t, append([]string{"meeting", "new", "--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q", c.args, r.code, r.stdout, r.stderr, c.code, c.want)
		}
	}
	for _, args := range [][]string{{"meeting"}, {"meeting", "frobnicate"}, {"meeting", "replies"}, {"meeting", "list", "--since", "2026-02-01", "--until", "2026-01-01", "--db", db}} {
		if r := runCLI(t, args...); r.code != 2 || !strings.Contains(r.stderr, "用法") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// rawMeeting is the demo's meeting file as the test reads it, without
// package store/demo.
type rawMeeting struct {
	Title, Kind, Body, Date, Status string
	Attend                          []struct{ State string }
	Items                           []struct{ Done string }
	Minutes                         string
}

// The demo's meetings are listed as the file has them: the exceptions to
// 出席 counted, the items and the minutes.
func TestDemoMeetingList(t *testing.T) {
	db := demoDB(t)
	b, err := os.ReadFile("../../testdata/demo/meetings.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Meetings []rawMeeting }
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	rows := listJSON(t, db)
	if len(rows) != len(f.Meetings) {
		t.Fatalf("%d meetings listed, %d in the file", len(rows), len(f.Meetings))
	}
	for i, fm := range f.Meetings {
		got, states := rows[i], map[string]float64{}
		for _, a := range fm.Attend {
			states[a.State]++
		}
		done := 0.0
		for _, it := range fm.Items {
			if it.Done != "" {
				done++
			}
		}
		if got["title"] != fm.Title || got["date"] != fm.Date || got["status"] != fm.Status || got["body"] != fm.Body ||
			got["leave"] != states["leave"] || got["proxy"] != states["proxy"] || got["absent"] != states["absent"] ||
			got["items"] != float64(len(fm.Items)) || got["items_done"] != done || got["minutes"] != (fm.Minutes != "") {
			t.Errorf("listed %v\nfile %+v", got, fm)
		}
		if fm.Status == "held" && (got["quorum_met"] != true || got["unticked"] != 0.0) {
			t.Errorf("%s: %v", fm.Title, got)
		}
	}
	r := mustRun(t, "meeting", "list", "--since", "2026-01-01", "--until", "2026-03-31", "--db", db)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if lines[0] != "日期\t时间\t会议名称\t类型\t机构\t状态\t应到\t实到\t法定人数\t议定事项\t编号" || len(lines) != 5 {
		t.Fatalf("table:\n%s", r.stdout)
	}
	if !strings.HasPrefix(lines[1], "2026-01-09\t15:00\t2026年第一次秘书长办公会\t秘书长办公会\t秘书处\t已召开\t4\t") ||
		!strings.Contains(lines[1], "\t达到\t") {
		t.Errorf("first row %q", lines[1])
	}
}
