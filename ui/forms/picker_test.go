package forms_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/forms"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestAFullNameTypedWithOtherAccentsAndCaseSavesThePromise(t *testing.T) {
	st, h := open(t)
	zoe := storetest.Person(t, st, "Zoë Ångström")
	storetest.Person(t, st, "Zoë Ångström-Lee") // her name begins the other's
	e := forms.EditPromise(h, st, model.Promise{}, nil)
	test.Type(e.What, "Send the migration plan")
	h.win.Canvas().Focus(e.Who.Entry)
	test.Type(e.Who.Entry, "ZOE angstrom")
	press(e.Who.Entry, fyne.KeyReturn) // nothing to pick: Enter saves
	closed(t, h)
	all := promises(t, st)
	if len(all) != 1 || all[0].PersonID != zoe.ID {
		t.Fatalf("stored %+v, want one promise to Zoë (%d)", all, zoe.ID)
	}
}

func TestEscClosesTheSuggestionsThenTheDialog(t *testing.T) {
	st, h := open(t)
	storetest.Person(t, st, "Dana Reyes")
	e := forms.EditPromise(h, st, model.Promise{}, nil)
	if h.win.Canvas().Focused() != e.Who.Entry {
		t.Fatalf("a new promise does not start in the Person field")
	}
	test.Type(e.Who.Entry, "dan")
	if len(e.Who.Suggestions()) != 1 {
		t.Fatalf("typing 'dan' offers %v", e.Who.Suggestions())
	}
	press(e.Who.Entry, fyne.KeyEscape)
	if e.Who.Suggestions() != nil {
		t.Fatalf("Esc left the suggestions open")
	}
	onTop(t, h, "New promise")
	press(e.Who.Entry, fyne.KeyEscape)
	discard(t, h)
}

// discard answers the question Esc asks over a form with typing in it,
// and checks that the form closed.
func discard(t *testing.T, h *host) {
	t.Helper()
	onTop(t, h, "Discard what you typed?")
	test.Tap(kittest.MustButton(t, kittest.TopDialog(h.win), "Discard"))
	closed(t, h)
}

// TestEveryPersonFieldIsThePicker opens each form that names a person and
// finds a picker offering suggestions as a name is typed, and no
// drop-down entry left.
func TestEveryPersonFieldIsThePicker(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Person(t, st, "Ben Okafor")
	open := map[string]func(){
		"promise":     func() { forms.EditPromise(h, st, model.Promise{}, nil) },
		"meeting":     func() { forms.EditMeeting(h, st, model.Meeting{}, defaults, nil) },
		"interaction": func() { forms.LogInteraction(h, st, dana, nil) },
	}
	for name, show := range open {
		show()
		form := kittest.TopDialog(h.win)
		if kittest.Find[*widget.SelectEntry](form, nil) != nil {
			t.Errorf("the %s form still has a drop-down entry", name)
		}
		field, ok := h.win.Canvas().Focused().(*kit.TextField)
		if name == "interaction" {
			field, ok = kittest.PickerEntry(form, "Type a name to add someone else who was there"), true
		}
		if !ok || field == nil {
			t.Fatalf("the %s form has no person field to type in", name)
		}
		test.Type(field, "ben")
		if !kittest.Shows(form, "Ben Okafor") {
			t.Errorf("typing 'ben' in the %s form offers nobody: %q", name, kittest.Texts(form))
		}
		press(field, fyne.KeyEscape)
		press(field, fyne.KeyEscape)
		discard(t, h)
	}
}
