package ui

// QuickLog opens the box of Ctrl+K: one line that searches everything as
// it is typed, or logs an interaction and the promises made at it, with a
// live preview, Enter to save and Undo in the toast.
func (w *Window) QuickLog() { openQuickBox(w, w.store) }
