//go:build wine && windrag

package main

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// How the drags are paced. They are liveness bounds and pauses for wine
// to see the pointer, not performance assertions.
const (
	windragStep      = 60 * time.Millisecond // between the pointer's moves
	windragSteps     = 12
	windragSettle    = 400 * time.Millisecond // before the release, for DragOver
	windragDropWait  = 15 * time.Second       // for the target's drop line
	windragQuietWait = 2 * time.Second        // for a drop that must not come
	windragReadyWait = 2 * time.Minute        // for the target's window
	windragHandleWin = 30 * time.Second       // for the app to report its handles
)

// TestWindowsDragOut drags a meeting's invite out of the Windows build of
// Rapport (make package-windows) under wine, on a private Xvfb display,
// with the pointer driven by xdotool, onto a Win32 OLE drop target built
// here with mingw-w64 (testdata/wine/droptarget.c, which registers an
// IDropTarget the way Explorer and Outlook do, and prints what it is
// offered and what it receives). First a control: a C drag source
// (testdata/wine/dragsource.c) dragging a file the way a Windows program
// does in C must reach the target, which shows that wine carries OLE
// drags between processes on this machine. Then Rapport's:
//
//   - dropped on the target, which must receive CF_HDROP naming the first
//     Meetings row's calendar file, whose bytes must be that file's;
//   - dropped on the bare desktop after crossing the target, dropped back
//     on Rapport's own window, and Esc over the target with the button
//     held: the target must receive nothing;
//   - dropped on the target again: repeated drags work, Fyne having got
//     its button release back after each modal drag.
//
// The app reports where its handles are through $RAPPORT_TEST_HANDLES.
// Wine sends keys to the focused window and there is no window manager,
// so Rapport's window is focused before each drag, as the click that
// starts a drag on Windows makes it the foreground window.
//
//	make test-windows-drag
func TestWindowsDragOut(t *testing.T) {
	exe := wineExe(t, "the Windows drag test", "windows-drag-deps", "test-windows-drag",
		"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool")
	dir := t.TempDir()
	w := wineNewPrefix(t, filepath.Join(dir, "prefix"), filepath.Join(dir, "home"))
	appDir := filepath.Join(w.prefix, "drive_c", "rapport")
	if err := os.MkdirAll(appDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := wineCopy(exe, filepath.Join(appDir, "rapport.exe")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"droptarget", "dragsource"} {
		windragCompile(t, name, filepath.Join(appDir, name+".exe"))
	}
	const winExe, winDB, winHandles = `C:\rapport\rapport.exe`, `C:\rapport\demo.db`, `C:\rapport\handles.txt`
	if out, err := w.run(wineRunWait, "", winExe, "demo", "--db", winDB); err != nil {
		t.Fatalf("rapport.exe demo: %v\n%s", err, out)
	}
	if err := wineZoneSaved(t, filepath.Join(appDir, "demo.db")).Close(); err != nil {
		t.Fatal(err)
	}

	display := smokeXvfb(t)
	x := &windragX{t: t, env: w.env(display)}
	// The target, at the right, over Rapport's window (it is topmost).
	const tx, ty, tw, th = 1000, 80, 260, 300
	target := smokeStartIn(t, "droptarget", x.env, appDir, nil, "wine", `C:\rapport\droptarget.exe`,
		strconv.Itoa(tx), strconv.Itoa(ty), strconv.Itoa(tw), strconv.Itoa(th))
	windragWaitLine(t, target, "ready", windragReadyWait)
	drops := func() []string { return windragLines(target.output(), "drop ") }

	t.Run("control: a C drag source reaches the target", func(t *testing.T) {
		windragControl(t, x, w, appDir, target, tx+tw/2, ty+th/2)
	})
	if t.Failed() {
		t.FailNow()
	}
	before := len(drops())

	app, shown := wineOpen(t, append(x.env, "RAPPORT_TEST_HANDLES="+winHandles, "FYNE_SCALE=1"),
		appDir, display, winExe, "--db", winDB)
	if !shown {
		t.Fatalf("no window named Rapport within %v:\n%s", wineWindowWait, app.output())
	}
	// The window stays where wine put it: moved by xdotool with no window
	// manager, wine does not always learn of it, and its clicks miss.
	win := windragMainWindow(t, x, app)
	time.Sleep(winePaintWait)
	rx, ry, rw, rh := xdotoolGeometry(x.do("getwindowgeometry", "--shell", win))
	const dx, dy = 1275, 700 // the bare desktop: right of both windows, below the target
	if dx < rx+rw && dy < ry+rh {
		t.Fatalf("Rapport's window (%dx%d at %d,%d) covers the desktop point %d,%d", rw, rh, rx, ry, dx, dy)
	}
	handles := filepath.Join(appDir, "handles.txt")
	os.Remove(handles) // only where the handles are from now on
	x.do("windowfocus", "--sync", win)
	x.do("key", "ctrl+6")
	hx, hy := windragHandle(t, x, win, handles)
	t.Logf("dragging from the first Meetings row's handle at %d,%d on the screen", hx, hy)
	tcx, tcy := tx+tw/2, ty+th/2

	t.Run("dropped on the target", func(t *testing.T) {
		x.drag(win, hx, hy, tcx, tcy, false)
		if len(drops()) <= before {
			shot := filepath.Join(dir, "windrag.png")
			smokeRunIn(30*time.Second, x.env, "", "import", "-window", "root", shot)
			smokeKeepAs(t, shot, "windrag.png")
			t.Logf("app output:\n%s", app.output())
		}
		windragCheckDrop(t, target, w.prefix, before+1)
	})
	t.Run("non-drops deliver nothing", func(t *testing.T) {
		n := len(drops())
		x.drag(win, hx, hy, tcx, tcy, false, dx, dy) // across the target, then the bare desktop
		x.drag(win, hx, hy, 400, 500, false)         // back on Rapport
		x.drag(win, hx, hy, tcx, tcy, true)          // Esc over the target
		time.Sleep(windragQuietWait)
		if got := drops(); len(got) != n {
			t.Errorf("a drop on the desktop, on Rapport or after Esc reached the target: %q\ntarget output:\n%s", got[n:], target.output())
		}
		if leaves := len(windragLines(target.output(), "leave")); leaves < 2 {
			t.Errorf("the target saw %d drags leave, want at least 2 (the desktop and Esc); its output:\n%s", leaves, target.output())
		}
	})
	t.Run("dropped on the target again", func(t *testing.T) {
		n := len(drops())
		x.drag(win, hx, hy, tcx, tcy, false)
		windragCheckDrop(t, target, w.prefix, n+1)
	})
	if app.exited() {
		t.Fatalf("rapport.exe exited: %v\n%s", app.err(), app.output())
	}
}

// windragCompile builds testdata/wine/NAME.c with mingw-w64 into out.
func windragCompile(t *testing.T, name, out string) {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "wine", name+".c"))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := smokeRunIn(5*time.Minute, os.Environ(), "", "x86_64-w64-mingw32-gcc", "-O2", "-s", "-mconsole",
		"-Wall", "-o", out, src, "-lole32", "-luuid", "-lshell32", "-luser32", "-lgdi32"); err != nil {
		t.Fatalf("building %s.exe: %v\n%s", name, err, b)
	}
}

