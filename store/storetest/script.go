package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// Script writes a scripted history through s: members registered with
// their admissions, tier changes, exits and rejoins; people; bodies with
// their first term, seats, a 换届, a replacement, a change of
// representative and an ended seat; a member deleted and restored, a
// person deleted to the trash; the settings. now is the clock s was opened
// with: the events are dated relative to its today, so the script runs on
// a real clock as well as a fake one. Two engines that run it from empty
// must give equal Dumps.
func Script(ctx context.Context, s store.Store, now func() time.Time) error {
	today := store.DateOf(now())
	if today.Before(Date(2025, 1, 1)) {
		return fmt.Errorf("storetest.Script needs a clock after 2025, not %s", today)
	}
	sc := &script{ctx: ctx, s: s}
	wf := sc.member(Weifang())
	co := sc.member(Company("山东海化集团有限公司", ValidCode("91370700MA3C00002")))
	sg := sc.member(store.Member{Name: "寿光蔬菜产业集团", Type: "企业", City: "寿光市",
		Warnings: []store.Warning{{Field: store.FieldPhone, Problem: store.ProblemBadPhone, Detail: "12345"}},
		Events:   []store.Event{{Kind: store.EventApply, Date: Date(2016, 4, 1)}, {Kind: store.EventJoin, Date: Date(2016, 5, 1), Tier: "成员单位"}}})
	tech := Company("潍坊市技师学院", ValidCode("12370700MB1234567"))
	tech.Type = "技工院校"
	school := sc.member(tech)
	sc.event(co, store.Event{Kind: store.EventJoin, Date: Date(2019, 7, 18), Tier: "理事单位", Basis: "第二届理事会第三次会议"})
	sc.event(co, store.Event{Kind: store.EventTier, Date: Date(2021, 3, 1), Tier: "常务理事单位"})
	sc.event(sg, store.Event{Kind: store.EventExit, Date: Date(2018, 12, 31), ExitKind: "自愿退出", Reason: "经营调整"})
	sc.event(sg, store.Event{Kind: store.EventJoin, Date: Date(2022, 6, 1), Tier: "理事单位"})
	sc.event(wf, store.Event{Kind: store.EventTier, Date: Date(2023, 1, 1), Tier: "副理事长单位"})
	sc.event(school, store.Event{Kind: store.EventJoin, Date: Date(2020, 9, 1), Tier: "成员单位"})
	sc.event(school, store.Event{Kind: store.EventExit, Date: Date(2024, 12, 31), ExitKind: "除名", Reason: "未缴会费"})
	if sc.err == nil {
		m, err := s.Member(ctx, wf)
		sc.fail(err)
		m.Contact, m.Phone = "李强", "13805361234"
		_, err = s.UpdateMember(ctx, m)
		sc.fail(err)
	}
	// A whole import: one update, one new unit.
	if sc.err == nil {
		existing, err := s.Members(ctx)
		sc.fail(err)
		plan := store.PlanImport(existing, []store.ImportRow{
			{Row: 2, Member: store.Member{Name: "山东海化集团有限公司", Type: "企业", Email: "hh@example.com"}},
			{Row: 3, Member: Company("潍坊银行", ""), JoinDate: Date(2020, 1, 1), Tier: "成员单位"},
		}, now())
		_, err = s.ApplyImport(ctx, plan)
		sc.fail(err)
	}

	zhang := sc.person(store.Person{Name: "张成刚", Gender: "男", MemberID: wf, Title: "校长", Mobile: "13805361234"})
	li := sc.person(store.Person{Name: "李建华", Unit: "区委宣传部", Title: "副部长"})
	wang := sc.person(store.Person{Name: "王威", MemberID: co, Title: "董事长"})
	zhao := sc.person(store.Person{Name: "赵敏", Gender: "女", MemberID: co, Title: "总经理"})
	temp := sc.person(store.Person{Name: "临时人员", Unit: "市教育局"})
	sc.fail(sc.orErr(func() error { return s.DeletePerson(ctx, temp) }))

	council := sc.body(store.Body{Name: "理事会", Type: "理事会"})
	sc.body(store.Body{Name: "常务理事会", Type: "常务理事会", ParentID: council, Ordering: store.OrderRanked})
	sc.change(council, func(b *store.Body) (store.BodyChange, error) {
		t, err := b.AddTerm(1, Date(2020, 1, 1))
		if err != nil {
			return store.BodyChange{}, err
		}
		return store.BodyChange{Op: store.TermStarted, TermID: t.ID}, nil
	})
	var chair, unitSeat, extra uuid.UUID
	addSeat := func(out *uuid.UUID, pos string, h store.SeatHolder, start store.Date) {
		sc.change(council, func(b *store.Body) (store.BodyChange, error) {
			t := b.CurrentTerm()
			seat, err := b.AddSeat(t.ID, pos, h, start)
			if err != nil {
				return store.BodyChange{}, err
			}
			*out = seat.ID
			return store.BodyChange{Op: store.SeatAdded, TermID: t.ID, SeatID: seat.ID}, nil
		})
	}
	addSeat(&chair, "理事长", store.SeatHolder{PersonID: zhang, Title: "校长"}, store.Date{})
	addSeat(&unitSeat, "理事", store.SeatHolder{MemberID: co, RepID: wang, Title: "董事长"}, Date(2020, 3, 1))
	addSeat(&extra, "理事", store.SeatHolder{PersonID: li, Title: "副部长"}, store.Date{})
	sc.change(council, func(b *store.Body) (store.BodyChange, error) {
		t := b.CurrentTerm()
		return store.BodyChange{Op: store.RepChanged, TermID: t.ID, SeatID: unitSeat},
			b.ChangeRep(t.ID, unitSeat, Date(2021, 6, 1), zhao, "总经理")
	})
	sc.change(council, func(b *store.Body) (store.BodyChange, error) {
		t := b.CurrentTerm()
		return store.BodyChange{Op: store.SeatEnded, TermID: t.ID, SeatID: extra}, b.EndSeat(t.ID, extra, Date(2022, 7, 1))
	})
	sc.change(council, func(b *store.Body) (store.BodyChange, error) {
		t, err := b.NewTerm(2, Date(2023, 1, 1))
		if err != nil {
			return store.BodyChange{}, err
		}
		return store.BodyChange{Op: store.TermStarted, TermID: t.ID}, nil
	})
	sc.change(council, func(b *store.Body) (store.BodyChange, error) {
		t := b.CurrentTerm()
		from := t.Seats[0].ID
		next, err := b.ReplaceHolder(t.ID, from, Date(2024, 1, 1), store.SeatHolder{PersonID: li, Title: "部长"})
		if err != nil {
			return store.BodyChange{}, err
		}
		return store.BodyChange{Op: store.SeatReplaced, TermID: t.ID, SeatID: next.ID, FromSeatID: from}, nil
	})
	sc.meetings(council)
	sc.indicators(wf)
	// A trash and restore.
	sc.fail(sc.orErr(func() error { return s.DeleteMember(ctx, school) }))
	sc.fail(sc.orErr(func() error { return s.Restore(ctx, school) }))
	sc.fail(sc.orErr(func() error {
		return s.SaveSettings(ctx, store.Settings{GroupName: "潍坊现代职业教育集团", Positions: []string{"理事长", "理事"}})
	}))
	return sc.err
}

