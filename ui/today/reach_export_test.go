package today

import "testing"

// ReadInPlace makes the sections that read off the UI goroutine read in
// place, so a test sees them filled as soon as the screen is built.
func ReadInPlace(t testing.TB) {
	old := offUI
	offUI = func(f func()) { f() }
	t.Cleanup(func() { offUI = old })
}
