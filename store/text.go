package store

import (
	"fmt"
	"strconv"
)

// ChineseNumber writes 1–99 in Chinese numerals, as terms and meetings are
// numbered (第一届, 第十二届, 第二十届); 0 is 零, and numbers outside 0–99
// stay in digits.
func ChineseNumber(n int) string {
	digits := []rune("零一二三四五六七八九")
	switch {
	case n < 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return string(digits[n])
	}
	s := "十"
	if n >= 20 {
		s = string(digits[n/10]) + s
	}
	if n%10 != 0 {
		s += string(digits[n%10])
	}
	return s
}

// TermName is how the term numbered n is written in Chinese: 第二届. It is
// the form of printed sheets and of audit summaries, which are stored in
// Chinese whatever the interface language.
func TermName(n int) string { return "第" + ChineseNumber(n) + "届" }

// Name is the term's TermName: 第二届.
func (t *Term) Name() string { return TermName(t.Number) }

// Span is the term with its dates as a printed roster gives it:
// 第二届（2024年1月1日起）, or for a term that has ended
// 第一届（2020年1月1日至2023年12月31日）. The stored End is the day the next
// term began, so the last day is the one before.
func (t *Term) Span() string {
	if t.End.IsZero() {
		return fmt.Sprintf("%s（%s起）", t.Name(), t.Start.Chinese())
	}
	return fmt.Sprintf("%s（%s至%s）", t.Name(), t.Start.Chinese(), t.End.AddDays(-1).Chinese())
}
