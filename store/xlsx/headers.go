package xlsx

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/secdesk/secdesk/store"
)

// headerVariants are the column titles found in real member registers for
// each field, in the form headerKey gives them. The first one is the title
// the template and exports use.
var headerVariants = []struct {
	field store.Field
	names []string
}{
	{store.FieldName, []string{"单位名称", "成员单位名称", "单位全称", "名称", "会员单位名称"}},
	{store.FieldCreditCode, []string{"统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码"}},
	{store.FieldType, []string{"单位类型", "类型", "单位性质", "单位类别"}},
	{store.FieldTier, []string{"会员类别", "类别", "会员级别", "理事会职务", "会员类型", "会员等级"}},
	{store.FieldProvince, []string{"省份", "省", "所在省份"}},
	{store.FieldCity, []string{"城市", "地市", "所在城市", "市", "所在地市"}},
	{store.FieldAddress, []string{"地址", "单位地址", "通讯地址", "通信地址"}},
	{store.FieldContact, []string{"联系人", "联系人姓名"}},
	{store.FieldPhone, []string{"联系电话", "电话", "手机", "联系方式", "手机号码", "联系人电话"}},
	{store.FieldEmail, []string{"电子邮箱", "邮箱", "EMAIL", "电子邮件"}},
	{store.FieldNote, []string{"备注", "说明"}},
	{store.FieldJoinDate, []string{"加入日期", "入会时间", "入会日期", "加入时间"}},
	{store.FieldBasis, []string{"批准依据", "批准会议", "批准文件"}},
	{store.FieldExitDate, []string{"退出日期", "退出时间"}},
	{store.FieldExitKind, []string{"退出方式", "退出类型"}},
	{store.FieldExitReason, []string{"退出原因"}},
	{store.FieldCodeReason, []string{"信用代码说明", "代码说明"}},
}

// headerIndex maps headerKey(title) to its field.
var headerIndex = func() map[string]store.Field {
	m := map[string]store.Field{}
	for _, h := range headerVariants {
		for _, n := range h.names {
			m[headerKey(n)] = h.field
		}
	}
	return m
}()

// parenthetical matches a note in brackets after a title, as templates
// write them: 加入日期（格式：2023年7月18日）, 单位名称(必填).
var parenthetical = regexp.MustCompile(`[(\[【〔].*?[)\]】〕]`)

// headerKey is the form titles are compared in: cleaned (NFKC turns
// full-width brackets and letters into ASCII), notes in brackets dropped,
// then every space, punctuation mark and symbol removed (so "单位 名称",
// "*单位名称", "E-mail" and "单位名称：" all match) and letters upper-cased.
func headerKey(s string) string {
	s = parenthetical.ReplaceAllString(store.CleanCode(s), "")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
}

// valueKey is the form enum cells are compared in: cleaned, spaces removed.
func valueKey(s string) string {
	return strings.ReplaceAll(store.CleanCode(s), " ", "")
}

// typeSynonyms maps the ways registers write 单位类型 to store.UnitTypes.
var typeSynonyms = map[string]store.UnitType{
	"政府": "政府部门", "政府机关": "政府部门", "行政机关": "政府部门", "政府机构": "政府部门", "主管部门": "政府部门",
	"企业单位": "企业", "公司": "企业", "行业企业": "企业", "国有企业": "企业", "民营企业": "企业", "国企": "企业", "民企": "企业",
	"普通本科": "本科院校", "本科高校": "本科院校", "本科": "本科院校", "本科学校": "本科院校", "普通本科高校": "本科院校",
	"职业本科": "本科院校", "本科层次职业学校": "本科院校", "大学": "本科院校",
	"高职": "高职院校", "高职学院": "高职院校", "高职高专": "高职院校", "高等职业院校": "高职院校", "高等职业学校": "高职院校",
	"高专": "高职院校", "职业技术学院": "高职院校", "职业学院": "高职院校",
	"中职院校": "中职学校", "中专": "中职学校", "中职": "中职学校", "中等职业学校": "中职学校", "职业中专": "中职学校",
	"职业高中": "中职学校", "职高": "中职学校", "中等专业学校": "中职学校",
	"技工学校": "技工院校", "技师学院": "技工院校", "技校": "技工院校", "技工": "技工院校",
	"中小学": "普通学校", "普通中学": "普通学校", "普通高中": "普通学校", "中学": "普通学校", "小学": "普通学校",
	"协会": "行业协会", "学会": "行业协会", "行业组织": "行业协会", "商会": "行业协会", "社会团体": "行业协会", "社团": "行业协会",
	"科研机构": "科研院所", "研究院": "科研院所", "研究所": "科研院所", "科研单位": "科研院所", "研究机构": "科研院所",
	"其它": "其他",
}

// tierSynonyms maps 会员类别 and 理事会职务 wordings to store.Tiers.
var tierSynonyms = map[string]store.Tier{
	"理事长": "理事长单位", "副理事长": "副理事长单位", "常务理事": "常务理事单位", "理事": "理事单位",
	"成员": "成员单位", "会员": "成员单位", "会员单位": "成员单位", "普通会员": "成员单位", "一般会员": "成员单位",
	"普通成员": "成员单位", "单位会员": "成员单位",
}

// exitSynonyms maps 退出方式 wordings to store.ExitKinds.
var exitSynonyms = map[string]store.ExitKind{
	"自愿": "自愿退出", "主动退出": "自愿退出", "申请退出": "自愿退出", "自行退出": "自愿退出", "退出": "自愿退出",
	"开除": "除名", "取消资格": "除名", "取消会员资格": "除名", "除名处理": "除名",
	"单位注销": "注销", "撤销": "注销", "注销登记": "注销", "撤并": "注销", "合并": "注销",
}

// canonical returns the list entry v names (exactly or by a synonym), or
// ok=false. An empty v is ok with the zero value: the column is optional.
func canonical[T ~string](v string, list []T, synonyms map[string]T) (T, bool) {
	k := valueKey(v)
	if k == "" {
		return "", true
	}
	for _, x := range list {
		if string(x) == k {
			return x, true
		}
	}
	x, ok := synonyms[k]
	return x, ok
}
