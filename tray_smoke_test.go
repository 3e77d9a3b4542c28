//go:build smoke

package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"rapport/storage"
	"rapport/ui/trayhost/bustest"
)

// trayWait bounds how long the app may take to put its icon in the tray,
// to change its menu or to quit: a liveness bound, not a performance one.
const trayWait = 60 * time.Second

// TestSmokeTray runs the real binary with --tray on a sample database,
// under Xvfb, on a private D-Bus session bus where the test itself plays
// the panel: it owns org.kde.StatusNotifierWatcher (Debian packages no
// standalone watcher) and says a host is registered. It checks that the
// item registers with no window shown, reads its title, icon and its
// com.canonical.dbusmenu menu (the count of promises due, the fixed
// items), then clicks through the menu as a panel does (Event
// "clicked"): Pause reminders writes the preference, Open Rapport shows
// the window; closing the window (WM_DELETE_WINDOW) hides it, the app
// running on, and sends the one notification (the test plays the
// desktop's notification server too); Ctrl+Q ends the process, and so
// does the tray's Quit in a second run. What a real panel draws (GNOME's
// AppIndicator extension, KDE Plasma) is not seen here.
func TestSmokeTray(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "dbus-daemon"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the tray test (make test-deps): %v", tool, err)
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
	wantHeadline := trayHeadline(t, db)
	t.Logf("want the first line %q", wantHeadline)

	display := smokeXvfb(t)
	bus, conn := privateBus(t)
	items := watchItems(t, conn)
	notes := watchNotes(t, conn)
	env := append(slices.DeleteFunc(smokeEnv(dir, display), func(kv string) bool {
		return strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=")
	}), "DBUS_SESSION_BUS_ADDRESS="+bus)

	app := smokeStart(t, "app", env, bin, "--db", db, "--tray")
	var item string
	select {
	case item = <-items:
	case <-time.After(trayWait):
		t.Fatalf("no tray item registered within %v:\n%s", trayWait, app.output())
	}
	t.Logf("the tray item registered as %s", item)
	if visibleRapport(env) {
		t.Errorf("--tray showed a window")
	}

	sni := conn.Object(item, "/StatusNotifierItem")
	waitFor(t, "the title Rapport", app, func() bool {
		title, err := sni.GetProperty("org.kde.StatusNotifierItem.Title")
		return err == nil && title.Value() == "Rapport"
	})
	menu := conn.Object(item, "/StatusNotifierItem/menu")
	labels := waitForMenu(t, menu, func(l []trayLabel) bool { return len(l) > 0 && l[0].label == wantHeadline }, app)
	t.Logf("menu: %v", labels)
	for _, want := range []string{"Open Rapport", "Quick log…", "Pause reminders for today", "Quit"} {
		if findLabel(labels, want) == 0 {
			t.Errorf("no %q in the menu %v", want, labels)
		}
	}
	checkBadge(t, sni, wantHeadline != "Nothing due today")

	// Pause reminders: the preference is written, the menu offers Resume.
	clickItem(t, menu, findLabel(labels, "Pause reminders for today"))
	labels = waitForMenu(t, menu, func(l []trayLabel) bool { return findLabel(l, "Resume reminders") != 0 }, app)
	prefs := filepath.Join(dir, "home", ".config", "fyne", "app.rapport.desktop", "preferences.json")
	waitFor(t, "the pause in "+prefs, app, func() bool {
		b, _ := os.ReadFile(prefs)
		return strings.Contains(string(b), `"reminders.pausedOn":"`+time.Now().Format("2006-01-02")+`"`)
	})

	// Open Rapport shows the window.
	clickItem(t, menu, findLabel(labels, "Open Rapport"))
	waitFor(t, "the window to show", app, func() bool { return visibleRapport(env) })

	// Closing it keeps Rapport in the tray, and says so once.
	closeWindow(t, display, env)
	waitFor(t, "the window to hide", app, func() bool { return !visibleRapport(env) })
	// (The window's own reminder of what is due may come first.)
	for said, deadline := []string{}, time.After(trayWait); !slices.Contains(said, "Rapport is still running in the tray"); {
		select {
		case n := <-notes:
			said = append(said, n)
		case <-deadline:
			t.Fatalf("closing to the tray did not say so within %v; notifications: %q", trayWait, said)
		}
	}
	if app.exited() {
		t.Fatalf("closing the window ended the app: %v\n%s", app.err(), app.output())
	}

	// Open again, Ctrl+Q quits.
	clickItem(t, menu, findLabel(labels, "Open Rapport"))
	waitFor(t, "the window to show again", app, func() bool { return visibleRapport(env) })
	if out, err := smokeRun(10*time.Second, env, "xdotool", "key", "ctrl+q"); err != nil {
		t.Fatalf("xdotool key ctrl+q: %v\n%s", err, out)
	}
	waitExit(t, app, "Ctrl+Q")

	// The tray's Quit quits too.
	app = smokeStart(t, "app", env, bin, "--db", db, "--tray")
	select {
	case item = <-items:
	case <-time.After(trayWait):
		t.Fatalf("no tray item registered again within %v:\n%s", trayWait, app.output())
	}
	menu = conn.Object(item, "/StatusNotifierItem/menu")
	labels = waitForMenu(t, menu, func(l []trayLabel) bool { return findLabel(l, "Quit") != 0 }, app)
	clickItem(t, menu, findLabel(labels, "Quit"))
	waitExit(t, app, "the tray's Quit")
}

