// Command minimal is the smallest honest Fyne app: one window titled
// Minimal with a label, at the size Rapport's window opens at (1180×760,
// ui/app.go), so that what the window's size costs (its buffers under
// software GL, its shared-memory image, painting that many pixels) is in
// both programs and the difference is Rapport's own. The start-up
// benchmark (startup_test.go, build tag startup) times it beside Rapport,
// as the floor a Fyne window costs on this machine. It lives under
// testdata so that ./... leaves it out of the app, its vet and its tests;
// build it with
//
//	go build -o minimal ./testdata/minimal
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("dev.rapport.bench.minimal")
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("A minimal Fyne window."))
	w.Resize(fyne.NewSize(1180, 760)) // Rapport's first size
	w.ShowAndRun()
}
