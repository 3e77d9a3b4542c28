//go:build (linux || freebsd || openbsd || netbsd) && !android

package trayhost

import (
	"bufio"
	"os/exec"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// TestPresentAsksTheSessionBus runs a private session bus (dbus-daemon,
// make test-deps) and plays a panel on it: no watcher, a watcher with no
// host registered, then one with a host.
func TestPresentAsksTheSessionBus(t *testing.T) {
	d := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1")
	out, err := d.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(); err != nil {
		t.Fatalf("dbus-daemon is needed (make test-deps): %v", err)
	}
	t.Cleanup(func() { _ = d.Process.Kill(); _ = d.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	address := strings.TrimSpace(line)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", address)

	if Present() {
		t.Error("Present with no watcher on the bus")
	}
	panel, err := dbus.Connect(address)
	if err != nil {
		t.Fatal(err)
	}
	defer panel.Close()
	props, err := prop.Export(panel, "/StatusNotifierWatcher", prop.Map{watcherName: {
		"IsStatusNotifierHostRegistered": {Value: false, Writable: true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := panel.RequestName(watcherName, dbus.NameFlagDoNotQueue); err != nil {
		t.Fatal(err)
	}
	if Present() {
		t.Error("Present with a watcher that has no host")
	}
	props.SetMust(watcherName, "IsStatusNotifierHostRegistered", true)
	if !Present() {
		t.Error("not Present with a watcher and its host")
	}
}
