package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// quickLogStore is what the quick log box needs of the store: the people
// whose names a line may use, and the capture's save and undo.
type quickLogStore interface {
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	LogCapture(ctx context.Context, c model.Capture) (model.CaptureResult, error)
	UndoCapture(ctx context.Context, r model.CaptureResult) error
}

// quickLogHint is the placeholder of the quick log line.
const quickLogHint = "coffee with Helena yesterday: the reorg; I owe her the plan by Fri"

// quickLogWidth is the width of the quick log box.
const quickLogWidth = 560

// quickLogKeys says, under the box, what the keys do in it.
const quickLogKeys = "Tab completes a kind or a name · Enter saves · Esc closes"

// quickLog is the one-line box that logs an interaction and its promises
// from one line (model.ParseCapture), with a live preview under it.
type quickLog struct {
	w       *Window
	store   quickLogStore
	people  []model.Person
	entry   *quickEntry
	preview *widget.Label
	dialog  dialog.Dialog
	// completions offer kinds and names for the words being typed.
	completions *kit.SuggestionList
	offered     model.CaptureCompletion
}

// quickEntry is the line of the quick log box: while completions show,
// Tab takes the highlighted one (the first when none is), Down and Up
// move the highlight, Enter takes the highlighted one (saving the line
// when none is) and Esc closes them; otherwise Esc closes the box.
type quickEntry struct {
	widget.Entry
	box *quickLog
}

// AcceptsTab keeps Tab in the line while completions show.
func (e *quickEntry) AcceptsTab() bool { return e.box.completions.IsOpen() }

// TypedKey completes, closes or types, as quickEntry says.
func (e *quickEntry) TypedKey(k *fyne.KeyEvent) {
	if e.box.completionKey(k.Name) {
		return
	}
	if k.Name == fyne.KeyEscape {
		e.box.close()
		return
	}
	e.Entry.TypedKey(k)
}

// completionKey handles key while completions show, and reports whether
// it did.
func (q *quickLog) completionKey(key fyne.KeyName) bool {
	c := q.completions
	if !c.IsOpen() {
		return false
	}
	switch key {
	case fyne.KeyTab:
		q.complete(max(c.Highlighted(), 0))
	case fyne.KeyDown:
		c.Move(1)
	case fyne.KeyUp:
		c.Move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if c.Highlighted() < 0 {
			return false
		}
		q.complete(c.Highlighted())
	case fyne.KeyEscape:
		c.Close()
	default:
		return false
	}
	return true
}

// offer lists the completions for the line as typed.
func (q *quickLog) offer() {
	q.offered = model.CompleteCapture(q.entry.Text, q.people)
	q.completions.Show(q.offered.Options, -1)
}

// complete replaces the words being typed with completion i, the cursor
// at the end of the line.
func (q *quickLog) complete(i int) {
	if i < 0 || i >= len(q.offered.Options) {
		return
	}
	line := q.entry.Text[:q.offered.From] + q.offered.Options[i]
	q.entry.SetText(line)
	q.entry.CursorRow, q.entry.CursorColumn = 0, len([]rune(line))
	q.entry.Refresh()
	q.w.win.Canvas().Focus(q.entry)
}

// openQuickLog reads the active people and opens the box, its line focused.
func openQuickLog(w *Window, store quickLogStore) *quickLog {
	summaries, err := store.People(context.Background(), false)
	if err != nil {
		w.ShowError("Could not read the people", err)
		return nil
	}
	q := &quickLog{w: w, store: store, preview: widget.NewLabel("")}
	for _, s := range summaries {
		q.people = append(q.people, s.Person)
	}
	q.entry = &quickEntry{box: q}
	q.entry.ExtendBaseWidget(q.entry)
	q.entry.SetPlaceHolder(quickLogHint)
	q.completions = kit.NewSuggestionList(6)
	q.completions.OnPick = q.complete
	q.entry.OnChanged = func(string) {
		q.offer()
		q.showPreview()
	}
	q.entry.OnSubmitted = func(string) { q.save() }
	q.preview.Wrapping = fyne.TextWrapWord
	q.showPreview()
	keys := kit.QuietText(quickLogKeys, theme.SizeNameCaptionText)
	content := container.NewVBox(q.entry, q.completions.Object(), q.preview, keys)
	q.completions.Relayout = func() {
		content.Refresh()
		q.dialog.Resize(fyne.NewSize(quickLogWidth, 0)) // as tall as it needs, no more
	}
	q.dialog = dialog.NewCustomWithoutButtons("Quick log", content, w.win)
	q.dialog.Resize(fyne.NewSize(quickLogWidth, 0))
	q.dialog.Show()
	w.win.Canvas().Focus(q.entry)
	return q
}

// parse reads the line against the people, as of now.
func (q *quickLog) parse() (model.Capture, error) {
	return model.ParseCapture(q.entry.Text, q.people, q.w.now())
}

// showPreview puts under the line exactly what Enter would save, or the
// part that cannot be read, its problem and whom a name could mean.
func (q *quickLog) showPreview() {
	if strings.TrimSpace(q.entry.Text) == "" {
		q.setPreview("", widget.MediumImportance) // the placeholder shows a line
		return
	}
	c, err := q.parse()
	if err != nil {
		q.setPreview(captureProblem(err), widget.DangerImportance)
		return
	}
	q.setPreview(c.Preview, widget.MediumImportance)
}

// setPreview shows text under the line, in the colour of importance.
func (q *quickLog) setPreview(text string, importance widget.Importance) {
	q.preview.Importance = importance
	q.preview.SetText(text)
}

// captureProblem says in words what in the line could not be read.
func captureProblem(err error) string {
	var ce *model.CaptureError
	if !errors.As(err, &ce) {
		return err.Error()
	}
	msg := ce.Problem
	if ce.Part != "" {
		msg = "“" + ce.Part + "”: " + ce.Problem
	}
	if len(ce.Candidates) > 0 {
		msg += ". Did you mean " + strings.Join(ce.Candidates, ", ") + "?"
	}
	return msg
}

// save saves the line, closes the box and offers to undo; a line that
// cannot be read saves nothing and keeps the box open with its problem.
func (q *quickLog) save() {
	c, err := q.parse()
	if err != nil {
		q.setPreview(captureProblem(err), widget.DangerImportance)
		return
	}
	res, err := q.store.LogCapture(context.Background(), c)
	if err != nil {
		q.w.ShowError("Could not log it", err)
		return
	}
	if ids := c.Interaction.PersonIDs; len(ids) > 0 {
		q.w.lastLogged = ids[0]
	}
	q.close()
	q.w.refresh()
	q.w.Toast("Logged: "+c.Preview, func() { q.undo(res) })
}

// undo removes what save created.
func (q *quickLog) undo(res model.CaptureResult) {
	if err := q.store.UndoCapture(context.Background(), res); err != nil {
		q.w.ShowError("Could not undo the log", err)
		return
	}
	q.w.refresh()
}

// close hides the box without saving.
func (q *quickLog) close() { q.dialog.Hide() }