// waitExit waits for the app to end with status 0 after how asked it to.
func waitExit(t *testing.T, app *smokeProc, how string) {
	t.Helper()
	select {
	case <-app.done:
		if app.werr != nil {
			t.Errorf("%s ended the app with %v:\n%s", how, app.werr, app.output())
		}
	case <-time.After(trayWait):
		t.Fatalf("%s did not end the app within %v:\n%s", how, trayWait, app.output())
	}
}

// closeWindow asks the window named Rapport to close, as a window
// manager's close button does (WM_DELETE_WINDOW).
func closeWindow(t *testing.T, display string, env []string) {
	t.Helper()
	search := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Rapport$")
	search.Env = env
	out, err := search.Output()
	if err != nil {
		t.Fatalf("finding the window: %v", err)
	}
	id, err := strconv.ParseUint(strings.Fields(string(out))[0], 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	xgb.Logger = log.New(io.Discard, "", 0)
	x, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	atom := func(name string) xproto.Atom {
		r, err := xproto.InternAtom(x, false, uint16(len(name)), name).Reply()
		if err != nil {
			t.Fatal(err)
		}
		return r.Atom
	}
	win := xproto.Window(id)
	ev := xproto.ClientMessageEvent{Format: 32, Window: win, Type: atom("WM_PROTOCOLS"),
		Data: xproto.ClientMessageDataUnionData32New([]uint32{uint32(atom("WM_DELETE_WINDOW")), 0, 0, 0, 0})}
	if err := xproto.SendEventChecked(x, false, win, xproto.EventMaskNoEvent, string(ev.Bytes())).Check(); err != nil {
		t.Fatalf("sending WM_DELETE_WINDOW: %v", err)
	}
}

// notifier is a notification server of a few lines, as a desktop runs one.
type notifier struct{ summaries chan string }

// Notify is org.freedesktop.Notifications.Notify.
func (n notifier) Notify(app string, replaces uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	n.summaries <- summary
	return 1, nil
}

// GetCapabilities is org.freedesktop.Notifications.GetCapabilities.
func (n notifier) GetCapabilities() ([]string, *dbus.Error) { return []string{"body"}, nil }

// GetServerInformation is org.freedesktop.Notifications.GetServerInformation.
func (n notifier) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return "test", "rapport", "1", "1.2", nil
}

// watchNotes plays the desktop's notification server on conn and returns
// the summaries of the notifications sent.
func watchNotes(t *testing.T, conn *dbus.Conn) <-chan string {
	t.Helper()
	const name = "org.freedesktop.Notifications"
	n := notifier{summaries: make(chan string, 8)}
	if err := conn.Export(n, "/org/freedesktop/Notifications", name); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("owning %s: %v %v", name, reply, err)
	}
	return n.summaries
}

