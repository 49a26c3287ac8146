//go:build !windows

package main

// showFatal: elsewhere the text on stderr is all (guard.go prints it); a
// Linux desktop that starts the program from a menu keeps it in its journal.
func showFatal(title, text string) {}
