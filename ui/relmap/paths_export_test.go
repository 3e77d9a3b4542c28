package relmap

import "testing"

// ReadInPlace makes the work the map does off the UI goroutine run in
// place, so a test sees its result as soon as it asked.
func ReadInPlace(t testing.TB) {
	old := offUI
	offUI = func(f func()) { f() }
	t.Cleanup(func() { offUI = old })
}
