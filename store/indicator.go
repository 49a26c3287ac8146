package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Indicators (指标报送): a catalogue per year of what the group reports
// upstream — some computed from the program's own records as of 31
// December, the rest collected from the member units — and the collected
// values of each unit with their history.

// IndicatorSource says where an indicator's value comes from (persisted).
type IndicatorSource string

const (
	SourceComputed  IndicatorSource = "computed"  // from the register, rosters, meetings, tasks
	SourceCollected IndicatorSource = "collected" // from the member units' returns
)

// ValueKind is how a value is written (persisted code).
type ValueKind string

const (
	KindInteger ValueKind = "int"
	KindDecimal ValueKind = "decimal"
)

// MeasureUnits are the units of measure offered (单位); the catalogue may
// use others.
var MeasureUnits = []string{"家", "所", "个", "项", "次", "条", "人", "名", "人次", "人日", "人月", "学时", "万元", "门", "种", "%"}

// Indicator is one line of the catalogue.
type Indicator struct {
	// Code is the ASCII key of the indicator, stable across years
	// ("training_bases"); a computed indicator's code names its rule.
	Code   string          `json:"code"`
	Name   string          `json:"name"`
	Unit   string          `json:"unit"`
	Source IndicatorSource `json:"source"`
	Kind   ValueKind       `json:"kind"`
	// Min and Max bound a collected value; Max 0 is no bound.
	Min float64 `json:"min"`
	Max float64 `json:"max,omitempty"`
	// Answer lists the unit types that answer a collected indicator;
	// empty is every member unit.
	Answer []UnitType `json:"answer,omitempty"`
	// Group is the heading the indicator is printed under.
	Group string `json:"group,omitempty"`
	// Of names the indicator this one is part of ("其中国家级").
	Of string `json:"of,omitempty"`
}

// AnsweredBy reports whether a unit of type t answers the indicator.
func (ind *Indicator) AnsweredBy(t UnitType) bool {
	return ind.Source == SourceCollected && (len(ind.Answer) == 0 || slices.Contains(ind.Answer, t))
}

// Catalogue is a year's indicator catalogue. Version 1 is the first;
// once filed (Filed set) it is frozen, and a change needs a new version:
// the filed sheet stays as it was sent.
type Catalogue struct {
	ID         uuid.UUID   `json:"id"`
	Year       int         `json:"year"`
	Version    int         `json:"version"`
	Indicators []Indicator `json:"indicators"`
	Filed      Date        `json:"filed"`
	Note       string      `json:"note,omitempty"`
	Stamp
}

// Indicator returns the catalogue's indicator with the code, or nil.
func (c *Catalogue) Indicator(code string) *Indicator {
	for i := range c.Indicators {
		if c.Indicators[i].Code == code {
			return &c.Indicators[i]
		}
	}
	return nil
}

// Indicator fields and problems as the clerk sees them.
const (
	FieldIndicatorCode Field = "指标代码"
	FieldIndicatorName Field = "指标名称"
	FieldIndicatorUnit Field = "计量单位"
	FieldIndicatorVal  Field = "指标值"
	FieldCatalogue     Field = "指标目录"
	FieldYear          Field = "年度"

	ProblemCodeShape      Problem = "应为小写英文字母、数字和下划线"
	ProblemCodeTwice      Problem = "指标代码重复"
	ProblemUnknownCompute Problem = "不是程序能计算的指标"
	ProblemFiled          Problem = "该年度指标已报送，不能修改；如需修改请新建版本"
	ProblemNotNumber      Problem = "应为数字"
	ProblemNotInteger     Problem = "应为整数"
	ProblemBelowMin       Problem = "小于允许的最小值"
	ProblemAboveMax       Problem = "大于允许的最大值"
	ProblemNotAnswered    Problem = "该单位不填报此项指标"
	ProblemUnknownCode    Problem = "不在本年度指标目录中"
)

