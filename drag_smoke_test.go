//go:build smoke

package main

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSmokeDragInviteOut drags a meeting's invite out of the real Rapport
// window, from the handle on its first Meetings row, onto a GTK 3 and a
// Qt 5 window that accept files (ui/dragout/testdata), under Xvfb with
// openbox, the pointer driven by xdotool: each must receive a file:// URI
// of the meeting's calendar file. Drags dropped back inside Rapport or on
// the bare desktop deliver nothing. The app reports where its handles are through
// $RAPPORT_TEST_HANDLES.
func TestSmokeDragInviteOut(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "openbox"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the drag test (make test-deps): %v", tool, err)
		}
	}
	python := smokePython(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "rapport")
	db := filepath.Join(dir, "demo.db")
	handles := filepath.Join(dir, "handles.txt")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if out, err := smokeRun(2*time.Minute, smokeEnv(dir, ""), bin, "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	display := smokeXvfb(t)
	xenv := smokeEnv(dir, display)
	wm := smokeStart(t, "openbox", xenv, "openbox", "--sm-disable")
	time.Sleep(time.Second) // openbox takes over the screen
	if wm.exited() {
		t.Fatalf("openbox exited: %v\n%s", wm.err(), wm.output())
	}

	app, shown := smokeOpen(t, append(xenv, "RAPPORT_TEST_HANDLES="+handles, "FYNE_SCALE=1"), bin, "--db", db)
	if !shown {
		t.Fatalf("no window named Rapport within %v:\n%s", smokeWindowWait, app.output())
	}
	xdo := func(args ...string) string {
		t.Helper()
		out, err := smokeRun(10*time.Second, xenv, "xdotool", args...)
		if err != nil {
			t.Fatalf("xdotool %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	win := strings.Fields(xdo("search", "--onlyvisible", "--name", "Rapport"))[0]
	// Rapport at the top, the target under it: clicking Rapport raises it,
	// so they must not overlap.
	xdo("windowsize", win, "1100", "460")
	xdo("windowmove", win, "0", "0")
	time.Sleep(smokePaintWait)
	os.Remove(handles) // only where the handles are from now on
	xdo("key", "--window", win, "ctrl+6")
	time.Sleep(smokePaintWait)

	_, oy, _, height := xdotoolGeometry(xdo("getwindowgeometry", "--shell", win))
	targetY := oy + height + 50
	if targetY+200 > 800 {
		t.Fatalf("Rapport's window is %d high: no room under it for the target", height)
	}
	targetEnv := append(xenv, "NO_AT_BRIDGE=1", "GDK_BACKEND=x11", "QT_QPA_PLATFORM=xcb", "XDG_RUNTIME_DIR="+dir)
	startTarget := func(script string, x int) (*smokeProc, string) {
		out := filepath.Join(dir, script+".received")
		p := smokeStart(t, script, targetEnv, python, filepath.Join("ui", "dragout", "testdata", script), out,
			strconv.Itoa(x), strconv.Itoa(targetY))
		for deadline := time.Now().Add(30 * time.Second); !strings.Contains(p.output(), "READY"); {
			if time.Now().After(deadline) || p.exited() {
				t.Fatalf("%s did not start:\n%s", script, p.output())
			}
			time.Sleep(100 * time.Millisecond)
		}
		return p, out
	}
	gtk, gtkOut := startTarget("gtk_target.py", 100)
	qt, qtOut := startTarget("qt_target.py", 560)
	time.Sleep(500 * time.Millisecond)

	x, y := smokeHandle(t, handles, "list")
	// Relative to the window's client area, which is where Fyne's canvas
	// starts; then where that is on the screen.
	xdo("mousemove", "--window", win, strconv.Itoa(x), strconv.Itoa(y))
	hx, hy, _, _ := xdotoolGeometry(xdo("getmouselocation", "--shell"))
	t.Logf("dragging from the first Meetings row's handle at %d,%d on the screen (%d,%d in the window)", hx, hy, x, y)

	drag := func(toX, toY int) {
		xdo("mousemove", strconv.Itoa(hx), strconv.Itoa(hy))
		time.Sleep(200 * time.Millisecond)
		xdo("mousedown", "1")
		for i := 1; i <= 12; i++ {
			xdo("mousemove", strconv.Itoa(hx+(toX-hx)*i/12), strconv.Itoa(hy+(toY-hy)*i/12))
			time.Sleep(60 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond)
		xdo("mouseup", "1")
		time.Sleep(time.Second)
	}

	received := func() string {
		a, _ := os.ReadFile(gtkOut)
		b, _ := os.ReadFile(qtOut)
		return string(a) + string(b)
	}
	// Dropped back inside Rapport, or on the bare desktop: nothing is
	// delivered anywhere.
	drag(450, 300)
	drag(1150, targetY+100)
	if got := received(); got != "" {
		t.Fatalf("a drop inside Rapport or on the desktop reached a target: %q", got)
	}
	// Dropped on the GTK window, then on the Qt one: each gets the invite.
	for _, target := range []struct {
		name string
		proc *smokeProc
		out  string
		x    int
	}{{"GTK 3", gtk, gtkOut, 100}, {"Qt 5", qt, qtOut, 560}} {
		drag(target.x+150, targetY+120)
		var data []byte
		for deadline := time.Now().Add(10 * time.Second); len(data) == 0 && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			data, _ = os.ReadFile(target.out)
		}
		if len(data) == 0 {
			shot := filepath.Join(dir, "drag.png")
			smokeRun(30*time.Second, xenv, "import", "-window", "root", shot)
			smokeKeep(t, shot)
			t.Fatalf("the %s target received nothing; app output:\n%s\ntarget output:\n%s", target.name, app.output(), target.proc.output())
		}
		smokeCheckInvite(t, strings.Fields(string(data))[0])
		t.Logf("the %s target received %s", target.name, strings.TrimSpace(string(data)))
	}
	if app.exited() {
		t.Fatalf("the app exited: %v\n%s", app.err(), app.output())
	}
}

// smokeCheckInvite checks that uri is a file:// URI of the first
// coming-up meeting's calendar file.
func smokeCheckInvite(t *testing.T, uri string) {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		t.Fatalf("received %q, not a file:// URI", uri)
	}
	ics, err := os.ReadFile(u.Path)
	if err != nil {
		t.Fatalf("the dropped file %s: %v", u.Path, err)
	}
	if !strings.HasSuffix(u.Path, "One-on-one with Daniel Okafor.ics") {
		t.Errorf("dropped %s, want the first row's meeting (the one-on-one with Daniel Okafor)", u.Path)
	}
	if !bytes.HasPrefix(ics, []byte("BEGIN:VCALENDAR\r\n")) || !bytes.Contains(ics, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("the dropped file %s is not a calendar:\n%s", u.Path, ics)
	}
}

// smokePython is a python3 that can import GTK 3 (Debian's: a python3
// earlier on $PATH may not see its packages).
func smokePython(t *testing.T) string {
	t.Helper()
	const probe = "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk; import PyQt5.QtWidgets"
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", probe).Run() == nil {
			return path
		}
	}
	t.Fatal("no python3 with GTK 3 and PyQt5 (apt-get install python3-gi gir1.2-gtk-3.0 python3-pyqt5)")
	return ""
}

// smokeHandle is the canvas position of the topmost handle at place the
// app has reported, waiting for one.
func smokeHandle(t *testing.T, path, place string) (int, int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		x, y, found := 0, 0, false
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) != 3 || f[0] != place {
				continue
			}
			lx, _ := strconv.Atoi(f[1])
			ly, _ := strconv.Atoi(f[2])
			if !found || ly <= y { // the newest layout of the topmost
				x, y, found = lx, ly, true
			}
		}
		if found {
			return x, y
		}
	}
	t.Fatalf("the app reported no %q handle in %s", place, path)
	return 0, 0
}
