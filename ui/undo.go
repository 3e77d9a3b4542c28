package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// editMenu is Edit → Undo (Ctrl+Z, Cmd+Z on macOS): the one shortcut
// that works while a dialog is open, since a dialog's overlay covers the
// toast's Undo button at the foot of the window.
func (w *Window) editMenu() *fyne.Menu {
	undo := fyne.NewMenuItem("Undo", w.undoLatest)
	undo.Shortcut = &fyne.ShortcutUndo{}
	undo.Icon = theme.ContentUndoIcon()
	return fyne.NewMenu("Edit", undo)
}

// undoLatest runs the Undo of the toast on show. With none, it hands the
// shortcut to the input that has the keyboard, which undoes typing: the
// window's menu sees Ctrl+Z before any input does.
func (w *Window) undoLatest() {
	if w.toast.runUndo() {
		return
	}
	if s, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
		s.TypedShortcut(&fyne.ShortcutUndo{})
	}
}
