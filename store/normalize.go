package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanText is what every text field goes through before it is stored:
// NFKC (full-width letters and digits become ASCII, 　 becomes a space),
// trimmed, with runs of white space folded to one space.
func CleanText(s string) string {
	s = norm.NFKC.String(s)
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// CleanName is CleanText for a unit's or person's name, also dropping a
// space between two Chinese characters ("潍坊 职业 学院" is a typing slip,
// never part of the name); spaces in Latin names ("BASF 中国") stay.
func CleanName(s string) string {
	r := []rune(CleanText(s))
	out := r[:0]
	for i, c := range r {
		if c == ' ' && i > 0 && i+1 < len(r) && unicode.Is(unicode.Han, r[i-1]) && unicode.Is(unicode.Han, r[i+1]) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// NameKey is the form of a unit name used to find duplicates: CleanText
// with all spaces removed, since "潍坊 职业学院" and "潍坊职业学院" are the
// same unit, and ASCII letters folded to upper case.
func NameKey(name string) string {
	return strings.ToUpper(strings.ReplaceAll(CleanText(name), " ", ""))
}

// CleanCreditCode upper-cases a credit code and drops spaces and dashes
// that people type for readability.
func CleanCreditCode(s string) string {
	s = strings.ToUpper(CleanText(s))
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}
