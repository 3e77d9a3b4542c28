// Command rapport is an offline desktop app that helps a person advance
// their career by managing the relationships that decide it.
//
// Usage:
//
//	rapport [--db PATH] [--tray]   open the window on a database
//	                               (--tray: start in the system tray)
//	rapport --version              print the version
//	rapport demo --db PATH [...]   write a sample career network
//	rapport invite ID [--request] [--out FILE] [--db PATH]
//	                               write a meeting's calendar invite
//	rapport backup [--to DIR] [--db PATH] [--encrypt | --passphrase-file FILE]
//	                               write a backup of the database
//	rapport import FILE [--db PATH] [--yes] [--team-from-company] [--cadence DAYS] [--passphrase-file FILE]
//	                               import people from a contacts file, or
//	                               restore an export into a new database
//	rapport export --format json|vcard --out FILE [--db PATH] [--encrypt | --passphrase-file FILE]
//	                               export everything, or the people as vCard
//	rapport due [--db PATH] [--json]
//	                               print what is due (exit 3 when something is pressing)
//	rapport autostart on|off|status
//	                               start Rapport in the tray at login, or not
//
// The database defaults to $RAPPORT_DB, else the per-user data folder
// (see defaultDBPath). Subcommands and --version never start the
// graphical driver, so they run without a display.
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"rapport/assets"
	"rapport/model"
	"rapport/model/sample"
	"rapport/storage"
	"rapport/storage/contacts"
	"rapport/storage/ics"
	"rapport/storage/keyring"
	"rapport/storage/plansummary"
	"rapport/ui"
)

//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program but for the exit: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		fmt.Fprintln(stderr, "rapport:", err)
		return 1
	}
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		switch args[0] {
		case "demo":
			return runDemo(args[1:], stdout, stderr)
		case "invite":
			return runInvite(args[1:], stdout, stderr)
		case "backup":
			return runBackup(args[1:], stdout, stderr)
		case "import":
			return runImport(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "log":
			return runLog(args[1:], stdout, stderr)
		case "search":
			return runSearch(args[1:], stdout, stderr)
		case "path":
			return runPath(args[1:], stdout, stderr)
		case "due":
			return runDue(args[1:], stdout, stderr)
		case "autostart":
			return runAutostart(args[1:], stdout, stderr)
		case "help":
			return runHelp(args[1:], meta, stdout, stderr)
		default:
			fmt.Fprintf(stderr, "rapport: unknown command %q\n", args[0])
			usage(stderr)
			return 2
		}
	}
	fs := flag.NewFlagSet("rapport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { usage(stderr) }
	dbFlag := fs.String("db", "", "the database file")
	version := fs.Bool("version", false, "print the version and exit")
	inTray := fs.Bool("tray", false, "start in the system tray, without a window")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "rapport: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *version {
		fmt.Fprintf(stdout, "%s %s (build %d)\n", meta.Name, meta.Version, meta.Build)
		return 0
	}
	return runWindow(meta, dbPath(*dbFlag), *inTray, stderr)
}

// osKeyring is the keyring of backup passphrases the window and
// commands use; tests replace it.
var osKeyring keyring.Keyring = keyring.System{}

