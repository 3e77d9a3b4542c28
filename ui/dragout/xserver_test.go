//go:build linux || freebsd || openbsd || netbsd

package dragout

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
)

// Bounds for the X tests: liveness limits, not performance assertions.
const (
	xvfbWait  = 10 * time.Second
	doneWait  = 15 * time.Second
	eventWait = 5 * time.Second
)

// xgb logs to stderr when it finds no Xauthority file, as under a bare
// Xvfb: the tests keep quiet about it.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }

// testDisplay, when set, names an X server for the X tests to use instead
// of a private Xvfb: an XWayland one, for instance.
const testDisplay = "DRAGOUT_TEST_DISPLAY"

// startXvfb starts a private Xvfb (skipping the test when it is not
// installed), points $DISPLAY at it for the test and returns the display.
// With $DRAGOUT_TEST_DISPLAY set it uses that display instead.
func startXvfb(t *testing.T) string {
	t.Helper()
	if d := os.Getenv(testDisplay); d != "" {
		t.Setenv("DISPLAY", d)
		return d
	}
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting Xvfb: %v", err)
	}
	w.Close()
	stop(t, cmd)
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	var display string
	select {
	case n := <-line:
		if n == "" {
			t.Fatalf("Xvfb gave no display number:\n%s", out.String())
		}
		display = ":" + n
	case <-time.After(xvfbWait):
		t.Fatalf("Xvfb took no display within %v", xvfbWait)
	}
	t.Setenv("DISPLAY", display)
	for deadline := time.Now().Add(xvfbWait); ; {
		c, err := xgb.NewConnDisplay(display)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Xvfb on %s does not answer: %v", display, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return display
}

// stop kills cmd when the test ends.
func stop(t *testing.T, cmd *exec.Cmd) {
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
}

// xconn opens a connection to $DISPLAY that is closed when the test ends.
func xconn(t *testing.T) *xgb.Conn {
	t.Helper()
	c, err := xgb.NewConn()
	if err != nil {
		t.Fatalf("connecting to %s: %v", os.Getenv("DISPLAY"), err)
	}
	t.Cleanup(c.Close)
	return c
}

// internAtom interns one atom.
func internAtom(t *testing.T, c *xgb.Conn, name string) xproto.Atom {
	t.Helper()
	r, err := xproto.InternAtom(c, false, uint16(len(name)), name).Reply()
	if err != nil {
		t.Fatalf("interning %s: %v", name, err)
	}
	return r.Atom
}

// roundTrip waits until the server has handled c's requests so far.
func roundTrip(c *xgb.Conn) { xproto.GetInputFocus(c).Reply() }

