package org

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

// TestOrgCorrectSeat: 修改职务 opens with the seat's title and note, and
// saves the correction in place: the table shows it from the seat's first
// day (no dated change), and the audit log names the holder.
func TestOrgCorrectSeat(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	feng := newPerson(t, db, "冯波", "淄博市工业学校", "总务处副主任")
	b := newBodyWithTerm(t, db, "理事会", store.OrderStrokes, store.NewDate(2022, 3, 1), map[string][]store.Person{"秘书长": {feng}})
	a, v := openOrg(t, db)
	if !v.rosterPane.seats.correct.Disabled() {
		t.Error("修改职务 enabled with no seat selected")
	}
	selectSeat(t, v, "冯波")
	tap(t, v.rosterPane.seats.correct)
	d := a.Dialog()
	title := d.Entries()[0]
	if title.Text != "总务处副主任" || d.Field(store.FieldNote).Text != "" {
		t.Errorf("prefilled 职务 %q, 备注 %q", title.Text, d.Field(store.FieldNote).Text)
	}
	title.SetText("")
	test.Type(title, "总务处主任")
	typeInto(t, d, store.FieldNote, "按任命文件改正")
	saveDialog(t, d)

	if r := tableRows(v.rosterPane.table)[0]; r[2] != "冯波" || r[4] != "总务处主任" || r[6] != "2022-03-01" {
		t.Errorf("row after 修改职务 = %q", r)
	}
	saved, _ := db.Body(context.Background(), b.ID)
	if s := saved.Terms[0].Seats; len(s) != 1 || s[0].Note != "按任命文件改正" || s[0].Title != "总务处主任" {
		t.Errorf("stored seats = %+v", s)
	}
	if audit, _ := db.Audit(context.Background(), store.AuditQuery{Limit: 1}); len(audit) != 1 || !strings.HasSuffix(audit[0].Summary, "修改职务：冯波") {
		t.Errorf("audit = %+v", audit)
	}
}

// TestOrgCorrectUnitSeat: for a unit's seat the title corrected is its
// representative's.
func TestOrgCorrectUnitSeat(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	school := addMember(t, db, "淄博市工业学校", "中职学校", joinEvent(day(2020, 1, 1), "理事单位"))
	rep, err := db.CreatePerson(context.Background(), store.Person{Name: "张成刚", MemberID: school.ID, Title: "副校长"})
	if err != nil {
		t.Fatal(err)
	}
	bodyWithSeats(t, db, "共同体", day(2022, 3, 1), "成员单位",
		store.SeatHolder{MemberID: school.ID, RepID: rep.ID, Title: "副校长"})
	a, v := openOrg(t, db)
	selectSeat(t, v, "淄博市工业学校")
	tap(t, v.rosterPane.seats.correct)
	d := a.Dialog()
	title := d.Entries()[0]
	if title.Text != "副校长" || title.Disabled() {
		t.Fatalf("职务 of the representative: %q (disabled %v)", title.Text, title.Disabled())
	}
	if texts := textsIn(d.Content()); !slices.Contains(texts, "张成刚") {
		t.Errorf("the dialog does not name the representative: %q", texts)
	}
	title.SetText("")
	test.Type(title, "校长")
	saveDialog(t, d)
	if r := tableRows(v.rosterPane.table)[0]; r[2] != "张成刚" || r[3] != "淄博市工业学校" || r[4] != "校长" {
		t.Errorf("row after 修改职务 = %q", r)
	}
	if audit, _ := db.Audit(context.Background(), store.AuditQuery{Limit: 1}); len(audit) != 1 || !strings.HasSuffix(audit[0].Summary, "修改职务：淄博市工业学校") {
		t.Errorf("audit = %+v", audit)
	}
}

// TestOrgRemoveSeat: 删除席位 is offered on the current term only, asks
// first saying what it is for (and that 离任 records a holder leaving),
// and removes the seat from that term alone.
func TestOrgRemoveSeat(t *testing.T) {
	db, _ := kittest.OpenFile(t)
	zhang := newPerson(t, db, "张成刚", "", "校长")
	cui := newPerson(t, db, "崔国华", "", "局长")
	b := newBodyWithTerm(t, db, "指导委员会", store.OrderStrokes, store.NewDate(2019, 1, 1),
		map[string][]store.Person{"主任": {zhang}, "委员": {cui}})
	t2, err := b.NewTerm(2, store.NewDate(2024, 1, 1)) // copies both seats
	if err != nil {
		t.Fatal(err)
	}
	b, err = db.SaveBody(context.Background(), b, store.BodyChange{Op: store.TermStarted, TermID: t2.ID})
	if err != nil {
		t.Fatal(err)
	}
	a, v := openOrg(t, db)

	selectSeat(t, v, "崔国华")
	tap(t, v.rosterPane.seats.remove)
	overlay := a.Overlay()
	texts := strings.Join(textsIn(overlay), "\n")
	for _, want := range []string{"委员 崔国华", "误复制", "离任"} {
		if !strings.Contains(texts, want) {
			t.Errorf("confirmation lacks %q:\n%s", want, texts)
		}
	}
	test.Tap(kittest.Button(t, overlay, "删除"))
	if got := rosterNames(v); !slices.Equal(got, []string{"主任 张成刚"}) {
		t.Errorf("roster after 删除席位 = %q", got)
	}
	if audit, _ := db.Audit(context.Background(), store.AuditQuery{Limit: 1}); len(audit) != 1 || !strings.HasSuffix(audit[0].Summary, "删除席位：委员 崔国华") {
		t.Errorf("audit = %+v", audit)
	}

	v.tree.Select(termNode(b.ID, b.Terms[0].ID))
	if got := rosterNames(v); !slices.Equal(got, []string{"主任 张成刚", "委员 崔国华"}) {
		t.Errorf("the first term's roster = %q", got)
	}
	selectSeat(t, v, "崔国华")
	if !v.rosterPane.seats.remove.Disabled() || v.rosterPane.seats.correct.Disabled() {
		t.Error("an earlier term's seat: 删除席位 must be off, 修改职务 on")
	}
}
