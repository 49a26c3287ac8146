package bolt

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// rosterBenchSeats is the roster size issue 4 asks exports to handle in a
// second; saving it must be far quicker than that.
const rosterBenchSeats = 2000

// rosterBenchFile is a data file with 200 members and a 理事会 whose one
// term has 2,000 seats: 1,800 held by people, 200 by units each with a
// representative. It is written through ApplyRosterImport (one commit).
func rosterBenchFile(b *testing.B) (store.Store, *DB, store.Body) {
	b.Helper()
	file, err := OpenWith(filepath.Join(b.TempDir(), "roster.db"), Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	db := store.New(file, store.Options{Now: benchNow})
	b.Cleanup(func() { db.Close() })
	ms := storetest.SyntheticMembers(200, 4)
	if err := storetest.Load(ctx, db, ms); err != nil {
		b.Fatal(err)
	}
	body, err := db.CreateBody(ctx, store.Body{Name: "理事会", Type: "理事会"})
	if err != nil {
		b.Fatal(err)
	}
	term, _ := body.AddTerm(3, store.NewDate(2023, 1, 1))
	plan := &store.RosterPlan{Body: body}
	positions := []string{"副理事长", "常务理事", "理事", "理事", "理事"}
	for i := range rosterBenchSeats {
		p := store.Person{ID: store.NewID(), Name: fmt.Sprintf("王%04d", i), MemberID: ms[i%len(ms)].ID, Title: "副校长", Mobile: "13805361234"}
		plan.NewPeople = append(plan.NewPeople, p)
		h := store.SeatHolder{PersonID: p.ID, Title: p.Title}
		if i < len(ms) {
			h = store.SeatHolder{MemberID: ms[i].ID, RepID: p.ID, Title: p.Title}
		}
		if _, err := plan.Body.AddSeat(term.ID, positions[i%len(positions)], h, store.Date{}); err != nil {
			b.Fatal(err)
		}
		plan.Rows = append(plan.Rows, store.RosterPlanRow{Row: i + 2, Action: store.RowNew, NewPerson: true})
	}
	if err := db.ApplyRosterImport(ctx, plan); err != nil {
		b.Fatal(err)
	}
	saved, err := db.Body(ctx, body.ID)
	if err != nil {
		b.Fatal(err)
	}
	return db, file, saved
}

// BenchmarkSaveBody2000Seats is one SaveBody of a 2,000-seat body, the way
// every seat edit in the 组织机构 section writes it: the whole body, with
// the stored version decoded for the conflict check and every holder
// looked up.
func BenchmarkSaveBody2000Seats(b *testing.B) {
	b.Run("SaveBody", func(b *testing.B) {
		db, _, body := rosterBenchFile(b)
		term, i := body.CurrentTerm().ID, 0
		latencies := storetest.TimeEach(b, func() error {
			seat := body.CurrentTerm().Seats[i%rosterBenchSeats].ID
			i++
			if err := body.MoveSeat(term, seat, 1); err != nil {
				return err
			}
			saved, err := db.SaveBody(ctx, body, store.BodyChange{Op: store.SeatMoved, TermID: term, SeatID: seat, Delta: 1})
			body = saved
			return err
		})
		storetest.ReportP99(b, latencies)
	})
	// raw is the library's floor: one bbolt Update putting the same JSON
	// over the stored body.
	b.Run("raw", func(b *testing.B) {
		_, db, body := rosterBenchFile(b)
		data, err := json.Marshal(body)
		if err != nil {
			b.Fatal(err)
		}
		latencies := storetest.TimeEach(b, func() error {
			return db.bolt.Update(func(tx *bbolt.Tx) error {
				return tx.Bucket(bucketBodies).Put(idKey(body.ID), data)
			})
		})
		storetest.ReportP99(b, latencies)
		b.ReportMetric(float64(len(data)), "value-bytes")
	})
}
