package main

import "fmt"

// mspec is one meeting of the demo's last two years as the generator
// plans it; meetings.go turns it into the file's form. People are named
// by role ("unit|role"), resolved on the meeting's day.
type mspec struct {
	date, time, title, kind, body, place string
	planned                              bool // 筹备中: after the demo's today
	noMinutes                            bool // held, minutes not yet written
	host                                 string
	purpose                              string
	agenda                               []agendaSpec
	items                                []itemSpec
	extra, guests                        []string // roles invited besides the body's roster
}

type agendaSpec struct{ text, notes string }

// itemSpec is an agreed item: the lead unit does task within months
// (the due day is the end of that month).
type itemSpec struct {
	lead   string
	units  []string
	task   string
	months int
}

func role(unit, r string) string { return unit + "|" + r }

const (
	secretariatName = "秘书处"
	placeHall       = "潍海化工职业学院学术报告厅"
	placeRoom       = "潍海化工职业学院行政楼三楼第一会议室"
	placeOffice     = "集团秘书处会议室（潍海化工职业学院行政楼302室）"
)

var (
	chair     = role(lead, rHead)
	execChair = role(lead, rExec)
	secGen    = role(lead, rSec)
	deputy    = role(lead, rDeputy)
	coop      = role(lead, rDeputy2)
)

// quarterlyExtra are the lead units' people a 季度调度会 invites besides
// the secretariat: who reports on the items their units lead.
var quarterlyExtra = []string{
	role("潍海职业技术学院", rExpert), role("潍海工程职业学院", rExpert), role("潍海学院", rExpert),
	role("潍海市化工学校", rExpert), role("潍海新宇精细化工有限公司", rLiaison), role("潍海瑞丰农化股份有限公司", rLiaison),
}

// employmentCommittee and researchCommittee are the two working
// committees the demo has no body for: their members are invited by hand.
var employmentCommittee = []string{
	coop, role("潍海新宇精细化工有限公司", rLiaison), role("潍海瑞丰农化股份有限公司", rLiaison),
	role("潍海联创医药化工有限公司", rLiaison), role("潍海北辰生物化工有限公司", rLiaison),
	role("潍海市化工学校", rExpert), role("潍海市技师学院", rExpert), role("潍海市人力资源和社会保障局", rOfficial), deputy,
}

var researchCommittee = []string{
	role("潍海学院", rExpert), role("潍海市化工研究院", rLiaison), role("潍海新宇精细化工有限公司", rExpert),
	role("潍海海晟盐化有限公司", rExpert), role("潍海联创医药化工有限公司", rExpert), role("潍海立信石化有限公司", rExpert),
	role("潍海中研催化材料有限公司", rLiaison), coop,
}

// officePool and quarterPool are what the regular meetings discuss; each
// meeting takes a few by hash after its fixed first item.
var officePool = []agendaSpec{
	{"研究成员单位入会申请初审意见", "对近期提交入会申请的单位材料进行了初审，同意提交常务理事会审议。"},
	{"研究集团年度工作要点分解落实", "逐项梳理年度工作要点，明确了牵头单位和完成时限。"},
	{"研究集团网站和微信公众号信息发布工作", "要求各成员单位明确一名信息员，每月至少报送一条工作信息。"},
	{"研究化工生产技术职业技能大赛承办事宜", "同意由潍海化工职业学院承办市级化工生产技术赛项，秘书处做好协调服务。"},
	{"研究集团会费收缴和经费使用情况", "秘书处通报了会费收缴进度，对尚未缴纳的单位由秘书处逐一联系。"},
	{"研究产教融合典型案例征集工作", "决定面向成员单位征集产教融合典型案例，择优汇编成册。"},
	{"研究暑期专业教师企业实践安排", "拟安排成员院校专业教师赴合作企业开展为期一个月的岗位实践。"},
}

var officeItems = []itemSpec{
	{lead, []string{secretariatName}, "完成集团工作简报编印", 2},
	{"潍海市化工行业协会", nil, "汇总成员企业用工需求并向成员院校发布", 2},
	{lead, []string{secretariatName}, "完成成员单位联系人信息核对更新", 1},
	{"潍海职业技术学院", nil, "报送化工生产技术赛项承办方案", 2},
	{"潍海新宇精细化工有限公司", []string{"潍海瑞丰农化股份有限公司"}, "落实专业教师企业实践岗位", 3},
	{"潍海市化工研究院", nil, "提交产学研合作项目储备清单", 3},
	{"潍海工程职业学院", []string{"潍海市化工学校"}, "完成产教融合典型案例初稿", 3},
}

