package storetest

import (
	"context"

	"github.com/secdesk/secdesk/store"
)

// Load writes ms into s in one transaction through Store.ApplyImport, as
// if a sheet with one new row per member had been imported: the members
// keep their IDs and events, the store re-checks them (details, history,
// duplicates) and writes one audit entry each. It is the fast way to fill
// a store for a benchmark: 10,000 members is one commit, not 10,000.
func Load(ctx context.Context, s store.Store, ms []store.Member) error {
	plan := &store.ImportPlan{Rows: make([]store.PlanRow, len(ms))}
	for i, m := range ms {
		plan.Rows[i] = store.PlanRow{Row: i + 2, Name: m.Name, Action: store.RowNew, Result: m}
	}
	_, err := s.ApplyImport(ctx, plan)
	return err
}

// CreateEach writes ms one by one through Store.CreateMember, the path a
// clerk's 新增 takes: each member gets a new ID and is one transaction. It
// returns the members as stored.
func CreateEach(ctx context.Context, s store.Store, ms []store.Member) ([]store.Member, error) {
	out := make([]store.Member, 0, len(ms))
	for _, m := range ms {
		saved, err := s.CreateMember(ctx, m)
		if err != nil {
			return out, err
		}
		out = append(out, saved)
	}
	return out, nil
}
