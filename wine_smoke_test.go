//go:build wine

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"rapport/model"
	"rapport/storage"
)

const (
	// wineBootWait bounds wineboot -i, which makes the throwaway prefix
	// (about 30 s here), and wineStartWait the first start of the .exe in
	// it. Both are liveness bounds for a cold machine, not performance
	// assertions; so are the others.
	wineBootWait  = 3 * time.Minute
	wineStartWait = 3 * time.Minute
	wineRunWait   = 2 * time.Minute
	// wineWindowWait bounds how long the window may take to show.
	wineWindowWait = 3 * time.Minute
	// winePaintWait is how long the window gets to paint before the capture.
	winePaintWait = 3 * time.Second
	// wineStarts is how many times the window is started when wine finds
	// no display.
	wineStarts = 3
	// wineMinColours and wineMaxShare decide whether a capture is blank.
	wineMinColours = 16
	wineMaxShare   = 0.98
	// wineZone is the zone the test saves in the settings: the .exe can
	// only know it from the tzdata linked into it.
	wineZone = "Europe/London"
)

// TestWineWindowsBuild runs the Windows release build (make
// package-windows) under wine in a throwaway prefix: --version; demo,
// which writes a sample database through SQLite under Windows; an invite
// for a repeating meeting in a named zone, which needs the time zone
// database linked into the .exe; and the window, on a private Xvfb
// display, which must paint something other than a blank rectangle.
//
// Wine 8 (Debian 12) has no bcryptprimitives.dll, whose ProcessPrng Go's
// runtime calls at start: the test builds a stand-in
// (testdata/wine/bcryptprimitives.c) with mingw-w64 into the prefix.
//
// The prefix has no Z: drive, the host's / that wine maps by default,
// and the .exe runs with no TZ, ZONEINFO or GOROOT: it cannot find the
// build machine's zoneinfo or /etc/localtime and must use its own.
//
// It needs wine, mingw-w64, Xvfb, xdotool and ImageMagick's import (make
// test-package installs them) and runs only with the wine build tag:
//
//	make package-windows
//	go test -count=1 -tags wine -run TestWine -v .
//
// The capture is kept in testdata/failed/wine.png when the test fails, or
// always with RAPPORT_KEEP_WINE_SHOT=1.
func TestWineWindowsBuild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("wine runs the .exe on Linux")
	}
	exe := wineExe(t, "the wine test", "test-package", "test-package",
		"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool", "import")
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	started := time.Now()
	w := wineNewPrefix(t, filepath.Join(dir, "prefix"), filepath.Join(dir, "home"))
	t.Logf("wine prefix ready after %v", time.Since(started).Round(time.Second))

	// The .exe and its database live on C:, the only drive there is.
	appDir := filepath.Join(w.prefix, "drive_c", "rapport")
	if err := os.MkdirAll(appDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := wineCopy(exe, filepath.Join(appDir, "rapport.exe")); err != nil {
		t.Fatal(err)
	}
	const winExe, winDB = `C:\rapport\rapport.exe`, `C:\rapport\demo.db`
	unixDB := filepath.Join(appDir, "demo.db")

	t.Run("version", func(t *testing.T) {
		started := time.Now()
		out, err := w.run(wineStartWait, "", winExe, "--version")
		if err != nil {
			t.Fatalf("rapport.exe --version: %v\n%s", err, out)
		}
		want := fmt.Sprintf("%s %s (build %d)", meta.Name, meta.Version, meta.Build)
		if !strings.Contains(out, want) {
			t.Fatalf("rapport.exe --version printed %q, want %q", out, want)
		}
		t.Logf("--version after %v: %s", time.Since(started).Round(time.Millisecond), strings.TrimSpace(out))
	})
	if t.Failed() {
		t.FailNow()
	}

	t.Run("demo", func(t *testing.T) {
		out, err := w.run(wineRunWait, "", winExe, "demo", "--db", winDB)
		if err != nil || !strings.Contains(out, "people") {
			t.Fatalf("rapport.exe demo --db %s: %v\n%s", winDB, err, out)
		}
		t.Logf("demo: %s", strings.TrimSpace(out))
		if _, err := os.Stat(unixDB); err != nil {
			t.Fatalf("the demo database is not where the .exe was told to write it: %v", err)
		}
	})
	if t.Failed() {
		t.FailNow()
	}

	t.Run("no zone database outside the exe", func(t *testing.T) {
		// A control: a Go program without time/tzdata and without
		// -trimpath (so it looks in the build machine's GOROOT too) must
		// find no zone in this prefix, else the invite check below would
		// prove nothing.
		src := filepath.Join(dir, "zonecheck", "main.go")
		if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(src, []byte(wineZoneCheck), 0o644); err != nil {
			t.Fatal(err)
		}
		env := append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
		if out, err := smokeRunIn(5*time.Minute, env, filepath.Dir(src), "go", "build", "-o", filepath.Join(appDir, "zonecheck.exe"), "main.go"); err != nil {
			t.Fatalf("building the zone check: %v\n%s", err, out)
		}
		out, err := w.run(wineRunWait, "", `C:\rapport\zonecheck.exe`, wineZone)
		if err == nil || !strings.Contains(out, "no zone") {
			t.Fatalf("a program without tzdata found %s under wine (%v): %s\nthe prefix leaks the host's zone database", wineZone, err, out)
		}
		t.Logf("without tzdata: %s", strings.TrimSpace(out))
	})

	t.Run("invite in a named zone", func(t *testing.T) {
		id := wineRepeatingMeeting(t, unixDB)
		out, err := w.run(wineRunWait, "", winExe, "invite", strconv.FormatInt(id, 10), "--db", winDB)
		if err != nil {
			t.Fatalf("rapport.exe invite %d: %v\n%s", id, err, out)
		}
		for _, want := range []string{"BEGIN:VTIMEZONE", "TZID:" + wineZone, "TZID=" + wineZone, "RRULE:"} {
			if !strings.Contains(out, want) {
				t.Errorf("the invite has no %s:\n%s", want, out)
			}
		}
	})

	t.Run("window", func(t *testing.T) {
		wineCheckWindow(t, w, appDir, "wine.png", winExe, "--db", winDB)
	})
}

