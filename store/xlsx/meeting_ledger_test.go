package xlsx

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// ledgerMeetings are meetings around 2025–2026, out of order: two
// outside the period, two on one day told apart by the time, one of no
// body, one cancelled, one held without attendance ticked.
func ledgerMeetings() ([]store.Meeting, []store.Body) {
	council := store.Body{ID: uuid.MustParse("0190f000-0000-7000-8000-200000000001"), Name: "理事会"}
	standing := store.Body{ID: uuid.MustParse("0190f000-0000-7000-8000-200000000002"), Name: "常务理事会",
		Quorum: store.Quorum{Rule: store.QuorumTwoThirds}}
	held := testMeeting() // 5 expected, 3 present
	held.BodyID, held.Date, held.Time = council.ID, d(2025, 3, 1), "14:00"
	held.Items = []store.AgreedItem{{Text: "修订章程", Done: d(2025, 4, 1)}, {Text: "筹备年会"}}
	standingHeld := testMeeting()
	standingHeld.Title, standingHeld.Kind, standingHeld.BodyID = "常务理事会第一次会议", "常务理事会", standing.ID
	standingHeld.Date, standingHeld.Time, standingHeld.Place = d(2025, 3, 1), "09:00", "=会议室"
	standingHeld.Minutes = "会议听取了工作报告。"
	unticked := testMeeting()
	unticked.Title, unticked.Date = "秘书长办公会", d(2025, 6, 30)
	for i := range unticked.Invitees {
		unticked.Invitees[i].Attend = store.Attend{}
	}
	planned := store.Meeting{Title: "校企合作联席会议", Kind: "联席会议", Date: d(2026, 12, 31), Place: "临淄区教育局",
		Status: store.MeetingPlanned, Invitees: testMeeting().Invitees[:3]}
	cancelled := store.Meeting{Title: "季度调度会", Kind: "季度调度会", Date: d(2025, 1, 1), Status: store.MeetingCancelled}
	before := store.Meeting{Title: "上年会议", Kind: "其他", Date: d(2024, 12, 31), Status: store.MeetingHeld}
	after := store.Meeting{Title: "下年会议", Kind: "其他", Date: d(2027, 1, 1)}
	return []store.Meeting{planned, held, before, unticked, cancelled, after, standingHeld},
		[]store.Body{council, standing}
}

var rawValue = excelize.Options{RawCellValue: true}

func TestLedger(t *testing.T) {
	meetings, bodies := ledgerMeetings()
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	must(t, WriteLedger(path, meetings, bodies, d(2025, 1, 1), d(2026, 12, 31), "临淄区职业教育集团"))
	f := book(t, path)
	sh := LedgerSheet
	if got := f.GetSheetList(); !slices.Equal(got, []string{sh}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(sh)
	must(t, err)
	assertSheetRows(t, rows, [][]string{
		{"临淄区职业教育集团会议台账（2025年1月1日至2026年12月31日）"},
		LedgerHeaders,
		{"1", "季度调度会", "季度调度会", "", "2025年1月1日", "", "已取消", "0", "", "", "0", "0", "未写"},
		// 3 of 5 present: not two thirds
		{"2", "常务理事会第一次会议", "常务理事会", "常务理事会", "2025年3月1日", "=会议室", "已召开", "5", "3", "否", "0", "0", "已写"},
		{"3", "第二届理事会第三次会议", "理事会", "理事会", "2025年3月1日", "潍坊职业学院图书馆三楼报告厅", "已召开", "5", "3", "是", "2", "1", "已写"},
		{"4", "秘书长办公会", "理事会", "", "2025年6月30日", "潍坊职业学院图书馆三楼报告厅", "已召开", "5", "", "", "0", "0", "未写"},
		{"5", "校企合作联席会议", "联席会议", "", "2026年12月31日", "临淄区教育局", "筹备中", "3", "", "", "0", "0", "未写"},
		{"合计", "共 5 次会议", "", "", "", "", "", "", "", "", "2", "1"},
	})
	assertGuarded(t, f, sh, "F4")
	if raw, _ := f.GetCellValue(sh, "E3", rawValue); raw != "45658" { // a real date: 2025-01-01
		t.Errorf("日期 raw %q", raw)
	}
	if raw, _ := f.GetCellValue(sh, "K8", rawValue); raw != "2" {
		t.Errorf("total of items %q", raw)
	}
	if s := cellStyle(t, f, sh, "M8"); len(s.Border) != 4 {
		t.Error("the totals row's last cell has no border")
	}
	if p, err := f.GetPanes(sh); err != nil || !p.Freeze || p.YSplit != 2 {
		t.Errorf("panes %+v %v", p, err)
	}
	assertPrintSetup(t, f, sh, landscape, "$1:$2")
}

func TestLedgerEmptyAndOpen(t *testing.T) {
	meetings, bodies := ledgerMeetings()
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	must(t, WriteLedger(path, meetings, bodies, d(2026, 1, 1), d(2026, 6, 30), ""))
	rows, err := book(t, path).GetRows(LedgerSheet)
	must(t, err)
	assertSheetRows(t, rows, [][]string{{"职业教育集团会议台账（2026年1月1日至2026年6月30日）"}, LedgerHeaders,
		{"合计", "共 0 次会议", "", "", "", "", "", "", "", "", "0", "0"}})
	for _, c := range []struct {
		since, until store.Date
		title        string
		n            int
	}{
		{store.Date{}, store.Date{}, "g会议台账", 7},
		{d(2025, 6, 30), store.Date{}, "g会议台账（2025年6月30日起）", 3},
		{store.Date{}, d(2025, 1, 1), "g会议台账（截至2025年1月1日）", 2},
	} {
		if got := LedgerTitle("g", c.since, c.until); got != c.title {
			t.Errorf("title %q, want %q", got, c.title)
		}
		must(t, WriteLedger(path, meetings, bodies, c.since, c.until, "g"))
		rows, err := book(t, path).GetRows(LedgerSheet)
		must(t, err)
		if len(rows) != c.n+3 || rows[len(rows)-1][1] != "共 "+string(rune('0'+c.n))+" 次会议" {
			t.Errorf("%s: %d rows, last %q", c.title, len(rows), rows[len(rows)-1])
		}
	}
}
