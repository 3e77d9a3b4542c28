package forms_test

import (
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/forms"
	"rapport/ui/kit/kittest"
)

func TestDeleteAPromiseFromItsDialogThenUndoKeepsItsHistory(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionMine, What: "Send the deck"})
	p.DueOn = testNow.AddDate(0, 0, 7)
	if err := st.UpdatePromise(t.Context(), &p); err != nil {
		t.Fatal(err)
	}
	before := promises(t, st)
	history, err := st.PromiseHistory(t.Context(), p.ID)
	if err != nil || len(history) != 1 {
		t.Fatalf("history = %+v, %v; want one change", history, err)
	}
	changed := 0
	d := forms.OpenPromise(h, st, before[0], "Dana Reyes", func() { changed++ })
	test.Tap(d.Delete)

	if got := promises(t, st); len(got) != 0 {
		t.Fatalf("after Delete the store holds %+v", got)
	}
	if kittest.TopDialog(h.win) != nil {
		t.Errorf("the dialog is still open after Delete")
	}
	if want := []string{"Promise deleted: you owe Dana Reyes: Send the deck."}; !slices.Equal(h.toasts, want) || h.undo == nil {
		t.Fatalf("toasts %q (undo %v), want %q with Undo", h.toasts, h.undo != nil, want)
	}
	h.undo()
	if got := promises(t, st); !reflect.DeepEqual(got, before) {
		t.Errorf("after Undo:\n got %+v\nwant %+v", got, before)
	}
	if got, err := st.PromiseHistory(t.Context(), p.ID); err != nil || !reflect.DeepEqual(got, history) {
		t.Errorf("history after Undo = %+v, %v; want %+v", got, err, history)
	}
	if changed != 2 {
		t.Errorf("the page was told of %d changes, want 2 (delete, undo)", changed)
	}
}
