//go:build describe

package main

// A test build's window describes itself: with the describe build tag and
// $RAPPORT_TEST_WIDGETS naming a file, the window writes what it shows to
// that file a few times a second (one line per text, button, entry and
// check, with where it is in pixels), so a real-window test driving it
// with xdotool knows where to click and can see what happened. Release
// builds do not have it.

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui"
	"rapport/ui/kit"
)

func init() { windowHooks = append(windowHooks, describeWindow) }

// describeEvery is how often the description is brought up to date.
const describeEvery = 200 * time.Millisecond

// describeWindow starts writing w's description to $RAPPORT_TEST_WIDGETS.
func describeWindow(w *ui.Window) {
	path := os.Getenv("RAPPORT_TEST_WIDGETS")
	if path == "" {
		return
	}
	go func() {
		var last []byte
		for range time.Tick(describeEvery) {
			var buf bytes.Buffer
			fyne.DoAndWait(func() { describeCanvas(&buf, w.Window().Canvas()) })
			if bytes.Equal(buf.Bytes(), last) {
				continue
			}
			last = buf.Bytes()
			tmp := path + ".tmp"
			if os.WriteFile(tmp, last, 0o600) == nil {
				os.Rename(tmp, path)
			}
		}
	}()
}

// describeCanvas writes the content, then each overlay (the top one last),
// each line "layer kind x y width height text" with x, y the top left
// corner in pixels from the window's top left.
func describeCanvas(buf *bytes.Buffer, c fyne.Canvas) {
	scale := c.Scale()
	describeObject(buf, 0, c.Content(), fyne.NewPos(0, 0), scale)
	for i, o := range c.Overlays().List() {
		describeObject(buf, i+1, o, fyne.NewPos(0, 0), scale)
	}
}

// describeObject describes o, placed in its parent at parent, and what it
// holds, skipping what is hidden.
func describeObject(buf *bytes.Buffer, layer int, o fyne.CanvasObject, parent fyne.Position, scale float32) {
	if o == nil || !o.Visible() {
		return
	}
	at := parent.Add(o.Position())
	line := func(kind, text string) {
		size := o.Size()
		fmt.Fprintf(buf, "%d\t%s\t%.0f\t%.0f\t%.0f\t%.0f\t%q\n", layer, kind,
			at.X*scale, at.Y*scale, size.Width*scale, size.Height*scale, text)
	}
	switch x := o.(type) {
	case *canvas.Text:
		if x.TextSize > theme.TextSize()*1.2 {
			line("heading", x.Text)
		} else {
			line("text", x.Text)
		}
	case *widget.Button:
		line("button", x.Text)
	case *kit.Button:
		line("button", x.Text)
	case *widget.Entry:
		line("entry", entryText(x))
	case *widget.SelectEntry:
		line("entry", entryText(&x.Entry))
	case *kit.SelectEntry:
		line("entry", entryText(&x.Entry))
	case *kit.TextField:
		line("entry", entryText(&x.Entry))
	case *widget.Check:
		line("check", x.Text)
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, child := range x.Objects {
			describeObject(buf, layer, child, at, scale)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(x).Objects() {
			describeObject(buf, layer, child, at, scale)
		}
	}
}

// entryText is what an entry shows: its text, or its placeholder.
func entryText(e *widget.Entry) string {
	if e.Text == "" {
		return e.PlaceHolder
	}
	return e.Text
}
