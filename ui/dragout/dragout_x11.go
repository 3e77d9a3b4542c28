//go:build linux || freebsd || openbsd || netbsd

package dragout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/shape"
	"github.com/jezek/xgb/xproto"
)

// How a drag paces itself. The poll interval is the one the prototype
// proved; the waits bound how long a silent target can hold a drag open.
const (
	pollEvery    = 10 * time.Millisecond // QueryPointer and QueryKeymap
	startTimeout = 3 * time.Second       // the setup round trips, so Start never hangs
	statusStale  = 250 * time.Millisecond
	statusWait   = time.Second     // after the release, for the target's last XdndStatus
	finishWait   = 5 * time.Second // after XdndDrop, for XdndFinished
	walkDepth    = 32              // window nesting the target search follows
	xdndVersion  = 5
	keysymEscape = 0xff1b
)

// The drag image: a small override-redirect window beside the pointer.
const (
	imageWidth  = 120
	imageHeight = 28
	imageOffset = 14 // from the hotspot, so the image is never under it
	imagePad    = 6
	glyphWidth  = 6 // the core "fixed" font is 6×13
	glyphAscent = 11
)

// running is set while a drag runs: one at a time.
var running atomic.Bool

// probe caches Supported's answer for one value of $DISPLAY.
var probe struct {
	sync.Mutex
	display string
	ok      bool
	done    bool
}

// Supported reports whether this platform and session can drag out (on
// Linux: $DISPLAY set and an X server reachable; XWayland counts). The
// answer is cached for the current $DISPLAY.
func Supported() bool {
	display := os.Getenv("DISPLAY")
	if display == "" {
		return false
	}
	probe.Lock()
	defer probe.Unlock()
	if probe.done && probe.display == display {
		return probe.ok
	}
	ok := false
	if conn, err := xgb.NewConnDisplay(display); err == nil {
		conn.Close()
		ok = true
	}
	probe.display, probe.ok, probe.done = display, ok, true
	return ok
}

// Start begins dragging item out of the native window win (on X11, its
// window ID) while the primary mouse button is held. It returns at once (an
// error if the drag cannot start); the drag runs on its own goroutine and
// done is called once, from that goroutine, when the button is released or
// Esc is pressed. Only one drag runs at a time: starting another while one
// runs returns ErrBusy.
func Start(win uintptr, item Item, done func(Result)) error {
	if win == 0 || win > 0xffffffff {
		return fmt.Errorf("dragout: %#x is not an X window", win)
	}
	o, err := newOffer(item)
	if err != nil {
		return err
	}
	if os.Getenv("DISPLAY") == "" {
		return fmt.Errorf("%w: $DISPLAY is not set", ErrUnsupported)
	}
	if !running.CompareAndSwap(false, true) {
		return ErrBusy
	}
	ready := make(chan error, 1)
	abandon := make(chan struct{})
	go drag(xproto.Window(win), o, filepath.Base(item.Path), done, ready, abandon)
	select {
	case err := <-ready:
		return err
	case <-time.After(startTimeout):
		close(abandon) // the goroutine ends on its own, without calling done
		return fmt.Errorf("dragout: the X server did not answer within %v", startTimeout)
	}
}

// drag is the goroutine of one drag: it sets the session up, reports on
// ready, runs it to the end and calls done.
func drag(own xproto.Window, o offer, label string, done func(Result), ready chan<- error, abandon <-chan struct{}) {
	s, err := open(own, o, label)
	if err != nil {
		running.Store(false)
		ready <- err
		return
	}
	ready <- nil // the image is made after Start has returned
	s.openImage()
	res := s.run(abandon)
	s.close()
	running.Store(false)
	select {
	case <-abandon:
		return
	default:
	}
	if done != nil {
		done(res)
	}
}

// atomNames are the atoms a session interns, besides the offered types.
var atomNames = []string{
	"XdndAware", "XdndProxy", "XdndSelection", "XdndTypeList",
	"XdndEnter", "XdndPosition", "XdndStatus", "XdndLeave", "XdndDrop", "XdndFinished",
	"XdndActionCopy", "TARGETS", "TIMESTAMP", "_RAPPORT_DRAGOUT_TIME",
}

