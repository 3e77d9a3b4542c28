package ui

import (
	"bytes"
	"image"
	"image/png"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
)

func TestTrayItemsAreWhatIsDueToday(t *testing.T) {
	day := func(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }
	at := func(d, hour int) time.Time { return day(d).Add(time.Duration(hour) * time.Hour).Local() }
	names := map[int64]string{1: "Dana", 2: "Ben"}
	tests := []struct {
		name      string
		report    model.DueReport
		wantCount int
		want      []trayItem
	}{
		{name: "nothing", report: model.DueReport{Now: testNow, Today: day(0), Names: names}},
		{name: "overdue, today and today's meeting", report: model.DueReport{Now: testNow, Today: day(0), Names: names,
			Overdue:     []model.Promise{{ID: 7, PersonID: 1, Direction: model.DirectionMine, What: "the deck", DueOn: day(-2), Status: model.PromiseOpen}},
			DueToday:    []model.Promise{{ID: 8, PersonID: 2, Direction: model.DirectionTheirs, What: "an intro", DueOn: day(0), Status: model.PromiseOpen}},
			DueThisWeek: []model.Promise{{ID: 9, PersonID: 2, Direction: model.DirectionMine, What: "feedback", DueOn: day(3), Status: model.PromiseOpen}},
			Meetings:    []model.Meeting{{ID: 4, PersonID: 1, Kind: model.MeetingOneOnOne, Start: at(0, 15)}}},
			wantCount: 2,
			want: []trayItem{
				{label: "Overdue: You owe Dana: the deck", promiseID: 7},
				{label: "Ben owes you: an intro", promiseID: 8},
				{label: at(0, 15).In(testNow.Location()).Format("15:04") + " " + strings.ToLower(model.MeetingOneOnOne.Label()) + " with Dana", meetingID: 4},
			}},
		{name: "a long promise is cut", report: model.DueReport{Now: testNow, Today: day(0), Names: names,
			DueToday: []model.Promise{{ID: 7, PersonID: 1, Direction: model.DirectionMine, DueOn: day(0), Status: model.PromiseOpen,
				What: "Put Elif in touch with the right person for the service-mesh pilot"}}},
			wantCount: 1, want: []trayItem{{label: "You owe Dana: Put Elif in touch with the right person for the s…", promiseID: 7}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count, got := trayItems(tt.report)
			if count != tt.wantCount || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %d %+v\nwant %d %+v", count, got, tt.wantCount, tt.want)
			}
		})
	}
}

// fakeTrayApp is the test app with a system tray, as Fyne's desktop app has.
type fakeTrayApp struct {
	fyne.App
	icon  fyne.Resource
	mu    sync.Mutex
	menus []*fyne.Menu
	icons []fyne.Resource
}

func (a *fakeTrayApp) SetSystemTrayMenu(m *fyne.Menu) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.menus = append(a.menus, m)
}

func (a *fakeTrayApp) SetSystemTrayIcon(r fyne.Resource) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.icons = append(a.icons, r)
}

func (a *fakeTrayApp) SetSystemTrayWindow(fyne.Window) {}

// The test app keeps no icon; the tray draws its badge on this one.
func (a *fakeTrayApp) Icon() fyne.Resource     { return a.icon }
func (a *fakeTrayApp) SetIcon(r fyne.Resource) { a.icon = r }

// labels are the labels of the last menu set, separators left out.
func (a *fakeTrayApp) labels() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for _, it := range a.menus[len(a.menus)-1].Items {
		if !it.IsSeparator {
			out = append(out, it.Label)
		}
	}
	return out
}

// item is the item of the last menu labelled label.
func (a *fakeTrayApp) item(t *testing.T, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range a.menus[len(a.menus)-1].Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no %q in the tray menu %q", label, a.labels())
	return nil
}

