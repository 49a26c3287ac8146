package docx

import (
	"strings"
	"unicode/utf8"
)

// indentSpace is what a clerk types to indent by hand: it is trimmed, as
// the paragraph has its own indent.
const indentSpace = " \t\u3000"

// lines splits text at any line ending.
func lines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
}

// paraLines are the non-empty lines of text, each a paragraph, with the
// hand-typed indent and trailing spaces trimmed.
func paraLines(text string) []string {
	var out []string
	for _, l := range lines(text) {
		l = strings.TrimRight(strings.TrimLeft(l, indentSpace), indentSpace)
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// lineBreaks is text with its non-empty lines joined by "\n", which the
// writer turns into line breaks inside one paragraph.
func lineBreaks(text string) string {
	return strings.Join(paraLines(text), "\n")
}

// oneLine is text for a one-line place (a heading, a title line): line
// endings are dropped, since Chinese text joins without a space.
func oneLine(text string) string {
	return strings.Join(lines(text), "")
}

// runeWidth is the width of r in hundredths of a 3号 character: a Han
// character or full-width form is one, ASCII and other narrow letters
// half.
func runeWidth(r rune) int {
	switch {
	case r < 0x2000, r >= 0xFF61 && r <= 0xFFDC, r >= 0xFFE8 && r <= 0xFFEE:
		return 50
	}
	return 100
}

// xmlChar reports whether r may appear in an XML 1.0 document. C1
// controls are allowed by XML but are never text a clerk meant, and Word
// shows them as boxes, so they are dropped too.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// clean drops from s what XML cannot hold: control characters and bytes
// that are not UTF-8 (which xml.EscapeText would turn into U+FFFD).
func clean(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				continue
			}
		}
		if xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
