//go:build !((linux || freebsd || openbsd || netbsd) && !android)

package trayhost

// Present reports whether the desktop shows tray icons: Windows' taskbar
// and macOS's menu bar always do.
func Present() bool { return true }
