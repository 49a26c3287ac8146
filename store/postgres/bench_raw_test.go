package postgres

import (
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// BenchmarkRawPut is the floor for a save, mirroring store/bolt's: one
// SERIALIZABLE transaction (as the engine's Write) that updates one
// member's document with a value of a stored member's size, on an open
// pool — one statement and the commit's fsync, no audit entry, no index.
func BenchmarkRawPut(b *testing.B) {
	e := open(b, fixtureCopy(b))
	ctx := context.Background()
	var ids []uuid.UUID
	var values [][]byte
	err := e.Read(ctx, func(tx store.EngineTx) error {
		return tx.Scan(store.ColMembers, func(id uuid.UUID, data []byte) error {
			ids, values = append(ids, id), append(values, slices.Clone(data))
			return nil
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	latencies := storetest.TimeEach(b, func() error {
		id, v := ids[i%len(ids)], values[i%len(values)]
		i++
		return pgx.BeginTxFunc(ctx, e.pool, pgx.TxOptions{IsoLevel: pgx.Serializable, AccessMode: pgx.ReadWrite}, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, `UPDATE secdesk_docs SET data = $1 WHERE col = $2 AND id = $3`, v, string(store.ColMembers), id)
			return err
		})
	})
	storetest.ReportP99(b, latencies)
	total := 0
	for _, v := range values {
		total += len(v)
	}
	b.ReportMetric(float64(total/max(1, len(values))), "value-bytes")
}
