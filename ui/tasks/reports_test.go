package tasks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestReportsWrite: the ledger, the reminders and the bulletin's text
// come from the tasks as loaded; the bulletin dialog shows every text the
// store wrote, editable.
func TestReportsWrite(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	tk := newTask(t, db, "2026-001", "建设实训基地", "潍坊职业学院", 2)
	if _, err := db.SaveInspection(context.Background(), tk.ID, nil, store.Inspection{Round: lastRound(),
		Date: store.RoundEnd(lastRound()).AddDays(-3), Progress: "已开工", Percent: 10, Problems: "资金未到位"}); err != nil {
		t.Fatal(err)
	}
	_, v := openTasks(t, db)
	v.tabs.SelectIndex(tabReports)
	r := v.reports
	dir := t.TempDir()
	ledger := filepath.Join(dir, "督查台账.xlsx")
	if err := r.writeLedger(ledger, v.data, lastRound(), r.filter(), "潍坊职教集团"); err != nil {
		t.Fatal(err)
	}
	files, err := writeReminders(dir, v.data, v.sh.Settings())
	if err != nil || len(files) != 1 || !strings.Contains(files[0], "潍坊职业学院") {
		t.Fatalf("reminders = %q, %v", files, err)
	}
	for _, f := range append(files, ledger) {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	r.rounds.SetSelected(thisRound()) // not yet reported this month: a problem paragraph
	tap(t, kittest.Button(t, r.view, "生成督查通报"))
	if lastBulletin == nil {
		t.Fatal("no bulletin shown")
	}
	var texts []string
	for _, it := range lastBulletin.Items {
		texts = append(texts, it.Text)
	}
	if strings.Join(texts, " ") != "期号 发文单位 日期 一、总体情况 二、存在问题 三、工作要求" {
		t.Errorf("bulletin fields = %q", texts)
	}
	if got := lastBulletin.Items[4].Widget.(*kit.KeyEntry).Text; !strings.Contains(got, "事项2026-001") {
		t.Errorf("二、存在问题 = %q", got)
	}
}
