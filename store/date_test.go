package store

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDateForms(t *testing.T) {
	want := NewDate(2023, time.July, 18)
	for _, s := range []string{"2023年7月18日", "2023.7.18", "2023/07/18", "2023-07-18", " 2023-7-18 ", "2023 年 7 月 18 日", "2023年07月18"} {
		got, err := ParseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if d, _ := ParseDate("2023-7-8"); d.String() != "2023-07-08" {
		t.Errorf("2023-7-8 read as %v", d)
	}
}

func TestParseDateRefusesImpossible(t *testing.T) {
	for _, s := range []string{"", "2023-02-30", "2023-13-01", "2023-00-10", "2023/4/31", "昨天", "20230718", "1899-12-31", "2023-7"} {
		if d, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
}

func TestDateTextForms(t *testing.T) {
	d := NewDate(2024, time.March, 1)
	if d.String() != "2024-03-01" || d.Chinese() != "2024年3月1日" {
		t.Fatalf("got %q and %q", d.String(), d.Chinese())
	}
	b, _ := json.Marshal(struct{ D Date }{d})
	if string(b) != `{"D":"2024-03-01"}` {
		t.Fatalf("json %s", b)
	}
	var back struct{ D Date }
	if err := json.Unmarshal(b, &back); err != nil || !back.D.Equal(d) {
		t.Fatalf("round trip %v %v", back.D, err)
	}
	var zero struct{ D Date }
	if err := json.Unmarshal([]byte(`{"D":""}`), &zero); err != nil || !zero.D.IsZero() {
		t.Fatalf("empty date: %v %v", zero.D, err)
	}
}

func TestCreditCode(t *testing.T) {
	if !ValidCreditCode("91512081MA62K0260E") {
		t.Error("the DESIGN.md example must pass")
	}
	for _, bad := range []string{"91512081MA62K0260F", "91512081MA62K0260", "91512081MA62K0260EE", "91512081MA62K026OE", "9151208IMA62K0260E"} {
		if ValidCreditCode(bad) {
			t.Errorf("%s passed", bad)
		}
	}
	if c := CreditCodeCheckChar("91512081MA62K0260"); c != 'E' {
		t.Errorf("check char %c, want E", c)
	}
}

func TestNameKeyFoldsWidthAndSpaces(t *testing.T) {
	a := NameKey("潍坊职业学院")
	for _, s := range []string{" 潍坊 职业学院 ", "潍坊　职业学院", "潍坊职业学院\t"} {
		if NameKey(s) != a {
			t.Errorf("NameKey(%q) = %q, want %q", s, NameKey(s), a)
		}
	}
	if NameKey("ＡＢＣ化工有限公司") != NameKey("abc化工有限公司") {
		t.Error("full-width and case must fold")
	}
	if CleanText("  山东　 京博   控股 ") != "山东 京博 控股" {
		t.Errorf("CleanText = %q", CleanText("  山东　 京博   控股 "))
	}
	if got := CleanText("区委副书记，区政府党组书记（主持工作）"); got != "区委副书记，区政府党组书记（主持工作）" {
		t.Errorf("Chinese punctuation must stay: %q", got)
	}
	if NameKey("遨博（山东）智能机器人有限公司") != NameKey("遨博(山东)智能机器人有限公司") {
		t.Error("matching folds full-width punctuation")
	}
	if got := CleanCode(" ０５３６－８８８８８８８ "); got != "0536-8888888" {
		t.Errorf("CleanCode = %q", got)
	}
	if got := CleanName(" 潍坊 职业　学院 "); got != "潍坊职业学院" {
		t.Errorf("CleanName = %q", got)
	}
	if got := CleanName("BASF  (中国) 有限公司"); got != "BASF (中国) 有限公司" {
		t.Errorf("CleanName keeps Latin spacing: %q", got)
	}
	if CleanCreditCode(" 91512081-ma62k0260e ") != "91512081MA62K0260E" {
		t.Errorf("CleanCreditCode = %q", CleanCreditCode(" 91512081-ma62k0260e "))
	}
}