// sourceWindow plays the app's window, as GLFW makes it: a mapped
// top-level window that takes the button and motion events (so a button
// press over it gives its connection the implicit pointer grab). Its
// connection's events are read and dropped.
func sourceWindow(t *testing.T, x, y int16, w, h uint16) xproto.Window {
	t.Helper()
	c := xconn(t)
	screen := xproto.Setup(c).DefaultScreen(c)
	id, err := xproto.NewWindowId(c)
	if err != nil {
		t.Fatal(err)
	}
	err = xproto.CreateWindowChecked(c, screen.RootDepth, id, screen.Root, x, y, w, h, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, xproto.CwBackPixel|xproto.CwEventMask,
		[]uint32{0xdddddd, xproto.EventMaskButtonPress | xproto.EventMaskButtonRelease | xproto.EventMaskPointerMotion}).Check()
	if err != nil {
		t.Fatalf("creating the source window: %v", err)
	}
	title := "Rapport"
	xproto.ChangeProperty(c, xproto.PropModeReplace, id, xproto.AtomWmName, xproto.AtomString, 8, uint32(len(title)), []byte(title))
	// WM_NORMAL_HINTS with USPosition and USSize, so that a window manager
	// puts it where asked.
	hints := le32(1|2|4|8, uint32(x), uint32(y), uint32(w), uint32(h), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	xproto.ChangeProperty(c, xproto.PropModeReplace, id, xproto.AtomWmNormalHints, xproto.AtomWmSizeHints, 32, 18, hints)
	xproto.MapWindow(c, id)
	roundTrip(c)
	go func() {
		for {
			if ev, err := c.WaitForEvent(); ev == nil && err == nil {
				return
			}
		}
	}()
	return id
}

// pointer drives the pointer and the keyboard through the XTEST extension.
type pointer struct {
	t    *testing.T
	c    *xgb.Conn
	root xproto.Window
	x, y int16
}

// newPointer returns a pointer driver, skipping the test without XTEST.
func newPointer(t *testing.T) *pointer {
	t.Helper()
	c := xconn(t)
	if !enableExtension(c, "XTEST") {
		t.Skip("the X server has no XTEST")
	}
	return &pointer{t: t, c: c, root: xproto.Setup(c).DefaultScreen(c).Root}
}

// fake sends one fake input event and waits until the server has it.
func (p *pointer) fake(typ, detail byte, x, y int16) {
	p.t.Helper()
	if err := xtest.FakeInputChecked(p.c, typ, detail, 0, p.root, x, y, 0).Check(); err != nil {
		p.t.Fatalf("XTEST: %v", err)
	}
}

// moveTo moves the pointer to (x, y) in steps, as a hand would.
func (p *pointer) moveTo(x, y int16) {
	const steps = 8
	x0, y0 := p.x, p.y
	for i := 1; i <= steps; i++ {
		p.x = x0 + int16(int(x-x0)*i/steps)
		p.y = y0 + int16(int(y-y0)*i/steps)
		p.fake(xproto.MotionNotify, 0, p.x, p.y)
		time.Sleep(15 * time.Millisecond)
	}
}

// jump puts the pointer at (x, y) at once.
func (p *pointer) jump(x, y int16) {
	p.x, p.y = x, y
	p.fake(xproto.MotionNotify, 0, x, y)
}

func (p *pointer) press()   { p.fake(xproto.ButtonPress, 1, 0, 0) }
func (p *pointer) release() { p.fake(xproto.ButtonRelease, 1, 0, 0) }

// key presses or releases the key with keycode code.
func (p *pointer) key(code xproto.Keycode, down bool) {
	typ := byte(xproto.KeyRelease)
	if down {
		typ = xproto.KeyPress
	}
	p.fake(typ, byte(code), 0, 0)
}

// goTarget is a tiny XDND target: a window that is XdndAware (version 5),
// answers XdndPosition with an XdndStatus, and on XdndDrop converts
// XdndSelection to one type (text/uri-list, say), reads it and sends
// XdndFinished.
type goTarget struct {
	c        *xgb.Conn
	win      xproto.Window // the window under the pointer
	proxy    xproto.Window // where the messages arrive: win or its proxy
	accept   bool
	want     string // the type it converts the selection to
	atoms    map[string]xproto.Atom
	received chan string // the data of each drop

	mu       sync.Mutex
	log      []string // what arrived, as "enter", "position", "leave", "drop"
	misaimed int      // messages whose window field was not win
}

// newGoTarget maps a target at (x, y) that takes drops as the type want.
// With proxied, its messages go to an unmapped proxy window, as XdndProxy
// allows.
func newGoTarget(t *testing.T, x, y int16, w, h uint16, want string, accept, proxied bool) *goTarget {
	t.Helper()
	c := xconn(t)
	g := &goTarget{c: c, accept: accept, want: want, atoms: map[string]xproto.Atom{}, received: make(chan string, 4)}
	for _, n := range []string{"XdndAware", "XdndProxy", "XdndEnter", "XdndPosition", "XdndStatus", "XdndLeave",
		"XdndDrop", "XdndFinished", "XdndSelection", "XdndActionCopy", "XDND_DATA", want} {
		g.atoms[n] = internAtom(t, c, n)
	}
	screen := xproto.Setup(c).DefaultScreen(c)
	newWin := func(x, y int16, w, h uint16) xproto.Window {
		id, err := xproto.NewWindowId(c)
		if err != nil {
			t.Fatal(err)
		}
		err = xproto.CreateWindowChecked(c, screen.RootDepth, id, screen.Root, x, y, w, h, 0,
			xproto.WindowClassInputOutput, screen.RootVisual, xproto.CwBackPixel, []uint32{0x88aa88}).Check()
		if err != nil {
			t.Fatalf("creating a target window: %v", err)
		}
		return id
	}
	g.win = newWin(x, y, w, h)
	g.proxy = g.win
	if proxied {
		g.proxy = newWin(-100, -100, 1, 1)
		for _, win := range []xproto.Window{g.win, g.proxy} {
			xproto.ChangeProperty(c, xproto.PropModeReplace, win, g.atoms["XdndProxy"], xproto.AtomWindow, 32, 1, le32(uint32(g.proxy)))
		}
	}
	xproto.ChangeProperty(c, xproto.PropModeReplace, g.proxy, g.atoms["XdndAware"], xproto.AtomAtom, 32, 1, le32(5))
	xproto.MapWindow(c, g.win)
	roundTrip(c)
	go g.serve()
	return g
}

// serve answers the source until the connection closes.
func (g *goTarget) serve() {
	var source xproto.Window
	for {
		ev, err := g.c.WaitForEvent()
		if ev == nil && err == nil {
			return
		}
		switch e := ev.(type) {
		case xproto.ClientMessageEvent:
			d := e.Data.Data32
			if e.Window != g.win {
				g.note("", true)
			}
			switch e.Type {
			case g.atoms["XdndEnter"]:
				source = xproto.Window(d[0])
				g.note("enter", false)
			case g.atoms["XdndPosition"]:
				g.note("position", false)
				status := []uint32{uint32(g.win), 0, 0, 0, 0}
				if g.accept {
					status[1], status[4] = 1|2, uint32(g.atoms["XdndActionCopy"])
				}
				g.send(source, "XdndStatus", status)
			case g.atoms["XdndLeave"]:
				g.note("leave", false)
			case g.atoms["XdndDrop"]:
				g.note("drop", false)
				xproto.ConvertSelection(g.c, g.win, g.atoms["XdndSelection"], g.atoms[g.want],
					g.atoms["XDND_DATA"], xproto.Timestamp(d[2]))
			}
		case xproto.SelectionNotifyEvent:
			data, ok := "", false
			if e.Property != 0 {
				r, err := xproto.GetProperty(g.c, true, g.win, e.Property, xproto.GetPropertyTypeAny, 0, 1<<16).Reply()
				if err == nil {
					data, ok = string(r.Value), true
				}
			}
			finished := []uint32{uint32(g.win), 0, 0, 0, 0}
			if ok {
				finished[1], finished[2] = 1, uint32(g.atoms["XdndActionCopy"])
			}
			g.send(source, "XdndFinished", finished)
			g.received <- data
		}
	}
}

// send sends an XDND reply to the source window.
func (g *goTarget) send(to xproto.Window, message string, data []uint32) {
	ev := xproto.ClientMessageEvent{Format: 32, Window: to, Type: g.atoms[message],
		Data: xproto.ClientMessageDataUnionData32New(data)}
	xproto.SendEvent(g.c, false, to, 0, string(ev.Bytes()))
}

// note records what arrived.
func (g *goTarget) note(what string, misaimed bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if misaimed {
		g.misaimed++
	}
	if what != "" {
		g.log = append(g.log, what)
	}
}

// seen returns what arrived since the last reset, with runs of positions
// folded into one, e.g. "enter position leave".
func (g *goTarget) seen() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out []string
	for _, e := range g.log {
		if e == "position" && len(out) > 0 && out[len(out)-1] == e {
			continue
		}
		out = append(out, e)
	}
	return strings.Join(out, " ")
}

