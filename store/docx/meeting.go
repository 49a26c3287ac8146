package docx

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/secdesk/secdesk/store"
)

// A meeting's two documents: the 会议通知 and the 会议纪要. The words are
// the ones offices print; the layout is the generic layer's.

// listNamesUpTo is how many invitees the notice names one by one; a
// larger meeting is named by its body and the count, since a notice of
// 300 names is a roster, not a notice.
const listNamesUpTo = 40

// WriteNotice writes the 会议通知 of m (body is m's body, or nil).
func WriteNotice(path string, m *store.Meeting, body *store.Body, s store.Settings) error {
	return WriteFile(path, Notice(m, body, s, time.Now()))
}

// WriteMinutes writes the 会议纪要 of m.
func WriteMinutes(path string, m *store.Meeting, s store.Settings) error {
	return WriteFile(path, Minutes(m, s))
}

// FontsOf are the document fonts the settings name.
func FontsOf(s store.Settings) Fonts {
	f := s.Fonts
	return Fonts{Title: f.Title, Body: f.Body, Heading1: f.Heading1, Heading2: f.Heading2, PageNumber: f.PageNumber}.OrDefault()
}

// Notice is the 会议通知 in the GB/T 9704 通知 layout without a red
// letterhead: title, 主送, the opening sentence, 一、时间 二、地点 三、参会人员
// 四、会议议程 五、有关要求 (回执 and contact), the 附件 line, 落款 and
// 成文日期. today is the 成文日期 when the notice has none.
func Notice(m *store.Meeting, body *store.Body, s store.Settings, today time.Time) Doc {
	title := "关于召开" + m.Title + "的通知"
	b := []Block{Title(title), Blank(), Flush(store.NoticeTo(m, body) + "：")}
	open := "经研究，定于" + m.When()
	if m.Place != "" {
		open += "在" + m.Place
	}
	open += "召开" + m.Title + "。现将有关事项通知如下："
	if m.Notice.Purpose != "" {
		open = "为" + strings.TrimSuffix(m.Notice.Purpose, "，") + "，" + open
	}
	b = append(b, Para(open))
	n := 0
	heading := func(text string) Block {
		n++
		return Heading1(store.ChineseNumber(n) + "、" + text)
	}
	b = append(b, heading("会议时间"), Para(m.When()+"。"))
	if m.Place != "" {
		b = append(b, heading("会议地点"), Para(m.Place+"。"))
	}
	b = append(b, heading("参会人员"))
	b = append(b, noticeInvitees(m, body)...)
	if len(m.Agenda) > 0 {
		b = append(b, heading("会议议程"))
		for i, a := range m.Agenda {
			b = append(b, Para(fmt.Sprintf("%d．%s", i+1, a.Text)))
		}
	}
	if req := noticeRequirements(m, s); len(req) > 0 {
		b = append(b, heading("有关要求"))
		b = append(b, req...)
	}
	b = append(b, Blank(), Attachment(m.Title+"参会回执"), Blank(), Blank())
	date := today
	if !m.Notice.Date.IsZero() {
		date = m.Notice.Date.Time()
	}
	b = append(b, Signature(store.NoticeSigner(m, s)), Date(DateText(date)))
	return Doc{Fonts: FontsOf(s), Title: title, Blocks: b}
}

// noticeInvitees says who is to attend: the names of a small meeting, or
// the body and the count of a large one, and the 列席 guests apart.
func noticeInvitees(m *store.Meeting, body *store.Body) []Block {
	var seats, guests []string
	for i := range m.Invitees {
		v := &m.Invitees[i]
		if v.Counted() {
			seats = append(seats, v.Label())
		} else {
			guests = append(guests, v.Label())
		}
	}
	var text string
	switch {
	case len(seats) > listNamesUpTo && body != nil:
		text = fmt.Sprintf("%s全体成员（共%d人（单位），名单见会议回执）。", body.Name, len(seats))
	case len(seats) > listNamesUpTo:
		text = fmt.Sprintf("共%d人（单位），名单见会议回执。", len(seats))
	case len(seats) > 0:
		text = strings.Join(seats, "、") + "。"
	default:
		text = "另行通知。"
	}
	out := []Block{Para(text)}
	if len(guests) > 0 {
		out = append(out, Para("列席人员："+strings.Join(guests, "、")+"。"))
	}
	return out
}

// noticeRequirements are the 有关要求: the reply by its day, the clerk's
// own lines, the contact.
func noticeRequirements(m *store.Meeting, s store.Settings) []Block {
	var out []Block
	if !m.Notice.ReplyBy.IsZero() {
		to := cmp.Or(m.Organiser, cmp.Or(store.CleanText(s.GroupName), store.DefaultGroupName)+"秘书处")
		out = append(out, Para("请各参会单位于"+m.Notice.ReplyBy.Chinese()+"前将参会回执（见附件）报送"+to+"。"))
	}
	for _, line := range strings.Split(m.Notice.Requirements, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, Para(line))
		}
	}
	if m.Notice.Contact != "" {
		out = append(out, Para("联系人及电话："+m.Notice.Contact+"。"))
	}
	return out
}

// Minutes is the 会议纪要 in the GB/T 9704 纪要 layout (§10.3): the red
// mark "<会议名称>纪要", the 时间/地点/主持人/记录 lines, the opening, the
// agenda notes, "现将会议议定事项纪要如下：" with the items 一、二、…, then
// after a blank line the 出席：/请假：/列席： lines from the recorded
// attendance.
func Minutes(m *store.Meeting, s store.Settings) Doc {
	title := m.Title + "纪要"
	b := []Block{RedTitle(title), Blank()}
	for _, l := range [][2]string{{"时间：", m.When()}, {"地点：", m.Place}, {"主持人：", m.Host}, {"记录：", m.Recorder}} {
		if l[1] != "" {
			b = append(b, LeadPara(l[0], l[1]))
		}
	}
	if m.Minutes != "" {
		b = append(b, Para(m.Minutes))
	}
	for _, a := range m.Agenda {
		if notes := strings.TrimSpace(a.Notes); notes != "" {
			b = append(b, Para(notes))
		}
	}
	if len(m.Items) > 0 {
		b = append(b, Para("现将会议议定事项纪要如下："))
		for i := range m.Items {
			it := &m.Items[i]
			text := store.ChineseNumber(i+1) + "、" + strings.TrimSuffix(strings.TrimSpace(it.Text), "。") + "。"
			if duty := it.Duty(); duty != "" {
				text += "（" + duty + "）"
			}
			b = append(b, Para(text))
		}
	}
	lines := store.AttendanceLines(m)
	b = append(b, Blank())
	for _, l := range []struct {
		label string
		names []string
	}{{"出席：", lines.Present}, {"请假：", lines.Leave}, {"列席：", lines.Guests}} {
		if len(l.names) > 0 {
			b = append(b, Labeled(l.label, strings.Join(l.names, "、")))
		}
	}
	return Doc{Fonts: FontsOf(s), Title: title, Blocks: b}
}
