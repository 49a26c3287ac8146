package meetings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// tick is one change of an invitee's attendance or reply, from the state
// the clerk saw to the one they chose.
type tick struct {
	invitee    uuid.UUID
	reply      bool
	fromA, toA store.Attend
	fromR, toR store.Reply
}

// tickQueue writes ticks one after another, off the UI thread. A tick is
// shown at once; the next key can come before the store answered, so the
// ticks wait their turn, each sent with the state shown before it: a
// clerk at the door never waits for the disk, and never overwrites a
// tick another clerk made meanwhile (the store refuses it).
type tickQueue struct {
	t       *attendTab
	pending []tick
	busy    bool
}

// attendKeys are the states of keys 1–5 at the door (store.AttendStates).
var attendKeys = map[rune]store.AttendState{'0': store.AttendNone, '1': store.AttendPresent, '2': store.AttendLeave,
	'3': store.AttendAbsent, '4': store.AttendGuest, '5': store.AttendProxy}

// replyKeys are the answers of keys 1–3 before the meeting.
var replyKeys = map[rune]store.ReplyState{'0': store.ReplyNone, '1': store.ReplyAttend, '2': store.ReplyLeave, '3': store.ReplyProxy}

// digit ticks the invitee of row with the key pressed.
func (t *attendTab) digit(row int, r rune) {
	v := &t.p.m.Invitees[row]
	if t.replying() {
		s, ok := replyKeys[r]
		if !ok {
			return
		}
		to := v.Reply
		to.State = s
		if s == store.ReplyNone {
			to = store.Reply{}
		}
		if s == store.ReplyProxy {
			id := v.ID
			t.askProxy(v.Reply.Proxy, func(who string) { to.Proxy = who; t.tickReply(id, to) })
			return
		}
		t.tickReply(v.ID, to)
		return
	}
	s, ok := attendKeys[r]
	if !ok {
		return
	}
	t.tickAttend(v, s)
}

// tickAttend ticks v with state s. A guest who came is 列席; a reason or
// a proxy already given in the reply is taken over.
func (t *attendTab) tickAttend(v *store.Invitee, s store.AttendState) {
	if v.Role == store.RoleGuest && s == store.AttendPresent {
		s = store.AttendGuest
	}
	to := store.Attend{State: s}
	switch s {
	case store.AttendLeave:
		to.Reason = v.Reply.Reason
	case store.AttendProxy:
		id, proxy := v.ID, v.Attend.Proxy
		if proxy == "" {
			proxy = v.Reply.Proxy
		}
		t.askProxy(proxy, func(who string) { to.Proxy = who; t.ticks.add(t.attendTick(id, to)) })
		return
	}
	t.ticks.add(t.attendTick(v.ID, to))
}

func (t *attendTab) attendTick(id uuid.UUID, to store.Attend) tick {
	return tick{invitee: id, fromA: t.invitee(id).Attend, toA: to}
}

func (t *attendTab) tickReply(id uuid.UUID, to store.Reply) {
	t.ticks.add(tick{invitee: id, reply: true, fromR: t.invitee(id).Reply, toR: to})
}

// askProxy asks whom an invitee sends (委托何人), offering who; done gets
// the name typed. Enter confirms, Esc cancels; the table has the keys
// again afterwards.
func (t *attendTab) askProxy(who string, done func(string)) {
	e := kit.NewKeyEntry()
	e.SetText(who)
	e.SetPlaceHolder(msg.T("受委托人姓名"))
	var d dialog.Dialog
	ok := func() {
		name := store.CleanText(e.Text)
		if name == "" {
			return
		}
		d.Hide()
		done(name)
		t.focus()
	}
	e.OnSubmitted = func(string) { ok() }
	d = dialog.NewCustomConfirm(msg.T("委托何人"), msg.T("确定"), msg.T("取消"), e, func(confirmed bool) {
		if confirmed {
			ok()
		}
		t.focus()
	}, t.p.v.sh.Window())
	e.OnEscape = func() { d.Hide(); t.focus() }
	d.Resize(fyne.NewSize(360, d.MinSize().Height))
	d.Show()
	t.p.v.sh.Window().Canvas().Focus(e)
	askedProxy = e
}

// askedProxy is the entry of the last 委托何人 asked, for tests.
var askedProxy *kit.KeyEntry

// set shows tk's new state on screen.
func (tk *tick) set(m *store.Meeting) {
	if v := m.Invitee(tk.invitee); v != nil {
		if tk.reply {
			v.Reply = tk.toR
		} else {
			v.Attend = tk.toA
		}
	}
}

// add shows tk at once and queues it for writing.
func (q *tickQueue) add(tk tick) {
	tk.set(&q.t.p.m)
	q.t.problem.Hide()
	q.t.show()
	q.pending = append(q.pending, tk)
	if !q.busy {
		q.next()
	}
}

// next writes the first tick waiting. When none is left, the change is
// announced (the list and 工作台 count it).
func (q *tickQueue) next() {
	p := q.t.p
	if len(q.pending) == 0 {
		q.busy = false
		p.v.sh.Changed(store.KindMeeting, p.id)
		return
	}
	q.busy = true
	tk := q.pending[0]
	q.pending = q.pending[1:]
	s, ctx, id := p.v.sh.Store(), p.v.sh.Context(), p.id
	var saved store.Meeting
	var err error
	p.v.sh.Background(func() {
		if tk.reply {
			saved, err = s.SetReply(ctx, id, tk.invitee, tk.fromR, tk.toR)
		} else {
			saved, err = s.SetAttend(ctx, id, tk.invitee, tk.fromA, tk.toA)
		}
	}, func() { q.done(saved, err) })
}

// done takes the store's answer to a tick: the meeting as stored, with
// the ticks still waiting shown over it; or a refusal, which is said
// above the table, drops the ticks waiting and shows the meeting as
// stored now.
func (q *tickQueue) done(saved store.Meeting, err error) {
	p := q.t.p
	if err != nil {
		q.pending, q.busy = nil, false
		q.t.problem.SetText(msg.Error(err))
		q.t.problem.Show()
		p.reload()
		return
	}
	for i := range q.pending {
		q.pending[i].set(&saved)
	}
	p.changed(saved, true)
	q.next()
}