// phase is where a drag stands.
type phase int

const (
	dragging  phase = iota // the button is held
	releasing              // released over a target; waiting for its last XdndStatus
	dropping               // XdndDrop sent; waiting for XdndFinished
)

// session is one drag on its own X connection.
type session struct {
	conn   *xgb.Conn
	events *eventQueue
	root   xproto.Window
	own    xproto.Window // the app's window, never a target
	src    xproto.Window // InputOnly; owns XdndSelection, receives the replies
	atom   map[string]xproto.Atom
	names  map[xproto.Atom]string // atom names looked up for requests
	neg    negotiation
	time   xproto.Timestamp
	escape []xproto.Keycode

	image   xproto.Window // the drag image; 0 when it could not be made
	gc      xproto.Gcontext
	font    xproto.Font
	label   string
	hasFont bool

	phase    phase
	deadline time.Time
	polled   bool // the pointer has been read at least once
	x, y     int16

	target   xproto.Window // the XdndAware window under the pointer, or 0
	dest     xproto.Window // where its messages go: target or its proxy
	version  uint32
	entered  bool
	waiting  bool // an XdndPosition awaits its XdndStatus
	sentAt   time.Time
	dirty    bool // the pointer moved since the last XdndPosition
	accepted bool
	finished bool
	served   bool // a target was sent the offered data
}

// open connects to the X server and prepares a drag from the window own:
// the source window, a server timestamp, the selection and the drag image.
func open(own xproto.Window, o offer, label string) (_ *session, err error) {
	conn, err := xgb.NewConn()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	s := &session{conn: conn, events: pump(conn), own: own, label: label,
		atom: map[string]xproto.Atom{}, names: map[xproto.Atom]string{}}
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	setup := xproto.Setup(conn)
	screen := setup.DefaultScreen(conn)
	s.root = screen.Root

	if _, err := xproto.GetGeometry(conn, xproto.Drawable(own)).Reply(); err != nil {
		return nil, fmt.Errorf("dragout: window %#x: %w", uint32(own), err)
	}
	if err := s.intern(append(append([]string{}, atomNames...), o.types...)); err != nil {
		return nil, err
	}
	s.neg = negotiation{offer: o, targets: uint32(s.atom["TARGETS"]), timestamp: uint32(s.atom["TIMESTAMP"]),
		maxData: int(setup.MaximumRequestLength)*4 - 24}
	for _, t := range o.types {
		s.neg.typeAtoms = append(s.neg.typeAtoms, uint32(s.atom[t]))
	}

	if s.src, err = xproto.NewWindowId(conn); err != nil {
		return nil, fmt.Errorf("dragout: %w", err)
	}
	err = xproto.CreateWindowChecked(conn, 0, s.src, s.root, -10, -10, 1, 1, 0,
		xproto.WindowClassInputOnly, 0,
		xproto.CwOverrideRedirect|xproto.CwEventMask,
		[]uint32{1, xproto.EventMaskPropertyChange}).Check()
	if err != nil {
		s.src = 0
		return nil, fmt.Errorf("dragout: creating the source window: %w", err)
	}
	if s.time, err = s.serverTime(); err != nil {
		return nil, err
	}
	s.neg.time = uint32(s.time)
	xproto.ChangeProperty(conn, xproto.PropModeReplace, s.src, s.atom["XdndTypeList"],
		xproto.AtomAtom, 32, uint32(len(s.neg.typeAtoms)), le32(s.neg.typeAtoms...))
	xproto.SetSelectionOwner(conn, s.src, s.atom["XdndSelection"], s.time)
	owner, err := xproto.GetSelectionOwner(conn, s.atom["XdndSelection"]).Reply()
	if err != nil {
		return nil, fmt.Errorf("dragout: %w", err)
	}
	if owner.Owner != s.src {
		return nil, errors.New("dragout: could not own XdndSelection")
	}
	s.escape = escapeKeycodes(conn, setup)
	return s, nil
}

