package main

import (
	"cmp"
	"slices"
)

// meetingPlan is the demo's meetings from January 2025 to a few weeks
// after its today, in date order: the council once a year (on the days
// the member file's admissions name), the standing council twice, the
// secretary-general's office every two months, a 调度会 each quarter, the
// working committees and the 共同体 once a year.
func meetingPlan() []mspec {
	ms := slices.Concat(councilMeetings(), standingMeetings(), committeeMeetings())
	for i, d := range []string{"2025-01-10", "2025-03-14", "2025-05-09", "2025-07-11", "2025-09-12", "2025-11-14"} {
		ms = append(ms, officeMeeting(d, i+1, false))
	}
	for i, d := range []string{"2026-01-09", "2026-03-13", "2026-05-08", "2026-07-10", "2026-09-11", "2026-12-11"} {
		ms = append(ms, officeMeeting(d, i+1, d > demoToday))
	}
	for i, d := range []string{"2025-03-28", "2025-06-27", "2025-09-26", "2025-12-26", "2026-03-27", "2026-06-26", "2026-09-25"} {
		ms = append(ms, quarterMeeting(d, i%4+1))
	}
	slices.SortStableFunc(ms, func(a, b mspec) int { return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.time, b.time)) })
	return ms
}

func councilMeetings() []mspec {
	return []mspec{{
		date: m25.date, time: "09:00", title: m25.basis, kind: "理事会", body: "理事会", place: placeHall, host: chair,
		purpose: "为总结第三届理事会工作，完成集团理事会换届", guests: []string{role("潍海市工业和信息化局", rOfficial)},
		agenda: []agendaSpec{
			{"听取并审议第三届理事会工作报告", "理事长刘振华代表第三届理事会作工作报告，总结了五年来集团在专业共建、师资互聘、订单培养等方面的工作。"},
			{"审议《潍海市化工职业教育集团章程（修订稿）》", "秘书长梁晓东作章程修订说明，会议审议通过修订后的章程。"},
			{"选举产生第四届理事会理事长、执行理事长和秘书长", "会议选举孙立新为理事长，周海燕为执行理事长，梁晓东为秘书长。"},
			{"审议新成员单位入会申请", "会议同意东营石化高级技工学校加入集团，并审议通过部分成员单位类别调整。"},
		},
		items: []itemSpec{
			{lead, []string{secretariatName}, "完成第四届理事会成员名册和修订后章程的印发", 1},
			{lead, []string{"潍海职业技术学院", "潍海学院"}, "制定《集团2025—2030年发展规划》", 3},
			{"潍海市化工行业协会", nil, "完成2025年度化工行业人才需求调研并形成报告", 5},
			{"潍海学院", []string{lead}, "完成现代化工产业学院建设方案论证", 7},
		},
	}, {
		date: m26.date, time: "09:00", title: m26.basis, kind: "理事会", body: "理事会", place: placeHall, host: chair,
		purpose: "为总结集团2025年工作，部署2026年重点任务", guests: []string{role("潍海市应急管理局", rOfficial)},
		agenda: []agendaSpec{
			{"听取秘书处2025年工作报告", "秘书长梁晓东作2025年工作报告，全年召开各类会议二十余次，议定事项按期完成率较上年提高。"},
			{"审议集团2026年工作要点", "会议审议通过2026年工作要点，突出产教联合体建设和专业群人才培养方案修订。"},
			{"审议潍海绿源新能源材料有限公司等3家单位入会申请", "会议同意潍海绿源新能源材料有限公司、东营蓝海氢能科技有限公司、青岛西岸化工职业中等专业学校加入集团。"},
			{"审议理事调整事项", "会议同意孔庆丰接替于振国担任集团理事。"},
		},
		items: []itemSpec{
			{"潍海职业技术学院", []string{"潍海工程职业学院"}, "完成化工专业群人才培养方案修订", 2},
			{lead, []string{secretariatName}, "完成市域产教联合体申报材料报送", 3},
			{"潍海学院", []string{lead, "潍海市化工研究院"}, "组建现代化工产业学院并召开首次共建会议", 8},
			{"潍海市化工行业协会", nil, "发布2026年度化工行业人才需求报告", 6},
			{"潍海新宇精细化工有限公司", []string{"潍海瑞丰农化股份有限公司"}, "新增订单班两个", 4},
		},
	}}
}

