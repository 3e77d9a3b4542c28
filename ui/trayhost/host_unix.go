//go:build (linux || freebsd || openbsd || netbsd) && !android

package trayhost

import (
	"github.com/godbus/dbus/v5"
)

// watcherName is the bus name of the StatusNotifierWatcher, which panels
// that show tray icons (KDE Plasma, GNOME's AppIndicator extension, Xfce,
// waybar, snixembed…) own on the session bus.
const watcherName = "org.kde.StatusNotifierWatcher"

// Present reports whether a panel on the session bus shows tray icons: the
// StatusNotifierWatcher is there and, when it says, a host (a panel) has
// registered with it. Without a session bus it reports false.
func Present() bool {
	conn, err := dbus.SessionBus() // shared with the tray itself; never closed
	if err != nil {
		return false
	}
	var owned bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, watcherName).Store(&owned)
	if err != nil || !owned {
		return false
	}
	v, err := conn.Object(watcherName, "/StatusNotifierWatcher").
		GetProperty(watcherName + ".IsStatusNotifierHostRegistered")
	if err != nil {
		return true // a watcher that does not say: trust that it has a host
	}
	registered, ok := v.Value().(bool)
	return !ok || registered
}