// newTrayWindow opens a window on st in a test app with a tray, the
// desktop showing tray icons when present says so; commits queue their
// reads on the returned list until the test runs them.
func newTrayWindow(t *testing.T, st *storage.Store, opts Options, present *bool) (*Window, *fakeTrayApp, *[]func()) {
	t.Helper()
	before, beforeAppears := trayPresent, trayAppears
	trayPresent = func() bool { return *present }
	trayAppears = func(func()) {}
	t.Cleanup(func() { trayPresent, trayAppears = before, beforeAppears })
	a := &fakeTrayApp{App: test.NewTempApp(t)}
	a.SetIcon(fyne.NewStaticResource("icon.png", testIconPNG(t)))
	opts.Now = func() time.Time { return testNow }
	w := New(a, st, opts)
	w.background = inBeat
	var queued []func()
	if w.tray != nil {
		fakeTray(t, w, &queued)
	}
	return w, a, &queued
}

// fakeTray has w's tray queue the reads its commits ask for on queued and
// name no real tray, and reads now.
func fakeTray(t *testing.T, w *Window, queued *[]func()) {
	w.tray.later = func(f func()) { *queued = append(*queued, f) }
	w.tray.text = nil // no real tray to name
	t.Cleanup(w.tray.stop)
	w.tray.refresh() // with inBeat: read now
}

// TestTrayWaitsForAPanel: with no panel to show tray icons, Rapport puts
// nothing in the tray (and closing quits); once one appears, the icon is
// put there with what is due, and closing keeps Rapport in it.
func TestTrayWaitsForAPanel(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "the deck",
		DueOn: model.Day(testNow)})
	before, beforeAppears := trayPresent, trayAppears
	present := false
	var appeared func()
	trayPresent = func() bool { return present }
	trayAppears = func(f func()) { appeared = f }
	t.Cleanup(func() { trayPresent, trayAppears = before, beforeAppears })
	a := &fakeTrayApp{App: test.NewTempApp(t)}
	w := New(a, st, Options{Now: func() time.Time { return testNow }})
	w.background = inBeat
	w.Show()
	if w.tray != nil || len(a.menus) != 0 || appeared == nil {
		t.Fatalf("with no panel: tray %v, %d menus set, waiting %v; want no tray, waiting for a panel", w.tray != nil, len(a.menus), appeared != nil)
	}

	present = true
	appeared()
	if w.tray == nil || !w.tray.read {
		t.Fatal("a panel appeared, and the tray was not put there and read")
	}
	t.Cleanup(w.tray.stop)
	if got := a.labels(); len(got) == 0 || got[0] != "1 promise needs you today" {
		t.Errorf("the tray menu reads %q, want the promise due first", got)
	}
	w.closeWindow()
	if !w.inTray || !windowOpen(w) {
		t.Errorf("closed with the panel there: in tray %v, window open %v", w.inTray, windowOpen(w))
	}
}

func TestTrayCountsWhatIsDueAndOpensIt(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes")
	day := model.Day(testNow)
	deck := storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "the deck",
		MadeOn: day.AddDate(0, 0, -5), DueOn: day.AddDate(0, 0, -1)})
	present := true
	w, a, queued := newTrayWindow(t, st, Options{}, &present)

	want := []string{"1 promise needs you today", "Open Rapport", "Quick log…", "Overdue: You owe Dana Reyes: the deck",
		"Pause reminders for today", "Quit"}
	if got := a.labels(); !reflect.DeepEqual(got, want) {
		t.Errorf("menu %q\nwant %q", got, want)
	}
	if name := a.icons[len(a.icons)-1].Name(); name != "tray-1.png" {
		t.Errorf("the icon is %s, want the badge of 1", name)
	}
	// Read again with nothing changed: the menu is not built again.
	menus := len(a.menus)
	w.tray.refresh()
	if len(a.menus) != menus {
		t.Errorf("the same content built the menu again")
	}

	// A save is counted: one read, however many writes came first.
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionTheirs, PersonID: dana.ID, What: "an intro",
		MadeOn: day.AddDate(0, 0, -3), DueOn: day})
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionTheirs, PersonID: dana.ID, What: "a reply",
		MadeOn: day.AddDate(0, 0, -3), DueOn: day.AddDate(0, 0, 10)})
	if len(*queued) != 1 {
		t.Fatalf("two commits queued %d reads, want 1", len(*queued))
	}
	(*queued)[0]()
	if got := a.labels()[0]; got != "2 promises need you today" {
		t.Errorf("after a save the first line is %q", got)
	}
	if name := a.icons[len(a.icons)-1].Name(); name != "tray-2.png" {
		t.Errorf("after a save the icon is %s, want the badge of 2", name)
	}

	a.item(t, "Overdue: You owe Dana Reyes: the deck").Action()
	if w.current != screenPromises || w.inTray {
		t.Errorf("the promise opened %v (in tray: %v), want Promises", w.current, w.inTray)
	}
	if sel, ok := w.screens.promises.Highlighted(); !ok || sel.ID != deck.ID {
		t.Errorf("Promises has %+v selected, want the deck", sel)
	}
}

