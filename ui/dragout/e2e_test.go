//go:build e2e && (linux || freebsd || openbsd || netbsd)

package dragout

import (
	"bufio"
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Bounds for the end-to-end test: liveness limits for a cold machine.
const (
	wmWait     = 10 * time.Second
	targetWait = 60 * time.Second
	fileWait   = 5 * time.Second
)

// TestE2EDragOut drags an invite, with this package, out of a plain X
// window standing in for Rapport's (Fyne hands the package its GLFW
// window the same way) onto drop targets written with real toolkits, a
// GTK 3 window (drag_dest_set, text/uri-list) and a Qt 5 widget
// (setAcceptDrops), under Xvfb with openbox, the pointer driven by
// xdotool. Each target must receive the invite's file:// URI and read a
// valid .ics from it; a drop on the bare desktop, one back on the source,
// and Esc must deliver nothing.
//
// It needs Xvfb, openbox, xdotool, python3-gi with gir1.2-gtk-3.0, and
// python3-pyqt5, and runs only with the e2e build tag:
//
//	go test -count=1 -tags e2e -run E2E -v ./ui/dragout/
func TestE2EDragOut(t *testing.T) {
	for _, tool := range []string{"Xvfb", "openbox", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the end-to-end test: %v", tool, err)
		}
	}
	python := debianPython(t)
	display := startXvfb(t)
	t.Logf("Xvfb is on display %s", display)
	startOpenbox(t)

	// A folder with a space and a non-ASCII letter, so the URI must be
	// percent-encoded and decoded on the way.
	dir := filepath.Join(t.TempDir(), "Invites für Dana")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path, ics := writeInvite(t, dir)
	item := Item{Path: path, Data: ics, Type: "text/calendar"}

	gtk := startTarget(t, python, "gtk_target.py", 420, 60)
	qt := startTarget(t, python, "qt_target.py", 420, 420)
	// The source comes last and small: some window managers (weston's
	// XWayland one) pile windows up where they like, and a press raises
	// the window it lands on.
	source := sourceWindow(t, 40, 40, 160, 100)
	time.Sleep(200 * time.Millisecond)
	x := xdo{t: t}
	sx, sy := visiblePoint(t, source)
	bx, by := barePoint(t)
	t.Logf("source %#x pressed at (%d, %d); GTK %#x; Qt %#x; bare desktop at (%d, %d)",
		uint32(source), sx, sy, uint32(gtk.win), uint32(qt.win), bx, by)

	// drag presses the button over the source, starts a drag as the app's
	// handle does on its first Dragged event, moves onto each window of
	// path in turn (0: the bare desktop), then releases (or, with esc,
	// presses Esc before releasing).
	drag := func(t *testing.T, esc bool, path ...xproto.Window) Result {
		t.Helper()
		done := make(chan Result, 1)
		x.run("mousemove", itoa(sx), itoa(sy))
		x.run("mousedown", "1")
		x.run("mousemove", itoa(sx+8), itoa(sy+4))
		started := time.Now()
		if err := Start(uintptr(source), item, func(r Result) { done <- r }); err != nil {
			x.run("mouseup", "1")
			t.Fatalf("Start: %v", err)
		}
		ended := false
		defer func() {
			if !ended { // a failure mid-drag: end it, so the next one can start
				x.run("mouseup", "1")
				waitDone(t, done)
			}
		}()
		fx, fy := sx+8, sy+4
		for _, w := range path {
			// Where to go is found now: the press may have raised the
			// source over part of a target.
			px, py := bx, by
			if w != 0 {
				px, py = visiblePoint(t, w)
			}
			const steps = 10
			for i := 1; i <= steps; i++ {
				x.run("mousemove", itoa(fx+(px-fx)*i/steps), itoa(fy+(py-fy)*i/steps))
				time.Sleep(15 * time.Millisecond)
			}
			fx, fy = px, py
		}
		time.Sleep(150 * time.Millisecond) // the target answers the last position
		ended = true
		if esc {
			x.run("keydown", "Escape")
			r := waitDone(t, done)
			x.run("keyup", "Escape")
			x.run("mouseup", "1")
			return r
		}
		released := time.Now()
		x.run("mouseup", "1")
		r := waitDone(t, done)
		t.Logf("%v: the drag took %v, the end %v after the release", r.Outcome,
			time.Since(started).Round(time.Millisecond), time.Since(released).Round(time.Millisecond))
		return r
	}

	for _, tc := range []struct {
		name   string
		target *target
	}{{"GTK 3", gtk}, {"Qt 5", qt}, {"GTK 3 again", gtk}} {
		t.Run("drop on "+tc.name, func(t *testing.T) {
			before := tc.target.uris(t)
			r := drag(t, false, tc.target.win)
			if r.Outcome != Dropped || r.Target != uint32(tc.target.win) || r.Err != nil {
				t.Fatalf("result = %+v, want Dropped on %#x", r, uint32(tc.target.win))
			}
			got := tc.target.waitURIs(t, len(before)+1)
			if len(got) != len(before)+1 {
				t.Fatalf("the %s target received %q, want one URI more than %q\n%s", tc.name, got, before, tc.target.proc.output())
			}
			t.Logf("the %s target received %s", tc.name, got[len(got)-1])
			checkInviteURI(t, got[len(got)-1], path)
		})
	}

	cancels := []struct {
		name string
		esc  bool
		path []xproto.Window // 0 is the bare desktop
	}{
		{"drop on the bare desktop", false, []xproto.Window{gtk.win, 0}},
		{"drop back on the source", false, []xproto.Window{qt.win, source}},
		{"Esc over a target", true, []xproto.Window{gtk.win}},
	}
	for _, tc := range cancels {
		t.Run(tc.name, func(t *testing.T) {
			gtkBefore, qtBefore := gtk.uris(t), qt.uris(t)
			if r := drag(t, tc.esc, tc.path...); r.Outcome != Cancelled || r.Err != nil {
				t.Fatalf("result = %+v, want Cancelled", r)
			}
			time.Sleep(300 * time.Millisecond) // a wrong delivery would land by now
			if got := gtk.uris(t); len(got) != len(gtkBefore) {
				t.Errorf("the GTK target received %q", got[len(gtkBefore):])
			}
			if got := qt.uris(t); len(got) != len(qtBefore) {
				t.Errorf("the Qt target received %q", got[len(qtBefore):])
			}
		})
	}
}