func standingMeetings() []mspec {
	return []mspec{{
		date: "2025-03-21", time: "14:30", title: "第三届常务理事会第九次会议", kind: "常务理事会", body: "常务理事会",
		place: placeRoom, host: chair, purpose: "为做好集团理事会换届准备工作",
		agenda: []agendaSpec{
			{"审议集团换届工作方案", "会议同意于5月中旬召开第四届理事会第一次会议，完成换届。"},
			{"审议第四届理事会理事单位推荐名单", "会议审议了各单位推荐情况，同意提交理事会选举。"},
			{"审议新成员单位入会申请", "会议同意东营石化高级技工学校入会申请，提交理事会批准。"},
		},
		items: []itemSpec{
			{lead, []string{secretariatName}, "完成换届大会会务筹备", 1},
			{lead, nil, "完成第三届理事会工作报告起草", 1},
			{"潍海市化工行业协会", []string{secretariatName}, "完成章程修订意见征集", 1},
		},
	}, {
		date: m25.date, time: "14:30", title: "第四届常务理事会第一次会议", kind: "常务理事会", body: "常务理事会",
		place: placeRoom, host: chair, purpose: "为研究第四届理事会工作分工",
		agenda: []agendaSpec{
			{"研究第四届理事会领导成员工作分工", "会议明确了理事长、执行理事长和各副理事长单位的分工。"},
			{"审议集团2025年工作要点", "会议原则通过2025年工作要点，由秘书处分解落实。"},
		},
		items: []itemSpec{
			{lead, []string{secretariatName}, "印发集团2025年工作要点及任务分解表", 1},
			{"潍海职业技术学院", nil, "牵头组建化工专业群建设协作组", 3},
		},
	}, {
		date: "2025-12-12", time: "14:30", title: "第四届常务理事会第二次会议", kind: "常务理事会", body: "常务理事会",
		place: placeRoom, host: chair, purpose: "为总结集团2025年工作，研究2026年工作思路",
		agenda: []agendaSpec{
			{"听取秘书处2025年工作情况汇报", "秘书长梁晓东汇报了2025年工作完成情况和2026年工作思路。"},
			{"研究2026年集团工作要点（征求意见稿）", "会议对征求意见稿提出了修改意见，由秘书处修改后提交理事会审议。"},
			{"通报潍海东方石化设备安装有限公司退出集团有关情况", "该单位因经营调整申请退出，会议予以确认。"},
		},
		items: []itemSpec{
			{lead, []string{secretariatName}, "完成2026年集团工作要点修改", 2},
			{"潍海工程职业学院", nil, "完成集团2025年度产教融合典型案例汇编", 3},
			{"潍海市化工行业协会", []string{"鲁东石油和化学工业协会"}, "组织成员企业参加省化工行业人才交流会", 4},
		},
	}, {
		date: s26.date, time: "14:30", title: s26.basis, kind: "常务理事会", body: "常务理事会",
		place: placeRoom, host: chair, purpose: "为审议新成员单位入会申请，研究下半年重点工作",
		agenda: []agendaSpec{
			{"审议烟台瑞康医药中间体有限公司等2家单位入会申请", "会议同意烟台瑞康医药中间体有限公司、潍海经济开发区公共实训基地加入集团。"},
			{"听取2026年上半年工作情况汇报", "秘书处汇报了上半年议定事项完成情况，产业学院组建进度偏慢。"},
			{"研究市域产教联合体建设推进工作", "会议要求各副理事长单位明确一名联络人，配合做好联合体建设。"},
		},
		items: []itemSpec{
			{"潍海学院", []string{lead}, "完成现代化工产业学院章程起草", 2},
			{lead, []string{"潍海经济开发区公共实训基地"}, "完成公共实训基地共享使用办法", 3},
			{"潍海市化工行业协会", nil, "组织新入会单位参加集团工作培训", 1},
		},
	}, {
		date: "2026-12-18", time: "14:30", title: "第四届常务理事会第四次会议", kind: "常务理事会", body: "常务理事会",
		place: placeRoom, host: chair, planned: true, purpose: "为总结集团2026年工作，研究2027年工作要点",
		agenda: []agendaSpec{
			{"听取秘书处2026年工作报告", ""},
			{"审议2027年集团工作要点（草案）", ""},
			{"审议潍海安达危化品运输有限公司入会申请", ""},
		},
	}}
}

