package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// An Opener makes a fresh, empty data set for one subtest and returns the
// function that opens it: the first call creates it; a call after the
// returned Store was closed reopens the same data, so a subtest can prove
// that what it wrote persists. The opener closes what is still open when
// the subtest ends (t.Cleanup).
type Opener func(t *testing.T) func(o store.Options) store.Store

// Run runs the behaviour every engine's Store must show, one subtest per
// behaviour, each on a fresh data set. Every subtest ends with the
// integrity check (store.Checker) of the data it left.
func Run(t *testing.T, open Opener) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, open)
			defer h.finish()
			c.fn(t, h)
		})
	}
}

// cases are the subtests of Run, in order.
var cases = []struct {
	name string
	fn   func(t *testing.T, h *harness)
}{
	{"Members/CreateAndReopen", testMembersCreateAndReopen},
	{"Members/Duplicates", testMembersDuplicates},
	{"Members/LifeCycle", testMembersLifeCycle},
	{"Members/InvalidTransitions", testMembersInvalidTransitions},
	{"Members/Conflict", testMembersConflict},
	{"Members/ConflictOtherClerk", testMembersConflictOtherClerk},
	{"Members/Rev", testMembersRev},
	{"Members/Warnings", testMembersWarnings},
	{"Trash/Restore", testTrashRestore},
	{"Trash/Purge", testTrashPurge},
	{"Repair", testRepair},
	{"People/CreateAndReopen", testPeopleCreateAndReopen},
	{"People/Duplicates", testPeopleDuplicates},
	{"People/UnknownMember", testPeopleUnknownMember},
	{"People/Conflict", testPeopleConflict},
	{"People/DeleteHoldingSeat", testPeopleDeleteHoldingSeat},
	{"Bodies/CreateSaveReopen", testBodiesCreateSaveReopen},
	{"Bodies/ParentCycle", testBodiesParentCycle},
	{"Bodies/Conflict", testBodiesConflict},
	{"Bodies/MissingHolder", testBodiesMissingHolder},
	{"Bodies/Seats", testBodiesSeats},
	{"Bodies/DeleteRestore", testBodiesDeleteRestore},
	{"Rosters/AsOf", testRostersAsOf},
	{"Meetings/FromRoster", testMeetingsFromRoster},
	{"Meetings/Attend", testMeetingsAttend},
	{"Meetings/Update", testMeetingsUpdate},
	{"Meetings/Replies", testMeetingsReplies},
	{"Meetings/ListDelete", testMeetingsListDelete},
	{"Tasks/Create", testTasksCreate},
	{"Tasks/Process", testTasksProcess},
	{"Tasks/Rounds", testTasksRounds},
	{"Tasks/FromMeeting", testTasksFromMeeting},
	{"Tasks/Dispatch", testTasksDispatch},
	{"Tasks/Import", testTasksImport},
	{"Indicators/Catalogue", testIndicatorsCatalogue},
	{"Indicators/Values", testIndicatorsValues},
	{"Indicators/Returns", testIndicatorsReturns},
	{"Indicators/Reproducible", testIndicatorsReproducible},
	{"Import/Apply", testImportApply},
	{"Import/ErrorWritesNothing", testImportErrorWritesNothing},
	{"Import/Rechecks", testImportRechecks},
	{"RosterImport/Apply", testRosterImportApply},
	{"RosterImport/WritesNothing", testRosterImportWritesNothing},
	{"Audit/Trail", testAuditTrail},
	{"Audit/RosterTrail", testAuditRosterTrail},
	{"Audit/Clerk", testAuditClerk},
	{"Audit/Query", testAuditQuery},
	{"Settings", testSettings},
	{"Check", testCheck},
	{"Script/Deterministic", testScriptDeterministic},
	{"Copy", testCopy},
}

// Start is the fake clock's first reading: after Last, so synthetic
// histories are not in the future.
var Start = time.Date(2026, time.November, 15, 10, 0, 0, 0, cst)

// Clock is a fake clock that ticks one second per reading, so every write
// has its own time and audit times strictly increase.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock starts a Clock at Start.
func NewClock() *Clock { return &Clock{t: Start} }

func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// The clerks the subtests write as.
const (
	clerk, pc           = "li", "office-1"
	otherClerk, otherPC = "wang", "office-2"
)

