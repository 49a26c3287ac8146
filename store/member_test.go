package store

import (
	"testing"
	"time"
)

var testNow = time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC)

func d(s string) Date {
	x, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

func mustAdd(t *testing.T, m *Member, e Event) {
	t.Helper()
	if err := m.AddEvent(e, testNow); err != nil {
		t.Fatalf("AddEvent(%v %v): %v", e.Kind, e.Date, err)
	}
}

func wantFieldErr(t *testing.T, err error, f Field, p Problem) {
	t.Helper()
	fe, ok := AsFieldError(err)
	if !ok || fe.Field != f || fe.Problem != p {
		t.Fatalf("error %v, want 「%s」%s", err, f, p)
	}
}

func TestLifeCycleDerivesStateOnAnyDay(t *testing.T) {
	m := &Member{Name: "潍坊职业学院", Type: "高职院校"}
	mustAdd(t, m, Event{Kind: EventApply, Date: d("2015-03-01")})
	mustAdd(t, m, Event{Kind: EventJoin, Date: d("2015-05-10"), Tier: "理事单位", Basis: "第一届理事会第三次会议"})
	mustAdd(t, m, Event{Kind: EventTier, Date: d("2019-01-01"), Tier: "副理事长单位"})
	mustAdd(t, m, Event{Kind: EventExit, Date: d("2021-12-31"), ExitKind: "自愿退出", Reason: "业务调整"})
	mustAdd(t, m, Event{Kind: EventJoin, Date: d("2023-07-18"), Tier: "成员单位"})

	cases := []struct {
		day    string
		status Status
		tier   Tier
		joined string
	}{
		{"2015-02-28", StatusNone, "", ""},
		{"2015-04-01", StatusApplied, "", ""},
		{"2015-05-10", StatusActive, "理事单位", "2015-05-10"},
		{"2018-12-31", StatusActive, "理事单位", "2015-05-10"},
		{"2019-01-01", StatusActive, "副理事长单位", "2015-05-10"},
		{"2022-06-01", StatusLeft, "", "2015-05-10"},
		{"2024-01-01", StatusActive, "成员单位", "2023-07-18"},
	}
	for _, c := range cases {
		st := m.StateOn(d(c.day))
		if st.Status != c.status || st.Tier != c.tier || st.JoinedOn.String() != c.joined {
			t.Errorf("%s: got %+v, want %s %s joined %s", c.day, st, c.status, c.tier, c.joined)
		}
	}
	if m.Events[2].FromTier != "理事单位" {
		t.Errorf("tier change recorded from %q", m.Events[2].FromTier)
	}
	if m.Events[3].Tier != "" || m.Events[0].ID == m.Events[1].ID {
		t.Error("exit must not carry a tier; events need their own IDs")
	}
}

func TestInvalidTransitionsAreRefused(t *testing.T) {
	m := &Member{Name: "某企业", Type: "企业"}
	wantFieldErr(t, m.AddEvent(Event{Kind: EventExit, Date: d("2020-01-01"), ExitKind: "除名"}, testNow), FieldExitDate, ProblemExitNoJoin)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventJoin, Date: d("2024-07-01"), Tier: "理事单位"}, testNow), FieldJoinDate, ProblemFutureDate)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventJoin, Tier: "理事单位"}, testNow), FieldJoinDate, ProblemRequired)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventJoin, Date: d("2020-01-01"), Tier: "金牌单位"}, testNow), FieldTier, ProblemBadChoice)
	mustAdd(t, m, Event{Kind: EventJoin, Date: d("2020-01-01"), Tier: "理事单位"})
	wantFieldErr(t, m.AddEvent(Event{Kind: EventJoin, Date: d("2021-01-01"), Tier: "理事单位"}, testNow), FieldJoinDate, ProblemAlreadyMember)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventExit, Date: d("2019-12-31"), ExitKind: "除名"}, testNow), FieldExitDate, ProblemBeforeLast)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventTier, Date: d("2021-01-01"), Tier: "理事单位"}, testNow), FieldTier, ProblemSameTier)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventExit, Date: d("2022-01-01")}, testNow), FieldExitKind, ProblemBadChoice)
	mustAdd(t, m, Event{Kind: EventExit, Date: d("2022-01-01"), ExitKind: "除名", Reason: "连续两年未参加活动"})
	wantFieldErr(t, m.AddEvent(Event{Kind: EventExit, Date: d("2022-02-01"), ExitKind: "除名"}, testNow), FieldExitDate, ProblemNotMember)
	wantFieldErr(t, m.AddEvent(Event{Kind: EventTier, Date: d("2022-02-01"), Tier: "成员单位"}, testNow), FieldDate, ProblemNotMember)
	if len(m.Events) != 2 {
		t.Fatalf("refused events must not be recorded: %d events", len(m.Events))
	}
}

func TestValidateDetails(t *testing.T) {
	ok := Member{Name: "潍坊职业学院", Type: "高职院校", CreditCode: "91512081MA62K0260E", Email: "a@b.cn"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		edit    func(*Member)
		field   Field
		problem Problem
	}{
		{func(m *Member) { m.Name = "" }, FieldName, ProblemRequired},
		{func(m *Member) { m.Type = "" }, FieldType, ProblemRequired},
		{func(m *Member) { m.Type = "外星单位" }, FieldType, ProblemBadChoice},
		{func(m *Member) { m.CreditCode = "91512081MA62K0260F" }, FieldCreditCode, ProblemCodeNeedReason},
		{func(m *Member) { m.CreditCode = "12345" }, FieldCreditCode, ProblemCodeFormat},
		{func(m *Member) { m.Email = "not an email" }, FieldEmail, ProblemBadEmail},
	}
	for _, c := range cases {
		m := ok
		c.edit(&m)
		wantFieldErr(t, m.Validate(), c.field, c.problem)
	}
	flagged := ok
	flagged.CreditCode, flagged.CodeReason = "91512081MA62K0260F", "营业执照上即为此代码"
	if err := flagged.Validate(); err != nil || !flagged.CodeFlagged() {
		t.Fatalf("a failing code with a reason saves and stays flagged: %v %v", err, flagged.CodeFlagged())
	}
}

func TestPhoneLooksWrong(t *testing.T) {
	for _, p := range []string{"13812341234", "0536-8888888", "05368888888", "0536-8888888-123", "8888888", ""} {
		if PhoneLooksWrong(p) {
			t.Errorf("%s flagged", p)
		}
	}
	for _, p := range []string{"1381234123", "138123412345", "电话", "12345"} {
		if !PhoneLooksWrong(p) {
			t.Errorf("%s not flagged", p)
		}
	}
}
