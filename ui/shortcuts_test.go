package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/ui/kit/kittest"
)

func TestShortcutsDoNothingWhileAFormIsOpen(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"))
	w := newTestWindow(t, st)
	pressShortcut(t, w, fyne.KeyN)
	form := topDialog(t, w)
	if !kittest.Shows(form, "New person") {
		t.Fatalf("Ctrl+N opened %q, not the person form", kittest.Texts(form))
	}
	before := w.current
	pressShortcut(t, w, fyne.Key5)
	if w.current != before {
		t.Errorf("Ctrl+5 under the form switched to %v, want %v", w.current, before)
	}
	pressShortcut(t, w, fyne.KeyP)
	if n := len(w.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("Ctrl+P under the form left %d dialogs open, want 1", n)
	}
	if kittest.TopDialog(w.win) != form {
		t.Errorf("the top dialog is %q, want the person form", kittest.Texts(kittest.TopDialog(w.win)))
	}
	// Closed, the shortcuts work again.
	test.Tap(kittest.MustButton(t, form, "Cancel"))
	pressShortcut(t, w, fyne.Key5)
	if w.current != screenCareer {
		t.Errorf("Ctrl+5 with no dialog shows %v, want %v", w.current, screenCareer)
	}
}
