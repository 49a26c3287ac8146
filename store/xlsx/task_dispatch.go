package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// DispatchSheet is the sheet name of the 季度调度表.
const DispatchSheet = "季度调度"

// DispatchHeaders are the 季度调度表's columns. 近三次督查 1 is the latest
// (store's LastInspections order): the meeting discusses it first, and a
// task with one inspection then has it in the first column, not the third.
var DispatchHeaders = []string{"序号", "事项编号", "任务事项", "牵头单位", "完成时限",
	"近三次督查 1", "近三次督查 2", "近三次督查 3", "预警", "调度意见", "新要求"}

var dispatchWidths = []float64{5, 10, 24, 14, 18, 24, 24, 24, 8, 12, 24}

// Columns of the table, 0-based: the first inspection and the two the
// meeting fills in.
const (
	dispatchFirstInspection = 5
	dispatchDecisionCol     = 9
)

// DispatchChoices are the words of 调度意见's list: store.DispatchCodes'.
func DispatchChoices() []string {
	out := make([]string, len(store.DispatchCodes))
	for i, c := range store.DispatchCodes {
		out[i] = c.Word()
	}
	return out
}

// DispatchTitle is "<集团名称>季度调度表（2026年第四季度）"; rounds are the
// quarter's.
func DispatchTitle(group string, rounds []string) string {
	d := store.RoundStart(rounds[0])
	q := []string{"一", "二", "三", "四"}[(int(d.Month())-1)/3]
	return fmt.Sprintf("%s季度调度表（%d年第%s季度）", groupName(group), d.Year(), q)
}

// DispatchDay is the day a quarter's table stands on: the quarter's last
// day, or today while the quarter is running.
func DispatchDay(rounds []string, today store.Date) store.Date {
	day := store.RoundEnd(rounds[len(rounds)-1])
	if today.Before(day) {
		return today
	}
	return day
}

// dispatchTasks are the tasks open on day, in number order.
func dispatchTasks(tasks []store.Task, day store.Date) []*store.Task {
	var out []*store.Task
	for i := range tasks {
		if s := tasks[i].StateOn(day); s.Exists && s.Status.Open() {
			out = append(out, &tasks[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *store.Task) int { return strings.Compare(a.Number, b.Number) })
	return out
}

// WriteDispatchTable writes the 季度调度表 of quarter ("2026-Q4"): every
// task open on the quarter's last day (or today, if earlier) with its
// last three inspections and flag, and two columns for the meeting to
// fill in: 调度意见 from a list, and 新要求.
func WriteDispatchTable(path string, tasks []store.Task, quarter string, today store.Date, rules store.FlagRules, groupName string) error {
	rounds, err := store.QuarterRounds(quarter)
	if err != nil {
		return err
	}
	return exportBook(path, "季度调度表", func(f *excelize.File) error {
		return writeDispatch(f, tasks, rounds, today, rules, groupName)
	})
}

func writeDispatch(f *excelize.File, tasks []store.Task, rounds []string, today store.Date, rules store.FlagRules, group string) error {
	day := DispatchDay(rounds, today)
	list := dispatchTasks(tasks, day)
	lines := []string{fmt.Sprintf("截至%s在办任务 %d 项。“调度意见”请选择：%s；需要时在“新要求”中写明新的要求或时限。",
		day.Chinese(), len(list), strings.Join(DispatchChoices(), "、"))}
	hdr := len(lines) + 2
	w, err := startTaskSheet(f, DispatchSheet, landscape, hdr)
	if err != nil {
		return err
	}
	if err := dispatchList(f, hdr+1, hdr+len(list)); err != nil {
		return err
	}
	w.stream(f, DispatchSheet)
	w.head(DispatchTitle(group, rounds), lines, DispatchHeaders, dispatchWidths)
	for i, t := range list {
		fl, recorded := t.RoundFlagOf(store.Round(day), today, rules)
		w.dispatchRow(i+1, t, day, fl, recorded && correctedFlag(t, store.Round(day)))
	}
	return w.flush()
}

// dispatchList gives 调度意见 its drop-down list on rows first to last.
// It stops other text: a decision is one of store's codes, and what the
// meeting adds goes into 新要求.
func dispatchList(f *excelize.File, first, last int) error {
	if last < first {
		return nil
	}
	col, _ := excelize.ColumnNumberToName(dispatchDecisionCol + 1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, first, col, last)
	if err := dv.SetDropList(DispatchChoices()); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "调度意见", "请选择："+strings.Join(DispatchChoices(), "、"))
	return f.AddDataValidation(DispatchSheet, dv)
}

func (w *taskSheet) dispatchRow(n int, t *store.Task, day store.Date, fl store.Flag, corrected bool) {
	st, s := w.st, t.StateOn(day)
	title := PrintText(t.Title)
	texts := []string{"", t.Number, title, t.Lead.Name, DeadlineText(s)}
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}, st.textCell(t.Number), st.textCell(title),
		st.textCell(t.Lead.Name), w.deadlineCell(s)}
	last := t.LastInspections(day, 3)
	for i := range 3 {
		text := ""
		if i < len(last) {
			text = InspectionText(last[i])
		}
		texts = append(texts, text)
		cells = append(cells, st.textCell(text))
	}
	cells = append(cells, w.flagCell(fl, corrected), excelize.Cell{StyleID: st.inputCenter},
		excelize.Cell{StyleID: st.input})
	w.put(cells, max(30, textHeight(texts, dispatchWidths)))
}