// harness is one subtest's data set: the open store and how to reopen it.
type harness struct {
	t      *testing.T
	ctx    context.Context
	opener Opener
	open   func(store.Options) store.Store
	clock  *Clock
	opt    store.Options
	s      store.Store
}

func newHarness(t *testing.T, opener Opener) *harness {
	h := &harness{t: t, ctx: context.Background(), opener: opener, open: opener(t), clock: NewClock()}
	h.opt = store.Options{Now: h.clock.Now, Clerk: clerk, PC: pc}
	h.s = h.open(h.opt)
	return h
}

// finish runs the integrity check on what the subtest left (deferred, so
// it runs before the opener's cleanups close the store).
func (h *harness) finish() {
	if h.s != nil {
		h.mustCheck()
	}
}

// reopen closes the store and opens the same data again, as the same clerk.
func (h *harness) reopen() { h.reopenAs(h.opt) }

// reopenAs closes the store and opens the same data with other options.
func (h *harness) reopenAs(o store.Options) {
	h.t.Helper()
	if err := h.s.Close(); err != nil {
		h.t.Fatalf("Close: %v", err)
	}
	h.s = nil
	h.s = h.open(o)
}

func (h *harness) mustCheck() {
	h.t.Helper()
	if err := Check(h.ctx, h.s); err != nil {
		h.t.Fatalf("Check: %v", err)
	}
}

// Check runs the store's integrity check; a store without one fails.
func Check(ctx context.Context, s store.Store) error {
	c, ok := store.As[store.Checker](s)
	if !ok {
		return errors.New("store has no integrity check (store.Checker)")
	}
	return c.Check(ctx)
}

// state is everything a reader of the store can see, as one string: a
// refused write must leave it as it was.
func (h *harness) state() string {
	h.t.Helper()
	ms, err1 := h.s.Members(h.ctx)
	ps, err2 := h.s.People(h.ctx)
	bs, err3 := h.s.Bodies(h.ctx)
	tr, err4 := h.s.Trash(h.ctx)
	st, err5 := h.s.Settings(h.ctx)
	au, err6 := h.s.Audit(h.ctx, store.AuditQuery{})
	mt, err7 := h.s.Meetings(h.ctx, store.MeetingFilter{})
	tk, err8 := h.s.Tasks(h.ctx)
	dp, err9 := h.s.Dispatches(h.ctx)
	cs, err10 := h.s.Catalogues(h.ctx)
	var vals []store.UnitValues
	for _, c := range cs {
		v, err := h.s.UnitValues(h.ctx, c.Year)
		if err != nil {
			h.t.Fatal(err)
		}
		vals = append(vals, v...)
	}
	if err := errors.Join(err1, err2, err3, err4, err5, err6, err7, err8, err9, err10); err != nil {
		h.t.Fatal(err)
	}
	data, err := json.Marshal([]any{len(ms), len(ps), len(bs), len(tr), len(au), ms, ps, bs, tr, st, au, mt, tk, dp, cs, vals})
	if err != nil {
		h.t.Fatal(err)
	}
	return string(data)
}

// unchanged fails if the store's state is not before.
func (h *harness) unchanged(before, what string) {
	h.t.Helper()
	if h.state() != before {
		h.t.Fatalf("%s changed the stored data", what)
	}
}

func (h *harness) audit(q store.AuditQuery) []store.AuditEntry {
	h.t.Helper()
	got, err := h.s.Audit(h.ctx, q)
	if err != nil {
		h.t.Fatal(err)
	}
	return got
}

func (h *harness) member(id uuid.UUID) store.Member {
	h.t.Helper()
	m, err := h.s.Member(h.ctx, id)
	if err != nil {
		h.t.Fatal(err)
	}
	return m
}

