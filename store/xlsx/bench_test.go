package xlsx

import (
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
)

// registerEntries is a register of n synthetic units. Units that have
// left are listed as they were while members, so every unit gives a row.
func registerEntries(n int) []store.RegisterEntry {
	ms := storetest.SyntheticMembers(n, 1)
	out := make([]store.RegisterEntry, len(ms))
	for i := range ms {
		st := ms[i].StateOn(storetest.Last)
		if st.Status != store.StatusActive {
			for _, e := range ms[i].Events {
				if e.Kind == store.EventJoin {
					st = ms[i].StateOn(e.Date)
					break
				}
			}
		}
		out[i] = store.RegisterEntry{Member: &ms[i], State: st}
	}
	return out
}

// peakHeap samples the heap in use (what runtime.MemStats calls
// HeapInuse) every millisecond until stop, and reports the largest value.
type peakHeap struct {
	stop chan struct{}
	wg   sync.WaitGroup
	base uint64 // at the start: the fixture, before any export
	peak uint64
}

func startPeakHeap() *peakHeap {
	runtime.GC()
	p := &peakHeap{stop: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			inuse := s[0].Value.Uint64() + s[1].Value.Uint64()
			if p.base == 0 {
				p.base = inuse
			}
			p.peak = max(p.peak, inuse)
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *peakHeap) report(b *testing.B) {
	close(p.stop)
	p.wg.Wait()
	b.ReportMetric(float64(p.peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(p.base)/(1<<20), "base-MB")
}

func BenchmarkExportRegister10k(b *testing.B) {
	entries := registerEntries(10_000)
	path := filepath.Join(b.TempDir(), "名册.xlsx")
	exp := RegisterExport{GroupName: "潍坊市化工职业教育集团", AsOf: storetest.Last, Entries: entries, MaskPhones: true}
	peak := startPeakHeap()
	b.ResetTimer()
	for b.Loop() {
		if err := ExportRegister(path, exp); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	peak.report(b)
}

// BenchmarkRawStreamWrite10k is the library baseline: the same cell values
// through a plain StreamWriter, with no styles, page setup or safe write.
func BenchmarkRawStreamWrite10k(b *testing.B) {
	entries := registerEntries(10_000)
	path := filepath.Join(b.TempDir(), "raw.xlsx")
	peak := startPeakHeap()
	b.ResetTimer()
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		must(b, sw.SetRow("A1", []any{RegisterTitle("潍坊市化工职业教育集团", storetest.Last)}))
		hdr := make([]any, len(RegisterHeaders))
		for i, h := range RegisterHeaders {
			hdr[i] = h
		}
		must(b, sw.SetRow("A2", hdr))
		for i, e := range entries {
			m := e.Member
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			must(b, sw.SetRow(cell, []any{i + 1, m.Name, string(m.Type), string(e.State.Tier), m.City,
				m.Contact, store.MaskPhone(m.Phone), e.State.JoinedOn.Time()}))
		}
		must(b, sw.Flush())
		must(b, f.SaveAs(path))
		f.Close()
	}
	b.StopTimer()
	peak.report(b)
}
