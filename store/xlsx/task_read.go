package xlsx

import (
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// ErrNoTaskHeader is returned (with the file's name) for a workbook none
// of whose sheets has a header row with a task column in its first
// taskHeaderRows rows.
var ErrNoTaskHeader = errors.New("找不到任务清单的表头（前10行中没有“任务事项”“工作任务”“重点任务”或“任务”列）")

// taskHeaderRows is how far down the header row of a task list is looked
// for: a plan's 项目清单 has a title, maybe a 附件 line and a note above it.
const taskHeaderRows = 10

// Columns of a task list that have no store.Field of their own.
const (
	fieldSerial      store.Field = "序号" // recognised, then ignored
	fieldRequirement store.Field = "工作要求"
	fieldHelpers     store.Field = "配合单位"
	fieldCategory    store.Field = "类别"
)

// taskHeaderVariants are the column titles of plans' task lists, in the
// form headerKey gives them (so 责任（配合）单位 is 责任单位). The first
// one of each is TaskListHeaders'.
var taskHeaderVariants = []struct {
	field store.Field
	names []string
}{
	{fieldSerial, []string{"序号"}},
	{store.FieldTaskNumber, []string{"事项编号", "编号", "任务编号", "项目编号"}},
	{store.FieldTaskTitle, []string{"任务事项", "任务", "工作任务", "重点任务", "任务名称", "工作事项", "重点工作", "督办事项"}},
	{fieldRequirement, []string{"工作要求", "具体要求", "目标", "工作目标", "目标要求", "任务要求", "具体内容"}},
	{store.FieldTaskLead, []string{"牵头单位", "牵头部门", "牵头"}},
	{store.FieldTaskUnits, []string{"责任单位", "责任部门", "承办单位"}},
	{fieldHelpers, []string{"配合单位", "协办单位", "配合部门", "协办部门"}},
	{store.FieldTaskPerson, []string{"责任人", "负责人"}},
	{store.FieldTaskDeadline, []string{"完成时限", "完成时间", "时限", "完成期限", "截止时间"}},
	{store.FieldTaskStart, []string{"开始日期", "开始时间", "开始", "立项日期", "立项时间"}},
	{fieldCategory, []string{"类别", "分类", "任务类别"}},
	{store.FieldTaskSource, []string{"来源", "任务来源"}},
}

var taskHeaderIndex = func() map[string]store.Field {
	m := map[string]store.Field{}
	for _, h := range taskHeaderVariants {
		for _, n := range h.names {
			m[headerKey(n)] = h.field
		}
	}
	return m
}()

// findTaskHeader is findHeader for task lists: the row among the first
// taskHeaderRows with the most known titles and a task column.
func findTaskHeader(cells [][]string) (int, map[store.Field]int) {
	best, bestCols := -1, map[store.Field]int(nil)
	for i := 0; i < len(cells) && i < taskHeaderRows; i++ {
		cols := map[store.Field]int{}
		for j, c := range cells[i] {
			if f, ok := taskHeaderIndex[headerKey(c)]; ok && !hasField(cols, f) {
				cols[f] = j
			}
		}
		if hasField(cols, store.FieldTaskTitle) && len(cols) > len(bestCols) {
			best, bestCols = i, cols
		}
	}
	return best, bestCols
}

// ReadTaskList reads a task list (a plan's 项目清单): the first sheet with
// a header row, found by its content, columns in any order and any others
// ignored. Each task row becomes a TaskRow numbered as Excel numbers it,
// with the dates it could not read in Errors; blank rows, 合计 rows and
// section rows (一、…, merged across the table) are skipped, and a cell
// merged over several rows is read on each. Matching units and numbers is
// store.PlanTaskImport's business.
func ReadTaskList(path string) (rows []store.TaskRow, err error) {
	err = readWorkbook(path, func(f *excelize.File) error {
		for _, sh := range f.GetSheetList() {
			cells, err := rawRows(f, sh)
			if err != nil {
				return err
			}
			if hdr, cols := findTaskHeader(cells); hdr >= 0 {
				tr := &taskReader{rowReader: rowReader{cols: cols, date1904: uses1904(f)}}
				if err := tr.merges(f, sh, cells, hdr); err != nil {
					return err
				}
				rows = tr.readAll(cells, hdr)
				return nil
			}
		}
		return ErrNoTaskHeader
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// taskReader reads the rows below a task list's header.
type taskReader struct {
	rowReader
	// own are the rows with a value of their own in a known column (not
	// one copied from a merged cell above), by index; bands are the
	// section rows, with their text.
	own   map[int]bool
	bands map[int]string
}

func (tr *taskReader) readAll(cells [][]string, hdr int) []store.TaskRow {
	var rows []store.TaskRow
	category := ""
	for i := hdr + 1; i < len(cells); i++ {
		switch band, isBand := tr.bands[i]; {
		case isBand:
			category = bandCategory(band)
		case tr.own[i] && !tr.isTotal(cells[i]):
			rows = append(rows, tr.readTask(cells[i], i+1, category))
		}
	}
	return rows
}

// totalWords start the rows that sum a list up.
var totalWords = []string{"合计", "总计", "小计", "共计"}

// isTotal reports a 合计 row: its 序号 or task cell starts with a total word.
func (tr *taskReader) isTotal(cells []string) bool {
	for _, f := range []store.Field{fieldSerial, store.FieldTaskTitle} {
		v := valueKey(tr.cell(cells, f))
		for _, w := range totalWords {
			if strings.HasPrefix(v, w) {
				return true
			}
		}
	}
	return false
}

// bandCategory is the category a section row names: "一、产教融合（5项）"
// → 产教融合, the numbering and the count dropped.
func bandCategory(s string) string {
	s = parenthetical.ReplaceAllString(store.CleanCode(s), "")
	if _, rest, ok := strings.Cut(s, "、"); ok && len([]rune(s))-len([]rune(rest)) <= 4 {
		s = rest
	}
	return strings.TrimSpace(strings.TrimRight(s, ":："))
}

// readTask reads one task row; category is the section's, used when the
// sheet has no 类别 column or the row leaves it empty.
func (tr *taskReader) readTask(cells []string, rowNum int, category string) store.TaskRow {
	get := func(f store.Field) string { return tr.cell(cells, f) }
	r := store.TaskRow{Row: rowNum, Number: get(store.FieldTaskNumber), Title: get(store.FieldTaskTitle),
		Person: get(store.FieldTaskPerson), Category: get(fieldCategory), SourceText: get(store.FieldTaskSource)}
	if j, ok := tr.cols[fieldRequirement]; ok && j < len(cells) {
		// Line breaks are kept: a requirement is often a numbered list.
		r.Requirement = strings.TrimSpace(strings.ReplaceAll(cells[j], "\r\n", "\n"))
	}
	if r.Category == "" {
		r.Category = category
	}
	// A lead cell naming several units: the first leads, the others are
	// responsible with it.
	if lead := splitUnits(tr.raw(cells, store.FieldTaskLead)); len(lead) > 0 {
		r.Lead, r.Units = lead[0], lead[1:]
	}
	r.Units = append(r.Units, splitUnits(tr.raw(cells, store.FieldTaskUnits))...)
	r.Helpers = splitUnits(tr.raw(cells, fieldHelpers))
	for _, c := range []struct {
		f  store.Field
		to *store.Date
	}{{store.FieldTaskStart, &r.Start}, {store.FieldTaskDeadline, &r.Deadline}} {
		var pb store.Problem
		if *c.to, pb = TaskDate(get(c.f), tr.date1904); pb != "" {
			r.Errors = append(r.Errors, &store.FieldError{Row: rowNum, Field: c.f, Problem: pb, Detail: get(c.f)})
		}
	}
	return r
}

// raw is a cell as written, line breaks kept (cell cleans them away).
func (tr *taskReader) raw(cells []string, f store.Field) string {
	if j, ok := tr.cols[f]; ok && j < len(cells) {
		return cells[j]
	}
	return ""
}

// splitUnits splits a cell of units on the separators lists use: 、，,;；/
// and line breaks.
func splitUnits(s string) []string {
	var out []string
	for _, u := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,;；/／\n\r", r) }) {
		if u = store.CleanText(u); u != "" {
			out = append(out, u)
		}
	}
	return out
}
