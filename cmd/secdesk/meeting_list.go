package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// meetingRow is one meeting of `meeting list --json`: codes as stored
// (status), counts as CountAttendance makes them under the body's quorum.
type meetingRow struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Body      string `json:"body"`
	Date      string `json:"date"`
	Time      string `json:"time"`
	Place     string `json:"place"`
	Host      string `json:"host"`
	Status    string `json:"status"`
	Invited   int    `json:"invited"`
	Present   int    `json:"present"`
	Leave     int    `json:"leave"`
	Proxy     int    `json:"proxy"`
	Absent    int    `json:"absent"`
	Guests    int    `json:"guests"`
	Unticked  int    `json:"unticked"`
	QuorumMet bool   `json:"quorum_met"`
	Items     int    `json:"items"`
	ItemsDone int    `json:"items_done"`
	Minutes   bool   `json:"minutes"`
}

// listMeetings prints the meetings between --since and --until (both
// inclusive, both open by default) in date order: a tab-separated table,
// or JSON for scripts.
func (c *cli) listMeetings(args []string) error {
	fs, db := newFlags("meeting list")
	since, until := fs.String("since", "", ""), fs.String("until", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	var f store.MeetingFilter
	var err error
	if f.Since, err = parseDate("since", *since, store.Date{}); err != nil {
		return err
	}
	if f.Until, err = parseDate("until", *until, store.Date{}); err != nil {
		return err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Since.After(f.Until) {
		return usagef("--since 不能晚于 --until")
	}
	rows, err := c.meetingRows(*db, f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	printMeetings(c.stdout, rows)
	return nil
}

// meetingRows reads the meetings f selects with their bodies, and closes
// the data file again.
func (c *cli) meetingRows(db string, f store.MeetingFilter) ([]meetingRow, error) {
	s, err := openStore(c.ctx, db, true)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ms, err := s.Meetings(c.ctx, f)
	if err != nil {
		return nil, err
	}
	bodies, err := s.Bodies(c.ctx)
	if err != nil {
		return nil, err
	}
	byID := map[uuid.UUID]*store.Body{}
	for i := range bodies {
		byID[bodies[i].ID] = &bodies[i]
	}
	rows := make([]meetingRow, 0, len(ms)) // [] rather than null for none
	for i := range ms {
		rows = append(rows, rowOf(&ms[i], byID[ms[i].BodyID]))
	}
	return rows, nil
}

// rowOf counts one meeting; b is its body, nil for none (the default
// quorum, as quorumOf).
func rowOf(m *store.Meeting, b *store.Body) meetingRow {
	var q store.Quorum
	r := meetingRow{ID: m.ID.String(), Title: m.Title, Kind: m.Kind, Date: m.Date.String(), Time: m.Time,
		Place: m.Place, Host: m.Host, Status: string(m.Status), Items: len(m.Items), ItemsDone: m.ItemsDone(),
		Minutes: m.HasMinutes()}
	if b != nil {
		r.Body, q = b.Name, b.Quorum
	}
	a := store.CountAttendance(m, q)
	r.Invited, r.Present, r.Leave, r.Proxy, r.Absent = a.Expected, a.Present, a.Leave, a.Proxy, a.Absent
	r.Guests, r.Unticked, r.QuorumMet = a.Guests, a.Unticked, a.Met()
	return r
}

// printMeetings writes the table: one tab-separated line per meeting,
// the id last (the other verbs take it as --id).
func printMeetings(w io.Writer, rows []meetingRow) {
	fmt.Fprintln(w, msg.T("日期\t时间\t会议名称\t类型\t机构\t状态\t应到\t实到\t法定人数\t议定事项\t编号"))
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", r.Date, r.Time, r.Title, msg.T(r.Kind), r.Body,
			msg.T(store.MeetingStatus(r.Status).Word()), r.Invited, r.Present, quorumWord(r), itemsText(r), r.ID)
	}
}

// quorumWord says whether the quorum was met, once anyone is ticked: a
// meeting still in preparation has nothing to say yet.
func quorumWord(r meetingRow) string {
	switch {
	case r.Invited == 0 || r.Unticked == r.Invited:
		return ""
	case r.QuorumMet:
		return msg.T("达到")
	}
	return msg.T("未达到")
}

// itemsText is the agreed items as done/all ("2/5"), empty without any.
func itemsText(r meetingRow) string {
	if r.Items == 0 {
		return ""
	}
	return strconv.Itoa(r.ItemsDone) + "/" + strconv.Itoa(r.Items)
}
