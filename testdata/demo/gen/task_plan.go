package main

import (
	"slices"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// The plan's tasks come from the 工作要点 the council adopted at its 2026
// meeting (第四届理事会第二次会议), broken down by the secretariat in May.
const (
	planName  = "2026年集团工作要点"
	planDate  = "2026-04-24"
	planStart = "2026-05-06"
)

// workSets are the usual stages of a kind of work, for the monthly
// progress texts of the items' tasks.
var workSets = map[string][]string{
	"people": {"摸排岗位需求，制定工作计划", "与合作企业逐一对接，确定岗位和指导人员", "落实人员名单，组织岗前安全培训",
		"人员已全部到岗，实行校企双导师跟踪管理"},
	"submit": {"成立工作专班，明确任务分工和时间节点", "收集整理佐证材料，完成材料清单核对", "形成材料初稿，组织内部审核",
		"组织专家论证，根据意见修改完善"},
	"rules": {"开展专题调研，收集成员单位意见建议", "形成初稿，提交秘书处审核", "征求成员单位和专家意见，逐条研究吸收",
		"修改完善，形成送审稿"},
	"report": {"制定工作方案，下发材料报送通知", "收集各成员单位报送材料，逐份审核", "汇总整理，形成初稿", "审核校对，修改完善"},
	"event": {"制定工作方案，明确分工和日程安排", "发布通知，组织成员单位报名", "落实场地、参会人员和服务保障",
		"完成各项筹备工作，组织实施"},
	"build": {"完成组建方案论证", "与共建单位商定合作协议主要条款", "推进场地、设备和人员落实", "完成共建协议签订，筹备首次共建会议"},
}

// taskPlan is the year's tasks: about three in five from the minutes'
// agreed items, the rest from the plan, with the stories the demo needs
// — rounds left unreported, rectifications, one extension approved after
// a red month (its flag corrected) and one refused, a task escalated, one
// stopped, one deadline moved and one closed by the quarterly dispatch.
func taskPlan() []tspec {
	return slices.Concat(itemTasks2025(), itemTasks2026(), planTasks())
}

func itemTasks2025() []tspec {
	const office, community, standing = "2025年第六次秘书长办公会", "潍海市精细化工产教融合共同体2025年度工作会议", "第四届常务理事会第二次会议"
	return []tspec{
		{meeting: office, item: "落实专业教师企业实践岗位", kind: "people", missing: []string{"2026-01"}},
		{meeting: office, item: "报送化工生产技术赛项承办方案", kind: "submit"},
		{meeting: community, item: "完成实训基地设备清单确认", work: []string{"梳理实训教学项目，初步提出设备需求",
			"与企业技术人员逐项核对设备型号、数量和技术参数", "形成设备清单，报共同体成员单位确认"}},
		{meeting: community, item: "制定企业工程师兼职授课管理办法", kind: "rules"},
		{meeting: community, item: "选派工程师到成员院校授课", kind: "people"},
		{meeting: standing, item: "完成集团2025年度产教融合典型案例汇编", kind: "report"},
		{meeting: standing, item: "组织成员企业参加省化工行业人才交流会", kind: "event"},
	}
}

func itemTasks2026() []tspec {
	const (
		research, q1, council = "产学研协调委员会2026年第一次会议", "2026年第一季度工作调度会", "第四届理事会第二次会议"
		guidance, standing    = "专业建设指导委员会2026年工作会议", "第四届常务理事会第三次会议"
	)
	return []tspec{
		{meeting: "2026年第一次秘书长办公会", item: "完成集团工作简报编印", kind: "report",
			decisions: map[string]demo.Decision{"2026-Q1": {Decision: string(store.DispatchClose), Requirement: "第一季度集团工作简报已编印发放，予以办结销号"}}, byDispatch: true},
		{meeting: research, item: "汇总发布2026年度企业技术需求清单", kind: "report"},
		{meeting: research, item: "制定揭榜攻关项目管理办法", kind: "rules"},
		escalatedTask(research),
		{meeting: q1, item: "完成化工安全实训基地设备采购论证", kind: "submit"},
		{meeting: q1, item: "完成“双师型”教师培训班报名组织", kind: "event"},
		{meeting: council, item: "完成化工专业群人才培养方案修订", kind: "rules"},
		{meeting: council, item: "完成市域产教联合体申报材料报送", kind: "submit"},
		industryCollege(council),
		{meeting: council, item: "发布2026年度化工行业人才需求报告", kind: "report", missing: []string{"2026-07"}},
		{meeting: "2026年第三次秘书长办公会", item: "完成集团工作简报编印", title: "完成第三季度集团工作简报编印", kind: "report",
			stop: &stepSpec{"2026-07-10", "经2026年第四次秘书长办公会研究，集团工作简报改为按月编发电子版，纳入秘书处日常工作，本事项中止"}},
		refusedExtension(guidance),
		{meeting: guidance, item: "申报化工总控工职业技能等级认定试点", kind: "submit"},
		{meeting: standing, item: "完成现代化工产业学院章程起草", kind: "rules", lag: 10, issues: map[string]issue{
			"2026-11": {"章程中理事会组成和经费管理条款须与共建企业进一步协商", "由潍海学院牵头召开共建单位协商会，逐条确认分歧条款", "2026-12-10"}}},
		{meeting: standing, item: "完成公共实训基地共享使用办法", kind: "rules"},
		{meeting: "2026年第三季度工作调度会", item: "发布化工行业紧缺岗位目录", kind: "report"},
	}
}

// escalatedTask is overdue since May: urged, escalated by the second
// quarter's dispatch, still open at the year's end.
func escalatedTask(meeting string) tspec {
	return tspec{meeting: meeting, item: "提出首批揭榜攻关项目", missing: []string{"2026-08"},
		work: []string{"梳理成员企业技术难题，形成需求清单", "组织院校专家与企业技术人员对接", "筛选形成首批揭榜项目建议",
			"组织专家论证，确定项目技术路线", "编制项目申报书"},
		percents: map[string]int{"2026-03": 10, "2026-04": 25, "2026-05": 40, "2026-06": 45, "2026-07": 50,
			"2026-09": 55, "2026-10": 60, "2026-11": 70},
		urges: []stepSpec{{"2026-06-03", "已超过完成时限，印发催办单"}},
		decisions: map[string]demo.Decision{"2026-Q2": {Decision: string(store.DispatchEscalate),
			Requirement: "已逾期，提级督办，由执行理事长协调推进"}},
		issues: map[string]issue{
			"2026-06": {"企业技术需求与院校研发方向对接不充分，项目论证进展缓慢", "由潍海学院选派专家驻企对接，每两周报送一次进展", "2026-07-15"},
			"2026-09": {"首批项目技术路线尚未确定", "组织专家论证会，确定首批3个项目的技术路线", "2026-10-15"},
			"2026-11": {"企业研发人员不足，项目申报书尚未定稿", "执行理事长牵头协调，抽调院校教师协助编制申报书", "2026-12-15"},
		}}
}

// industryCollege is slow, and the third quarter's dispatch moves its
// deadline.
func industryCollege(meeting string) tspec {
	return tspec{meeting: meeting, item: "组建现代化工产业学院并召开首次共建会议", kind: "build", lag: 15,
		decisions: map[string]demo.Decision{"2026-Q3": {Decision: string(store.DispatchDeadline), NewDeadline: day("2027-06-30"),
			Requirement: "结合产业学院章程起草进度，完成时限调整至2027年6月底"}},
		issues: map[string]issue{"2026-08": {"共建单位投入分担比例尚未商定", "由秘书处协调三方召开专题协调会", "2026-09-15"}}}
}

// refusedExtension asks for more time, is refused, and runs late.
func refusedExtension(meeting string) tspec {
	return tspec{meeting: meeting, item: "完成新能源材料方向专业设置论证报告", lag: 10,
		work: []string{"制定论证工作方案，组建论证小组", "赴新能源材料企业开展岗位需求调研", "分析调研数据，形成论证报告框架",
			"撰写论证报告初稿", "征求专家和企业意见，修改完善"},
		ext: &demo.Extension{Requested: day("2026-10-15"), Reason: "新能源材料企业调研样本不足，申请延期至12月底",
			NewDeadline: day("2026-12-31"), Decision: string(store.ExtRefused), Decided: day("2026-10-20")},
		urges:  []stepSpec{{"2026-11-03", "延期申请未获批准，已超过完成时限，印发催办单"}},
		issues: map[string]issue{"2026-11": {"企业调研样本不足，论证报告尚未定稿", "补充调研3家新入会新能源企业，12月上旬报送论证报告", "2026-12-08"}}}
}
