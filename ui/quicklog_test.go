package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/ui/kit/kittest"
)

// issueLine is the line of issue 19 that must work exactly.
const issueLine = "coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri"

// quickLogWindow is a window over a real store holding a few people.
func quickLogWindow(t *testing.T) (*Window, *storage.Store, model.Person) {
	t.Helper()
	st := peopleStore(t, person("Helena Sørensen", "Director", "Platform"),
		person("Daniel Okafor", "Engineer", "Platform"), person("Dana Reyes", "Manager", "Data"))
	w := newTestWindow(t, st)
	helena, err := st.Person(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return w, st, helena
}

// openBox presses Ctrl+K and returns the box on top and its line.
func openBox(t *testing.T, w *Window) (fyne.CanvasObject, *quickEntry) {
	t.Helper()
	pressShortcut(t, w, fyne.KeyK)
	box := kittest.TopDialog(w.win)
	if box == nil {
		t.Fatal("Ctrl+K opened no box")
	}
	entry := kittest.Find(box, func(*quickEntry) bool { return true })
	if entry == nil {
		t.Fatal("the box has no line")
	}
	if w.win.Canvas().Focused() != entry {
		t.Error("the line is not focused")
	}
	return box, entry
}

// stored is what the store holds with p: interactions and promises.
func stored(t *testing.T, st *storage.Store, p model.Person) ([]model.Interaction, []model.Promise) {
	t.Helper()
	is, err := st.InteractionsWith(context.Background(), p.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := st.PromisesFor(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return is, ps
}

func TestQuickLogSavesTheLineAndUndoes(t *testing.T) {
	w, st, helena := quickLogWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, issueLine)
	want, err := model.ParseCapture(issueLine, []model.Person{helena}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !kittest.Shows(box, want.Preview) {
		t.Errorf("the box shows %q, want the preview %q", kittest.Texts(box), want.Preview)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if kittest.TopDialog(w.win) != nil {
		t.Error("the box is still open after Enter")
	}
	is, ps := stored(t, st, helena)
	if len(is) != 1 || is[0].Summary != "the reorg" || len(ps) != 1 || ps[0].What != "the migration plan" {
		t.Fatalf("stored %+v and %+v, want the coffee and the promise", is, ps)
	}
	if got := w.toast.message.Text; got != "Logged: "+want.Preview {
		t.Errorf("toast %q, want %q", got, "Logged: "+want.Preview)
	}
	test.Tap(w.toast.undo)
	if is, ps := stored(t, st, helena); len(is) != 0 || len(ps) != 0 {
		t.Errorf("after Undo the store holds %+v and %+v, want nothing", is, ps)
	}
}

func TestQuickLogUnknownNameSavesNothing(t *testing.T) {
	w, st, helena := quickLogWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, "coffee with Da yesterday: the reorg")
	preview := kittest.Find(box, func(l *widget.Label) bool { return l.Importance == widget.DangerImportance })
	if preview == nil || !strings.Contains(preview.Text, "Daniel Okafor") || !strings.Contains(preview.Text, "Dana Reyes") {
		t.Fatalf("the box shows %q, want the problem with both candidates", kittest.Texts(box))
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if kittest.TopDialog(w.win) != box {
		t.Error("Enter on a line that does not parse closed the box")
	}
	for _, id := range []int64{helena.ID, 2, 3} {
		if is, ps := stored(t, st, model.Person{ID: id}); len(is) != 0 || len(ps) != 0 {
			t.Errorf("person %d: stored %+v and %+v, want nothing", id, is, ps)
		}
	}
}

func TestQuickLogEscSavesNothing(t *testing.T) {
	w, st, helena := quickLogWindow(t)
	_, entry := openBox(t, w)
	test.Type(entry, issueLine)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if kittest.TopDialog(w.win) != nil {
		t.Error("Esc left the box open")
	}
	if is, ps := stored(t, st, helena); len(is) != 0 || len(ps) != 0 {
		t.Errorf("after Esc the store holds %+v and %+v, want nothing", is, ps)
	}
}

// Today's "Quick log" button opens the same box.
func TestTodayQuickLogOpensTheBox(t *testing.T) {
	w, _, _ := quickLogWindow(t)
	w.show(screenToday)
	test.Tap(kittest.MustButton(t, w.win.Content(), "Quick log"))
	box := kittest.TopDialog(w.win)
	if box == nil || kittest.Find(box, func(*quickEntry) bool { return true }) == nil {
		t.Fatal("the Quick log button opened no quick log box")
	}
}

// key sends the key to the line as the window does.
func key(e *quickEntry, name fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: name}) }

// TestQuickLogCompletesKindsAndNames types a coffee and a promise with
// completions: Tab takes the first, Down then Enter the one highlighted,
// and Enter with none highlighted saves the line.
func TestQuickLogCompletesKindsAndNames(t *testing.T) {
	w, st, helena := quickLogWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, "co")
	if !kittest.Shows(box, "coffee with ") || !entry.AcceptsTab() {
		t.Fatalf("typing 'co' offers %q", kittest.Texts(box))
	}
	key(entry, fyne.KeyTab)
	test.Type(entry, "hel")
	if entry.Text != "coffee with hel" || !kittest.Shows(box, "Helena Sørensen ") {
		t.Fatalf("after Tab and 'hel': line %q, box %q", entry.Text, kittest.Texts(box))
	}
	key(entry, fyne.KeyDown)
	key(entry, fyne.KeyReturn) // takes Helena, saves nothing
	if entry.Text != "coffee with Helena Sørensen " || kittest.TopDialog(w.win) != box {
		t.Fatalf("Down, Enter: line %q, box open %v", entry.Text, kittest.TopDialog(w.win) == box)
	}
	test.Type(entry, "yesterday: the reorg; I owe her the plan by Fri")
	if entry.AcceptsTab() {
		t.Errorf("completions still offered for a finished line %q", entry.Text)
	}
	key(entry, fyne.KeyReturn)
	if is, ps := stored(t, st, helena); len(is) != 1 || len(ps) != 1 || kittest.TopDialog(w.win) != nil {
		t.Fatalf("stored %d interactions and %d promises; box open %v", len(is), len(ps), kittest.TopDialog(w.win) != nil)
	}
}

// TestQuickLogEnterSavesWithCompletionsShowing: completions on offer but
// none highlighted, Enter saves the line as typed; Esc closes the
// completions before the box.
func TestQuickLogEnterSavesWithCompletionsShowing(t *testing.T) {
	w, st, helena := quickLogWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, "coffee with Hel")
	if !kittest.Shows(box, "Helena Sørensen ") {
		t.Fatalf("no completion for 'Hel': %q", kittest.Texts(box))
	}
	key(entry, fyne.KeyEscape)
	if kittest.TopDialog(w.win) != box || entry.AcceptsTab() {
		t.Fatalf("the first Esc did not just close the completions")
	}
	test.Type(entry, "e")
	key(entry, fyne.KeyReturn)
	if is, _ := stored(t, st, helena); len(is) != 1 {
		t.Fatalf("Enter with completions showing stored %d interactions", len(is))
	}
}

// TestQuickLogPreviewReads: what Enter will save is said in the text
// colour, not the faint one, and the keys are named under it.
func TestQuickLogPreviewReads(t *testing.T) {
	w, _, _ := quickLogWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, issueLine)
	if !kittest.Shows(box, "Enter saves") {
		t.Errorf("the box does not say what the keys do: %q", kittest.Texts(box))
	}
	preview := kittest.Find(box, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Coffee with Helena") })
	if preview == nil || preview.Importance != widget.MediumImportance {
		t.Fatalf("the preview is %+v, want it in the text colour", preview)
	}
}
