package tasks

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestRoundGridCells: a round without the inspection due is the gap 未报,
// a recorded round shows its flag marked ●; a click on a cell opens that
// round's inspection, and its save is in the store.
func TestRoundGridCells(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	tk := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	ctx := context.Background()
	in := store.Inspection{Round: lastRound(), Date: store.RoundEnd(lastRound()).AddDays(-5), Progress: "已开工", Percent: 20}
	if _, err := db.SaveInspection(ctx, tk.ID, nil, in); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordFlags(ctx, lastRound()); err != nil {
		t.Fatal(err)
	}
	_, v := openTasks(t, db)
	v.tabs.SelectIndex(tabGrid)
	g := v.grid
	g.year = store.RoundStart(lastRound()).Year()
	g.prepare()
	rows := tableRows(&g.table.Table)
	if len(rows) != 1 || rows[0][gridNumber] != "2026-001" {
		t.Fatalf("rows = %q", rows)
	}
	col := func(round string) int { return slices.Index(g.grid.rounds[:], round) + gridMonths }
	stored := stored(t, db, tk.ID)
	want, _ := stored.RoundFlagOf(lastRound(), store.Today(), store.FlagRules{})
	if got := rows[0][col(lastRound())]; got != flagWord(want)+recordedMark {
		t.Errorf("recorded round = %q, want %q", got, flagWord(want)+recordedMark)
	}
	gap := store.Round(monthsAgo(2))
	if c := col(gap); c >= gridMonths {
		if got := rows[0][c]; got != "未报" {
			t.Errorf("gap round %s = %q", gap, got)
		}
		g.table.Select(widget.TableCellID{Row: 0, Col: c})
		e := lastInspectDialog
		if e == nil || e.round != gap || e.from != nil {
			t.Fatalf("the cell did not open %s's inspection", gap)
		}
		e.progress.SetText("补报：完成选址")
		e.date.SetDate(store.RoundEnd(gap))
		tap(t, e.save)
		if got := storedInspection(t, db, tk.ID, gap); got == nil || got.Progress != "补报：完成选址" {
			t.Fatalf("stored = %+v (problem %q)", got, e.problem.Text)
		}
		if got := tableRows(&g.table.Table)[0][c]; got == "未报" {
			t.Error("the gap is still shown after the report")
		}
	}
}

// TestDispatchSavesDecisions: every open task is listed with 继续推进;
// 调整时限 with a new deadline and 提级督办 are chosen on two, and 保存调度
// applies all three in the store.
func TestDispatchSavesDecisions(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	t1 := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	t2 := newTask(t, db, "2026-002", "修订人才培养方案", "寿光市职业教育中心学校", 2)
	t3 := newTask(t, db, "2026-003", "组织技能大赛", "潍坊化工有限公司", 1)
	_, v := openTasks(t, db)
	v.tabs.SelectIndex(tabDispatch)
	d := v.disp
	if len(d.rows) != 3 {
		t.Fatalf("rows = %d", len(d.rows))
	}
	newDeadline := t1.Deadline.AddMonths(2)
	item := func(i int) (*widget.Select, *kit.DateEntry, *widget.Entry) {
		o := newDecisionItem()
		d.updateItem(i, o)
		sels := kittest.ObjectsOf[*widget.Select](o)
		dates := kittest.ObjectsOf[*kit.DateEntry](o)
		var req *widget.Entry
		for _, e := range kittest.ObjectsOf[*widget.Entry](o) {
			if e.PlaceHolder == "新要求" {
				req = e
			}
		}
		return sels[0], dates[0], req
	}
	sel, date, req := item(0)
	sel.SetSelected("调整时限")
	sel, date, req = item(0) // the row redrawn: 新时限 is enabled now
	if date.Disabled() {
		t.Fatal("新时限 stays disabled for 调整时限")
	}
	date.SetText(newDeadline.String())
	req.SetText("9月底前完成验收")
	sel, _, _ = item(1)
	sel.SetSelected("提级督办")
	tap(t, d.save)
	if d.problem.Text != "" {
		t.Fatalf("refused: %q", d.problem.Text)
	}
	if got := stored(t, db, t1.ID); !got.DeadlineOn(store.Today()).Equal(newDeadline) {
		t.Errorf("t1 deadline = %v", got.DeadlineOn(store.Today()))
	}
	if got := stored(t, db, t2.ID); !got.Escalated {
		t.Error("t2 not escalated")
	}
	ds, _ := db.Dispatches(context.Background())
	if len(ds) != 1 || len(ds[0].Decisions) != 3 || ds[0].Quarter != store.QuarterOf(store.Today()) {
		t.Fatalf("dispatches = %+v", ds)
	}
	if ev := stored(t, db, t3.ID).Events; ev[len(ev)-1].Step != store.StepDispatch {
		t.Errorf("t3 events = %+v", ev)
	}
	if rows := tableRows(d.past); len(rows) != 1 || !strings.Contains(rows[0][3], "提级督办 1 项") {
		t.Errorf("past dispatches = %q", rows)
	}
}

