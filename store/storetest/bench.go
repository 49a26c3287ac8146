package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/secdesk/secdesk/store"
)

// BenchSaveMember saves one member of a loaded register per operation, the
// way the 编辑 (update) and 类别变更 (event) dialogs do, on any engine;
// open gives a fresh store over a copy of the engine's fixture and its
// members, and today is the day events are dated. It reports the p99.
func BenchSaveMember(b *testing.B, open func(b *testing.B) (store.Store, []store.Member), today store.Date) {
	ctx := context.Background()
	b.Run("update", func(b *testing.B) {
		s, ms := open(b)
		i := 0
		latencies := TimeEach(b, func() error {
			m := &ms[i%len(ms)]
			m.Phone = fmt.Sprintf("1380536%04d", i%10000)
			saved, err := s.UpdateMember(ctx, *m)
			*m = saved
			i++
			return err
		})
		ReportP99(b, latencies)
	})
	b.Run("event", func(b *testing.B) {
		s, ms := open(b)
		i := 0
		latencies := TimeEach(b, func() error {
			m := &ms[i%len(ms)]
			saved, err := s.AddEvent(ctx, m.ID, NextEvent(m, today))
			*m = saved
			i++
			return err
		})
		ReportP99(b, latencies)
	})
}

// NextEvent is an event the rules allow on today: a tier change for a
// member in the register, a rejoin for one that left.
func NextEvent(m *store.Member, today store.Date) store.Event {
	st := m.StateOn(today)
	if st.Status != store.StatusActive {
		return store.Event{Kind: store.EventJoin, Date: today, Tier: "成员单位"}
	}
	next := store.Tiers[(slices.Index(store.Tiers, st.Tier)+1)%len(store.Tiers)]
	return store.Event{Kind: store.EventTier, Date: today, Tier: next}
}

// TimeEach runs op once per benchmark iteration and returns each run's
// duration.
func TimeEach(b *testing.B, op func() error) []time.Duration {
	var latencies []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies, time.Since(start))
	}
	return latencies
}

// ReportP99 reports the 99th percentile of latencies as p99-ms.
func ReportP99(b *testing.B, latencies []time.Duration) {
	if len(latencies) == 0 {
		return
	}
	slices.Sort(latencies)
	p99 := latencies[(len(latencies)*99)/100]
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
}
