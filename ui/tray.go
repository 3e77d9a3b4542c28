package ui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/systray"

	"rapport/model"
	"rapport/ui/kit"
)

// The tray: Rapport's icon in the desktop's system tray, with a menu that
// says how many promises need the user today, lists what is due today
// (each opening its place), and offers Open Rapport, Quick log…, Pause
// reminders for today and Quit. While it is there, closing the window
// keeps Rapport running in it. It reads what is due once at start, after
// each write the store commits and at midnight, and builds the menu again
// only when what it shows changed: nothing ticks while it sits idle.

// prefToldTrayOnClose remembers that the user was told, the first time
// they closed the window, that Rapport stays in the tray.
const prefToldTrayOnClose = "tray.toldOnClose"

// trayLabelMax is the most characters a line of the menu shows: panels
// make the menu as wide as its widest line.
const trayLabelMax = 64

// trayItemsShown is how many things due today the menu lists at most;
// the rest are counted in a line that opens Today.
const trayItemsShown = 8

// trayMenus is what the tray needs of the desktop: Fyne's desktop.App.
type trayMenus interface {
	SetSystemTrayMenu(menu *fyne.Menu)
	SetSystemTrayIcon(icon fyne.Resource)
}

// trayStore is what the tray reads from the store.
type trayStore interface {
	Due(ctx context.Context, now time.Time) (model.DueReport, error)
}

// commitWatcher is a store that says when a write has committed
// (storage.Store.OnCommit); a store without it leaves the tray to read
// again only at midnight and when the window's own screens change.
type commitWatcher interface {
	OnCommit(fn func())
}

// trayItem is one thing due today in the menu: a promise (promiseID) or
// a meeting (meetingID).
type trayItem struct {
	label     string
	promiseID int64
	meetingID int64
}

// trayContent is everything the menu shows; the menu is built again only
// when it changes.
type trayContent struct {
	count  int // promises overdue or due today
	items  []trayItem
	more   int // things due today not listed
	paused bool
}

// equal reports whether c and d show the same menu.
func (c trayContent) equal(d trayContent) bool {
	if c.count != d.count || c.more != d.more || c.paused != d.paused || len(c.items) != len(d.items) {
		return false
	}
	for i := range c.items {
		if c.items[i] != d.items[i] {
			return false
		}
	}
	return true
}

// headline is the menu's first line.
func (c trayContent) headline() string {
	if c.count == 0 {
		return "Nothing due today"
	}
	return kit.Plural(c.count, "promise needs you today", "promises need you today")
}

// trayItems is what is due today in the report: the promises, both ways,
// overdue or due today (the count), then today's meetings not yet over.
func trayItems(r model.DueReport) (count int, items []trayItem) {
	for _, p := range r.PressingPromises() {
		label := r.PromiseLine(p)
		if p.Overdue(r.Now) {
			label = "Overdue: " + label
		}
		items = append(items, trayItem{label: clip(label, trayLabelMax), promiseID: p.ID})
	}
	for _, m := range r.Meetings {
		items = append(items, trayItem{label: clip(r.MeetingLine(m), trayLabelMax), meetingID: m.ID})
	}
	return r.Pressing(), items
}

// clip shortens s to at most n characters, ending it with "…" when cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// tray is the icon in the system tray and its menu.
type tray struct {
	w       *Window
	menus   trayMenus
	store   trayStore
	present func() bool // whether the desktop shows tray icons now
	shown   *trayContent
	// menu is the one menu handed to the desktop, its items replaced on
	// each change: Fyne's tray, once ready, shows the menu it was first
	// given, which must then be the latest.
	menu  *fyne.Menu
	badge string // the count drawn on the icon now
	// text names the item and sets the words shown when it is hovered;
	// said is what they last said.
	text  func(title, tooltip string)
	said  string
	icons map[string]fyne.Resource
	// stale is set when a write committed and a read is due; reading,
	// while a read runs; again, when another was asked for meanwhile.
	stale    atomic.Bool
	read     bool // the first read was asked for (Window.Show)
	reading  bool
	again    bool
	midnight *time.Timer
	// later runs f on the window's goroutine soon, from any goroutine;
	// tests run it when they choose.
	later func(f func())
}

// newTray puts the icon in the tray with a menu of what needs no reading;
// the window's Show has it read what is due.
func newTray(w *Window, menus trayMenus, store trayStore, present func() bool) *tray {
	t := &tray{w: w, menus: menus, store: store, present: present, icons: map[string]fyne.Resource{},
		later: func(f func()) { go fyne.Do(f) }, text: setTrayText}
	t.apply(trayContent{paused: t.paused()})
	if c, ok := store.(commitWatcher); ok {
		c.OnCommit(t.committed)
	}
	t.scheduleMidnight()
	return t
}

// committed is told, on the writer's goroutine, that a write committed:
// it asks for one read on the window's goroutine, however many writes
// come before it runs.
func (t *tray) committed() {
	if t.stale.CompareAndSwap(false, true) {
		t.later(t.refresh)
	}
}

