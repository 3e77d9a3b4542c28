package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// typeKey sends k to the input that has the keyboard, as the window does.
func typeKey(t *testing.T, w *Window, k fyne.KeyName) {
	t.Helper()
	f := w.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the keyboard to take %s", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// typeText types s into the input that has the keyboard.
func typeText(t *testing.T, w *Window, s string) {
	t.Helper()
	f := w.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the keyboard to type %q", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

func TestOpenAPersonFromSearchWithTheKeyboard(t *testing.T) {
	st := peopleStore(t, person("Helena Sørensen", "VP Engineering", "Leadership"), person("Daniel Kim", "Engineer", "Platform"))
	w := newTestWindow(t, st)
	pressShortcut(t, w, fyne.KeyF) // Ctrl+F
	typeText(t, w, "hel")
	typeKey(t, w, fyne.KeyReturn)
	if p, ok := w.screens.people.PersonInView(); !ok || p.Name != "Helena Sørensen" {
		t.Fatalf("Ctrl+F, hel, Enter shows %q (%v), want Helena's page", p.Name, ok)
	}
	typeKey(t, w, fyne.KeyEscape) // nothing to close: harmless
	if p, _ := w.screens.people.PersonInView(); p.Name != "Helena Sørensen" {
		t.Errorf("Esc on the list left %q", p.Name)
	}
}

func TestAddAPersonWithTheKeyboard(t *testing.T) {
	st := peopleStore(t, person("Daniel Kim", "Engineer", "Platform"))
	w := newTestWindow(t, st)
	w.show(screenPeople)
	pressShortcut(t, w, fyne.KeyN) // Ctrl+N: the name has the keyboard
	topDialog(t, w)
	typeText(t, w, "Dana Reyes")
	w.win.Canvas().FocusNext() // Tab to the title
	typeText(t, w, "Director")
	typeKey(t, w, fyne.KeyReturn)
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("Enter left the person form open")
	}
	found := false
	for _, p := range storedPeople(t, st) {
		found = found || p.Name == "Dana Reyes" && p.Title == "Director"
	}
	if !found {
		t.Errorf("Ctrl+N, Dana Reyes, Tab, Director, Enter stored %+v", storedPeople(t, st))
	}
}
