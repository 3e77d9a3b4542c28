package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"rapport/storage/autostart"
)

const autostartUsage = `usage: rapport autostart on|off|status [--db PATH]
  on: start Rapport in the tray, without a window, when you log in (on the database
  PATH, or $RAPPORT_DB, when given); off: stop doing so; status: say whether it does`

// runAutostart turns starting at login on or off, or says whether it is on.
func runAutostart(args []string, stdout, stderr io.Writer) int {
	place := autostart.Place{GOOS: runtime.GOOS, Home: homeDir(), Getenv: os.Getenv}
	return autostartWith(args, place, os.Executable, stdout, stderr)
}

// autostartWith is runAutostart on the given place, with the program's
// path from exe.
func autostartWith(args []string, place autostart.Place, exe func() (string, error), stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("rapport autostart", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database to open at login (default: the usual one)")
	words, ok := parseInterleaved(flags, args)
	if !ok {
		return 2
	}
	if len(words) != 1 {
		fmt.Fprintln(stderr, autostartUsage)
		return 2
	}
	switch words[0] {
	case "on":
		path, err := exe()
		if err == nil {
			path, err = filepath.Abs(path)
		}
		if err != nil {
			fmt.Fprintln(stderr, "rapport autostart: where is this program?", err)
			return 1
		}
		if err := place.Enable(autostart.TrayCommand(path, loginDB(*dbFlag))); err != nil {
			fmt.Fprintln(stderr, "rapport autostart:", err)
			return 1
		}
		fmt.Fprintf(stdout, "Rapport will start in the tray when you log in (%s).\n", place.Path())
	case "off":
		if err := place.Disable(); err != nil {
			fmt.Fprintln(stderr, "rapport autostart:", err)
			return 1
		}
		fmt.Fprintln(stdout, "Rapport will not start when you log in.")
	case "status":
		on, err := place.Enabled()
		if err != nil {
			fmt.Fprintln(stderr, "rapport autostart:", err)
			return 1
		}
		if on {
			fmt.Fprintf(stdout, "on: %s\n", place.Path())
		} else {
			fmt.Fprintln(stdout, "off")
		}
	default:
		fmt.Fprintln(stderr, autostartUsage)
		return 2
	}
	return 0
}

// loginDB is the database a login start names: the one --db or
// $RAPPORT_DB gives, made absolute, or "" for the default one, which the
// program finds itself.
func loginDB(flagValue string) string {
	db := flagValue
	if db == "" {
		db = os.Getenv("RAPPORT_DB")
	}
	if db == "" {
		return ""
	}
	if abs, err := filepath.Abs(db); err == nil {
		return abs
	}
	return db
}

// loginStart is the window's switch to start at login (ui.LoginStart):
// this program, in the tray, on the database db when it is not the
// default one.
type loginStart struct {
	place autostart.Place
	db    string
}

// newLoginStart is the switch of this system and user, for the database
// at path.
func newLoginStart(path string) loginStart {
	db := ""
	if abs, err := filepath.Abs(path); err == nil && abs != defaultDBPath(runtime.GOOS, os.Getenv, homeDir()) {
		db = abs
	}
	return loginStart{place: autostart.Place{GOOS: runtime.GOOS, Home: homeDir(), Getenv: os.Getenv}, db: db}
}

// Enabled reports whether Rapport starts at login.
func (l loginStart) Enabled() (bool, error) { return l.place.Enabled() }

// SetEnabled makes Rapport start at login, or not.
func (l loginStart) SetEnabled(on bool) error {
	if !on {
		return l.place.Disable()
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("start at login: where is this program? %w", err)
	}
	return l.place.Enable(autostart.TrayCommand(exe, l.db))
}