// TestListAsOfPastDay: typed into 截至日期, the list shows each task as
// it stood that day: a task done since is 推进中, an extension approved
// since is not yet there, a task started since is not listed.
func TestListAsOfPastDay(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	ctx := context.Background()
	done := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 3)
	if _, err := db.AddTaskStep(ctx, done.ID, store.TaskEvent{Step: store.StepDone, Date: monthsAgo(1), Text: "验收通过"}); err != nil {
		t.Fatal(err)
	}
	ext := newTask(t, db, "2026-002", "修订人才培养方案", "寿光市职业教育中心学校", 3)
	x, err := db.RequestExtension(ctx, ext.ID, store.Extension{Requested: monthsAgo(2), NewDeadline: ext.Deadline.AddMonths(2), Reason: "调研延后"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.DecideExtension(ctx, ext.ID, x.Extensions[0].ID, store.ExtApproved, monthsAgo(1)); err != nil {
		t.Fatal(err)
	}
	newTask(t, db, "2026-003", "组织技能大赛", "潍坊化工有限公司", 1)
	_, v := openTasks(t, db)
	l := v.list
	l.filters.sortBy.SetSelected("按事项编号排序")
	rows := tableRows(&l.table.Table)
	if len(rows) != 3 || rows[0][colStatus] != "已完成" || !strings.Contains(rows[1][colDeadline], "（原定 "+ext.Deadline.String()+"）") {
		t.Fatalf("today: %q", rows)
	}
	past := monthsAgo(2).AddDays(3)
	l.asOf.SetText(past.String())
	rows = tableRows(&l.table.Table)
	if len(rows) != 2 || rows[0][colStatus] != "推进中" || rows[1][colDeadline] != ext.Deadline.String() {
		t.Fatalf("as of %s: %q", past, rows)
	}
	if got := l.shown.Text; got != "共 2 项任务" {
		t.Errorf("count = %q", got)
	}
}

// TestImportWithErrorWritesNothing: a task list naming a unit that is
// neither a member nor a body is previewed with the error and offers no
// 确认导入; nothing is written. Corrected, it imports.
func TestImportWithErrorWritesNothing(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	kittest.AddMember(t, db, "潍坊职业学院", "高职院校", kittest.JoinEvent(monthsAgo(24), "理事单位"))
	path := filepath.Join(t.TempDir(), "清单.xlsx")
	start := monthsAgo(1)
	rows := []store.Task{
		{Number: "2026-101", Title: "建设实训基地", Lead: store.UnitRef{Name: "潍坊职业学院"}, Start: start, Deadline: start.AddMonths(6)},
		{Number: "2026-102", Title: "组织技能大赛", Lead: store.UnitRef{Name: "不存在的学校"}, Start: start, Deadline: start.AddMonths(6)},
	}
	if err := xlsx.WriteTaskList(path, rows, "潍坊职教集团"); err != nil {
		t.Fatal(err)
	}
	_, v := openTasks(t, db)
	v.importTasks(path)
	f := importPreview
	if f == nil || f.Confirm != nil || !strings.Contains(f.Notice.Text, "不会写入") {
		t.Fatalf("preview offers an import: %+v", f)
	}
	if cells := tableRows(f.Table); !strings.Contains(cells[1][6], "不是在册成员单位或机构") {
		t.Errorf("rows = %q", cells)
	}
	tap(t, f.Close)
	if ts, _ := db.Tasks(context.Background()); len(ts) != 0 {
		t.Fatalf("written: %d tasks", len(ts))
	}
	if err := xlsx.WriteTaskList(path, rows[:1], "潍坊职教集团"); err != nil {
		t.Fatal(err)
	}
	v.importTasks(path)
	tap(t, importPreview.Confirm)
	if ts, _ := db.Tasks(context.Background()); len(ts) != 1 || ts[0].Number != "2026-101" || ts[0].Lead.MemberID == [16]byte{} {
		t.Fatalf("imported = %+v", ts)
	}
	if got := v.list.shown.Text; got != "共 1 项任务" {
		t.Errorf("list after the import: %q", got)
	}
}