// runWindow opens the store and shows the main window until it is closed
// (or, inTray, puts Rapport in the system tray until it quits).
func runWindow(meta fyne.AppMetadata, path string, inTray bool, stderr io.Writer) int {
	profileStartup(stderr)
	lift := limitStartupHeap()
	app.SetMetadata(meta)
	a := app.NewWithID(meta.ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	// The integrity check runs while the window is built; nothing is
	// written before it passes, and watchIntegrity explains a failure.
	show := func(st *storage.Store) *ui.Window { return buildWindow(a, st, true, inTray, lift, stderr) }
	r, done := openForWindow(a, path, func(st *storage.Store) *ui.Window { return buildWindow(a, st, false, inTray, lift, stderr) }, stderr)
	if done { // a long migration: the app ran and has quit
		if r.err != nil {
			return 1
		}
		return 0
	}
	st, err := r.st, r.err
	if errors.Is(err, storage.ErrLocked) && handOff(path, inTray) {
		return 0 // the Rapport that has it open shows its window
	}
	if err != nil {
		fmt.Fprintln(stderr, "rapport:", err)
		ui.ShowStartupProblem(a, startupProblem(path, err, func() {}), func() { restart(a, path) })
		return 1
	}
	defer st.Close()
	w := show(st)
	stop, err := listenForLaunches(st.Path(), func() { fyne.Do(w.Open) })
	if err != nil {
		fmt.Fprintln(stderr, "rapport: a second launch will not find this window:", err)
	}
	defer stop()
	w.ShowAndRun()
	return 0
}

// buildWindow makes the main window on st, ready to show; beforeRun says
// that the app does not run yet, so that its first screen can wait for
// it (ui.Options.FirstScreenWhenRunning); inTray starts it in the system
// tray (ui.Options.StartInTray); shown is called when the first screen
// shows its data.
func buildWindow(a fyne.App, st *storage.Store, beforeRun, inTray bool, shown func(), stderr io.Writer) *ui.Window {
	printNote(stderr, st.Notice())
	backups := st.BackupSet(keyring.New(osKeyring))
	skipped := backUpDaily(backups, stderr)
	var w *ui.Window
	// The integrity check begins once the first screen shows, so as not to
	// slow it (a write before then begins it at once).
	firstScreen := func() {
		shown()
		watchIntegrity(w, st, stderr)
	}
	opts := ui.Options{DBPath: st.Path(), Calendar: ics.Calendar{}, Plans: plansummary.Writer{}, Zone: systemZone(),
		Backups: backups, Restart: func() { restart(a, st.Path()) }, Contacts: contacts.Reader{},
		Exports: st, FirstScreenWhenRunning: beforeRun, FirstScreenShown: firstScreen, StartInTray: inTray,
		AtLogin: newLoginStart(st.Path())}
	if path := os.Getenv("RAPPORT_TEST_HANDLES"); path != "" {
		opts.HandleMoved = reportHandles(path)
	}
	w = ui.New(a, st, opts)
	for _, hook := range windowHooks {
		hook(w)
	}
	go func() {
		if _, ok := <-skipped; ok {
			fyne.Do(w.BackupSkipped)
		}
	}()
	return w
}

// startupHeapLimit is the soft limit on the Go heap while the window and
// its first screen are built. Start-up keeps about 30 MB (fonts,
// widgets, Today's report) and makes three times that in garbage (font
// parsing, icon rasterising): at the usual pace (GOGC=100) the heap grows
// to twice what it keeps before it is collected, and that peak stays
// resident. Under the limit the collector runs a little more often
// instead, for some 15 MB less peak memory and no CPU cost that shows
// (issue 23, docs/fyne-fonts.md).
const startupHeapLimit = 40 << 20

// startupHeapLimitAfter is how long after the first screen shows its
// data the limit is lifted: time for the frames that draw it.
const startupHeapLimitAfter = 5 * time.Second

// limitStartupHeap sets startupHeapLimit, unless $GOMEMLIMIT chose one,
// and returns the function to call when the first screen shows its data:
// it lifts the limit startupHeapLimitAfter later, so that the rest of the
// session (a map of thousands of people keeps more) is paced as usual.
func limitStartupHeap() (shown func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	before := debug.SetMemoryLimit(startupHeapLimit)
	var once sync.Once
	return func() {
		once.Do(func() {
			time.AfterFunc(startupHeapLimitAfter, func() { debug.SetMemoryLimit(before) })
		})
	}
}

// backUpDaily writes the day's backup, at most one a day, off the window's
// goroutine so that start-up does not wait for it; encrypted when the
// settings say so. It reports on skipped when one was due but could not
// be encrypted for want of a passphrase, and then closes it.
func backUpDaily(b *storage.BackupSet, stderr io.Writer) (skipped <-chan struct{}) {
	out := make(chan struct{}, 1)
	go func() {
		defer close(out)
		if err := b.BackupIfDue(); err != nil {
			fmt.Fprintln(stderr, "rapport: daily backup:", err)
			if errors.Is(err, model.ErrNeedPassphrase) {
				out <- struct{}{}
			}
		}
	}()
	return out
}

// restart starts Rapport again on the database at path and quits this one.
func restart(a fyne.App, path string) {
	if exe, err := os.Executable(); err == nil {
		cmd := exec.Command(exe, "--db", path)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "rapport: could not start again:", err)
		}
	}
	a.Quit()
}

// watchIntegrity waits off the window's goroutine for the integrity check
// of st and, when the database is damaged, says so in the window and
// offers the newest backup, as a start-up that found it damaged would.
func watchIntegrity(w *ui.Window, st *storage.Store, stderr io.Writer) {
	go func() {
		err := st.Intact(context.Background())
		if !errors.Is(err, storage.ErrDamaged) {
			return
		}
		fmt.Fprintln(stderr, "rapport:", err)
		p := startupProblem(st.Path(), err, func() { st.Close() })
		fyne.Do(func() { w.ShowDamaged(p) })
	}()
}

// startupProblem explains to the user why the database at path cannot be
// used (err, from storage), and for a damaged one offers its newest
// backup, restored after release lets go of the database.
func startupProblem(path string, err error, release func()) ui.DatabaseProblem {
	p := ui.DatabaseProblem{Err: err}
	switch {
	case errors.Is(err, storage.ErrDamaged):
		p.Advice = "This database is damaged, so Rapport has not written to it."
	case errors.Is(err, storage.ErrLocked):
		p.Advice = "Rapport is already open on this database. Switch to that window, or close it and try again."
		return p
	case errors.Is(err, storage.ErrNotRapport):
		p.Advice = "This file is not a Rapport database. It has not been changed. Choose another file with --db."
		return p
	case errors.Is(err, storage.ErrTooNew):
		p.Advice = "This database was made by a newer version of Rapport. Update Rapport to open it; the file has not been changed."
		return p
	default:
		p.Advice = "Rapport could not open its database."
		return p
	}
	b, note := storage.NewestBackupOf(path)
	if note != "" {
		p.Advice += " " + note
	}
	if b.Path == "" {
		p.Advice += " There is no backup of it to restore; the file is as it was."
		return p
	}
	p.Advice += fmt.Sprintf(" The newest backup of it is from %s. Restoring it keeps a copy of the damaged file beside it.",
		b.At.Local().Format("2 January 2006 at 15:04"))
	p.Encrypted = b.Encrypted
	p.Restore = func(passphrase string) error {
		release()
		if b.Encrypted {
			return storage.RestoreEncrypted(path, b.Path, passphrase)
		}
		return storage.Restore(path, b.Path)
	}
	return p
}

