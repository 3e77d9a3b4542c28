package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// promiseRowFor renders the Promises list row showing the promise that
// says what, so a test can tap its buttons as a user would.
func promiseRowFor(t *testing.T, s *promisesScreen, what string) kit.PromiseRowParts {
	t.Helper()
	for i, r := range s.rows {
		if r.header == "" && r.promise.What == what {
			o := kit.NewPromiseRow()
			s.updateRow(i, o)
			return kit.PromiseRowOf(o)
		}
	}
	t.Fatalf("no row for %q among %d rows", what, len(s.rows))
	return kit.PromiseRowParts{}
}

// headers lists the section headers of the Promises list.
func headers(s *promisesScreen) []string {
	var out []string
	for _, r := range s.rows {
		if r.header != "" {
			out = append(out, r.header)
		}
	}
	return out
}

func TestQuickAddPromiseThenKeepItAndTheRateChanges(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	w.show(screenPromises)
	if got := w.promises.mineRate.Text; got != "No promises resolved yet" {
		t.Errorf("rate before any promise = %q", got)
	}

	// Ctrl+P from anywhere: pick the person by typing, say what and when.
	pressShortcut(t, w, "P")
	e := w.currentPromiseEditor
	if e == nil {
		t.Fatal("Ctrl+P opened no promise form")
	}
	test.Tap(e.save)
	if got := e.fields.Problem("person"); got != "Person is required" {
		t.Errorf("person problem = %q", got)
	}
	test.Type(e.who, "dan")
	if len(e.people.Options()) != 1 || !strings.HasPrefix(e.people.Options()[0], "Dana Reyes") {
		t.Fatalf("suggestions for 'dan' = %v", e.people.Options())
	}
	e.who.SetText(e.people.Options()[0]) // picked from the drop-down
	test.Type(e.what, "Send the migration plan")
	test.Type(e.due, "blorp")
	if e.dueHint.Text != "Not a date yet" {
		t.Errorf("hint for a bad date = %q", e.dueHint.Text)
	}
	test.Tap(e.save)
	if got := e.fields.Problem("due on"); !strings.Contains(got, `"blorp"`) {
		t.Errorf("due problem = %q", got)
	}
	e.due.SetText("tue")
	if !strings.HasPrefix(e.dueHint.Text, "Tuesday 24 November 2026") {
		t.Errorf("hint for tue = %q", e.dueHint.Text)
	}
	test.Tap(e.save)
	if w.currentPromiseEditor != nil {
		t.Fatalf("form still open: %v", e.fields.Problem("person"))
	}
	all, _ := st.Promises(context.Background())
	if len(all) != 1 {
		t.Fatalf("stored %d promises", len(all))
	}
	p := all[0]
	if p.What != "Send the migration plan" || p.Direction != model.DirectionMine || p.Status != model.PromiseOpen ||
		!p.DueOn.Equal(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)) || !p.MadeOn.Equal(model.Day(testNow)) {
		t.Errorf("stored %+v", p)
	}
	if got := headers(w.promises); !equal(got, []string{"Due in the next 7 days · 1"}) {
		t.Errorf("headers = %v", got)
	}

	// One action marks it kept; the rate appears.
	row := promiseRowFor(t, w.promises, "Send the migration plan")
	if !row.Kept.Visible() || row.Sub.Text != "Dana Reyes · due tomorrow" {
		t.Errorf("row shows %q, kept visible %v", row.Sub.Text, row.Kept.Visible())
	}
	test.Tap(row.Kept)
	all, _ = st.Promises(context.Background())
	if all[0].Status != model.PromiseKept || !all[0].ResolvedOn.Equal(model.Day(testNow)) {
		t.Errorf("after Kept: %s on %v", all[0].Status, all[0].ResolvedOn)
	}
	if got := w.promises.mineRate.Text; got != "100% kept on time" {
		t.Errorf("rate after keeping = %q", got)
	}
	if len(w.promises.rows) != 0 {
		t.Errorf("pending filter still lists %d rows", len(w.promises.rows))
	}

	// A promise kept after its date counts as late and halves the rate.
	late := model.Promise{Direction: model.DirectionMine, PersonID: 2, What: "Review the design doc",
		MadeOn: testNow.AddDate(0, 0, -20), DueOn: testNow.AddDate(0, 0, -6), Status: model.PromiseOpen}
	if err := st.CreatePromise(context.Background(), &late); err != nil {
		t.Fatal(err)
	}
	w.promises.reload()
	if got := headers(w.promises); !equal(got, []string{"Overdue · 1"}) {
		t.Errorf("headers = %v", got)
	}
	row = promiseRowFor(t, w.promises, "Review the design doc")
	if row.Sub.Text != "Ben Okafor · due overdue by 6 days" && !strings.Contains(row.Sub.Text, "overdue") {
		t.Errorf("overdue row says %q", row.Sub.Text)
	}
	test.Tap(row.Kept)
	if got := w.promises.mineRate.Text; got != "50% kept on time" {
		t.Errorf("rate after a late keep = %q", got)
	}
	if got := w.promises.mineDetail.Text; !strings.Contains(got, "1 late") {
		t.Errorf("detail = %q", got)
	}
	// The toast offers Undo, which puts the promise back as it was.
	test.Tap(w.toast.undo)
	all, _ = st.Promises(context.Background())
	if all[1].Status != model.PromiseOpen {
		t.Errorf("after Undo: %s", all[1].Status)
	}
	if got := w.promises.mineRate.Text; got != "100% kept on time" {
		t.Errorf("rate after Undo = %q", got)
	}
}

