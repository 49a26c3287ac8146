package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestLocaleC runs the program as a separate process under the C locale in
// its usual spellings and checks that a command prints its own output and
// nothing else: Fyne used to print "Fyne error: Error parsing user locale C"
// first under C.UTF-8 (see package clocale). Stdout and stderr are read
// together, as `secdesk stats --json 2>&1 | jq` would.
//
// The process is this test binary again (TestMain calls main when
// SECDESK_TEST_MAIN is set): it links the same packages as bin/secdesk,
// so the same package initialisation runs before main.
func TestLocaleC(t *testing.T) {
	db := demoDB(t)
	for _, env := range []string{"LANG=C", "LANG=C.UTF-8", "LANG=C.utf8", "LANG=POSIX", "LC_ALL=C.UTF-8", "LC_MESSAGES=C.UTF-8"} {
		t.Run(env, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "stats", "--json", "--db", db)
			cmd.Env = append(localeFreeEnv(), "SECDESK_TEST_MAIN=1", env)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s secdesk stats --json: %v\n%s", env, err, out)
			}
			var got map[string]any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("%s secdesk stats --json 2>&1 is not JSON (%v):\n%s", env, err, out)
			}
			if _, ok := got["as_of"]; !ok {
				t.Errorf("%s: no as_of in %s", env, out)
			}
		})
	}
}

// localeFreeEnv is this process's environment without the variables that
// choose a locale (TestMain set LC_ALL for the in-process tests).
func localeFreeEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
