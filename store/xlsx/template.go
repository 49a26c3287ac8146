package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// TemplateSheet is the data sheet of the import template. It is the first
// sheet, the one ReadMembers reads.
const TemplateSheet = "成员单位导入模板"

// templateNotesSheet explains how to fill the template in.
const templateNotesSheet = "填写说明"

// templateRows is how many rows get the drop-down lists: far more than a
// group has members, so a clerk never runs past them.
const templateRows = 3000

// templateColumn is one column of the template.
type templateColumn struct {
	field   store.Field
	width   float64
	example string
	// text columns are formatted "@" so Excel keeps what is typed:
	// an 18-digit code or a phone number is not turned into 9.15E+17,
	// and a date typed 2023.7.18 is left for the importer to read.
	text bool
}

// ExampleMark starts the name in the template's example row. The importer
// skips a row so marked, so a clerk who forgets to delete the example does
// not admit 某某化工股份有限公司 to the group.
const ExampleMark = "（示例，导入前请删除本行）"

// templateColumns are the template's columns in order: what identifies a
// unit first, then its details, then its life-cycle dates.
var templateColumns = []templateColumn{
	{store.FieldName, 36, ExampleMark + "某某化工股份有限公司", false},
	{store.FieldCreditCode, 22, "91512081MA62K0260E", true},
	{store.FieldType, 12, "企业", false},
	{store.FieldTier, 14, "理事单位", false},
	{store.FieldProvince, 10, "山东省", false},
	{store.FieldCity, 10, "潍坊市", false},
	{store.FieldAddress, 30, "潍坊市滨海经济技术开发区某某路1号", false},
	{store.FieldContact, 10, "张三", false},
	{store.FieldPhone, 16, "13812341234", true},
	{store.FieldEmail, 22, "zhangsan@example.com", false},
	{store.FieldJoinDate, 16, "2023年7月18日", true},
	{store.FieldBasis, 24, "2023年度常务理事会会议", false},
	{store.FieldExitDate, 16, "", true},
	{store.FieldExitKind, 12, "", false},
	{store.FieldExitReason, 20, "", false},
	{store.FieldCodeReason, 20, "", false},
	{store.FieldNote, 20, "", false},
}

// WriteTemplate writes the member import template to path: the header
// row, one filled example row, drop-down lists for the columns with fixed
// choices, and a sheet of instructions.
func WriteTemplate(path string) error {
	return exportBook(path, "导入模板", writeTemplate)
}

func writeTemplate(f *excelize.File) error {
	if err := f.SetSheetName(f.GetSheetName(0), TemplateSheet); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	textCol, err := f.NewStyle(&excelize.Style{NumFmt: numFmtText})
	if err != nil {
		return err
	}
	for i, c := range templateColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(TemplateSheet, col, col, c.width); err != nil {
			return err
		}
		if c.text {
			if err := f.SetColStyle(TemplateSheet, col, textCol); err != nil {
				return err
			}
		}
		h, _ := excelize.CoordinatesToCellName(i+1, 1)
		e, _ := excelize.CoordinatesToCellName(i+1, 2)
		if err := setStyled(f, TemplateSheet, h, string(c.field), st.header); err != nil {
			return err
		}
		if err := f.SetCellStr(TemplateSheet, e, c.example); err != nil {
			return err
		}
	}
	if err := f.SetPanes(TemplateSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := templateLists(f); err != nil {
		return err
	}
	return templateNotes(f, st)
}

func setStyled(f *excelize.File, sheet, cell, text string, style int) error {
	if err := f.SetCellStr(sheet, cell, text); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// templateLists adds the drop-down lists. They warn rather than stop, so
// that a clerk pasting an old register (with 高职, 中专 …, which the
// importer understands) is told but not blocked.
func templateLists(f *excelize.File) error {
	lists := map[store.Field][]string{
		store.FieldType:     enumStrings(store.UnitTypes),
		store.FieldTier:     enumStrings(store.Tiers),
		store.FieldExitKind: enumStrings(store.ExitKinds),
	}
	for i, c := range templateColumns {
		keys, ok := lists[c.field]
		if !ok {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
		if err := dv.SetDropList(keys); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, string(c.field), "请从下拉列表中选择："+strings.Join(keys, "、"))
		if err := f.AddDataValidation(TemplateSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

func enumStrings[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// templateNotes is the second sheet: how each column is read.
var templateNoteLines = []string{
	"成员单位导入模板填写说明",
	"1. 第一行为标题行，请勿修改标题；列的顺序可以调整，不需要的列可以删除，但“单位名称”和“单位类型”必须填写。",
	"2. 第二行是示例（单位名称以“示例”标注），导入时会自动跳过；也可以直接删除。",
	"3. 统一社会信用代码为18位数字或大写字母；校验不通过的代码会提示，可在“信用代码说明”中写明原因。",
	"4. 单位类型可选：" + strings.Join(enumStrings(store.UnitTypes), "、") + "。",
	"5. 会员类别可选：" + strings.Join(enumStrings(store.Tiers), "、") + "；不填时按“成员单位”登记。",
	"6. 日期可写作 2023年7月18日、2023.7.18、2023/07/18、2023-7-18，或使用Excel日期格式。",
	"7. 加入日期登记为批准加入；填写退出日期即登记退出，退出方式可选：" + strings.Join(enumStrings(store.ExitKinds), "、") + "。",
	"8. 已登记的单位（信用代码相同，或名称相同）会被更新；同一文件重复导入不会产生重复记录。",
}

func templateNotes(f *excelize.File, st *sheetStyles) error {
	if _, err := f.NewSheet(templateNotesSheet); err != nil {
		return err
	}
	if err := f.SetColWidth(templateNotesSheet, "A", "A", 110); err != nil {
		return err
	}
	for i, line := range templateNoteLines {
		style := st.note
		if i == 0 {
			style = st.section
		}
		if err := setStyled(f, templateNotesSheet, fmt.Sprintf("A%d", i+1), line, style); err != nil {
			return err
		}
	}
	return nil
}
