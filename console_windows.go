//go:build windows

package main

import (
	"os"
	"syscall"
)

// The release build is a Windows GUI program, which Windows starts with no
// console: "rapport.exe backup" typed in one would print nothing. So,
// before main, Rapport writes to the console it was started from, if any,
// unless its output already goes somewhere (a pipe or a file).
func init() { attachParentConsole() }

// attachParentConsole points standard output and error at the console of
// the process that started Rapport, when there is one and they point
// nowhere.
func attachParentConsole() {
	if out, err := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE); err == nil && out != 0 && out != syscall.InvalidHandle {
		return // redirected: leave it as it is
	}
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(uintptr(attachParentProcess)); ok == 0 {
		return // no console: started from Explorer or a shortcut
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = f, f
	}
}
