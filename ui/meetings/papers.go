package meetings

import (
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/docx"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// The meeting's Word documents, written with the fonts of 系统 → 设置.

func (p *meetingPage) chooseNotice() {
	kit.ChooseSaveFileOf(p.v.sh, kit.Document, p.m.Title+msg.T("通知")+".docx", p.saveNotice)
}

// saveNotice writes the 会议通知 to path in the background.
func (p *meetingPage) saveNotice(path string) {
	m, body, st := p.paper(), p.bodyCopy(), p.v.sh.Settings()
	kit.ExportInBackground(p.v.sh, "正在导出会议通知", path, func() error { return docx.WriteNotice(path, m, body, st) })
}

func (p *meetingPage) chooseMinutes() {
	kit.ChooseSaveFileOf(p.v.sh, kit.Document, p.m.Title+msg.T("纪要")+".docx", p.saveMinutes)
}

// saveMinutes writes the 会议纪要 to path in the background.
func (p *meetingPage) saveMinutes(path string) {
	m, st := p.paper(), p.v.sh.Settings()
	kit.ExportInBackground(p.v.sh, "正在导出会议纪要", path, func() error { return docx.WriteMinutes(path, m, st) })
}

// bodyCopy is the meeting's body as loaded (a copy), or nil.
func (p *meetingPage) bodyCopy() *store.Body {
	if p.body == nil {
		return nil
	}
	b := p.body.Clone()
	return &b
}
