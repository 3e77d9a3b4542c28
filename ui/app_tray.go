package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"rapport/ui/kit"
	"rapport/ui/trayhost"
)

// How the window lives with the tray: it starts there with
// Options.StartInTray, goes there when closed while the desktop shows
// tray icons, and comes back with the tray's Open Rapport. Quit (the
// tray's, File → Quit, Ctrl+Q) ends Rapport.

// startTray puts Rapport's icon in the tray when the app has one (Fyne's
// desktop app; not the test app) and the desktop shows tray icons, and
// keeps the window hidden there when asked to start in it. Where the
// desktop shows none yet, the icon waits for a panel to appear: Fyne's
// tray costs 10–14 MB and a D-Bus service of its own, for nothing while
// no panel can show it.
func (w *Window) startTray() {
	menus, ok := w.app.(desktop.App)
	if !ok {
		return
	}
	if !trayPresent() {
		trayAppears(func() { fyne.Do(func() { w.putInTray(menus) }) })
		return
	}
	w.putInTray(menus)
	w.inTray = w.opts.StartInTray
}

// putInTray shows Rapport's icon in the tray, once; it reads what is due
// when the time for that has come (see Show).
func (w *Window) putInTray(menus desktop.App) {
	if w.tray != nil {
		return
	}
	w.tray = newTray(w, menus, w.store, trayPresent)
	if w.trayReadDue {
		w.readTray()
	}
}

// trayPresent reports whether the desktop shows tray icons now, and
// trayAppears calls its function once they do; tests replace them.
var (
	trayPresent = trayhost.Present
	trayAppears = trayhost.WhenPresent
)

// Show shows the window, unless Rapport starts in the tray, and has the
// tray read what is due; when the first screen is read as the app runs
// (FirstScreenWhenRunning), the tray reads once that screen has its data
// instead: two reads side by side at start would each take a connection
// of their own and fill its page cache.
func (w *Window) Show() {
	if !w.inTray {
		w.win.Show()
	}
	if w.inTray || !w.opts.FirstScreenWhenRunning {
		w.readTray()
	}
}

// readTray has the tray read what is due for the first time, now, or as
// it is put in the tray when it waits for a panel.
func (w *Window) readTray() {
	w.trayReadDue = true
	if w.tray != nil && !w.tray.read {
		w.tray.read = true
		w.tray.refresh()
	}
}

// ShowAndRun shows the window (unless Rapport starts in the tray) and
// runs the app until it quits.
func (w *Window) ShowAndRun() {
	w.Show()
	w.app.Run()
}

// Open shows the window and brings it forward, from the tray or for a
// second launch of Rapport on the same database.
func (w *Window) Open() { w.open() }

// open shows the window and brings it forward, reading the first screen
// when it shows for the first time; after a morning digest it opens
// Today, which the digest's notification cannot do (Fyne's notifications
// take no clicks).
func (w *Window) open() {
	w.inTray = false
	if !w.firstShown {
		w.showFirstScreen()
	} else if w.reminder != nil && w.reminder.unseen && w.welcome == nil {
		w.show(screenToday)
	}
	if w.reminder != nil {
		w.reminder.unseen = false
	}
	w.win.Show()
	w.win.RequestFocus()
}

// quickLogFromTray opens the window with the Ctrl+K box in it. The box
// lives in the main window rather than a small one of its own because
// both its halves lead there: a search result opens at its place, and a
// logged line is undone from the toast at the window's foot. It waits
// when a form is open or the welcome asks how to start, as Ctrl+K does.
func (w *Window) quickLogFromTray() {
	w.open()
	if w.win.Canvas().Overlays().Top() != nil || w.welcome != nil {
		return
	}
	w.QuickLog()
}

// closeWindow answers the window's close button: with a tray to keep
// Rapport in, it hides the window there (the first time saying so);
// without one, Rapport quits as it always did.
func (w *Window) closeWindow() {
	w.saveSize()
	if w.tray != nil && w.tray.present() {
		w.win.Hide()
		w.inTray = true
		w.tray.tellHowToQuit()
		return
	}
	w.win.Close()
	if w.tray != nil { // the tray's own hidden window would keep the app running
		w.app.Quit()
	}
}

// quit ends Rapport. With a dialog open over the window (a form being
// filled in), it first shows the window and asks whether to throw away
// what was typed there.
func (w *Window) quit() {
	if w.win.Canvas().Overlays().Top() != nil {
		w.open()
		kit.AskDiscard(w.win.Canvas(), w.quitNow)
		return
	}
	w.quitNow()
}

// quitNow ends Rapport, remembering the window's size.
func (w *Window) quitNow() {
	w.saveSize()
	if w.tray != nil {
		w.tray.stop()
	}
	w.app.Quit()
}
