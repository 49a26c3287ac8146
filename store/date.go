package store

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Date is a calendar day with no time of day or zone: the dates the
// secretariat writes on paper (加入日期, 退出日期, 截至日期). The zero Date is
// "not set".
type Date struct{ t time.Time }

// NewDate returns the day y-m-d. It does not check the day exists; use
// ParseDate for text from a clerk or a file.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// Today is the local calendar day. Tests replace it.
var Today = func() Date { return DateOf(time.Now()) }

func (d Date) IsZero() bool         { return d.t.IsZero() }
func (d Date) Year() int            { return d.t.Year() }
func (d Date) Month() time.Month    { return d.t.Month() }
func (d Date) Day() int             { return d.t.Day() }
func (d Date) Time() time.Time      { return d.t }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) After(o Date) bool    { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool    { return d.t.Equal(o.t) }
func (d Date) AddDays(n int) Date   { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// DaysUntil is the number of days from d to o (negative when o is
// earlier).
func (d Date) DaysUntil(o Date) int {
	return int(o.t.Sub(d.t).Hours()/24 + 0.5*sign(o.t.Sub(d.t).Hours()))
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}
func (d Date) StartOfYear() Date          { return NewDate(d.Year(), time.January, 1) }
func (d Date) Compare(o Date) int         { return d.t.Compare(o.t) }
func (d Date) InRange(from, to Date) bool { return !d.Before(from) && !d.After(to) }

// String is the ISO form 2006-01-02, used in files and on the command line.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Chinese is the form used on paper: 2023年7月18日.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// datePattern accepts the forms found in Chinese office files:
// 2023年7月18日, 2023.7.18, 2023/07/18, 2023-7-8, 20230718 is not accepted
// (too easily a number typed by mistake).
var datePattern = regexp.MustCompile(`^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?$`)

// ErrBadDate is returned by ParseDate for text that is not a date.
var ErrBadDate = fmt.Errorf("不是有效日期")

// ParseDate reads a date written in any of the usual Chinese office forms.
// It refuses days that do not exist (2023-02-30).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(norm.NFKC.String(s)) // ２０２３－７－１８ too
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return Date{}, ErrBadDate
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return Date{}, ErrBadDate
	}
	out := NewDate(y, time.Month(mo), d)
	if out.Month() != time.Month(mo) { // 2月30日 rolls over: refuse it
		return Date{}, ErrBadDate
	}
	return out, nil
}
