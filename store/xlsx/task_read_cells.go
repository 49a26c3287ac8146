package xlsx

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// This file reads the cells of a task list that need more than their
// text: merged cells, and the ways plans write a 完成时限.

// ProblemOpenDeadline is a 完成时限 of a standing task ("长期", "持续推进"):
// a supervised task needs a day to be checked against.
const ProblemOpenDeadline store.Problem = "须为具体时限（长期任务请填写本阶段的完成时间）"

// maxMergeCols bounds how far a merged cell is copied to the right: a
// merge over a whole row (A5:XFD5) must not fill 16384 cells per row.
const maxMergeCols = 64

// merges reads the sheet's merged cells below the header: a merge over
// several rows in a column (a 牵头单位 for a group of tasks) gives its
// value to every row it covers; a merge along one row over the task
// column and two more known columns is a section row (一、产教融合), not a
// task. Which rows have a value of their own is noted first, so that a
// row holding nothing but a copied value is still blank.
func (tr *taskReader) merges(f *excelize.File, sheet string, cells [][]string, hdr int) error {
	tr.own, tr.bands = map[int]bool{}, map[int]string{}
	for i := hdr + 1; i < len(cells); i++ {
		for fl := range tr.cols {
			if fl != fieldSerial && tr.cell(cells[i], fl) != "" {
				tr.own[i] = true
			}
		}
	}
	mcs, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return err
	}
	for _, mc := range mcs {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil || r1-1 <= hdr || r1-1 >= len(cells) {
			continue
		}
		if r1 == r2 && tr.knownIn(c1-1, c2-1) >= 3 && tr.covers(store.FieldTaskTitle, c1-1, c2-1) {
			tr.bands[r1-1] = cellAt(cells[r1-1], c1-1)
			continue
		}
		for r := r1 - 1; r < min(r2, len(cells)); r++ {
			for c := c1 - 1; c < min(c2, maxMergeCols); c++ {
				for len(cells[r]) <= c {
					cells[r] = append(cells[r], "")
				}
				cells[r][c] = cellAt(cells[r1-1], c1-1)
			}
		}
	}
	return nil
}

// knownIn counts the known columns from a to b (0-based, inclusive).
func (tr *taskReader) knownIn(a, b int) int {
	n := 0
	for _, j := range tr.cols {
		if j >= a && j <= b {
			n++
		}
	}
	return n
}

func (tr *taskReader) covers(f store.Field, a, b int) bool {
	j, ok := tr.cols[f]
	return ok && j >= a && j <= b
}

var (
	// monthForm: 2026年6月, 2026年6月底, 2026.6, 2026-06, 2026年6月下旬.
	monthForm = regexp.MustCompile(`^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*月?\s*(底|末|份|下旬)?$`)
	// yearForm: 2026年底, 2026年年底, 2026年内, 2026年上半年, 2026年下半年.
	yearForm = regexp.MustCompile(`^(\d{4})\s*年?\s*(年底|年末|底|末|内|全年|上半年|下半年)$`)
	// deadlineTail is what a deadline is followed by: 2026年6月底前完成.
	deadlineTail = regexp.MustCompile(`(以前|之前|前|止)?(完成|办结)?$`)
)

// openWords mark a task without an end.
var openWords = []string{"长期", "持续", "常态化", "长效", "经常性"}

// TaskDate reads a date cell of a task list: whatever the member reader
// reads (text dates, Excel serial numbers, a date with a time), and the
// months and half-years plans give as deadlines, each as its last day
// (2026年6月底 and 2026年6月 → 2026-06-30; 2026年上半年 → 2026-06-30;
// 2026年底 → 2026-12-31), with 前/完成 after them. Empty is the zero Date.
// A problem is returned for "长期" and the like, and for anything else.
// One form cannot be read right: 2026.10 typed into a General cell is the
// number 2026.1, and reads as January; a text cell or a date cell is fine.
func TaskDate(s string, date1904 bool) (store.Date, store.Problem) {
	if d, ok := cellDate(s, date1904); ok {
		return d, ""
	}
	t := strings.ReplaceAll(store.CleanCode(s), " ", "")
	t = deadlineTail.ReplaceAllString(t, "")
	if d, err := store.ParseDate(t); err == nil {
		return d, ""
	}
	if m := monthForm.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 {
			return store.NewDate(y, time.Month(mo), 1).AddMonths(1).AddDays(-1), ""
		}
	}
	if m := yearForm.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y >= 2000 && y <= 2100 {
			if m[2] == "上半年" {
				return store.NewDate(y, time.June, 30), ""
			}
			return store.NewDate(y, time.December, 31), ""
		}
	}
	for _, w := range openWords {
		if strings.Contains(t, w) {
			return store.Date{}, ProblemOpenDeadline
		}
	}
	return store.Date{}, store.ProblemBadDate
}
