package forms_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/forms"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// press sends the key to the input as the window does to the focused one.
func press(e fyne.Focusable, key fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: key}) }

func TestEnterInTheNameFieldSavesThePerson(t *testing.T) {
	st, h := open(t)
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	test.Type(e.Name, "Dana Reyes")
	press(e.Name, fyne.KeyReturn)
	closed(t, h)
	if _, ok := people(t, st)["Dana Reyes"]; !ok {
		t.Errorf("Enter in the name did not save Dana: %v", people(t, st))
	}
}

func TestEnterWithABadValueSavesNothingAndNamesTheProblem(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	e := forms.LogInteraction(h, st, dana, nil)
	e.Date.SetText("someday")
	press(e.Date, fyne.KeyReturn)
	wantProblems(t, &e.Form, map[string]string{"date": "Date: "})
	if got, _ := st.InteractionsWith(context.Background(), dana.ID, 10); len(got) != 0 {
		t.Errorf("Enter stored an interaction with a bad date: %+v", got)
	}
	onTop(t, h, "Log interaction with Dana Reyes")
}

func TestShiftEnterInNotesSaves(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	e := forms.LogInteraction(h, st, dana, nil)
	test.Type(e.Notes, "wants a reviewer")
	e.Notes.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(e.Notes, fyne.KeyReturn)
	e.Notes.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	closed(t, h)
	got, err := st.InteractionsWith(context.Background(), dana.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Notes != "wants a reviewer" {
		t.Errorf("Shift+Enter in Notes stored %+v, want one interaction with the notes", got)
	}
}

// esc sends Esc to h's window as the window does while no input has the
// keyboard.
func esc(h *host) { h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

func TestEscClosesAnUntouchedFormAtOnce(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	forms.EditPerson(h, st, dana, nil)
	onTop(t, h, "Edit Dana Reyes")
	esc(h)
	closed(t, h)
	if h.win.Canvas().OnTypedKey() != nil {
		t.Error("the window's key handler was not given back when the form closed")
	}
}

func TestEscAsksBeforeDiscardingWhatWasTyped(t *testing.T) {
	st, h := open(t)
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	e.Name.SetText("Dana Reyes")
	esc(h)
	onTop(t, h, "Discard what you typed?")
	esc(h) // Esc again: keep editing
	onTop(t, h, "New person")
	if e.Name.Text != "Dana Reyes" {
		t.Errorf("keep editing left the name %q", e.Name.Text)
	}
	esc(h)
	h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter: keep editing too
	onTop(t, h, "New person")
	esc(h)
	test.Tap(kittest.MustButton(t, kittest.TopDialog(h.win), "Discard"))
	closed(t, h)
	if got := people(t, st); len(got) != 0 {
		t.Errorf("Esc saved %v", got)
	}
	if h.win.Canvas().OnTypedKey() != nil {
		t.Error("the window's key handler was not given back when the form closed")
	}
}

func TestCtrlEnterInNotesSaves(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	e := forms.LogInteraction(h, st, dana, nil)
	test.Type(e.Notes, "asked about the reorg")
	e.Notes.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	closed(t, h)
	got, err := st.InteractionsWith(context.Background(), dana.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Notes != "asked about the reorg" {
		t.Errorf("Ctrl+Enter in Notes stored %+v, want one interaction with the notes", got)
	}
}

func TestEscInATextFieldClosesTheFormWithoutSaving(t *testing.T) {
	st, h := open(t)
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	test.Type(e.Name, "Dana Reyes")
	press(e.Name, fyne.KeyEscape)
	onTop(t, h, "Discard what you typed?")
	test.Tap(kittest.MustButton(t, kittest.TopDialog(h.win), "Discard"))
	closed(t, h)
	if got := people(t, st); len(got) != 0 {
		t.Errorf("Esc saved %v", got)
	}
}

func TestEnterAndEscOnTheFormsButtons(t *testing.T) {
	st, h := open(t)
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	e.Name.SetText("Dana Reyes")
	cancel := kittest.Find[*kit.Button](kittest.TopDialog(h.win), func(b *kit.Button) bool { return b.Text == "Cancel" })
	save := kittest.Find[*kit.Button](kittest.TopDialog(h.win), func(b *kit.Button) bool { return b.Text == "Add person" })
	if cancel == nil || save == nil {
		t.Fatal("the form's buttons do not take keys")
	}
	h.win.Canvas().Focus(save) // Tab to the button
	press(save, fyne.KeyEscape)
	onTop(t, h, "Discard what you typed?")
	esc(h) // keep editing
	press(save, fyne.KeyReturn)
	closed(t, h)
	if _, ok := people(t, st)["Dana Reyes"]; !ok {
		t.Errorf("Enter on Add person did not save Dana: %v", people(t, st))
	}
}

// TestEscOnADropDownClosesTheForm: Fyne's drop-down ignores Esc, and
// Fyne gives keys to the focused widget only; the forms' drop-downs hand
// it on, so Esc closes the form with a drop-down focused too.
func TestEscOnADropDownClosesTheForm(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	e := forms.LogInteraction(h, st, dana, nil)
	h.win.Canvas().Focus(e.Kind)
	press(e.Kind, fyne.KeyEscape)
	closed(t, h)

	e = forms.LogInteraction(h, st, dana, nil)
	test.Type(e.Summary, "The reorg")
	h.win.Canvas().Focus(e.Kind)
	press(e.Kind, fyne.KeyEscape)
	discard(t, h) // something was typed: it asks first
}
