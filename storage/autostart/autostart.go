// Package autostart starts Rapport in the tray when the user logs in, or
// stops doing so, in the way of each system: an XDG autostart entry on
// Linux and the BSDs, a LaunchAgent on macOS, the per-user Run key of the
// registry on Windows. Files are written whole or not at all (atomicfile)
// and removed cleanly; nothing is written anywhere else. The content of
// each system's entry is built by a plain function, testable anywhere.
package autostart

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"rapport/storage/atomicfile"
)

// TrayFlag is the flag that starts Rapport in the tray without a window.
const TrayFlag = "--tray"

// Names of the entries.
const (
	// DesktopFile is the XDG autostart entry's file name.
	DesktopFile = "app.rapport.desktop"
	// AgentLabel is the LaunchAgent's label; its file is AgentLabel.plist.
	AgentLabel = "app.rapport"
	// RunValue is the name of the value under the Run key.
	RunValue = "Rapport"
	// RunKey is the per-user Run key, under HKEY_CURRENT_USER.
	RunKey = `Software\Microsoft\Windows\CurrentVersion\Run`
)

// Command is what starts Rapport at login: the executable and its
// arguments (TrayFlag, and --db PATH when the database is not the
// default one).
type Command struct {
	Exe  string
	Args []string
}

// TrayCommand is the command that starts exe in the tray, on the
// database db ("" for the default one).
func TrayCommand(exe, db string) Command {
	c := Command{Exe: exe, Args: []string{TrayFlag}}
	if db != "" {
		c.Args = append(c.Args, "--db", db)
	}
	return c
}

// Place is where a system keeps the entry. Home and Getenv are the user's
// home folder and environment, so tests use a temporary one.
type Place struct {
	GOOS   string
	Home   string
	Getenv func(string) string
}

// ErrUnsupported means the system has no way of starting at login that
// this package knows.
var ErrUnsupported = errors.New("starting at login is not supported on this system")

// Path is the file the entry lives in: the XDG autostart entry (in
// $XDG_CONFIG_HOME/autostart when that is an absolute path, else
// ~/.config/autostart) or the LaunchAgent. On Windows, where the entry is
// a registry value, it is the key's name.
func (p Place) Path() string {
	switch p.GOOS {
	case "windows":
		return `HKEY_CURRENT_USER\` + RunKey + `\` + RunValue
	case "darwin":
		return filepath.Join(p.Home, "Library", "LaunchAgents", AgentLabel+".plist")
	}
	config := ""
	if p.Getenv != nil {
		config = p.Getenv("XDG_CONFIG_HOME")
	}
	if config == "" || !filepath.IsAbs(config) {
		config = filepath.Join(p.Home, ".config")
	}
	return filepath.Join(config, "autostart", DesktopFile)
}

// Enable writes the entry that runs c at login, replacing one there.
func (p Place) Enable(c Command) error {
	if !filepath.IsAbs(c.Exe) {
		return fmt.Errorf("start at login: the program's path %q is not absolute", c.Exe)
	}
	var content []byte
	var err error
	switch p.GOOS {
	case "windows":
		return setRunValue(WindowsCommandLine(c))
	case "darwin":
		content = LaunchAgent(c)
	default:
		if content, err = DesktopEntry(c); err != nil {
			return fmt.Errorf("start at login: %w", err)
		}
	}
	path := p.Path()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	if err := atomicfile.Write(path, content); err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	return nil
}

// Disable removes the entry; none there is fine.
func (p Place) Disable() error {
	if p.GOOS == "windows" {
		return deleteRunValue()
	}
	err := os.Remove(p.Path())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("stop starting at login: %w", err)
	}
	return nil
}

// Enabled reports whether the entry is there.
func (p Place) Enabled() (bool, error) {
	if p.GOOS == "windows" {
		return hasRunValue()
	}
	_, err := os.Stat(p.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("start at login: %w", err)
	}
	return true, nil
}