// checkInviteURI checks that uri is a file:// URI of path and that the file
// it names is an iCalendar file.
func checkInviteURI(t *testing.T, uri, path string) {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("the target received %q, not a URI: %v", uri, err)
	}
	if u.Scheme != "file" || (u.Host != "" && u.Host != "localhost") {
		t.Fatalf("the target received %q, not a local file:// URI", uri)
	}
	if u.Path != path {
		t.Errorf("the URI %q names %q, want %q", uri, u.Path, path)
	}
	data, err := os.ReadFile(u.Path)
	if err != nil {
		t.Fatalf("reading the dropped file: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) || !bytes.Contains(data, []byte("\r\nEND:VCALENDAR\r\n")) {
		t.Errorf("the dropped file is not an iCalendar file:\n%s", data)
	}
}

// debianPython returns a python3 that has both GTK 3 and PyQt5 (Debian's,
// not one that a version manager put first on $PATH).
func debianPython(t *testing.T) string {
	t.Helper()
	var candidates []string
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	candidates = append(candidates, "/usr/bin/python3")
	const probe = "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk; import PyQt5.QtWidgets"
	for _, p := range candidates {
		if exec.Command(p, "-c", probe).Run() == nil {
			return p
		}
	}
	t.Fatalf("no python3 with GTK 3 and PyQt5 among %q (apt-get install python3-gi gir1.2-gtk-3.0 python3-pyqt5)", candidates)
	return ""
}

