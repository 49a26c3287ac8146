package assets

import (
	"bytes"
	"os"
	"testing"
)

// The embedded demo group must be the one in testdata: the generator
// writes testdata, `go generate ./assets` copies it here.
func TestDemoGroupIsCurrent(t *testing.T) {
	want, err := os.ReadFile("../testdata/demo/members.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(DemoGroup, want) {
		t.Fatal("assets/demo/members.json differs from testdata/demo/members.json: run `go generate ./assets`")
	}
}
