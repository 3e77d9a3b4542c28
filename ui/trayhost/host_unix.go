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

// WhenPresent calls found once, on a goroutine of its own, when a panel
// that shows tray icons appears on the session bus: its watcher takes the
// bus name, or a host registers with a watcher already there. A desktop
// whose panel starts after Rapport (at login, say) is noticed so, by
// signals, without polling. When one is present already it calls found
// at once; without a session bus, never.
func WhenPresent(found func()) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return
	}
	appeared := []dbus.MatchOption{dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, watcherName)}
	registered := []dbus.MatchOption{dbus.WithMatchInterface(watcherName),
		dbus.WithMatchMember("StatusNotifierHostRegistered")}
	if conn.AddMatchSignal(appeared...) != nil || conn.AddMatchSignal(registered...) != nil {
		return
	}
	signals := make(chan *dbus.Signal, 8)
	conn.Signal(signals)
	go func() {
		defer func() {
			conn.RemoveSignal(signals)
			_ = conn.RemoveMatchSignal(appeared...)
			_ = conn.RemoveMatchSignal(registered...)
		}()
		// Asked after the matches are in place, so that a panel coming
		// between the two is not missed.
		if Present() {
			found()
			return
		}
		for s := range signals {
			if !announcesPanel(s) {
				continue // another part of Rapport listens on the same connection
			}
			if Present() {
				found()
				return
			}
		}
	}()
}

// announcesPanel reports whether s says a watcher took its bus name or a
// host registered with it.
func announcesPanel(s *dbus.Signal) bool {
	switch s.Name {
	case "org.freedesktop.DBus.NameOwnerChanged":
		return len(s.Body) == 3 && s.Body[0] == watcherName && s.Body[2] != ""
	case watcherName + ".StatusNotifierHostRegistered":
		return true
	}
	return false
}
