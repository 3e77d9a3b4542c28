package ui

// QuickLog opens the quick log box: one line that logs an interaction and
// the promises made at it, with a live preview, Enter to save and Undo in
// the toast.
func (w *Window) QuickLog() { openQuickLog(w, w.store) }