// wineCheckWindow starts the Windows program winExe with args under wine
// in dir, on a private Xvfb display, and fails the test unless a window
// named Rapport shows and paints something other than a blank rectangle.
// The capture is kept as testdata/failed/shotName when the test fails, or
// always with RAPPORT_KEEP_WINE_SHOT=1.
func wineCheckWindow(t *testing.T, w *winePrefix, dir, shotName, winExe string, args ...string) {
	t.Helper()
	display := smokeXvfb(t)
	t.Logf("Xvfb is on display %s", display)
	app, shown := wineOpen(t, w.env(display), dir, display, winExe, args...)
	if shown {
		time.Sleep(winePaintWait)
	}
	shot := filepath.Join(t.TempDir(), shotName)
	captureOut, captureErr := smokeRunIn(30*time.Second, w.env(display), "", "import", "-window", "root", shot)
	switch {
	case app.exited():
		smokeKeepAs(t, shot, shotName)
		t.Fatalf("%s exited early: %v\n%s", winExe, app.err(), app.output())
	case !shown:
		smokeKeepAs(t, shot, shotName)
		t.Fatalf("no visible window named Rapport within %v; output:\n%s", wineWindowWait, app.output())
	case captureErr != nil:
		t.Fatalf("import -window root: %v\n%s", captureErr, captureOut)
	}
	colours, share, err := smokeColours(shot)
	if err != nil {
		smokeKeepAs(t, shot, shotName)
		t.Fatalf("reading the screenshot: %v", err)
	}
	t.Logf("screenshot has %d distinct colours; the commonest covers %.1f%% of it", colours, 100*share)
	if colours < wineMinColours || share > wineMaxShare {
		smokeKeepAs(t, shot, shotName)
		t.Fatalf("the screen looks blank: %d distinct colours (want at least %d), commonest covers %.1f%% (want at most %.0f%%); output:\n%s",
			colours, wineMinColours, 100*share, 100*wineMaxShare, app.output())
	}
	if os.Getenv("RAPPORT_KEEP_WINE_SHOT") != "" {
		smokeKeepAs(t, shot, shotName)
	}
	app.stop()
}

// wineZoneCheck is a program that exits 1 when it cannot load the zone
// named by its argument.
const wineZoneCheck = `package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	if _, err := time.LoadLocation(os.Args[1]); err != nil {
		fmt.Println("no zone:", err)
		os.Exit(1)
	}
	fmt.Println("zone found")
}
`