// script runs the steps of Script until the first error.
type script struct {
	ctx context.Context
	s   store.Store
	err error
}

func (sc *script) fail(err error) {
	if sc.err == nil && err != nil {
		sc.err = err
	}
}

func (sc *script) orErr(fn func() error) error {
	if sc.err != nil {
		return nil
	}
	return fn()
}

func (sc *script) member(m store.Member) uuid.UUID {
	if sc.err != nil {
		return uuid.Nil
	}
	saved, err := sc.s.CreateMember(sc.ctx, m)
	sc.fail(err)
	return saved.ID
}

func (sc *script) event(id uuid.UUID, e store.Event) {
	if sc.err != nil {
		return
	}
	_, err := sc.s.AddEvent(sc.ctx, id, e)
	sc.fail(err)
}

func (sc *script) person(p store.Person) uuid.UUID {
	if sc.err != nil {
		return uuid.Nil
	}
	saved, err := sc.s.CreatePerson(sc.ctx, p)
	sc.fail(err)
	return saved.ID
}

func (sc *script) body(b store.Body) uuid.UUID {
	if sc.err != nil {
		return uuid.Nil
	}
	saved, err := sc.s.CreateBody(sc.ctx, b)
	sc.fail(err)
	return saved.ID
}

// change loads the body, applies fn and saves it with the change fn names.
func (sc *script) change(id uuid.UUID, fn func(b *store.Body) (store.BodyChange, error)) {
	if sc.err != nil {
		return
	}
	b, err := sc.s.Body(sc.ctx, id)
	if err != nil {
		sc.fail(err)
		return
	}
	ch, err := fn(&b)
	if err != nil {
		sc.fail(err)
		return
	}
	_, err = sc.s.SaveBody(sc.ctx, b, ch)
	sc.fail(err)
}