// windragControl drags a file from the C drag source onto the target at
// cx,cy: it must arrive, or wine cannot carry an OLE drag here at all.
func windragControl(t *testing.T, x *windragX, w *winePrefix, appDir string, target *smokeProc, cx, cy int) {
	t.Helper()
	file := filepath.Join(appDir, "control file.ics")
	if err := os.WriteFile(file, []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := smokeStartIn(t, "dragsource", x.env, appDir, nil, "wine", `C:\rapport\dragsource.exe`,
		`C:\rapport\control file.ics`, "40", "80", "200", "200")
	windragWaitLine(t, src, "ready", windragReadyWait)
	win := strings.Fields(x.do("search", "--onlyvisible", "--name", "^Rapport drag source$"))[0]
	x.drag(win, 140, 180, cx, cy, false)
	windragWaitLine(t, src, "result", windragDropWait)
	got := windragLines(target.output(), "drop ")
	if len(got) != 1 || !strings.HasSuffix(got[0], `C:\rapport\control file.ics`) {
		t.Fatalf("the target received %q from the C drag source, want the control file\ntarget:\n%s\nsource:\n%s",
			got, target.output(), src.output())
	}
	t.Logf("control: the target was offered %s and received %s",
		strings.TrimPrefix(windragLines(target.output(), "enter ")[0], "enter "), got[0])
	src.stop()
}

// windragMainWindow waits for Rapport's main window, which follows the
// smaller one that says the database is being opened, and returns its ID.
func windragMainWindow(t *testing.T, x *windragX, app *smokeProc) string {
	t.Helper()
	for deadline := time.Now().Add(wineWindowWait); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		out, _ := smokeRun(10*time.Second, x.env, "xdotool", "search", "--onlyvisible", "--name", "^Rapport$")
		for _, win := range strings.Fields(string(out)) {
			if _, _, width, _ := xdotoolGeometry(x.do("getwindowgeometry", "--shell", win)); width >= 600 {
				return win
			}
		}
		if app.exited() {
			break
		}
	}
	t.Fatalf("no main window named Rapport within %v:\n%s", wineWindowWait, app.output())
	return ""
}