// intern interns names in one batch of requests.
func (s *session) intern(names []string) error {
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, n := range names {
		cookies[i] = xproto.InternAtom(s.conn, false, uint16(len(n)), n)
	}
	for i, c := range cookies {
		r, err := c.Reply()
		if err != nil {
			return fmt.Errorf("dragout: interning %s: %w", names[i], err)
		}
		s.atom[names[i]] = r.Atom
		s.names[r.Atom] = names[i]
	}
	return nil
}

// serverTime gets a real server timestamp, which the selection owner must
// use: it appends nothing to a property of the source window and reads the
// time of the PropertyNotify that follows.
func (s *session) serverTime() (xproto.Timestamp, error) {
	prop := s.atom["_RAPPORT_DRAGOUT_TIME"]
	xproto.ChangeProperty(s.conn, xproto.PropModeAppend, s.src, prop, xproto.AtomString, 8, 0, nil)
	deadline := time.After(startTimeout)
	for {
		evs, closed := s.events.take()
		for _, ev := range evs {
			if e, ok := ev.(xproto.PropertyNotifyEvent); ok && e.Window == s.src && e.Atom == prop {
				return e.Time, nil
			}
		}
		if closed {
			return 0, errors.New("dragout: lost the X connection")
		}
		select {
		case <-s.events.wake:
		case <-deadline:
			return 0, errors.New("dragout: no timestamp from the X server")
		}
	}
}

// escapeKeycodes returns the keycodes that carry the Escape keysym, or the
// usual 9 when the keyboard mapping cannot be read.
func escapeKeycodes(conn *xgb.Conn, setup *xproto.SetupInfo) []xproto.Keycode {
	first, count := setup.MinKeycode, int(setup.MaxKeycode)-int(setup.MinKeycode)+1
	m, err := xproto.GetKeyboardMapping(conn, first, byte(count)).Reply()
	if err != nil || m.KeysymsPerKeycode == 0 {
		return []xproto.Keycode{9}
	}
	per := int(m.KeysymsPerKeycode)
	var codes []xproto.Keycode
	for i := 0; (i+1)*per <= len(m.Keysyms); i++ {
		for _, sym := range m.Keysyms[i*per : (i+1)*per] {
			if sym == keysymEscape {
				codes = append(codes, first+xproto.Keycode(i))
				break
			}
		}
	}
	if len(codes) == 0 {
		return []xproto.Keycode{9}
	}
	return codes
}

// openImage maps the drag image beside the pointer. It is best effort: a
// drag without an image still works. The image takes no input (an empty
// SHAPE input region) and the target search skips it anyway.
func (s *session) openImage() {
	screen := xproto.Setup(s.conn).DefaultScreen(s.conn)
	p, err := xproto.QueryPointer(s.conn, s.root).Reply()
	if err != nil {
		return
	}
	x, y := p.RootX, p.RootY
	id, err := xproto.NewWindowId(s.conn)
	if err != nil {
		return
	}
	bg := s.colour(screen.DefaultColormap, 0x2f, 0x5d, 0x8c, screen.BlackPixel)
	fg := s.colour(screen.DefaultColormap, 0xff, 0xff, 0xff, screen.WhitePixel)
	border := s.colour(screen.DefaultColormap, 0x1a, 0x36, 0x55, screen.BlackPixel)
	err = xproto.CreateWindowChecked(s.conn, screen.RootDepth, id, s.root,
		x+imageOffset, y+imageOffset, imageWidth, imageHeight, 1,
		xproto.WindowClassInputOutput, screen.RootVisual,
		xproto.CwBackPixel|xproto.CwBorderPixel|xproto.CwOverrideRedirect|xproto.CwEventMask,
		[]uint32{bg, border, 1, xproto.EventMaskExposure}).Check()
	if err != nil {
		return
	}
	s.image = id
	if enableExtension(s.conn, "SHAPE") {
		shape.Rectangles(s.conn, shape.SoSet, shape.SkInput, xproto.ClipOrderingUnsorted, id, 0, 0, nil)
	}
	if s.gc, err = xproto.NewGcontextId(s.conn); err == nil {
		mask, values := uint32(xproto.GcForeground|xproto.GcBackground), []uint32{fg, bg}
		if s.font, err = xproto.NewFontId(s.conn); err == nil &&
			xproto.OpenFontChecked(s.conn, s.font, uint16(len("fixed")), "fixed").Check() == nil {
			s.hasFont = true
			mask |= xproto.GcFont
			values = append(values, uint32(s.font))
		}
		if xproto.CreateGCChecked(s.conn, s.gc, xproto.Drawable(id), mask, values).Check() != nil {
			s.gc = 0
		}
	}
	s.label = imageLabel(s.label, (imageWidth-2*imagePad)/glyphWidth)
	xproto.MapWindow(s.conn, id)
}

