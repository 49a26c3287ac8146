package xlsx

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// testMeeting is a 理事会 with every kind of invitee: a person, a unit
// seat with its representative and one without, an invitee added by hand,
// a two-character name, and a guest; attendance ticked with a 委托, a
// 请假 with its reason and an absence.
func testMeeting() store.Meeting {
	return store.Meeting{
		ID: uuid.MustParse("0190f000-0000-7000-8000-000000000001"), Title: "第二届理事会第三次会议", Kind: "理事会",
		Date: d(2026, 12, 10), Time: "09:30", Place: "潍坊职业学院图书馆三楼报告厅", Status: store.MeetingHeld,
		Notice: store.Notice{ReplyBy: d(2026, 12, 5), Contact: "张明，0536-8888888"},
		Invitees: []store.Invitee{
			{ID: inv(1), Role: store.RoleSeat, Name: "张成刚", Unit: "临淄区教育局", Title: "局长", Phone: "13812341234",
				Attend: store.Attend{State: store.AttendPresent}},
			{ID: inv(2), Role: store.RoleSeat, IsUnit: true, Name: "王强", Unit: "潍坊职业学院", Title: "副校长", Phone: "13900001111",
				Attend: store.Attend{State: store.AttendProxy, Proxy: "李明"}},
			{ID: inv(3), Role: store.RoleSeat, IsUnit: true, Unit: "淄博市工业学校",
				Attend: store.Attend{State: store.AttendLeave, Reason: "外出学习"}},
			{ID: inv(4), Role: store.RoleExtra, Name: "李华", Unit: "某某化工股份有限公司", Title: "总经理", Phone: "0536-8123456",
				Attend: store.Attend{State: store.AttendAbsent}},
			{ID: inv(5), Role: store.RoleSeat, Name: "赵敏", Unit: "山东化工技师学院", Title: "教务处处长", Phone: "13700002222",
				Attend: store.Attend{State: store.AttendPresent}},
			{ID: inv(6), Role: store.RoleGuest, Name: "陈静", Unit: "临淄区人民政府", Title: "副区长", Phone: "13600003333",
				Attend: store.Attend{State: store.AttendGuest}},
		},
	}
}

func inv(i int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("0190f000-0000-7000-8000-1000000000%02d", i))
}

// bigMeeting has n seat invitees, every tenth a unit.
func bigMeeting(n int) store.Meeting {
	m := testMeeting()
	m.Invitees = nil
	for i := range n {
		v := store.Invitee{ID: store.NewID(), Role: store.RoleSeat, Name: "测试人员" + strconv.Itoa(i+1),
			Unit: "某某职业技术学院第" + strconv.Itoa(i+1) + "分院", Title: "院长", Phone: "138" + fmt.Sprintf("%08d", i)}
		if i%10 == 9 {
			v.IsUnit = true
		}
		m.Invitees = append(m.Invitees, v)
	}
	return m
}

func TestSignIn(t *testing.T) {
	m := testMeeting()
	path := filepath.Join(t.TempDir(), "签到表.xlsx")
	must(t, WriteSignIn(path, &m, SignInOptions{GroupName: "临淄区职业教育集团", MaskPhones: true}))
	f := book(t, path)
	sh := SignInSheet
	if got := f.GetSheetList(); !slices.Equal(got, []string{sh}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(sh)
	must(t, err)
	want := [][]string{
		{"第二届理事会第三次会议签到表"},
		{"会议名称：第二届理事会第三次会议"},
		{"时间：2026年12月10日 09:30"},
		{"地点：潍坊职业学院图书馆三楼报告厅"},
		{"序号", "姓名", "单位", "职务", "联系电话", "签名"},
		{"1", "张成刚", "临淄区教育局", "局长", "138****1234"},
		{"2", "王\u3000强", "潍坊职业学院", "副校长", "139****1111"},
		{"3", "", "淄博市工业学校"}, // a unit seat with nobody named
		{"4", "李\u3000华", "某某化工股份有限公司", "总经理", "0536-***3456"},
		{"5", "赵\u3000敏", "山东化工技师学院", "教务处处长", "137****2222"},
		{GuestsLabel},
		{"1", "陈\u3000静", "临淄区人民政府", "副区长", "136****3333"},
	}
	assertSheetRows(t, rows, want)
	merged, err := f.GetMergeCells(sh)
	must(t, err)
	var refs []string
	for _, mc := range merged {
		refs = append(refs, mc.GetStartAxis()+":"+mc.GetEndAxis())
	}
	slices.Sort(refs)
	if w := []string{"A11:F11", "A1:F1", "A2:F2", "A3:F3", "A4:F4"}; !slices.Equal(refs, w) {
		t.Errorf("merged %v, want %v", refs, w)
	}
	for r := 6; r <= 12; r++ {
		h, err := f.GetRowHeight(sh, r)
		must(t, err)
		if r != 11 && h < signRowPt {
			t.Errorf("row %d is %v pt high, too low to sign", r, h)
		}
	}
	if s := cellStyle(t, f, sh, "F6"); len(s.Border) != 4 {
		t.Errorf("signature cell has no border: %+v", s.Border)
	}
	if s := cellStyle(t, f, sh, "F11"); len(s.Border) != 4 {
		t.Errorf("列席人员 band's last cell has no border")
	}
	if s := cellStyle(t, f, sh, "A1"); s.Font == nil || s.Font.Family != fontTitle || s.Alignment.Horizontal != "center" {
		t.Errorf("title style %+v", s)
	}
	if p, err := f.GetPanes(sh); err != nil || !p.Freeze || p.YSplit != 5 || p.TopLeftCell != "A6" {
		t.Errorf("panes %+v %v: the header row must stay in view", p, err)
	}
	assertPrintSetup(t, f, sh, portrait, "$1:$5")
}

func assertSheetRows(t *testing.T, rows, want [][]string) {
	t.Helper()
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range min(len(rows), len(want)) {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, rows[i], want[i])
		}
	}
}