// meetings holds a council meeting with its replies, attendance and
// minutes, and a meeting deleted to the trash.
func (sc *script) meetings(council uuid.UUID) {
	if sc.err != nil {
		return
	}
	m, err := sc.s.CreateMeeting(sc.ctx, store.Meeting{Title: "第二届理事会第二次会议", Kind: "理事会", BodyID: council,
		Date: Date(2024, 3, 1), Time: "09:30", Place: "潍坊职业学院", Agenda: []store.AgendaItem{{Text: "审议年度工作报告"}}})
	if sc.fail(err); err != nil || len(m.Invitees) < 2 {
		sc.fail(fmt.Errorf("meeting invitees %d: %v", len(m.Invitees), err))
		return
	}
	first, second := m.Invitees[0].ID, m.Invitees[1].ID
	_, err = sc.s.SetReply(sc.ctx, m.ID, first, store.Reply{}, store.Reply{State: store.ReplyAttend, Person: "李建华"})
	sc.fail(err)
	_, err = sc.s.SetAttend(sc.ctx, m.ID, first, store.Attend{}, store.Attend{State: store.AttendPresent})
	sc.fail(err)
	m, err = sc.s.SetAttend(sc.ctx, m.ID, second, store.Attend{}, store.Attend{State: store.AttendProxy, Proxy: "刘洋"})
	if sc.fail(err); err != nil {
		return
	}
	m.Status = store.MeetingHeld
	m.Items = []store.AgreedItem{{Text: "修订章程", Lead: store.UnitRef{Name: "秘书处"}, Due: Date(2024, 6, 30)}}
	_, err = sc.s.UpdateMeeting(sc.ctx, m)
	sc.fail(err)
	gone, err := sc.s.CreateMeeting(sc.ctx, store.Meeting{Title: "取消的会议", Kind: "其他", Date: Date(2024, 4, 1)})
	sc.fail(err)
	sc.fail(sc.orErr(func() error { return sc.s.DeleteMeeting(sc.ctx, gone.ID) }))
	if sc.err == nil {
		sc.tasks(m)
	}
}

