package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestQuickAddPromiseThenKeepItAndTheRateChanges(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes", titled("Director", "Platform"))
	ben := storetest.Person(t, st, "Ben Okafor", titled("Engineer", "Data"))
	w := newTestWindow(t, st)
	w.show(screenPromises)
	if !kittest.Shows(w.content, "No promises resolved yet") {
		t.Errorf("rate before any promise: %q", kittest.Texts(w.content))
	}

	// Ctrl+P from anywhere: pick the person by typing, say what and when.
	pressShortcut(t, w, "P")
	form := topDialog(t, w)
	if !kittest.Shows(form, "New promise") {
		t.Fatalf("Ctrl+P opened %q, not the promise form", kittest.Texts(form))
	}
	test.Tap(kittest.MustButton(t, form, "Add"))
	if !kittest.Shows(form, "Person is required") {
		t.Errorf("no person problem among %q", kittest.Texts(form))
	}
	who := kittest.PickerEntry(form, "Type a name")
	test.Type(who, "dan") // the suggestions show as the name is typed
	if !kittest.TapSuggestion(form, kit.PersonLabel(dana)) || who.Text != "Dana Reyes" {
		t.Fatalf("no suggestion %q for 'dan' among %q", kit.PersonLabel(dana), kittest.Texts(form))
	}
	test.Type(kittest.Entry(form, "Send the migration plan; introduce them to Priya"), "Send the migration plan")
	due := kittest.Entry(form, "Tue, next week, in 3 days, 1 Dec, 2026-12-01")
	test.Type(due, "blorp")
	if !kittest.Shows(form, "Not a date yet") {
		t.Errorf("no hint for a bad date among %q", kittest.Texts(form))
	}
	test.Tap(kittest.MustButton(t, form, "Add"))
	if !kittest.Shows(form, `"blorp"`) {
		t.Errorf("no due problem among %q", kittest.Texts(form))
	}
	due.SetText("tue")
	if !kittest.Shows(form, "Tuesday 24 November 2026") {
		t.Errorf("no hint for tue among %q", kittest.Texts(form))
	}
	test.Tap(kittest.MustButton(t, form, "Add"))
	if d := kittest.TopDialog(w.win); d != nil {
		t.Fatalf("form still open: %q", kittest.Texts(d))
	}
	all := storedPromises(t, st)
	if len(all) != 1 {
		t.Fatalf("stored %d promises", len(all))
	}
	p := all[0]
	if p.What != "Send the migration plan" || p.Direction != model.DirectionMine || p.Status != model.PromiseOpen ||
		!p.DueOn.Equal(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)) || !p.MadeOn.Equal(model.Day(testNow)) {
		t.Errorf("stored %+v", p)
	}
	if got := kittest.PromiseHeaders(w.content); !slices.Equal(got, []string{"Due in the next 7 days · 1"}) {
		t.Errorf("headers = %v", got)
	}

	// One action marks it kept; the rate appears.
	row := kittest.PromiseRow(t, w.content, "Send the migration plan")
	if !row.Kept.Visible() || row.Sub.Text != "Dana Reyes · due tomorrow" {
		t.Errorf("row shows %q, kept visible %v", row.Sub.Text, row.Kept.Visible())
	}
	test.Tap(row.Kept)
	all = storedPromises(t, st)
	if all[0].Status != model.PromiseKept || !all[0].ResolvedOn.Equal(model.Day(testNow)) {
		t.Errorf("after Kept: %s on %v", all[0].Status, all[0].ResolvedOn)
	}
	if !kittest.Shows(w.content, "100% kept on time") {
		t.Errorf("rate after keeping: %q", kittest.Texts(w.content))
	}
	if rows := kittest.PromiseRows(w.content); len(rows) != 0 {
		t.Errorf("pending filter still lists %d rows", len(rows))
	}

	// A promise kept after its date counts as late and halves the rate.
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: ben.ID, What: "Review the design doc",
		MadeOn: testNow.AddDate(0, 0, -20), DueOn: testNow.AddDate(0, 0, -6)})
	w.screens.promises.Reload()
	if got := kittest.PromiseHeaders(w.content); !slices.Equal(got, []string{"Overdue · 1"}) {
		t.Errorf("headers = %v", got)
	}
	row = kittest.PromiseRow(t, w.content, "Review the design doc")
	if row.Sub.Text != "Ben Okafor · due overdue by 6 days" && !strings.Contains(row.Sub.Text, "overdue") {
		t.Errorf("overdue row says %q", row.Sub.Text)
	}
	test.Tap(row.Kept)
	if !kittest.Shows(w.content, "50% kept on time") || !kittest.Shows(w.content, "1 late") {
		t.Errorf("rate after a late keep: %q", kittest.Texts(w.content))
	}
	// The toast offers Undo, which puts the promise back as it was.
	test.Tap(w.toast.undo)
	if all = storedPromises(t, st); all[0].What != "Review the design doc" || all[0].Status != model.PromiseOpen {
		t.Errorf("after Undo: %q is %s", all[0].What, all[0].Status)
	}
	if !kittest.Shows(w.content, "100% kept on time") {
		t.Errorf("rate after Undo: %q", kittest.Texts(w.content))
	}
}

