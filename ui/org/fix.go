package org

import (
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Corrections: a seat recorded wrongly is put right in place, without the
// dated history that 更换 and 离任 keep, because nothing happened on any
// day — the record was simply wrong (a typo, or a seat 换届 copied that
// should not have been).

// showCorrectSeat opens 修改职务: the title and note of the selected seat,
// prefilled. For a unit's seat the title is its current representative's.
func (v *Section) showCorrectSeat() {
	s := v.selectedSeat()
	if s == nil {
		return
	}
	bodyID, termID, seatID := v.bodyID, v.roster.Term.ID, s.ID
	name := v.seatHolderName(s)
	rep := currentRep(s)
	title := kit.TextEntry(seatTitle(s, rep), nil)
	note := kit.TextEntry(s.Note, nil)
	d := kit.NewFormDialog(v.sh, "保存", func() (func() error, func(), error) {
		return v.changeBody(bodyID, func(b *store.Body) (seatChange, error) {
			ch := store.BodyChange{Op: store.SeatCorrected, TermID: termID, SeatID: seatID}
			return seatChange{change: ch, seat: seatID}, b.CorrectSeat(termID, seatID, title.Text, note.Text)
		})
	})
	d.AddWidget("职位", kit.Bold(s.Position))
	d.AddWidget(holderLabel(s), kit.Bold(name))
	if p := v.repPerson(rep); p != nil {
		d.AddWidget("现任代表", kit.Bold(p.Name)) // whose title it is
	}
	d.AddEntry("职务", "", title)
	d.AddEntry("备注", store.FieldNote, note)
	hint := msg.T("用于改正录入有误的职务和备注，不留下变动记录；人员或代表变了，请用“更换”“更换代表”或“离任”。")
	if s.MemberID != uuid.Nil && rep == nil {
		title.Disable() // the store keeps a unit's title with its representative
		hint = msg.T("该单位目前没有代表，职务随代表填写（“更换代表”）；这里只能修改备注。")
	}
	d.AddWidget("", kit.Hint(hint))
	d.Show("修改职务")
	d.Fit()
}

// currentRep is the representative of a unit's seat whose title a
// correction changes (as store.Body.CorrectSeat does): the last one, if
// they have not left; nil for a person's seat.
func currentRep(s *store.Seat) *store.Rep {
	if n := len(s.Reps); s.MemberID != uuid.Nil && n > 0 && s.Reps[n-1].End.IsZero() {
		return &s.Reps[n-1]
	}
	return nil
}

// seatTitle is the title a correction starts from: the person's, or the
// current representative's for a unit (none if it has none).
func seatTitle(s *store.Seat, rep *store.Rep) string {
	switch {
	case s.MemberID == uuid.Nil:
		return s.Title
	case rep != nil:
		return rep.Title
	}
	return ""
}

// repPerson is the person of rep as loaded, or nil.
func (v *Section) repPerson(rep *store.Rep) *store.Person {
	if rep == nil {
		return nil
	}
	return v.data.dir.People[rep.PersonID]
}

// holderLabel names who holds a seat, for a dialog's field.
func holderLabel(s *store.Seat) string {
	if s.MemberID != uuid.Nil {
		return "成员单位"
	}
	return "任职人员"
}

// confirmRemoveSeat deletes the selected seat of the current term after
// saying what it is for: a seat that should never have been there. A
// holder who leaves is recorded with 离任, which keeps earlier rosters.
func (v *Section) confirmRemoveSeat() {
	s := v.selectedSeat()
	if s == nil || !v.showsCurrentTerm() {
		return
	}
	bodyID, termID, seatID := v.bodyID, v.roster.Term.ID, s.ID
	what := s.Position + " " + v.seatHolderName(s)
	text := msg.Tf("确定删除席位「%s」吗？", what) + "\n" +
		msg.T("只用于录入错误或换届时误复制的席位：删除后它从本届名单中消失，也不进回收站。") + "\n" +
		msg.T("任职人员离开的，请用“离任”记录，以前的名单会保持不变。")
	v.sh.Confirm("删除席位", text, "删除", func() {
		v.changeBodyNow(bodyID, func(b *store.Body) (seatChange, error) {
			ch := store.BodyChange{Op: store.SeatRemoved, TermID: termID, SeatID: seatID}
			return seatChange{change: ch}, b.RemoveSeat(termID, seatID)
		})
	})
}

// showsCurrentTerm reports whether the roster shows the body's latest
// term, the only one whose seats can be deleted.
func (v *Section) showsCurrentTerm() bool {
	b := v.body()
	return b != nil && v.roster.Term != nil && b.CurrentTerm() != nil && b.CurrentTerm().ID == v.roster.Term.ID
}
