package main

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/storage"
	"rapport/ui"
)

// openingPatience is how long the window waits for the database to open
// before it says why it takes longer: opening an older database first
// brings its schema up to date, and building the search index (migration
// 0009) takes seconds on a large one (about 5 s for 100,000 interactions).
const openingPatience = 400 * time.Millisecond

// opened is the outcome of opening the database.
type opened struct {
	st  *storage.Store
	err error
}

// openForWindow opens the database at path off the main goroutine. When
// it is done within openingPatience it returns the outcome, and the caller
// goes on as usual. Otherwise it shows a small window saying that the
// database is being brought up to date, runs the app with it and, once
// the database is open, hands it to show (on the app's goroutine) and
// closes the small window; then it returns done, after the app has quit,
// with the error opening met if any (shown in the small window).
func openForWindow(a fyne.App, path string, show func(*storage.Store) *ui.Window, stderr io.Writer) (r opened, done bool) {
	result := make(chan opened, 1)
	go func() {
		st, err := storage.OpenCheckingInBackground(path)
		result <- opened{st, err}
	}()
	select {
	case r := <-result:
		return r, false
	case <-time.After(openingPatience):
	}
	wait := a.NewWindow("Rapport")
	bar := widget.NewProgressBarInfinite()
	wait.SetContent(container.NewPadded(container.NewVBox(
		widget.NewLabel("Opening your database…"),
		widget.NewLabel("Rapport is bringing it up to date for this version\n(it builds the search index once); this takes a few seconds."),
		bar)))
	wait.Resize(fyne.NewSize(460, 140))
	var out opened
	go func() {
		r := <-result
		fyne.Do(func() {
			out = r
			if r.err != nil {
				bar.Stop()
				fmt.Fprintln(stderr, "rapport:", r.err)
				wait.SetContent(container.NewPadded(container.NewVBox(
					widget.NewLabel(startupProblem(path, r.err, func() {}).Advice),
					widget.NewLabel(r.err.Error()),
					widget.NewButton("Close", a.Quit))))
				return
			}
			w := show(r.st)
			w.Window().SetMaster()
			w.Show()
			wait.Close()
		})
	}()
	wait.ShowAndRun()
	if out.st != nil {
		out.st.Close()
	}
	return opened{err: out.err}, true
}
