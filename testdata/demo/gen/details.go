package main

import (
	"fmt"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/demo"
)

// place is what the generator knows of a city: province, the first four
// digits of its division code with some districts, its phone area code.
type place struct {
	province, div, area string
	districts           []string
	counties            []string // last two digits of division codes
}

var places = map[string]place{
	"潍海市": {"山东省", "3707", "0536", []string{"滨海区", "北城区", "临港区", "昌安县"}, []string{"02", "03", "04", "05", "81", "83"}},
	"东营市": {"山东省", "3705", "0546", []string{"东营区", "河口区", "垦利区"}, []string{"02", "03", "05"}},
	"烟台市": {"山东省", "3706", "0535", []string{"芝罘区", "福山区", "莱山区"}, []string{"02", "11", "13"}},
	"淄博市": {"山东省", "3703", "0533", []string{"张店区", "临淄区", "淄川区"}, []string{"02", "03", "05"}},
	"青岛市": {"山东省", "3702", "0532", []string{"黄岛区", "城阳区", "即墨区"}, []string{"11", "14", "15"}},
	"济南市": {"山东省", "3701", "0531", []string{"历城区", "历下区", "章丘区"}, []string{"02", "12", "14"}},
	"滨州市": {"山东省", "3716", "0543", []string{"滨城区", "沾化区"}, []string{"02", "03"}},
	"日照市": {"山东省", "3711", "0633", []string{"东港区", "岚山区"}, []string{"02", "03"}},
	"临沂市": {"山东省", "3713", "0539", []string{"兰山区", "河东区"}, []string{"02", "12"}},
	"济宁市": {"山东省", "3708", "0537", []string{"任城区", "兖州区"}, []string{"11", "12"}},
	"濮阳市": {"河南省", "4109", "0393", []string{"华龙区"}, []string{"02"}},
	"沧州市": {"河北省", "1309", "0317", []string{"运河区", "渤海新区"}, []string{"03", "83"}},
	"天津市": {"天津市", "1201", "022", []string{"滨海新区"}, []string{"16"}},
	"岳阳市": {"湖南省", "4306", "0730", []string{"云溪区", "岳阳楼区"}, []string{"02", "03"}},
}

var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
		"林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁",
		"邓", "许", "傅", "沈", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘",
		"杜", "夏", "钟", "田", "任", "姜", "范", "方", "石", "姚", "孔", "崔", "孟", "秦", "邵", "侯", "王", "李", "张", "刘"}
	given = []string{"伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "霞", "平",
		"刚", "建国", "志强", "海燕", "晓东", "立新", "红梅", "文静", "建华", "永刚", "玉兰", "春生", "国庆",
		"俊杰", "雪梅", "振华", "晓燕", "德胜", "庆丰", "爱华", "宏伟", "新民", "晨", "琳", "鹏", "博", "凯",
		"婷婷", "宁", "佳", "浩然", "学军", "秀云", "志刚", "丽娟", "兆福", "春燕", "玉芹", "光辉"}
	roads   = []string{"化工路", "滨海大道", "北海路", "东风街", "胜利街", "健康街", "新华路", "海港路", "工业园大道", "科技路", "学府路", "民生街", "创业路", "泰山路"}
	mobiles = []string{"138", "139", "135", "137", "150", "151", "152", "158", "159", "182", "187", "188", "130", "131", "132", "155", "156", "186", "133", "153", "180", "189", "177"}
)

// member turns a table line into the file's form.
func (u unit) member(i int) demo.Member {
	p, ok := places[u.city]
	if !ok {
		panic("no place for " + u.city)
	}
	m := demo.Member{
		Name: u.name, Type: u.typ, Province: p.province, City: u.city,
		CreditCode: creditCode(u, p),
		Address:    u.city + pick(p.districts, u.name, "district") + pick(roads, u.name, "road") + fmt.Sprintf("%d号", 1+hash(u.name, "no")%399),
		Contact:    pick(surnames, u.name, "surname") + pick(given, u.name, "given"),
		Phone:      phone(u, p),
		Email:      u.email, Note: u.note,
	}
	if u.applied != "" {
		m.Events = append(m.Events, demo.Event{Kind: "申请", Date: day(u.applied)})
	}
	if u.tier != "" {
		m.Events = append(m.Events, demo.Event{Kind: "批准加入", Date: day(u.join.date), Tier: u.tier, Basis: u.join.basis})
	}
	m.Events = append(m.Events, u.later...)
	return m
}

// creditCode makes a 统一社会信用代码 of the right shape for the unit's kind
// (11 机关, 12 事业单位, 51 社会团体, 91 企业), with a valid GB 11714
// organisation-code check in positions 9–17 and a valid GB 32100 check
// character at 18.
func creditCode(u unit, p place) string {
	reg := map[string]string{"政府部门": "11", "行业协会": "51", "企业": "91"}[u.typ]
	if reg == "" {
		reg = "12" // schools, institutes and centres are 事业单位
	}
	county := "00"
	if reg == "91" || reg == "12" {
		county = pick(p.counties, u.name, "county")
	}
	body := orgCodeBody(u)
	first17 := reg + p.div + county + body + orgCodeCheck(body)
	return first17 + string(store.CreditCodeCheckChar(first17))
}

// orgCodeBody is the first eight characters of the organisation code:
// digits for older registrations, MA… for companies registered since the
// 2015 reform.
func orgCodeBody(u unit) string {
	const alnum = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	h := hash(u.name, "org")
	if u.typ == "企业" && u.join.date >= "2016" {
		b := []byte("MA")
		for len(b) < 8 {
			b = append(b, alnum[h%uint64(len(alnum))])
			h /= uint64(len(alnum))
		}
		return string(b)
	}
	return fmt.Sprintf("%08d", h%100000000)
}

// orgCodeCheck is the GB 11714 check character of an organisation code.
func orgCodeCheck(body string) string {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 8; i++ {
		c := body[i]
		v := int(c - '0')
		if c >= 'A' {
			v = int(c-'A') + 10
		}
		sum += v * weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return "X"
	case 11:
		return "0"
	default:
		return fmt.Sprint(c)
	}
}

// phone gives offices a landline (area code, 7 or 8 digits) and most
// companies a contact's mobile.
func phone(u unit, p place) string {
	h := hash(u.name, "phone")
	if u.typ != "企业" || h%4 == 0 {
		if len(p.area) == 3 || p.area == "0531" || p.area == "0532" {
			return fmt.Sprintf("%s-%08d", p.area, 60000000+h%39999999)
		}
		return fmt.Sprintf("%s-%07d", p.area, 2000000+h%7999999)
	}
	return pick(mobiles, u.name, "mobile") + fmt.Sprintf("%08d", h%100000000)
}