// tasks holds the meeting's item made a task, assigned, inspected twice,
// extended, a flag recorded and corrected, a quarter's dispatch.
func (sc *script) tasks(m store.Meeting) {
	m, err := sc.s.Meeting(sc.ctx, m.ID)
	sc.fail(err)
	if err != nil || len(m.Items) == 0 {
		return
	}
	t, err := sc.s.TaskFromItem(sc.ctx, m.ID, m.Items[0].ID)
	if sc.fail(err); err != nil {
		return
	}
	_, err = sc.s.AddTaskStep(sc.ctx, t.ID, store.TaskEvent{Step: store.StepAssign, Date: Date(2024, 3, 5)})
	sc.fail(err)
	for _, in := range []store.Inspection{
		{Round: "2024-03", Date: Date(2024, 3, 20), Progress: "起草初稿", Percent: 30},
		{Round: "2024-04", Date: Date(2024, 4, 20), Progress: "征求意见", Percent: 60, Problems: "意见未收齐", FixBy: Date(2024, 5, 10)},
	} {
		_, err = sc.s.SaveInspection(sc.ctx, t.ID, nil, in)
		sc.fail(err)
	}
	t, err = sc.s.RequestExtension(sc.ctx, t.ID, store.Extension{Requested: Date(2024, 6, 1), Reason: "待理事会审议", NewDeadline: Date(2024, 9, 30)})
	if sc.fail(err); err != nil {
		return
	}
	_, err = sc.s.DecideExtension(sc.ctx, t.ID, t.Extensions[0].ID, store.ExtApproved, Date(2024, 6, 3))
	sc.fail(err)
	_, err = sc.s.RecordFlags(sc.ctx, "2024-04")
	sc.fail(err)
	_, err = sc.s.CorrectFlag(sc.ctx, t.ID, "2024-04", store.FlagGreen, "已按时整改")
	sc.fail(err)
	_, err = sc.s.ApplyDispatch(sc.ctx, store.Dispatch{Quarter: "2024-Q2", Date: Date(2024, 6, 28),
		Decisions: []store.DispatchDecision{{TaskID: t.ID, Decision: store.DispatchContinue, Requirement: "9月底前提交理事会"}}})
	sc.fail(err)
}

// indicators holds a catalogue with a typed value, filed, and a second
// version.
func (sc *script) indicators(member uuid.UUID) {
	if sc.err != nil {
		return
	}
	_, err := sc.s.StartCatalogue(sc.ctx, 2024)
	sc.fail(err)
	v := 12.0
	_, err = sc.s.SetValue(sc.ctx, 2024, member, "training_bases", nil, &v)
	sc.fail(err)
	_, err = sc.s.FileCatalogue(sc.ctx, 2024, Date(2025, 3, 1))
	sc.fail(err)
	_, err = sc.s.NewCatalogueVersion(sc.ctx, 2024)
	sc.fail(err)
}

// Snapshot is everything a store holds, as Dump reads it: every UUID is
// replaced by its order of first appearance (so two runs that made the
// same history with random IDs compare equal) and every time is in UTC.
type Snapshot struct {
	Members    []store.Member
	People     []store.Person
	Bodies     []store.Body
	Meetings   []store.Meeting
	Tasks      []store.Task
	Dispatches []store.Dispatch
	Catalogues []store.Catalogue
	Values     []store.UnitValues
	Trash      []store.TrashItem
	Settings   store.Settings
	Audit      []store.AuditEntry
}

// Dump reads everything s holds, normalised (see Snapshot).
func Dump(ctx context.Context, s store.Store) (Snapshot, error) {
	var snap Snapshot
	var err error
	if snap.Members, err = s.Members(ctx); err != nil {
		return snap, err
	}
	if snap.People, err = s.People(ctx); err != nil {
		return snap, err
	}
	if snap.Bodies, err = s.Bodies(ctx); err != nil {
		return snap, err
	}
	if snap.Meetings, err = s.Meetings(ctx, store.MeetingFilter{}); err != nil {
		return snap, err
	}
	if snap.Tasks, err = s.Tasks(ctx); err != nil {
		return snap, err
	}
	if snap.Dispatches, err = s.Dispatches(ctx); err != nil {
		return snap, err
	}
	if snap.Catalogues, err = s.Catalogues(ctx); err != nil {
		return snap, err
	}
	for _, c := range snap.Catalogues {
		if c.Version == 1 {
			vs, err := s.UnitValues(ctx, c.Year)
			if err != nil {
				return snap, err
			}
			snap.Values = append(snap.Values, vs...)
		}
	}
	if snap.Trash, err = s.Trash(ctx); err != nil {
		return snap, err
	}
	if snap.Settings, err = s.Settings(ctx); err != nil {
		return snap, err
	}
	if snap.Audit, err = s.Audit(ctx, store.AuditQuery{}); err != nil {
		return snap, err
	}
	return snap, snap.normalise()
}

