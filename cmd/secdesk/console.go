package main

// namesVerb says whether args ask for a command-line job (a verb, or the
// usage text) rather than the window: only then does the Windows build
// attach to the console it was started from (console_windows.go).
func namesVerb(args []string) bool {
	if verb, _ := splitVerb(args); verb != "" {
		return true
	}
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