func committeeMeetings() []mspec {
	return []mspec{{
		date: "2025-06-13", time: "14:30", title: "专业建设指导委员会2025年工作会议", kind: "工作委员会会议",
		body: "专业建设指导委员会", place: placeRoom, host: execChair, purpose: "为做好化工技术类专业人才培养方案修订工作",
		agenda: []agendaSpec{
			{"审议化工技术类专业人才培养方案修订指导意见", "委员们结合企业岗位变化提出了修改意见，会议原则通过指导意见。"},
			{"研究专业教学资源库共建共享", "同意以潍海化工职业学院现有资源库为基础，成员院校分工建设课程资源。"},
			{"部署2025年专业建设重点工作", ""},
		},
		items: []itemSpec{
			{"潍海职业技术学院", []string{"潍海工程职业学院", "东营石化职业技术学院"}, "完成化工专业群人才培养方案修订", 6},
			{lead, nil, "完成专业教学资源库课程建设分工", 2},
			{"潍海恒润化工有限公司", nil, "提供典型生产案例不少于十个", 4},
		},
	}, {
		date: "2025-10-17", time: "14:30", title: "就业创业指导委员会2025年工作会议", kind: "工作委员会会议",
		place: placeRoom, host: coop, extra: employmentCommittee, purpose: "为做好2026届毕业生就业工作",
		agenda: []agendaSpec{
			{"通报2025届毕业生就业情况", "成员院校化工类专业毕业生就业率保持较高水平，留潍就业比例有所提高。"},
			{"研究成员企业校园招聘会安排", "同意于11月下旬举办集团成员企业专场招聘会。"},
			{"研究学生创新创业大赛组织工作", ""},
		},
		items: []itemSpec{
			{lead, []string{"潍海市化工行业协会"}, "举办集团成员企业专场招聘会", 1},
			{"潍海新宇精细化工有限公司", nil, "提供2026届毕业生实习就业岗位五十个", 3},
		},
	}, {
		date: "2025-11-21", time: "09:30", title: "潍海市精细化工产教融合共同体2025年度工作会议", kind: "联席会议",
		body: "潍海市精细化工产教融合共同体", place: "潍海新宇精细化工有限公司研发中心会议室", host: execChair,
		purpose: "为总结共同体2025年工作，研究实训基地共建共享",
		agenda: []agendaSpec{
			{"总结共同体2025年工作", "牵头单位总结了共同体一年来在联合培养、技术服务方面的工作。"},
			{"研究精细化工实训基地共建共享", "各成员单位同意按设备清单分担实训基地建设任务。"},
			{"研究企业工程师进课堂计划", "企业成员单位每学期选派工程师到院校授课。"},
		},
		items: []itemSpec{
			{"潍海新宇精细化工有限公司", []string{lead}, "完成实训基地设备清单确认", 2},
			{lead, []string{"潍海学院"}, "制定企业工程师兼职授课管理办法", 3},
			{"潍海中研催化材料有限公司", nil, "选派工程师到成员院校授课", 4},
		},
	}, {
		date: "2026-03-20", time: "14:30", title: "产学研协调委员会2026年第一次会议", kind: "工作委员会会议",
		place: "潍海市化工研究院二楼会议室", host: role("潍海学院", rExpert), extra: researchCommittee,
		purpose: "为征集2026年度产学研合作项目",
		agenda: []agendaSpec{
			{"征集2026年度产学研合作项目", "成员企业提出技术需求十余项，成员院校和研究院提出合作意向。"},
			{"研究企业技术难题揭榜攻关机制", "会议同意试行“企业出题、院校答题”的揭榜攻关办法。"},
		},
		items: []itemSpec{
			{"潍海市化工研究院", []string{"潍海学院"}, "汇总发布2026年度企业技术需求清单", 1},
			{"潍海学院", nil, "制定揭榜攻关项目管理办法", 3},
			{"潍海联创医药化工有限公司", nil, "提出首批揭榜攻关项目", 2},
		},
	}, {
		date: "2026-06-12", time: "14:30", title: "专业建设指导委员会2026年工作会议", kind: "工作委员会会议",
		body: "专业建设指导委员会", place: placeRoom, host: execChair, purpose: "为研究新能源材料方向专业设置",
		agenda: []agendaSpec{
			{"总结2025年专业建设工作", "人才培养方案修订已基本完成，资源库课程建设进度符合计划。"},
			{"研究新能源材料方向专业设置论证", "委员们认为区域新能源材料企业用人需求增长较快，同意开展论证。"},
			{"研究职业技能等级证书试点工作", ""},
		},
		items: []itemSpec{
			{"潍海工程职业学院", []string{"潍海绿源新能源材料有限公司"}, "完成新能源材料方向专业设置论证报告", 4},
			{"潍海市化工学校", nil, "申报化工总控工职业技能等级认定试点", 3},
		},
	}, {
		date: "2026-10-16", time: "14:30", title: "就业创业指导委员会2026年工作会议", kind: "工作委员会会议",
		place: placeRoom, host: coop, extra: employmentCommittee, noMinutes: true, purpose: "为做好2027届毕业生就业工作",
		agenda: []agendaSpec{
			{"通报2026届毕业生就业情况", ""},
			{"研究2027届毕业生供需见面会筹备工作", ""},
		},
	}, {
		date: "2026-12-04", time: "09:30", title: "潍海市精细化工产教融合共同体2026年度工作会议", kind: "联席会议",
		body: "潍海市精细化工产教融合共同体", place: "潍海新宇精细化工有限公司研发中心会议室", host: execChair, planned: true,
		purpose: "为总结共同体2026年工作，研究2027年工作计划",
		agenda: []agendaSpec{
			{"总结共同体2026年工作", ""},
			{"审议共同体2027年工作计划", ""},
			{"研究新加入企业参与共同体事宜", ""},
		},
	}}
}
