//go:build (linux || freebsd || openbsd || netbsd) && !android

package trayhost

import (
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"rapport/ui/trayhost/bustest"
)

// TestPresentAsksTheSessionBus runs a private session bus (dbus-daemon,
// make test-deps) and plays a panel on it: no watcher, a watcher with no
// host registered, then one with a host.
func TestPresentAsksTheSessionBus(t *testing.T) {
	address := privateBus(t)

	if Present() {
		t.Error("Present with no watcher on the bus")
	}
	panel, props := playPanel(t, address, false)
	defer panel.Close()
	if Present() {
		t.Error("Present with a watcher that has no host")
	}
	props.SetMust(watcherName, "IsStatusNotifierHostRegistered", true)
	if !Present() {
		t.Error("not Present with a watcher and its host")
	}
}

// TestWhenPresentWaitsForThePanel: with no panel, WhenPresent waits; a
// watcher with no host does not wake it, its host registering does; and
// with a panel there already it calls at once.
func TestWhenPresentWaitsForThePanel(t *testing.T) {
	address := privateBus(t)
	found := make(chan struct{}, 2)
	WhenPresent(func() { found <- struct{}{} })
	select {
	case <-found:
		t.Fatal("found a panel on an empty bus")
	case <-time.After(200 * time.Millisecond):
	}
	panel, props := playPanel(t, address, false)
	defer panel.Close()
	select {
	case <-found:
		t.Fatal("found a panel in a watcher with no host")
	case <-time.After(200 * time.Millisecond):
	}
	props.SetMust(watcherName, "IsStatusNotifierHostRegistered", true)
	if err := panel.Emit("/StatusNotifierWatcher", watcherName+".StatusNotifierHostRegistered"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-found:
	case <-time.After(10 * time.Second):
		t.Fatal("the host registering was not noticed")
	}
	WhenPresent(func() { found <- struct{}{} })
	select {
	case <-found:
	case <-time.After(10 * time.Second):
		t.Fatal("a panel already there was not found")
	}
}

// privateBus runs a session bus of the test's own and makes it the
// session bus; it returns its address.
func privateBus(t *testing.T) string {
	t.Helper()
	address := bustest.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", address)
	return address
}

// playPanel owns the watcher's name on the bus at address, with a host
// registered or not.
func playPanel(t *testing.T, address string, host bool) (*dbus.Conn, *prop.Properties) {
	t.Helper()
	panel, err := dbus.Connect(address)
	if err != nil {
		t.Fatal(err)
	}
	props, err := prop.Export(panel, "/StatusNotifierWatcher", prop.Map{watcherName: {
		"IsStatusNotifierHostRegistered": {Value: host, Writable: true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := panel.RequestName(watcherName, dbus.NameFlagDoNotQueue); err != nil {
		t.Fatal(err)
	}
	return panel, props
}