// reset forgets what arrived.
func (g *goTarget) reset() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.log, g.misaimed = nil, 0
}

// expect waits until the target has seen want (the messages are
// asynchronous: a Leave may land after the drag's done), then resets it.
func (g *goTarget) expect(t *testing.T, who, want string) {
	t.Helper()
	deadline := time.Now().Add(eventWait)
	for g.seen() != want && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := g.seen(); got != want {
		t.Errorf("%s saw %q, want %q", who, got, want)
	}
	g.reset()
}

// waitDone waits for a drag's Result.
func waitDone(t *testing.T, done <-chan Result) Result {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(doneWait):
		t.Fatalf("the drag did not end within %v", doneWait)
	}
	return Result{}
}

// writeInvite writes a small invite named like the app's, returning its
// path and bytes.
func writeInvite(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	ics := []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//dragout test//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:dragout-test@rapport\r\nDTSTAMP:20261122T090000Z\r\n" +
		"DTSTART:20261201T100000Z\r\nDTEND:20261201T103000Z\r\nSUMMARY:Coffee with Dana Reyes\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n")
	path := dir + "/2026-12-01 Coffee with Dana Reyes.ics"
	if err := os.WriteFile(path, ics, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, ics
}

// expectedURIList is the text/uri-list of path, escaped by hand: the test
// directories have no character but the space that needs escaping.
func expectedURIList(path string) string {
	return fmt.Sprintf("file://%s\r\n", strings.ReplaceAll(path, " ", "%20"))
}