func TestSignInAttendance(t *testing.T) {
	m := testMeeting()
	for _, c := range []struct {
		q    store.Quorum
		want string
	}{
		{store.Quorum{}, "应到 5 人，实到 3 人，请假 1 人，委托 1 人，缺席 1 人；达到法定人数（过半数）"},
		{store.Quorum{Rule: store.QuorumTwoThirds}, "应到 5 人，实到 3 人，请假 1 人，委托 1 人，缺席 1 人；未达到法定人数（三分之二以上）"},
		{store.Quorum{ProxyNotPresent: true}, "应到 5 人，实到 2 人，请假 1 人，委托 1 人，缺席 1 人；未达到法定人数（过半数）"},
	} {
		if got := AttendanceSentence(store.CountAttendance(&m, c.q)); got != c.want {
			t.Errorf("%+v: %q, want %q", c.q, got, c.want)
		}
		path := filepath.Join(t.TempDir(), "签到表.xlsx")
		must(t, WriteSignIn(path, &m, SignInOptions{Attendance: true, Quorum: c.q}))
		f := book(t, path)
		rows, err := f.GetRows(SignInSheet)
		must(t, err)
		if w := append(slices.Clone(SignInHeaders), "出席情况"); !slices.Equal(rows[4], w) {
			t.Errorf("headers %q", rows[4])
		}
		var states []string
		for _, r := range rows[5:12] {
			states = append(states, r[len(r)-1])
		}
		want := []string{"出席", "委托李明", "请假（外出学习）", "缺席", "出席", GuestsLabel, "列席"}
		if !slices.Equal(states, want) {
			t.Errorf("出席情况 %q, want %q", states, want)
		}
		if got := rows[5][4]; got != "13812341234" {
			t.Errorf("unmasked phone %q", got)
		}
		if len(rows) != 14 || len(rows[12]) != 0 || rows[13][0] != c.want {
			t.Errorf("totals line: %q", rows[12:])
		}
		assertPrintSetup(t, f, SignInSheet, portrait, "$1:$5")
	}
	m.Invitees[0].Attend = store.Attend{}
	if got := AttendanceSentence(store.CountAttendance(&m, store.Quorum{})); got !=
		"应到 5 人，实到 2 人，请假 1 人，委托 1 人，缺席 1 人，未签到 1 人；未达到法定人数（过半数）" {
		t.Errorf("with one unticked: %q", got)
	}
}

func TestSignInNoTimeNoGuests(t *testing.T) {
	m := testMeeting()
	m.Time, m.Place, m.Invitees = "", "", m.Invitees[:1]
	m.Invitees[0].Name = "=1+1"
	path := filepath.Join(t.TempDir(), "s.xlsx")
	must(t, WriteSignIn(path, &m, SignInOptions{}))
	f := book(t, path)
	rows, err := f.GetRows(SignInSheet)
	must(t, err)
	assertSheetRows(t, rows, [][]string{{"第二届理事会第三次会议签到表"}, {"会议名称：第二届理事会第三次会议"},
		{"时间：2026年12月10日"}, {"地点："}, SignInHeaders, {"1", "=1+1", "临淄区教育局", "局长", "13812341234"}})
	assertGuarded(t, f, SignInSheet, "B6")
}

// BenchmarkSignIn300 writes the 签到表 of a 300-invitee meeting; the
// target is well under half a second.
func BenchmarkSignIn300(b *testing.B) {
	m := bigMeeting(300)
	path := filepath.Join(b.TempDir(), "签到表.xlsx")
	for b.Loop() {
		if err := WriteSignIn(path, &m, SignInOptions{MaskPhones: true, Attendance: true}); err != nil {
			b.Fatal(err)
		}
	}
}