// ids numbers UUIDs in order of first appearance.
type ids map[uuid.UUID]uuid.UUID

func (m ids) fix(id *uuid.UUID) {
	if *id == uuid.Nil {
		return
	}
	n, ok := m[*id]
	if !ok {
		n = uuid.UUID{}
		i := len(m) + 1
		for j := 15; j >= 8 && i > 0; j-- {
			n[j], i = byte(i), i>>8
		}
		m[*id] = n
	}
	*id = n
}

var uuidText = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// text replaces the UUIDs written in s.
func (m ids) text(s string) string {
	return uuidText.ReplaceAllStringFunc(s, func(u string) string {
		id := uuid.MustParse(u)
		m.fix(&id)
		return id.String()
	})
}

func utc(t *time.Time) {
	if !t.IsZero() {
		*t = t.UTC()
	}
}

func stampUTC(s *store.Stamp) { utc(&s.Created); utc(&s.Updated) }

func (snap *Snapshot) normalise() error {
	m := ids{}
	for i := range snap.Members {
		r := &snap.Members[i]
		m.fix(&r.ID)
		for j := range r.Events {
			m.fix(&r.Events[j].ID)
			utc(&r.Events[j].Recorded)
		}
		stampUTC(&r.Stamp)
	}
	for i := range snap.People {
		r := &snap.People[i]
		m.fix(&r.ID)
		m.fix(&r.MemberID)
		stampUTC(&r.Stamp)
	}
	for i := range snap.Bodies {
		r := &snap.Bodies[i]
		m.fix(&r.ID)
		m.fix(&r.ParentID)
		for j := range r.Terms {
			t := &r.Terms[j]
			m.fix(&t.ID)
			for k := range t.Seats {
				s := &t.Seats[k]
				m.fix(&s.ID)
				m.fix(&s.PersonID)
				m.fix(&s.MemberID)
				for l := range s.Reps {
					m.fix(&s.Reps[l].PersonID)
				}
			}
		}
		stampUTC(&r.Stamp)
	}
	for i := range snap.Meetings {
		m.fixMeeting(&snap.Meetings[i])
	}
	for i := range snap.Tasks {
		m.fixTask(&snap.Tasks[i])
	}
	for i := range snap.Dispatches {
		d := &snap.Dispatches[i]
		m.fix(&d.ID)
		m.fix(&d.MeetingID)
		for j := range d.Decisions {
			m.fix(&d.Decisions[j].TaskID)
		}
		stampUTC(&d.Stamp)
	}
	for i := range snap.Catalogues {
		m.fix(&snap.Catalogues[i].ID)
		stampUTC(&snap.Catalogues[i].Stamp)
	}
	for i := range snap.Values {
		v := &snap.Values[i]
		m.fix(&v.ID)
		m.fix(&v.MemberID)
		stampUTC(&v.Stamp)
		for j := range v.History {
			utc(&v.History[j].At)
		}
		for j := range v.Returns {
			m.fix(&v.Returns[j].Round)
			utc(&v.Returns[j].At)
		}
	}
	for i := range snap.Trash {
		r := &snap.Trash[i]
		m.fix(&r.ID)
		utc(&r.Deleted)
		// The record as JSON: canonical form (an engine may store JSON
		// in its own layout), its UUIDs numbered like the others.
		var v any
		if err := json.Unmarshal(r.Data, &v); err != nil {
			return fmt.Errorf("trash item %s: %w", r.ID, err)
		}
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		r.Data = json.RawMessage(m.text(string(data)))
	}
	for i := range snap.Audit {
		r := &snap.Audit[i]
		m.fix(&r.ID)
		m.fix(&r.RecordID)
		r.Session = uuid.Nil
		utc(&r.Time)
		r.Summary = m.text(r.Summary)
	}
	return nil
}

