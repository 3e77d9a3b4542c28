package storage

import (
	"runtime"
	"syscall"
	"testing"
)

// The background check runs on a thread of lower priority than the
// caller's (a higher nice value), so that the first screen comes first.
func TestInBackgroundLowersItsThreadsPriority(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	mine, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
	if err != nil {
		t.Fatal(err)
	}
	if 20-mine >= 19 {
		t.Skip("already at the lowest priority")
	}
	got := make(chan int)
	go inBackground(func() {
		p, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
		if err != nil {
			t.Error(err)
		}
		got <- p
	})
	if p := <-got; 20-p <= 20-mine {
		t.Errorf("background nice %d, caller's %d: want it higher", 20-p, 20-mine)
	}
}