// enableExtension makes the requests of the named extension usable on
// conn. It does what the extension package's Init does except registering
// the extension's events and errors in xgb's global tables, which every
// connection's reader goroutine reads unlocked: a drag uses no extension
// events, and so never races another connection.
func enableExtension(conn *xgb.Conn, name string) bool {
	r, err := xproto.QueryExtension(conn, uint16(len(name)), name).Reply()
	if err != nil || !r.Present {
		return false
	}
	conn.ExtLock.Lock()
	conn.Extensions[name] = r.MajorOpcode
	conn.ExtLock.Unlock()
	return true
}

// colour allocates an 8-bit-per-channel colour, or returns fallback.
func (s *session) colour(cmap xproto.Colormap, r, g, b uint8, fallback uint32) uint32 {
	c, err := xproto.AllocColor(s.conn, cmap, uint16(r)*0x101, uint16(g)*0x101, uint16(b)*0x101).Reply()
	if err != nil {
		return fallback
	}
	return c.Pixel
}

// imageLabel makes name printable in an ISO 8859-1 core font and at most
// width characters long.
func imageLabel(name string, width int) string {
	var out []rune
	for _, r := range name {
		if r < 0x20 || r > 0x7e {
			r = '?'
		}
		out = append(out, r)
	}
	if len(out) > width && width > 3 {
		out = append(out[:width-3], '.', '.', '.')
	}
	return string(out)
}

// drawImage paints the label on the drag image.
func (s *session) drawImage() {
	if s.image == 0 || s.gc == 0 || !s.hasFont || s.label == "" {
		return
	}
	y := int16(imageHeight-13)/2 + glyphAscent
	xproto.ImageText8(s.conn, byte(len(s.label)), xproto.Drawable(s.image), s.gc, imagePad, y, s.label)
}

// moveImage keeps the drag image beside the pointer and above other windows.
func (s *session) moveImage(x, y int16) {
	if s.image == 0 {
		return
	}
	xproto.ConfigureWindow(s.conn, s.image,
		xproto.ConfigWindowX|xproto.ConfigWindowY|xproto.ConfigWindowStackMode,
		[]uint32{uint32(int32(x) + imageOffset), uint32(int32(y) + imageOffset), xproto.StackModeAbove})
}

// close destroys the session's windows and closes its connection, which
// also gives up XdndSelection.
func (s *session) close() {
	if s.image != 0 {
		xproto.DestroyWindow(s.conn, s.image)
	}
	if s.gc != 0 {
		xproto.FreeGC(s.conn, s.gc)
	}
	if s.hasFont {
		xproto.CloseFont(s.conn, s.font)
	}
	if s.src != 0 {
		xproto.DestroyWindow(s.conn, s.src)
	}
	s.conn.Close()
}

