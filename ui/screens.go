package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/career"
	"rapport/ui/credit"
	"rapport/ui/kit"
	"rapport/ui/meetings"
	"rapport/ui/people"
	"rapport/ui/promises"
	"rapport/ui/relmap"
	"rapport/ui/today"
)

// screenID names a screen of the window. Screens are named by these
// constants only, never by strings.
type screenID int

// The screens, in the order of the sidebar.
const (
	screenToday screenID = iota
	screenMap
	screenPeople
	screenPromises
	screenCareer
	screenMeetings
	screenCredit
)

// screen is what the shell's table holds of a screen: its content, built
// with fresh data when the screen is shown, and a way to read its data
// again where it is after something changed.
type screen interface {
	Content() fyne.CanvasObject
	Reload()
}

// destination is one entry of the navigation: the screen, its title,
// icon, and the key that reaches it with the shortcut modifier.
type destination struct {
	id     screenID
	title  string
	icon   fyne.ThemeIconName
	key    fyne.KeyName
	screen screen
}

// screenSet is the window's screens: one field for each, for the verbs
// that talk to a screen, and the table the sidebar, the menus and show go
// through, in navigation order.
type screenSet struct {
	table    []destination
	today    *today.Screen
	relMap   *relmap.Screen
	people   *people.Screen
	promises *promises.Screen
	meetings *meetings.Screen
	career   *career.Screen
	credit   *credit.Screen
}

// newScreens builds every screen (each reads its data when first shown)
// and their table.
func (w *Window) newScreens() screenSet {
	st := w.store
	s := screenSet{
		today:    today.New(st, w, w.now),
		relMap:   relmap.New(st, w, w.now),
		people:   people.New(st, w, w.now),
		promises: promises.New(st, w, w.now),
		meetings: meetings.New(st, w, w.now, w.zone(model.Settings{})),
		career:   career.New(st, w, w.win, w.opts.Plans, w.now),
		credit:   credit.New(st, w, w.now, w.win),
	}
	s.table = []destination{
		{id: screenToday, title: "Today", icon: theme.IconNameHome, key: fyne.Key1, screen: s.today},
		{id: screenMap, title: "Relationship map", icon: theme.IconNameGrid, key: fyne.Key2, screen: s.relMap},
		{id: screenPeople, title: "People", icon: theme.IconNameAccount, key: fyne.Key3, screen: s.people},
		{id: screenPromises, title: "Promises", icon: theme.IconNameConfirm, key: fyne.Key4, screen: s.promises},
		{id: screenCareer, title: "Career plan", icon: theme.IconNameList, key: fyne.Key5, screen: s.career},
		{id: screenMeetings, title: "Meetings", icon: theme.IconNameCalendar, key: fyne.Key6, screen: s.meetings},
		{id: screenCredit, title: "Credit and outcomes", icon: theme.IconNameMailCompose, key: fyne.Key7,
			screen: s.credit},
	}
	return s
}

// destination is the table's entry for id.
func (w *Window) destination(id screenID) *destination {
	for i := range w.screens.table {
		if w.screens.table[i].id == id {
			return &w.screens.table[i]
		}
	}
	return nil
}

// newNavList is the sidebar: one row per screen, with its shortcut.
func newNavList(w *Window) *kit.List {
	list := kit.NewList(
		func() int { return len(w.screens.table) },
		func() fyne.CanvasObject {
			longest := ""
			for _, s := range w.screens.table {
				if len(s.title) > len(longest) {
					longest = s.title
				}
			}
			return container.NewHBox(kit.NewThemedIcon(theme.IconNameHome), widget.NewLabel(longest))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*kit.ThemedIcon).SetName(w.screens.table[id].icon)
			row.Objects[1].(*widget.Label).SetText(w.screens.table[id].title)
		})
	list.OnSelected = func(id widget.ListItemID) {
		if w.screens.table[id].id != w.current {
			w.show(w.screens.table[id].id)
		}
	}
	return list
}