// trayHeadline is the first line the tray's menu should show for the
// database at path, read from the store as the app reads it.
func trayHeadline(t *testing.T, path string) string {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today, err := st.Today(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	switch n := today.Overdue + today.DueToday; n {
	case 0:
		return "Nothing due today"
	case 1:
		return "1 promise needs you today"
	default:
		return fmt.Sprintf("%d promises need you today", n)
	}
}

// privateBus starts a session bus of the test's own and connects to it.
func privateBus(t *testing.T) (address string, conn *dbus.Conn) {
	t.Helper()
	address = bustest.Start(t)
	conn, err := dbus.Connect(address)
	if err != nil {
		t.Fatalf("connecting to the private bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return address, conn
}

// watcher is a StatusNotifierWatcher of a few lines, as a panel runs one.
type watcher struct{ items chan string }

// RegisterStatusNotifierItem is called by an item as it appears.
func (w watcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	w.items <- string(sender)
	return nil
}

// RegisterStatusNotifierHost is called by a panel.
func (w watcher) RegisterStatusNotifierHost(service string) *dbus.Error { return nil }

// watchItems plays the panel's watcher on conn and returns the bus names
// of the items that register.
func watchItems(t *testing.T, conn *dbus.Conn) <-chan string {
	t.Helper()
	const name, path = "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher"
	w := watcher{items: make(chan string, 4)}
	if err := conn.Export(w, path, name); err != nil {
		t.Fatal(err)
	}
	_, err := prop.Export(conn, path, prop.Map{name: {
		"IsStatusNotifierHostRegistered": {Value: true},
		"ProtocolVersion":                {Value: int32(0)},
		"RegisteredStatusNotifierItems":  {Value: []string{}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("owning %s: %v %v", name, reply, err)
	}
	return w.items
}

// trayLabel is one item of the menu.
type trayLabel struct {
	id    int32
	label string
}

func (l trayLabel) String() string { return fmt.Sprintf("%d:%q", l.id, l.label) }

// menuLabels reads the menu with GetLayout, separators left out.
func menuLabels(menu dbus.BusObject) ([]trayLabel, error) {
	var revision uint32
	var layout struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	if err := menu.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).
		Store(&revision, &layout); err != nil {
		return nil, err
	}
	var out []trayLabel
	for _, c := range layout.Children {
		fields, ok := c.Value().([]any)
		if len(fields) < 2 || !ok {
			return nil, fmt.Errorf("a menu item of type %T", c.Value())
		}
		id, _ := fields[0].(int32)
		props, _ := fields[1].(map[string]dbus.Variant)
		if typ, ok := props["type"]; ok && typ.Value() == "separator" {
			continue
		}
		label, _ := props["label"].Value().(string)
		out = append(out, trayLabel{id: id, label: label})
	}
	return out, nil
}

// waitForMenu reads the menu until ok says it is as wanted.
func waitForMenu(t *testing.T, menu dbus.BusObject, ok func([]trayLabel) bool, app *smokeProc) []trayLabel {
	t.Helper()
	var labels []trayLabel
	var err error
	defer func() {
		if t.Failed() {
			t.Logf("the menu was %v (%v)", labels, err)
		}
	}()
	waitFor(t, "the menu", app, func() bool {
		labels, err = menuLabels(menu)
		return err == nil && ok(labels)
	})
	return labels
}

// waitFor waits until done says so, failing after trayWait with what
// the app wrote.
func waitFor(t *testing.T, what string, app *smokeProc, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(trayWait); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if done() {
			return
		}
		if app.exited() {
			t.Fatalf("the app exited waiting for %s: %v\n%s", what, app.err(), app.output())
		}
	}
	t.Fatalf("no %s within %v:\n%s", what, trayWait, app.output())
}

// findLabel is the id of the item labelled label, 0 when there is none.
func findLabel(labels []trayLabel, label string) int32 {
	for _, l := range labels {
		if l.label == label {
			return l.id
		}
	}
	return 0
}

// clickItem clicks the menu's item id, as a panel does.
func clickItem(t *testing.T, menu dbus.BusObject, id int32) {
	t.Helper()
	if id == 0 {
		t.Fatal("no such item to click")
	}
	if err := menu.Call("com.canonical.dbusmenu.Event", 0, id, "clicked", dbus.MakeVariant(""), uint32(0)).Err; err != nil {
		t.Fatalf("clicking item %d: %v", id, err)
	}
}

// checkBadge reads the item's icon and checks that its top-right corner
// carries the red badge when something is due, and not otherwise.
func checkBadge(t *testing.T, sni dbus.BusObject, due bool) {
	t.Helper()
	v, err := sni.GetProperty("org.kde.StatusNotifierItem.IconPixmap")
	if err != nil {
		t.Fatalf("IconPixmap: %v", err)
	}
	var pixmaps []struct {
		W, H int32
		ARGB []byte
	}
	if err := dbus.Store([]any{v.Value()}, &pixmaps); err != nil || len(pixmaps) == 0 {
		t.Fatalf("IconPixmap %v: %v", v, err)
	}
	p := pixmaps[0]
	if p.W <= 0 || int(p.W*p.H*4) != len(p.ARGB) {
		t.Fatalf("IconPixmap is %dx%d with %d bytes", p.W, p.H, len(p.ARGB))
	}
	// Inside the badge's disc, left of its figure: ARGB, network order.
	x, y := p.W/2, p.W*9/32
	i := 4 * (y*p.W + x)
	a, r, g, b := p.ARGB[i], p.ARGB[i+1], p.ARGB[i+2], p.ARGB[i+3]
	red := a > 0xc0 && r > 0xb0 && g < 0x70 && b < 0x70
	t.Logf("the icon is %dx%d; at (%d,%d) it is ARGB %02x%02x%02x%02x", p.W, p.H, x, y, a, r, g, b)
	if red != due {
		t.Errorf("the badge shows: %v, want %v", red, due)
	}
}

// visibleRapport reports whether a window named Rapport shows.
func visibleRapport(env []string) bool {
	search := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Rapport$")
	search.Env = env
	out, err := search.Output()
	return err == nil && len(strings.TrimSpace(string(out))) > 0
}
