package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

func TestScreenShortcutsAndWindowSize(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"))
	w := newTestWindow(t, st)
	for key, want := range map[fyne.KeyName]screenID{
		fyne.Key1: screenToday, fyne.Key2: screenMap, fyne.Key4: screenPromises, fyne.Key5: screenCareer, fyne.Key6: screenMeetings, fyne.Key3: screenPeople,
	} {
		pressShortcut(t, w, key)
		if w.current != want {
			t.Errorf("Ctrl+%s shows %v, want %v", key, w.current, want)
		}
	}
	// A new window on the same app opens on Today, at the size the last
	// one was left.
	w.win.Resize(fyne.NewSize(900, 640))
	w.saveSize()
	w2 := New(w.app, st, Options{Now: func() time.Time { return testNow }})
	defer w2.win.Close()
	if w2.current != screenToday {
		t.Errorf("reopened on %v, want today", w2.current)
	}
	if got := w2.win.Canvas().Size(); got.Width != 900 || got.Height != 640 {
		t.Errorf("reopened at %v, want 900×640", got)
	}
	// Every menu shortcut is written in the menus.
	for _, m := range w.win.MainMenu().Items[:2] {
		for _, item := range m.Items {
			if !item.IsSeparator && item.Shortcut == nil {
				t.Errorf("menu item %q has no shortcut", item.Label)
			}
		}
	}
}
