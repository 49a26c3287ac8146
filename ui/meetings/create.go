package meetings

import (
	"slices"

	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// createForm is 新建会议. A clerk prepares a meeting in a minute: the
// type follows the body chosen, the title is suggested from the body and
// the date until the clerk types their own, and the store invites the
// body's roster as of the date.
type createForm struct {
	v     *Section
	d     *kit.FormDialog
	kinds []string

	title, time, place, host, recorder, organiser *kit.KeyEntry
	kind, body                                    *widget.Select
	date                                          *kit.DateEntry
	bodies                                        []uuid.UUID // the body choices after （无）
	// suggested is the title last suggested; while the field still holds
	// it, a change of body or date suggests again.
	suggested string
}

func (v *Section) showCreate() {
	if v.list == nil {
		return
	}
	f := &createForm{v: v, kinds: store.MeetingKindsOf(v.sh.Settings())}
	f.d = kit.NewFormDialog(v.sh, "保存", f.save)
	f.addFields()
	f.d.Show("新建会议")
	f.d.Fit()
}

func (f *createForm) addFields() {
	f.title = kit.TextEntry("", checkTitle)
	f.kind = widget.NewSelect(translated(f.kinds), func(string) { f.d.UpdateSave() })
	f.kind.PlaceHolder = msg.T("请选择")
	f.body = f.bodySelect()
	f.date = kit.NewDateEntry(kit.Today(), true)
	f.date.OnDate = func(store.Date) { f.suggest() }
	f.time = kit.TextEntry("09:00", checkTime)
	f.place = kit.TextEntry("", nil)
	f.host = kit.TextEntry("", nil)
	f.recorder = kit.TextEntry("", nil)
	f.organiser = kit.TextEntry(f.v.sh.Settings().GroupName+msg.T("秘书处"), nil)
	f.d.SetValid(func() bool { return f.kind.SelectedIndex() >= 0 })

	f.d.AddWidget("所属机构", f.body)
	f.d.AddWidget("会议类型", f.kind)
	f.d.AddDate("会议日期", store.FieldMeetingDate, f.date)
	f.d.Alias(store.FieldDate, store.FieldMeetingDate)
	f.d.AddEntry("会议名称", store.FieldMeetingTitle, f.title)
	f.d.AddEntry("会议时间", store.FieldMeetingTime, f.time)
	f.d.AddEntry("会议地点", store.FieldMeetingPlace, f.place)
	f.d.AddEntry("主持人", "", f.host)
	f.d.AddEntry("记录", "", f.recorder)
	f.d.AddEntry("承办", "", f.organiser)
	f.d.AddWidget("", kit.Hint(msg.T("保存后按所属机构在会议日期的名单生成参会人员；没有所属机构的会议（如联席会议）可在“参会人员”中逐一添加。")))
	f.bodyChosen()
}

// bodySelect offers （无） and every body; the body chosen in the list's
// filter comes first selected.
func (f *createForm) bodySelect() *widget.Select {
	names := []string{msg.T("（无）")}
	for _, b := range f.v.list.bodies {
		f.bodies = append(f.bodies, b.ID)
		names = append(names, b.Name)
	}
	sel := widget.NewSelect(names, func(string) { f.bodyChosen() })
	sel.SetSelectedIndex(slices.Index(f.bodies, f.v.filter.body) + 1)
	return sel
}

// chosenBody is the body chosen, or nil.
func (f *createForm) chosenBody() *store.Body {
	if i := f.body.SelectedIndex(); i > 0 {
		return f.v.list.body(f.bodies[i-1])
	}
	return nil
}

// bodyChosen sets the type a meeting of the body usually is, and
// suggests a title.
func (f *createForm) bodyChosen() {
	if f.kind == nil || f.date == nil {
		return // still being built
	}
	if k := kindFor(f.chosenBody(), f.kinds); k >= 0 {
		f.kind.SetSelectedIndex(k)
	}
	f.suggest()
}

// suggest writes "<机构名称><年份>年第N次会议" into the title, unless the
// clerk has typed a title of their own.
func (f *createForm) suggest() {
	if f.title == nil || (f.title.Text != "" && f.title.Text != f.suggested) {
		return
	}
	b, d := f.chosenBody(), f.date.Date()
	if b == nil || d.IsZero() {
		return
	}
	f.suggested = msg.Tf("%s%d年第%d次会议", b.Name, d.Year(), f.v.list.countOf(b.ID, d.Year())+1)
	f.title.SetText(f.suggested)
}

// bodyKinds are the meeting types a body's meetings usually are.
var bodyKinds = map[store.BodyType]string{
	"理事会": "理事会", "常务理事会": "常务理事会", "监事会": "监事会", "秘书处": "秘书长办公会",
	"指导委员会": "工作委员会会议", "工作委员会": "工作委员会会议", "专门委员会": "工作委员会会议", "共同体": "联席会议",
}

// kindFor is the index in kinds of the type b's meetings usually are
// (联席会议 for no body), -1 if the clerk's list lacks it.
func kindFor(b *store.Body, kinds []string) int {
	k := "联席会议"
	if b != nil {
		k = bodyKinds[b.Type]
		if k == "" {
			k = "其他"
		}
	}
	return slices.Index(kinds, k)
}

func (f *createForm) save() (func() error, func(), error) {
	m := store.Meeting{Title: f.title.Text, Kind: f.kinds[f.kind.SelectedIndex()], Date: f.date.Date(),
		Time: f.time.Text, Place: f.place.Text, Host: f.host.Text, Recorder: f.recorder.Text,
		Organiser: f.organiser.Text, Status: store.MeetingPlanned}
	if b := f.chosenBody(); b != nil {
		m.BodyID = b.ID
	}
	s, ctx := f.v.sh.Store(), f.v.sh.Context()
	var saved store.Meeting
	write := func() (err error) {
		saved, err = s.CreateMeeting(ctx, m)
		return err
	}
	after := func() {
		f.v.sh.Changed(store.KindMeeting, saved.ID)
		f.v.openMeeting(saved.ID)
	}
	return write, after, nil
}

// checkTitle: required and not too long, as the store checks it.
func checkTitle(s string) error {
	m := store.Meeting{Title: store.CleanText(s), Kind: "-", Date: kit.Today(), Status: store.MeetingPlanned}
	return kit.StoreError(m.Validate())
}

func checkTime(s string) error {
	_, err := store.CheckMeetingTime(s)
	return kit.StoreError(err)
}

// translated is each of texts in the chosen language.
func translated(texts []string) []string {
	out := make([]string, len(texts))
	for i, s := range texts {
		out[i] = msg.T(s)
	}
	return out
}
