package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// shortcutRoom is what a menu label gets after it when its item is the
// widest of its menu: Fyne makes a menu as wide as its widest item needs,
// leaving that item's label one padding from its shortcut, so that
// "Schedule meeting…" ran into "Ctrl+M". Two em spaces widen the menu.
const shortcutRoom = "\u2003\u2003"

// roomForShortcuts widens items' menu so that no label comes closer than
// two paddings to its shortcut: the label of each item with a shortcut
// whose width is within that of the widest item gets shortcutRoom after it.
func roomForShortcuts(items []*fyne.MenuItem) {
	widths := make([]float32, len(items))
	var widest float32
	for i, it := range items {
		if it.IsSeparator {
			continue
		}
		widths[i] = menuItemWidth(it)
		widest = max(widest, widths[i])
	}
	for i, it := range items {
		if it.Shortcut != nil && widths[i] > widest-theme.InnerPadding() && !strings.HasSuffix(it.Label, shortcutRoom) {
			it.Label += shortcutRoom
		}
	}
}

// menuItemWidth is about the width Fyne gives a menu item: its label, its
// icon and its shortcut, with their paddings.
func menuItemWidth(it *fyne.MenuItem) float32 {
	pad := theme.InnerPadding()
	w := pad*2 + fyne.MeasureText(it.Label, theme.TextSize(), fyne.TextStyle{}).Width
	if it.Icon != nil {
		w += theme.IconInlineSize() + pad
	}
	if s, ok := it.Shortcut.(interface{ Key() fyne.KeyName }); ok {
		w += pad + fyne.MeasureText("Ctrl+"+string(s.Key()), theme.TextSize(), fyne.TextStyle{}).Width
	}
	return w
}
