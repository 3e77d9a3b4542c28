// Package bustest runs a D-Bus session bus of a test's own, as the tests
// of the tray need one (dbus-daemon, which make test-deps installs): the
// tray's look for a panel in package trayhost, and the window's tray under
// Xvfb in the smoke test.
package bustest

import (
	"bufio"
	"os/exec"
	"strings"
	"testing"
)

// Start runs a private session bus for tb, stopped when tb ends, and
// returns its address.
func Start(tb testing.TB) string {
	tb.Helper()
	d := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1")
	out, err := d.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := d.Start(); err != nil {
		tb.Fatalf("dbus-daemon is needed (make test-deps): %v", err)
	}
	tb.Cleanup(func() { _ = d.Process.Kill(); _ = d.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		tb.Fatalf("dbus-daemon gave no address: %v", err)
	}
	return strings.TrimSpace(line)
}