// windowHooks run once the window is built, before it shows. Test builds
// add to them (describe.go); release builds have none.
var windowHooks []func(*ui.Window)

// reportHandles appends "place x y" to the file at path for each drag
// handle laid out, so the end-to-end drag test can find one on the
// screen; $RAPPORT_TEST_HANDLES turns it on.
func reportHandles(path string) func(string, fyne.Position) {
	return func(place string, at fyne.Position) {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return
		}
		fmt.Fprintf(f, "%s %.0f %.0f\n", place, at.X, at.Y)
		f.Close()
	}
}

// runDemo writes a sample network into a new (or empty) database.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rapport demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbFlag := fs.String("db", "", "the database file to create (required)")
	people := fs.Int("people", 0, "how many people (default: the hand-made cast of about 40)")
	interactions := fs.Int("interactions", 0, "how many interactions (default: about 12 a person)")
	promises := fs.Int("promises", 0, "how many promises (default: about 1.5 a person)")
	seed := fs.Int64("seed", storage.SampleSeed, "which network: the same seed gives the same people")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *dbFlag == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: rapport demo --db PATH [--people N --interactions N --promises N --seed N]")
		return 2
	}
	if *people < 0 || *interactions < 0 || *promises < 0 {
		fmt.Fprintln(stderr, "rapport demo: counts must not be negative")
		return 2
	}
	st, err := storage.Open(*dbFlag)
	if err != nil {
		fmt.Fprintln(stderr, "rapport demo:", err)
		return 1
	}
	defer st.Close()
	printNote(stderr, st.Notice())
	start := time.Now()
	n := sample.Generate(sample.Options{Seed: *seed, Now: start, People: *people,
		Interactions: *interactions, Promises: *promises})
	if err := st.InsertNetwork(context.Background(), n); err != nil {
		fmt.Fprintln(stderr, "rapport demo:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote a sample network to %s: %d people, %d ties, %d interactions, %d promises, %d meetings (%s).\n",
		st.Path(), len(n.People), len(n.Ties), len(n.Interactions), len(n.Promises), len(n.Meetings),
		time.Since(start).Round(time.Millisecond))
	return 0
}

// readMetadata reads the app's name, ID and version from FyneApp.toml,
// the one place they are written down.
func readMetadata(b []byte) (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			Name, ID, Version string
			Build             int
		}
	}
	if err := toml.Unmarshal(b, &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := f.Details
	if d.Name == "" || d.ID == "" || d.Version == "" {
		return fyne.AppMetadata{}, errors.New("FyneApp.toml: Details needs Name, ID and Version")
	}
	return fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build,
		Icon: fyne.NewStaticResource("icon.png", assets.IconPNG)}, nil
}

// dbPath chooses the database: the --db flag, else $RAPPORT_DB, else the
// default for this system.
func dbPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("RAPPORT_DB"); env != "" {
		return env
	}
	return defaultDBPath(runtime.GOOS, os.Getenv, homeDir())
}

func homeDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	return home
}

// defaultDBPath is where a user's database lives when nothing says
// otherwise: the per-user data folder of each system.
func defaultDBPath(goos string, getenv func(string) string, home string) string {
	const file = "rapport.db"
	switch goos {
	case "windows":
		if appData := getenv("APPDATA"); appData != "" {
			return filepath.Join(appData, "Rapport", file)
		}
		return filepath.Join(home, "AppData", "Roaming", "Rapport", file)
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Rapport", file)
	default:
		if xdg := getenv("XDG_DATA_HOME"); xdg != "" && filepath.IsAbs(xdg) {
			return filepath.Join(xdg, "rapport", file)
		}
		return filepath.Join(home, ".local", "share", "rapport", file)
	}
}

// systemZone is the computer's time zone with its IANA name, which
// time.Local lacks ("Local"): from $TZ, /etc/timezone or the target of
// /etc/localtime. It returns nil when none of them names a zone Go knows.
func systemZone() *time.Location {
	var names []string
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" {
		names = append(names, tz)
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		names = append(names, strings.TrimSpace(string(b)))
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(filepath.ToSlash(target), "zoneinfo/"); ok {
			names = append(names, name)
		}
	}
	for _, name := range names {
		if loc, err := time.LoadLocation(name); err == nil && name != "Local" && name != "" {
			return loc
		}
	}
	return nil
}