// run drives the drag until it ends: it polls the pointer and the keyboard
// every pollEvery and answers the target's messages as they come.
func (s *session) run(abandon <-chan struct{}) Result {
	if r, end := s.poll(); end {
		return r
	}
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		ticked := false
		select {
		case <-abandon:
			s.leave()
			return Result{Outcome: Cancelled}
		case <-s.events.wake:
		case <-tick.C:
			ticked = true
		}
		if r, end := s.handleEvents(); end {
			return r
		}
		var r Result
		var end bool
		switch s.phase {
		case dragging:
			if ticked {
				r, end = s.poll()
			}
		case releasing:
			r, end = s.release()
		case dropping:
			r, end = s.awaitFinish()
		}
		if end {
			return r
		}
	}
}

// poll reads the pointer and the keyboard and moves the drag on: a new
// target, a new position, Esc, or the release of the button.
func (s *session) poll() (Result, bool) {
	pc := xproto.QueryPointer(s.conn, s.root)
	kc := xproto.QueryKeymap(s.conn)
	p, err := pc.Reply()
	if err != nil {
		s.leave()
		return failed(fmt.Errorf("dragout: reading the pointer: %w", err)), true
	}
	k, err := kc.Reply()
	if err != nil {
		s.leave()
		return failed(fmt.Errorf("dragout: reading the keyboard: %w", err)), true
	}
	if escapeHeld(k.Keys, s.escape) {
		s.leave()
		return Result{Outcome: Cancelled, Target: uint32(s.target)}, true
	}
	if !s.polled || p.RootX != s.x || p.RootY != s.y {
		s.polled = true
		s.x, s.y = p.RootX, p.RootY
		s.moveImage(p.RootX, p.RootY)
		if p.SameScreen {
			s.retarget(p.RootX, p.RootY)
		} else {
			s.setTarget(0, 0, 0)
		}
		s.dirty = true
	}
	if s.target != 0 && s.dirty && (!s.waiting || time.Since(s.sentAt) > statusStale) {
		s.sendPosition()
	}
	if p.Mask&xproto.KeyButMaskButton1 == 0 {
		s.phase, s.deadline = releasing, time.Now().Add(statusWait)
		return s.release()
	}
	return Result{}, false
}

// escapeHeld reports whether one of the Escape keycodes is down in keys,
// a QueryKeymap bit vector.
func escapeHeld(keys []byte, codes []xproto.Keycode) bool {
	for _, c := range codes {
		if int(c)/8 < len(keys) && keys[c/8]&(1<<(c%8)) != 0 {
			return true
		}
	}
	return false
}

// release decides a drop once the button is up: it lets the target see the
// last position and answer it, then drops if the target accepted and
// leaves it otherwise.
func (s *session) release() (Result, bool) {
	if s.target == 0 {
		return Result{Outcome: Cancelled}, true
	}
	if s.dirty && !s.waiting {
		s.sendPosition()
	}
	if s.waiting && time.Now().Before(s.deadline) {
		return Result{}, false
	}
	if s.waiting || !s.accepted {
		s.leave()
		return Result{Outcome: Cancelled, Target: uint32(s.target)}, true
	}
	s.send("XdndDrop", uint32(s.src), 0, uint32(s.time), 0, 0)
	s.phase, s.deadline = dropping, time.Now().Add(finishWait)
	return Result{}, false
}

// awaitFinish ends a drop when the target says it has finished or the wait
// runs out. Either way a drop whose data was taken is Dropped: some targets
// (GLFW's) report success=false even when they took the file.
func (s *session) awaitFinish() (Result, bool) {
	if !s.finished && time.Now().Before(s.deadline) {
		return Result{}, false
	}
	if s.finished || s.served {
		return Result{Outcome: Dropped, Target: uint32(s.target)}, true
	}
	return Result{Outcome: Failed, Target: uint32(s.target),
		Err: fmt.Errorf("dragout: window %#x accepted the drop but neither took the data nor finished within %v", uint32(s.target), finishWait)}, true
}

// failed is the Result of a drag broken off by err.
func failed(err error) Result { return Result{Outcome: Failed, Err: err} }