func (h *harness) body(id uuid.UUID) store.Body {
	h.t.Helper()
	b, err := h.s.Body(h.ctx, id)
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

func (h *harness) create(m store.Member) store.Member { return MustCreate(h.t, h.s, m) }
func (h *harness) person(p store.Person) store.Person { return MustPerson(h.t, h.s, p) }
func (h *harness) newBody(b store.Body) store.Body    { return MustBody(h.t, h.s, b) }

func (h *harness) save(b store.Body, ch store.BodyChange) store.Body {
	return MustSave(h.t, h.s, b, ch)
}

func (h *harness) must(err error) {
	h.t.Helper()
	if err != nil {
		h.t.Fatal(err)
	}
}

// Date is store.NewDate, short.
func Date(y int, m time.Month, d int) store.Date { return store.NewDate(y, m, d) }

// Weifang is a member as the 新增 dialog hands it over: admitted in 2015,
// with a valid credit code.
func Weifang() store.Member {
	return store.Member{
		Name: "潍坊职业学院", CreditCode: "91512081MA62K0260E", Type: "高职院校",
		Province: "山东省", City: "潍坊市", Address: "潍坊市滨海经济技术开发区富海路 1 号",
		Contact: "王芳", Phone: "0536-8185000", Email: "office@sdwfvc.edu.cn", Note: "牵头单位",
		Events: []store.Event{{Kind: store.EventJoin, Date: Date(2015, 3, 1), Tier: "理事长单位", Basis: "第一届理事会第一次会议"}},
	}
}

// Company is a second, unrelated member with no events.
func Company(name, code string) store.Member {
	return store.Member{Name: name, CreditCode: code, Type: "企业", City: "潍坊市"}
}

// ValidCode completes 17 characters with their GB 32100 check character.
func ValidCode(first17 string) string {
	return first17 + string(store.CreditCodeCheckChar(first17))
}

// MustCreate creates m or fails the test.
func MustCreate(t testing.TB, s store.Store, m store.Member) store.Member {
	t.Helper()
	saved, err := s.CreateMember(context.Background(), m)
	if err != nil {
		t.Fatalf("CreateMember(%s): %v", m.Name, err)
	}
	return saved
}

// MustPerson creates p or fails the test.
func MustPerson(t testing.TB, s store.Store, p store.Person) store.Person {
	t.Helper()
	saved, err := s.CreatePerson(context.Background(), p)
	if err != nil {
		t.Fatalf("CreatePerson(%s): %v", p.Name, err)
	}
	return saved
}

// MustBody creates b or fails the test.
func MustBody(t testing.TB, s store.Store, b store.Body) store.Body {
	t.Helper()
	saved, err := s.CreateBody(context.Background(), b)
	if err != nil {
		t.Fatalf("CreateBody(%s): %v", b.Name, err)
	}
	return saved
}

// MustSave saves b after ch or fails the test.
func MustSave(t testing.TB, s store.Store, b store.Body, ch store.BodyChange) store.Body {
	t.Helper()
	saved, err := s.SaveBody(context.Background(), b, ch)
	if err != nil {
		t.Fatalf("SaveBody(%s, %s): %v", b.Name, ch.Op, err)
	}
	return saved
}

// WantFieldError asserts err is a *store.FieldError on field with problem.
func WantFieldError(t testing.TB, err error, field store.Field, problem store.Problem) *store.FieldError {
	t.Helper()
	fe, ok := store.AsFieldError(err)
	if !ok {
		t.Fatalf("want 「%s」%s, got %v", field, problem, err)
	}
	if fe.Field != field || fe.Problem != problem {
		t.Fatalf("want 「%s」%s, got 「%s」%s (%s)", field, problem, fe.Field, fe.Problem, fe.Detail)
	}
	return fe
}

// WantFieldErrorDetail also asserts the error's detail.
func WantFieldErrorDetail(t testing.TB, err error, f store.Field, p store.Problem, detail string) {
	t.Helper()
	if fe := WantFieldError(t, err, f, p); fe.Detail != detail {
		t.Fatalf("「%s」%s: detail %q, want %q", f, p, fe.Detail, detail)
	}
}

// WantConflict asserts err is a *store.ConflictError naming the record of
// kind k and name, changed by by at at (at zero: not compared).
func WantConflict(t testing.TB, err error, k store.Kind, name, by string, at time.Time) *store.ConflictError {
	t.Helper()
	var ce *store.ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, store.ErrConflict) {
		t.Fatalf("want a *store.ConflictError, got %v", err)
	}
	if ce.Kind != k || ce.Name != name || ce.By != by || (!at.IsZero() && !ce.At.Equal(at)) {
		t.Fatalf("conflict %+v, want kind %q name %q by %q at %v", *ce, k, name, by, at)
	}
	return ce
}

// field is one compared field: what it is, and the two values.
type field struct {
	name      string
	want, got any
}

func compareFields(t testing.TB, what string, fields []field) {
	t.Helper()
	for _, f := range fields {
		if f.want != f.got {
			t.Errorf("%s %s: want %v, got %v", what, f.name, f.want, f.got)
		}
	}
}

