package model_test

import (
	"sync"
	"testing"
	"time"

	"rapport/model"
	"rapport/model/sample"
)

var (
	reachNetOnce  sync.Once
	reachNet      model.Network
	reachNetPanel []model.PanelSeat
)

// reachBenchNetwork is the sample network of the storage benchmarks, 5,000
// people and about 15,000 ties (a tenth with -short), with warmth spread
// from cold to warm so that every rule has work: a third of the people
// warm, the rest cooling or cold.
func reachBenchNetwork(b *testing.B) (model.Network, []model.PanelSeat) {
	b.Helper()
	reachNetOnce.Do(func() {
		opts := sample.Options{Seed: 7, People: 5_000, Interactions: 1_000, Promises: 100,
			Now: time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)}
		if testing.Short() {
			opts.People = 500
		}
		g := sample.Generate(opts)
		for _, p := range g.People {
			reachNet.People = append(reachNet.People, model.NetworkPerson{Person: p, Warmth: int(p.ID*37) % 101})
		}
		reachNet.Ties = g.Ties
		for _, m := range g.Panel {
			reachNetPanel = append(reachNetPanel, model.PanelSeat{Member: m, Role: "Role"})
		}
	})
	return reachNet, reachNetPanel
}

// BenchmarkWarmPathsModel indexes the tie graph and finds the warm paths
// to one person, a different one each time: the work of Store.WarmPaths
// without the read, over the whole network. Target: ≤ 20 ms.
func BenchmarkWarmPathsModel(b *testing.B) {
	n, _ := reachBenchNetwork(b)
	found := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		found += len(model.NewTieGraph(n).WarmPaths(n.People[i%len(n.People)].Person.ID))
	}
	b.StopTimer()
	if found == 0 && b.N > 10 {
		b.Fatal("no warm path found to anyone")
	}
	b.ReportMetric(float64(len(n.Ties)), "ties")
}

// BenchmarkReachRisksModel indexes the tie graph and finds the brokers
// and single points of the whole network: the work of Store.ReachRisks
// without the read. Target: ≤ 50 ms.
func BenchmarkReachRisksModel(b *testing.B) {
	n, panel := reachBenchNetwork(b)
	risks := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		risks = len(model.ReachRisks(model.NewTieGraph(n), panel))
	}
	b.StopTimer()
	if risks == 0 {
		b.Fatal("no reach risk in a network where two thirds are not warm")
	}
	b.ReportMetric(float64(risks), "risks")
}