// handleEvents answers what the server has queued: the target's replies,
// requests for the data, and exposures of the drag image.
func (s *session) handleEvents() (Result, bool) {
	evs, closed := s.events.take()
	for _, ev := range evs {
		switch e := ev.(type) {
		case xproto.ClientMessageEvent:
			s.clientMessage(e)
		case xproto.SelectionRequestEvent:
			s.serve(e)
		case xproto.SelectionClearEvent:
			if e.Selection == s.atom["XdndSelection"] && s.phase != dropping {
				s.leave()
				return failed(errors.New("dragout: another client took XdndSelection")), true
			}
		case xproto.ExposeEvent:
			if e.Window == s.image && e.Count == 0 {
				s.drawImage()
			}
		}
	}
	if closed {
		return failed(errors.New("dragout: lost the X connection")), true
	}
	return Result{}, false
}

// clientMessage takes the target's XdndStatus and XdndFinished.
func (s *session) clientMessage(e xproto.ClientMessageEvent) {
	if e.Format != 32 || s.target == 0 {
		return
	}
	d := e.Data.Data32
	from := xproto.Window(d[0])
	if from != s.target && from != s.dest {
		return // a late reply from a window the pointer has left
	}
	switch e.Type {
	case s.atom["XdndStatus"]:
		s.waiting = false
		s.accepted = d[1]&1 != 0
	case s.atom["XdndFinished"]:
		if s.phase == dropping {
			s.finished = true
		}
	}
}

// serve answers a SelectionRequest for XdndSelection, for the whole drag:
// some targets ask for the data before the drop.
func (s *session) serve(e xproto.SelectionRequestEvent) {
	prop := e.Property
	if prop == 0 {
		prop = e.Target // an obsolete requestor
	}
	notify := xproto.SelectionNotifyEvent{Time: e.Time, Requestor: e.Requestor,
		Selection: e.Selection, Target: e.Target}
	if e.Owner == s.src && e.Selection == s.atom["XdndSelection"] {
		if p, ok := s.neg.answer(uint32(e.Target), s.atomName); ok {
			xproto.ChangeProperty(s.conn, xproto.PropModeReplace, e.Requestor, prop,
				xproto.Atom(p.typ), p.format, uint32(len(p.data)*8/int(p.format)), p.data)
			notify.Property = prop
			if e.Target != s.atom["TARGETS"] && e.Target != s.atom["TIMESTAMP"] {
				s.served = true
			}
		}
	}
	xproto.SendEvent(s.conn, false, e.Requestor, 0, string(notify.Bytes()))
}

// atomName returns the name of a, asking the server once per atom.
func (s *session) atomName(a uint32) string {
	if n, ok := s.names[xproto.Atom(a)]; ok {
		return n
	}
	r, err := xproto.GetAtomName(s.conn, xproto.Atom(a)).Reply()
	name := ""
	if err == nil {
		name = r.Name
	}
	s.names[xproto.Atom(a)] = name
	return name
}

// retarget finds the target under (x, y) and, when it changed, leaves the
// old one and enters the new one.
func (s *session) retarget(x, y int16) {
	target, dest, version, sure := s.findTarget(x, y)
	if !sure {
		return // the image was in the way: keep the target we had
	}
	if target != s.target {
		s.setTarget(target, dest, version)
	}
}

// setTarget leaves the current target and enters target (0 for none).
func (s *session) setTarget(target, dest xproto.Window, version uint32) {
	if target == s.target {
		return
	}
	s.leave()
	s.target, s.dest, s.version = target, dest, version
	s.waiting, s.accepted = false, false
	if target == 0 {
		return
	}
	types, more := s.neg.enterTypes()
	flags := min(version, xdndVersion) << 24
	if more {
		flags |= 1
	}
	s.send("XdndEnter", uint32(s.src), flags, types[0], types[1], types[2])
	s.entered = true
}