var quarterPool = []agendaSpec{
	{"研究订单班招生和学生跟岗实习安排", "各订单班合作企业提出了岗位需求，成员院校据此调整招生计划。"},
	{"研究化工安全生产实训基地共建进展", "实训基地主体工程已完工，设备采购论证须加快推进。"},
	{"研究“双师型”教师培训计划", "同意分两期举办“双师型”教师能力提升培训班。"},
	{"研究中高职贯通培养衔接工作", "中职学校与高职院校就课程衔接和转段考核交换了意见。"},
}

var quarterItems = []itemSpec{
	{lead, []string{"潍海瑞丰农化股份有限公司"}, "完成化工安全实训基地设备采购论证", 3},
	{"潍海瑞丰农化股份有限公司", nil, "落实订单班学生跟岗实习岗位", 2},
	{"潍海市化工学校", []string{"潍海职业技术学院"}, "完成中高职贯通培养衔接课程标准编制", 4},
	{"潍海工程职业学院", nil, "完成“双师型”教师培训班报名组织", 2},
	{"潍海市化工行业协会", nil, "发布化工行业紧缺岗位目录", 3},
	{"潍海新宇精细化工有限公司", nil, "接收第二批企业实践教师", 3},
}

// officeMeeting is the n-th 秘书长办公会 of a year, every two months.
func officeMeeting(date string, n int, planned bool) mspec {
	m := mspec{date: date, time: "15:00", title: fmt.Sprintf("%s年第%s次秘书长办公会", date[:4], cn(n)),
		kind: "秘书长办公会", body: secretariatName, place: placeOffice, host: secGen, planned: planned,
		agenda: []agendaSpec{{"听取秘书处近两个月重点工作进展情况汇报", "副秘书长宋雪梅汇报了成员单位联络、会议筹备、信息报送等工作进展。"}}}
	m.agenda = append(m.agenda, pickSome(officePool, 1+int(hash(m.title, "n")%2), m.title)...)
	m.items = pickSome(officeItems, 2+int(hash(m.title, "items")%2), m.title)
	return m
}

// quarterMeeting is a quarter's 工作调度会, in its last month.
func quarterMeeting(date string, q int) mspec {
	y := date[:4]
	next := fmt.Sprintf("部署第%s季度重点工作", cn(q+1))
	if q == 4 {
		next = fmt.Sprintf("部署%d年第一季度重点工作", atoi(y)+1)
	}
	m := mspec{date: date, time: "09:00", title: fmt.Sprintf("%s年第%s季度工作调度会", y, cn(q)), kind: "季度调度会",
		body: secretariatName, place: placeRoom, host: secGen, extra: quarterlyExtra,
		agenda: []agendaSpec{
			{fmt.Sprintf("听取各牵头单位第%s季度重点工作推进情况汇报", cn(q)), "各牵头单位逐项汇报了议定事项和年度重点工作的推进情况。"},
			{"通报上一阶段议定事项督办情况", "秘书处通报督办情况：已完成事项予以销号，逾期事项明确了整改时限。"},
		}}
	m.agenda = append(m.agenda, pickSome(quarterPool, int(hash(m.title, "n")%2), m.title)...)
	m.agenda = append(m.agenda, agendaSpec{next, "会议对下一阶段重点工作作了安排。"})
	m.items = pickSome(quarterItems, 2+int(hash(m.title, "items")%3), m.title)
	return m
}

// pickSome takes n distinct entries of pool, chosen by the key.
func pickSome[T any](pool []T, n int, key string) []T {
	var out []T
	used := map[int]bool{}
	for salt := 0; len(out) < n && len(out) < len(pool); salt++ {
		i := int(hash(key, fmt.Sprint(salt), "pick") % uint64(len(pool)))
		if !used[i] {
			used[i] = true
			out = append(out, pool[i])
		}
	}
	return out
}

func cn(n int) string {
	return []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[n]
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}
