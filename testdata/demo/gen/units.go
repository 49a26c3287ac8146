package main

import "github.com/secdesk/secdesk/store/demo"

// meeting is a council meeting that approved admissions, tier changes or
// removals: the 批准依据 of those events.
type meeting struct{ date, basis string }

var (
	m10 = meeting{"2010-06-18", "集团成立大会暨第一届理事会第一次会议"}
	m11 = meeting{"2011-04-22", "第一届理事会第二次会议"}
	m12 = meeting{"2012-05-10", "第一届理事会第三次会议"}
	m13 = meeting{"2013-04-19", "第一届理事会第四次会议"}
	m14 = meeting{"2014-05-23", "第一届理事会第五次会议"}
	m15 = meeting{"2015-05-15", "第二届理事会第一次会议"}
	m16 = meeting{"2016-04-28", "第二届理事会第二次会议"}
	m17 = meeting{"2017-05-12", "第二届理事会第三次会议"}
	m18 = meeting{"2018-04-20", "第二届理事会第四次会议"}
	m19 = meeting{"2019-05-17", "第二届理事会第五次会议"}
	m20 = meeting{"2020-09-25", "第三届理事会第一次会议"}
	m21 = meeting{"2021-04-23", "第三届理事会第二次会议"}
	m22 = meeting{"2022-06-10", "第三届理事会第三次会议"}
	m23 = meeting{"2023-04-21", "第三届理事会第四次会议"}
	m24 = meeting{"2024-05-10", "第三届理事会第五次会议"}
	m25 = meeting{"2025-05-16", "第四届理事会第一次会议"}
	m26 = meeting{"2026-04-24", "第四届理事会第二次会议"}
	s26 = meeting{"2026-09-18", "第四届常务理事会第三次会议"}
)

// Tiers, short.
const (
	tChair  = "理事长单位"
	tVice   = "副理事长单位"
	tStand  = "常务理事单位"
	tCounc  = "理事单位"
	tMember = "成员单位"
)

// unit is one line of the table below: who, where, admitted when at which
// tier, and what happened later.
type unit struct {
	name, typ, city, tier string
	join                  meeting
	later                 []demo.Event
	email, note           string
	applied               string // date of the application, if recorded
}

func tierAt(m meeting, tier string) demo.Event {
	return demo.Event{Kind: "类别变更", Date: day(m.date), Tier: tier, Basis: m.basis}
}

func exit(date, kind, reason string, by *meeting) demo.Event {
	e := demo.Event{Kind: "退出", Date: day(date), ExitKind: kind, Reason: reason}
	if by != nil {
		e.Basis = by.basis
	}
	return e
}

func rejoin(m meeting, tier string) demo.Event {
	return demo.Event{Kind: "批准加入", Date: day(m.date), Tier: tier, Basis: m.basis}
}

func ev(e ...demo.Event) []demo.Event { return e }

