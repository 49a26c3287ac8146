// Command secdesk is 秘书处工作台: without a verb it opens the program's
// window on a data file; with one (demo, members …, roster …, meeting …, stats) it does that
// job on the command line through the same store methods the window uses.
package main

import (
	"context"
	"io"
	"os"

	// First, for its init: a C.UTF-8 locale made Fyne print an error
	// before every command's output (see the package).
	_ "github.com/secdesk/secdesk/cmd/secdesk/internal/clocale"

	"github.com/secdesk/secdesk/ui/msg"
)

func main() {
	attachConsole(os.Args[1:]) // Windows: a verb started from cmd.exe prints there
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// verbs are the command-line jobs, by their first one or two words.
var verbs = map[string]func(*cli, []string) error{
	"":                 guardedGUI, // (*cli).gui, explained in Chinese if no window can open
	"demo":             (*cli).demo,
	"members import":   (*cli).importMembers,
	"members export":   (*cli).exportMembers,
	"members template": (*cli).template,
	"roster export":    (*cli).exportRoster,
	"roster import":    (*cli).importRoster,
	"roster list":      (*cli).listRosters,
	"stats":            (*cli).stats,
	"meeting":          (*cli).meeting,    // its own words after it: meetingVerbs
	"tasks":            (*cli).tasks,      // its own word after it: taskVerbs
	"indicators":       (*cli).indicators, // its own word after it: indicatorVerbs
	"report":           (*cli).report,     // its own word after it: "data"
	"copy":             (*cli).copyData,
	"backup":           (*cli).backup,
	"restore":          (*cli).restore,
	"check":            (*cli).check,
	"help":             (*cli).help,
}

// run is the whole program but for the exit: tests call it in-process.
// Errors are in the environment's language (LANG=en* gives English).
func run(args []string, stdout, stderr io.Writer) int {
	msg.SetLanguage(msg.LanguageFromEnv())
	c := &cli{ctx: context.Background(), stdout: stdout, stderr: stderr}
	verb, rest := splitVerb(args)
	do, ok := verbs[verb]
	if !ok {
		return c.exit(usagef("未知的命令：%s", verb))
	}
	return c.exit(do(c, rest))
}
