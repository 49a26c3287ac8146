package store

import "testing"

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{
		-1: "-1", 0: "零", 1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十",
		21: "二十一", 40: "四十", 99: "九十九", 100: "100",
	} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTermName(t *testing.T) {
	cases := []struct {
		term       Term
		name, span string
	}{
		{Term{Number: 1, Start: NewDate(2020, 1, 1), End: NewDate(2024, 1, 1)}, "第一届", "第一届（2020年1月1日至2023年12月31日）"},
		{Term{Number: 2, Start: NewDate(2024, 1, 1)}, "第二届", "第二届（2024年1月1日起）"},
		{Term{Number: 12, Start: NewDate(2024, 3, 5)}, "第十二届", "第十二届（2024年3月5日起）"},
	}
	for _, c := range cases {
		if got := c.term.Name(); got != c.name {
			t.Errorf("Name(%d) = %q, want %q", c.term.Number, got, c.name)
		}
		if got := TermName(c.term.Number); got != c.name {
			t.Errorf("TermName(%d) = %q, want %q", c.term.Number, got, c.name)
		}
		if got := c.term.Span(); got != c.span {
			t.Errorf("Span(%d) = %q, want %q", c.term.Number, got, c.span)
		}
	}
}
