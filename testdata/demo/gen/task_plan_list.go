package main

import (
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// planTasks are the fourteen tasks of the 2026 工作要点, all broken down on
// planStart, with their milestones (节点).
func planTasks() []tspec {
	ts := []tspec{
		{title: "推进市域产教联合体建设", category: "产教融合", lead: lead, units: []string{"潍海市教育局", "潍海学院"}, deadline: "2026-12-31",
			requirement: "按照市域产教联合体建设要求，完成申报、组建和运行机制建设。",
			milestones:  []mileSpec{{date: "2026-07-31", expected: "报送联合体申报材料"}, {date: "2026-10-31", expected: "召开联合体成立大会"}},
			work: []string{"成立联合体筹建工作组，制定建设方案", "对接市教育局，明确申报条件和材料要求", "完成申报材料报送",
				"起草联合体章程和理事会组成方案", "召开联合体成立大会，选举理事会", "制定联合体年度工作计划和运行制度"}},
		{title: "建设化工专业教学资源库", category: "专业建设", lead: lead, units: []string{"潍海职业技术学院", "潍海工程职业学院"},
			deadline: "2026-12-31", lag: -10, requirement: "完成化工技术类专业教学资源库年度建设任务，新增课程资源不少于30门。",
			milestones: []mileSpec{{date: "2026-08-31", expected: "首批20门课程资源上线"}, {date: "2026-11-30", expected: "完成资源库年度自评"}},
			work: []string{"细化课程建设分工，下达年度建设任务书", "组织教师录制微课和实训操作视频", "首批课程资源上线试运行",
				"组织第二批课程资源建设", "开展资源库年度自评，整理验收材料"}},
		{title: "举办化工生产技术职业技能竞赛", category: "技能竞赛", lead: "潍海职业技术学院", units: []string{"潍海市化工行业协会"},
			deadline: "2026-10-31", done: "2026-10-23", closeAfter: 14, doneText: "竞赛已于10月22日举办，成员院校和企业共86名选手参赛",
			milestones: []mileSpec{{date: "2026-09-30", expected: "完成竞赛报名和赛前培训"}},
			work:       []string{"制定竞赛方案和技术文件", "发布竞赛通知，组织成员单位报名", "完成竞赛报名和赛前培训", "落实赛场、裁判和安全保障"}},
		{title: "开展“双师型”教师企业实践", category: "师资队伍", lead: "潍海工程职业学院",
			units: []string{"潍海新宇精细化工有限公司", "潍海瑞丰农化股份有限公司"}, deadline: "2026-09-30", done: "2026-09-04",
			doneText: "已组织42名专业教师完成暑期企业实践", milestones: []mileSpec{{date: "2026-07-31", expected: "首批教师进企业实践"}},
			work: []string{"摸排教师企业实践需求", "与合作企业确定实践岗位和指导师傅", "首批教师进企业实践", "开展实践考核和成果交流"}},
		redTask(),
		{title: "编制集团化办学年度质量报告", category: "集团治理", lead: lead, units: []string{secretariatName}, deadline: "2026-12-31",
			months: 3, requirement: "按季度报送编制进展，年底前完成2026年度质量报告。",
			milestones: []mileSpec{{date: "2026-08-31", expected: "完成数据采集表设计并下发"}, {date: "2026-11-30", expected: "完成报告初稿"}},
			work:       []string{"确定报告框架和编写分工", "完成数据采集表设计并下发", "汇总成员单位数据，撰写报告初稿"}},
		simulationCentre(),
		{title: "拓展订单班和现代学徒制试点", category: "产教融合", lead: "潍海职业技术学院",
			units: []string{"潍海新宇精细化工有限公司", "潍海恒润化工有限公司"}, deadline: "2026-09-30", done: "2026-09-16",
			doneText: "已新增订单班3个、现代学徒制试点班1个", milestones: []mileSpec{{date: "2026-07-31", expected: "签订订单培养协议"}},
			work: []string{"征集企业订单培养需求", "与企业商定培养方案和招生计划", "签订订单培养协议", "完成订单班学生遴选和开班"}},
		{title: "开展成员企业职工技能培训", category: "社会服务", lead: "潍海市技师学院", units: []string{"潍海市职业技能鉴定指导中心"},
			deadline: "2026-11-30", done: "2026-11-26", doneText: "全年完成成员企业职工技能培训3260人次",
			milestones: []mileSpec{{date: "2026-08-31", expected: "完成培训1500人次"}},
			work: []string{"调查成员企业培训需求，制定年度培训计划", "开展化工总控工、危险化学品安全作业培训", "完成培训1500人次",
				"组织第二批职工技能培训和鉴定"}},
		{title: "组织职业教育活动周集团系列活动", category: "宣传", lead: "潍海市化工学校", units: []string{"潍海市职业中等专业学校"},
			deadline: "2026-05-31", done: "2026-05-22", doneText: "活动周期间举办开放日、技能展示等活动8场",
			work: []string{"制定活动周工作方案", "组织成员院校开放日和技能展示"}},
		platformTask(),
		{title: "开展产教融合型企业培育", category: "产教融合", lead: "潍海市化工行业协会", units: []string{"潍海市教育局"},
			deadline: "2026-12-31", milestones: []mileSpec{{date: "2026-09-30", expected: "推荐第一批培育企业名单"}},
			work: []string{"制定培育工作方案", "组织成员企业申报", "推荐第一批培育企业名单", "开展培育企业跟踪指导"}},
		{title: "举办集团成员企业专场招聘会", category: "就业创业", lead: lead, units: []string{"潍海市化工行业协会"},
			deadline: "2026-11-30", done: "2026-11-21", closeAfter: 6, doneText: "招聘会已于11月20日举办，62家成员企业提供岗位1350个",
			milestones: []mileSpec{{date: "2026-10-31", expected: "发布招聘会通知和岗位信息"}},
			work:       []string{"制定招聘会方案", "征集成员企业招聘岗位", "发布招聘会通知和岗位信息", "落实场地和学生组织工作"}},
		{title: "推进化工类专业国际合作办学", category: "国际合作", lead: "潍海学院", units: []string{"潍海职业技术学院"},
			deadline: "2026-12-31", missing: []string{"2026-09"},
			work: []string{"梳理国际合作意向院校", "与合作院校开展线上交流", "商定合作专业和培养方案", "起草合作办学协议"}},
	}
	for i := range ts {
		ts[i].start = planStart
	}
	return ts
}

// redTask went red in July: its extension, asked in time, was approved
// only in August, so the July flag was corrected to 黄.
func redTask() tspec {
	return tspec{title: "修订成员单位年度考核评价办法", category: "集团治理", lead: lead, units: []string{secretariatName},
		deadline: "2026-06-30", done: "2026-09-18", doneText: "考核评价办法经第四届常务理事会第三次会议审议通过并印发",
		requirement: "修订成员单位年度考核评价办法，报常务理事会审议后印发。",
		work:        []string{"梳理现行考核评价办法执行情况", "形成修订稿初稿", "征求成员单位意见", "修订稿已完成，待常务理事会审议"},
		ext: &demo.Extension{Requested: day("2026-06-22"), Reason: "考核评价办法须提交常务理事会审议，常务理事会会期调整至9月中旬",
			NewDeadline: day("2026-09-30"), Decision: string(store.ExtApproved), Decided: day("2026-08-04")},
		percents: map[string]int{"2026-05": 20, "2026-06": 70, "2026-07": 80, "2026-08": 85},
		corrections: []demo.Correction{{Round: "2026-07", Date: day("2026-08-05"), Flag: string(store.FlagYellow),
			Reason: "延期申请已于6月22日在完成时限前提出，8月4日获批；7月逾期系审批未及时办理所致，按批准后的时限考核，改为黄色预警"}}}
}

// simulationCentre reached its October milestone only in November.
func simulationCentre() tspec {
	return tspec{title: "建设化工安全生产虚拟仿真实训中心", category: "实训基地", lead: lead,
		units: []string{"潍海安泰化工安全技术服务有限公司", "潍海智化数字科技有限公司"}, deadline: "2026-12-31",
		milestones: []mileSpec{{date: "2026-07-31", expected: "完成建设方案论证"}, {date: "2026-10-20", expected: "完成软件平台采购", late: "2026-11"}},
		work: []string{"开展需求调研，编制建设方案", "完成建设方案论证", "编制采购需求，启动招标", "完成软件平台采购",
			"安装调试仿真软件，开展教师培训"},
		issues: map[string]issue{"2026-10": {"软件平台采购招标流程较计划推迟", "协调招标采购部门加快流程，11月20日前完成采购", "2026-11-20"}}}
}

// platformTask lags all year.
func platformTask() tspec {
	return tspec{title: "建设集团信息化管理平台", category: "集团治理", lead: "潍海智化数字科技有限公司", units: []string{lead},
		deadline: "2026-12-31", lag: 20, missing: []string{"2026-08"},
		work: []string{"开展平台需求调研", "完成平台功能设计", "统一成员单位数据接口标准", "完成成员管理和会议管理模块开发",
			"完成督查督办模块开发", "组织试运行"},
		issues: map[string]issue{
			"2026-09": {"平台需求调研不充分，成员单位数据接口标准未统一", "组织成员单位信息化负责人召开需求对接会，统一数据接口标准", "2026-10-20"},
			"2026-11": {"平台开发进度滞后于计划", "增加开发人员，按周报送开发进度", "2026-12-15"}}}
}