func stampFields(w, g store.Stamp) []field {
	return []field{
		{"Rev", w.Rev, g.Rev}, {"Created", w.Created.UnixNano(), g.Created.UnixNano()},
		{"Updated", w.Updated.UnixNano(), g.Updated.UnixNano()}, {"UpdatedBy", w.UpdatedBy, g.UpdatedBy},
	}
}

// AssertSameMember compares two members field by field, times by instant.
func AssertSameMember(t testing.TB, want, got store.Member) {
	t.Helper()
	fs := []field{
		{"ID", want.ID, got.ID}, {"Name", want.Name, got.Name}, {"CreditCode", want.CreditCode, got.CreditCode},
		{"CodeReason", want.CodeReason, got.CodeReason}, {"Type", want.Type, got.Type},
		{"Province", want.Province, got.Province}, {"City", want.City, got.City},
		{"Address", want.Address, got.Address}, {"Contact", want.Contact, got.Contact},
		{"Phone", want.Phone, got.Phone}, {"Email", want.Email, got.Email}, {"Note", want.Note, got.Note},
		{"Warnings", len(want.Warnings), len(got.Warnings)}, {"Events", len(want.Events), len(got.Events)},
	}
	fs = append(fs, stampFields(want.Stamp, got.Stamp)...)
	for i := range min(len(want.Warnings), len(got.Warnings)) {
		fs = append(fs, field{fmt.Sprintf("Warnings[%d]", i), want.Warnings[i], got.Warnings[i]})
	}
	for i := range min(len(want.Events), len(got.Events)) {
		w, g := want.Events[i], got.Events[i]
		fs = append(fs,
			field{"Event.ID", w.ID, g.ID}, field{"Event.Kind", w.Kind, g.Kind}, field{"Event.Date", w.Date, g.Date},
			field{"Event.Tier", w.Tier, g.Tier}, field{"Event.FromTier", w.FromTier, g.FromTier},
			field{"Event.Basis", w.Basis, g.Basis}, field{"Event.ExitKind", w.ExitKind, g.ExitKind},
			field{"Event.Reason", w.Reason, g.Reason}, field{"Event.Recorded", w.Recorded.UnixNano(), g.Recorded.UnixNano()})
	}
	compareFields(t, want.Name, fs)
}

// AssertSamePerson compares two people field by field, times by instant.
func AssertSamePerson(t testing.TB, want, got store.Person) {
	t.Helper()
	fs := []field{
		{"ID", want.ID, got.ID}, {"Name", want.Name, got.Name}, {"Gender", want.Gender, got.Gender},
		{"MemberID", want.MemberID, got.MemberID}, {"Unit", want.Unit, got.Unit},
		{"Title", want.Title, got.Title}, {"Mobile", want.Mobile, got.Mobile}, {"Phone", want.Phone, got.Phone},
		{"Email", want.Email, got.Email}, {"Note", want.Note, got.Note}, {"LeftOn", want.LeftOn, got.LeftOn},
	}
	compareFields(t, want.Name, append(fs, stampFields(want.Stamp, got.Stamp)...))
}

// AssertSameBody compares two bodies field by field, down to every term,
// seat and representative.
func AssertSameBody(t testing.TB, want, got store.Body) {
	t.Helper()
	fs := []field{
		{"ID", want.ID, got.ID}, {"Name", want.Name, got.Name}, {"Type", want.Type, got.Type},
		{"ParentID", want.ParentID, got.ParentID}, {"Ordering", want.Ordering, got.Ordering},
		{"Note", want.Note, got.Note}, {"Terms", len(want.Terms), len(got.Terms)},
	}
	compareFields(t, want.Name, append(fs, stampFields(want.Stamp, got.Stamp)...))
	for i := range min(len(want.Terms), len(got.Terms)) {
		w, g := want.Terms[i], got.Terms[i]
		what := fmt.Sprintf("%s term %d", want.Name, i)
		compareFields(t, what, []field{
			{"ID", w.ID, g.ID}, {"Number", w.Number, g.Number}, {"Start", w.Start, g.Start},
			{"End", w.End, g.End}, {"Seats", len(w.Seats), len(g.Seats)},
		})
		for j := range min(len(w.Seats), len(g.Seats)) {
			assertSameSeat(t, fmt.Sprintf("%s seat %d", what, j), w.Seats[j], g.Seats[j])
		}
	}
}