func (m ids) fixMeeting(r *store.Meeting) {
	m.fix(&r.ID)
	m.fix(&r.BodyID)
	m.fix(&r.TermID)
	for j := range r.Invitees {
		v := &r.Invitees[j]
		m.fix(&v.ID)
		m.fix(&v.SeatID)
		m.fix(&v.PersonID)
		m.fix(&v.MemberID)
	}
	for j := range r.Items {
		it := &r.Items[j]
		m.fix(&it.ID)
		m.fix(&it.TaskID)
		m.fix(&it.Lead.MemberID)
		m.fix(&it.Lead.BodyID)
		for k := range it.Units {
			m.fix(&it.Units[k].MemberID)
			m.fix(&it.Units[k].BodyID)
		}
	}
	stampUTC(&r.Stamp)
}

func (m ids) fixTask(t *store.Task) {
	m.fix(&t.ID)
	m.fix(&t.PersonID)
	m.fix(&t.Source.MeetingID)
	m.fix(&t.Source.ItemID)
	for _, list := range [][]store.UnitRef{{t.Lead}, t.Units, t.Helpers} {
		for k := range list {
			m.fix(&list[k].MemberID)
			m.fix(&list[k].BodyID)
		}
	}
	m.fix(&t.Lead.MemberID)
	m.fix(&t.Lead.BodyID)
	for j := range t.Events {
		m.fix(&t.Events[j].ID)
		utc(&t.Events[j].Recorded)
	}
	for j := range t.Extensions {
		m.fix(&t.Extensions[j].ID)
	}
	stampUTC(&t.Stamp)
}

// WithoutClockTimes is the snapshot with every time that comes from the
// store's clock zeroed (Created, Updated, Recorded, Deleted, audit times,
// and the trashed records' copies of them), for comparing stores that ran
// on real clocks. Dates the clerk gave are kept.
func (snap Snapshot) WithoutClockTimes() Snapshot {
	out := snap
	out.Members = append([]store.Member(nil), snap.Members...)
	for i := range out.Members {
		r := &out.Members[i]
		r.Stamp.Created, r.Stamp.Updated = time.Time{}, time.Time{}
		r.Events = append([]store.Event(nil), r.Events...)
		for j := range r.Events {
			r.Events[j].Recorded = time.Time{}
		}
	}
	out.People = append([]store.Person(nil), snap.People...)
	for i := range out.People {
		out.People[i].Created, out.People[i].Updated = time.Time{}, time.Time{}
	}
	out.Bodies = append([]store.Body(nil), snap.Bodies...)
	for i := range out.Bodies {
		out.Bodies[i].Created, out.Bodies[i].Updated = time.Time{}, time.Time{}
	}
	out.Meetings = append([]store.Meeting(nil), snap.Meetings...)
	for i := range out.Meetings {
		out.Meetings[i].Created, out.Meetings[i].Updated = time.Time{}, time.Time{}
	}
	out.Tasks = append([]store.Task(nil), snap.Tasks...)
	for i := range out.Tasks {
		t := &out.Tasks[i]
		t.Created, t.Updated = time.Time{}, time.Time{}
		t.Events = append([]store.TaskEvent(nil), t.Events...)
		for j := range t.Events {
			t.Events[j].Recorded = time.Time{}
		}
	}
	out.Catalogues = append([]store.Catalogue(nil), snap.Catalogues...)
	for i := range out.Catalogues {
		out.Catalogues[i].Created, out.Catalogues[i].Updated = time.Time{}, time.Time{}
	}
	out.Values = append([]store.UnitValues(nil), snap.Values...)
	for i := range out.Values {
		v := &out.Values[i]
		v.Created, v.Updated = time.Time{}, time.Time{}
		v.History = append([]store.ValueChange(nil), v.History...)
		for j := range v.History {
			v.History[j].At = time.Time{}
		}
	}
	out.Dispatches = append([]store.Dispatch(nil), snap.Dispatches...)
	for i := range out.Dispatches {
		out.Dispatches[i].Created, out.Dispatches[i].Updated = time.Time{}, time.Time{}
	}
	out.Trash = append([]store.TrashItem(nil), snap.Trash...)
	for i := range out.Trash {
		out.Trash[i].Deleted = time.Time{}
		out.Trash[i].Data = json.RawMessage(clockFields.ReplaceAllString(string(out.Trash[i].Data), `"$1":""`))
	}
	out.Audit = append([]store.AuditEntry(nil), snap.Audit...)
	for i := range out.Audit {
		out.Audit[i].Time = time.Time{}
	}
	return out
}