// units is the group. Types: 政府部门 企业 本科院校 高职院校 中职学校 技工院校
// 行业协会 科研院所 其他.
func units() []unit {
	const (
		gov, ent, uni, voc, sec, tech, assoc, inst, other = "政府部门", "企业", "本科院校", "高职院校", "中职学校", "技工院校", "行业协会", "科研院所", "其他"
		wh                                                = "潍海市"
	)
	return []unit{
		// Founded 2010-06-18 by 42 units.
		{name: "潍海化工职业学院", typ: voc, city: wh, tier: tChair, join: m10, email: "jtmsc@whhgzy.example.com", note: "集团牵头单位，秘书处设在该院"},
		{name: "潍海市教育局", typ: gov, city: wh, tier: tStand, join: m10, note: "业务指导单位"},
		{name: "潍海学院", typ: uni, city: wh, tier: tStand, join: m10, later: ev(tierAt(m20, tVice)), email: "xqhz@whxy.example.com"},
		{name: "潍海职业技术学院", typ: voc, city: wh, tier: tVice, join: m10},
		{name: "潍海工程职业学院", typ: voc, city: wh, tier: tStand, join: m10},
		{name: "东营石化职业技术学院", typ: voc, city: "东营市", tier: tStand, join: m10, later: ev(tierAt(m25, tVice))},
		{name: "淄博化工职业技术学院", typ: voc, city: "淄博市", tier: tStand, join: m10},
		{name: "滨州海洋化工职业学院", typ: voc, city: "滨州市", tier: tCounc, join: m10},
		{name: "潍海市化工学校", typ: sec, city: wh, tier: tCounc, join: m10, later: ev(tierAt(m15, tStand))},
		{name: "潍海市职业中等专业学校", typ: sec, city: wh, tier: tCounc, join: m10},
		{name: "潍海市滨海区职业教育中心学校", typ: sec, city: wh, tier: tMember, join: m10},
		{name: "潍海市昌安县职业中等专业学校", typ: sec, city: wh, tier: tMember, join: m10,
			later: ev(exit("2024-08-30", "注销", "学校撤并，整体并入潍海市滨海区职业教育中心学校", nil))},
		{name: "潍海市北城职业中学", typ: sec, city: wh, tier: tMember, join: m10,
			later: ev(exit("2017-08-30", "注销", "学校撤并，并入潍海市职业中等专业学校", nil))},
		{name: "潍海市化工行业协会", typ: assoc, city: wh, tier: tStand, join: m10, later: ev(tierAt(m20, tVice))},
		{name: "潍海市化工研究院", typ: inst, city: wh, tier: tCounc, join: m10, later: ev(tierAt(m25, tStand))},
		{name: "潍海恒润化工有限公司", typ: ent, city: wh, tier: tStand, join: m10, later: ev(tierAt(m15, tVice))},
		{name: "潍海新宇精细化工有限公司", typ: ent, city: wh, tier: tCounc, join: m10, later: ev(tierAt(m20, tStand))},
		{name: "潍海海晟盐化有限公司", typ: ent, city: wh, tier: tStand, join: m10},
		{name: "潍海华源溴业有限公司", typ: ent, city: wh, tier: tCounc, join: m10},
		{name: "潍海瑞丰农化股份有限公司", typ: ent, city: wh, tier: tStand, join: m10, later: ev(tierAt(m25, tVice))},
		{name: "潍海金洋新材料科技有限公司", typ: ent, city: wh, tier: tCounc, join: m10, later: ev(tierAt(m23, tStand))},
		{name: "潍海联创医药化工有限公司", typ: ent, city: wh, tier: tCounc, join: m10},
		{name: "潍海泰和塑胶有限公司", typ: ent, city: wh, tier: tMember, join: m10,
			later: ev(exit("2014-12-20", "自愿退出", "企业转产，不再从事化工相关业务", nil))},
		{name: "潍海鼎盛化学工业有限公司", typ: ent, city: wh, tier: tCounc, join: m10},
		{name: "潍海港源物流有限公司", typ: ent, city: wh, tier: tMember, join: m10,
			later: ev(exit("2019-11-05", "自愿退出", "企业经营调整，暂停参加集团活动", nil), rejoin(m22, tMember)),
			note:  "2022年重新申请加入"},
		{name: "潍海鑫达化工装备制造有限公司", typ: ent, city: wh, tier: tMember, join: m10},
		{name: "潍海宏业纯碱有限公司", typ: ent, city: wh, tier: tCounc, join: m10},
		{name: "潍海立信石化有限公司", typ: ent, city: wh, tier: tStand, join: m10},
		{name: "潍海万通橡塑制品有限公司", typ: ent, city: wh, tier: tMember, join: m10,
			later: ev(exit("2016-03-15", "注销", "企业已办理注销登记", nil))},
		{name: "潍海滨海热电有限公司", typ: ent, city: wh, tier: tMember, join: m10},
		{name: "潍海天禾化工有限公司", typ: ent, city: wh, tier: tMember, join: m10},
		{name: "潍海中盛涂料有限公司", typ: ent, city: wh, tier: tMember, join: m10},
		{name: "潍海东方石化设备安装有限公司", typ: ent, city: wh, tier: tMember, join: m10,
			later: ev(exit("2025-12-10", "自愿退出", "企业业务调整，不再从事化工设备安装", nil))},
		{name: "东营岳盛石化有限公司", typ: ent, city: "东营市", tier: tCounc, join: m10, later: ev(tierAt(m15, tStand))},
		{name: "东营润海化工有限公司", typ: ent, city: "东营市", tier: tCounc, join: m10},
		{name: "东营广源橡胶有限公司", typ: ent, city: "东营市", tier: tMember, join: m10},
		{name: "淄博齐润石化有限公司", typ: ent, city: "淄博市", tier: tMember, join: m10, later: ev(tierAt(m15, tCounc), tierAt(m25, tStand))},
		{name: "淄博瀚达氟硅材料有限公司", typ: ent, city: "淄博市", tier: tCounc, join: m10},
		{name: "淄博源丰化学有限公司", typ: ent, city: "淄博市", tier: tMember, join: m10,
			later: ev(exit("2023-08-15", "自愿退出", "企业重组，并入其他企业集团", nil))},
		{name: "滨州渤丰化工有限公司", typ: ent, city: "滨州市", tier: tCounc, join: m10, later: ev(tierAt(m20, tMember))},
		{name: "滨州海润盐化有限公司", typ: ent, city: "滨州市", tier: tMember, join: m10},
		{name: "烟台福川精细化学有限公司", typ: ent, city: "烟台市", tier: tCounc, join: m10},

		// 2011
		{name: "齐岳理工大学", typ: uni, city: "济南市", tier: tCounc, join: m11, email: "xqb@qylg.example.com"},
		{name: "烟台化工职业学院", typ: voc, city: "烟台市", tier: tCounc, join: m11, later: ev(tierAt(m15, tStand))},
		{name: "潍海市临港职业中等专业学校", typ: sec, city: wh, tier: tMember, join: m11},
		{name: "潍海安泰化工安全技术服务有限公司", typ: ent, city: wh, tier: tMember, join: m11},
		{name: "日照利民化工有限公司", typ: ent, city: "日照市", tier: tMember, join: m11,
			later: ev(exit("2018-04-20", "除名", "连续两年未参加集团活动，经理事会审议除名", &m18))},
		{name: "东营科达油田化学品有限公司", typ: ent, city: "东营市", tier: tMember, join: m11},

		// 2012
		{name: "潍海科技职业学院", typ: voc, city: wh, tier: tCounc, join: m12,
			later: ev(exit("2021-07-09", "自愿退出", "学校专业调整，化工类专业停止招生", nil), rejoin(m24, tCounc)),
			note:  "恢复化工类专业招生后于2024年重新加入"},
		{name: "青岛港湾化工职业技术学院", typ: voc, city: "青岛市", tier: tCounc, join: m12},
		{name: "东营市化工中等专业学校", typ: sec, city: "东营市", tier: tMember, join: m12},
		{name: "青岛海诺化工设备有限公司", typ: ent, city: "青岛市", tier: tMember, join: m12, later: ev(tierAt(m18, tCounc))},
		{name: "潍海晨光检测技术有限公司", typ: ent, city: wh, tier: tMember, join: m12},

		// 2013
		{name: "济南新材料职业学院", typ: voc, city: "济南市", tier: tMember, join: m13, later: ev(tierAt(m20, tCounc))},
		{name: "淄博市临淄化工学校", typ: sec, city: "淄博市", tier: tMember, join: m13},
		{name: "烟台嘉信化工有限公司", typ: ent, city: "烟台市", tier: tMember, join: m13},
		{name: "济南华工仪表自动化有限公司", typ: ent, city: "济南市", tier: tMember, join: m13},

		// 2014
		{name: "日照港口职业技术学院", typ: voc, city: "日照市", tier: tMember, join: m14},
		{name: "滨州市化工中等专业学校", typ: sec, city: "滨州市", tier: tMember, join: m14},
		{name: "潍海博远环保科技有限公司", typ: ent, city: wh, tier: tMember, join: m14},
		{name: "济宁运河煤化工有限公司", typ: ent, city: "济宁市", tier: tCounc, join: m14},

		// 2015
		{name: "烟台海滨学院", typ: uni, city: "烟台市", tier: tCounc, join: m15},
		{name: "临沂医药职业学院", typ: voc, city: "临沂市", tier: tMember, join: m15, later: ev(tierAt(m25, tCounc))},
		{name: "鲁东石油和化学工业协会", typ: assoc, city: "济南市", tier: tCounc, join: m15},
		{name: "临沂沂蒙医药化工有限公司", typ: ent, city: "临沂市", tier: tMember, join: m15},
		{name: "临沂金蒙化肥有限公司", typ: ent, city: "临沂市", tier: tMember, join: m15,
			later: ev(exit("2024-03-20", "注销", "企业已办理注销登记", nil))},
		{name: "青岛港润危险品物流有限公司", typ: ent, city: "青岛市", tier: tMember, join: m15},

		// 2016
		{name: "济宁能源职业技术学院", typ: voc, city: "济宁市", tier: tMember, join: m16},
		{name: "烟台市化工职业中等专业学校", typ: sec, city: "烟台市", tier: tMember, join: m16},
		{name: "济宁嘉禾化学有限公司", typ: ent, city: "济宁市", tier: tMember, join: m16,
			later: ev(exit("2020-09-25", "除名", "未按章程履行成员义务，经理事会审议除名", &m20))},
		{name: "潍海正衡环境检测有限公司", typ: ent, city: wh, tier: tMember, join: m16},

		// 2017
		{name: "濮阳石化职业技术学院", typ: voc, city: "濮阳市", tier: tCounc, join: m17},
		{name: "济南正信化工工程设计有限公司", typ: ent, city: "济南市", tier: tMember, join: m17},
		{name: "濮阳中原润达化工有限公司", typ: ent, city: "濮阳市", tier: tMember, join: m17},

		// 2018
		{name: "沧州渤海职业学院", typ: voc, city: "沧州市", tier: tMember, join: m18},
		{name: "日照市工业学校", typ: sec, city: "日照市", tier: tMember, join: m18},
		{name: "沧州渤海精细化工有限公司", typ: ent, city: "沧州市", tier: tMember, join: m18},

		// 2019
		{name: "天津滨海化工职业学院", typ: voc, city: "天津市", tier: tMember, join: m19},
		{name: "天津港湾石化科技有限公司", typ: ent, city: "天津市", tier: tMember, join: m19,
			later: ev(exit("2025-05-16", "除名", "连续三年未参加集团活动，经理事会审议除名", &m25))},
		{name: "潍海北辰生物化工有限公司", typ: ent, city: wh, tier: tMember, join: m19},

		// 2020
		{name: "岳阳石化职业技术学院", typ: voc, city: "岳阳市", tier: tMember, join: m20},
		{name: "岳阳云溪化工有限公司", typ: ent, city: "岳阳市", tier: tMember, join: m20},

		// 2021
		{name: "潍海中研催化材料有限公司", typ: ent, city: wh, tier: tMember, join: m21},
		{name: "青岛蓝谷新材料有限公司", typ: ent, city: "青岛市", tier: tMember, join: m21},

		// 2022
		{name: "日照岚山石化储运有限公司", typ: ent, city: "日照市", tier: tMember, join: m22},

		// 2023: the three admissions of the seed-000 report.
		{name: "东营海河职业学院", typ: voc, city: "东营市", tier: tMember, join: m23},
		{name: "潍海昊达化工科技有限公司", typ: ent, city: wh, tier: tMember, join: m23},
		{name: "潍海智化数字科技有限公司", typ: ent, city: wh, tier: tMember, join: m23},

		// 2024–2026
		{name: "潍海市技师学院", typ: tech, city: wh, tier: tCounc, join: m24},
		{name: "潍海市职业技能鉴定指导中心", typ: other, city: wh, tier: tMember, join: m24},
		{name: "东营石化高级技工学校", typ: tech, city: "东营市", tier: tMember, join: m25},
		{name: "潍海绿源新能源材料有限公司", typ: ent, city: wh, tier: tMember, join: m26, applied: "2026-03-10"},
		{name: "东营蓝海氢能科技有限公司", typ: ent, city: "东营市", tier: tMember, join: m26, applied: "2026-03-18"},
		{name: "青岛西岸化工职业中等专业学校", typ: sec, city: "青岛市", tier: tMember, join: m26, applied: "2026-03-25"},
		{name: "烟台瑞康医药中间体有限公司", typ: ent, city: "烟台市", tier: tMember, join: s26, applied: "2026-08-20"},
		{name: "潍海经济开发区公共实训基地", typ: other, city: wh, tier: tMember, join: s26, applied: "2026-08-28"},

		// Applied, not yet approved.
		{name: "潍海安达危化品运输有限公司", typ: ent, city: wh, applied: "2026-10-12", note: "待常务理事会审议"},
	}
}
