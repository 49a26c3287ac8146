package assets

import _ "embed"

// DemoGroup is the fictitious sample group that `secdesk demo` loads: the
// JSON written by testdata/demo/gen. The copies here exist because go:embed
// cannot reach outside the package folder; TestDemoGroupIsCurrent fails when
// they differ from testdata.
//
//go:generate cp ../testdata/demo/members.json ../testdata/demo/rosters.json ../testdata/demo/meetings.json ../testdata/demo/tasks.json ../testdata/demo/indicators.json demo/
//go:embed demo/members.json
var DemoGroup []byte

// DemoRosters is the same group's people and bodies (理事会, 常务理事会,
// 秘书处, a guidance committee, a 共同体) with their terms and seats. Its
// seats name people by name and member units by their names in DemoGroup.
//
//go:embed demo/rosters.json
var DemoRosters []byte

// DemoMeetings is the same group's meetings of 2025 and 2026: held ones
// with their attendance and minutes, a few in preparation. They name
// bodies, people and units as DemoRosters and DemoGroup do.
//
//go:embed demo/meetings.json
var DemoMeetings []byte

// DemoTasks is the same group's supervised tasks of its last year, with
// their inspections, extensions, dispatches and recorded flags. They name
// meetings, units and people as the other three files do.
//
//go:embed demo/tasks.json
var DemoTasks []byte

// DemoIndicators is the same group's indicator returns (指标报送) of
// 2023–2026: three years collected (2023 and 2024 filed), and the 2026
// round with two thirds of the units returned. They name units as
// DemoGroup does.
//
//go:embed demo/indicators.json
var DemoIndicators []byte
