package tasks

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// taskForm is 新建任务 and 修改任务: a task's own fields. Its history
// (process, extensions, inspections, flags) changes only through its own
// buttons on the task's page, so a form never overwrites a round another
// clerk recorded meanwhile; a save over another clerk's newer edit of the
// fields is refused and offers 重新载入.
type taskForm struct {
	v    *Section
	d    *kit.FormDialog
	base store.Task // the task edited, or a new one

	number, title, requirement, sourceText, person, weeks *kit.KeyEntry
	units, helpers                                        *unitsField
	milestones                                            *kit.KeyEntry
	sourceKind, meeting, frequency                        *widget.Select
	category, lead                                        *widget.SelectEntry
	sourceDate, start, deadline                           *kit.DateEntry
	meetings                                              []*store.Meeting // the meeting choices
}

// frequencies are the 反馈频次 offered; the last is every N weeks.
var frequencies = []struct {
	word   string
	months int
}{{"每月", 1}, {"每两月", 2}, {"每季度", 3}, {"每半年", 6}, {"每N周", 0}}

// showTaskForm opens the form for t, or for a new task when t is nil.
func (v *Section) showTaskForm(t *store.Task) {
	if v.data == nil {
		return
	}
	f := &taskForm{v: v}
	title := "新建任务"
	if t != nil {
		f.base, title = t.Clone(), "修改任务"
	} else {
		today := kit.Today()
		f.base = store.Task{Start: today, Deadline: today.AddMonths(3), Source: store.TaskSource{Kind: store.SourceDocument}}
	}
	f.d = kit.NewFormDialog(v.sh, "保存", f.save)
	f.addFields()
	f.d.Show(title)
	f.d.Fit()
}

func (f *taskForm) addFields() {
	t, d := &f.base, f.v.data
	f.number = kit.TextEntry(t.Number, nil)
	f.number.SetPlaceHolder(msg.T("留空则自动编号"))
	f.title = kit.TextEntry(t.Title, kit.Check(checkTaskTitle))
	f.requirement = multiEntry(t.Requirement, 2)
	f.sourceKind = widget.NewSelect(translatedWords(store.SourceKinds), func(string) { f.sourceChosen() })
	f.meeting = f.meetingSelect()
	f.sourceText = kit.TextEntry(t.Source.Text, nil)
	f.sourceDate = kit.NewDateEntry(t.Source.Date, false)
	f.category = widget.NewSelectEntry(d.categories)
	f.category.SetText(t.Category)
	f.lead = widget.NewSelectEntry(d.unitNames())
	f.lead.SetText(t.Lead.Name)
	f.units = newUnitsField(unitNamesOf(t.Units), d.unitNames())
	f.helpers = newUnitsField(unitNamesOf(t.Helpers), d.unitNames())
	f.person = kit.TextEntry(t.Person, nil)
	f.start = kit.NewDateEntry(t.Start, true)
	f.deadline = kit.NewDateEntry(t.Deadline, true)
	f.frequency, f.weeks = f.frequencyFields()
	f.milestones = multiEntry(milestonesText(t.Milestones), 3)
	f.milestones.SetPlaceHolder(msg.T("每行一个：日期 预期成果，如 2026-06-30 完成方案"))
	f.milestones.Validator = func(s string) error { _, err := parseMilestones(s, nil); return kit.StoreError(err) }

	f.d.AddEntry("事项编号", store.FieldTaskNumber, f.number)
	f.d.AddEntry("任务事项", store.FieldTaskTitle, f.title)
	f.d.AddEntry("工作要求", "", f.requirement)
	f.d.AddWidget("来源", container.NewGridWithColumns(2, f.sourceKind, f.meeting))
	f.d.AddEntry("来源说明", store.FieldTaskSource, f.sourceText)
	f.d.AddDate("来源日期", "", f.sourceDate)
	f.d.AddWidget("类别", f.category)
	f.d.NewColumn()
	f.d.AddWidget("牵头单位", f.lead)
	f.d.AddWidget("责任单位", f.units.view)
	f.d.AddWidget("配合单位", f.helpers.view)
	f.d.AddEntry("责任人", store.FieldTaskPerson, f.person)
	f.d.AddDate("立项日期", store.FieldTaskStart, f.start)
	f.d.AddDate("完成时限", store.FieldTaskDeadline, f.deadline)
	f.d.AddWidget("反馈频次", container.NewGridWithColumns(2, f.frequency, f.weeks))
	f.d.AddEntry("节点", "", f.milestones)
	if t.ID != uuid.Nil {
		f.d.AddWidget("", kit.Hint(msg.T("完成时限是原定时限；立项后改时限请在任务页“延期”中申请，原定时限保留在案。")))
	}
	f.sourceKind.SetSelected(msg.T(t.Source.Kind.Word()))
}

