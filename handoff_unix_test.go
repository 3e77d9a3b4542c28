//go:build unix

package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestHandOffToTheRunningRapport: a second launch on a database asks the
// Rapport that has it open to show its window (a launch from the tray
// only checks that it runs), a launch on another database or with no one
// listening finds no one, and a socket left behind is replaced.
func TestHandOffToTheRunningRapport(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	db := filepath.Join(t.TempDir(), "rapport.db")
	if handOff(db, false) {
		t.Fatal("handOff found a Rapport before one listened")
	}
	socket, err := launchSocket(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(socket, nil, 0o600); err != nil { // left by a Rapport that crashed
		t.Fatal(err)
	}
	opened := make(chan struct{}, 2)
	stop, err := listenForLaunches(db, func() { opened <- struct{}{} })
	if err != nil {
		t.Fatalf("listenForLaunches: %v", err)
	}
	if !handOff(db, false) {
		t.Fatal("handOff: the running Rapport did not answer")
	}
	select {
	case <-opened:
	case <-time.After(5 * time.Second):
		t.Fatal("the running Rapport was not asked to open its window")
	}
	if !handOff(db, true) {
		t.Fatal("handOff --tray: the running Rapport did not answer")
	}
	if len(opened) != 0 {
		t.Error("a launch from the tray opened the window")
	}
	if handOff(filepath.Join(t.TempDir(), "other.db"), false) {
		t.Error("handOff on another database found this Rapport")
	}
	stop()
	if handOff(db, false) {
		t.Error("handOff found a Rapport that stopped listening")
	}
	info, err := os.Stat(filepath.Dir(socket))
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the sockets' folder is %v, %v; want 0700", info.Mode(), err)
	}
}
