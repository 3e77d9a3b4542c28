//go:build linux || freebsd || openbsd || netbsd

package dragout

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb/xproto"
)

func TestImageLabel(t *testing.T) {
	tests := []struct {
		name  string
		width int
		want  string
	}{
		{"short.ics", 18, "short.ics"},
		{"2026-12-01 Coffee with Dana Reyes.ics", 18, "2026-12-01 Coff..."},
		{"Zoë.ics", 18, "Zo?.ics"},
		{"tab\there", 18, "tab?here"},
		{"exactly-eighteen.x", 18, "exactly-eighteen.x"},
	}
	for _, tt := range tests {
		if got := imageLabel(tt.name, tt.width); got != tt.want {
			t.Errorf("imageLabel(%q, %d) = %q, want %q", tt.name, tt.width, got, tt.want)
		}
	}
}

func TestEscapeHeld(t *testing.T) {
	keys := make([]byte, 32)
	keys[9/8] |= 1 << (9 % 8)
	if !escapeHeld(keys, []xproto.Keycode{9}) {
		t.Error("keycode 9 down, not seen")
	}
	if escapeHeld(keys, []xproto.Keycode{10, 66}) {
		t.Error("keycodes 10 and 66 up, seen down")
	}
}

func TestStartWithoutDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	if Supported() {
		t.Error("Supported() = true without $DISPLAY")
	}
	err := Start(1, Item{Path: "/tmp/x.ics"}, func(Result) {})
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("Start without $DISPLAY: error = %v, want ErrUnsupported", err)
	}
}

