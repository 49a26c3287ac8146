package store

import (
	"strings"
	"testing"
)

// TestMemberParagraph: the seed-000 sentence's shape, from the register.
func TestMemberParagraph(t *testing.T) {
	mk := func(name string, ty UnitType, prov, city string, join Date, exit Date) Member {
		m := Member{ID: NewID(), Name: name, Type: ty, Province: prov, City: city,
			Events: []Event{{Kind: EventJoin, Date: join, Tier: "成员单位"}}}
		if !exit.IsZero() {
			m.Events = append(m.Events, Event{Kind: EventExit, Date: exit, ExitKind: "自愿退出"})
		}
		return m
	}
	d := NewDate
	members := []Member{
		mk("潍坊市教育局", "政府部门", "山东省", "潍坊市", d(2015, 1, 1), Date{}),
		mk("甲化工", "企业", "山东省", "潍坊市", d(2015, 1, 1), Date{}),
		mk("乙化工", "企业", "山东省", "烟台市", d(2023, 5, 1), Date{}),
		mk("丙化工", "企业", "河南省", "郑州市", d(2016, 1, 1), Date{}),
		mk("潍坊职业学院", "高职院校", "山东省", "潍坊市", d(2015, 1, 1), Date{}),
		mk("东营职业学院", "高职院校", "山东省", "东营市", d(2015, 1, 1), Date{}),
		mk("丁化工", "企业", "天津市", "天津市", d(2015, 1, 1), d(2023, 6, 30)),
	}
	st := ComputeStats(members, Date{}, d(2023, 12, 31))
	got := MemberParagraph(st, members, Settings{GroupName: "潍坊市化工职业教育集团"})
	want := "依据《潍坊市化工职业教育集团章程》中关于会员加盟与退出机制要求，新增成员单位1家，退出成员1家，现有成员单位6家，" +
		"其中，政府部门1家、企业单位3家、高职院校2所。成员单位覆盖山东省潍坊、东营、烟台等3个地市和河南等省市。"
	if got != want {
		t.Fatalf("\n got %s\nwant %s", got, want)
	}
}

func TestAnnualReportFigures(t *testing.T) {
	c := DefaultCatalogue(2023)
	group := map[string]float64{"training_bases": 32, "training_bases_national": 10, "training_projects": 30,
		"training_person_days": 65324, "skill_certification": 9500, "meetings_all": 12}
	if r := BuildAnnualReport(&c, map[string]float64{}, IndicatorData{}, Settings{}); len(r.Paragraphs) != 1 {
		t.Errorf("a year without meetings or tasks has %d paragraphs, want the member one only", len(r.Paragraphs))
	}
	r := BuildAnnualReport(&c, group, IndicatorData{}, Settings{GroupName: "潍坊市化工职业教育集团"})
	var texts []string
	for _, p := range r.Paragraphs {
		texts = append(texts, p.Heading+"："+p.Text)
	}
	all := strings.Join(texts, "\n")
	want := "三、产教融合：2023年集团共建共享实训基地32个（其中国家级10个），承接培养培训项目30个，培养师生和企业职工65324人日，技能鉴定9500人次。"
	if !strings.Contains(all, want) || !strings.Contains(all, "2023年集团召开各类会议12次") || r.Title != "潍坊市化工职业教育集团2023年度工作报告（数据篇）" {
		t.Fatalf("report:\n%s", all)
	}
	if len(r.Tables) != 2 || r.Tables[1].Rows[0][0] != "召开各类会议" {
		t.Fatalf("tables %+v", r.Tables)
	}
}
