package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// newTestWindow opens a window on store in a headless test app.
func newTestWindow(t *testing.T, store Store) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, store, Options{Now: func() time.Time { return testNow }, DBPath: "/home/dana/.local/share/rapport/rapport.db"})
	w.win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.win.Close)
	// The People screen reads the people when it is first shown; tests use
	// it from the start, as if it had been.
	w.people.Reload()
	return w
}

// seeded returns a store holding the given people, with defaults.
func seeded(t *testing.T, people ...model.Person) *memStore {
	t.Helper()
	st := newMemStore(func() time.Time { return testNow })
	for _, p := range people {
		if p.Relation == "" {
			p.Relation, p.Stance, p.Influence, p.CadenceDays = model.RelationPeer, model.StanceNeutral, 3, 30
		}
		if err := st.CreatePerson(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func person(name, title, team string) model.Person {
	p := model.NewPerson(name)
	p.Title, p.Team = title, team
	return p
}

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	st := newMemStore(func() time.Time { return testNow })
	st.sample = []model.Person{model.NewPerson("Sample Person")}
	w := newTestWindow(t, st)
	if w.currentWelcome == nil {
		t.Fatal("an empty database shows no welcome")
	}
	test.Tap(w.currentWelcome.startSample)
	if st.sampleLoads != 1 {
		t.Fatalf("LoadSample called %d times", st.sampleLoads)
	}
	pressShortcut(t, w, fyne.Key3)
	if list := kittest.Find[*widget.List](w.content, nil); list == nil || list.Length() != 1 {
		t.Errorf("after the sample, the People list is %v, want Sample Person only", list)
	}

	st2 := newMemStore(func() time.Time { return testNow })
	w2 := newTestWindow(t, st2)
	test.Tap(w2.currentWelcome.startEmpty)
	if w2.current != screenPeople || st2.sampleLoads != 0 {
		t.Errorf("start empty: screen %v, sample loads %d", w2.current, st2.sampleLoads)
	}
	if _, ok := w2.people.PersonInView(); ok {
		t.Error("an empty start shows a person")
	}
}

func TestScreenShortcutsAndWindowSize(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"))
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

// pressShortcut does what the desktop driver does with a key press that
// has the shortcut modifier: it runs the main-menu item bound to it.
func pressShortcut(t *testing.T, w *Window, key fyne.KeyName) {
	t.Helper()
	want := shortcut(key)
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == want.ShortcutName() {
				item.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", want.ShortcutName())
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equal64(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var (
	firstNames = []string{"Dana", "Zoë", "Ben", "Priya", "Chen", "Amara", "Lukas", "Sofia"}
	lastNames  = []string{"Reyes", "Ångström", "Okafor", "Natarajan", "Wei", "Nwosu", "Berg"}
)
