package assets

import _ "embed"

// DemoGroup is the fictitious sample group that `secdesk demo` loads: the
// JSON written by testdata/demo/gen. The copy here exists because go:embed
// cannot reach outside the package folder; TestDemoGroupIsCurrent fails when
// it differs from testdata.
//
//go:generate cp ../testdata/demo/members.json demo/members.json
//go:embed demo/members.json
var DemoGroup []byte
