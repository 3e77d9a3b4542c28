//go:build unix

package storage

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used, which
// a benchmark reports beside the wall time: on a machine shared with other
// work, the wall time also counts the waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