// Validate checks a catalogue: codes ASCII and unique, names and units
// given, computed codes known, bounds sensible.
func (c *Catalogue) Validate() error {
	if c.Year < 2000 || c.Year > 2100 {
		return fieldErr(FieldYear, ProblemOutOfRange, fmt.Sprint(c.Year))
	}
	seen := map[string]bool{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		ind.Code, ind.Name, ind.Unit = strings.TrimSpace(ind.Code), CleanText(ind.Name), CleanText(ind.Unit)
		ind.Group, ind.Of = CleanText(ind.Group), strings.TrimSpace(ind.Of)
		if ind.Kind == "" {
			ind.Kind = KindInteger
		}
		switch {
		case !codeShape(ind.Code):
			return fieldErr(FieldIndicatorCode, ProblemCodeShape, ind.Code)
		case seen[ind.Code]:
			return fieldErr(FieldIndicatorCode, ProblemCodeTwice, ind.Code)
		case ind.Name == "":
			return fieldErr(FieldIndicatorName, ProblemRequired, ind.Code)
		case ind.Unit == "":
			return fieldErr(FieldIndicatorUnit, ProblemRequired, ind.Name)
		case ind.Source != SourceComputed && ind.Source != SourceCollected:
			return fieldErr(FieldIndicatorCode, ProblemBadChoice, string(ind.Source))
		case ind.Source == SourceComputed && computeRules[ind.Code] == nil:
			return fieldErr(FieldIndicatorCode, ProblemUnknownCompute, ind.Code)
		case ind.Kind != KindInteger && ind.Kind != KindDecimal:
			return fieldErr(FieldIndicatorCode, ProblemBadChoice, string(ind.Kind))
		case ind.Max != 0 && ind.Max < ind.Min:
			return fieldErr(FieldIndicatorVal, ProblemOutOfRange, ind.Name)
		}
		seen[ind.Code] = true
	}
	return nil
}

