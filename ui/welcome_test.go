package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// The welcome's texts the tests find it by.
const (
	welcomeName   = "Your name, as invites show it"
	welcomeEmail  = "you@example.com"
	welcomeEmpty  = "Start with my own people"
	welcomeSample = "Explore a sample network"
)

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	w := newTestWindow(t, st)
	if kittest.Button(w.content, welcomeSample) == nil {
		t.Fatalf("an empty database shows no welcome: %q", kittest.Texts(w.content))
	}
	test.Tap(kittest.MustButton(t, w.content, welcomeSample))
	sample := storedPeople(t, st)
	if len(sample) == 0 {
		t.Fatal("the sample was not loaded")
	}
	pressShortcut(t, w, fyne.Key3)
	if list := peopleList(t, w); list.Length() != len(sample) {
		t.Errorf("after the sample, the People list has %d rows, want the sample's %d people", list.Length(), len(sample))
	}

	st2 := storetest.Open(t, func() time.Time { return testNow })
	w2 := newTestWindow(t, st2)
	test.Tap(kittest.MustButton(t, w2.content, welcomeEmpty))
	if n := len(storedPeople(t, st2)); w2.current != screenPeople || n != 0 {
		t.Errorf("start empty: screen %v, %d people stored", w2.current, n)
	}
	if _, ok := w2.screens.people.PersonInView(); ok {
		t.Error("an empty start shows a person")
	}
}

func TestWelcomeAsksWhoYouAre(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	w := newTestWindow(t, st)
	name, email := kittest.Entry(w.content, welcomeName), kittest.Entry(w.content, welcomeEmail)
	if name == nil || email == nil {
		t.Fatalf("an empty database shows no welcome asking who you are: %q", kittest.Texts(w.content))
	}
	if focused, _ := kittest.AsEntry(w.win.Canvas().Focused()); focused != name {
		t.Errorf("the welcome's focus is on %v, want the name field", focused)
	}
	name.SetText("Sam Lee")
	email.SetText("sam at example")
	test.Tap(kittest.MustButton(t, w.content, welcomeEmpty))
	if problems := formProblems(w.content); len(problems) != 1 || !strings.Contains(strings.ToLower(problems[0]), "email") {
		t.Errorf("problems shown = %q, want one under the e-mail", problems)
	}
	if s := storedSettings(t, st); w.current == screenPeople || s.UserName != "" {
		t.Fatalf("started (screen %v) or saved (%+v) with a bad e-mail", w.current, s)
	}
	email.SetText(" sam@example.com ")
	test.Tap(kittest.MustButton(t, w.content, welcomeEmpty))
	if s := storedSettings(t, st); s.UserName != "Sam Lee" || s.UserEmail != "sam@example.com" {
		t.Errorf("settings after the welcome = %+v", s)
	}
	if w.current != screenPeople {
		t.Errorf("screen after starting = %v, want people", w.current)
	}
}

func TestEnterSubmitsTheWelcome(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	w := newTestWindow(t, st)
	name, email := kittest.Entry(w.content, welcomeName), kittest.Entry(w.content, welcomeEmail)
	test.Type(name, "Sam Lee")
	w.win.Canvas().Focus(email)
	test.Type(email, "sam@example.com")
	w.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s := storedSettings(t, st); s.UserName != "Sam Lee" || s.UserEmail != "sam@example.com" {
		t.Errorf("settings after Enter = %+v", s)
	}
	if w.current != screenPeople || !w.nav.Visible() {
		t.Errorf("after Enter: screen %v, sidebar shown %v; want the People screen and the sidebar", w.current, w.nav.Visible())
	}
}

func TestNothingLeavesTheWelcomeButItsButtons(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	w := newTestWindow(t, st)
	name := kittest.Entry(w.content, welcomeName)
	test.Type(name, "Sam Lee")
	if w.nav.Visible() {
		t.Error("the sidebar shows under the welcome: a click on it would leave the welcome")
	}
	for _, k := range []fyne.KeyName{fyne.Key3, fyne.KeyN, fyne.KeyK, fyne.KeyF} {
		pressShortcut(t, w, k)
		if top := kittest.TopDialog(w.win); top != nil {
			t.Fatalf("Ctrl+%s under the welcome opened %q", k, kittest.Texts(top))
		}
	}
	w.show(screenPeople) // what a click on the sidebar did
	if got := kittest.Entry(w.content, welcomeName); got == nil || got.Text != "Sam Lee" {
		t.Fatalf("the welcome lost what was typed: %q", kittest.Texts(w.content))
	}
	test.Tap(kittest.MustButton(t, w.content, welcomeEmpty))
	if !w.nav.Visible() || w.current != screenPeople {
		t.Errorf("after starting: sidebar shown %v, screen %v", w.nav.Visible(), w.current)
	}
	pressShortcut(t, w, fyne.Key4)
	if w.current != screenPromises {
		t.Errorf("Ctrl+4 after the welcome shows %v, want promises", w.current)
	}
}
