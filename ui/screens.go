package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one destination of the navigation: its ID, title, icon, the
// key that reaches it with the shortcut modifier, and how to build it.
type screen struct {
	id    string
	title string
	icon  fyne.Resource
	key   fyne.KeyName
	build func(w *Window) fyne.CanvasObject
}

// content builds the screen.
func (s *screen) content(w *Window) fyne.CanvasObject { return s.build(w) }

// screenTable lists the screens in navigation order.
func screenTable() []screen {
	return []screen{
		{id: "today", title: "Today", icon: theme.HomeIcon(), key: fyne.Key1,
			build: func(w *Window) fyne.CanvasObject { return w.today.content() }},
		{id: "map", title: "Relationship map", icon: theme.GridIcon(), key: fyne.Key2,
			build: func(w *Window) fyne.CanvasObject { return w.relMap.content() }},
		{id: "people", title: "People", icon: theme.AccountIcon(), key: fyne.Key3,
			build: func(w *Window) fyne.CanvasObject { return w.people.content() }},
		{id: "promises", title: "Promises", icon: theme.ConfirmIcon(), key: fyne.Key4,
			build: func(w *Window) fyne.CanvasObject { return w.promises.content() }},
		{id: "career", title: "Career plan", icon: theme.ListIcon(), key: fyne.Key5,
			build: func(w *Window) fyne.CanvasObject { return w.career.content() }},
		{id: "meetings", title: "Meetings", icon: theme.CalendarIcon(), key: fyne.Key6,
			build: func(w *Window) fyne.CanvasObject { return w.meetings.content() }},
		{id: "credit", title: "Credit and outcomes", icon: theme.MailComposeIcon(), key: fyne.Key7,
			build: func(w *Window) fyne.CanvasObject { return w.credit.content() }},
	}
}

func (w *Window) screenByID(id string) *screen {
	for i := range w.screens {
		if w.screens[i].id == id {
			return &w.screens[i]
		}
	}
	return nil
}

// newNavList is the sidebar: one row per screen, with its shortcut.
func newNavList(w *Window) *widget.List {
	list := widget.NewList(
		func() int { return len(w.screens) },
		func() fyne.CanvasObject {
			longest := ""
			for _, s := range w.screens {
				if len(s.title) > len(longest) {
					longest = s.title
				}
			}
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longest))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(w.screens[id].icon)
			row.Objects[1].(*widget.Label).SetText(w.screens[id].title)
		})
	list.OnSelected = func(id widget.ListItemID) {
		if w.screens[id].id != w.current {
			w.Show(w.screens[id].id)
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
	newPerson := fyne.NewMenuItem("New person…", w.people.addPerson)
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
	settings := fyne.NewMenuItem("Settings…", func() { openSettingsEditor(w, w.refresh) })
	settings.Shortcut = shortcut(fyne.KeyComma)
	settings.Icon = theme.SettingsIcon()
	find := fyne.NewMenuItem("Find person", w.find)
	find.Shortcut = shortcut(fyne.KeyF)
	find.Icon = theme.SearchIcon()
	file = []*fyne.MenuItem{newPerson, logInteraction, promise, schedule, edit, fyne.NewMenuItemSeparator(),
		importContacts}
	if w.opts.Exports != nil {
		exportAll := fyne.NewMenuItem("Export everything…", w.exportEverything)
		exportAll.Icon = theme.DocumentSaveIcon()
		exportPeople := fyne.NewMenuItem("Export people as vCard…", w.exportPeople)
		exportPeople.Icon = theme.UploadIcon()
		file = append(file, exportAll, exportPeople)
	}
	file = append(file, backups, review, settings)
	view = []*fyne.MenuItem{find, fyne.NewMenuItemSeparator()}
	for _, s := range w.screens {
		id := s.id
		item := fyne.NewMenuItem(s.title, func() { w.Show(id) })
		item.Shortcut = shortcut(s.key)
		item.Icon = s.icon
		view = append(view, item)
	}
	return file, view
}

func (w *Window) mainMenu() *fyne.MainMenu {
	file, view := w.commands()
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", w.showShortcuts),
		fyne.NewMenuItem("About Rapport", w.showAbout))
	return fyne.NewMainMenu(fyne.NewMenu("File", file...), fyne.NewMenu("View", view...), help)
}
