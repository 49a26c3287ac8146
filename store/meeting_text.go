package store

import (
	"cmp"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// The words of the meeting codes. They are the Chinese the printed papers
// and the audit summaries use, and the keys ui/msg translates.

// Word is the status in Chinese: 筹备中, 已召开, 已取消.
func (s MeetingStatus) Word() string {
	switch s {
	case MeetingHeld:
		return "已召开"
	case MeetingCancelled:
		return "已取消"
	}
	return "筹备中"
}

// Word is the reply in Chinese: 拟出席, 请假, 委托, 未回复.
func (s ReplyState) Word() string {
	switch s {
	case ReplyAttend:
		return "拟出席"
	case ReplyLeave:
		return "请假"
	case ReplyProxy:
		return "委托"
	}
	return "未回复"
}

// Word is the attendance in Chinese: 出席, 请假, 缺席, 列席, 委托, 未签到.
func (s AttendState) Word() string {
	switch s {
	case AttendPresent:
		return "出席"
	case AttendLeave:
		return "请假"
	case AttendAbsent:
		return "缺席"
	case AttendGuest:
		return "列席"
	case AttendProxy:
		return "委托"
	}
	return "未签到"
}

// Word is the role in Chinese: 名单内, 增补, 列席.
func (r InviteeRole) Word() string {
	switch r {
	case RoleExtra:
		return "增补"
	case RoleGuest:
		return "列席"
	}
	return "名单内"
}

// Word is the quorum rule in Chinese.
func (q QuorumRule) Word() string {
	if q == QuorumTwoThirds {
		return "三分之二以上"
	}
	return "过半数"
}

// ParseAttendState reads an attendance state as a clerk writes it (the
// command line, a sheet): the Chinese word or the code.
func ParseAttendState(s string) (AttendState, bool) {
	s = CleanText(s)
	for _, st := range append([]AttendState{AttendNone}, AttendStates...) {
		if s == string(st) || s == st.Word() {
			return st, true
		}
	}
	return "", false
}

// Audit summaries, stored in Chinese like every summary.

func meetingCreated(m *Meeting) string {
	return "新增会议 " + m.Title + "（" + m.Date.Chinese() + "，参会 " + strconv.Itoa(len(m.Invitees)) + " 人/单位）"
}

// meetingUpdated names what part of a meeting a save changed.
func meetingUpdated(old, m *Meeting) string {
	var parts []string
	same := func(a, b any) bool {
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(b)
		return string(x) == string(y)
	}
	if old.Title != m.Title || old.Kind != m.Kind || !old.Date.Equal(m.Date) || old.Time != m.Time ||
		old.Place != m.Place || old.Host != m.Host || old.Recorder != m.Recorder ||
		old.Organiser != m.Organiser || old.BodyID != m.BodyID || old.Note != m.Note {
		parts = append(parts, "基本信息")
	}
	if old.Status != m.Status {
		parts = append(parts, "状态 "+old.Status.Word()+"→"+m.Status.Word())
	}
	if !same(old.Notice, m.Notice) {
		parts = append(parts, "通知")
	}
	if !same(old.Agenda, m.Agenda) {
		parts = append(parts, "议程")
	}
	if !same(old.Invitees, m.Invitees) {
		parts = append(parts, "参会人员 "+strconv.Itoa(len(old.Invitees))+"→"+strconv.Itoa(len(m.Invitees)))
	}
	if !same(old.Items, m.Items) || old.Minutes != m.Minutes {
		parts = append(parts, "纪要（议定事项 "+strconv.Itoa(len(m.Items))+" 项）")
	}
	return "修改会议 " + m.Title + "：" + cmp.Or(strings.Join(parts, "，"), "无变化")
}

func attendSummary(m *Meeting, v *Invitee) string {
	s := "签到 " + m.Title + "：" + v.Label() + " " + v.Attend.State.Word()
	if v.Attend.State == AttendProxy {
		s += "（委托" + v.Attend.Proxy + "）"
	}
	return s
}

func replySummary(m *Meeting, v *Invitee) string {
	s := "回执 " + m.Title + "：" + v.Label() + " " + v.Reply.State.Word()
	if v.Reply.Person != "" && v.Reply.State == ReplyAttend {
		s += "（" + v.Reply.Person + "）"
	}
	return s
}

// When is the meeting's day and time as a notice writes it:
// "2026年12月10日（星期四）上午9:30", "2026年12月10日（星期四）".
func (m *Meeting) When() string {
	if m.Date.IsZero() {
		return ""
	}
	s := m.Date.Chinese() + "（星期" + []string{"日", "一", "二", "三", "四", "五", "六"}[m.Date.Time().Weekday()] + "）"
	t, err := time.Parse("15:04", m.Time)
	if err != nil {
		return s
	}
	switch h := t.Hour(); {
	case h < 12:
		return s + "上午" + strconv.Itoa(h) + t.Format(":04")
	case h == 12:
		return s + "中午12" + t.Format(":04")
	default:
		return s + "下午" + strconv.Itoa(h-12) + t.Format(":04")
	}
}

// Duty is who does an agreed item by when, as the minutes print it after
// the item: "牵头单位：潍坊职业学院；责任单位：秘书处、山东海化集团有限公司；
// 责任人：张成刚；完成时限：2026年6月30日前". Parts not given are left out.
func (it *AgreedItem) Duty() string {
	var parts []string
	if it.Lead.Name != "" {
		parts = append(parts, "牵头单位："+it.Lead.Name)
	}
	var units []string
	for _, u := range it.Units {
		if u.Name != "" {
			units = append(units, u.Name)
		}
	}
	if len(units) > 0 {
		parts = append(parts, "责任单位："+strings.Join(units, "、"))
	}
	if it.Owner != "" {
		parts = append(parts, "责任人："+it.Owner)
	}
	if !it.Due.IsZero() {
		parts = append(parts, "完成时限："+it.Due.Chinese()+"前")
	}
	return strings.Join(parts, "；")
}
