package storage

import (
	"context"
	"testing"
	"time"
)

// BenchmarkWarmPaths reads the tie graph and finds the best warm paths to
// one person, a different one each time. Target: ≤ 20 ms at 5,000 people
// and about 15,000 ties.
func BenchmarkWarmPaths(b *testing.B) {
	s, opts := benchStore(b)
	ctx := context.Background()
	found := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		paths, err := s.WarmPaths(ctx, int64(i%opts.People)+1, testNow)
		if err != nil {
			b.Fatal(err)
		}
		found += len(paths)
	}
	b.StopTimer()
	if paths, err := s.WarmPaths(ctx, 2, testNow); err != nil || len(paths) == 0 {
		b.Fatalf("no warm path to person 2 (Helena): %v", err)
	}
}

// BenchmarkReachRisks reads the tie graph and the panels and finds the
// brokers and single points of the whole network, today (when nearly
// everyone is warm) and half a year on, when most have gone cold and
// every influential person's paths are searched. Target: ≤ 50 ms at 5,000
// people and about 15,000 ties. It times the read itself: ReachRisks
// keeps its answer until a write, which "kept" times.
func BenchmarkReachRisks(b *testing.B) {
	s, _ := benchStore(b)
	ctx := context.Background()
	for _, at := range []struct {
		name string
		now  time.Time
	}{{"today", testNow}, {"half a year on", testNow.AddDate(0, 6, 0)}} {
		b.Run(at.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				risks, err := s.readReachRisks(ctx, at.now)
				if err != nil {
					b.Fatal(err)
				}
				n = len(risks)
			}
			b.ReportMetric(float64(n), "risks")
		})
	}
	b.Run("kept", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.ReachRisks(ctx, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
}