// wineZoneSaved opens the database at path, which the .exe wrote, and
// saves wineZone as the zone in its settings, so that every meeting can
// be written as an invite (wine gives the .exe no named local zone). The
// caller closes the store.
func wineZoneSaved(t *testing.T, path string) *storage.Store {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatalf("opening the database the .exe wrote: %v", err)
	}
	settings, err := st.Settings(context.Background())
	if err == nil {
		settings.TimeZone = wineZone
		err = st.SaveSettings(context.Background(), settings)
	}
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st
}

// wineRepeatingMeeting saves wineZone as the zone in the settings of the
// database at path and returns the ID of a repeating meeting in it,
// adding a weekly one when the sample has none.
func wineRepeatingMeeting(t *testing.T, path string) int64 {
	t.Helper()
	ctx := context.Background()
	st := wineZoneSaved(t, path)
	defer func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	}()
	meetings, err := st.Meetings(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings {
		if m.Recurrence != model.RecurrenceNone {
			t.Logf("meeting %d repeats (%v)", m.ID, m.Recurrence)
			return m.ID
		}
	}
	if len(meetings) == 0 {
		t.Fatal("the demo database has no meetings")
	}
	m := model.Meeting{PersonID: meetings[0].PersonID, Kind: model.MeetingOneOnOne,
		Start: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), Duration: 30 * time.Minute,
		Recurrence: model.RecurrenceWeekly}
	if err := st.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	t.Logf("the demo has no repeating meeting: added meeting %d, weekly", m.ID)
	return m.ID
}

// winePrefix is a throwaway wine prefix.
type winePrefix struct {
	prefix, home string
}

// wineNewPrefix makes a wine prefix at prefix with wineboot, puts the
// ProcessPrng stand-in in its system32, and removes its Z: drive. The
// wine server is stopped when the test ends.
func wineNewPrefix(t *testing.T, prefix, home string) *winePrefix {
	t.Helper()
	w := &winePrefix{prefix: prefix, home: home}
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Ends every process of the prefix and its wine server, which
		// would otherwise linger a few seconds after the last one.
		_, _ = smokeRunIn(time.Minute, w.env(""), "", "wineserver", "-k")
		_, _ = smokeRunIn(time.Minute, w.env(""), "", "wineserver", "-w")
	})
	if out, err := smokeRunIn(wineBootWait, w.env(""), "", "wineboot", "-i"); err != nil {
		t.Fatalf("wineboot -i: %v\n%s", err, out)
	}
	// wineboot returns before the server has written everything.
	if out, err := smokeRunIn(wineBootWait, w.env(""), "", "wineserver", "-w"); err != nil {
		t.Fatalf("wineserver -w: %v\n%s", err, out)
	}
	system32 := filepath.Join(prefix, "drive_c", "windows", "system32")
	dll := filepath.Join(system32, "bcryptprimitives.dll")
	src, err := filepath.Abs(filepath.Join("testdata", "wine", "bcryptprimitives.c"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := smokeRunIn(time.Minute, os.Environ(), "", "x86_64-w64-mingw32-gcc",
		"-shared", "-O2", "-s", "-o", dll, src, "-ladvapi32"); err != nil {
		t.Fatalf("building the bcryptprimitives.dll stand-in: %v\n%s", err, out)
	}
	if err := os.Remove(filepath.Join(prefix, "dosdevices", "z:")); err != nil {
		t.Fatalf("removing the Z: drive: %v", err)
	}
	return w
}

// env is the environment of wine and the programs it runs: the test's
// own less the display, home, zone and Go variables, with the prefix's,
// DISPLAY set to display (left out when empty).
func (w *winePrefix) env(display string) []string {
	drop := map[string]bool{
		"DISPLAY": true, "WAYLAND_DISPLAY": true, "XDG_SESSION_TYPE": true, "XAUTHORITY": true,
		"HOME": true, "XDG_CONFIG_HOME": true, "XDG_DATA_HOME": true, "XDG_CACHE_HOME": true, "XDG_STATE_HOME": true,
		"XDG_RUNTIME_DIR": true, "LANG": true, "LANGUAGE": true, "LC_ALL": true, "LC_MESSAGES": true,
		"DBUS_SESSION_BUS_ADDRESS": true, "RAPPORT_DB": true,
		"TZ": true, "ZONEINFO": true, "GOROOT": true, "GOPATH": true, "GOCACHE": true, "GOMODCACHE": true,
		"WINEPREFIX": true, "WINEDEBUG": true, "WINEDLLOVERRIDES": true, "WINEARCH": true, "WINESERVER": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !drop[name] && !strings.HasPrefix(name, "GO") {
			env = append(env, kv)
		}
	}
	env = append(env,
		"HOME="+w.home,
		"LANG=en_US.UTF-8",
		"DBUS_SESSION_BUS_ADDRESS=disabled:",
		"WINEPREFIX="+w.prefix,
		"WINEARCH=win64",
		"WINEDEBUG=-all",
		// No Mono or Gecko install prompts; the native stand-in for
		// bcryptprimitives.dll (wine 8 has no builtin one to fall back on);
		// no Linux menu entries for the shortcuts an installer makes.
		"WINEDLLOVERRIDES=mscoree,mshtml=;bcryptprimitives=n;winemenubuilder.exe=d",
	)
	if display != "" {
		env = append(env, "DISPLAY="+display)
	}
	return env
}

// run runs the Windows program winExe with args under wine, with no
// display, in C:\rapport, killing it after d, and returns its combined
// output (wine gives a GUI program the Unix standard output).
func (w *winePrefix) run(d time.Duration, display, winExe string, args ...string) (string, error) {
	out, err := smokeRunIn(d, w.env(display), filepath.Join(w.prefix, "drive_c", "rapport"), "wine", append([]string{winExe}, args...)...)
	return string(out), err
}

// wineOpen starts the Windows program winExe with args under wine on
// display and waits until a visible window named Rapport shows. Like
// smokeOpen, it starts it again (twice at most) when wine could not open
// the display, which a virtual display that has just answered xdotool now
// and then refuses. It reports whether the window showed; the program is
// stopped when the test ends.
func wineOpen(t *testing.T, env []string, dir, display, winExe string, args ...string) (*smokeProc, bool) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		app := smokeStartIn(t, "wine", env, dir, nil, "wine", append([]string{winExe}, args...)...)
		shown := wineWaitWindow(t, app, display)
		out := app.output()
		if shown || !app.exited() || attempt == wineStarts || !wineNoDisplay(out) {
			return app, shown
		}
		t.Logf("attempt %d: wine found no display; starting again:\n%s", attempt, out)
		time.Sleep(500 * time.Millisecond)
	}
}

