package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// fieldProblem renders err as "field/problem/detail", "" for nil.
func fieldProblem(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	fe, ok := AsFieldError(err)
	if !ok {
		t.Fatalf("%v is not a *FieldError", err)
	}
	return string(fe.Field) + "/" + string(fe.Problem) + "/" + fe.Detail
}

func TestCheckName(t *testing.T) {
	for in, want := range map[string]string{
		"潍坊职业学院":                             "",
		"  潍坊 职业学院 ":                         "",
		"":                                   "单位名称/不能为空/",
		"\u3000 ":                            "单位名称/不能为空/",
		strings.Repeat("甲", 100):             "",
		strings.Repeat("甲", 101):             "单位名称/内容过长/",
		" " + strings.Repeat("甲", 100) + " ": "", // cleaned first
	} {
		if got := fieldProblem(t, CheckName(in)); got != want {
			t.Errorf("CheckName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"张 成刚":                  "",
		"":                      "姓名/不能为空/",
		strings.Repeat("张", 40): "",
		strings.Repeat("张", 41): "姓名/内容过长/",
	} {
		if got := fieldProblem(t, CheckPersonName(in)); got != want {
			t.Errorf("CheckPersonName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckCreditCode(t *testing.T) {
	cases := []struct{ code, reason, want string }{
		{"", "", ""},
		{"91512081MA62K0260E", "", ""},
		{"9151 2081-MA62K0260e", "", ""}, // cleaned as the store does
		{"91512081MA62K0260F", "", "统一社会信用代码/校验不通过，需填写说明才能保存/91512081MA62K0260F"},
		{"91512081MA62K0260F", "旧证照上的代码", ""},
		{"91512081MA62K0260F", "  ", "统一社会信用代码/校验不通过，需填写说明才能保存/91512081MA62K0260F"},
		{"12345", "", "统一社会信用代码/应为18位数字或大写字母/12345"},
		{"12345", "临时编号", ""},
	}
	for _, c := range cases {
		if got := fieldProblem(t, CheckCreditCode(c.code, c.reason)); got != c.want {
			t.Errorf("CheckCreditCode(%q, %q) = %q, want %q", c.code, c.reason, got, c.want)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"a@b.cn":              "",
		" ａ＠ｂ．ｃｎ ":            "", // full width, folded as stored
		"not-an-email":        "电子邮箱/电子邮箱格式不正确/not-an-email",
		"王 <wang@example.cn>": "电子邮箱/电子邮箱格式不正确/王 <wang@example.cn>",
	} {
		if got := fieldProblem(t, CheckEmail(in)); got != want {
			t.Errorf("CheckEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckEventDate(t *testing.T) {
	today := d("2024-03-01")
	for in, want := range map[Date]string{
		d("2024-03-01"): "",
		d("2020-01-01"): "",
		d("2024-03-02"): "日期/日期不能晚于今天/2024年3月2日",
		{}:              "日期/不能为空/",
	} {
		if got := fieldProblem(t, CheckEventDate(in, today)); got != want {
			t.Errorf("CheckEventDate(%v) = %q, want %q", in, got, want)
		}
	}
	// CheckEvent gives the same problems under the step's own field.
	var m Member
	err := m.CheckEvent(Event{Kind: EventJoin, Date: d("2024-03-02"), Tier: "理事单位"}, today)
	if got := fieldProblem(t, err); got != "加入日期/日期不能晚于今天/2024年3月2日" {
		t.Errorf("CheckEvent join tomorrow = %q", got)
	}
	if f := EventDateField(EventExit); f != FieldExitDate {
		t.Errorf("EventDateField(exit) = %s", f)
	}
}

func TestValidateCallsTheChecks(t *testing.T) {
	m := Member{Name: strings.Repeat("甲", 101), Type: "企业"}
	if got := fieldProblem(t, m.Validate()); got != "单位名称/内容过长/" {
		t.Errorf("long name: %q", got)
	}
	m = Member{Name: "甲", Type: "企业", CreditCode: "12345"}
	if got := fieldProblem(t, m.Validate()); got != "统一社会信用代码/应为18位数字或大写字母/12345" {
		t.Errorf("short code: %q", got)
	}
	m = Member{Name: "甲", Type: "企业", Email: "x"}
	if got := fieldProblem(t, m.Validate()); got != "电子邮箱/电子邮箱格式不正确/x" {
		t.Errorf("email: %q", got)
	}
	if err := (&Member{Name: "甲", Type: "企业"}).Validate(); err != nil {
		t.Errorf("good member: %v", err)
	}
	p := Person{Name: strings.Repeat("张", 41)}
	if got := fieldProblem(t, p.Validate()); got != "姓名/内容过长/" {
		t.Errorf("long person name: %q", got)
	}
}

func TestMaskPhone(t *testing.T) {
	for in, want := range map[string]string{
		"13812341234":              "138****1234",
		"+86 13812341234":          "+86 138****1234",
		"8613812341234":            "86138****1234",
		"0536-8123456":             "0536-***3456",
		"0536-8123456-801":         "0536-***3456-801",
		"05368123456":              "*******3456",
		"13812341234/0536-8123456": "138****1234/0536-***3456",
		"":                         "",
		"95588":                    "95588",
		"无":                        "无",
	} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindBody(t *testing.T) {
	bodies := []Body{{Name: "理事会"}, {Name: "常务理事会"}, {Name: "BASF 工作组"}}
	for name, want := range map[string]string{"理事会": "理事会", " 理事会 ": "理事会", "常务 理事会": "常务理事会",
		"basf工作组": "BASF 工作组", "监事会": "", "": ""} {
		got := ""
		if b := FindBody(bodies, name); b != nil {
			got = b.Name
		}
		if got != want {
			t.Errorf("FindBody(%q) = %q, want %q", name, got, want)
		}
	}
	if b := FindBody(bodies, "理事会"); b != &bodies[0] {
		t.Error("FindBody must point into the slice")
	}
}

// seatHistory is the council with 王威's representation of 乙 handed to
// 李建华 on 2022-01-01, the chair ended on 2023-06-01 and a second term
// from 2024-01-01 that carries the unit seat over.
func seatHistory(t *testing.T) (*councilFixture, []Body) {
	t.Helper()
	f := newCouncil(t)
	b := &f.body
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(b.ChangeRep(f.term, f.unitSeat, d("2022-01-01"), f.li.ID, "部长"))
	must(b.EndSeat(f.term, f.chair, d("2023-06-01")))
	_, err := b.NewTerm(2, d("2024-01-01"))
	must(err)
	return f, []Body{{ID: NewID(), Name: "秘书处"}, *b}
}

func TestSeatsHeldBy(t *testing.T) {
	f, bodies := seatHistory(t)
	describe := func(hs []HeldSeat) string {
		var out []string
		for _, h := range hs {
			s := h.Body + " " + TermName(h.Term) + " " + h.Position + " " + h.Title + " " + h.Start.String() + "–" + h.End.String()
			if h.ForUnit != uuid.Nil {
				s += " for " + h.ForUnit.String()[:4]
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	all := SeatsByPerson(bodies)
	unit := f.company.ID.String()[:4]
	if got, want := describe(all[f.wang.ID]), "理事会 第一届 理事 董事长 2020-03-01–2022-01-01 for "+unit; got != want {
		t.Errorf("王威's seats\n got %q\nwant %q", got, want)
	}
	if got, want := describe(all[f.li.ID]), "理事会 第一届 理事 部长 2022-01-01–2024-01-01 for "+unit+
		"; 理事会 第二届 理事 部长 2024-01-01– for "+unit; got != want {
		t.Errorf("李建华's seats\n got %q\nwant %q", got, want)
	}
	for _, c := range []struct {
		who  uuid.UUID
		day  string
		want int
	}{
		{f.wang.ID, "2021-06-01", 1}, {f.wang.ID, "2022-01-01", 0}, {f.li.ID, "2022-01-01", 1},
		{f.li.ID, "2025-01-01", 1}, {f.zhang.ID, "2023-05-31", 1}, {f.zhang.ID, "2023-06-01", 0},
		{f.zhang.ID, "2019-12-31", 0},
	} {
		if got := len(SeatsHeldBy(bodies, c.who, d(c.day))); got != c.want {
			t.Errorf("SeatsHeldBy(%v, %s) = %d, want %d", c.who, c.day, got, c.want)
		}
	}
	if hs := SeatsHeldBy(bodies, f.li.ID, d("2025-01-01")); hs[0].BodyID != f.body.ID || hs[0].Term != 2 {
		t.Errorf("held seat %+v", hs[0])
	}
}

func TestOpenSeatOf(t *testing.T) {
	f, bodies := seatHistory(t)
	for _, c := range []struct {
		who  uuid.UUID
		want string
	}{
		{f.li.ID, "理事会"}, // represents 乙 in the current term
		{f.wang.ID, ""},  // his representation ended
		{f.zhang.ID, ""}, // his seat ended
		{uuid.Nil, ""},
	} {
		got := ""
		if b := OpenSeatOf(bodies, c.who); b != nil {
			got = b.Name
		}
		if got != c.want {
			t.Errorf("OpenSeatOf(%v) = %q, want %q", c.who, got, c.want)
		}
	}
}

func TestSeatsHeldAtEnd(t *testing.T) {
	_, bodies := seatHistory(t)
	b := &bodies[1]
	// Term 1 ends with the unit seat (closed by 换届); the chair left
	// before. Term 2 carried the unit seat over.
	if n := b.Terms[0].SeatsHeldAtEnd(); n != 1 {
		t.Errorf("term 1: %d", n)
	}
	if n := b.Terms[1].SeatsHeldAtEnd(); n != 1 {
		t.Errorf("term 2: %d", n)
	}
	f := newCouncil(t)
	if n := f.body.Terms[0].SeatsHeldAtEnd(); n != 2 {
		t.Errorf("current term: %d", n)
	}
}

func TestCheckParent(t *testing.T) {
	top := Body{ID: NewID(), Name: "理事会"}
	mid := Body{ID: NewID(), Name: "常务理事会", ParentID: top.ID}
	low := Body{ID: NewID(), Name: "工作组", ParentID: mid.ID}
	orphan := Body{ID: NewID(), Name: "孤儿", ParentID: NewID()}
	bodies := []Body{top, mid, low, orphan}
	look := BodyLookup(bodies)
	for _, c := range []struct {
		name string
		b    Body
		want string
	}{
		{"no parent", top, ""},
		{"good parent", low, ""},
		{"missing parent", orphan, "上级机构/不存在或已删除/"},
		{"itself", Body{ID: top.ID, ParentID: top.ID}, "上级机构/不能是本机构或其下级机构/"},
		{"under its own sub-body", Body{ID: top.ID, ParentID: low.ID}, "上级机构/不能是本机构或其下级机构/"},
		{"a new body", Body{ParentID: low.ID}, ""},
	} {
		if got := fieldProblem(t, CheckParent(&c.b, look)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// A loop already in a damaged file ends the walk.
	a, b := Body{ID: NewID()}, Body{ID: NewID()}
	a.ParentID, b.ParentID = b.ID, a.ID
	n := Body{ID: NewID(), ParentID: a.ID}
	if err := CheckParent(&n, BodyLookup([]Body{a, b, n})); err != nil {
		t.Errorf("damaged loop above: %v", err)
	}
}

func TestSettingsValidate(t *testing.T) {
	for _, c := range []struct {
		s    Settings
		want string
	}{
		{Settings{GroupName: "潍海市化工职业教育集团"}, ""},
		{Settings{GroupName: "集团", Language: "en"}, ""},
		{Settings{GroupName: "集团", Language: "zh"}, ""},
		{Settings{GroupName: " \u3000"}, "集团名称/不能为空/"},
		{Settings{GroupName: "集团", Language: "fr"}, "界面语言/不是可选的值/fr"},
		{Settings{GroupName: "集团", BackupKeep: 100, BackupRemindDays: 365}, ""},
		{Settings{GroupName: "集团", BackupKeep: 101}, "自动备份保留份数/超出允许的范围/1–100"},
		{Settings{GroupName: "集团", BackupRemindDays: -1}, "提醒备份天数/超出允许的范围/1–365"},
	} {
		if got := fieldProblem(t, c.s.Validate()); got != c.want {
			t.Errorf("%+v: %q, want %q", c.s, got, c.want)
		}
	}
	for text, want := range map[string]int{"7": 7, " ７ ": 7, "0": 0, "366": 0, "三": 0} {
		if n, err := CheckCount(FieldBackupRemind, text, MaxBackupRemindDays); n != want || (want == 0) != (err != nil) {
			t.Errorf("CheckCount(%q) = %d, %v", text, n, err)
		}
	}
	var fe *FieldError
	if err := (Settings{}).Validate(); !errors.As(err, &fe) {
		t.Errorf("not a field error: %v", err)
	}
}
