package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestCtrlLWithNobodyInViewAsksWhomThenCtrlPIsWithThem logs from Today
// with no person in view: Ctrl+L asks whom (the picker focused), and the
// promise Ctrl+P opens next is with the person just logged.
func TestCtrlLWithNobodyInViewAsksWhomThenCtrlPIsWithThem(t *testing.T) {
	w, st, helena := quickLogWindow(t)
	w.show(screenToday)
	pressShortcut(t, w, fyne.KeyL)
	form := kittest.TopDialog(w.win)
	who, ok := w.win.Canvas().Focused().(*kit.TextField)
	if form == nil || !kittest.Shows(form, "Log interaction") || !ok || who.PlaceHolder != "Type a name: whom did you meet?" {
		t.Fatalf("Ctrl+L on Today shows %q, focus on %T", kittest.Texts(form), w.win.Canvas().Focused())
	}
	test.Type(who, "hele")
	who.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // picks Helena
	if who.Text != "Helena Sørensen" || kittest.TopDialog(w.win) != form {
		t.Fatalf("Enter on the suggestion left %q, dialog %q", who.Text, kittest.Texts(kittest.TopDialog(w.win)))
	}
	test.Tap(kittest.MustButton(t, form, "Log"))
	if is, _ := stored(t, st, helena); len(is) != 1 || kittest.TopDialog(w.win) != nil {
		t.Fatalf("logged %d interactions with Helena; dialog left: %v", len(is), kittest.TopDialog(w.win) != nil)
	}
	pressShortcut(t, w, fyne.KeyP)
	form = kittest.TopDialog(w.win)
	if e := kittest.PickerEntry(form, "Type a name"); e == nil || e.Text != "Helena Sørensen" {
		t.Errorf("Ctrl+P after logging with Helena opens %q", kittest.Texts(form))
	}
}
