package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"rapport/ui/kit/kittest"
)

func TestKeyboardHelpListsEveryShortcut(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"))
	w := newTestWindow(t, st)
	w.win.Resize(fyne.NewSize(1024, 640))
	w.showShortcuts()
	help := topDialog(t, w)
	texts := kittest.Texts(help)
	n := 0
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Shortcut == nil {
				continue
			}
			n++
			keys, what := shortcutText(item.Shortcut), strings.TrimSuffix(strings.TrimSpace(item.Label), "…")
			if isScreenKey(item.Shortcut) { // one line for all screens
				keys, what = "Ctrl+1 … Ctrl+7", "Screens, in sidebar order"
			}
			if !slices.Contains(texts, keys) || !slices.Contains(texts, what) {
				t.Errorf("the help does not list %s (%s)", what, keys)
			}
		}
	}
	if n < 15 {
		t.Errorf("only %d menu shortcuts checked; the menus lost theirs?", n)
	}
	for _, want := range []string{"In a form", "Ctrl+Enter", "Tab / Shift+Tab", "Open the row", "Up / Down",
		"Open the first match", "In the search or log box", "Complete a kind or a name", "In a name field", "In any dialog"} {
		if !kittest.Shows(help, want) {
			t.Errorf("the help does not say %q", want)
		}
	}
	if size := help.Size(); size.Width > 1024 || size.Height > 640 {
		t.Errorf("the help is %v, larger than a 1024x640 window", size)
	}
}