func codeShape(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// CheckValue checks a collected value for ind: a number of its kind within
// its bounds.
func (ind *Indicator) CheckValue(v float64) *FieldError {
	switch {
	case ind.Kind == KindInteger && v != float64(int64(v)):
		return fieldErr(FieldIndicatorVal, ProblemNotInteger, ind.Name)
	case v < ind.Min:
		return fieldErr(FieldIndicatorVal, ProblemBelowMin, fmt.Sprintf("%s（%g）", ind.Name, ind.Min))
	case ind.Max != 0 && v > ind.Max:
		return fieldErr(FieldIndicatorVal, ProblemAboveMax, fmt.Sprintf("%s（%g）", ind.Name, ind.Max))
	}
	return nil
}

// Clone copies c deeply.
func (c Catalogue) Clone() Catalogue {
	c.Indicators = slices.Clone(c.Indicators)
	for i := range c.Indicators {
		c.Indicators[i].Answer = slices.Clone(c.Indicators[i].Answer)
	}
	return c
}

// DefaultCatalogue is the catalogue a year starts with when no earlier
// year has one: the program's computed figures, and the figures the
// group's annual reports quote from its member units (secretariat
// practice; seed 000's 2023 report).
func DefaultCatalogue(year int) Catalogue {
	colleges := []UnitType{"本科院校", "高职院校", "中职学校", "技工院校"}
	companies := []UnitType{"企业"}
	c := func(code, name, unit, group string) Indicator {
		return Indicator{Code: code, Name: name, Unit: unit, Source: SourceComputed, Kind: KindInteger, Group: group}
	}
	k := func(code, name, unit, group string, answer []UnitType) Indicator {
		return Indicator{Code: code, Name: name, Unit: unit, Source: SourceCollected, Kind: KindInteger, Group: group, Answer: answer}
	}
	inds := []Indicator{
		c("members_total", "成员单位总数", "家", "一、成员单位"),
		c("members_government", "其中：政府部门", "家", "一、成员单位"),
		c("members_company", "其中：企业", "家", "一、成员单位"),
		c("members_university", "其中：本科院校", "所", "一、成员单位"),
		c("members_higher_vocational", "其中：高职院校", "所", "一、成员单位"),
		c("members_secondary_vocational", "其中：中职学校", "所", "一、成员单位"),
		c("members_technician", "其中：技工院校", "所", "一、成员单位"),
		c("members_association", "其中：行业协会", "家", "一、成员单位"),
		c("members_research", "其中：科研院所", "家", "一、成员单位"),
		c("members_other", "其中：其他", "家", "一、成员单位"),
		{Code: "company_share", Name: "企业成员占比", Unit: "%", Source: SourceComputed, Kind: KindDecimal, Group: "一、成员单位"},
		c("members_joined", "本年新增成员单位", "家", "一、成员单位"),
		c("members_left", "本年退出成员单位", "家", "一、成员单位"),
		c("vocational_colleges", "职业院校成员数", "所", "一、成员单位"),
		c("cities", "覆盖地市数", "个", "一、成员单位"),
		c("provinces", "覆盖省份数", "个", "一、成员单位"),
		c("meetings_council", "召开理事会", "次", "二、运行机制"),
		c("meetings_standing", "召开常务理事会", "次", "二、运行机制"),
		c("meetings_committee", "召开工作委员会会议", "次", "二、运行机制"),
		c("meetings_joint", "召开联席会议", "次", "二、运行机制"),
		c("meetings_dispatch", "召开季度调度会", "次", "二、运行机制"),
		c("meetings_all", "召开各类会议", "次", "二、运行机制"),
		c("agreed_items", "会议议定事项", "项", "二、运行机制"),
		c("agreed_items_done", "其中：已办结", "项", "二、运行机制"),
		c("tasks_total", "督查任务", "项", "二、运行机制"),
		c("tasks_closed", "其中：办结销号", "项", "二、运行机制"),
		c("tasks_overdue", "其中：逾期未办结", "项", "二、运行机制"),
		c("inspections", "督查记录", "条", "二、运行机制"),
		k("training_bases", "共建共享实训基地", "个", "三、产教融合", nil),
		k("training_bases_national", "其中：国家级", "个", "三、产教融合", nil),
		k("training_projects", "承接培养培训项目", "个", "三、产教融合", nil),
		k("training_person_days", "培养师生和企业职工", "人日", "三、产教融合", nil),
		k("skill_certification", "技能鉴定", "人次", "三、产教融合", nil),
		k("dual_teacher_training", "双师培训", "人次", "三、产教融合", colleges),
		k("company_teachers", "企业骨干到院校兼职任教", "人次", "三、产教融合", companies),
		k("part_time_hours", "兼职教师任课总量", "学时", "三、产教融合", colleges),
		k("teacher_practice_months", "教师参与企业实践", "人月", "三、产教融合", colleges),
		k("industry_colleges", "现代产业学院", "个", "三、产教融合", colleges),
		k("order_classes", "订单班", "个", "三、产教融合", colleges),
		k("apprenticeship_classes", "现代学徒制班", "个", "三、产教融合", colleges),
		k("new_apprenticeship_classes", "企业新型学徒制班", "个", "三、产教融合", companies),
		k("joint_students", "校企联合培养学生", "人", "三、产教融合", colleges),
		k("joint_courses", "共建课程", "门", "四、资源共建", nil),
		k("joint_textbooks", "共建教材", "种", "四、资源共建", nil),
		k("course_standards", "共建课程标准", "个", "四、资源共建", nil),
		k("secondary_higher_students", "中高职贯通培养", "人", "四、资源共建", colleges),
		k("higher_bachelor_students", "高本贯通培养", "人", "四、资源共建", colleges),
		k("standards", "参与制定标准", "项", "四、资源共建", nil),
		k("contest_gold", "技能与创新创业大赛获奖（金奖）", "项", "五、社会服务与国际合作", nil),
		k("contest_silver", "技能与创新创业大赛获奖（银奖）", "项", "五、社会服务与国际合作", nil),
		k("foreign_students", "外国留学生", "人", "五、社会服务与国际合作", colleges),
		k("sino_foreign_students", "中外合作办学学生", "人", "五、社会服务与国际合作", colleges),
		k("exported_standards", "输出职业标准", "项", "五、社会服务与国际合作", nil),
		k("integration_companies", "国家级产教融合型企业", "家", "五、社会服务与国际合作", companies),
		{Code: "donated_equipment", Name: "企业捐赠设备值", Unit: "万元", Source: SourceCollected, Kind: KindDecimal,
			Group: "五、社会服务与国际合作", Answer: companies},
		{Code: "tech_service_income", Name: "技术服务到款", Unit: "万元", Source: SourceCollected, Kind: KindDecimal,
			Group: "五、社会服务与国际合作", Answer: colleges},
	}
	for i := range inds {
		if inds[i].Code == "training_bases_national" {
			inds[i].Of = "training_bases"
		}
	}
	return Catalogue{Year: year, Version: 1, Indicators: inds}
}
