package xlsx

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
)

// LedgerSheet is the sheet name of the 会议台账.
const LedgerSheet = "会议台账"

// LedgerHeaders are the 会议台账's columns.
var LedgerHeaders = []string{"序号", "会议名称", "会议类型", "所属机构", "日期", "地点", "状态",
	"应到", "实到", "是否达到法定人数", "议定事项", "已办结", "纪要"}

// ledgerWidths fit A4 landscape (fit to width shrinks it a little); the
// narrow count columns wrap their headers onto two lines.
var ledgerWidths = []float64{6, 32, 12, 18, 16, 18, 8, 6, 6, 10, 10, 8, 6}

// LedgerTitle is "<集团名称>会议台账（2025年1月1日至2026年12月31日）".
func LedgerTitle(group string, since, until store.Date) string {
	t := groupName(group) + "会议台账"
	switch {
	case !since.IsZero() && !until.IsZero():
		return t + "（" + since.Chinese() + "至" + until.Chinese() + "）"
	case !since.IsZero():
		return t + "（" + since.Chinese() + "起）"
	case !until.IsZero():
		return t + "（截至" + until.Chinese() + "）"
	}
	return t
}

// WriteLedger writes the 会议台账 of the meetings held or planned from
// since to until (inclusive; zero is open), in date order, with a totals
// row. The meetings are filtered here again, so a caller passing all of
// them gets the right ledger.
func WriteLedger(path string, meetings []store.Meeting, bodies []store.Body, since, until store.Date, groupName string) error {
	return exportBook(path, "会议台账", func(f *excelize.File) error {
		return writeLedger(f, meetings, bodies, since, until, groupName)
	})
}

func writeLedger(f *excelize.File, meetings []store.Meeting, bodies []store.Body, since, until store.Date, group string) error {
	filter := store.MeetingFilter{Since: since, Until: until}
	list := slices.DeleteFunc(slices.Clone(meetings), func(m store.Meeting) bool { return !filter.Match(&m) })
	slices.SortStableFunc(list, func(a, b store.Meeting) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Time, b.Time))
	})
	byID := map[uuid.UUID]*store.Body{}
	for i := range bodies {
		byID[bodies[i].ID] = &bodies[i]
	}
	w, err := startMeetingSheet(f, LedgerSheet, landscape, 2)
	if err != nil {
		return err
	}
	w.stream(f, LedgerSheet)
	w.head(LedgerTitle(group, since, until), nil, LedgerHeaders, ledgerWidths)
	items, done := 0, 0
	for i := range list {
		m := &list[i]
		w.ledgerRow(i+1, m, byID[m.BodyID])
		items, done = items+len(m.Items), done+m.ItemsDone()
	}
	st := w.st
	total := []any{excelize.Cell{StyleID: st.totalLabel, Value: "合计"},
		excelize.Cell{StyleID: st.totalLabel, Value: "共 " + strconv.Itoa(len(list)) + " 次会议"}}
	for range 8 {
		total = append(total, excelize.Cell{StyleID: st.totalLabel})
	}
	total = append(total, excelize.Cell{StyleID: st.totalCount, Value: items},
		excelize.Cell{StyleID: st.totalCount, Value: done}, excelize.Cell{StyleID: st.totalLabel})
	w.put(total, 24)
	return w.flush()
}

// ledgerRow writes one meeting. 实到 and the quorum are only for a
// meeting held with its attendance ticked: before it, or with nobody
// ticked, there is nothing to count, and 否 would be a false record.
func (w *meetingSheet) ledgerRow(n int, m *store.Meeting, b *store.Body) {
	st := w.st
	var q store.Quorum
	body := ""
	if b != nil {
		q, body = b.Quorum, b.Name
	}
	a := store.CountAttendance(m, q)
	present, met := excelize.Cell{StyleID: st.count}, excelize.Cell{StyleID: st.center}
	if m.Status == store.MeetingHeld && a.Unticked < a.Expected {
		present.Value, met.Value = a.Present, "否"
		if a.Met() {
			met.Value = "是"
		}
	}
	minutes := "未写"
	if m.HasMinutes() {
		minutes = "已写"
	}
	title, place := PrintText(m.Title), PrintText(m.Place)
	cells := []any{excelize.Cell{StyleID: st.center, Value: n}, st.textCell(title), st.textCell(m.Kind),
		st.textCell(body), st.dateCell(m.Date), st.textCell(place),
		excelize.Cell{StyleID: st.center, Value: m.Status.Word()}, excelize.Cell{StyleID: st.count, Value: a.Expected},
		present, met, excelize.Cell{StyleID: st.count, Value: len(m.Items)},
		excelize.Cell{StyleID: st.count, Value: m.ItemsDone()}, excelize.Cell{StyleID: st.center, Value: minutes}}
	w.put(cells, max(22, wrapHeight(bodyPt, []string{"", title, m.Kind, body, "", place}, ledgerWidths)))
}