// startOpenbox starts openbox on $DISPLAY and waits until it manages
// windows, unless a window manager already runs there (as on a display
// given by $DRAGOUT_TEST_DISPLAY).
func startOpenbox(t *testing.T) {
	t.Helper()
	c := xconn(t)
	root := xproto.Setup(c).DefaultScreen(c).Root
	check := internAtom(t, c, "_NET_SUPPORTING_WM_CHECK")
	managed := func() bool {
		r, err := xproto.GetProperty(c, false, root, check, xproto.AtomWindow, 0, 1).Reply()
		return err == nil && r.ValueLen == 1
	}
	if managed() {
		t.Log("a window manager already runs: not starting openbox")
		return
	}
	p := startProc(t, "openbox", nil, "openbox", "--sm-disable")
	for deadline := time.Now().Add(wmWait); ; {
		if managed() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("openbox did not start within %v:\n%s", wmWait, p.output())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// target is a drop target started from testdata.
type target struct {
	proc *proc
	win  xproto.Window
	out  string
}

// startTarget starts a target script at (x, y) and waits until its window
// is mapped.
func startTarget(t *testing.T, python, script string, x, y int) *target {
	t.Helper()
	out := filepath.Join(t.TempDir(), "received.txt")
	env := []string{"NO_AT_BRIDGE=1", "GDK_BACKEND=x11", "QT_QPA_PLATFORM=xcb", "XDG_RUNTIME_DIR=" + t.TempDir()}
	p := startProc(t, script, env, python, filepath.Join("testdata", script), out, itoa(x), itoa(y))
	line := p.waitLine(t, "READY ", targetWait)
	id, err := strconv.ParseUint(strings.TrimPrefix(line, "READY "), 10, 32)
	if err != nil {
		t.Fatalf("%s printed %q, not a window id", script, line)
	}
	win := xproto.Window(id)
	c := xconn(t)
	for deadline := time.Now().Add(targetWait); ; {
		a, err := xproto.GetWindowAttributes(c, win).Reply()
		if err == nil && a.MapState == xproto.MapStateViewable {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the %s window %#x was not mapped within %v:\n%s", script, id, targetWait, p.output())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // the window manager settles the frame
	return &target{proc: p, win: win, out: out}
}

// uris returns the URIs the target has written so far.
func (g *target) uris(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(g.out)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(data))
}

// waitURIs waits until the target has written n URIs, and returns them.
func (g *target) waitURIs(t *testing.T, n int) []string {
	t.Helper()
	deadline := time.Now().Add(fileWait)
	for len(g.uris(t)) < n && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	return g.uris(t)
}

// visiblePoint returns the point of w nearest its centre that is not
// covered by another window, on the root window: window managers do not
// all put windows where they ask to be (weston's XWayland one does not).
func visiblePoint(t *testing.T, w xproto.Window) (int, int) {
	t.Helper()
	c := xconn(t)
	root := xproto.Setup(c).DefaultScreen(c).Root
	g, err := xproto.GetGeometry(c, xproto.Drawable(w)).Reply()
	if err != nil {
		t.Fatalf("geometry of %#x: %v", uint32(w), err)
	}
	o, err := xproto.TranslateCoordinates(c, w, root, 0, 0).Reply()
	if err != nil {
		t.Fatalf("position of %#x: %v", uint32(w), err)
	}
	cx, cy := int(o.DstX)+int(g.Width)/2, int(o.DstY)+int(g.Height)/2
	for _, p := range spiral(cx, cy, int(g.Width)/2-10, int(g.Height)/2-10) {
		if topWindow(t, c, root, p[0], p[1]) == w {
			return p[0], p[1]
		}
	}
	t.Fatalf("window %#x is covered everywhere", uint32(w))
	return 0, 0
}

// barePoint returns a point of the screen that no window covers, preferring
// the bottom right, where the test puts none.
func barePoint(t *testing.T) (int, int) {
	t.Helper()
	c := xconn(t)
	screen := xproto.Setup(c).DefaultScreen(c)
	for x := int(screen.WidthInPixels) - 40; x > 0; x -= 40 {
		for y := int(screen.HeightInPixels) - 40; y > 0; y -= 40 {
			if topWindow(t, c, screen.Root, x, y) == 0 {
				return x, y
			}
		}
	}
	t.Fatal("no bare point on the screen")
	return 0, 0
}

// spiral returns grid points within rx, ry of (cx, cy), nearest first.
func spiral(cx, cy, rx, ry int) [][2]int {
	const step = 10
	var pts [][2]int
	for dx := -rx; dx <= rx; dx += step {
		for dy := -ry; dy <= ry; dy += step {
			pts = append(pts, [2]int{cx + dx, cy + dy})
		}
	}
	slices.SortStableFunc(pts, func(a, b [2]int) int {
		da := (a[0]-cx)*(a[0]-cx) + (a[1]-cy)*(a[1]-cy)
		db := (b[0]-cx)*(b[0]-cx) + (b[1]-cy)*(b[1]-cy)
		return da - db
	})
	return pts
}

// topWindow returns the deepest window at (x, y), looking through
// window-manager frames down to the client window, or 0 over the bare root.
func topWindow(t *testing.T, c *xgb.Conn, root xproto.Window, x, y int) xproto.Window {
	t.Helper()
	w, last := root, xproto.Window(0)
	for range 16 {
		r, err := xproto.TranslateCoordinates(c, root, w, int16(x), int16(y)).Reply()
		if err != nil || r.Child == 0 {
			return last
		}
		w, last = r.Child, r.Child
	}
	return last
}

// inputDisplay, when set, names the display whose pointer xdotool drives
// instead of $DISPLAY: the outer X server of a nested Wayland compositor
// (weston's x11 backend, its output at the origin), whose XWayland is
// $DRAGOUT_TEST_DISPLAY.
const inputDisplay = "DRAGOUT_TEST_INPUT_DISPLAY"

// xdo runs xdotool on $DISPLAY, or on $DRAGOUT_TEST_INPUT_DISPLAY.
type xdo struct{ t *testing.T }

// run runs one xdotool command.
func (x xdo) run(args ...string) {
	x.t.Helper()
	cmd := exec.Command("xdotool", args...)
	if d := os.Getenv(inputDisplay); d != "" {
		cmd.Env = append(os.Environ(), "DISPLAY="+d)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		x.t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// proc is a background process whose output is kept; it is killed when the
// test ends.
type proc struct {
	mu    sync.Mutex
	out   bytes.Buffer
	lines chan string
}

// startProc starts name with args, with extra variables on top of the
// test's environment.
func startProc(t *testing.T, label string, env []string, name string, args ...string) *proc {
	t.Helper()
	p := &proc{lines: make(chan string, 64)}
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = writerFunc(func(b []byte) (int, error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.out.Write(b)
	})
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", label, err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			p.mu.Lock()
			p.out.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		close(p.lines)
	}()
	stop(t, cmd)
	return p
}

// waitLine waits for an output line that begins with prefix.
func (p *proc) waitLine(t *testing.T, prefix string, wait time.Duration) string {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				t.Fatalf("the process ended without printing %q:\n%s", prefix, p.output())
			}
			if strings.HasPrefix(l, prefix) {
				return l
			}
		case <-timeout:
			t.Fatalf("no line %q within %v:\n%s", prefix, wait, p.output())
		}
	}
}

// output returns what the process printed.
func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// writerFunc is an io.Writer made of a function.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }
