package ui

// The verbs the Career plan needs besides those in navigation.go: saving
// its summary where the user chooses, and opening the printable page.

// SaveFileAs asks where to save a file, suggesting name (with extension
// ext) in the folder last used, and hands the chosen path to then, which
// writes it whole; what names the file in an error ("the summary").
func (w *Window) SaveFileAs(what, name, ext string, then func(path string)) {
	w.saveFileAs(what, name, ext, then)
}

// OpenFile opens a file (or folder) with the system's default
// application: the browser for a page.
func (w *Window) OpenFile(path string) { w.openPath(path) }
