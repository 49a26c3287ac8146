package xlsx

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// The supervision's fixture: a month (2026-11) seen on 2026-12-03, with a
// task of every kind the sheets print differently.
var (
	taskToday = d(2026, 12, 3)
	taskRound = "2026-11"
	taskRules = store.FlagRules{}
)

// taskUnits are the units of the fixture, as members of the register.
var taskUnits = []string{"潍海化工职业学院", "临淄区职业教育中心", "临淄区人社局", "临淄区教育局", "齐鲁石化公司"}

func taskMembers() []store.Member {
	out := make([]store.Member, len(taskUnits))
	for i, n := range taskUnits {
		out[i] = store.Member{ID: uuid.MustParse(fmt.Sprintf("0190f000-0000-7000-8000-3000000000%02d", i+1)), Name: n}
	}
	return out
}

func unit(i int) store.UnitRef {
	return store.UnitRef{MemberID: taskMembers()[i].ID, Name: taskUnits[i]}
}

func step(s store.TaskStep, day store.Date) store.TaskEvent {
	return store.TaskEvent{ID: store.NewID(), Step: s, Date: day}
}

func inspection(round string, day int, progress string, pct int) store.Inspection {
	return store.Inspection{Round: round, Date: store.RoundStart(round).AddDays(day - 1), Progress: progress, Percent: pct}
}

// fixtureTasks are, out of number order:
//
//	001 extended, escalated, this round's inspection with a problem, its
//	    flag recorded as 红 and corrected to 黄;
//	002 extended, due this round and not reported (the gap);
//	003 new this month and closed in it;
//	004 past its deadline (红, overdue);
//	005 quarterly, not due this round, with this round's milestone;
//	006 stopped before the round (not in the ledger); 007 not started yet.
func fixtureTasks() []store.Task {
	t1 := store.Task{ID: store.NewID(), Number: "2026-001", Title: "建设区域共享型化工实训基地",
		Requirement: "完成实训楼主体工程\n完成设备招标", Lead: unit(0), Units: []store.UnitRef{unit(1)},
		Helpers: []store.UnitRef{unit(2)}, Person: "张伟", Start: d(2026, 3, 1), Deadline: d(2026, 11, 30),
		Source: store.TaskSource{Kind: store.SourceMeeting, Text: "第四届理事会第二次会议", Date: d(2026, 2, 20)},
		Events: []store.TaskEvent{step(store.StepCreate, d(2026, 3, 1)), step(store.StepAssign, d(2026, 3, 5)),
			step(store.StepEscalate, d(2026, 10, 8))}, Escalated: true,
		Extensions: []store.Extension{{Requested: d(2026, 9, 1), Reason: "设备到货推迟", NewDeadline: d(2026, 12, 31),
			Decision: store.ExtApproved, Decided: d(2026, 9, 10)}},
		Flags: []store.RoundFlag{{Round: "2026-10", Auto: store.FlagGreen, Flag: store.FlagGreen},
			{Round: taskRound, Auto: store.FlagRed, Flag: store.FlagYellow, Reason: "已补报"}},
		Category: "实训基地"}
	for i, r := range []string{"2026-07", "2026-08", "2026-09", "2026-10"} {
		t1.Inspections = append(t1.Inspections, inspection(r, 20, "推进主体工程第"+[]string{"一", "二", "三", "四"}[i]+"阶段", 40+10*i))
	}
	nov := inspection(taskRound, 22, "主体工程封顶,设备招标挂网", 85)
	nov.Problems, nov.Measures, nov.FixBy = "部分设备到货推迟", "=协调供应商分批到货", d(2026, 12, 15)
	t1.Inspections = append(t1.Inspections, nov)

	t2 := store.Task{ID: store.NewID(), Number: "2026-002", Title: "修订集团章程", Lead: unit(3), Person: "李明",
		Start: d(2026, 1, 10), Deadline: d(2026, 6, 30), Requirement: "提交理事会审议",
		Source: store.TaskSource{Kind: store.SourcePlan, Text: "2026年工作要点"},
		Events: []store.TaskEvent{step(store.StepCreate, d(2026, 1, 10)), step(store.StepAssign, d(2026, 1, 12))},
		Extensions: []store.Extension{{Requested: d(2026, 6, 1), Reason: "待上级批复", NewDeadline: d(2026, 12, 31),
			Decision: store.ExtApproved, Decided: d(2026, 6, 5)}},
		Inspections: []store.Inspection{inspection("2026-09", 25, "征求意见", -1), inspection("2026-10", 26, "形成送审稿", 70)}}

	t3 := store.Task{ID: store.NewID(), Number: "2026-003", Title: "筹备2026年年会", Lead: unit(0), Units: []store.UnitRef{unit(4)},
		Start: d(2026, 11, 2), Deadline: d(2026, 11, 25), Source: store.TaskSource{Kind: store.SourceInstruction, Text: "理事长批示"},
		Events: []store.TaskEvent{step(store.StepCreate, d(2026, 11, 2)), step(store.StepAssign, d(2026, 11, 2)),
			step(store.StepDone, d(2026, 11, 20)), step(store.StepClose, d(2026, 11, 28))},
		Inspections: []store.Inspection{inspection(taskRound, 18, "年会已召开", 100)}}

	t4 := store.Task{ID: store.NewID(), Number: "2026-004", Title: "开展企业新型学徒制试点", Lead: unit(4), Units: []store.UnitRef{unit(0)},
		Start: d(2026, 2, 1), Deadline: d(2026, 10, 31), Person: "王强", Source: store.TaskSource{Kind: store.SourceOther},
		Events:      []store.TaskEvent{step(store.StepCreate, d(2026, 2, 1)), step(store.StepAssign, d(2026, 2, 3))},
		Inspections: []store.Inspection{inspection("2026-10", 20, "招收学徒30人", 50), inspection(taskRound, 24, "学徒培训进行中", 60)}}

	t5 := store.Task{ID: store.NewID(), Number: "2026-005", Title: "制定产教融合共同体建设方案", Lead: unit(3),
		Start: d(2026, 9, 1), Deadline: d(2027, 6, 30), Frequency: store.Frequency{Months: 3},
		Source:      store.TaskSource{Kind: store.SourceDocument, Text: "临教发〔2026〕12号", Date: d(2026, 8, 28)},
		Milestones:  []store.Milestone{{Date: d(2026, 11, 15), Expected: "完成方案初稿", Reached: d(2026, 11, 10)}},
		Events:      []store.TaskEvent{step(store.StepCreate, d(2026, 9, 1)), step(store.StepAssign, d(2026, 9, 2))},
		Inspections: []store.Inspection{inspection("2026-09", 28, "成立工作专班", 10)}}

	t6 := store.Task{ID: store.NewID(), Number: "2026-006", Title: "已中止的任务", Lead: unit(1), Start: d(2026, 1, 1),
		Deadline: d(2026, 12, 31), Events: []store.TaskEvent{step(store.StepCreate, d(2026, 1, 1)), step(store.StepStop, d(2026, 5, 1))}}
	t7 := store.Task{ID: store.NewID(), Number: "2027-001", Title: "明年的任务", Lead: unit(1), Start: d(2027, 1, 1), Deadline: d(2027, 12, 31)}
	return []store.Task{t4, t2, t7, t1, t6, t5, t3}
}

// fixtureLedger is the fixture's ledger of 2026-11.
func fixtureLedger() store.Ledger {
	return store.BuildLedger(fixtureTasks(), taskRound, taskToday, taskRules)
}
