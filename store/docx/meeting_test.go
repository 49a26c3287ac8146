package docx

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secdesk/secdesk/store"
)

// councilMeeting is a held meeting with every kind of attendance, an
// agenda with notes and two agreed items.
func councilMeeting() store.Meeting {
	return store.Meeting{
		ID: store.NewID(), Title: "潍海市化工职业教育集团2026年理事会", Kind: "理事会",
		Date: store.NewDate(2026, 3, 20), Time: "09:30", Place: "潍海职业学院行政楼第一会议室",
		Host: "张成刚", Recorder: "李华", Organiser: "集团秘书处", Status: store.MeetingHeld,
		Agenda: []store.AgendaItem{
			{Text: "听取秘书处2025年工作报告", Notes: "会议听取了秘书处2025年工作报告，认为集团一年来工作扎实有效。"},
			{Text: "审议2026年工作要点"},
		},
		Notice: store.Notice{Purpose: "总结2025年工作，部署2026年重点任务", ReplyBy: store.NewDate(2026, 3, 15),
			Contact: "李华，0536-8888888", Requirements: "请参会人员提前10分钟到场。", Date: store.NewDate(2026, 3, 5)},
		Invitees: []store.Invitee{
			{Role: store.RoleSeat, Name: "张成刚", Unit: "潍海职业学院", Attend: store.Attend{State: store.AttendPresent}},
			{Role: store.RoleSeat, IsUnit: true, Unit: "山东海化集团有限公司", Name: "赵敏", Attend: store.Attend{State: store.AttendProxy, Proxy: "刘洋"}},
			{Role: store.RoleSeat, Name: "王威", Unit: "潍海银行", Attend: store.Attend{State: store.AttendLeave, Reason: "出差"}},
			{Role: store.RoleSeat, Name: "孙丽", Unit: "市教育局", Attend: store.Attend{State: store.AttendAbsent}},
			{Role: store.RoleGuest, Name: "周强", Unit: "市人社局", Attend: store.Attend{State: store.AttendGuest}},
		},
		Items: []store.AgreedItem{
			{Text: "修订化工专业群人才培养方案。", Lead: store.UnitRef{Name: "潍海职业学院"},
				Units: []store.UnitRef{{Name: "山东海化集团有限公司"}}, Owner: "张成刚", Due: store.NewDate(2026, 6, 30)},
			{Text: "筹建现代产业学院"},
		},
	}
}

// paragraphs are the texts of document.xml's paragraphs, in order.
func paragraphs(t *testing.T, d Doc) ([]string, samplePackage) {
	t.Helper()
	names, raw := unzip(t, writeDoc(t, d))
	p := samplePackage{names: names, raw: raw, xml: map[string]*node{}}
	for _, n := range names {
		p.xml[n] = parseXML(t, n, raw[n])
	}
	var out []string
	for _, para := range p.xml["word/document.xml"].all("p") {
		out = append(out, para.texts())
	}
	return out, p
}