// refresh reads what is due today off the window's goroutine and shows it.
func (t *tray) refresh() {
	t.stale.Store(false)
	if t.reading {
		t.again = true
		return
	}
	t.reading = true
	now := t.w.now()
	t.w.background(func() func() {
		report, err := t.store.Due(context.Background(), now)
		return func() {
			t.reading = false
			if err != nil {
				fyne.LogError("the tray could not read what is due", err)
			} else {
				c := trayContent{paused: t.paused()}
				c.count, c.items = trayItems(report)
				if len(c.items) > trayItemsShown {
					c.more = len(c.items) - trayItemsShown
					c.items = c.items[:trayItemsShown]
				}
				t.apply(c)
				t.say("Rapport: " + c.headline())
			}
			if t.again {
				t.again = false
				t.refresh()
			}
		}
	})
}

// apply shows c in the menu and on the icon, unless they show it already.
func (t *tray) apply(c trayContent) {
	if badge := badgeText(c.count); badge != t.badge || t.shown == nil {
		t.badge = badge
		t.menus.SetSystemTrayIcon(t.icon(badge))
	}
	if t.shown != nil && t.shown.equal(c) {
		return
	}
	t.shown = &c
	if t.menu == nil {
		t.menu = fyne.NewMenu("Rapport")
	}
	t.menu.Items = t.menuItems(c)
	t.menus.SetSystemTrayMenu(t.menu)
}

// say names the item Rapport and shows tooltip when it is hovered, unless
// it does already. Fyne names the item once its tray is ready, but may do
// it before the item's properties are on the bus, where the name is then
// lost; the first read after the app runs names it again.
func (t *tray) say(tooltip string) {
	if tooltip == t.said || t.text == nil {
		return
	}
	t.said = tooltip
	t.text("Rapport", tooltip)
}

// setTrayText sets the tray item's title and tooltip.
func setTrayText(title, tooltip string) {
	systray.SetTitle(title)
	systray.SetTooltip(tooltip)
}

// menuItems are the items of the tray's menu showing c.
func (t *tray) menuItems(c trayContent) []*fyne.MenuItem {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem(c.headline(), func() { t.w.open(); t.w.show(screenToday) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Open Rapport", t.w.open),
		fyne.NewMenuItem("Quick log…", t.w.quickLogFromTray),
	}
	if len(c.items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	for _, it := range c.items {
		items = append(items, fyne.NewMenuItem(it.label, t.opener(it)))
	}
	if c.more > 0 {
		items = append(items, fyne.NewMenuItem(fmt.Sprintf("%d more on Today…", c.more),
			func() { t.w.open(); t.w.show(screenToday) }))
	}
	pause := fyne.NewMenuItem("Pause reminders for today", func() { t.setPaused(true) })
	if c.paused {
		pause = fyne.NewMenuItem("Resume reminders", func() { t.setPaused(false) })
	}
	items = append(items, fyne.NewMenuItemSeparator(), pause,
		fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Quit", t.w.quit))
	return items
}

// opener opens the place of it in the window.
func (t *tray) opener(it trayItem) func() {
	return func() {
		t.w.open()
		if it.promiseID != 0 {
			t.w.showPromise(it.promiseID)
		} else {
			t.w.showMeeting(it.meetingID)
		}
	}
}

// paused reports whether reminders are paused for today.
func (t *tray) paused() bool {
	s := model.DigestSchedule{PausedOn: prefDay(t.w.app, PrefPausedOn)} // as the digest reads it
	return s.Paused(t.w.now().Local())
}

// setPaused pauses reminders for today, or resumes them.
func (t *tray) setPaused(paused bool) {
	prefs := t.w.app.Preferences()
	if paused {
		prefs.SetString(PrefPausedOn, t.w.now().Local().Format(time.DateOnly))
	} else {
		prefs.RemoveValue(PrefPausedOn)
	}
	t.w.recheckReminders()
	if t.shown != nil {
		c := *t.shown
		c.paused = paused
		t.apply(c)
	}
}

// scheduleMidnight reads again just after the next local midnight, when
// what is due today changes and a pause ends; one timer, nothing ticks.
func (t *tray) scheduleMidnight() {
	now := t.w.now().Local()
	y, m, d := now.Date()
	next := time.Date(y, m, d+1, 0, 0, 1, 0, now.Location())
	t.midnight = time.AfterFunc(next.Sub(now), func() {
		fyne.Do(func() {
			t.refresh()
			t.scheduleMidnight()
		})
	})
}

// stop cancels the midnight read and the store's calls.
func (t *tray) stop() {
	if t.midnight != nil {
		t.midnight.Stop()
	}
	if c, ok := t.store.(commitWatcher); ok {
		c.OnCommit(nil)
	}
}

// tellHowToQuit says, the first time the window is closed to the tray,
// that Rapport keeps running there and how to quit it.
func (t *tray) tellHowToQuit() {
	prefs := t.w.app.Preferences()
	if prefs.Bool(prefToldTrayOnClose) {
		return
	}
	prefs.SetBool(prefToldTrayOnClose, true)
	t.w.app.SendNotification(fyne.NewNotification("Rapport is still running in the tray",
		"It keeps counting what is due. To quit, choose Quit in the tray icon's menu, or press Ctrl+Q in the window."))
}
