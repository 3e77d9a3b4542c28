//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

// processRuns reports whether a process with the given ID runs: signal 0
// checks without sending anything; EPERM means it runs as someone else.
func processRuns(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
