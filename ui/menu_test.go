package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/storage/storetest"
)

// TestMenuLabelsClearTheirShortcuts: in the File and View menus, as wide
// as Fyne makes them, each label ends at least two paddings before its
// shortcut begins ("Schedule meeting…" ran into "Ctrl+M").
func TestMenuLabelsClearTheirShortcuts(t *testing.T) {
	w := newTestWindow(t, storetest.Open(t, nil))
	pad := theme.InnerPadding()
	icon := theme.IconInlineSize()
	for _, m := range w.win.MainMenu().Items {
		name, items := m.Label, m.Items
		menu := widget.NewMenu(fyne.NewMenu(name, items...))
		width := menu.MinSize().Width
		for _, it := range items {
			if it.Shortcut == nil {
				continue
			}
			label := fyne.MeasureText(strings.TrimSuffix(it.Label, shortcutRoom), theme.TextSize(), fyne.TextStyle{}).Width
			keys := fyne.MeasureText("Ctrl+"+string(it.Shortcut.(interface{ Key() fyne.KeyName }).Key()), theme.TextSize(), fyne.TextStyle{}).Width
			used := pad + label + pad + keys + pad
			if it.Icon != nil {
				used += icon + pad
			}
			if gap := width - used + pad; gap < 2*pad {
				t.Errorf("%s menu: %q comes within %.0f px of its shortcut, want at least %.0f", name, it.Label, gap, 2*pad)
			}
		}
	}
}