func wantParagraphs(t *testing.T, got, want []string) {
	t.Helper()
	var nonEmpty []string
	for _, s := range got {
		if s != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	if strings.Join(nonEmpty, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paragraphs\n got %q\nwant %q", nonEmpty, want)
	}
}

func TestMinutes(t *testing.T) {
	m := councilMeeting()
	got, p := paragraphs(t, Minutes(&m, store.Settings{Fonts: store.DocFonts{Body: "仿宋"}}))
	wantParagraphs(t, got, []string{
		"潍海市化工职业教育集团2026年理事会纪要",
		"时间：2026年3月20日（星期五）上午9:30",
		"地点：潍海职业学院行政楼第一会议室",
		"主持人：张成刚",
		"记录：李华",
		"会议听取了秘书处2025年工作报告，认为集团一年来工作扎实有效。",
		"现将会议议定事项纪要如下：",
		"一、修订化工专业群人才培养方案。（牵头单位：潍海职业学院；责任单位：山东海化集团有限公司；责任人：张成刚；完成时限：2026年6月30日前）",
		"二、筹建现代产业学院。",
		"出席：张成刚、山东海化集团有限公司赵敏（委托刘洋）",
		"请假：王威",
		"列席：周强",
	})
	// The mark is red 2号; the 出席 label is 黑体 and the names the body
	// font the settings name; every run names an East-Asian font.
	mark := runsWith(p, "纪要")[0]
	if mark.path("rPr", "color") == nil || mark.path("rPr", "sz").attr["val"] != "44" {
		t.Errorf("mark run %q not red 2号", mark.texts())
	}
	label, names := runsWith(p, "出席")[0], runsWith(p, "委托刘洋")[0]
	if f := label.path("rPr", "rFonts").attr["eastAsia"]; f != "黑体" {
		t.Errorf("出席 label in %q", f)
	}
	if f := names.path("rPr", "rFonts").attr["eastAsia"]; f != "仿宋" {
		t.Errorf("names in %q, want the settings' 仿宋", f)
	}
	everyRun(t, p, func(part string, r *node) {
		if f := r.path("rPr", "rFonts"); f == nil || f.attr["eastAsia"] == "" {
			t.Errorf("%s: run %q without an East-Asian font", part, r.texts())
		}
	})
	for _, part := range []string{"word/footer1.xml", "word/footer2.xml"} {
		if p.xml[part] == nil {
			t.Errorf("no %s", part)
		}
	}
}

func TestNotice(t *testing.T) {
	m := councilMeeting()
	body := &store.Body{Name: "理事会"}
	s := store.Settings{GroupName: "潍海市化工职业教育集团"}
	got, _ := paragraphs(t, Notice(&m, body, s, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)))
	wantParagraphs(t, got, []string{
		"关于召开潍海市化工职业教育集团2026年理事会的通知",
		"各理事会成员：",
		"为总结2025年工作，部署2026年重点任务，经研究，定于2026年3月20日（星期五）上午9:30在潍海职业学院行政楼第一会议室召开潍海市化工职业教育集团2026年理事会。现将有关事项通知如下：",
		"一、会议时间", "2026年3月20日（星期五）上午9:30。",
		"二、会议地点", "潍海职业学院行政楼第一会议室。",
		"三、参会人员", "张成刚、山东海化集团有限公司（赵敏）、王威、孙丽。", "列席人员：周强。",
		"四、会议议程", "1．听取秘书处2025年工作报告", "2．审议2026年工作要点",
		"五、有关要求", "请各参会单位于2026年3月15日前将参会回执（见附件）报送集团秘书处。",
		"请参会人员提前10分钟到场。", "联系人及电话：李华，0536-8888888。",
		"附件：潍海市化工职业教育集团2026年理事会参会回执",
		"潍海市化工职业教育集团秘书处", "2026年3月5日",
	})
	// A meeting of many is named by its body and count, not name by name.
	for range listNamesUpTo {
		m.Invitees = append(m.Invitees, store.Invitee{Role: store.RoleSeat, Name: "某某"})
	}
	m.Notice = store.Notice{}
	got, _ = paragraphs(t, Notice(&m, body, s, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)))
	if !contains(got, "理事会全体成员（共44人（单位），名单见会议回执）。") || !contains(got, "2026年3月1日") || contains(got, "五、有关要求") {
		t.Fatalf("large notice: %q", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLibreOfficeMinutes lays a long 纪要 out: the 出席 line wraps under
// its first name, and every page has its number on the right side.
func TestLibreOfficeMinutes(t *testing.T) {
	needLibreOffice(t)
	m := councilMeeting()
	for i := range 40 {
		m.Invitees = append(m.Invitees, store.Invitee{Role: store.RoleSeat, IsUnit: true,
			Unit: "成员单位" + store.ChineseNumber(i+1), Name: "代表", Attend: store.Attend{State: store.AttendPresent}})
	}
	for range 12 {
		m.Items = append(m.Items, store.AgreedItem{Text: hanText(120, len(m.Items)*5)})
	}
	path := filepath.Join(t.TempDir(), "minutes.docx")
	if err := WriteMinutes(path, &m, store.Settings{}); err != nil {
		t.Fatal(err)
	}
	pdf := convertPDF(t, path)
	renderPNG(t, pdf, "minutes")
	body, footer := bodyAndFooter(textLines(pdfWords(t, pdf)))
	i := findLine(t, body, "出席：")
	// The label starts two characters in, its wrapped lines five (under
	// the first name): 315 twips a character with the body's spacing.
	checkStart(t, body[i], "出席 line", 2*15.75, 0)
	checkStart(t, body[i+1], "出席 line wrapped", 5*15.75, 0)
	pages := body[len(body)-1].page
	if pages < 2 {
		t.Fatalf("minutes on %d page, want at least 2", pages)
	}
	checkPageNumbers(t, pdf, footer, pages)
}

// TestLibreOfficeNotice lays the notice out (two pages with this much to
// say): title centred, the 成文日期 four characters in from the right, the
// page numbers.
func TestLibreOfficeNotice(t *testing.T) {
	m := councilMeeting()
	d := Notice(&m, &store.Body{Name: "理事会"}, store.Settings{GroupName: "潍海市化工职业教育集团"}, time.Now())
	pdf, lines := layoutPDF(t, "notice", d)
	body, footer := bodyAndFooter(lines)
	pages := body[len(body)-1].page
	if pages != 2 {
		t.Fatalf("the notice runs to %d pages, want 2", pages)
	}
	title := body[findLine(t, body, "关于召开")]
	if mid := (title.x + title.xMax) / 2; !near(mid, (coreLeft+coreRight)/2, 2) {
		t.Errorf("title centred at %.1f, want %.1f", mid, (coreLeft+coreRight)/2)
	}
	date := body[findLine(t, body, "2026年3月5日")]
	if !near(date.xMax, coreRight-4*15.75, 3) {
		t.Errorf("成文日期 ends at %.1f, want four characters in (%.1f)", date.xMax, coreRight-4*15.75)
	}
	checkPageNumbers(t, pdf, footer, pages)
}

// BenchmarkMinutes300 writes the 纪要 of a meeting of 300 invitees with
// 20 agreed items to a file (the target is 0.2 s).
func BenchmarkMinutes300(b *testing.B) {
	m := councilMeeting()
	for i := range 300 {
		m.Invitees = append(m.Invitees, store.Invitee{Role: store.RoleSeat, IsUnit: true,
			Unit: "成员单位" + store.ChineseNumber(i%99), Name: "代表", Attend: store.Attend{State: store.AttendPresent}})
	}
	for range 20 {
		m.Items = append(m.Items, store.AgreedItem{Text: hanText(120, len(m.Items)), Lead: store.UnitRef{Name: "秘书处"}})
	}
	path := filepath.Join(b.TempDir(), "m.docx")
	for b.Loop() {
		if err := WriteMinutes(path, &m, store.Settings{}); err != nil {
			b.Fatal(err)
		}
	}
}
