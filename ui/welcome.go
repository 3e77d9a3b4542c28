package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// welcome is shown in place of any screen while the database is empty: it
// says what Rapport is and where the data lives, and offers an empty start
// or a sample network to explore.
type welcome struct {
	startEmpty  *widget.Button
	startSample *widget.Button
}

func newWelcome(w *Window) fyne.CanvasObject {
	wl := &welcome{
		startEmpty:  widget.NewButtonWithIcon("Start with my own people", theme.ContentAddIcon(), w.startEmpty),
		startSample: widget.NewButtonWithIcon("Explore a sample network", theme.SearchIcon(), w.startWithSample),
	}
	wl.startEmpty.Importance = widget.HighImportance
	w.currentWelcome = wl

	heading := widget.NewLabelWithStyle("Welcome to Rapport", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel("Careers are decided by people. Rapport keeps track of who has a say in your next move and where each of them stands, the promises you made and must keep, and the conversations that build trust.")
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter
	where := widget.NewLabel("Your data stays in one file on this computer, readable by you alone. Rapport never connects to the network.")
	where.Wrapping = fyne.TextWrapWord
	where.Alignment = fyne.TextAlignCenter
	path := widget.NewLabel(w.opts.DBPath)
	path.Alignment = fyne.TextAlignCenter
	path.Truncation = fyne.TextTruncateEllipsis
	path.TextStyle.Monospace = true
	sample := widget.NewLabel("The sample is a fictional company of about forty people with a year of history, there to try things out. Keep your real network in a database of its own.")
	sample.Wrapping = fyne.TextWrapWord
	sample.Alignment = fyne.TextAlignCenter

	buttons := container.NewCenter(container.NewHBox(wl.startEmpty, wl.startSample))
	column := container.NewVBox(heading, intro, widget.NewSeparator(), buttons, sample, where, path)
	return container.NewCenter(container.New(&maxWidth{width: 600}, column))
}

func (w *Window) showShortcuts() {
	file, view := w.commands()
	grid := container.NewGridWithColumns(2)
	for _, item := range append(file, view...) {
		if item.Shortcut == nil {
			continue
		}
		grid.Add(widget.NewLabel(item.Label))
		grid.Add(widget.NewLabelWithStyle(shortcutText(item.Shortcut), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", grid, w.win)
}

// shortcutText spells a shortcut as the menus do, e.g. "Ctrl+N".
func shortcutText(s fyne.Shortcut) string {
	ks, ok := s.(fyne.KeyboardShortcut)
	if !ok {
		return s.ShortcutName()
	}
	mod := "Ctrl+"
	if ks.Mod()&fyne.KeyModifierSuper != 0 {
		mod = "Cmd+"
	}
	return mod + string(ks.Key())
}

func (w *Window) showAbout() {
	meta := w.app.Metadata()
	version := meta.Version
	if version == "" {
		version = "development build"
	}
	text := widget.NewLabel("Rapport " + version + "\n\nManage the relationships that decide your career.\nOffline: your data never leaves this computer.\n\nDatabase: " + w.opts.DBPath)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Rapport", "Close", text, w.win)
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
}