func assertSameSeat(t testing.TB, what string, w, g store.Seat) {
	t.Helper()
	fields := []field{
		{"ID", w.ID, g.ID}, {"Position", w.Position, g.Position}, {"PersonID", w.PersonID, g.PersonID},
		{"MemberID", w.MemberID, g.MemberID}, {"Title", w.Title, g.Title}, {"Rank", w.Rank, g.Rank},
		{"Start", w.Start, g.Start}, {"End", w.End, g.End}, {"Note", w.Note, g.Note},
		{"Reps", len(w.Reps), len(g.Reps)},
	}
	for k := range min(len(w.Reps), len(g.Reps)) {
		wr, gr := w.Reps[k], g.Reps[k]
		fields = append(fields, field{"Rep.PersonID", wr.PersonID, gr.PersonID}, field{"Rep.Title", wr.Title, gr.Title},
			field{"Rep.Start", wr.Start, gr.Start}, field{"Rep.End", wr.End, gr.End})
	}
	compareFields(t, what, fields)
}

// RosterFixture is a data set with two members, four people and a 理事会
// whose first term (from 2020-01-01) has a 理事长 person seat held by 张成刚
// and a 理事 unit seat held by the company and represented by 王威, each
// saved as its own change.
type RosterFixture struct {
	WF, Co                store.Member
	Zhang, Li, Wang, Zhao store.Person
	Council               store.Body
	Term                  uuid.UUID
	Chair, UnitSeat       uuid.UUID
}

// NewRosterFixture writes the fixture into s.
func NewRosterFixture(t testing.TB, s store.Store) *RosterFixture {
	t.Helper()
	f := &RosterFixture{}
	f.WF = MustCreate(t, s, Weifang())
	co := Company("山东海化集团有限公司", ValidCode("91370700MA3C00002"))
	co.Events = []store.Event{{Kind: store.EventJoin, Date: Date(2019, 7, 18), Tier: "理事单位"}}
	f.Co = MustCreate(t, s, co)
	f.Zhang = MustPerson(t, s, store.Person{Name: "张成刚", Gender: "男", MemberID: f.WF.ID, Title: "校长"})
	f.Li = MustPerson(t, s, store.Person{Name: "李建华", Unit: "区委宣传部", Title: "副部长"})
	f.Wang = MustPerson(t, s, store.Person{Name: "王威", MemberID: f.Co.ID, Title: "董事长"})
	f.Zhao = MustPerson(t, s, store.Person{Name: "赵敏", Gender: "女", MemberID: f.Co.ID, Title: "总经理"})
	b := MustBody(t, s, store.Body{Name: "理事会", Type: "理事会"})
	term, err := b.AddTerm(1, Date(2020, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	f.Term = term.ID
	b = MustSave(t, s, b, store.BodyChange{Op: store.TermStarted, TermID: f.Term})
	chair, err := b.AddSeat(f.Term, "理事长", store.SeatHolder{PersonID: f.Zhang.ID, Title: "校长"}, store.Date{})
	if err != nil {
		t.Fatal(err)
	}
	f.Chair = chair.ID
	b = MustSave(t, s, b, store.BodyChange{Op: store.SeatAdded, TermID: f.Term, SeatID: f.Chair})
	seat, err := b.AddSeat(f.Term, "理事", store.SeatHolder{MemberID: f.Co.ID, RepID: f.Wang.ID, Title: "董事长"}, Date(2020, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	f.UnitSeat = seat.ID
	f.Council = MustSave(t, s, b, store.BodyChange{Op: store.SeatAdded, TermID: f.Term, SeatID: f.UnitSeat})
	return f
}

// wantAudit compares entries with the wanted action, kind and summary.
type auditWant struct {
	action  store.Action
	kind    store.Kind
	summary string
}

func compareAudit(t testing.TB, got []store.AuditEntry, want []auditWant) {
	t.Helper()
	if len(got) < len(want) {
		t.Fatalf("%d audit entries, want at least %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Action != w.action || g.Kind != w.kind || g.Summary != w.summary {
			t.Errorf("entry %d: %s %s %q, want %s %s %q", i, g.Action, g.Kind, g.Summary, w.action, w.kind, w.summary)
		}
	}
}