// checkTaskTitle: required and not too long, as the store checks it.
func checkTaskTitle(s string) error {
	t := store.Task{Title: store.CleanText(s), Lead: store.UnitRef{Name: "-"}, Start: kit.Today(), Deadline: kit.Today(),
		Source: store.TaskSource{Kind: store.SourceOther}}
	return t.Validate()
}

// meetingSelect offers the meetings held or planned, newest first, for a
// task from a meeting's decisions.
func (f *taskForm) meetingSelect() *widget.Select {
	names := []string{}
	for i := len(f.v.data.meetings) - 1; i >= 0; i-- {
		m := &f.v.data.meetings[i]
		f.meetings = append(f.meetings, m)
		names = append(names, m.Title+" "+m.Date.String())
	}
	sel := widget.NewSelect(names, func(string) {
		if m := f.chosenMeeting(); m != nil {
			f.sourceText.SetText(m.Title)
			f.sourceDate.SetDate(m.Date)
		}
	})
	sel.PlaceHolder = msg.T("选择会议")
	for i, m := range f.meetings {
		if m.ID == f.base.Source.MeetingID {
			sel.SetSelectedIndex(i)
		}
	}
	return sel
}

func (f *taskForm) chosenMeeting() *store.Meeting {
	if i := f.meeting.SelectedIndex(); i >= 0 && i < len(f.meetings) {
		return f.meetings[i]
	}
	return nil
}

// sourceChosen offers the meetings only for 会议议定事项.
func (f *taskForm) sourceChosen() {
	kit.ShowIf(f.meeting, codeOf(store.SourceKinds, wordOf(f.sourceKind, store.SourceKinds)) == store.SourceMeeting)
}

// frequencyFields are the 反馈频次 select and the N of 每N周.
func (f *taskForm) frequencyFields() (*widget.Select, *kit.KeyEntry) {
	words := make([]string, len(frequencies))
	for i, fr := range frequencies {
		words[i] = msg.T(fr.word)
	}
	weeks := kit.TextEntry("", func(s string) error {
		_, err := store.CheckCount(store.FieldFrequency, s, 26)
		return kit.StoreError(err)
	})
	weeks.SetPlaceHolder(msg.T("周数"))
	sel := widget.NewSelect(words, nil)
	sel.OnChanged = func(string) {
		if sel.SelectedIndex() == len(frequencies)-1 {
			weeks.Enable()
		} else {
			weeks.SetText("")
			weeks.Disable()
		}
		f.d.UpdateSave()
	}
	fr := f.base.Frequency
	switch {
	case fr.Weeks > 0:
		weeks.SetText(strconv.Itoa(fr.Weeks))
		sel.SetSelectedIndex(len(frequencies) - 1)
	default:
		sel.SetSelectedIndex(0)
		for i, x := range frequencies {
			if x.months == max(fr.Months, 1) {
				sel.SetSelectedIndex(i)
			}
		}
	}
	return sel, weeks
}

func (f *taskForm) chosenFrequency() store.Frequency {
	i := f.frequency.SelectedIndex()
	if i == len(frequencies)-1 {
		n, _ := strconv.Atoi(strings.TrimSpace(f.weeks.Text))
		return store.Frequency{Weeks: n}
	}
	return store.Frequency{Months: frequencies[max(i, 0)].months}
}