// shortcut is the platform's primary modifier with key: Ctrl on Linux and
// Windows, Cmd on macOS.
func shortcut(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// commands are the window's keyboard commands, shown in the menus.
func (w *Window) commands() (file, view []*fyne.MenuItem) {
	newPerson := fyne.NewMenuItem("New person…", w.NewPerson)
	newPerson.Shortcut = shortcut(fyne.KeyN)
	newPerson.Icon = theme.ContentAddIcon()
	logInteraction := fyne.NewMenuItem("Log interaction…", w.logInteraction)
	logInteraction.Shortcut = shortcut(fyne.KeyL)
	edit := fyne.NewMenuItem("Edit person…", w.editPerson)
	edit.Shortcut = shortcut(fyne.KeyE)
	promise := fyne.NewMenuItem("New promise…", func() { w.addPromise(0) })
	promise.Shortcut = shortcut(fyne.KeyP)
	promise.Icon = theme.ConfirmIcon()
	schedule := fyne.NewMenuItem("Schedule meeting…", w.scheduleWithPersonInView)
	schedule.Shortcut = shortcut(fyne.KeyM)
	schedule.Icon = theme.CalendarIcon()
	importContacts := fyne.NewMenuItem("Import contacts…", func() { openContactsImport(w) })
	importContacts.Shortcut = shortcut(fyne.KeyI)
	importContacts.Icon = theme.DownloadIcon()
	backups := fyne.NewMenuItem("Backups…", func() { openBackups(w) })
	backups.Shortcut = shortcut(fyne.KeyB)
	backups.Icon = theme.HistoryIcon()
	review := fyne.NewMenuItem("Weekly review…", func() { openWeeklyReview(w) })
	review.Shortcut = shortcut(fyne.KeyR)
	review.Icon = theme.HistoryIcon()
	settings := fyne.NewMenuItem("Settings…", func() { w.editSettings(w.refresh) })
	settings.Shortcut = shortcut(fyne.KeyComma)
	settings.Icon = theme.SettingsIcon()
	quickLog := fyne.NewMenuItem("Search or log…", w.QuickLog)
	quickLog.Shortcut = shortcut(fyne.KeyK)
	quickLog.Icon = theme.SearchIcon()
	find := fyne.NewMenuItem("Find person", w.find)
	find.Shortcut = shortcut(fyne.KeyF)
	find.Icon = theme.SearchIcon()
	file = []*fyne.MenuItem{quickLog, newPerson, logInteraction, promise, schedule, edit, fyne.NewMenuItemSeparator(),
		importContacts}
	if w.opts.Exports != nil {
		exportAll := fyne.NewMenuItem("Export everything…", func() { w.exportEverything() })
		exportAll.Icon = theme.DocumentSaveIcon()
		exportPeople := fyne.NewMenuItem("Export people as vCard…", func() { w.exportPeople() })
		exportPeople.Icon = theme.UploadIcon()
		file = append(file, exportAll, exportPeople)
	}
	file = append(file, backups, review, settings)
	view = []*fyne.MenuItem{find, fyne.NewMenuItemSeparator()}
	for _, s := range w.screens.table {
		id := s.id
		item := fyne.NewMenuItem(s.title, func() { w.show(id) })
		item.Shortcut = shortcut(s.key)
		item.Icon = theme.Icon(s.icon)
		view = append(view, item)
	}
	return file, view
}

func (w *Window) mainMenu() *fyne.MainMenu {
	file, view := w.commands()
	roomForShortcuts(file)
	roomForShortcuts(view)
	w.notUnderDialogs(file)
	w.notUnderDialogs(view)
	// Quit works under a dialog too: it asks first whether to throw away
	// what was typed in it.
	quit := fyne.NewMenuItem("Quit", w.quit)
	quit.Shortcut = shortcut(fyne.KeyQ)
	quit.IsQuit = true
	file = append(file, fyne.NewMenuItemSeparator(), quit)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", w.showShortcuts),
		fyne.NewMenuItem("About Rapport", w.showAbout))
	edit := w.editMenu()
	roomForShortcuts(edit.Items)
	return fyne.NewMainMenu(fyne.NewMenu("File", file...), edit, fyne.NewMenu("View", view...), help)
}

// notUnderDialogs makes each of items that has a shortcut do nothing while
// a dialog (or any pop-up) is open over the window, so that a shortcut
// never switches the screen under a form or stacks a second dialog, nor
// while the welcome waits for the user to choose how to start.
func (w *Window) notUnderDialogs(items []*fyne.MenuItem) {
	for _, item := range items {
		action := item.Action
		if item.Shortcut == nil || action == nil {
			continue
		}
		item.Action = func() {
			if w.win.Canvas().Overlays().Top() != nil || w.welcome != nil {
				return
			}
			action()
		}
	}
}

// String names the screen in messages (tests and logs); the screen's
// title is in its destination.
func (id screenID) String() string {
	names := [...]string{"Today", "Map", "People", "Promises", "Career", "Meetings", "Credit"}
	if int(id) < 0 || int(id) >= len(names) {
		return fmt.Sprintf("screen %d", int(id))
	}
	return names[id]
}
