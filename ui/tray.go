package ui

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

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

// Preference keys of the tray. prefRemindersPausedOn holds the local
// date ("2006-01-02") on which reminders are paused for the day; the
// digest reads it too.
const (
	prefRemindersPausedOn = "reminders.pausedOn"
	prefToldTrayOnClose   = "tray.toldOnClose"
)

// pausedLayout is how prefRemindersPausedOn writes the date.
const pausedLayout = "2006-01-02"

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
	Today(ctx context.Context, now time.Time) (model.Today, error)
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

// trayItems is what is due today in the report: the promises overdue or
// due today, both ways, then today's meetings, with how many promises
// that makes. It is the tray's one reading of the store's report.
func trayItems(t model.Today) (count int, items []trayItem) {
	today := model.Day(t.Now.Local())
	listed := 0
	for _, p := range t.Due {
		if !p.Overdue(t.Now) && model.DaysBetween(p.DueOn, today) != 0 {
			continue
		}
		label := kit.PromiseSentence(p, t.Name(p.PersonID))
		if p.Overdue(t.Now) {
			label += " (overdue)"
		}
		items = append(items, trayItem{label: label, promiseID: p.ID})
		listed++
	}
	// The report lists only the first promises due; its counts cover all.
	count = max(listed, t.Overdue+t.DueToday)
	for _, m := range t.Upcoming {
		if model.DaysBetween(model.Day(m.Start.Local()), today) != 0 {
			continue
		}
		label := fmt.Sprintf("%s %s with %s", m.Start.Local().Format("15:04"), m.Kind.Label(), t.Name(m.PersonID))
		items = append(items, trayItem{label: label, meetingID: m.ID})
	}
	return count, items
}

// tray is the icon in the system tray and its menu.
type tray struct {
	w       *Window
	menus   trayMenus
	store   trayStore
	present func() bool // whether the desktop shows tray icons now
	shown   *trayContent
	badge   string // the count drawn on the icon now
	icons   map[string]fyne.Resource
	// stale is set when a write committed and a read is due; reading,
	// while a read runs; again, when another was asked for meanwhile.
	stale    atomic.Bool
	reading  bool
	again    bool
	midnight *time.Timer
	// later runs f on the window's goroutine soon, from any goroutine;
	// tests run it when they choose.
	later func(f func())
}

// newTray puts the icon in the tray with a menu of what needs no reading,
// then reads what is due off the window's goroutine and shows it.
func newTray(w *Window, menus trayMenus, store trayStore, present func() bool) *tray {
	t := &tray{w: w, menus: menus, store: store, present: present, icons: map[string]fyne.Resource{},
		later: func(f func()) { go fyne.Do(f) }}
	t.apply(trayContent{paused: t.paused()})
	if c, ok := store.(commitWatcher); ok {
		c.OnCommit(t.committed)
	}
	t.refresh()
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
		report, err := t.store.Today(context.Background(), now)
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
	t.menus.SetSystemTrayMenu(t.menu(c))
}

// menu is the tray's menu showing c.
func (t *tray) menu(c trayContent) *fyne.Menu {
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
	return fyne.NewMenu("Rapport", items...)
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
	on := t.w.app.Preferences().String(prefRemindersPausedOn)
	return on != "" && on == t.w.now().Local().Format(pausedLayout)
}

// setPaused pauses reminders for today, or resumes them.
func (t *tray) setPaused(paused bool) {
	prefs := t.w.app.Preferences()
	if paused {
		prefs.SetString(prefRemindersPausedOn, t.w.now().Local().Format(pausedLayout))
	} else {
		prefs.RemoveValue(prefRemindersPausedOn)
	}
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
