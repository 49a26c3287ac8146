package xlsx

import (
	"io"
	"os"
	"strings"

	"github.com/secdesk/secdesk/store"
)

// ProblemNoRosterHeader is the problem of ErrNoRosterHeader.
const ProblemNoRosterHeader store.Problem = "找不到表头（需要含“姓名”的标题行）"

// ErrNoRosterHeader is returned by ReadRoster when none of the first rows
// of the first sheet is a header row with a 姓名 column.
var ErrNoRosterHeader error = &store.FieldError{Field: store.FieldPersonName, Problem: ProblemNoRosterHeader}

// fieldAmbiguous marks a bare 职务 column: see rosterColumns.
const fieldAmbiguous store.Field = "职务?"

// rosterHeaderVariants are the column titles of real roster files, in the
// form headerKey gives them ("职务/职称" is 职务职称).
var rosterHeaderVariants = []struct {
	field store.Field
	names []string
}{
	{store.FieldPosition, []string{"职位", "担任职务", "机构职务", "拟任职务", "理事会职务", "委员会职务"}},
	{store.FieldPersonName, []string{"姓名", "人员姓名", "名字"}},
	{store.FieldGender, []string{"性别"}},
	{store.FieldUnit, []string{"单位", "工作单位", "单位名称", "所在单位", "单位全称"}},
	{store.FieldTitle, []string{"职称", "单位职务", "行政职务", "职务职称", "现任职务", "职务或职称"}},
	{store.FieldMobile, []string{"手机", "手机号", "手机号码", "移动电话"}},
	{store.FieldPhone, []string{"电话", "联系电话", "办公电话", "固定电话", "座机"}},
	{store.FieldEmail, []string{"电子邮箱", "邮箱", "EMAIL", "电子邮件"}},
	{store.FieldSeatStart, []string{"任职日期", "任职时间", "起始日期", "任职起始日期"}},
	{fieldAmbiguous, []string{"职务"}},
}

var rosterHeaderIndex = func() map[string]store.Field {
	m := map[string]store.Field{}
	for _, h := range rosterHeaderVariants {
		for _, n := range h.names {
			m[headerKey(n)] = h.field
		}
	}
	return m
}()

// rosterColumns maps one header row to columns. The seed's rosters use
// 职务 for two things, the position on the body and the title at the
// unit, so a bare 职务 column is placed by this rule:
//
//  1. if the row has a position column (职位, 担任职务 …), 职务 is the
//     title, as in 姓名 | 单位 | 职务 | 职位;
//  2. if not, the first 职务 is the position, and a second 职务 is the
//     title, as in 职务 | 姓名 | 单位 | 职务 — the seed's own table;
//  3. a 职务 with both already placed is ignored.
//
// Other titles take the first column they name.
func rosterColumns(cells []string) map[store.Field]int {
	cols := map[store.Field]int{}
	var bare []int
	for j, c := range cells {
		f, ok := rosterHeaderIndex[headerKey(c)]
		switch {
		case !ok:
		case f == fieldAmbiguous:
			bare = append(bare, j)
		default:
			if _, seen := cols[f]; !seen {
				cols[f] = j
			}
		}
	}
	for _, j := range bare {
		switch {
		case !hasField(cols, store.FieldPosition):
			cols[store.FieldPosition] = j
		case !hasField(cols, store.FieldTitle):
			cols[store.FieldTitle] = j
		}
	}
	return cols
}

func hasField(cols map[store.Field]int, f store.Field) bool {
	_, ok := cols[f]
	return ok
}

// findRosterHeader is findHeader for rosters: the row among the first
// headerScanRows with the most known titles and a 姓名 column.
func findRosterHeader(cells [][]string) (int, map[store.Field]int) {
	best, bestCols := -1, map[store.Field]int(nil)
	for i := 0; i < len(cells) && i < headerScanRows; i++ {
		cols := rosterColumns(cells[i])
		if hasField(cols, store.FieldPersonName) && len(cols) > len(bestCols) {
			best, bestCols = i, cols
		}
	}
	return best, bestCols
}

// ReadRosterFile reads the roster rows of the workbook at path.
func ReadRosterFile(path string) ([]store.RosterImportRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadRoster(f)
}

// ReadRoster reads the people and positions of the first sheet of a
// workbook: the header row is found by its content (see rosterColumns for
// 职务), columns in any order. Each non-empty row below it becomes a
// RosterImportRow numbered as Excel numbers it, with the cells it could
// not read (a date) in Errors. Matching people and placing seats is
// store.PlanRosterImport's business.
func ReadRoster(r io.Reader) ([]store.RosterImportRow, error) {
	var rows []store.RosterImportRow
	err := readFirstSheet(r, findRosterHeader, ErrNoRosterHeader, func(rd *rowReader, cells []string, rowNum int) {
		if row, ok := readRosterRow(rd, cells, rowNum); ok {
			rows = append(rows, row)
		}
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// readRosterRow returns the row numbered rowNum, or ok=false if every
// known column is empty (blank lines, or lines with only a 序号).
func readRosterRow(rd *rowReader, cells []string, rowNum int) (store.RosterImportRow, bool) {
	get := func(f store.Field) string { return rd.cell(cells, f) }
	empty := true
	for f := range rd.cols {
		empty = empty && get(f) == ""
	}
	if empty {
		return store.RosterImportRow{}, false
	}
	ir := store.RosterImportRow{Row: rowNum, Position: cleanPosition(get(store.FieldPosition)),
		Name: get(store.FieldPersonName), Gender: gender(get(store.FieldGender)), Unit: get(store.FieldUnit),
		Title: get(store.FieldTitle), Mobile: get(store.FieldMobile), Phone: get(store.FieldPhone),
		Email: get(store.FieldEmail)}
	var ok bool
	if ir.Start, ok = cellDate(get(store.FieldSeatStart), rd.date1904); !ok {
		ir.Errors = append(ir.Errors, &store.FieldError{Row: rowNum, Field: store.FieldSeatStart,
			Problem: store.ProblemBadDate, Detail: get(store.FieldSeatStart)})
	}
	return ir, true
}

// cleanPosition undoes the way printed rosters space and punctuate a
// position (副 理 事 长：, 理　事（排名不分先后）) so it matches the list.
func cleanPosition(s string) string {
	s = parenthetical.ReplaceAllString(valueKey(s), "")
	return strings.TrimRight(s, ":：")
}

// gender reads 男/女 however the file writes it (男性, M); anything else
// is left for Person.Validate to refuse.
func gender(s string) string {
	switch strings.ToUpper(valueKey(s)) {
	case "男性", "M", "MALE":
		return "男"
	case "女性", "F", "FEMALE":
		return "女"
	}
	return s
}
