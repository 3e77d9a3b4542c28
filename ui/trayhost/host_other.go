//go:build !((linux || freebsd || openbsd || netbsd) && !android)

package trayhost

// Present reports whether the desktop shows tray icons: Windows' taskbar
// and macOS's menu bar always do.
func Present() bool { return true }

// WhenPresent calls found at once, on a goroutine of its own: the tray is
// always there.
func WhenPresent(found func()) { go found() }
