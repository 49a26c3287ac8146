package kit

import (
	"strings"

	"github.com/secdesk/secdesk/store"
)

// SearchKey is text as a free-text search compares it: cleaned as
// store.CleanText does (NFC, full-width letters, digits and spaces folded
// to half width, spaces collapsed), then lower case. Names are searched by
// store.NameKey instead, which also drops the spaces inside them.
func SearchKey(parts ...string) string {
	return strings.ToLower(store.CleanText(strings.Join(parts, " ")))
}

// ContainsAll reports whether s contains every word.
func ContainsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
