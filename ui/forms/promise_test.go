package forms_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/forms"
	"rapport/ui/kit/kittest"
)

func TestPromiseFormPicksThePersonAndReadsTheDueDateBack(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Person(t, st, "Ben Okafor")
	e := forms.EditPromise(h, st, model.Promise{}, nil)
	onTop(t, h, "New promise")
	if e.Direction.Selected != model.DirectionMine.Label() || e.MadeOn.Text != "today" {
		t.Errorf("a new promise opens as %q made %q", e.Direction.Selected, e.MadeOn.Text)
	}
	test.Tap(e.Save)
	if got := e.Problem("person"); got != "Person is required" {
		t.Errorf("person problem = %q", got)
	}
	test.Type(e.Who.Entry, "dan")
	if got := e.Who.Suggestions(); len(got) != 1 || !strings.HasPrefix(got[0], "Dana Reyes") {
		t.Fatalf("suggestions for 'dan' = %v", got)
	}
	press(e.Who.Entry, fyne.KeyReturn) // picks the highlighted one, saves nothing
	onTop(t, h, "New promise")
	if e.Who.Entry.Text != "Dana Reyes" || e.Who.Picked().ID != dana.ID || e.Who.Suggestions() != nil {
		t.Fatalf("Enter picked %q (%d), still offering %v", e.Who.Entry.Text, e.Who.Picked().ID, e.Who.Suggestions())
	}
	test.Type(e.What, "Send the migration plan")
	test.Type(e.Due, "blorp")
	if e.DueHint.Text != "Not a date yet" {
		t.Errorf("hint for a bad date = %q", e.DueHint.Text)
	}
	test.Tap(e.Save)
	if got := e.Problem("due on"); !strings.Contains(got, `"blorp"`) {
		t.Errorf("due problem = %q", got)
	}
	if n := len(promises(t, st)); n != 0 {
		t.Fatalf("%d promises stored from an invalid form", n)
	}
	e.Due.SetText("tue")
	if !strings.HasPrefix(e.DueHint.Text, "Tuesday 24 November 2026") {
		t.Errorf("hint for tue = %q", e.DueHint.Text)
	}
	test.Tap(e.Save)
	closed(t, h)
	all := promises(t, st)
	if len(all) != 1 {
		t.Fatalf("stored %d promises", len(all))
	}
	p := all[0]
	if p.What != "Send the migration plan" || p.PersonID != dana.ID || p.Direction != model.DirectionMine || p.Status != model.PromiseOpen ||
		!p.DueOn.Equal(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)) || !p.MadeOn.Equal(model.Day(testNow)) {
		t.Errorf("stored %+v", p)
	}
	if !slices.Equal(h.toasts, []string{"You owe Dana Reyes: Send the migration plan added."}) {
		t.Errorf("messages %q", h.toasts)
	}
}

func TestPromiseFormEditsAPromiseWithItsPersonChosen(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionTheirs,
		What: "Intro to the CTO", DueOn: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	e := forms.EditPromise(h, st, p, nil)
	onTop(t, h, "Edit promise")
	if e.Who.Entry.Text != "Dana Reyes" || e.Person().ID != dana.ID || e.What.Text != "Intro to the CTO" ||
		e.Direction.Selected != model.DirectionTheirs.Label() || e.Due.Text != "2026-11-30" {
		t.Fatalf("the form opened with %q (%d), %q, %q, due %q", e.Who.Entry.Text, e.Person().ID, e.What.Text, e.Direction.Selected, e.Due.Text)
	}
	e.What.SetText("Intro to the CTO and the CFO")
	test.Tap(e.Save)
	all := promises(t, st)
	if len(all) != 1 || all[0].What != "Intro to the CTO and the CFO" {
		t.Errorf("stored %+v", all)
	}
	if len(h.toasts) != 0 {
		t.Errorf("an edit said %q; only a new promise is announced", h.toasts)
	}
}

func TestPromiseDialogChangesTheStatusWithUndo(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionTheirs,
		What: "Intro to the CTO", DueOn: testNow.AddDate(0, 0, 1)})
	changed := 0
	d := forms.OpenPromise(h, st, p, "Dana Reyes", func() { changed++ })
	onTop(t, h, "Dana Reyes owes you: Intro to the CTO")
	top := kittest.TopDialog(h.win)
	if kittest.Button(top, "Released (I let it go)") == nil || kittest.Button(top, "Kept") == nil || kittest.Button(top, "Reopen") != nil {
		t.Errorf("a pending promise of theirs offers %q", kittest.Texts(top))
	}
	test.Tap(d.Broken)
	closed(t, h)
	if got := promises(t, st)[0].Status; got != model.PromiseBroken {
		t.Fatalf("after Broken the promise is %s", got)
	}
	if changed != 1 || !slices.Equal(h.toasts, []string{"Dana Reyes owes you: Intro to the CTO: broken."}) || h.undo == nil {
		t.Fatalf("changed %d times; messages %q (undo %v)", changed, h.toasts, h.undo != nil)
	}
	h.undo()
	if got := promises(t, st)[0].Status; got != model.PromiseOpen {
		t.Errorf("after Undo the promise is %s, want open", got)
	}
	if changed != 2 {
		t.Errorf("changed ran %d times, want again after Undo", changed)
	}
}

