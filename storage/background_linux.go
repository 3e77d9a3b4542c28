package storage

import (
	"runtime"
	"syscall"
)

// backgroundNice is how much lower than the app's the priority of the
// thread running a background check is: the check reads the whole file
// while the window reads its first screen, and on a busy machine (two
// cores, other programs) it should take the time that is left over.
const backgroundNice = 10

// inBackground runs fn on a thread of its own at a lower priority, which
// ends with it (the thread is never handed back to other goroutines).
// Linux gives each thread its own nice value.
func inBackground(fn func()) {
	runtime.LockOSThread() // not unlocked: the thread exits with the goroutine
	prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
	if err == nil {
		// Getpriority returns 20 - nice on Linux.
		_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), min(20-prio+backgroundNice, 19)) // best effort: the check runs either way
	}
	fn()
}