// windragHandle is where on the screen the first Meetings row's handle
// is, from what the app reported in the file handles (canvas positions).
func windragHandle(t *testing.T, x *windragX, win, handles string) (int, int) {
	t.Helper()
	var cx, cy int
	found := false
	for deadline := time.Now().Add(windragHandleWin); !found && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		data, _ := os.ReadFile(handles)
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) != 3 || f[0] != "list" {
				continue
			}
			lx, _ := strconv.Atoi(f[1])
			ly, _ := strconv.Atoi(f[2])
			if !found || ly <= cy { // the newest layout of the topmost
				cx, cy, found = lx, ly, true
			}
		}
	}
	if !found {
		t.Fatalf("the app reported no Meetings row handle in %s", handles)
	}
	x.do("mousemove", "--window", win, strconv.Itoa(cx), strconv.Itoa(cy))
	sx, sy, _, _ := xdotoolGeometry(x.do("getmouselocation", "--shell"))
	return sx, sy
}

// windragCheckDrop waits for the target's n-th drop and checks it: one
// file, the first Meetings row's calendar file, with that file's bytes.
func windragCheckDrop(t *testing.T, target *smokeProc, prefix string, n int) {
	t.Helper()
	deadline := time.Now().Add(windragDropWait)
	for len(windragLines(target.output(), "content ")) < n && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	drops := windragLines(target.output(), "drop ")
	contents := windragLines(target.output(), "content ")
	if len(drops) < n || len(contents) < n {
		t.Fatalf("the target received no drop; its output:\n%s", target.output())
	}
	count, winPath, _ := strings.Cut(strings.TrimPrefix(drops[n-1], "drop "), " ")
	if count != "1" {
		t.Errorf("CF_HDROP names %s files, want 1", count)
	}
	if !strings.HasPrefix(winPath, `C:\rapport\invites\`) || !strings.HasSuffix(winPath, " One-on-one with Daniel Okafor.ics") {
		t.Errorf("dropped %s, want the first row's meeting (the one-on-one with Daniel Okafor) in C:\\rapport\\invites", winPath)
	}
	got, err := hex.DecodeString(strings.TrimPrefix(contents[n-1], "content "))
	if err != nil {
		t.Fatalf("the target's content line: %v", err)
	}
	unix := filepath.Join(prefix, "drive_c", filepath.FromSlash(strings.ReplaceAll(strings.TrimPrefix(winPath, `C:\`), `\`, "/")))
	want, err := os.ReadFile(unix)
	if err != nil {
		t.Fatalf("the dropped file on disk: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the target read %d bytes, the file %s has %d: not the same", len(got), unix, len(want))
	}
	for _, part := range []string{"BEGIN:VCALENDAR\r\n", "BEGIN:VEVENT\r\n", "Daniel Okafor", "DTSTART", "END:VCALENDAR\r\n"} {
		if !bytes.Contains(got, []byte(part)) {
			t.Errorf("the dropped invite has no %q:\n%s", part, got)
		}
	}
	t.Logf("the target was offered %s and received %s (%d bytes)",
		strings.TrimPrefix(windragLines(target.output(), "enter ")[0], "enter "), winPath, len(got))
}

// windragLines are the lines of out that start with prefix.
func windragLines(out, prefix string) []string {
	var lines []string
	for _, line := range strings.Split(out, "\n") {
		if line = strings.TrimRight(line, "\r"); strings.HasPrefix(line, prefix) {
			lines = append(lines, line)
		}
	}
	return lines
}

// windragWaitLine waits up to d for a line starting with prefix in p's
// output.
func windragWaitLine(t *testing.T, p *smokeProc, prefix string, d time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(d); len(windragLines(p.output(), prefix)) == 0; time.Sleep(100 * time.Millisecond) {
		if p.exited() || time.Now().After(deadline) {
			t.Fatalf("no %q line within %v; output:\n%s", prefix, d, p.output())
		}
	}
}

// windragX runs xdotool on the test's display.
type windragX struct {
	t   *testing.T
	env []string
}

// do runs xdotool with args and returns its output.
func (x *windragX) do(args ...string) string {
	x.t.Helper()
	out, err := smokeRun(10*time.Second, x.env, "xdotool", args...)
	if err != nil {
		x.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// drag focuses the window win, presses the button at fromX,fromY, moves
// the pointer in steps to toX,toY (then on to each further point given in
// pairs), and releases it there; with escape, it presses Esc before the
// release instead.
func (x *windragX) drag(win string, fromX, fromY, toX, toY int, escape bool, then ...int) {
	x.t.Helper()
	x.do("windowfocus", "--sync", win)
	x.do("mousemove", strconv.Itoa(fromX), strconv.Itoa(fromY))
	time.Sleep(200 * time.Millisecond)
	x.do("mousedown", "1")
	points := append([]int{toX, toY}, then...)
	px, py := fromX, fromY
	for i := 0; i+1 < len(points); i += 2 {
		for s := 1; s <= windragSteps; s++ {
			x.do("mousemove", strconv.Itoa(px+(points[i]-px)*s/windragSteps), strconv.Itoa(py+(points[i+1]-py)*s/windragSteps))
			time.Sleep(windragStep)
		}
		px, py = points[i], points[i+1]
	}
	time.Sleep(windragSettle)
	if escape {
		x.do("key", "Escape")
		time.Sleep(windragSettle)
	}
	x.do("mouseup", "1")
	time.Sleep(time.Second)
}
