package meetings

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// exportBar is the papers of a meeting, in the order a clerk needs them:
// the notice and the reply form before, the returned replies, the sign-in
// sheet at the door, the minutes after.
func (p *meetingPage) exportBar() fyne.CanvasObject {
	return container.NewHBox(
		kit.IconButton("会议通知", theme.DocumentIcon(), p.chooseNotice),
		kit.IconButton("参会回执表", theme.DocumentSaveIcon(), p.chooseReplyForm),
		kit.IconButton("导入回执", theme.UploadIcon(), p.chooseReplies),
		kit.IconButton("签到表", theme.DocumentPrintIcon(), p.chooseSignIn),
		kit.IconButton("会议纪要", theme.DocumentIcon(), p.chooseMinutes))
}

// paper is the meeting as it is written into a file: a copy, so the
// write in the background never reads what the page changes meanwhile.
func (p *meetingPage) paper() *store.Meeting {
	m := p.m.Clone()
	return &m
}

func (p *meetingPage) chooseReplyForm() {
	kit.ChooseSaveFile(p.v.sh, p.m.Title+msg.T("参会回执表")+".xlsx", p.saveReplyForm)
}

// saveReplyForm writes the 参会回执表 to path in the background.
func (p *meetingPage) saveReplyForm(path string) {
	m, group := p.paper(), p.st.GroupName
	kit.ExportInBackground(p.v.sh, "正在导出参会回执表", path, func() error { return xlsx.WriteReplyForm(path, m, group) })
}

// signInOptions are the last choices of the 签到表, offered again.
var signInOptions = struct{ attendance, mask bool }{}

// chooseSignIn asks whether the sheet carries the recorded attendance
// (the copy kept after the meeting) and masks the phones, then where to
// save it.
func (p *meetingPage) chooseSignIn() {
	att := widget.NewCheck(msg.T("含出席情况（会后存档用）"), nil)
	att.SetChecked(signInOptions.attendance || p.m.Status == store.MeetingHeld)
	mask := widget.NewCheck(msg.T("隐藏电话中间四位（如 138****1234）"), nil)
	mask.SetChecked(signInOptions.mask)
	d := dialog.NewCustomConfirm(msg.T("导出签到表"), msg.T("选择保存位置…"), msg.T("取消"),
		container.NewVBox(att, mask), func(ok bool) {
			if !ok {
				return
			}
			signInOptions.attendance, signInOptions.mask = att.Checked, mask.Checked
			kit.ChooseSaveFile(p.v.sh, xlsx.SignInTitle(&p.m)+".xlsx", p.saveSignIn)
		}, p.v.sh.Window())
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
}

// saveSignIn writes the 签到表 to path in the background, with the
// choices last made.
func (p *meetingPage) saveSignIn(path string) {
	m := p.paper()
	o := xlsx.SignInOptions{GroupName: p.st.GroupName, Quorum: p.quorum(),
		Attendance: signInOptions.attendance, MaskPhones: signInOptions.mask}
	kit.ExportInBackground(p.v.sh, "正在导出签到表", path, func() error { return xlsx.WriteSignIn(path, m, o) })
}

// showLedger asks for the period of the 会议台账 (this year by default),
// then where to save it; the ledger lists every meeting of the period,
// whatever the list's filters.
func (v *Section) showLedger() {
	if v.list == nil {
		return
	}
	today := kit.Today()
	since := kit.NewDateEntry(today.StartOfYear(), false)
	until := kit.NewDateEntry(store.NewDate(today.Year(), time.December, 31), false)
	form := widget.NewForm(widget.NewFormItem(msg.T("起始日期"), since), widget.NewFormItem(msg.T("截止日期"), until))
	note := kit.Hint(msg.T("导出这段时间内的全部会议（不受搜索和筛选影响）；日期留空为不限。"))
	d := dialog.NewCustomConfirm(msg.T("导出会议台账"), msg.T("选择保存位置…"), msg.T("取消"),
		container.NewVBox(note, form), func(ok bool) {
			if ok {
				v.saveLedger(since.Date(), until.Date())
			}
		}, v.sh.Window())
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
}

func (v *Section) saveLedger(since, until store.Date) {
	name := msg.T("会议台账") + ".xlsx"
	if !since.IsZero() || !until.IsZero() {
		name = msg.T("会议台账") + "_" + fileDate(since) + "-" + fileDate(until) + ".xlsx"
	}
	kit.ChooseSaveFile(v.sh, name, func(path string) { v.writeLedger(path, since, until) })
}

// writeLedger writes the 会议台账 from since to until to path in the
// background, from the meetings as last loaded.
func (v *Section) writeLedger(path string, since, until store.Date) {
	ms := make([]store.Meeting, len(v.list.rows))
	for i := range v.list.rows {
		ms[i] = *v.list.rows[i].m // shared and read-only: the writer only reads
	}
	bodies, group := v.list.bodies, v.sh.Settings().GroupName
	kit.ExportInBackground(v.sh, "正在导出会议台账", path, func() error {
		return xlsx.WriteLedger(path, ms, bodies, since, until, group)
	})
}

func fileDate(d store.Date) string {
	if d.IsZero() {
		return ""
	}
	return kit.FileDate(d)
}