// openPromiseRow taps the More of the promise row saying what, and
// returns the dialog it opened.
func openPromiseRow(t *testing.T, w *Window, what string) fyne.CanvasObject {
	t.Helper()
	test.Tap(kittest.PromiseRow(t, w.content, what).More)
	return topDialog(t, w)
}

func TestPromiseDialogRenegotiatesAndRefusesWhatCannotBe(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes", titled("Director", "Platform"))
	p := storetest.Promise(t, st, model.Promise{Direction: model.DirectionTheirs, PersonID: dana.ID, What: "Intro to the CTO",
		MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow.AddDate(0, 0, 1)})
	w := newTestWindow(t, st)
	w.show(screenPromises)
	d := openPromiseRow(t, w, "Intro to the CTO")
	newDue := kittest.Entry(d, "New due date: Fri, next week, 1 Dec")
	test.Type(newDue, "someday")
	test.Tap(kittest.MustButton(t, d, "Renegotiate"))
	if !kittest.Shows(d, `"someday"`) {
		t.Errorf("no problem among %q", kittest.Texts(d))
	}
	newDue.SetText("next week")
	test.Tap(kittest.MustButton(t, d, "Renegotiate"))
	got := storedPromises(t, st)
	if got[0].Status != model.PromiseRenegotiated || !got[0].DueOn.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("after renegotiating: %s due %v", got[0].Status, got[0].DueOn)
	}
	history, _ := st.PromiseHistory(context.Background(), p.ID)
	if len(history) != 1 || !history[0].OldDueOn.Equal(model.Day(testNow.AddDate(0, 0, 1))) {
		t.Errorf("history = %+v", history)
	}

	// Broken, then the dialog of a broken promise offers only Reopen.
	for kittest.TopDialog(w.win) != nil {
		w.win.Canvas().Overlays().Remove(kittest.TopDialog(w.win))
	}
	test.Tap(kittest.MustButton(t, openPromiseRow(t, w, "Intro to the CTO"), "Broken"))
	got = storedPromises(t, st)
	if got[0].Status != model.PromiseBroken {
		t.Fatalf("status = %s", got[0].Status)
	}
	kittest.FindSelect(w.content, func(s *widget.Select) bool { return s.Selected == "Pending" }).SetSelected("Any status")
	row := kittest.PromiseRow(t, w.content, "Intro to the CTO")
	if row.Kept.Visible() || row.State.Text != "Broken" {
		t.Errorf("resolved row: kept visible %v, state %q", row.Kept.Visible(), row.State.Text)
	}
	d = openPromiseRow(t, w, "Intro to the CTO")
	if _, err := got[0].Resolve(model.PromiseKept, testNow); err == nil {
		t.Error("the model let a broken promise become kept")
	}
	if kittest.Button(d, "Kept") != nil {
		t.Error("the dialog of a broken promise offers Kept")
	}
	test.Tap(kittest.MustButton(t, d, "Reopen"))
	got = storedPromises(t, st)
	if got[0].Status != model.PromiseOpen {
		t.Errorf("after Reopen: %s", got[0].Status)
	}
}

func TestArchivedPeoplesPromisesStayInView(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes", titled("Director", "Platform"))
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "Return the book",
		MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow.AddDate(0, 0, -1)})
	storetest.Archived(t, st, dana.ID)
	w := newTestWindow(t, st)
	w.show(screenPromises)
	row := kittest.PromiseRow(t, w.content, "Return the book")
	if !strings.Contains(row.Sub.Text, "Dana Reyes (in the trash)") {
		t.Errorf("row says %q", row.Sub.Text)
	}
	w.show(screenToday)
	if len(w.screens.today.Report().Due) != 1 {
		t.Errorf("Today lists %d promises due", len(w.screens.today.Report().Due))
	}
	markup := test.RenderObjectToMarkup(w.content)
	if !strings.Contains(markup, "Dana Reyes (in the trash)") {
		t.Error("Today hides the archived person's overdue promise")
	}
}