var clockFields = regexp.MustCompile(`"(created|updated|recorded)":"[^"]*"`)

// Diff describes the first differences between two snapshots, or "" if
// they are equal.
func Diff(a, b Snapshot) string {
	ja, err1 := json.MarshalIndent(a, "", " ")
	jb, err2 := json.MarshalIndent(b, "", " ")
	if err1 != nil || err2 != nil {
		return fmt.Sprintf("cannot compare: %v %v", err1, err2)
	}
	if string(ja) == string(jb) {
		return ""
	}
	la, lb := strings.Split(string(ja), "\n"), strings.Split(string(jb), "\n")
	var out []string
	for i := 0; i < max(len(la), len(lb)) && len(out) < 10; i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n  - %s\n  + %s", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}

// testScriptDeterministic runs Script on two fresh data sets and requires
// equal Dumps: proof that Dump's normalisation removes what is random, so
// that two engines can be compared the same way.
func testScriptDeterministic(t *testing.T, h *harness) {
	h.must(Script(h.ctx, h.s, h.clock.Now))
	h.reopen()
	first, err := Dump(h.ctx, h.s)
	h.must(err)

	other := newHarness(t, h.opener)
	defer other.finish()
	other.must(Script(other.ctx, other.s, other.clock.Now))
	other.reopen()
	second, err := Dump(other.ctx, other.s)
	other.must(err)

	if d := Diff(first, second); d != "" {
		t.Fatalf("two runs of Script dump differently:\n%s", d)
	}
	if d := Diff(first.WithoutClockTimes(), second.WithoutClockTimes()); d != "" {
		t.Fatalf("WithoutClockTimes differ:\n%s", d)
	}
	if len(first.Members) != 5 || len(first.People) != 4 || len(first.Bodies) != 2 || len(first.Trash) != 2 ||
		len(first.Meetings) != 1 || len(first.Meetings[0].Items) != 1 || first.Meetings[0].Invitees[1].Attend.Proxy != "刘洋" ||
		len(first.Tasks) != 1 || len(first.Tasks[0].Inspections) != 2 || len(first.Dispatches) != 1 ||
		len(first.Catalogues) != 2 || len(first.Values) != 1 || first.Values[0].Values["training_bases"] != 12 ||
		first.Meetings[0].Items[0].TaskID != first.Tasks[0].ID || first.Tasks[0].Flags[0].Flag != store.FlagGreen ||
		first.Settings.GroupName != "潍坊现代职业教育集团" || len(first.Audit) < 30 {
		t.Fatalf("dump: %d members, %d people, %d bodies, %d meetings, %d trash, %d audit entries",
			len(first.Members), len(first.People), len(first.Bodies), len(first.Meetings), len(first.Trash), len(first.Audit))
	}
	if ms, _ := h.s.Members(h.ctx); len(ms) == 0 || first.Members[0].ID == ms[0].ID || first.Members[0].ID != uuid.MustParse("00000000-0000-0000-0000-000000000001") {
		t.Fatalf("Dump did not number the IDs: %s", first.Members[0].ID)
	}
	// A change shows.
	h.must(h.s.SaveSettings(h.ctx, store.Settings{GroupName: "另一个集团"}))
	changed, err := Dump(h.ctx, h.s)
	h.must(err)
	if Diff(first, changed) == "" {
		t.Fatal("Diff found no difference after a change")
	}
}
