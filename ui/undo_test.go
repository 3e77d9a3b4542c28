package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/ui/kit/kittest"
)

// Tests of editing and deleting what is logged, and of the toast's Undo
// while a dialog covers the window.

// coffeeWithPromise logs, through the store, "coffee with Helena, Ben
// yesterday: the reorg" and a promise to Helena made at it, and shows
// Helena's page; it returns what was stored.
func coffeeWithPromise(t *testing.T) (*Window, *storage.Store, model.Interaction, model.Promise) {
	t.Helper()
	st := peopleStore(t, person("Helena Sørensen", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	c, err := model.ParseCapture("coffee with Helena, Ben yesterday: the reorg; I owe Helena the plan by Fri",
		activePeople(t, st), testNow)
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.LogCapture(t.Context(), c)
	if err != nil {
		t.Fatal(err)
	}
	in, err := st.Interaction(t.Context(), res.InteractionID)
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.Promise(t.Context(), res.PromiseIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.openPeopleOn(in.PersonIDs[0], false)
	if pageName(w) != "Helena Sørensen" {
		t.Fatalf("the page on show is %q, want Helena's", pageName(w))
	}
	return w, st, in, p
}

// activePeople are the active people in st.
func activePeople(t *testing.T, st *storage.Store) []model.Person {
	t.Helper()
	var out []model.Person
	for _, p := range storedPeople(t, st) {
		out = append(out, p.Person)
	}
	return out
}

// timelineButton is the icon-only button with icon on the page on show
// (an interaction's Edit or Delete), failing when there is none.
func timelineButton(t *testing.T, w *Window, icon fyne.Resource) *widget.Button {
	t.Helper()
	b := kittest.Find(w.content, func(b *widget.Button) bool { return b.Text == "" && b.Icon == icon })
	if b == nil {
		t.Fatalf("the page has no %s button: %q", icon.Name(), kittest.Texts(w.content))
	}
	return b
}

func TestDeleteAnInteractionFromTheTimelineThenUndo(t *testing.T) {
	w, st, in, p := coffeeWithPromise(t)
	if !kittest.Shows(w.content, "the reorg") {
		t.Fatalf("the timeline does not show the coffee: %q", kittest.Texts(w.content))
	}
	test.Tap(timelineButton(t, w, theme.DeleteIcon()))

	if n := len(interactionsWith(t, st, in.PersonIDs[0])); n != 0 {
		t.Fatalf("%d interactions left after Delete, want none", n)
	}
	if kittest.Shows(w.content, "the reorg") {
		t.Errorf("the page still shows the deleted coffee")
	}
	if got, want := w.toast.message.Text, "Coffee with Helena and Ben on Sun 22 Nov deleted."; got != want || !w.toast.undo.Visible() {
		t.Errorf("toast = %q (Undo shown %v), want %q with Undo", got, w.toast.undo.Visible(), want)
	}
	if kittest.TopDialog(w.win) != nil {
		t.Errorf("Delete asked a question; it should not")
	}

	test.Tap(w.toast.undo)
	got, err := st.Interaction(t.Context(), in.ID)
	if err != nil || !reflect.DeepEqual(got, in) {
		t.Fatalf("after Undo the interaction = %+v, %v; want %+v", got, err, in)
	}
	if back, err := st.Promise(t.Context(), p.ID); err != nil || back.InteractionID != in.ID {
		t.Errorf("after Undo the promise = %+v, %v; want it linked to %d again", back, err, in.ID)
	}
	if !kittest.Shows(w.content, "the reorg") {
		t.Errorf("after Undo the page does not show the coffee again: %q", kittest.Texts(w.content))
	}
}

func TestEditAnInteractionFromTheTimelineThenUndo(t *testing.T) {
	w, st, in, _ := coffeeWithPromise(t)
	test.Tap(timelineButton(t, w, theme.DocumentCreateIcon()))
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Edit the coffee with Helena Sørensen") {
		t.Fatalf("Edit opened %q, not the interaction form", kittest.Texts(form))
	}
	for _, want := range []string{"the reorg", "2026-11-22", "Ben Okafor"} {
		if !kittest.Shows(form, want) {
			t.Errorf("the form does not show %q: %q", want, kittest.Texts(form))
		}
	}
	summary := kittest.Entry(form, "the reorg")
	summary.SetText("the reorg, and hiring")
	test.Tap(kittest.MustButton(t, form, "Save"))

	got, err := st.Interaction(t.Context(), in.ID)
	want := in
	want.Summary, want.UpdatedAt = "the reorg, and hiring", testNow
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("after Save the interaction = %+v, %v; want %+v", got, err, want)
	}
	if !kittest.Shows(w.content, "the reorg, and hiring") {
		t.Errorf("the page does not show the change: %q", kittest.Texts(w.content))
	}
	test.Tap(w.toast.undo)
	if got, err := st.Interaction(t.Context(), in.ID); err != nil || got.Summary != "the reorg" {
		t.Errorf("after Undo the interaction = %+v, %v; want the summary back", got, err)
	}
}

// undoItem is Edit → Undo in the window's menu: what Ctrl+Z runs.
func undoItem(t *testing.T, w *Window) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == (&fyne.ShortcutUndo{}).ShortcutName() {
				return item
			}
		}
	}
	t.Fatal("no menu item has Ctrl+Z")
	return nil
}

func TestTheToastsUndoCanBeTappedOnTopOfADialog(t *testing.T) {
	tests := []struct {
		name string
		open func(w *Window)
	}{
		{"a form", func(w *Window) { pressShortcut(t, w, fyne.KeyN) }},
		{"the weekly review", func(w *Window) { openWeeklyReview(w) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newTestWindow(t, peopleStore(t, person("Dana Reyes", "Director", "Platform")))
			tt.open(w)
			dialog := kittest.TopDialog(w.win)
			if dialog == nil {
				t.Fatal("no dialog opened")
			}
			undone := 0
			w.Toast("Coffee with Dana deleted.", func() { undone++ })
			if !kittest.Shows(dialog, "Coffee with Dana deleted.") {
				t.Fatalf("the dialog does not show the toast: %q", kittest.Texts(dialog))
			}
			test.Tap(kittest.MustButton(t, dialog, "Undo"))
			if undone != 1 {
				t.Errorf("Undo on top ran %d times, want once", undone)
			}
			if kittest.Shows(dialog, "Coffee with Dana deleted.") || w.toast.bar.Visible() {
				t.Errorf("the toast still shows after its Undo ran")
			}
		})
	}
}

func TestCtrlZRunsTheToastsUndoUnderADialog(t *testing.T) {
	w := newTestWindow(t, peopleStore(t, person("Dana Reyes", "Director", "Platform")))
	pressShortcut(t, w, fyne.KeyN)
	form := kittest.TopDialog(w.win)
	undone := 0
	w.Toast("Coffee with Dana deleted.", func() { undone++ })
	undoItem(t, w).Action()
	if undone != 1 {
		t.Fatalf("Ctrl+Z under the form ran the Undo %d times, want once", undone)
	}
	if kittest.TopDialog(w.win) != form {
		t.Errorf("Ctrl+Z closed the form")
	}
	// With no toast, Ctrl+Z undoes typing in the field that has the keyboard.
	name := kittest.Entry(form, "Full name")
	w.win.Canvas().Focus(name)
	test.Type(name, "Dana")
	undoItem(t, w).Action()
	if undone != 1 || name.Text != "" {
		t.Errorf("Ctrl+Z with no toast: Undo ran %d times, the field holds %q; want the typing undone", undone, name.Text)
	}
}
