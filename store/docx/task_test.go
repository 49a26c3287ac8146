package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// monthOfTasks is a ledger of March 2026 with a done, an on-schedule, a
// lagging and an overdue task of two units.
func monthOfTasks() store.Ledger {
	d := store.NewDate
	mk := func(n, title, unit string) store.Task {
		return store.Task{Number: n, Title: title, Lead: store.UnitRef{Name: unit}, Start: d(2026, 1, 5), Deadline: d(2026, 6, 30),
			Requirement: "按方案推进\n每月报送进展",
			Events:      []store.TaskEvent{{Step: store.StepCreate, Date: d(2026, 1, 5)}, {Step: store.StepAssign, Date: d(2026, 1, 10)}}}
	}
	tasks := []store.Task{mk("2026-001", "修订人才培养方案", "潍海职业学院"), mk("2026-002", "建设实训基地", "潍海职业学院"),
		mk("2026-003", "共建现代产业学院", "山东海化集团有限公司"), mk("2026-004", "开展技能大赛", "山东海化集团有限公司")}
	tasks[0].Events = append(tasks[0].Events, store.TaskEvent{Step: store.StepDone, Date: d(2026, 3, 10)})
	tasks[1].Inspections = []store.Inspection{{Round: "2026-03", Date: d(2026, 3, 20), Progress: "推进", Percent: 50}}
	tasks[2].Inspections = []store.Inspection{{Round: "2026-03", Date: d(2026, 3, 20), Progress: "滞后", Percent: 5, Problems: "资金未到位"}}
	tasks[3].Deadline = d(2026, 3, 15)
	return store.BuildLedger(tasks, "2026-03", d(2026, 4, 2), store.FlagRules{})
}

func TestBulletin(t *testing.T) {
	l := monthOfTasks()
	b := store.NewBulletin(l.Summarize(), 3, "潍海市化工职业教育集团秘书处", store.NewDate(2026, 4, 2))
	b.Requirements = "请各单位抓紧整改。" // edited by the clerk
	got, p := paragraphs(t, Bulletin(b, store.Settings{}))
	wantParagraphs(t, got, []string{
		"督查通报", "第3期", "潍海市化工职业教育集团秘书处　　2026年4月2日",
		"一、总体情况", b.Overview,
		"二、存在问题", b.Problems[0], b.Problems[1],
		"三、工作要求", "请各单位抓紧整改。",
		"附件：2026年3月督查台账",
		"潍海市化工职业教育集团秘书处", "2026年4月2日",
	})
	if !strings.Contains(b.Overview, "共督查任务4项") || !strings.Contains(b.Overview, "已办结1项，占比25%") {
		t.Fatalf("overview %s", b.Overview)
	}
	if runsWith(p, "督查通报")[0].path("rPr", "color") == nil {
		t.Error("the mark is not red")
	}
}

func TestReminders(t *testing.T) {
	l := monthOfTasks()
	dir := t.TempDir()
	files, err := WriteReminders(dir, l.Reminders(store.FlagRules{}), l.AsOf, store.Settings{GroupName: "潍海市化工职业教育集团"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"催办单-潍海职业学院-20260331.docx", "催办单-山东海化集团有限公司-20260331.docx"}
	if len(files) != 2 || filepath.Base(files[0]) != want[0] || filepath.Base(files[1]) != want[1] {
		t.Fatalf("files %q", files)
	}
	data, err := os.ReadFile(files[1])
	if err != nil {
		t.Fatal(err)
	}
	_, raw := unzip(t, data)
	doc := string(raw["word/document.xml"])
	for _, s := range []string{"山东海化集团有限公司：", "已逾期1项", "一、已逾期事项", "事项2026-004“开展技能大赛”：完成时限2026年3月15日，已逾期16天；本月尚未报送督查记录。要求：按方案推进；每月报送进展。",
		"二、其他在办事项", "潍海市化工职业教育集团秘书处"} {
		if !strings.Contains(doc, s) {
			t.Errorf("催办单 lacks %q", s)
		}
	}
	if got := ReminderFileName(`a/b:c*`, store.NewDate(2026, 1, 2)); got != "催办单-a_b_c_-20260102.docx" {
		t.Errorf("file name %q", got)
	}
}

// TestLibreOfficeBulletin lays the bulletin out: page numbers and the
// heading centred.
func TestLibreOfficeBulletin(t *testing.T) {
	l := monthOfTasks()
	b := store.NewBulletin(l.Summarize(), 3, "潍海市化工职业教育集团秘书处", store.NewDate(2026, 4, 2))
	pdf, lines := layoutPDF(t, "bulletin", Bulletin(b, store.Settings{}))
	body, footer := bodyAndFooter(lines)
	issue := body[findLine(t, body, "第3期")]
	if mid := (issue.x + issue.xMax) / 2; !near(mid, (coreLeft+coreRight)/2, 2) {
		t.Errorf("期号 centred at %.1f, want %.1f", mid, (coreLeft+coreRight)/2)
	}
	checkPageNumbers(t, pdf, footer, body[len(body)-1].page)
}

// BenchmarkBulletin20000 builds a month's ledger of 20,000 tasks, sums it
// up, writes the bulletin's text and the .docx (the target is 0.5 s).
func BenchmarkBulletin20000(b *testing.B) {
	tasks := storetest.SyntheticTasks(20000, 5, 11)
	path := filepath.Join(b.TempDir(), "b.docx")
	today := store.NewDate(2026, 11, 20)
	for b.Loop() {
		l := store.BuildLedger(tasks, "2026-10", today, store.FlagRules{})
		bl := store.NewBulletin(l.Summarize(), 10, "秘书处", today)
		if err := WriteBulletin(path, bl, store.Settings{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReminderLineEndsOnce: a requirement that ends with its own 。 does
// not get a second one.
func TestReminderLineEndsOnce(t *testing.T) {
	l := monthOfTasks()
	row := l.Rows[1]
	task := *row.Task
	task.Requirement = "按方案推进。"
	row.Task = &task
	if got := reminderLine(1, &row, l.AsOf); strings.Contains(got, "。。") || !strings.HasSuffix(got, "要求：按方案推进。") {
		t.Fatalf("line %q", got)
	}
}
