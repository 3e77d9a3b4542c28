package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"rapport/ui/kit"
)

// keyLine is one line of the keyboard help: what is done, and the keys.
type keyLine struct{ what, keys string }

// keySection is a heading of the keyboard help and its lines.
type keySection struct {
	title string
	lines []keyLine
}

// keyboardSections are the keys that are not menu shortcuts, in two
// columns: forms, the search or log box and dialogs; lists and the People search.
// mod is "Ctrl" or "Cmd".
func keyboardSections(mod string) (left, right []keySection) {
	left = []keySection{
		{"In a form", []keyLine{
			{"Save", "Enter"},
			{"Save from notes", mod + "+Enter"},
			{"Next / previous field", "Tab / Shift+Tab"},
			{"Press the focused button", "Space or Enter"},
			{"Close (asks if you typed)", "Esc"},
		}},
		{"In a name field", []keyLine{
			{"Choose a suggestion", "Up / Down"},
			{"Take it", "Enter"},
			{"Close the suggestions", "Esc"},
		}},
		{"In the search or log box", []keyLine{
			{"Open it", mod + "+K"},
			{"Move through the results", "Up / Down"},
			{"Open the result at its place", "Enter"},
			{"Complete a kind or a name", "Tab"},
			{"Save a line to log", "Enter"},
			{"Close", "Esc"},
		}},
		{"In any dialog", []keyLine{{"Close it", "Esc"}}},
	}
	right = []keySection{
		{"In a list", []keyLine{
			{"Reach the list", "Tab"},
			{"Move", "Up / Down"},
			{"First / last row", "Home / End"},
			{"Ten rows", "Page Up / Down"},
			{"Open the row", "Enter or Space"},
		}},
		{"In the People search", []keyLine{
			{"Go to the search", mod + "+F"},
			{"Open the first match", "Enter"},
			{"Move into the list", "Down"},
		}},
	}
	return left, right
}

// menuSections are the shortcuts of the window's menus, one section a
// menu; the screens' Ctrl+1 to Ctrl+7 make one line.
func menuSections(menu *fyne.MainMenu) []keySection {
	var out []keySection
	for _, m := range menu.Items {
		sec := keySection{title: m.Label + " menu"}
		var screens []string
		for _, item := range m.Items {
			switch {
			case item.Shortcut == nil:
			case isScreenKey(item.Shortcut):
				screens = append(screens, shortcutText(item.Shortcut))
			default:
				sec.lines = append(sec.lines, keyLine{strings.TrimSuffix(strings.TrimSpace(item.Label), "…"), shortcutText(item.Shortcut)})
			}
		}
		if len(screens) > 0 {
			sec.lines = append(sec.lines, keyLine{"Screens, in sidebar order", screens[0] + " … " + screens[len(screens)-1]})
		}
		if len(sec.lines) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// isScreenKey reports whether s is a screen's shortcut: the modifier and
// a digit.
func isScreenKey(s fyne.Shortcut) bool {
	ks, ok := s.(fyne.KeyboardShortcut)
	return ok && len(ks.Key()) == 1 && ks.Key() >= fyne.Key0 && ks.Key() <= fyne.Key9
}

// showShortcuts shows every key the app answers, under headings in three
// columns so that it fits a small window: the menus' shortcuts; forms,
// the search or log box and dialogs; lists and the People search.
func (w *Window) showShortcuts() {
	left, right := keyboardSections(modifierName())
	columns := container.NewGridWithColumns(3,
		keyColumn(menuSections(w.win.MainMenu())), keyColumn(left), keyColumn(right))
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(columns), w.win)
	d.Resize(kit.FitWindow(w.win, fyne.NewSize(1000, 600)))
	d.Show()
}

// keyColumn is sections one under the other, each a heading over its
// keys and what they do, in plain text lines, closer than labels are, the
// keys in a column as wide as the widest.
func keyColumn(sections []keySection) fyne.CanvasObject {
	mono := fyne.TextStyle{Monospace: true}
	var width float32
	for _, sec := range sections {
		for _, l := range sec.lines {
			width = max(width, fyne.MeasureText(l.keys, theme.TextSize(), mono).Width)
		}
	}
	col := container.NewVBox()
	for _, sec := range sections {
		col.Add(kit.CardHeading(sec.title))
		rows := container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()))
		for _, l := range sec.lines {
			keys := kit.NewThemedText(l.keys, theme.ColorNameForeground)
			keys.TextStyle = mono
			cell := container.NewGridWrap(fyne.NewSize(width+theme.Padding(), keys.MinSize().Height), keys)
			rows.Add(container.NewHBox(cell, kit.NewThemedText(l.what, theme.ColorNameForeground)))
		}
		col.Add(container.NewPadded(rows))
	}
	return col
}

// modifierName is how the platform's shortcut key is spelled: Cmd on
// macOS, Ctrl elsewhere.
func modifierName() string {
	if fyne.KeyModifierShortcutDefault == fyne.KeyModifierSuper {
		return "Cmd"
	}
	return "Ctrl"
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
	if ks.Mod()&fyne.KeyModifierShift != 0 {
		mod += "Shift+"
	}
	return mod + string(ks.Key())
}
