// Package clocale keeps Fyne quiet about a "C.UTF-8" locale. Its only work
// is its init, and package main imports it for that.
//
// When Fyne's lang package is initialised it reads the locale from LC_ALL,
// LC_MESSAGES or LANG (the first one set) through github.com/jeandeaual/go-locale.
// That library knows "C" and "POSIX" (and then reports no locale), but it turns
// "C.UTF-8" into the language "C", which golang.org/x/text cannot parse, so
// every run of the program printed
//
//	Fyne error:  Error parsing user locale C
//
// before anything else, and `secdesk stats --json 2>&1` was no longer JSON.
// This init rewrites such a value to plain "C", which means the same to the
// program: msg.LanguageFromEnv gives Chinese for both, and the window's
// language is the data file's setting anyway.
//
// It must run before Fyne's lang package is initialised. Go initialises
// packages in the order of their import paths, each as soon as the
// packages it imports are (the Go spec, "Package initialization", since Go
// 1.21). This package imports only os; fyne.io/fyne/v2/lang needs
// text/template, which needs os too and sorts after this package's path, so
// this one always comes first. TestLocaleC in package main checks it by
// running the program under LANG=C.UTF-8; do not add imports here.
package clocale

import "os"

func init() {
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		// Only the first one set counts, as in go-locale and gettext.
		if isC(v) {
			os.Setenv(name, "C")
		}
		return
	}
}

// isC reports whether v is the C or POSIX locale with a charset or a
// modifier: "C.UTF-8", "C.utf8", "POSIX.UTF-8", "C@euro".
func isC(v string) bool {
	for _, base := range [...]string{"C", "POSIX"} {
		if len(v) > len(base) && v[:len(base)] == base && (v[len(base)] == '.' || v[len(base)] == '@') {
			return true
		}
	}
	return false
}