// wineNoDisplay reports whether out says that wine or GLFW could not use
// the display.
func wineNoDisplay(out string) bool {
	for _, s := range []string{"no driver could be loaded", "X server", "window creation error", "PlatformUnavailable"} {
		if strings.Contains(out, s) {
			return true
		}
	}
	return false
}

// wineWaitWindow waits until a visible window named Rapport shows on
// display, and reports whether it did before wineWindowWait or the
// program's end.
func wineWaitWindow(t *testing.T, app *smokeProc, display string) bool {
	t.Helper()
	started := time.Now()
	env := append(os.Environ(), "DISPLAY="+display)
	for time.Since(started) < wineWindowWait {
		if app.exited() {
			return false
		}
		search := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Rapport$")
		search.Env = env
		if out, err := search.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			t.Logf("the window appeared after %v", time.Since(started).Round(time.Millisecond))
			return true
		}
		time.Sleep(250 * time.Millisecond)
	}
	return false
}

// wineCopy copies the file src to dst.
func wineCopy(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o755)
}

// wineExe checks that the tools a wine test needs are installed (make
// installs, a target, installs them) and returns the Windows .exe it runs:
// $RAPPORT_WINDOWS_EXE, or the one make package-windows built (make
// builds, a target, runs that first).
func wineExe(t *testing.T, test, installs, builds string, tools ...string) string {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for %s (make %s installs it): %v", tool, test, installs, err)
		}
	}
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	exe := os.Getenv("RAPPORT_WINDOWS_EXE")
	if exe == "" {
		exe = filepath.Join("dist", fmt.Sprintf("rapport-%s-windows-amd64.exe", meta.Version))
	}
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("%v: run make package-windows first (make %s does)", err, builds)
	}
	return exe
}
