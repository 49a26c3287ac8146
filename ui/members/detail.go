package members

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// memberDetail is the panel beside the table: every field of the selected
// unit, its credit-code flag and recorded warnings, and its history.
type memberDetail struct {
	view fyne.CanvasObject
	box  *fyne.Container
}

func newMemberDetail() *memberDetail {
	d := &memberDetail{box: container.NewVBox()}
	d.view = container.NewVScroll(d.box)
	return d
}

// show fills the panel for m, or a hint if nothing is selected.
func (d *memberDetail) show(m *store.Member, asOf store.Date) {
	if m == nil {
		hint := widget.NewLabel(msg.T("在左侧列表中选择一个单位，这里显示它的全部信息和变动记录。"))
		hint.Wrapping = fyne.TextWrapWord
		d.box.Objects = []fyne.CanvasObject{hint}
		d.box.Refresh()
		return
	}
	title := kit.Bold(m.Name)
	title.SizeName = theme.SizeNameSubHeadingText
	objs := []fyne.CanvasObject{title, detailFields(m, asOf)}
	objs = append(objs, detailWarnings(m)...)
	objs = append(objs, widget.NewSeparator(), kit.Bold(msg.T("变动记录")), detailHistory(m))
	d.box.Objects = objs
	d.box.Refresh()
}

// detailFields is every field of m as label: value rows.
func detailFields(m *store.Member, asOf store.Date) fyne.CanvasObject {
	today := kit.Today()
	code := m.CreditCode
	if m.CodeFlagged() {
		code += " " + msg.T("（校验未通过）")
	}
	rows := []kit.LabelValue{{"状态", stateText(m.StateOn(today))}}
	if !asOf.Equal(today) {
		rows = append(rows, kit.LabelValue{msg.Tf("截至%s", msg.Date(asOf)), stateText(m.StateOn(asOf))})
	}
	rows = append(rows, []kit.LabelValue{
		{"统一社会信用代码", code},
		{"信用代码说明", m.CodeReason},
		{"单位类型", msg.T(string(m.Type))},
		{"省份", m.Province},
		{"城市", m.City},
		{"地址", m.Address},
		{"联系人", m.Contact},
		{"联系电话", m.Phone},
		{"电子邮箱", m.Email},
		{"备注", m.Note},
	}...)
	return kit.DetailRows(slices.DeleteFunc(rows, func(r kit.LabelValue) bool {
		return r.Value == "" && r.Label == "信用代码说明"
	}))
}

// stateText says where a unit stands: 在册 · 理事单位 · 2023年7月18日加入.
func stateText(s store.State) string {
	parts := []string{msg.T(string(s.Status))}
	switch s.Status {
	case store.StatusActive:
		parts = append(parts, msg.T(string(s.Tier)), msg.Tf("%s加入", msg.Date(s.JoinedOn)))
	case store.StatusLeft:
		parts = append(parts, msg.T(string(s.ExitKind)), msg.Tf("%s退出", msg.Date(s.LeftOn)))
	}
	return strings.Join(parts, " · ")
}

// detailWarnings are the credit-code flag and the recorded import warnings.
func detailWarnings(m *store.Member) []fyne.CanvasObject {
	var texts []string
	if m.CodeFlagged() {
		texts = append(texts, msg.FieldError(&store.FieldError{Field: store.FieldCreditCode, Problem: store.ProblemCodeCheck, Detail: m.CreditCode}))
	}
	for _, w := range m.Warnings {
		texts = append(texts, msg.FieldError(w.FieldError()))
	}
	var out []fyne.CanvasObject
	for _, t := range texts {
		l := kit.Wrap("⚠ " + t)
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	return out
}

// detailHistory lists the events in order: date, then what happened.
func detailHistory(m *store.Member) fyne.CanvasObject {
	if len(m.Events) == 0 {
		return widget.NewLabel(msg.T("无变动记录"))
	}
	grid := container.New(layout.NewFormLayout())
	for _, e := range m.Events {
		grid.Add(widget.NewLabel(e.Date.String()))
		grid.Add(kit.Wrap(eventText(e)))
	}
	return grid
}

// eventText is one step of the history: 事项 · 类别 · 依据/原因.
func eventText(e store.Event) string {
	parts := []string{msg.T(string(e.Kind))}
	switch e.Kind {
	case store.EventJoin:
		parts = append(parts, msg.T(string(e.Tier)))
	case store.EventTier:
		parts = append(parts, msg.T(string(e.FromTier))+" → "+msg.T(string(e.Tier)))
	case store.EventExit:
		parts = append(parts, msg.T(string(e.ExitKind)))
	}
	if e.Basis != "" {
		parts = append(parts, msg.T("依据：")+e.Basis)
	}
	if e.Reason != "" {
		parts = append(parts, msg.T("原因：")+e.Reason)
	}
	return strings.Join(parts, " · ")
}