// findTarget walks down from the root to the XdndAware window under
// (x, y), so window-manager frames are looked through. It returns no target
// over the app's own window; sure is false when the walk met the drag
// image and could not see past it.
func (s *session) findTarget(x, y int16) (target, dest xproto.Window, version uint32, sure bool) {
	w := s.root
	for range walkDepth {
		switch w {
		case s.own:
			return 0, 0, 0, true
		case s.image:
			return 0, 0, 0, false
		}
		if d, v := s.aware(w); v != 0 {
			return w, d, v, true
		}
		r, err := xproto.TranslateCoordinates(s.conn, s.root, w, x, y).Reply()
		if err != nil || r.Child == 0 {
			return 0, 0, 0, true
		}
		w = r.Child
	}
	return 0, 0, 0, true
}

// aware returns the XDND version that w supports (0: none, or older than
// 3) and the window to send its messages to: its XdndProxy when that is a
// valid proxy (one whose own XdndProxy names itself), else w.
func (s *session) aware(w xproto.Window) (dest xproto.Window, version uint32) {
	dest = w
	if p := s.windowProperty(w, s.atom["XdndProxy"]); p != 0 && s.windowProperty(xproto.Window(p), s.atom["XdndProxy"]) == p {
		dest = xproto.Window(p)
	}
	v := s.windowProperty(dest, s.atom["XdndAware"])
	if v < 3 {
		return w, 0
	}
	return dest, v
}

// windowProperty reads a one-item 32-bit property, or 0.
func (s *session) windowProperty(w xproto.Window, prop xproto.Atom) uint32 {
	r, err := xproto.GetProperty(s.conn, false, w, prop, xproto.GetPropertyTypeAny, 0, 1).Reply()
	if err != nil || r.Format != 32 || r.ValueLen < 1 || len(r.Value) < 4 {
		return 0
	}
	return xgb.Get32(r.Value)
}

// sendPosition tells the target where the pointer is and that we offer a copy.
func (s *session) sendPosition() {
	pos := uint32(uint16(s.x))<<16 | uint32(uint16(s.y))
	s.send("XdndPosition", uint32(s.src), 0, pos, uint32(s.time), uint32(s.atom["XdndActionCopy"]))
	s.waiting, s.sentAt, s.dirty = true, time.Now(), false
}

// leave sends XdndLeave to a target that was entered.
func (s *session) leave() {
	if s.entered && s.target != 0 {
		s.send("XdndLeave", uint32(s.src), 0, 0, 0, 0)
	}
	s.entered = false
}

// send sends an XDND client message to the current target (to its proxy,
// if it has one) with event mask 0.
func (s *session) send(message string, data ...uint32) {
	ev := xproto.ClientMessageEvent{Format: 32, Window: s.target, Type: s.atom[message],
		Data: xproto.ClientMessageDataUnionData32New(data)}
	xproto.SendEvent(s.conn, false, s.dest, 0, string(ev.Bytes()))
}

// eventQueue holds a connection's events, unbounded, so that xgb's reader
// never blocks (which would also hold back replies).
type eventQueue struct {
	mu     sync.Mutex
	events []xgb.Event
	closed bool
	wake   chan struct{} // receives when events arrive or the connection ends
}

// pump starts reading conn's events into a new queue.
func pump(conn *xgb.Conn) *eventQueue {
	q := &eventQueue{wake: make(chan struct{}, 1)}
	go func() {
		for {
			ev, xerr := conn.WaitForEvent()
			if ev == nil && xerr == nil {
				q.push(nil, true)
				return
			}
			if ev != nil { // X errors of unchecked requests (a target gone) are ignored
				q.push(ev, false)
			}
		}
	}()
	return q
}

// push queues ev (if any) or marks the connection closed, and wakes the reader.
func (q *eventQueue) push(ev xgb.Event, closed bool) {
	q.mu.Lock()
	if ev != nil {
		q.events = append(q.events, ev)
	}
	q.closed = q.closed || closed
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// take returns the queued events and whether the connection has ended.
func (q *eventQueue) take() ([]xgb.Event, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	evs := q.events
	q.events = nil
	return evs, q.closed
}