func TestTrayPausesRemindersForToday(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	present := true
	w, a, _ := newTrayWindow(t, st, Options{}, &present)
	if got := a.labels()[0]; got != "Nothing due today" {
		t.Errorf("first line %q", got)
	}
	if name := a.icons[len(a.icons)-1].Name(); name != "icon.png" {
		t.Errorf("with nothing due the icon is %s, want the app's", name)
	}
	prefs := w.app.Preferences()
	a.item(t, "Pause reminders for today").Action()
	if got, want := prefs.String(PrefPausedOn), testNow.Local().Format("2006-01-02"); got != want {
		t.Errorf("paused on %q, want %q", got, want)
	}
	a.item(t, "Resume reminders").Action()
	if got := prefs.String(PrefPausedOn); got != "" {
		t.Errorf("resumed, the pause still says %q", got)
	}
	// A pause of another day is no pause today.
	prefs.SetString(PrefPausedOn, "2026-11-22")
	if w.tray.paused() {
		t.Error("yesterday's pause pauses today")
	}
}

func TestClosingKeepsRapportInTheTrayWhereThereIsOne(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	present := true
	w, _, _ := newTrayWindow(t, st, Options{}, &present)
	told := fyne.NewNotification("Rapport is still running in the tray",
		"It keeps counting what is due. To quit, choose Quit in the tray icon's menu, or press Ctrl+Q in the window.")
	test.AssertNotificationSent(t, told, w.closeWindow)
	if !w.inTray || !windowOpen(w) {
		t.Errorf("closed with a tray: in tray %v, window open %v; want hidden in the tray", w.inTray, windowOpen(w))
	}
	w.open()
	test.AssertNotificationSent(t, nil, w.closeWindow) // said once only
	if !w.app.Preferences().Bool(prefToldTrayOnClose) {
		t.Error("that it was said is not remembered")
	}

	present = false // the panel went away: closing quits as before
	w.open()
	w.closeWindow()
	if windowOpen(w) {
		t.Error("closed without a tray, the window is still open")
	}
}

func TestStartInTrayReadsNothingUntilOpened(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	storetest.Person(t, st, "Dana Reyes")
	present := true
	w, a, _ := newTrayWindow(t, st, Options{StartInTray: true}, &present)
	if !w.inTray || w.firstShown || len(w.content.Objects) != 0 {
		t.Fatalf("started in the tray: in tray %v, first screen shown %v", w.inTray, w.firstShown)
	}
	a.item(t, "Open Rapport").Action()
	if w.inTray || !w.firstShown || w.current != screenToday || len(w.content.Objects) == 0 {
		t.Errorf("opened: in tray %v, shown %v, screen %v", w.inTray, w.firstShown, w.current)
	}

	// Without a tray to start in, the window shows as usual.
	present = false
	w2, _, _ := newTrayWindow(t, storetest.Open(t, func() time.Time { return testNow }), Options{StartInTray: true}, &present)
	if w2.inTray || !w2.firstShown {
		t.Errorf("no tray: in tray %v, first screen shown %v", w2.inTray, w2.firstShown)
	}
}

// windowOpen reports whether w's window is still among the app's.
func windowOpen(w *Window) bool {
	for _, win := range w.app.Driver().AllWindows() {
		if win == w.win {
			return true
		}
	}
	return false
}

// testIconPNG is a small opaque PNG for the app's icon.
func testIconPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
