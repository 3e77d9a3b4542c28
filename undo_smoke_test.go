//go:build smoke

package main

import (
	"database/sql"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// TestSmokeUndoUnderADialog checks, in the real window, that Ctrl+Z runs
// the toast's Undo while a dialog covers the toast: it quick-logs a coffee
// (Ctrl+K, the line, Enter), opens the person form (Ctrl+N) over the
// toast, presses Ctrl+Z and reads the database. Fyne's desktop driver
// sends clicks to the top overlay only and the main menu's shortcuts
// before any input's, which the unit tests cannot show.
func TestSmokeUndoUnderADialog(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the smoke test (make test-deps): %v", tool, err)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rapport")
	db := filepath.Join(dir, "demo.db")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if out, err := smokeRun(2*time.Minute, smokeEnv(dir, ""), bin, "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	xenv := smokeEnv(dir, smokeXvfb(t))
	app, shown := smokeOpen(t, xenv, bin, "--db", db)
	if !shown {
		t.Fatalf("no window named Rapport within %v:\n%s", smokeWindowWait, app.output())
	}
	time.Sleep(smokePaintWait)
	xdo := func(args ...string) {
		t.Helper()
		if out, err := smokeRun(10*time.Second, xenv, "xdotool", args...); err != nil {
			t.Fatalf("xdotool %v: %v\n%s", args, err, out)
		}
		time.Sleep(time.Second)
	}
	count := smokeInteractions(t, db)
	before := count()
	xdo("key", "ctrl+k")
	xdo("type", "coffee with Helena yesterday")
	xdo("key", "Return")
	if got := count(); got != before+1 {
		t.Fatalf("the quick log left %d interactions, want %d:\n%s", got, before+1, app.output())
	}
	xdo("key", "ctrl+n")
	xdo("key", "ctrl+z")
	if got := count(); got != before {
		t.Fatalf("Ctrl+Z under the person form left %d interactions, want %d (the coffee undone):\n%s", got, before, app.output())
	}
	if app.exited() {
		t.Fatalf("the app exited: %v\n%s", app.err(), app.output())
	}
}

// smokeInteractions counts the interactions in the database at path,
// read-only while the app has it open.
func smokeInteractions(t *testing.T, path string) func() int {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return func() int {
		t.Helper()
		var n int
		if err := conn.QueryRow(`SELECT count(*) FROM interaction`).Scan(&n); err != nil {
			t.Fatalf("count interactions: %v", err)
		}
		return n
	}
}
