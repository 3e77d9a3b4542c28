//go:build !unix

package main

// On systems without Unix sockets here (Windows), a second launch on a
// database Rapport has open is told it is open, as before; see
// handoff_unix.go.

// listenForLaunches does nothing here.
func listenForLaunches(string, func()) (stop func(), err error) { return func() {}, nil }

// handOff finds no running Rapport here.
func handOff(string, bool) bool { return false }
