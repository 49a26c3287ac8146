package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// ReplyRow is one row of a returned 参会回执表 as store/xlsx read it: the
// ids hidden in the sheet, the protected cells as found (to catch edits),
// and what the invitee filled in.
type ReplyRow struct {
	File      string
	Row       int
	MeetingID uuid.UUID
	InviteeID uuid.UUID
	// Unit and Name are the protected cells as found in the file.
	Unit, Name string
	// Person, Title, Phone are 拟参会人, 职务, 联系电话.
	Person, Title, Phone string
	// Answer is 是否参会 as typed: 是/参会 (拟出席), 否/请假, 委托; "" with
	// nothing else filled is no reply yet.
	Answer string
	Reason string // 请假事由
	Proxy  string // 委托人
	// Errors are what the reader already found (an id it could not read).
	Errors []*FieldError
}

// Reply problems.
const (
	ProblemWrongMeeting    Problem = "不是本次会议的回执"
	ProblemProtectedEdited Problem = "受保护的单元格被修改"
	ProblemReplyTwice      Problem = "同一参会人员有两份回执"
	ProblemBadAnswer       Problem = "应填“是”“否”或“委托”"
)

// ReplyPlanRow is the preview of one returned row.
type ReplyPlanRow struct {
	File      string
	Row       int
	InviteeID uuid.UUID
	Label     string
	From, To  Reply
	Errors    []*FieldError
}

// Changed reports whether the row changes the stored reply.
func (r *ReplyPlanRow) Changed() bool { return len(r.Errors) == 0 && r.From != r.To }

// ReplyPlan is the preview of returned reply forms for one meeting.
// Nothing is written until ApplyReplies, and nothing at all if any row
// has an error.
type ReplyPlan struct {
	MeetingID uuid.UUID
	Title     string
	Rows      []ReplyPlanRow
}

// ReplyRowError is a row error with the file it came from.
type ReplyRowError struct {
	File string
	*FieldError
}

func (e *ReplyRowError) Error() string { return e.File + "：" + e.FieldError.Error() }
func (e *ReplyRowError) Unwrap() error { return e.FieldError }

// FirstError returns the first row error, or nil.
func (p *ReplyPlan) FirstError() error {
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			return &ReplyRowError{File: r.File, FieldError: r.Errors[0]}
		}
	}
	return nil
}

// Counts are the rows that change a reply, that change nothing, and in
// error.
func (p *ReplyPlan) Counts() (changed, unchanged, errors int) {
	for i := range p.Rows {
		switch r := &p.Rows[i]; {
		case len(r.Errors) > 0:
			errors++
		case r.Changed():
			changed++
		default:
			unchanged++
		}
	}
	return
}

// PlanReplies matches returned rows to m's invitees by the id in the
// sheet (never by file name or by name), and checks each.
func PlanReplies(m *Meeting, rows []ReplyRow) *ReplyPlan {
	p := &ReplyPlan{MeetingID: m.ID, Title: m.Title}
	seen := map[uuid.UUID]string{}
	for _, in := range rows {
		pr := ReplyPlanRow{File: in.File, Row: in.Row, InviteeID: in.InviteeID, Errors: in.Errors}
		bad := func(f Field, pb Problem, detail string) {
			pr.Errors = append(pr.Errors, &FieldError{Row: in.Row, Field: f, Problem: pb, Detail: detail})
		}
		v := m.Invitee(in.InviteeID)
		switch {
		case len(pr.Errors) > 0:
		case in.MeetingID != m.ID:
			bad(FieldReply, ProblemWrongMeeting, m.Title)
		case v == nil:
			bad(FieldInvitee, ProblemInviteeNotFound, in.Unit+in.Name)
		case CleanText(in.Unit) != v.Unit || CleanText(in.Name) != v.Name:
			bad(FieldInvitee, ProblemProtectedEdited, v.Label()+" → "+CleanText(in.Unit)+CleanText(in.Name))
		case seen[v.ID] != "":
			bad(FieldInvitee, ProblemReplyTwice, v.Label()+"（另见 "+seen[v.ID]+"）")
		default:
			seen[v.ID] = in.File + " 第" + strconv.Itoa(in.Row) + "行"
			pr.Label, pr.From = v.Label(), v.Reply
			to, err := replyOf(in, v.Reply)
			if err != nil {
				pr.Errors = append(pr.Errors, err)
			}
			pr.To = to
		}
		p.Rows = append(p.Rows, pr)
	}
	return p
}

// replyOf reads the filled-in cells of a row as a Reply. A row left
// empty keeps what was recorded (the clerk may have typed it already).
func replyOf(in ReplyRow, old Reply) (Reply, *FieldError) {
	r := Reply{Person: CleanText(in.Person), Title: CleanText(in.Title), Phone: CleanText(in.Phone),
		Reason: CleanText(in.Reason), Proxy: CleanText(in.Proxy)}
	answer := strings.TrimSpace(CleanText(in.Answer))
	switch answer {
	case "是", "参会", "出席", "拟出席", "√", "Y", "y":
		r.State = ReplyAttend
	case "否", "不参会", "请假":
		r.State = ReplyLeave
	case "委托":
		r.State = ReplyProxy
		if r.Proxy == "" {
			return r, &FieldError{Row: in.Row, Field: FieldProxy, Problem: ProblemNeedProxy}
		}
	case "":
		switch {
		case r.Proxy != "":
			r.State = ReplyProxy
		case r.Reason != "":
			r.State = ReplyLeave
		case r.Person != "":
			r.State = ReplyAttend
		default:
			return old, nil
		}
	default:
		return r, &FieldError{Row: in.Row, Field: FieldReply, Problem: ProblemBadAnswer, Detail: answer}
	}
	return r, nil
}

func (r *records) ApplyReplies(ctx context.Context, p *ReplyPlan) (int, error) {
	if err := p.FirstError(); err != nil {
		return 0, err
	}
	changed, _, _ := p.Counts()
	if changed == 0 {
		return 0, nil
	}
	err := r.write(ctx, func(w *wtx) error {
		m, err := meetingDocs.get(w.tx, p.MeetingID)
		if err != nil {
			return err
		}
		old := m.Clone()
		for i := range p.Rows {
			pr := &p.Rows[i]
			if !pr.Changed() {
				continue
			}
			v := m.Invitee(pr.InviteeID)
			if v == nil {
				return fieldErr(FieldInvitee, ProblemInviteeNotFound, pr.Label)
			}
			if v.Reply != pr.From {
				return conflict(KindMeeting, v.Label(), &m.Stamp)
			}
			v.Reply = pr.To
		}
		w.stamp(&m.Stamp, &old.Stamp)
		if err := meetingDocs.put(w.tx, &m, &old); err != nil {
			return err
		}
		return w.audit(ActionReply, KindMeeting, m.ID, "导入回执 "+m.Title+"："+strconv.Itoa(changed)+" 份")
	})
	if err != nil {
		return 0, err
	}
	return changed, nil
}