func TestPromiseDialogRenegotiatesAndRefusesABadDate(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionTheirs,
		What: "Intro to the CTO", MadeOn: testNow.AddDate(0, 0, -3), DueOn: model.Day(testNow.AddDate(0, 0, 1))})
	d := forms.OpenPromise(h, st, p, "Dana Reyes", nil)
	test.Type(d.NewDue, "someday")
	test.Tap(d.Renegotiate)
	if !d.Problem.Visible() || !strings.Contains(d.Problem.Text, `"someday"`) {
		t.Errorf("problem = %q", d.Problem.Text)
	}
	if got := promises(t, st)[0]; got.Status != model.PromiseOpen {
		t.Fatalf("a bad date changed the promise to %s", got.Status)
	}
	d.NewDue.SetText("next week")
	test.Tap(d.Renegotiate)
	got := promises(t, st)[0]
	if got.Status != model.PromiseRenegotiated || !got.DueOn.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("after renegotiating: %s due %v", got.Status, got.DueOn)
	}
	history, err := st.PromiseHistory(context.Background(), p.ID)
	if err != nil || len(history) != 1 || !history[0].OldDueOn.Equal(model.Day(testNow.AddDate(0, 0, 1))) {
		t.Errorf("history = %+v (%v)", history, err)
	}

	// The dialog of the renegotiated promise shows its history; a broken
	// one offers only Reopen, which opens it again.
	d = forms.OpenPromise(h, st, got, "Dana Reyes", nil)
	onTop(t, h, "Open → Renegotiated, due Tue 24 Nov → Mon 30 Nov")
	test.Tap(d.Broken)
	got = promises(t, st)[0]
	d = forms.OpenPromise(h, st, got, "Dana Reyes", nil)
	top := kittest.TopDialog(h.win)
	if kittest.Button(top, "Kept") != nil || kittest.Button(top, "Reopen") == nil {
		t.Errorf("a broken promise offers %q, want Reopen and no Kept", kittest.Texts(top))
	}
	test.Tap(d.Reopen)
	if got := promises(t, st)[0].Status; got != model.PromiseOpen {
		t.Errorf("after Reopen: %s", got)
	}
}

func TestKeepPromiseMarksItKeptWithUndo(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionMine,
		What: "Review the design doc", MadeOn: testNow.AddDate(0, 0, -20), DueOn: testNow.AddDate(0, 0, -6)})
	forms.KeepPromise(h, st, p, "Dana Reyes", nil)
	got := promises(t, st)[0]
	if got.Status != model.PromiseKeptLate || !got.ResolvedOn.Equal(model.Day(testNow)) {
		t.Fatalf("after Kept: %s on %v, want kept late today", got.Status, got.ResolvedOn)
	}
	if !slices.Equal(h.toasts, []string{"You owe Dana Reyes: Review the design doc: kept late."}) {
		t.Errorf("messages %q", h.toasts)
	}
	h.undo()
	if got := promises(t, st)[0].Status; got != model.PromiseOpen {
		t.Errorf("after Undo: %s", got)
	}
}

// noHistory is a store whose promise histories cannot be read.
type noHistory struct{ *storage.Store }

func (noHistory) PromiseHistory(context.Context, int64) ([]model.PromiseChange, error) {
	return nil, errors.New("disk unreadable")
}

func TestPromiseDialogSaysItsHistoryCouldNotBeReadAndStillWorks(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionMine, What: "Send the deck"})
	d := forms.OpenPromise(h, noHistory{st}, p, "Dana Reyes", nil)
	onTop(t, h, "Could not read its history: disk unreadable")
	test.Tap(d.Kept)
	if got := promises(t, st)[0].Status; got != model.PromiseKept {
		t.Errorf("after Kept the promise is %s", got)
	}
}

func TestPromiseDialogEditOpensThePromiseForm(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionMine, What: "Send the deck"})
	changed := 0
	d := forms.OpenPromise(h, st, p, "Dana Reyes", func() { changed++ })
	test.Tap(d.Edit)
	onTop(t, h, "Edit promise")
	form := kittest.TopDialog(h.win)
	what := kittest.Entry(form, "Send the deck")
	if what == nil {
		t.Fatalf("the promise form does not hold what was promised: %q", kittest.Texts(form))
	}
	what.SetText("Send the deck and the notes")
	test.Tap(kittest.MustButton(t, form, "Save"))
	if got := promises(t, st)[0].What; got != "Send the deck and the notes" || changed != 1 {
		t.Errorf("stored %q; changed ran %d times", got, changed)
	}
}
