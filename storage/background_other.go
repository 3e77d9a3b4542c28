//go:build !linux

package storage

// inBackground runs fn; only Linux lets a thread's priority be lowered
// alone.
func inBackground(fn func()) { fn() }
