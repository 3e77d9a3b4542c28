package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
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

// quickLog is the one-line box that logs an interaction and its promises
// from one line (model.ParseCapture), with a live preview under it.
type quickLog struct {
	w       *Window
	store   quickLogStore
	people  []model.Person
	entry   *quickEntry
	preview *widget.Label
	dialog  dialog.Dialog
}

// quickEntry is the line of the quick log box: Esc closes the box.
type quickEntry struct {
	widget.Entry
	onEscape func()
}

// TypedKey closes the box on Esc and otherwise types as an entry does.
func (e *quickEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
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
	q.entry = &quickEntry{onEscape: q.close}
	q.entry.ExtendBaseWidget(q.entry)
	q.entry.SetPlaceHolder(quickLogHint)
	q.entry.OnChanged = func(string) { q.showPreview() }
	q.entry.OnSubmitted = func(string) { q.save() }
	q.preview.Wrapping = fyne.TextWrapWord
	q.showPreview()
	content := container.NewVBox(q.entry, q.preview)
	q.dialog = dialog.NewCustomWithoutButtons("Quick log", content, w.win)
	q.dialog.Resize(fyne.NewSize(560, 160))
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
		q.setPreview("Type a line, such as: "+quickLogHint, widget.LowImportance)
		return
	}
	c, err := q.parse()
	if err != nil {
		q.setPreview(captureProblem(err), widget.DangerImportance)
		return
	}
	q.setPreview(c.Preview, widget.LowImportance)
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