// task is the task the fields describe, over the one edited.
func (f *taskForm) task() (store.Task, error) {
	t, d := f.base.Clone(), f.v.data
	t.Number, t.Title, t.Requirement = f.number.Text, f.title.Text, f.requirement.Text
	t.Source.Kind = codeOf(store.SourceKinds, wordOf(f.sourceKind, store.SourceKinds))
	t.Source.Text, t.Source.Date = f.sourceText.Text, f.sourceDate.Date()
	t.Source.MeetingID = uuid.Nil
	if m := f.chosenMeeting(); m != nil && t.Source.Kind == store.SourceMeeting {
		t.Source.MeetingID = m.ID
	}
	if t.Source.MeetingID != f.base.Source.MeetingID {
		t.Source.ItemID = uuid.Nil
	}
	t.Category, t.Lead, t.Person = store.CleanText(f.category.Text), d.unitRef(f.lead.Text), f.person.Text
	t.Units, t.Helpers = d.unitRefs(f.units.entry.Text), d.unitRefs(f.helpers.entry.Text)
	t.Start, t.Deadline, t.Frequency = f.start.Date(), f.deadline.Date(), f.chosenFrequency()
	ms, err := parseMilestones(f.milestones.Text, f.base.Milestones)
	if err != nil {
		return t, err
	}
	t.Milestones = ms
	if t.Frequency.Weeks == 0 && t.Frequency.Months == 0 {
		return t, &store.FieldError{Field: store.FieldFrequency, Problem: store.ProblemRequired}
	}
	c := t.Clone()
	c.Clean()
	return t, c.Validate()
}

func (f *taskForm) save() (func() error, func(), error) {
	t, err := f.task()
	if err != nil {
		return nil, nil, err
	}
	s, ctx := f.v.sh.Store(), f.v.sh.Context()
	var saved store.Task
	write := func() (err error) {
		if t.ID == uuid.Nil {
			saved, err = s.CreateTask(ctx, t)
		} else {
			saved, err = s.UpdateTask(ctx, t)
		}
		return err
	}
	after := func() {
		f.v.written(saved.ID)
		if f.v.page == nil || f.v.page.id != saved.ID {
			f.v.openTask(saved.ID)
		}
	}
	return write, after, nil
}

// milestonesText is the milestones one a line: 2026-06-30 完成方案.
func milestonesText(ms []store.Milestone) string {
	lines := make([]string, len(ms))
	for i, m := range ms {
		lines[i] = m.Date.String() + " " + m.Expected
	}
	return strings.Join(lines, "\n")
}

// parseMilestones reads the lines of the 节点 field; a milestone already
// reached (same text in old) keeps the day it was reached.
func parseMilestones(text string, old []store.Milestone) ([]store.Milestone, error) {
	var out []store.Milestone
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		day, expected, _ := strings.Cut(line, " ")
		d, err := store.ParseDate(day)
		if err != nil || strings.TrimSpace(expected) == "" {
			return nil, &store.FieldError{Field: fieldMilestone, Problem: problemMilestoneLine, Detail: fmt.Sprintf("第%d行", i+1)}
		}
		m := store.Milestone{Date: d, Expected: strings.TrimSpace(expected)}
		for _, o := range old {
			if o.Expected == m.Expected {
				m.Reached = o.Reached
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// The 节点 field's own problem: a line that is not a date and a text.
const (
	fieldMilestone       store.Field   = "节点"
	problemMilestoneLine store.Problem = "每行应为“日期 预期成果”"
)

// unitsField is several units typed with 、 between them, with a list to
// add one from the register at the end.
type unitsField struct {
	entry *kit.KeyEntry
	view  fyne.CanvasObject
}

func newUnitsField(text string, names []string) *unitsField {
	u := &unitsField{entry: kit.TextEntry(text, nil)}
	u.entry.SetPlaceHolder(msg.T("多个单位用顿号或逗号分隔"))
	add := widget.NewSelect(names, nil)
	add.PlaceHolder = msg.T("添加…")
	add.OnChanged = func(name string) {
		if name == "" {
			return
		}
		if cur := strings.TrimSpace(u.entry.Text); cur != "" {
			name = cur + "、" + name
		}
		u.entry.SetText(name)
		add.ClearSelected()
	}
	u.view = container.NewBorder(nil, nil, nil, sized(add, 110), u.entry)
	return u
}

// multiEntry is a multi-line field of rows lines that wraps, Tab moving on.
func multiEntry(text string, rows int) *kit.KeyEntry {
	e := kit.NewKeyEntry()
	e.MultiLine, e.Wrapping, e.TabMovesFocus = true, fyne.TextWrapWord, true
	e.SetMinRowsVisible(rows)
	e.SetText(text)
	return e
}

// translatedWords are the words of codes in the chosen language.
func translatedWords[T worded](codes []T) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = msg.T(c.Word())
	}
	return out
}

// wordOf is the Chinese word of the code chosen in sel, whose options are
// translatedWords(codes).
func wordOf[T worded](sel *widget.Select, codes []T) string {
	if i := sel.SelectedIndex(); i >= 0 && i < len(codes) {
		return codes[i].Word()
	}
	return ""
}
