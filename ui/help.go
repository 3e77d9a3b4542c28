package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// keyLine is one line of the keyboard help: what is done, and the keys.
type keyLine struct{ what, keys string }

// keySection is a heading of the keyboard help and its lines.
type keySection struct {
	title string
	lines []keyLine
}

// keyboardSections are the keys that are not menu shortcuts: in forms, in
// lists, in the quick log and in dialogs; mod is "Ctrl" or "Cmd".
func keyboardSections(mod string) []keySection {
	return []keySection{
		{"In a form", []keyLine{
			{"Save", "Enter (in a one-line field)"},
			{"Save from a notes field", mod + "+Enter"},
			{"Next or previous field", "Tab / Shift+Tab"},
			{"Press the button that has the keyboard", "Space"},
			{"Close (asks first if you typed something)", "Esc"},
		}},
		{"In a list (People, Promises, Meetings, Career, sidebar)", []keyLine{
			{"Reach the list", "Tab"},
			{"Move", "Up / Down, Home / End, Page Up / Page Down"},
			{"Open the row", "Enter or Space"},
		}},
		{"In the People search", []keyLine{
			{"Go to the search", mod + "+F"},
			{"Open the first match", "Enter"},
			{"Move into the list", "Down"},
		}},
		{"In the quick log", []keyLine{
			{"Open it", mod + "+K"},
			{"Complete a name", "Tab"},
			{"Save the line", "Enter"},
			{"Close without saving", "Esc"},
		}},
		{"In any dialog", []keyLine{
			{"Close it", "Esc"},
		}},
	}
}

// menuSections are the shortcuts of the window's menus, one section a
// menu, as the menus name them.
func menuSections(menu *fyne.MainMenu) []keySection {
	var out []keySection
	for _, m := range menu.Items {
		sec := keySection{title: "Menu " + m.Label}
		for _, item := range m.Items {
			if item.Shortcut != nil {
				sec.lines = append(sec.lines, keyLine{strings.TrimSuffix(item.Label, "…"), shortcutText(item.Shortcut)})
			}
		}
		if len(sec.lines) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// showShortcuts shows every key the app answers, grouped under headings:
// the menus' shortcuts, then the keys of forms, lists, the search, the
// quick log and dialogs. It scrolls in a small window.
func (w *Window) showShortcuts() {
	sections := append(menuSections(w.win.MainMenu()), keyboardSections(modifierName())...)
	body := container.NewVBox()
	for i, sec := range sections {
		if i > 0 {
			body.Add(widget.NewSeparator())
		}
		body.Add(kit.CardHeading(sec.title))
		grid := container.New(layout.NewFormLayout())
		for _, l := range sec.lines {
			grid.Add(widget.NewLabelWithStyle(l.keys, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
			grid.Add(widget.NewLabel(l.what))
		}
		body.Add(grid)
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(body), w.win)
	d.Resize(kit.FitWindow(w.win, fyne.NewSize(640, 720)))
	d.Show()
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
