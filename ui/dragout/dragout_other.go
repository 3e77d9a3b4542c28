//go:build !(linux || freebsd || openbsd || netbsd || windows)

package dragout

// Supported reports whether this platform and session can drag out: never,
// on this platform (see docs/drag-out.md for the macOS plan).
func Supported() bool { return false }

// Start returns ErrUnsupported: dragging out is implemented on X11 and
// Windows only.
func Start(win uintptr, item Item, done func(Result)) error {
	return ErrUnsupported
}