// TestX11Drag drags an invite out of a plain X window, as the app's would
// be, under a private Xvfb, driving the pointer through XTEST: onto an
// XDND target written here that takes text/uri-list, onto one behind an
// XdndProxy that takes text/calendar, onto one that refuses, onto the bare
// root, back onto the source, with Esc, and a second Start during a drag.
func TestX11Drag(t *testing.T) {
	startXvfb(t)
	if !Supported() {
		t.Fatal("Supported() = false with Xvfb running")
	}
	p := newPointer(t)
	own := sourceWindow(t, 40, 40, 300, 200)
	target := newGoTarget(t, 500, 60, 300, 200, "text/uri-list", true, false)
	proxied := newGoTarget(t, 500, 400, 300, 200, "text/calendar", true, true)
	refusing := newGoTarget(t, 900, 60, 300, 200, "text/uri-list", false, false)
	path, ics := writeInvite(t, t.TempDir())
	item := Item{Path: path, Data: ics, Type: "text/calendar"}
	done := make(chan Result, 1)
	onDone := func(r Result) { done <- r }
	esc := escapeKeycodes(p.c, xproto.Setup(p.c))[0]

	// begin presses the button over the source window and starts a drag,
	// as the app's drag handle does on its first Dragged event.
	begin := func(t *testing.T) {
		t.Helper()
		p.moveTo(100, 100)
		p.press()
		time.Sleep(30 * time.Millisecond)
		p.moveTo(110, 105)
		for _, g := range []*goTarget{target, proxied, refusing} {
			g.reset()
		}
		called := time.Now()
		if err := Start(uintptr(own), item, onDone); err != nil {
			p.release()
			t.Fatalf("Start: %v", err)
		}
		t.Logf("Start returned after %v", time.Since(called).Round(10*time.Microsecond))
	}

	t.Run("drop on a target", func(t *testing.T) {
		begin(t)
		started := time.Now()
		p.moveTo(650, 160)
		time.Sleep(30 * time.Millisecond)
		if x, y, ok := dragImage(t, p); !ok || x != 650+imageOffset || y != 160+imageOffset {
			t.Errorf("drag image at (%d, %d) (found: %v), want it at (%d, %d)", x, y, ok, 650+imageOffset, 160+imageOffset)
		}
		time.Sleep(50 * time.Millisecond)
		released := time.Now()
		p.release()
		r := waitDone(t, done)
		t.Logf("drag took %v; the drop ended %v after the release", time.Since(started).Round(time.Millisecond), time.Since(released).Round(time.Millisecond))
		if r.Outcome != Dropped || r.Target != uint32(target.win) || r.Err != nil {
			t.Fatalf("result = %+v, want Dropped on %#x", r, uint32(target.win))
		}
		if got, want := receive(t, target), expectedURIList(path); got != want {
			t.Errorf("the target received %q, want %q", got, want)
		}
		target.expect(t, "the target", "enter position drop")
		if _, _, ok := dragImage(t, p); ok {
			t.Error("the drag image is still there after the drop")
		}
	})

	t.Run("drop through a proxy, as text/calendar", func(t *testing.T) {
		begin(t)
		p.moveTo(650, 500)
		time.Sleep(50 * time.Millisecond)
		p.release()
		r := waitDone(t, done)
		if r.Outcome != Dropped || r.Target != uint32(proxied.win) {
			t.Fatalf("result = %+v, want Dropped on %#x", r, uint32(proxied.win))
		}
		if got, want := receive(t, proxied), string(ics); got != want {
			t.Errorf("the proxied target received %q, want the invite %q", got, want)
		}
		proxied.expect(t, "the proxy", "enter position drop")
		if proxied.misaimed != 0 {
			t.Errorf("%d messages to the proxy did not name the target window", proxied.misaimed)
		}
	})

	t.Run("a target that refuses", func(t *testing.T) {
		begin(t)
		p.moveTo(1000, 160)
		time.Sleep(50 * time.Millisecond)
		p.release()
		if r := waitDone(t, done); r.Outcome != Cancelled {
			t.Fatalf("result = %+v, want Cancelled", r)
		}
		refusing.expect(t, "the refusing target", "enter position leave")
	})

	t.Run("drop on the bare root", func(t *testing.T) {
		begin(t)
		p.moveTo(650, 160) // across the target ...
		p.moveTo(650, 340) // ... and off it, onto nothing
		time.Sleep(50 * time.Millisecond)
		p.release()
		if r := waitDone(t, done); r.Outcome != Cancelled || r.Target != 0 {
			t.Fatalf("result = %+v, want Cancelled on no target", r)
		}
		target.expect(t, "the target", "enter position leave")
		assertNothing(t, target)
	})

	t.Run("drop back on the source", func(t *testing.T) {
		begin(t)
		p.moveTo(650, 160)
		p.moveTo(200, 150)
		time.Sleep(50 * time.Millisecond)
		p.release()
		if r := waitDone(t, done); r.Outcome != Cancelled || r.Target != 0 {
			t.Fatalf("result = %+v, want Cancelled on no target", r)
		}
		target.expect(t, "the target", "enter position leave")
		assertNothing(t, target)
	})

	t.Run("Esc", func(t *testing.T) {
		begin(t)
		p.moveTo(650, 160)
		time.Sleep(50 * time.Millisecond)
		p.key(esc, true)
		r := waitDone(t, done) // the button is still held
		p.key(esc, false)
		p.release()
		if r.Outcome != Cancelled {
			t.Fatalf("result = %+v, want Cancelled", r)
		}
		time.Sleep(50 * time.Millisecond)
		target.expect(t, "the target", "enter position leave")
		assertNothing(t, target)
	})

	t.Run("busy", func(t *testing.T) {
		begin(t)
		if err := Start(uintptr(own), item, func(Result) { t.Error("the refused drag called done") }); !errors.Is(err, ErrBusy) {
			t.Errorf("a second Start: error = %v, want ErrBusy", err)
		}
		p.moveTo(650, 160)
		p.release()
		if r := waitDone(t, done); r.Outcome != Dropped {
			t.Fatalf("result = %+v, want Dropped", r)
		}
		receive(t, target)
	})

	t.Run("released before the first poll", func(t *testing.T) {
		p.moveTo(100, 100)
		if err := Start(uintptr(own), item, onDone); err != nil {
			t.Fatalf("Start: %v", err)
		}
		if r := waitDone(t, done); r.Outcome != Cancelled {
			t.Fatalf("result = %+v, want Cancelled", r)
		}
	})

	t.Run("bad arguments", func(t *testing.T) {
		if err := Start(0, item, onDone); err == nil {
			t.Error("Start on window 0 succeeded")
		}
		if err := Start(0x7ffffff0, item, onDone); err == nil || errors.Is(err, ErrBusy) {
			t.Errorf("Start on a window that does not exist: error = %v", err)
		}
		if err := Start(uintptr(own), Item{Path: "relative.ics"}, onDone); !errors.Is(err, errRelative) {
			t.Errorf("Start with a relative path: error = %v, want errRelative", err)
		}
		// Nothing is left running: a real drag starts at once.
		p.moveTo(100, 100)
		p.press()
		if err := Start(uintptr(own), item, onDone); err != nil {
			t.Errorf("Start after the refusals: %v", err)
		}
		p.release()
		waitDone(t, done)
	})
}

// dragImage finds a mapped override-redirect top-level window of the drag
// image's size and returns its position.
func dragImage(t *testing.T, p *pointer) (x, y int16, ok bool) {
	t.Helper()
	tree, err := xproto.QueryTree(p.c, p.root).Reply()
	if err != nil {
		t.Fatalf("QueryTree: %v", err)
	}
	for _, w := range tree.Children {
		a, err := xproto.GetWindowAttributes(p.c, w).Reply()
		if err != nil || !a.OverrideRedirect || a.MapState != xproto.MapStateViewable {
			continue
		}
		g, err := xproto.GetGeometry(p.c, xproto.Drawable(w)).Reply()
		if err == nil && g.Width == imageWidth && g.Height == imageHeight {
			return g.X, g.Y, true
		}
	}
	return 0, 0, false
}

// receive returns the data of the target's next drop.
func receive(t *testing.T, g *goTarget) string {
	t.Helper()
	select {
	case s := <-g.received:
		return s
	case <-time.After(eventWait):
		t.Fatalf("the target received nothing within %v", eventWait)
	}
	return ""
}

// assertNothing fails if the target received a drop.
func assertNothing(t *testing.T, g *goTarget) {
	t.Helper()
	select {
	case s := <-g.received:
		t.Errorf("the target received %q", strings.TrimSpace(s))
	case <-time.After(100 * time.Millisecond):
	}
}
