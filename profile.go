package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"
)

// profileStartup writes a CPU profile of the first seconds after start to
// $RAPPORT_CPUPROFILE and, at their end, a heap profile to
// $RAPPORT_HEAPPROFILE (either may be unset), for `go tool pprof`: how
// start-up is measured (docs/fyne-fonts.md, issue 23). The seconds are
// $RAPPORT_PROFILE_SECONDS, 5 when unset. Without either variable it does
// nothing.
func profileStartup(stderr io.Writer) {
	cpuPath, heapPath := os.Getenv("RAPPORT_CPUPROFILE"), os.Getenv("RAPPORT_HEAPPROFILE")
	if cpuPath == "" && heapPath == "" {
		return
	}
	seconds := 5.0
	if s, err := strconv.ParseFloat(os.Getenv("RAPPORT_PROFILE_SECONDS"), 64); err == nil && s > 0 {
		seconds = s
	}
	var cpu *os.File
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "rapport: CPU profile:", err)
		} else {
			cpu = f
		}
	}
	time.AfterFunc(time.Duration(seconds*float64(time.Second)), func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				fmt.Fprintln(stderr, "rapport: CPU profile:", err)
			}
		}
		if heapPath != "" {
			writeHeapProfile(heapPath, stderr)
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Fprintf(stderr, "rapport: Go memory after %.1f s: heap in use %.1f MB, heap from the system %.1f MB "+
			"(released %.1f MB), all from the system %.1f MB, %.1f MB allocated in all, %d collections\n", seconds,
			float64(m.HeapInuse)/1e6, float64(m.HeapSys)/1e6, float64(m.HeapReleased)/1e6, float64(m.Sys)/1e6,
			float64(m.TotalAlloc)/1e6, m.NumGC)
	})
}

// writeHeapProfile writes the live heap, after a collection, to path.
func writeHeapProfile(path string, stderr io.Writer) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(stderr, "rapport: heap profile:", err)
		return
	}
	runtime.GC()
	err = pprof.Lookup("heap").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "rapport: heap profile:", err)
	}
}
