package assets

import (
	"bytes"
	"os"
	"testing"
)

// The embedded demo files must be the ones in testdata: the generator
// writes testdata, `go generate ./assets` copies them here.
func TestDemoGroupIsCurrent(t *testing.T) {
	for name, got := range map[string][]byte{"members.json": DemoGroup, "rosters.json": DemoRosters, "meetings.json": DemoMeetings,
		"tasks.json": DemoTasks, "indicators.json": DemoIndicators} {
		want, err := os.ReadFile("../testdata/demo/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("assets/demo/%s differs from testdata/demo/%s: run `go generate ./assets`", name, name)
		}
	}
}
