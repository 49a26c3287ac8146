package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanText is what every text field goes through before it is stored:
// full-width letters, digits and the ideographic space become ASCII,
// the text is trimmed, and runs of white space are folded to one space.
// Chinese punctuation (，（）：) is kept: it is part of how names and titles
// are written, and NFKC would turn it into ASCII. Matching uses the full
// NFKC fold (NameKey), so "（山东）" and "(山东)" are still the same unit.
func CleanText(s string) string {
	s = strings.Map(foldWidth, norm.NFC.String(s))
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// foldWidth maps full-width ASCII letters and digits and the ideographic
// space to their ASCII forms.
func foldWidth(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	}
	return r
}

// CleanCode is for fields that are ASCII by nature (phone numbers, e-mail
// addresses): the full NFKC fold, so "０５３６－８８８８８８８" and
// "ａ＠ｂ．ｃｎ" become plain ASCII, then CleanText's trimming.
func CleanCode(s string) string { return CleanText(norm.NFKC.String(s)) }

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
	return strings.ToUpper(strings.ReplaceAll(CleanText(norm.NFKC.String(name)), " ", ""))
}

// CleanCreditCode upper-cases a credit code and drops spaces and dashes
// that people type for readability.
func CleanCreditCode(s string) string {
	s = strings.ToUpper(CleanCode(s))
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}
