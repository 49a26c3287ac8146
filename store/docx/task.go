package docx

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/secdesk/secdesk/store"
)

// The supervision's documents: the 督查通报 and the 催办单 of each unit.

// WriteBulletin writes a 督查通报 as the clerk edited it.
func WriteBulletin(path string, b store.Bulletin, s store.Settings) error {
	return WriteFile(path, Bulletin(b, s))
}

// Bulletin is the 督查通报 in the GB/T 9704 layout: the red mark, 期号, the
// issuing office and date, 一、总体情况, 二、存在问题 (a paragraph per task),
// 三、工作要求, the 附件 line (the month's 督查台账, exported beside it),
// 落款 and 成文日期.
func Bulletin(b store.Bulletin, s store.Settings) Doc {
	round := store.RoundStart(b.Summary.Ledger.Round)
	blocks := []Block{RedTitle(b.Title), Centered(b.Issue), Centered(b.Office + "　　" + b.Date.Chinese()), Blank(),
		Heading1("一、总体情况"), Para(b.Overview), Heading1("二、存在问题")}
	if len(b.Problems) == 0 {
		blocks = append(blocks, Para("本月无欠进度或逾期事项。"))
	}
	for _, p := range b.Problems {
		blocks = append(blocks, Para(p))
	}
	blocks = append(blocks, Heading1("三、工作要求"), Para(b.Requirements), Blank(),
		Attachment(fmt.Sprintf("%d年%d月督查台账", round.Year(), int(round.Month()))), Blank(), Blank(),
		Signature(b.Office), Date(b.Date.Chinese()))
	return Doc{Fonts: FontsOf(s), Title: b.Title + b.Issue, Blocks: blocks}
}

// WriteReminders writes one 催办单 per unit into dir and returns the
// files written, in the units' order.
func WriteReminders(dir string, rs []store.UnitReminder, asOf store.Date, s store.Settings) ([]string, error) {
	var out []string
	for _, r := range rs {
		path := filepath.Join(dir, ReminderFileName(r.Unit, asOf))
		if err := WriteFile(path, Reminder(r, asOf, s)); err != nil {
			return out, fmt.Errorf("%s：%w", r.Unit, err)
		}
		out = append(out, path)
	}
	return out, nil
}

// ReminderFileName is "催办单-<单位>-20261201.docx", the unit's name made
// safe for Windows (store.SafeFileName).
func ReminderFileName(unit string, asOf store.Date) string {
	return fmt.Sprintf("催办单-%s-%04d%02d%02d.docx", store.SafeFileName(unit), asOf.Year(), int(asOf.Month()), asOf.Day())
}

// Reminder is one unit's 催办单: its overdue, due-soon and other open tasks
// with what is asked and by when, and the day to report back (a week on).
func Reminder(r store.UnitReminder, asOf store.Date, s store.Settings) Doc {
	office := store.CleanText(s.GroupName)
	if office == "" {
		office = store.DefaultGroupName
	}
	office += "秘书处"
	blocks := []Block{RedTitle("督办事项催办单"), Blank(), Flush(r.Unit + "："),
		Para(fmt.Sprintf("截至%s，贵单位牵头或负责的督办事项中，已逾期%d项、即将到期%d项、其他在办%d项。请抓紧办理，并于%s前将办理情况反馈%s。",
			asOf.Chinese(), len(r.Overdue), len(r.DueSoon), len(r.Open), asOf.AddDays(7).Chinese(), office))}
	for _, part := range []struct {
		head string
		rows []*store.LedgerRow
	}{{"已逾期事项", r.Overdue}, {"即将到期事项", r.DueSoon}, {"其他在办事项", r.Open}} {
		if len(part.rows) == 0 {
			continue
		}
		blocks = append(blocks, Heading1(store.ChineseNumber(headingsSoFar(blocks)+1)+"、"+part.head))
		for i, row := range part.rows {
			blocks = append(blocks, Para(reminderLine(i+1, row, asOf)))
		}
	}
	blocks = append(blocks, Blank(), Blank(), Signature(office), Date(asOf.Chinese()))
	return Doc{Fonts: FontsOf(s), Title: "督办事项催办单 " + r.Unit, Blocks: blocks}
}

// headingsSoFar counts the first-level headings among blocks.
func headingsSoFar(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		for _, p := range b.paras() {
			if p.outline == 1 {
				n++
			}
		}
	}
	return n
}

// reminderLine is "1．事项2026-003“…”：完成时限2026年6月30日，已逾期12天。要求：…".
func reminderLine(n int, row *store.LedgerRow, asOf store.Date) string {
	t, st := row.Task, row.State
	s := fmt.Sprintf("%d．事项%s“%s”：完成时限%s", n, t.Number, t.Title, st.Deadline.Chinese())
	if st.Extended() {
		s += "（原定" + st.Original.Chinese() + "）"
	}
	switch days := asOf.DaysUntil(st.Deadline); {
	case days < 0:
		s += fmt.Sprintf("，已逾期%d天", -days)
	case days == 0:
		s += "，今天到期"
	default:
		s += fmt.Sprintf("，还有%d天", days)
	}
	if row.Due && row.Inspection == nil {
		s += "；本月尚未报送督查记录"
	}
	if req := strings.TrimSpace(t.Requirement); req != "" {
		s += "。要求：" + strings.TrimRight(strings.ReplaceAll(req, "\n", "；"), "。；")
	}
	return s + "。"
}