func TestPromiseDialogRenegotiatesAndRefusesWhatCannotBe(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"))
	p := model.Promise{Direction: model.DirectionTheirs, PersonID: 1, What: "Intro to the CTO",
		MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow.AddDate(0, 0, 1), Status: model.PromiseOpen}
	if err := st.CreatePromise(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenPromises)
	w.promises.open(w.promises.rows[1].promise)
	d := w.currentPromiseDialog
	test.Type(d.newDue, "someday")
	test.Tap(d.renegotiate)
	if !d.problem.Visible() || !strings.Contains(d.problem.Text, `"someday"`) {
		t.Errorf("problem = %q", d.problem.Text)
	}
	d.newDue.SetText("next week")
	test.Tap(d.renegotiate)
	got, _ := st.Promises(context.Background())
	if got[0].Status != model.PromiseRenegotiated || !got[0].DueOn.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("after renegotiating: %s due %v", got[0].Status, got[0].DueOn)
	}
	history, _ := st.PromiseHistory(context.Background(), p.ID)
	if len(history) != 1 || !history[0].OldDueOn.Equal(model.Day(testNow.AddDate(0, 0, 1))) {
		t.Errorf("history = %+v", history)
	}

	// Broken, then the dialog of a broken promise offers only Reopen.
	w.promises.open(got[0])
	test.Tap(w.currentPromiseDialog.broken)
	got, _ = st.Promises(context.Background())
	if got[0].Status != model.PromiseBroken {
		t.Fatalf("status = %s", got[0].Status)
	}
	w.promises.status.SetSelected(allStatuses)
	row := promiseRowFor(t, w.promises, "Intro to the CTO")
	if row.Kept.Visible() || row.State.Text != "Broken" {
		t.Errorf("resolved row: kept visible %v, state %q", row.Kept.Visible(), row.State.Text)
	}
	w.promises.open(got[0])
	d = w.currentPromiseDialog
	if _, err := got[0].Resolve(model.PromiseKept, testNow); err == nil {
		t.Error("the model let a broken promise become kept")
	}
	test.Tap(d.reopen)
	got, _ = st.Promises(context.Background())
	if got[0].Status != model.PromiseOpen {
		t.Errorf("after Reopen: %s", got[0].Status)
	}
}

func TestArchivedPeoplesPromisesStayInView(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"))
	p := model.Promise{Direction: model.DirectionMine, PersonID: 1, What: "Return the book",
		MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow.AddDate(0, 0, -1), Status: model.PromiseOpen}
	if err := st.CreatePromise(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	if err := st.ArchivePerson(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenPromises)
	row := promiseRowFor(t, w.promises, "Return the book")
	if !strings.Contains(row.Sub.Text, "Dana Reyes (in the trash)") {
		t.Errorf("row says %q", row.Sub.Text)
	}
	w.show(screenToday)
	if len(w.today.Report().Due) != 1 {
		t.Errorf("Today lists %d promises due", len(w.today.Report().Due))
	}
	markup := test.RenderObjectToMarkup(w.content)
	if !strings.Contains(markup, "Dana Reyes (in the trash)") {
		t.Error("Today hides the archived person's overdue promise")
	}
}

// TestOpenPersonShowsTheirPage: the navigation verb screens call to
// open a person (Today's reach-outs, risks and names) shows their page.
func TestOpenPersonShowsTheirPage(t *testing.T) {
	st := seeded(t, person("Morgan Lee", "VP Engineering", "Leadership"), person("Sam Ortiz", "Engineer", "Platform"))
	w := newTestWindow(t, st)
	kittest.TapLink(t, w.content, "Morgan Lee")
	if w.current != screenPeople || pageName(w) != "Morgan Lee" {
		t.Error("tapping a reach-out does not open the person")
	}
}

func TestReminderSumsUpWhatIsDue(t *testing.T) {
	day := func(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }
	report := model.Today{Now: testNow, People: map[int64]model.Person{1: {ID: 1, Name: "Dana"}, 2: {ID: 2, Name: "Ben"}},
		Due: []model.Promise{
			{PersonID: 1, Direction: model.DirectionMine, What: "the deck", DueOn: day(-2), Status: model.PromiseOpen},
			{PersonID: 2, Direction: model.DirectionTheirs, What: "an intro", DueOn: day(0), Status: model.PromiseOpen},
			{PersonID: 2, Direction: model.DirectionMine, What: "feedback", DueOn: day(3), Status: model.PromiseOpen},
		}}
	n := reminderFor(report)
	if n == nil {
		t.Fatal("no reminder for an overdue promise")
	}
	if n.Title != "Rapport: 2 promises need you (1 overdue, 1 due today)" {
		t.Errorf("title = %q", n.Title)
	}
	if n.Content != "You owe Dana: the deck\nBen owes you: an intro" {
		t.Errorf("content = %q", n.Content)
	}
	report.Due = report.Due[2:]
	if n := reminderFor(report); n != nil {
		t.Errorf("reminder for nothing due today: %+v", n)
	}

	// The window sends one summary when it opens, and schedules the next
	// for tomorrow morning rather than ticking.
	st := seeded(t, person("Dana Reyes", "Director", "Platform"))
	p := model.Promise{Direction: model.DirectionMine, PersonID: 1, What: "the deck",
		MadeOn: day(-5), DueOn: day(-1), Status: model.PromiseOpen}
	if err := st.CreatePromise(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	defer w.reminder.stop()
	if len(w.reminder.sent) != 1 {
		t.Errorf("sent %d notifications on start", len(w.reminder.sent))
	}
	next := nextReminder(testNow)
	if !next.After(testNow) || next.Sub(testNow) > 24*time.Hour || next.Local().Hour() != reminderHour {
		t.Errorf("next reminder at %v", next)
	}
}
